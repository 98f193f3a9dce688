import { createFileRoute } from '@tanstack/react-router';
import { ReviewProposalQuery } from '../../../../../features/review/queries.js';
import { ReviewProposalPage } from '../../../../../features/review/ReviewProposalPage.js';

/** One proposal as the challenge's organisation reads it (reviewers too); owners award it here. */
export const Route = createFileRoute('/me/challenges/$challengeId/proposals/$proposalId')({
  loader: async ({ context, params }) => {
    await context.client.query(ReviewProposalQuery, { id: params.proposalId }).toPromise();
  },
  component: ReviewProposalPage,
});
