import { createFileRoute } from '@tanstack/react-router';
import { ManageOrganisationPage, manageVariables } from '../../../../features/orgs/ManageOrganisationPage.js';
import { ManageOrganisationQuery, MY_ORGANISATIONS_CONTEXT, MyRolesQuery } from '../../../../features/orgs/queries.js';

const DONE = ['created', 'createdWithoutLogo'] as const;

export const Route = createFileRoute('/me/organisations/$organisationId/')({
  validateSearch: (raw: Record<string, unknown>): { done?: (typeof DONE)[number] } => (DONE.includes(raw.done as (typeof DONE)[number]) ? { done: raw.done as (typeof DONE)[number] } : {}),
  loader: async ({ context, params }) => {
    // Whether I own it decides whether the page asks for its invitations (owners only).
    const roles = await context.client.query(MyRolesQuery, {}, MY_ORGANISATIONS_CONTEXT).toPromise();
    await context.client.query(ManageOrganisationQuery, manageVariables(params.organisationId, roles.data?.me.memberships)).toPromise();
  },
  component: ManageOrganisationPage,
});
