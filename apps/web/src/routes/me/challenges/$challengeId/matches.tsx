import { createFileRoute } from '@tanstack/react-router';
import { ChallengeMatchesPage, matchesVariables } from '../../../../features/ourchallenges/ChallengeMatchesPage.js';
import { ChallengeMatchesQuery } from '../../../../features/ourchallenges/queries.js';
import { validateMatchesSearch } from '../../../../features/ourchallenges/search.js';

export const Route = createFileRoute('/me/challenges/$challengeId/matches')({
  validateSearch: validateMatchesSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, params, deps }) => {
    await context.client.query(ChallengeMatchesQuery, matchesVariables(params.challengeId, deps)).toPromise();
  },
  component: ChallengeMatchesPage,
});
