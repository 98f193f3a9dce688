import { createFileRoute, redirect } from '@tanstack/react-router';
import { MeLayout } from '../features/me/MeLayout.js';
import { MEMBER_FEATURES, ensureFeatures } from '../i18n/init.js';
import { currentAccount } from '../session/session.js';

/** Everything under /me needs a session (restored from the cookie before the first route loads). */
export const Route = createFileRoute('/me')({
  beforeLoad: async ({ location, context }) => {
    if (!currentAccount()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    await ensureFeatures(context.i18n, MEMBER_FEATURES);
  },
  component: MeLayout,
});
