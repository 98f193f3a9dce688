import { createFileRoute } from '@tanstack/react-router';
import { MyOrganisationsPage } from '../../../features/orgs/MyOrganisationsPage.js';
import { MY_ORGANISATIONS_CONTEXT, MyOrganisationsQuery } from '../../../features/orgs/queries.js';

export const Route = createFileRoute('/me/organisations/')({
  loader: async ({ context }) => {
    await context.client.query(MyOrganisationsQuery, {}, MY_ORGANISATIONS_CONTEXT).toPromise();
  },
  component: MyOrganisationsPage,
});
