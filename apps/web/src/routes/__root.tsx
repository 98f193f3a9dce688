import { Outlet, createRootRouteWithContext, useRouter, useRouterState } from '@tanstack/react-router';
import type { i18n } from 'i18next';
import { Suspense, lazy, useEffect } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Client } from 'urql';
import { saveLanguage, switchLanguage, type Language } from '../i18n/init.js';
import { signOut } from '../session/session.js';
import { useSession } from '../session/useSession.js';
import { Link } from '../ui/Link.js';
import { LogoMark } from '../ui/Logo.js';
import { NotFoundPage } from '../ui/NotFoundPage.js';
import styles from '../ui/layout.module.css';

/** Only a signed-in header shows it: a visitor's first load does not download it. */
const InboxCount = lazy(() => import('../features/inbox/InboxCount.js').then((m) => ({ default: m.InboxCount })));

export interface RouterContext {
  client: Client;
  i18n: i18n;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

/** The last path focus was handled for (module state: the layout may mount again on navigation). */
let lastResolvedPath: string | undefined;

function RootLayout() {
  const { t, i18n } = useTranslation();
  const account = useSession();
  const router = useRouter();

  // After every navigation to another path (not on search-param changes, not on the first load,
  // where the skip link comes first) move focus to the new page's h1 once it is rendered.
  const resolvedPath = useRouterState({ select: (state) => state.resolvedLocation?.pathname });
  useEffect(() => {
    const from = lastResolvedPath;
    if (resolvedPath === undefined) return;
    lastResolvedPath = resolvedPath;
    if (from === undefined || from === resolvedPath) return;
    // The new page may render (and re-render) over a few frames: keep the h1 focused until it
    // settles (the link that navigated may still hold focus for a frame), but never take focus
    // from a field or button the user moved to meanwhile.
    let frames = 0;
    let settled = 0;
    const focus = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      const active = document.activeElement;
      if (heading && !heading.closest('[aria-busy="true"]')) {
        if (active === heading) settled++;
        else if (!active || active === document.body || !active.isConnected || active.tagName === 'A') heading.focus();
        else return;
      }
      if (settled < 10 && frames++ < 90) requestAnimationFrame(focus);
    };
    // Not cancelled on unmount: the layout may mount again while the new page renders; the loop is bounded.
    requestAnimationFrame(focus);
  }, [resolvedPath]);

  const other: Language = i18n.language === 'en' ? 'sl' : 'en';
  return (
    <>
      <a className={styles.skip} href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Link to="/" className={styles.brand}>
            <LogoMark />
            <span>{t('common.siteName')}</span>
          </Link>
          <nav className={styles.nav} aria-label={t('layout.mainNavigation')}>
            <ul>
              <li>
                <Link to="/support">{t('layout.supportMeasures')}</Link>
              </li>
              {account ? (
                <>
                  <li>{t('layout.signedInAs', { name: account.displayName })}</li>
                  <li>
                    <Link to="/me">{t('layout.mySpace')}</Link>
                  </li>
                  <li>
                    <Suspense fallback={null}>
                      <InboxCount />
                    </Suspense>
                  </li>
                  <li>
                    <AriaButton
                      className={styles.navButton}
                      onPress={() => {
                        void signOut().then(() => router.navigate({ to: '/sign-in', search: { signedOut: true } }));
                      }}
                    >
                      {t('layout.signOut')}
                    </AriaButton>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <Link to="/sign-in">{t('layout.signIn')}</Link>
                  </li>
                  <li>
                    <Link to="/sign-up">{t('layout.signUp')}</Link>
                  </li>
                </>
              )}
              <li>
                <AriaButton
                  className={styles.navButton}
                  onPress={() => {
                    saveLanguage(other);
                    void switchLanguage(i18n, other);
                  }}
                >
                  <span lang={other}>{t(`layout.switchTo.${other}`)}</span>
                </AriaButton>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}
