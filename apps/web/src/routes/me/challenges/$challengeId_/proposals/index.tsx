import { createFileRoute } from '@tanstack/react-router';
import { validateInboxSearch } from '../../../../../features/review/model.js';
import { ProposalsInboxPage } from '../../../../../features/review/ProposalsInboxPage.js';
import { ProposalsInboxQuery } from '../../../../../features/review/queries.js';

/**
 * The organisation's proposals for one challenge. `$challengeId_` keeps this page out of the
 * challenge's own /me page layout (another screen), while the path stays /me/challenges/:id/proposals.
 */
export const Route = createFileRoute('/me/challenges/$challengeId_/proposals/')({
  validateSearch: validateInboxSearch,
  loader: async ({ context, params }) => {
    await context.client.query(ProposalsInboxQuery, { challengeId: params.challengeId }).toPromise();
  },
  component: ProposalsInboxPage,
});
