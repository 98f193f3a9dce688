import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { formatDateTime, formatRelative, pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { Banner, EmptyState, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { QueryFallback } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import styles from './inbox.module.css';
import { headlineKey, notificationTarget } from './notification-link.js';
import { InboxQuery, MarkReadMutation, PAGE_SIZE } from './queries.js';
import { inboxVariables } from './search.js';
import { unreadChanged } from './unread.js';

const route = getRouteApi('/me/inbox');

type Text = { sl: string | null; en: string | null } | null;

/** /me/inbox: the reader's notifications, newest first, with the unread filter and the page cursor in the URL. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const [result] = useQuery({ query: InboxQuery, variables: inboxVariables(search, PAGE_SIZE) });
  const [, markRead] = useMutation(MarkReadMutation);
  const [markedRead, setMarkedRead] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);
  usePageTitle(t('inbox.title'));

  const data = result.data;
  const nodes = data?.myNotifications.nodes ?? [];
  const isRead = (n: { id: string; read: boolean }) => n.read || markedRead.has(n.id);
  const unreadShown = nodes.filter((n) => !isRead(n)).map((n) => n.id);
  const now = new Date();

  /** Marks read at once on screen; the server's answer refreshes the header count, a failure puts them back. */
  const mark = async (ids: string[], done: string) => {
    setFailed(false);
    setMarkedRead((before) => new Set([...before, ...ids]));
    // The answer is an Int: name the type it changes, so every cached inbox page is fetched again.
    const answer = await markRead({ ids }, { additionalTypenames: ['Notification'] });
    if (answer.error) {
      setMarkedRead((before) => new Set([...before].filter((id) => !ids.includes(id))));
      setFailed(true);
      setStatus('');
      return false;
    }
    setStatus(done);
    unreadChanged();
    return true;
  };

  const text = (value: Text) => {
    const picked = pickText(i18n.language, value);
    return picked ? <span lang={picked.lang}>{picked.text}</span> : null;
  };

  return (
    <section aria-labelledby="inbox-title" aria-busy={result.fetching && Boolean(data)}>
      <h1 id="inbox-title" tabIndex={-1}>
        {t('inbox.title')}
      </h1>
      <p>{t('inbox.intro')}</p>
      <div className={styles.toolbar}>
        <ul className={styles.filter} aria-label={t('inbox.filter.label')}>
          <li>
            <Link to="/me/inbox" search={{}} activeOptions={{ exact: true }} className={styles.filterLink}>
              {t('inbox.filter.all')}
            </Link>
          </li>
          <li>
            <Link to="/me/inbox" search={{ unread: true }} activeOptions={{ exact: true }} className={styles.filterLink}>
              {t('inbox.filter.unread')}
            </Link>
          </li>
        </ul>
        {unreadShown.length > 0 ? (
          <Button
            variant="secondary"
            isPending={pending}
            onPress={() => {
              setPending(true);
              void mark(unreadShown, t('inbox.markedAllRead')).then(() => setPending(false));
            }}
          >
            {t('inbox.markAllRead')}
          </Button>
        ) : null}
      </div>
      <p role="status" className={styles.status}>
        {status}
      </p>
      {failed ? (
        <Banner tone="error">
          <p>{t('inbox.markFailed')}</p>
        </Banner>
      ) : null}
      {!data ? (
        result.error ? (
          <QueryFallback error={result.error} />
        ) : (
          <InboxSkeleton />
        )
      ) : (
        <>
          <p className={styles.summary}>
            {t('inbox.count', { count: data.myNotifications.totalCount })} · {t('inbox.unreadCount', { count: Math.max(0, data.unreadNotificationCount - [...markedRead].filter((id) => nodes.some((n) => n.id === id && !n.read)).length) })}
          </p>
          {nodes.length === 0 ? (
            <EmptyState>
              {search.unread ? (
                <>
                  <p>{t('inbox.empty.unread')}</p>
                  <Link to="/me/inbox" search={{}}>
                    {t('inbox.empty.unreadAction')}
                  </Link>
                </>
              ) : (
                <>
                  <p>{t('inbox.empty.all')}</p>
                  <Link to="/">{t('inbox.empty.allAction')}</Link>
                </>
              )}
            </EmptyState>
          ) : (
            <ol className={styles.list}>
              {nodes.map((n) => {
                const read = isRead(n);
                const target = notificationTarget(n);
                const subject = text(n.subjectTitle);
                const reason = pickText(i18n.language, n.reason);
                const headline = (
                  <>
                    <span className={styles.headline}>{t(headlineKey(n.kind))}:</span>
                    <span className={styles.subject}>{subject ?? t('inbox.subjectGone')}</span>
                  </>
                );
                return (
                  <li key={n.id} className={styles.item} data-read={read || undefined}>
                    <h2 className={styles.itemTitle}>
                      {!read ? <span className="visually-hidden">{t('inbox.unreadHidden')} </span> : null}
                      {target && subject ? (
                        <Link
                          {...target}
                          className={styles.itemLink}
                          onPress={() => {
                            if (!read) void mark([n.id], t('inbox.markedRead'));
                          }}
                        >
                          {headline}
                        </Link>
                      ) : (
                        headline
                      )}
                    </h2>
                    {!read ? (
                      <span className={styles.badge} aria-hidden="true">
                        {t('inbox.unreadBadge')}
                      </span>
                    ) : null}
                    {reason ? <p className={styles.reason}>{t('inbox.why', { reason: reason.text })}</p> : null}
                    <p className={styles.meta}>
                      <time dateTime={n.createdAt} title={formatDateTime(i18n.language, n.createdAt)}>
                        {t('inbox.receivedAt', { when: formatRelative(i18n.language, new Date(n.createdAt), now) })}
                      </time>
                    </p>
                    {!read && !(target && subject) ? (
                      <Button variant="secondary" onPress={() => void mark([n.id], t('inbox.markedRead'))}>
                        {t('inbox.markRead')}
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          )}
          {search.after || data.myNotifications.hasNextPage ? (
            <nav aria-label={t('inbox.pagingLabel')} className={styles.paging}>
              {search.after ? (
                <Link to="/me/inbox" search={{ unread: search.unread }}>
                  {t('inbox.newest')}
                </Link>
              ) : null}
              {data.myNotifications.hasNextPage && data.myNotifications.endCursor ? (
                <Link to="/me/inbox" search={{ unread: search.unread, after: data.myNotifications.endCursor }}>
                  {t('inbox.older')}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}

function InboxSkeleton() {
  return (
    <ol className={styles.list} aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <li key={i} className={styles.item}>
          <Skeleton width="70%" height="1.25em" />
          <Skeleton width="40%" />
        </li>
      ))}
    </ol>
  );
}
