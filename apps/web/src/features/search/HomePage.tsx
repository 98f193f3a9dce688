import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Form, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { Banner, EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { PagePending } from '../../ui/PagePending.js';
import { usePageTitle } from '../../ui/page.js';
import { ChallengeCard } from '../challenges/ChallengeCard.js';
import challengeStyles from '../challenges/challenges.module.css';
import { HomeQuery, homeVariables } from './queries.js';
import { fold, TABS, type HomeSearch, type Tab } from './search.js';
import styles from './search.module.css';

const route = getRouteApi('/');

export function HomePage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/' });
  const [text, setText] = useState(search.q ?? '');
  const [result] = useQuery({ query: HomeQuery, variables: homeVariables(search) });
  usePageTitle(search.q ? t('search.resultsTitle', { query: search.q }) : t('home.title'));

  const searching = Boolean(search.q || search.domain || search.municipality || search.tab);
  const data = result.data;
  const error = toAppError(result.error);
  const year = new Date().getFullYear();

  const submit = () => {
    const q = text.trim();
    void navigate({ search: (prev: HomeSearch) => ({ ...prev, q: q === '' ? undefined : q }) });
  };

  return (
    <>
      <section className={styles.hero} aria-labelledby="home-title">
        <h1 id="home-title" tabIndex={-1}>
          {t('home.title')}
        </h1>
        <p>{t('home.lead')}</p>
        <Form
          role="search"
          aria-label={t('search.label')}
          className={styles.searchForm}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <SearchField className={styles.searchField} value={text} onChange={setText} onSubmit={submit} name="q">
            <Label>{t('search.label')}</Label>
            <Input />
          </SearchField>
          <Button type="submit">{t('search.submit')}</Button>
        </Form>
      </section>

      {error ? (
        <Banner tone="error">
          <p>{error.kind === 'unavailable' ? t('errors.unavailable') : t('errors.unexpected')}</p>
        </Banner>
      ) : null}
      {!data && result.fetching ? <PagePending /> : null}
      {data ? (searching ? <Results data={data} search={search} /> : <Featured data={data} year={year} />) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {data && searching ? t('search.resultCount', { count: data.searchChallenges.totalCount + data.searchCreatives.totalCount + data.searchNeeds.totalCount + data.searchOffers.totalCount }) : ''}
      </p>
    </>
  );
}

type HomeData = ResultOf<typeof HomeQuery>;

function Featured({ data, year }: { data: HomeData; year: number }) {
  const { t } = useTranslation();
  const featured = data.searchChallenges.nodes.slice(0, 6);
  const municipal = data.open.nodes.filter((c) => c.kind === 'PUBLIC_SERVICE' && c.publishedAt && new Date(c.publishedAt).getFullYear() === year);
  return (
    <>
      <section className={challengeStyles.section} aria-labelledby="featured-title">
        <h2 id="featured-title">{t('home.featured')}</h2>
        {featured.length === 0 ? (
          <EmptyState>
            <p>{t('home.noOpenChallenges')}</p>
          </EmptyState>
        ) : (
          <ul className={challengeStyles.list}>
            {featured.map((c) => (
              <li key={c.id}>
                <ChallengeCard data={c} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={challengeStyles.section} aria-labelledby="municipal-title">
        <h2 id="municipal-title">{t('home.municipal', { year })}</h2>
        {municipal.length === 0 ? (
          <EmptyState>
            <p>{t('home.noMunicipal', { year })}</p>
          </EmptyState>
        ) : (
          <ul className={challengeStyles.list}>
            {municipal.map((c) => (
              <li key={c.id}>
                <ChallengeCard data={c} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Results({ data, search }: { data: HomeData; search: HomeSearch }) {
  const { t, i18n } = useTranslation();
  const tab: Tab = search.tab ?? 'all';
  const q = search.q ? fold(search.q) : '';
  const organisations = data.organisations.nodes.filter((o) => !q || fold(`${o.name} ${o.municipality.name}`).includes(q));
  const counts: Record<Exclude<Tab, 'all'>, number> = {
    challenges: data.searchChallenges.totalCount,
    creatives: data.searchCreatives.totalCount,
    needs: data.searchNeeds.totalCount,
    offers: data.searchOffers.totalCount,
    organisations: organisations.length,
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const show = (which: Exclude<Tab, 'all'>) => (tab === 'all' || tab === which) && counts[which] > 0;
  const facets = data.searchChallenges.facets.filter((f) => facetKey(f.field) !== null && f.values.length > 0);
  const filtered = Boolean(search.domain || search.municipality);

  return (
    <div className={styles.layout}>
      <aside className={styles.facets} aria-labelledby="facets-title">
        <h2 id="facets-title">{t('search.filters')}</h2>
        {facets.map((facet) => {
          const key = facetKey(facet.field);
          if (!key) return null;
          return (
            <section key={facet.field} aria-label={t(`search.facet.${key}`)}>
              <h3>{t(`search.facet.${key}`)}</h3>
              <ul>
                {facet.values.slice(0, 12).map((v) => {
                  const active = search[key] === v.value;
                  const label = pickText(i18n.language, v.label)?.text ?? v.value;
                  return (
                    <li key={v.value}>
                      <Link to="/" search={(prev: HomeSearch) => ({ ...prev, [key]: active ? undefined : v.value })} aria-current={active ? 'true' : undefined} replace>
                        {t('search.facetValue', { label, count: v.count })}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
        {filtered ? (
          <Link to="/" search={(prev: HomeSearch) => ({ ...prev, domain: undefined, municipality: undefined })}>
            {t('search.clearFilters')}
          </Link>
        ) : null}
      </aside>
      <div>
        <h2>{t('search.resultCount', { count: total })}</h2>
        <nav className={styles.tabs} aria-label={t('search.kinds')}>
          <ul>
            {TABS.map((which) => (
              <li key={which}>
                <Link to="/" search={(prev: HomeSearch) => ({ ...prev, tab: which === 'all' ? undefined : which })} aria-current={tab === which ? 'page' : undefined}>
                  {which === 'all' ? t('search.tab.all', { count: total }) : t(`search.tab.${which}`, { count: counts[which] })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {total === 0 || (tab !== 'all' && counts[tab] === 0) ? (
          <EmptyState>
            <p>{filtered ? t('search.emptyFiltered') : t('search.empty')}</p>
            {filtered ? (
              <Link to="/" search={(prev: HomeSearch) => ({ ...prev, domain: undefined, municipality: undefined })}>
                {t('search.clearFilters')}
              </Link>
            ) : null}
          </EmptyState>
        ) : null}
        {show('challenges') ? (
          <section className={challengeStyles.section} aria-labelledby="r-challenges">
            <h2 id="r-challenges">{t('search.tab.challenges', { count: counts.challenges })}</h2>
            <ul className={challengeStyles.list}>
              {data.searchChallenges.nodes.map((c) => (
                <li key={c.id}>
                  <ChallengeCard data={c} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {show('creatives') ? (
          <section className={challengeStyles.section} aria-labelledby="r-creatives">
            <h2 id="r-creatives">{t('search.tab.creatives', { count: counts.creatives })}</h2>
            <ul className={styles.plain}>
              {data.searchCreatives.nodes.map((c) => (
                <li key={c.id}>
                  <Link to="/creatives/$creativeId" params={{ creativeId: c.id }}>
                    {c.displayName}
                  </Link>{' '}
                  {c.municipality && t('search.place', { place: c.municipality.name })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {show('needs') ? (
          <section className={challengeStyles.section} aria-labelledby="r-needs">
            <h2 id="r-needs">{t('search.tab.needs', { count: counts.needs })}</h2>
            <ul className={styles.plain}>
              {data.searchNeeds.nodes.map((n) => {
                const title = pickText(i18n.language, n.title);
                return (
                  <li key={n.id}>
                    <Link to="/needs/$needId" params={{ needId: n.id }}>
                      <span lang={title?.lang}>{title?.text}</span>
                    </Link>{' '}
                    {t('search.owner', { owner: n.owner.name })}
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        {show('offers') ? (
          <section className={challengeStyles.section} aria-labelledby="r-offers">
            <h2 id="r-offers">{t('search.tab.offers', { count: counts.offers })}</h2>
            <ul className={styles.plain}>
              {data.searchOffers.nodes.map((o) => {
                const title = pickText(i18n.language, o.title);
                return (
                  <li key={o.id}>
                    <Link to="/offers/$offerId" params={{ offerId: o.id }}>
                      <span lang={title?.lang}>{title?.text}</span>
                    </Link>{' '}
                    {t('search.owner', { owner: o.creative.displayName })}
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        {show('organisations') ? (
          <section className={challengeStyles.section} aria-labelledby="r-organisations">
            <h2 id="r-organisations">{t('search.tab.organisations', { count: counts.organisations })}</h2>
            <ul className={styles.plain}>
              {organisations.map((o) => (
                <li key={o.id}>
                  <Link to="/organisations/$organisationId" params={{ organisationId: o.id }}>
                    {o.name}
                  </Link>{' '}
                  {t('search.place', { place: o.municipality.name })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}

/** The facets the home page filters by, named as in the URL. */
function facetKey(field: string): 'domain' | 'municipality' | null {
  if (field === 'domains' || field === 'domain') return 'domain';
  if (field === 'municipality' || field === 'municipalities') return 'municipality';
  return null;
}
