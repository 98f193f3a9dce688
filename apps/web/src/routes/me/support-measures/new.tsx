import { createFileRoute } from '@tanstack/react-router';
import { NewSupportMeasurePage } from '../../../features/support/SupportEditorPages.js';
import { MySupportMeasuresQuery } from '../../../features/support/queries.js';

export const Route = createFileRoute('/me/support-measures/new')({
  loader: async ({ context }) => {
    await context.client.query(MySupportMeasuresQuery, {}).toPromise();
  },
  component: NewSupportMeasurePage,
});
