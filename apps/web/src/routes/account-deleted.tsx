import { createFileRoute } from '@tanstack/react-router';
import { ensureFeatures } from '../i18n/init.js';
import { AccountDeletedPage } from '../features/mydata/MyDataPage.js';

export const Route = createFileRoute('/account-deleted')({
  beforeLoad: ({ context }) => ensureFeatures(context.i18n, ['mydata']),
  component: AccountDeletedPage,
});
