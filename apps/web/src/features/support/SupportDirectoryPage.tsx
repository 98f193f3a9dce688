import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Form, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { pickText } from '../../i18n/format.js';
import { useSession } from '../../session/useSession.js';
import { Button } from '../../ui/Button.js';
import { Banner, EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { PagePending } from '../../ui/PagePending.js';
import { usePageTitle } from '../../ui/page.js';
import { directoryVariables, SupportDirectoryQuery } from './queries.js';
import { clearFacets, hasFacets, toggleFacet, type FacetKey, type SupportSearch } from './search.js';
import { SupportMeasureCard } from './SupportMeasureCard.js';
import styles from './support.module.css';

const route = getRouteApi('/support/');

/** Index field → the URL's facet name. */
const FIELD_OF: Record<FacetKey, string> = { creativeKind: 'creativeKinds', organisationKind: 'organisationKinds', provider: 'providerId', state: 'state', amount: 'amountBand' };
const ORDER: readonly FacetKey[] = ['state', 'creativeKind', 'organisationKind', 'amount', 'provider'];

type Directory = ResultOf<typeof SupportDirectoryQuery>['supportMeasures'];

/** /support: the public directory of support measures, searchable (diacritics do not matter) with facets in the URL. */
export function SupportDirectoryPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/support/' });
  const account = useSession();
  const [text, setText] = useState(search.q ?? '');
  const [result] = useQuery({ query: SupportDirectoryQuery, variables: directoryVariables(search) });
  usePageTitle(t('support.directory.title'));
  const error = toAppError(result.error);
  const data = result.data?.supportMeasures;

  const submit = () => {
    const q = text.trim();
    void navigate({ search: (prev: SupportSearch) => ({ ...prev, q: q === '' ? undefined : q, after: undefined }), replace: true });
  };

  return (
    <>
      <section className={styles.hero} aria-labelledby="support-title">
        <h1 id="support-title" tabIndex={-1}>
          {t('support.directory.title')}
        </h1>
        <p>{t('support.directory.lead')}</p>
        {account ? (
          <p>
            <Link to="/me">{t('support.directory.forYou')}</Link>
          </p>
        ) : null}
        <Form
          role="search"
          aria-label={t('support.directory.searchLabel')}
          className={styles.searchForm}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <SearchField className={styles.searchField} value={text} onChange={setText} onSubmit={submit} name="q">
            <Label>{t('support.directory.searchLabel')}</Label>
            <Input />
          </SearchField>
          <Button type="submit">{t('support.directory.submit')}</Button>
        </Form>
      </section>
      {error ? (
        <Banner tone="error">
          <p>{error.kind === 'unavailable' ? t('errors.unavailable') : error.kind === 'input' ? t('support.directory.badFilter') : t('errors.unexpected')}</p>
          {error.kind === 'input' ? (
            <p>
              <Link to="/support" search={clearFacets(search)}>
                {t('support.directory.clearFilters')}
              </Link>
            </p>
          ) : null}
        </Banner>
      ) : null}
      {!data && result.fetching ? <PagePending /> : null}
      {data ? <Results data={data} search={search} busy={result.fetching} /> : null}
    </>
  );
}

function Results({ data, search, busy }: { data: Directory; search: SupportSearch; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const filtered = hasFacets(search) || Boolean(search.q);
  const facets = ORDER.map((key) => {
    const values = data.facets.find((f) => f.field === FIELD_OF[key])?.values ?? [];
    const label = (value: string, fallback: { sl: string | null; en: string | null } | null): { text: string; lang?: string } => {
      switch (key) {
        case 'state':
          return { text: t(`support.state.${value}`, { defaultValue: value }) };
        case 'creativeKind':
          return { text: t(`support.creativeKind.${value}`, { defaultValue: value }) };
        case 'organisationKind':
          return { text: t(`support.organisationKind.${value}`, { defaultValue: value }) };
        case 'amount':
          return { text: t(`support.amountBand.${value}`, { defaultValue: value }) };
        case 'provider':
          return pickText(i18n.language, fallback) ?? { text: value };
      }
    };
    const shown = values.map((v) => ({ value: v.value, count: v.count, ...label(v.value, v.label) }));
    // A chosen value stays visible even when the other filters leave it no count.
    const chosen = search[key];
    if (chosen && !shown.some((v) => v.value === chosen)) shown.unshift({ value: chosen, count: 0, ...label(chosen, null) });
    return { key, values: shown };
  }).filter((f) => f.values.length > 0);

  return (
    <div className={styles.layout} aria-busy={busy || undefined}>
      <aside className={styles.facets} aria-labelledby="support-facets">
        <h2 id="support-facets">{t('support.directory.filters')}</h2>
        {facets.map((facet) => (
          <section key={facet.key} aria-labelledby={`support-facet-${facet.key}`}>
            <h3 id={`support-facet-${facet.key}`}>{t(`support.directory.facet.${facet.key}`)}</h3>
            <ul>
              {facet.values.slice(0, 12).map((v) => (
                <li key={v.value}>
                  <Link to="/support" search={toggleFacet(search, facet.key, v.value)} aria-current={search[facet.key] === v.value ? 'true' : undefined} className={styles.facetLink}>
                    <span lang={v.lang}>{v.text}</span>
                    <span className={styles.count}>{t('support.directory.count', { count: v.count })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {hasFacets(search) ? (
          <Link to="/support" search={clearFacets(search)}>
            {t('support.directory.clearFilters')}
          </Link>
        ) : null}
      </aside>
      <div>
        <h2>{t('support.directory.resultCount', { count: data.totalCount })}</h2>
        <p className="visually-hidden" role="status" aria-live="polite">
          {t('support.directory.resultCount', { count: data.totalCount })}
        </p>
        {data.nodes.length === 0 ? (
          <EmptyState>
            <p>{filtered ? t('support.directory.emptyFiltered') : t('support.directory.empty')}</p>
            <p>
              {hasFacets(search) ? (
                <Link to="/support" search={clearFacets(search)}>
                  {t('support.directory.clearFilters')}
                </Link>
              ) : (
                <Link to="/">{t('support.directory.browseChallenges')}</Link>
              )}
            </p>
          </EmptyState>
        ) : (
          <ul className={styles.list}>
            {data.nodes.map((m) => (
              <li key={m.id}>
                <SupportMeasureCard data={m} />
              </li>
            ))}
          </ul>
        )}
        {search.after || data.pageInfo.hasNextPage ? (
          <nav className={styles.pager} aria-label={t('support.directory.pages')}>
            {search.after ? (
              <Link to="/support" search={{ ...search, after: undefined }}>
                {t('support.directory.firstPage')}
              </Link>
            ) : null}
            {data.pageInfo.hasNextPage && data.pageInfo.endCursor ? (
              <Link to="/support" search={{ ...search, after: data.pageInfo.endCursor }} rel="next">
                {t('support.directory.nextPage')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </div>
  );
}
