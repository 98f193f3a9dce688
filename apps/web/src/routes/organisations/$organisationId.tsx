import { createFileRoute } from '@tanstack/react-router';
import { OrganisationPage } from '../../features/orgs/OrganisationPage.js';
import { ensureFeatures } from '../../i18n/init.js';

export const Route = createFileRoute('/organisations/$organisationId')({
  loader: async ({ context, params }) => {
    // Imported here, not at the top: the query stays out of the entry chunk.
    const { OrganisationPageQuery } = await import('../../features/orgs/queries.js');
    await Promise.all([ensureFeatures(context.i18n, ['orgs']), context.client.query(OrganisationPageQuery, { id: params.organisationId }).toPromise()]);
  },
  component: OrganisationPage,
});
