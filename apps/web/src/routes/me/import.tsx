import { createFileRoute } from '@tanstack/react-router';
import { ensureFeatures } from '../../i18n/init.js';
import { ImportPage } from '../../features/onboarding/ImportPage.js';

/** Organisers and admins: import creatives as invitations (not in the side navigation, which every member sees). */
export const Route = createFileRoute('/me/import')({
  beforeLoad: ({ context }) => ensureFeatures(context.i18n, ['onboarding']),
  component: ImportPage,
});
