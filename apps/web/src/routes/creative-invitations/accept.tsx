import { createFileRoute } from '@tanstack/react-router';
import { ensureFeatures } from '../../i18n/init.js';
import { CreativeInvitationPage } from '../../features/onboarding/CreativeInvitationPage.js';

/** Opened from the mail an imported creative gets: `?token=…`. */
export const Route = createFileRoute('/creative-invitations/accept')({
  validateSearch: (raw: Record<string, unknown>): { token?: string } => (typeof raw.token === 'string' && raw.token.length <= 300 ? { token: raw.token } : {}),
  beforeLoad: ({ context }) => ensureFeatures(context.i18n, ['onboarding']),
  component: CreativeInvitationPage,
});
