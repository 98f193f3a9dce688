import { createFileRoute } from '@tanstack/react-router';
import { DONE, MySupportMeasuresPage, type Done } from '../../../features/support/SupportEditorPages.js';
import { MySupportMeasuresQuery } from '../../../features/support/queries.js';

export const Route = createFileRoute('/me/support-measures/')({
  validateSearch: (raw: Record<string, unknown>): { done?: Done } => (DONE.includes(raw.done as Done) ? { done: raw.done as Done } : {}),
  loader: async ({ context }) => {
    await context.client.query(MySupportMeasuresQuery, {}).toPromise();
  },
  component: MySupportMeasuresPage,
});
