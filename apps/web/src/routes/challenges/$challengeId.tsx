import { createFileRoute } from '@tanstack/react-router';
import { ChallengePage } from '../../features/challenges/ChallengePage.js';

export const Route = createFileRoute('/challenges/$challengeId')({
  loader: async ({ context, params }) => {
    // Imported here, not at the top: the query (and its fragments' components) stays out of the entry chunk.
    const { ChallengeQuery } = await import('../../features/challenges/queries.js');
    await context.client.query(ChallengeQuery, { id: params.challengeId }).toPromise();
  },
  component: ChallengePage,
});
