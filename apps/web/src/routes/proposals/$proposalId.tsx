import { createFileRoute, redirect } from '@tanstack/react-router';

/** Mailed links (notifications) point at /proposals/:id; authors read and edit it in their own area. */
export const Route = createFileRoute('/proposals/$proposalId')({
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/me/proposals/$proposalId', params: { proposalId: params.proposalId }, replace: true });
  },
});
