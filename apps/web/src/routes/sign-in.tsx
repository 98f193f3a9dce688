import { createFileRoute } from '@tanstack/react-router';
import { SignInPage } from '../features/account/AccountPages.js';

interface SignInSearch {
  redirect?: string;
  signedOut?: boolean;
}

export const Route = createFileRoute('/sign-in')({
  validateSearch: (raw: Record<string, unknown>): SignInSearch => ({
    ...(typeof raw.redirect === 'string' && raw.redirect.startsWith('/') ? { redirect: raw.redirect.slice(0, 500) } : {}),
    ...(raw.signedOut === true || raw.signedOut === 'true' ? { signedOut: true } : {}),
  }),
  component: SignInPage,
});
