import { createFileRoute } from '@tanstack/react-router';
import { CreativePage } from '../../features/catalogue/CataloguePages.js';
import { CreativeQuery } from '../../features/catalogue/queries.js';

export const Route = createFileRoute('/creatives/$creativeId')({
  loader: async ({ context, params }) => {
    await context.client.query(CreativeQuery, { id: params.creativeId }).toPromise();
  },
  component: CreativePage,
});
