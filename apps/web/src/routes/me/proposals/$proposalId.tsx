import { createFileRoute } from '@tanstack/react-router';
import { ProposalPage } from '../../../features/proposals/ProposalPage.js';
import { ProposalQuery } from '../../../features/proposals/queries.js';

interface ProposalSearch {
  /** Just created from a challenge page: the page says the draft is saved. */
  started?: boolean;
}

export const Route = createFileRoute('/me/proposals/$proposalId')({
  validateSearch: (raw: Record<string, unknown>): ProposalSearch => (raw.started === true || raw.started === 'true' ? { started: true } : {}),
  loader: async ({ context, params }) => {
    await context.client.query(ProposalQuery, { id: params.proposalId }).toPromise();
  },
  component: ProposalPage,
});
