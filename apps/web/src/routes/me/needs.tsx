import { createFileRoute } from '@tanstack/react-router';
import { NeedsPage } from '../../features/matches/NeedsPage.js';
import { MyCreativeQuery, MyDomainsQuery, NeedsInDomainsQuery } from '../../features/matches/queries.js';
import { validateNeedsSearch } from '../../features/matches/search.js';

export const Route = createFileRoute('/me/needs')({
  validateSearch: validateNeedsSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    const id = (await context.client.query(MyCreativeQuery, {}).toPromise()).data?.me.creativeProfileId;
    if (!id) return;
    const domains = (await context.client.query(MyDomainsQuery, { id }).toPromise()).data?.creativeProfile.domains.map((d) => d.code) ?? [];
    if (domains.length > 0) await context.client.query(NeedsInDomainsQuery, { domains, after: deps.after }).toPromise();
  },
  component: NeedsPage,
});
