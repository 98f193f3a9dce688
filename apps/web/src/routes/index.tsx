import { createFileRoute } from '@tanstack/react-router';
import { HomePage } from '../features/search/HomePage.js';
import { HomeQuery, homeVariables } from '../features/search/queries.js';
import { validateHomeSearch } from '../features/search/search.js';

export const Route = createFileRoute('/')({
  validateSearch: validateHomeSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    await context.client.query(HomeQuery, homeVariables(deps)).toPromise();
  },
  component: HomePage,
});
