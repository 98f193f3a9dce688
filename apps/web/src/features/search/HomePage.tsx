import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Form, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { readFragment, type ResultOf } from '../../graphql/graphql.js';
import { localeOf, pickText, TIME_ZONE } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { Banner, EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { PagePending } from '../../ui/PagePending.js';
import { usePageTitle } from '../../ui/page.js';
import { ChallengeCard } from '../challenges/ChallengeCard.js';
import challengeStyles from '../challenges/challenges.module.css';
import { FacetsFragment, HomeQuery, homeVariables, isSearching } from './queries.js';
import { clearFacets, fold, hasFacets, TABS, toggleFacet, type FacetKey, type HomeSearch, type Tab } from './search.js';
import styles from './search.module.css';

const route = getRouteApi('/');

export function HomePage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/' });
  const [text, setText] = useState(search.q ?? '');
  const [result] = useQuery({ query: HomeQuery, variables: homeVariables(search) });
  usePageTitle(search.q ? t('search.resultsTitle', { query: search.q }) : t('home.title'));

  const searching = isSearching(search);
  const data = result.data;
  const error = toAppError(result.error);
  const year = new Date().getFullYear();

  const submit = () => {
    const q = text.trim();
    void navigate({ search: (prev: HomeSearch) => ({ ...prev, q: q === '' ? undefined : q, after: undefined }) });
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
          <p>{error.kind === 'unavailable' ? t('errors.unavailable') : error.kind === 'input' ? t('explore.badFilter') : t('errors.unexpected')}</p>
          {error.kind === 'input' ? (
            <p>
              <Link to="/" search={clearFacets(search)}>
                {t('search.clearFilters')}
              </Link>
            </p>
          ) : null}
        </Banner>
      ) : null}
      {!data && result.fetching ? <PagePending /> : null}
      <div aria-busy={result.fetching || undefined}>{data ? searching ? <Results data={data} search={search} /> : <Featured data={data} year={year} /> : null}</div>
    </>
  );
}

type HomeData = ResultOf<typeof HomeQuery>;

function Featured({ data, year }: { data: HomeData; year: number }) {
  const { t } = useTranslation();
  const featured = (data.searchChallenges?.nodes ?? []).slice(0, 6);
  const thisYear = (c: { publishedAt: string | null }) => c.publishedAt !== null && new Date(c.publishedAt).getFullYear() === year;
  const municipal = [...(data.municipal?.nodes ?? []).filter(thisYear), ...(data.municipalDone?.nodes ?? []).filter((c) => c.kind === 'PUBLIC_SERVICE' && thisYear(c))];
  return (
    <>
      <section className={challengeStyles.section} aria-labelledby="featured-title">
        <h2 id="featured-title">{t('home.featured')}</h2>
        {featured.length === 0 ? (
          <EmptyState>
            <p>{t('home.noOpenChallenges')}</p>
          </EmptyState>
        ) : (
          <>
            <ul className={challengeStyles.list}>
              {featured.map((c) => (
                <li key={c.id}>
                  <ChallengeCard data={c} />
                </li>
              ))}
            </ul>
            {(data.searchChallenges?.totalCount ?? 0) > featured.length ? (
              <p>
                <Link to="/" search={{ tab: 'challenges' }}>
                  {t('explore.allOpen', { count: data.searchChallenges?.totalCount ?? 0 })}
                </Link>
              </p>
            ) : null}
          </>
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

/** "marec 2027" / "March 2027" for a facet's deadline month. */
function monthLabel(language: string, month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(Date.UTC(y, m - 1, 15)));
}

interface FacetView {
  key: FacetKey;
  values: { value: string; count: number; label: string; lang?: string }[];
}

function useFacets(data: HomeData, search: HomeSearch): FacetView[] {
  const { t, i18n } = useTranslation();
  const facets = (data.searchChallenges?.facets ?? []).map((f) => readFragment(FacetsFragment, f));
  const byField = (field: string) => facets.find((f) => f.field === field)?.values ?? [];
  const labelled = (field: string, label: (value: string, fallback: { sl: string | null; en: string | null } | null) => { text: string; lang?: string }) =>
    byField(field).map((v) => {
      const l = label(v.value, v.label);
      return { value: v.value, count: v.count, label: l.text, lang: l.lang };
    });
  const fromApi = (value: string, fallback: { sl: string | null; en: string | null } | null) => pickText(i18n.language, fallback) ?? { text: value };
  const views: FacetView[] = [
    { key: 'domain', values: labelled('domains', fromApi) },
    { key: 'municipality', values: labelled('municipality', fromApi) },
    { key: 'kind', values: labelled('kind', (v) => ({ text: t(`challenges.kind.${v}`, { defaultValue: v }) })) },
    { key: 'reward', values: labelled('rewardKinds', (v) => ({ text: t(`challenges.rewardKind.${v}`, { defaultValue: v }) })) },
    {
      key: 'deadline',
      values: labelled('deadlineMonth', (v) => ({ text: v === 'none' ? t('explore.noDeadline') : monthLabel(i18n.language, v) })).sort((a, b) => a.label === b.label ? 0 : a.value === 'none' ? 1 : b.value === 'none' ? -1 : a.value.localeCompare(b.value)),
    },
    {
      key: 'status',
      values: [
        { value: 'open', count: search.status === 'awarded' ? -1 : (data.searchChallenges?.totalCount ?? 0), label: t('explore.status.open') },
        { value: 'awarded', count: data.awardedChallenges?.totalCount ?? 0, label: t('explore.status.awarded') },
      ],
    },
  ];
  // A facet whose value is chosen stays visible even when the other filters leave it no count.
  return views.map((view) => {
    const chosen = search[view.key];
    if (view.key !== 'status' && chosen && !view.values.some((v) => v.value === chosen)) view.values.unshift({ value: chosen, count: 0, label: chosen });
    return view;
  }).filter((view) => view.values.length > 0);
}

function Results({ data, search }: { data: HomeData; search: HomeSearch }) {
  const { t, i18n } = useTranslation();
  const tab: Tab = search.tab ?? 'all';
  const q = search.q ? fold(search.q) : '';
  const organisations = (data.organisations?.nodes ?? []).filter((o) => !q || fold(`${o.name} ${o.municipality.name}`).includes(q));
  const challenges = search.status === 'awarded' ? data.awardedChallenges : data.searchChallenges;
  const counts: Record<Exclude<Tab, 'all'>, number> = {
    challenges: challenges?.totalCount ?? 0,
    creatives: data.searchCreatives?.totalCount ?? 0,
    needs: data.searchNeeds?.totalCount ?? 0,
    offers: data.searchOffers?.totalCount ?? 0,
    organisations: organisations.length,
  };
  const pages: Partial<Record<Exclude<Tab, 'all'>, { hasNextPage: boolean; endCursor: string | null } | undefined>> = {
    challenges: challenges?.pageInfo,
    creatives: data.searchCreatives?.pageInfo,
    needs: data.searchNeeds?.pageInfo,
    offers: data.searchOffers?.pageInfo,
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const show = (which: Exclude<Tab, 'all'>) => (tab === 'all' || tab === which) && counts[which] > 0;
  const facets = useFacets(data, search);
  const filtered = hasFacets(search);
  const onPage = (which: Exclude<Tab, 'all'>) => {
    const pageInfo = pages[which];
    if (tab === 'all') {
      return counts[which] > (which === 'organisations' ? organisations.length : 6) || (pageInfo?.hasNextPage ?? false) ? (
        <p>
          <Link to="/" search={{ ...search, tab: which, after: undefined }}>
            {t('explore.showAll', { count: counts[which] })}
          </Link>
        </p>
      ) : null;
    }
    return (
      <nav className={styles.pager} aria-label={t('explore.pages')}>
        {search.after ? (
          <Link to="/" search={{ ...search, after: undefined }}>
            {t('explore.firstPage')}
          </Link>
        ) : null}
        {pageInfo?.hasNextPage && pageInfo.endCursor ? (
          <Link to="/" search={{ ...search, after: pageInfo.endCursor }} rel="next">
            {t('explore.nextPage')}
          </Link>
        ) : null}
      </nav>
    );
  };

  return (
    <div className={styles.layout}>
      <aside className={styles.facets} aria-labelledby="facets-title">
        <h2 id="facets-title">{t('search.filters')}</h2>
        {facets.some((f) => f.key !== 'domain' && f.key !== 'municipality') ? <p className={styles.hint}>{t('explore.challengeFacetsHint')}</p> : null}
        {facets.map((facet) => (
          <section key={facet.key} aria-labelledby={`facet-${facet.key}`}>
            <h3 id={`facet-${facet.key}`}>{t(`explore.facet.${facet.key}`)}</h3>
            <ul>
              {facet.values.slice(0, 12).map((v) => {
                const active = facet.key === 'status' ? (search.status ?? 'open') === v.value : search[facet.key] === v.value;
                const next = facet.key === 'status' ? toggleFacet(search, 'status', v.value === 'open' ? (search.status ?? '') : v.value) : toggleFacet(search, facet.key, v.value);
                const label = (
                  <span lang={v.lang}>{v.label}</span>
                );
                return (
                  <li key={v.value}>
                    <Link to="/" search={next} activeOptions={{ exact: true, includeSearch: true }} aria-current={active ? 'true' : undefined} className={styles.facetLink}>
                      {label}
                      {v.count >= 0 ? <span className={styles.count}>{t('explore.count', { count: v.count })}</span> : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
        {filtered ? (
          <Link to="/" search={clearFacets(search)}>
            {t('search.clearFilters')}
          </Link>
        ) : null}
      </aside>
      <div>
        <h2>{t('search.resultCount', { count: total })}</h2>
        <p className="visually-hidden" role="status" aria-live="polite">
          {t('search.resultCount', { count: total })}
        </p>
        <nav className={styles.tabs} aria-label={t('search.kinds')}>
          <ul>
            {TABS.map((which) => (
              <li key={which}>
                <Link to="/" search={{ ...search, tab: which === 'all' ? undefined : which, after: undefined }} aria-current={tab === which ? 'page' : undefined}>
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
              <Link to="/" search={clearFacets(search)}>
                {t('search.clearFilters')}
              </Link>
            ) : null}
          </EmptyState>
        ) : null}
        {show('challenges') ? (
          <section className={challengeStyles.section} aria-labelledby="r-challenges">
            <h2 id="r-challenges">{t('search.tab.challenges', { count: counts.challenges })}</h2>
            {search.status === 'awarded' ? <p className={styles.hint}>{t('explore.awardedHint')}</p> : null}
            <ul className={challengeStyles.list}>
              {(challenges?.nodes ?? []).map((c) => (
                <li key={c.id}>
                  <ChallengeCard data={c} />
                </li>
              ))}
            </ul>
            {onPage('challenges')}
          </section>
        ) : null}
        {show('creatives') ? (
          <section className={challengeStyles.section} aria-labelledby="r-creatives">
            <h2 id="r-creatives">{t('search.tab.creatives', { count: counts.creatives })}</h2>
            <ul className={styles.plain}>
              {(data.searchCreatives?.nodes ?? []).map((c) => (
                <li key={c.id}>
                  <Link to="/creatives/$creativeId" params={{ creativeId: c.id }}>
                    {c.displayName}
                  </Link>{' '}
                  {c.municipality && t('search.place', { place: c.municipality.name })}
                </li>
              ))}
            </ul>
            {onPage('creatives')}
          </section>
        ) : null}
        {show('needs') ? (
          <section className={challengeStyles.section} aria-labelledby="r-needs">
            <h2 id="r-needs">{t('search.tab.needs', { count: counts.needs })}</h2>
            <ul className={styles.plain}>
              {(data.searchNeeds?.nodes ?? []).map((n) => {
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
            {onPage('needs')}
          </section>
        ) : null}
        {show('offers') ? (
          <section className={challengeStyles.section} aria-labelledby="r-offers">
            <h2 id="r-offers">{t('search.tab.offers', { count: counts.offers })}</h2>
            <ul className={styles.plain}>
              {(data.searchOffers?.nodes ?? []).map((o) => {
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
            {onPage('offers')}
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
