import { RouterProvider, createRouter } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Provider as UrqlProvider } from 'urql';
import { createClient } from './graphql/client.js';
import { MEMBER_FEATURES, createI18n, ensureFeatures, initialLanguage } from './i18n/init.js';
import { localeOf } from './i18n/format.js';
import { routeTree } from './routeTree.gen.js';
import { currentAccount, restore, subscribe } from './session/session.js';
import { PageError } from './ui/NotFoundPage.js';
import { PagePending } from './ui/PagePending.js';
import './ui/global.css';

const client = createClient();
const i18n = await createI18n(initialLanguage());

const router = createRouter({
  routeTree,
  context: { client, i18n },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: PagePending,
  defaultPendingMs: 1000,
  defaultPendingMinMs: 500,
  defaultErrorComponent: PageError,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

function App() {
  const { i18n: current } = useTranslation();
  return (
    <I18nProvider locale={localeOf(current.language)}>
      {/* RAC links (keyboard too) navigate through the router instead of reloading the page. */}
      <AriaRouterProvider navigate={(to) => void router.navigate({ to })} useHref={(to) => router.buildLocation({ to }).href}>
        <RouterProvider router={router} />
      </AriaRouterProvider>
    </I18nProvider>
  );
}

const container = document.getElementById('app');
if (container) {
  // Restore the session from the refresh cookie before the first route loads (signed-in pages need it).
  // The signed-in area's words come with a session: before the first render when one is restored,
  // and as soon as someone signs in (the header's inbox count waits for them).
  const memberWords = () => (currentAccount() ? ensureFeatures(i18n, MEMBER_FEATURES).catch(() => undefined) : Promise.resolve());
  subscribe(() => void memberWords());
  void restore()
    .then(memberWords)
    .finally(() => {
      createRoot(container).render(
        <StrictMode>
          <I18nextProvider i18n={i18n}>
            <UrqlProvider value={client}>
              <App />
            </UrqlProvider>
          </I18nextProvider>
        </StrictMode>,
      );
    });
}
