import { Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/useSession.js';
import { Link } from '../../ui/Link.js';
import { usePageTitle } from '../../ui/page.js';
import styles from './me.module.css';
import { SupportForYou } from '../support/SupportForYou.js';
import { ComplianceBanners } from '../compliance/ComplianceBanners.js';
import { useMeAudience } from './audience.js';
import { navFor } from './nav.js';

/** The signed-in area: its own navigation beside the page. Signing out (here or in another tab) leaves it. */
export function MeLayout() {
  const { t } = useTranslation();
  const account = useSession();
  const href = useRouterState({ select: (state) => state.location.href });
  const nav = navFor(useMeAudience());
  if (!account) return <Navigate to="/sign-in" search={{ redirect: href }} replace />;
  return (
    <div className={styles.layout}>
      <nav className={styles.side} aria-label={t('me.navLabel')}>
        <ul>
          {nav.map((entry) => (
            <li key={entry.to}>
              <Link to={entry.to} className={styles.sideLink} activeProps={{ 'aria-current': 'page' }}>
                {t(entry.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className={styles.content}>
        <Outlet />
      </div>
    </div>
  );
}

/** /me: what the signed-in area holds, one line each. */
export function MeOverviewPage() {
  const { t } = useTranslation();
  const account = useSession();
  const nav = navFor(useMeAudience());
  usePageTitle(t('me.title'));
  return (
    <>
      <h1 tabIndex={-1}>{t('me.title')}</h1>
      <p>{t('me.greeting', { name: account?.displayName ?? '' })}</p>
      <ComplianceBanners headingLevel={2} />
      <ul className={styles.overview}>
        {nav.map((entry) => (
          <li key={entry.to}>
            <Link to={entry.to}>{t(entry.label)}</Link>
            <p>{t(entry.hint)}</p>
          </li>
        ))}
      </ul>
      <SupportForYou />
    </>
  );
}
