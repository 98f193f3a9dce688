import { createFileRoute } from '@tanstack/react-router';
import { MatchesPage, matchesVariables } from '../../features/matches/MatchesPage.js';
import { MyCreativeQuery, MyMatchesQuery } from '../../features/matches/queries.js';
import { validateMatchesSearch } from '../../features/matches/search.js';

export const Route = createFileRoute('/me/matches')({
  validateSearch: validateMatchesSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    const id = (await context.client.query(MyCreativeQuery, {}).toPromise()).data?.me.creativeProfileId;
    if (id) await context.client.query(MyMatchesQuery, matchesVariables(id, deps.all)).toPromise();
  },
  component: MatchesPage,
});
