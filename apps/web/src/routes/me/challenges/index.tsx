import { createFileRoute } from '@tanstack/react-router';
import { ChallengesListPage } from '../../../features/ourchallenges/ChallengesListPage.js';
import { MyChallengesQuery } from '../../../features/ourchallenges/queries.js';
import { validateListSearch } from '../../../features/ourchallenges/search.js';

export const Route = createFileRoute('/me/challenges/')({
  validateSearch: validateListSearch,
  loaderDeps: ({ search }) => ({ after: search.after }),
  loader: async ({ context, deps }) => {
    await context.client.query(MyChallengesQuery, { after: deps.after }).toPromise();
  },
  component: ChallengesListPage,
});
