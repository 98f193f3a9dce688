import { createFileRoute } from '@tanstack/react-router';
import { SupportDirectoryPage } from '../../features/support/SupportDirectoryPage.js';
import { validateSupportSearch } from '../../features/support/search.js';
import { ensureFeatures } from '../../i18n/init.js';

export const Route = createFileRoute('/support/')({
  validateSearch: validateSupportSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    // Imported here, not at the top: the query stays out of the entry chunk.
    const [{ SupportDirectoryQuery, directoryVariables }] = await Promise.all([import('../../features/support/queries.js'), ensureFeatures(context.i18n, ['support'])]);
    await context.client.query(SupportDirectoryQuery, directoryVariables(deps)).toPromise();
  },
  component: SupportDirectoryPage,
});
