import { createFileRoute } from '@tanstack/react-router';
import { AccountDeletedPage } from '../features/mydata/MyDataPage.js';

export const Route = createFileRoute('/account-deleted')({
  component: AccountDeletedPage,
});
