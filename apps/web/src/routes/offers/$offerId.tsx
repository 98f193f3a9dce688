import { createFileRoute } from '@tanstack/react-router';
import { OfferPage } from '../../features/catalogue/CataloguePages.js';

export const Route = createFileRoute('/offers/$offerId')({
  loader: async ({ context, params }) => {
    // Imported here, not at the top: the query (and its fragments' components) stays out of the entry chunk.
    const { OfferQuery } = await import('../../features/catalogue/queries.js');
    await context.client.query(OfferQuery, { id: params.offerId }).toPromise();
  },
  component: OfferPage,
});
