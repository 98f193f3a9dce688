import { createFileRoute } from '@tanstack/react-router';
import { JuryRoomPage } from '../../../features/review/JuryPages.js';
import { JuryRoomQuery } from '../../../features/review/queries.js';

/** One challenge's jury page: the juror's blind queue, or the organisation's ranking and decision. */
export const Route = createFileRoute('/me/jury/$challengeId')({
  loader: async ({ context, params }) => {
    await context.client.query(JuryRoomQuery, { challengeId: params.challengeId }).toPromise();
  },
  component: JuryRoomPage,
});
