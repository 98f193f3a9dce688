import { createFileRoute } from '@tanstack/react-router';
import { OFFERS_CONTEXT, OffersPage } from '../../../features/matches/OffersPage.js';
import { MyCreativeQuery, MyOffersQuery } from '../../../features/matches/queries.js';
import { validateOffersSearch } from '../../../features/matches/search.js';

export const Route = createFileRoute('/me/offers/')({
  validateSearch: validateOffersSearch,
  loaderDeps: ({ search }) => ({ after: search.after }),
  loader: async ({ context, deps }) => {
    await Promise.all([context.client.query(MyCreativeQuery, {}).toPromise(), context.client.query(MyOffersQuery, { after: deps.after }, OFFERS_CONTEXT).toPromise()]);
  },
  component: OffersPage,
});
