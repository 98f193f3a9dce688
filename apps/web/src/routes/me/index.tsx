import { createFileRoute } from '@tanstack/react-router';
import { MeOverviewPage } from '../../features/me/MeLayout.js';

export const Route = createFileRoute('/me/')({
  component: MeOverviewPage,
});
