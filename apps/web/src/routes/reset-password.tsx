import { createFileRoute } from '@tanstack/react-router';
import { ResetPasswordPage } from '../features/account/AccountPages.js';

/** Opened from a mailed link: `?token=…`. */
export const Route = createFileRoute('/reset-password')({
  validateSearch: (raw: Record<string, unknown>): { token?: string } => (typeof raw.token === 'string' && raw.token.length <= 300 ? { token: raw.token } : {}),
  component: ResetPasswordPage,
});
