import { createFileRoute } from '@tanstack/react-router';
import { MyProposalsPage } from '../../../features/proposals/MyProposalsPage.js';
import { MyProposalsQuery } from '../../../features/proposals/queries.js';

export const Route = createFileRoute('/me/proposals/')({
  loader: async ({ context }) => {
    await context.client.query(MyProposalsQuery, {}).toPromise();
  },
  component: MyProposalsPage,
});
