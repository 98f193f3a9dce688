import { createFileRoute } from '@tanstack/react-router';
import { validateInboxSearch } from '../../../../../features/review/model.js';
import { ProposalsInboxPage } from '../../../../../features/review/ProposalsInboxPage.js';
import { ProposalsInboxQuery } from '../../../../../features/review/queries.js';

/** The organisation's proposals for one challenge (beside its editor and matches; no shared layout). */
export const Route = createFileRoute('/me/challenges/$challengeId/proposals/')({
  validateSearch: validateInboxSearch,
  loader: async ({ context, params }) => {
    await context.client.query(ProposalsInboxQuery, { challengeId: params.challengeId }).toPromise();
  },
  component: ProposalsInboxPage,
});
