import { createFileRoute } from '@tanstack/react-router';
import { EditOfferPage } from '../../../features/matches/OfferEditorPage.js';
import { EditOfferQuery, OfferFormQuery } from '../../../features/matches/queries.js';

export const Route = createFileRoute('/me/offers/$offerId')({
  loader: async ({ context, params }) => {
    await Promise.all([context.client.query(OfferFormQuery, {}).toPromise(), context.client.query(EditOfferQuery, { id: params.offerId }).toPromise()]);
  },
  component: EditOfferPage,
});
