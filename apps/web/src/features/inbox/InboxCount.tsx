import { useRouterState } from '@tanstack/react-router';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useSession } from '../../session/useSession.js';
import { Link } from '../../ui/Link.js';
import styles from './inbox.module.css';
import { UnreadCountQuery } from './queries.js';
import { onUnreadChanged } from './unread.js';

/** How often the header asks for the count while the tab is visible. */
export const POLL_MS = 60_000;

/** The unread count as the link's accessible name: "Prejeto, 3 neprebrana"; only "Prejeto" at zero. */
export function inboxLinkLabel(t: (key: string, options?: Record<string, unknown>) => string, count: number): string {
  return count > 0 ? t('inbox.header.label', { count }) : t('inbox.header.link');
}

/**
 * "Inbox" in the header with the unread count: asked on every navigation, every minute while the
 * tab is visible (paused while hidden, asked again when it shows), and after marking read.
 * Signed-out visitors see nothing and nothing is requested.
 */
export function InboxCount() {
  const account = useSession();
  const { i18n } = useTranslation();
  // The inbox's words arrive with the session (main.tsx); until then there is nothing to say.
  if (!account || !i18n.exists('inbox.header.link')) return null;
  return <SignedInCount key={account.id} />;
}

function SignedInCount() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: UnreadCountQuery, requestPolicy: 'cache-and-network' });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const count = result.data?.unreadNotificationCount ?? 0;

  // On navigation (not the first render: the query has just run).
  const href = useRouterState({ select: (state) => state.resolvedLocation?.href });
  const seen = useRef(href);
  useEffect(() => {
    if (seen.current === href) return;
    seen.current = href;
    refresh();
  }, [href, refresh]);

  useEffect(() => onUnreadChanged(refresh), [refresh]);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined) timer = setInterval(refresh, POLL_MS);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        refresh();
        start();
      } else stop();
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [refresh]);

  // The name comes from the hidden full phrase ("Prejeto, 3 neprebrana"); the visible word and badge are its short form.
  return (
    <Link to="/me/inbox" className={styles.headerLink}>
      <span aria-hidden="true">{t('inbox.header.link')}</span>
      {count > 0 ? (
        <span className={styles.badge} aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
      <span className="visually-hidden">{inboxLinkLabel(t, count)}</span>
    </Link>
  );
}
