import { createFileRoute } from '@tanstack/react-router';
import { OfferPage } from '../../features/catalogue/CataloguePages.js';
import { OfferQuery } from '../../features/catalogue/queries.js';

export const Route = createFileRoute('/offers/$offerId')({
  loader: async ({ context, params }) => {
    await context.client.query(OfferQuery, { id: params.offerId }).toPromise();
  },
  component: OfferPage,
});
