import { createFileRoute } from '@tanstack/react-router';
import { CreativePage } from '../../features/catalogue/CataloguePages.js';

export const Route = createFileRoute('/creatives/$creativeId')({
  loader: async ({ context, params }) => {
    // Imported here, not at the top: the query (and its fragments' components) stays out of the entry chunk.
    const { CreativeQuery } = await import('../../features/catalogue/queries.js');
    await context.client.query(CreativeQuery, { id: params.creativeId }).toPromise();
  },
  component: CreativePage,
});
