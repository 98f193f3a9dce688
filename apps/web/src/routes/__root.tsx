import { Outlet, createRootRouteWithContext, useRouter, useRouterState } from '@tanstack/react-router';
import type { i18n } from 'i18next';
import { useEffect, useRef } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Client } from 'urql';
import { saveLanguage, type Language } from '../i18n/init.js';
import { signOut } from '../session/session.js';
import { useSession } from '../session/useSession.js';
import { Link } from '../ui/Link.js';
import { LogoMark } from '../ui/Logo.js';
import { NotFoundPage } from '../ui/NotFoundPage.js';
import styles from '../ui/layout.module.css';

export interface RouterContext {
  client: Client;
  i18n: i18n;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

function RootLayout() {
  const { t, i18n } = useTranslation();
  const account = useSession();
  const router = useRouter();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const first = useRef(true);

  // On every route change (not on search-param changes) move focus to the page's h1.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

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
              {account ? (
                <>
                  <li>{t('layout.signedInAs', { name: account.displayName })}</li>
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
                    void i18n.changeLanguage(other);
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
