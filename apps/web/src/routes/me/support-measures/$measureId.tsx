import { createFileRoute } from '@tanstack/react-router';
import { DONE, EditSupportMeasurePage, type Done } from '../../../features/support/SupportEditorPages.js';
import { EditSupportMeasureQuery, MySupportMeasuresQuery } from '../../../features/support/queries.js';

export const Route = createFileRoute('/me/support-measures/$measureId')({
  validateSearch: (raw: Record<string, unknown>): { done?: Done } => (DONE.includes(raw.done as Done) ? { done: raw.done as Done } : {}),
  loader: async ({ context, params }) => {
    await Promise.all([context.client.query(MySupportMeasuresQuery, {}).toPromise(), context.client.query(EditSupportMeasureQuery, { id: params.measureId }).toPromise()]);
  },
  component: EditSupportMeasurePage,
});
