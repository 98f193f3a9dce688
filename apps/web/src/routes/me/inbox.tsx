import { createFileRoute } from '@tanstack/react-router';
import { InboxPage } from '../../features/inbox/InboxPage.js';
import { InboxQuery, PAGE_SIZE } from '../../features/inbox/queries.js';
import { inboxVariables, validateInboxSearch } from '../../features/inbox/search.js';

export const Route = createFileRoute('/me/inbox')({
  validateSearch: validateInboxSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    await context.client.query(InboxQuery, inboxVariables(deps, PAGE_SIZE)).toPromise();
  },
  component: InboxPage,
});
