import { createFileRoute } from '@tanstack/react-router';
import { NewOfferPage } from '../../../features/matches/OfferEditorPage.js';
import { OfferFormQuery } from '../../../features/matches/queries.js';

export const Route = createFileRoute('/me/offers/new')({
  loader: async ({ context }) => {
    await context.client.query(OfferFormQuery, {}).toPromise();
  },
  component: NewOfferPage,
});
