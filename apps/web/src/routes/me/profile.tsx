import { createFileRoute } from '@tanstack/react-router';
import { ProfilePage } from '../../features/profile/ProfilePage.js';
import { ProfileEditorQuery } from '../../features/profile/queries.js';

export const Route = createFileRoute('/me/profile')({
  loader: async ({ context }) => {
    await context.client.query(ProfileEditorQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  },
  component: ProfilePage,
});
