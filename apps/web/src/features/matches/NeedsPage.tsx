import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatDate, formatEuro, pickText } from '../../i18n/format.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { usePageTitle } from '../../ui/page.js';
import { ApiText } from './MatchExplanation.js';
import styles from './matches.module.css';
import { MyDomainsQuery, NeedsInDomainsQuery } from './queries.js';
import { LoadError, Loading, NoProfile, useMyCreative } from './shared.js';

const route = getRouteApi('/me/needs');

/**
 * Needs for a creative: published needs in the domains of their profile (the search API's domain
 * filter, any of them). matchesForOffer scores needs against one offer at a time, so it cannot
 * answer "needs for me" without offers; this page says which rule it uses.
 */
export function NeedsPage() {
  const { t } = useTranslation();
  usePageTitle(t('matches.needs.title'));
  const me = useMyCreative();
  return (
    <>
      <h1 tabIndex={-1}>{t('matches.needs.title')}</h1>
      {me.error ? <LoadError error={me.error} /> : me.id === undefined ? <Loading /> : me.id === null ? <NoProfile>{t('matches.noProfile.needs')}</NoProfile> : <Domains id={me.id} />}
    </>
  );
}

function Domains({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [result] = useQuery({ query: MyDomainsQuery, variables: { id } });
  if (!result.data) return result.error ? <LoadError error={result.error} /> : <Loading />;
  const domains = result.data.creativeProfile.domains;
  if (domains.length === 0) {
    return (
      <EmptyState>
        <p>{t('matches.needs.noDomains')}</p>
        <p>
          <Link to="/me/profile">{t('matches.hints.editProfile')}</Link>
        </p>
      </EmptyState>
    );
  }
  const names = domains.map((d) => pickText(i18n.language, d.label)?.text ?? d.code).join(', ');
  return (
    <>
      <p>{t('matches.needs.rule', { domains: names })}</p>
      <p className={styles.small}>{t('matches.needs.ruleMore')}</p>
      <Needs domains={domains.map((d) => d.code)} />
    </>
  );
}

function Needs({ domains }: { domains: string[] }) {
  const { t, i18n } = useTranslation();
  const { after } = route.useSearch();
  const [result] = useQuery({ query: NeedsInDomainsQuery, variables: { domains, after } });
  if (!result.data) return result.error ? <LoadError error={result.error} /> : <Loading />;
  const { nodes, totalCount, pageInfo } = result.data.searchNeeds;
  return (
    <div aria-busy={result.fetching || undefined}>
      <h2>{t('matches.needs.count', { count: totalCount })}</h2>
      {nodes.length === 0 ? (
        <EmptyState>
          <p>{t('matches.needs.empty')}</p>
          <p className={styles.actions}>
            <Link to="/me/offers/new">{t('matches.offers.create')}</Link>
            <Link to="/">{t('matches.mine.browse')}</Link>
          </p>
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {nodes.map((need) => {
            const budget =
              need.budgetMaxEur !== null
                ? need.budgetMinEur !== null
                  ? t('matches.needs.budgetRange', { min: formatEuro(i18n.language, need.budgetMinEur), max: formatEuro(i18n.language, need.budgetMaxEur) })
                  : t('matches.needs.budgetUpTo', { max: formatEuro(i18n.language, need.budgetMaxEur) })
                : need.budgetMinEur !== null
                  ? t('matches.needs.budgetFrom', { min: formatEuro(i18n.language, need.budgetMinEur) })
                  : null;
            return (
              <li key={need.id} className={styles.item}>
                <h3 className={styles.itemTitle}>
                  <Link to="/needs/$needId" params={{ needId: need.id }}>
                    <ApiText value={need.title} />
                  </Link>
                </h3>
                <p className={styles.small}>{need.owner.name}</p>
                <p>
                  {t('matches.needs.domains')}{' '}
                  {need.domains.map((d, index) => (
                    <span key={d.code}>
                      {index > 0 ? ', ' : ''}
                      <ApiText value={d.label} />
                    </span>
                  ))}
                </p>
                {budget ? <p>{budget}</p> : null}
                {need.timelineEnd ? <p>{t('matches.needs.until', { date: formatDate(i18n.language, need.timelineEnd) })}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      {pageInfo.hasNextPage && pageInfo.endCursor ? (
        <p>
          <Link to="/me/needs" search={{ after: pageInfo.endCursor }}>
            {t('matches.needs.next')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
