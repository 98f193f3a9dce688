import { createFileRoute } from '@tanstack/react-router';
import { PreferencesPage } from '../../features/inbox/PreferencesPage.js';
import { PreferencesQuery } from '../../features/inbox/queries.js';

export const Route = createFileRoute('/me/notifications')({
  loader: async ({ context }) => {
    await context.client.query(PreferencesQuery, {}).toPromise();
  },
  component: PreferencesPage,
});
