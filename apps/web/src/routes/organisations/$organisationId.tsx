import { createFileRoute } from '@tanstack/react-router';
import { OrganisationPage } from '../../features/catalogue/CataloguePages.js';
import { OrganisationQuery } from '../../features/catalogue/queries.js';

export const Route = createFileRoute('/organisations/$organisationId')({
  loader: async ({ context, params }) => {
    await context.client.query(OrganisationQuery, { id: params.organisationId }).toPromise();
  },
  component: OrganisationPage,
});
