import { createFileRoute } from '@tanstack/react-router';
import { OrgNeedsPage } from '../../../../../features/orgneeds/OrgNeedsPage.js';
import { OrgNeedsQuery } from '../../../../../features/orgneeds/queries.js';

export const Route = createFileRoute('/me/organisations/$organisationId/needs/')({
  loader: async ({ context, params }) => {
    await context.client.query(OrgNeedsQuery, { organisationId: params.organisationId }).toPromise();
  },
  component: OrgNeedsPage,
});
