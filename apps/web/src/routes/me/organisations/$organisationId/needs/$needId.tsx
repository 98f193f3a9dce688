import { createFileRoute } from '@tanstack/react-router';
import { OrgNeedPage } from '../../../../../features/orgneeds/OrgNeedPage.js';
import { OrgNeedQuery } from '../../../../../features/orgneeds/queries.js';
import { validateNeedSearch } from '../../../../../features/orgneeds/search.js';

export const Route = createFileRoute('/me/organisations/$organisationId/needs/$needId')({
  validateSearch: validateNeedSearch,
  loader: async ({ context, params }) => {
    await context.client.query(OrgNeedQuery, { id: params.needId }).toPromise();
  },
  component: OrgNeedPage,
});
