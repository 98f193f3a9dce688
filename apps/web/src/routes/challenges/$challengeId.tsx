import { createFileRoute } from '@tanstack/react-router';
import { ensureFeatures } from '../../i18n/init.js';
import { ChallengePage } from '../../features/challenges/ChallengePage.js';

export const Route = createFileRoute('/challenges/$challengeId')({
  // The proposal box and the questions speak with the proposals feature's words, to visitors too.
  beforeLoad: ({ context }) => ensureFeatures(context.i18n, ['proposals']),
  loader: async ({ context, params }) => {
    // Imported here, not at the top: the query (and its fragments' components) stays out of the entry chunk.
    const { ChallengeQuery } = await import('../../features/challenges/queries.js');
    await context.client.query(ChallengeQuery, { id: params.challengeId }).toPromise();
  },
  component: ChallengePage,
});
