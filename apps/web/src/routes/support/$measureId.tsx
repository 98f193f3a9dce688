import { createFileRoute } from '@tanstack/react-router';
import { SupportMeasurePage } from '../../features/support/SupportMeasurePage.js';
import { ensureFeatures } from '../../i18n/init.js';

export const Route = createFileRoute('/support/$measureId')({
  loader: async ({ context, params }) => {
    const [{ SupportMeasureQuery }] = await Promise.all([import('../../features/support/queries.js'), ensureFeatures(context.i18n, ['support'])]);
    await context.client.query(SupportMeasureQuery, { id: params.measureId }).toPromise();
  },
  component: SupportMeasurePage,
});
