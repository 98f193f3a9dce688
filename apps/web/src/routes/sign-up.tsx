import { createFileRoute } from '@tanstack/react-router';
import { SignUpPage } from '../features/account/AccountPages.js';

export const Route = createFileRoute('/sign-up')({ component: SignUpPage });
