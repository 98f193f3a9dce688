import { createFileRoute } from '@tanstack/react-router';
import { NeedPage } from '../../features/catalogue/CataloguePages.js';

export const Route = createFileRoute('/needs/$needId')({
  loader: async ({ context, params }) => {
    // Imported here, not at the top: the query (and its fragments' components) stays out of the entry chunk.
    const { NeedQuery } = await import('../../features/catalogue/queries.js');
    await context.client.query(NeedQuery, { id: params.needId }).toPromise();
  },
  component: NeedPage,
});
