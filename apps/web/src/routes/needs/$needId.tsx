import { createFileRoute } from '@tanstack/react-router';
import { NeedPage } from '../../features/catalogue/CataloguePages.js';
import { NeedQuery } from '../../features/catalogue/queries.js';

export const Route = createFileRoute('/needs/$needId')({
  loader: async ({ context, params }) => {
    await context.client.query(NeedQuery, { id: params.needId }).toPromise();
  },
  component: NeedPage,
});
