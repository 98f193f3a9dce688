import { createFileRoute } from '@tanstack/react-router';
import { ChallengePage } from '../../features/challenges/ChallengePage.js';
import { ChallengeQuery } from '../../features/challenges/queries.js';

export const Route = createFileRoute('/challenges/$challengeId')({
  loader: async ({ context, params }) => {
    await context.client.query(ChallengeQuery, { id: params.challengeId }).toPromise();
  },
  component: ChallengePage,
});
