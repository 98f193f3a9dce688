import { createFileRoute } from '@tanstack/react-router';
import { ForgotPasswordPage } from '../features/account/AccountPages.js';

export const Route = createFileRoute('/forgot-password')({ component: ForgotPasswordPage });
