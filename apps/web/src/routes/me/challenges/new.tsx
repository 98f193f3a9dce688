import { createFileRoute } from '@tanstack/react-router';
import { NewChallengePage } from '../../../features/ourchallenges/ChallengesListPage.js';
import { NewChallengeQuery } from '../../../features/ourchallenges/queries.js';

export const Route = createFileRoute('/me/challenges/new')({
  loader: async ({ context }) => {
    await context.client.query(NewChallengeQuery, {}).toPromise();
  },
  component: NewChallengePage,
});
