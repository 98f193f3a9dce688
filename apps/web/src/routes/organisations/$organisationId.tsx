import { createFileRoute } from '@tanstack/react-router';
import { OrganisationPage } from '../../features/catalogue/CataloguePages.js';

export const Route = createFileRoute('/organisations/$organisationId')({
  loader: async ({ context, params }) => {
    // Imported here, not at the top: the query (and its fragments' components) stays out of the entry chunk.
    const { OrganisationQuery } = await import('../../features/catalogue/queries.js');
    await context.client.query(OrganisationQuery, { id: params.organisationId }).toPromise();
  },
  component: OrganisationPage,
});
