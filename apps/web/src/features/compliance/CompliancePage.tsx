import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../../graphql/graphql.js';
import { formatDate } from '../../i18n/format.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { usePageTitle } from '../../ui/page.js';
import { ApiText } from '../matches/MatchExplanation.js';
import { LoadError, Loading } from '../matches/shared.js';
import { useMeAudience } from '../me/audience.js';
import { ComplianceBanners, ICONS } from './ComplianceBanners.js';
import styles from './compliance.module.css';
import { ComplianceBoardQuery } from './queries.js';
import { currentYear, FIRST_YEAR, type BoardView } from './search.js';

const route = getRouteApi('/me/compliance');
type Row = ResultOf<typeof ComplianceBoardQuery>['municipalChallengeCompliance']['rows'][number];
type RowState = 'compliant' | 'missing' | 'absent';
const stateOf = (row: Row): RowState => (row.compliant ? 'compliant' : row.organisations.length > 0 ? 'missing' : 'absent');

/** /me/compliance: a municipality's own status, and for organisers the board of all 18 municipalities. */
export function CompliancePage() {
  const { t } = useTranslation();
  const audience = useMeAudience();
  const title = t('compliance.page.title');
  usePageTitle(title);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p>{t('compliance.page.lead')}</p>
      {audience === undefined ? (
        <Loading />
      ) : audience.organiser || audience.municipalities.length > 0 ? (
        <>
          <ComplianceBanners headingLevel={2} />
          {audience.organiser ? <Board /> : null}
        </>
      ) : (
        <EmptyState>
          <p>{t('compliance.page.noAccess')}</p>
          <p>
            <Link to="/me">{t('compliance.page.back')}</Link>
          </p>
        </EmptyState>
      )}
    </>
  );
}

function Board() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const year = search.year ?? currentYear();
  const view: BoardView = search.view ?? 'grid';
  const [result] = useQuery({ query: ComplianceBoardQuery, variables: { year } });
  const board = result.data?.municipalChallengeCompliance;
  const latest = currentYear() + 1;
  const yearSearch = (y: number) => ({ ...(y === currentYear() ? {} : { year: y }), ...(view === 'list' ? { view: 'list' as const } : {}) });
  return (
    <section aria-labelledby="compliance-board" className={styles.board}>
      <h2 id="compliance-board">{t('compliance.board.title', { year })}</h2>
      <nav aria-label={t('compliance.board.yearNav')} className={styles.toolbar}>
        {year > FIRST_YEAR ? (
          <Link to="/me/compliance" search={yearSearch(year - 1)}>
            {t('compliance.board.previousYear', { year: year - 1 })}
          </Link>
        ) : null}
        {year < latest ? (
          <Link to="/me/compliance" search={yearSearch(year + 1)}>
            {t('compliance.board.nextYear', { year: year + 1 })}
          </Link>
        ) : null}
      </nav>
      <nav aria-label={t('compliance.board.viewLabel')} className={styles.toolbar}>
        <Link to="/me/compliance" search={{ ...(search.year ? { year: search.year } : {}) }} className={styles.viewLink} activeOptions={{ exact: true, includeSearch: true }}>
          {t('compliance.board.view.grid')}
        </Link>
        <Link to="/me/compliance" search={{ ...(search.year ? { year: search.year } : {}), view: 'list' }} className={styles.viewLink} activeOptions={{ exact: true, includeSearch: true }}>
          {t('compliance.board.view.list')}
        </Link>
      </nav>
      {board ? (
        <>
          <p className={styles.summary}>{t('compliance.board.summary', { compliant: board.compliantCount, count: board.municipalityCount, year: board.year })}</p>
          <p className={styles.hint}>{t('compliance.board.legend')}</p>
          {view === 'grid' ? <Grid rows={board.rows} /> : <Table rows={board.rows} />}
        </>
      ) : result.error ? (
        <LoadError error={result.error} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function StatusLabel({ state }: { state: RowState }) {
  const { t } = useTranslation();
  return (
    <span className={styles.state}>
      <span className={styles.icon} aria-hidden="true">
        {ICONS[state]}
      </span>
      <span>{t(`compliance.board.status.${state}`)}</span>
    </span>
  );
}

function Details({ row }: { row: Row }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {row.challenges.length > 0 ? (
        <ul className={styles.challenges}>
          {row.challenges.map((c) => (
            <li key={c.id}>
              <Link to="/challenges/$challengeId" params={{ challengeId: c.id }}>
                <ApiText value={c.title} />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p className={styles.small}>
        {row.organisations.length > 0 ? t('compliance.board.organisations', { names: row.organisations.map((o) => o.name).join(', ') }) : t('compliance.board.noOrganisations')}
      </p>
      {!row.compliant && row.organisations.length > 0 ? (
        <p className={styles.small}>{row.remindedAt ? t('compliance.board.reminded', { date: formatDate(i18n.language, row.remindedAt) }) : t('compliance.board.notReminded')}</p>
      ) : null}
    </>
  );
}

/** Cards coloured by status; the icon and the words say the same, so colour is never the only signal. */
function Grid({ rows }: { rows: readonly Row[] }) {
  return (
    <ul className={styles.grid}>
      {rows.map((row) => (
        <li key={row.municipality.code} className={styles.cell} data-state={stateOf(row)}>
          <h3 className={styles.cellHeading}>{row.municipality.name}</h3>
          <StatusLabel state={stateOf(row)} />
          <Details row={row} />
        </li>
      ))}
    </ul>
  );
}

function Table({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation();
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">{t('compliance.board.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compliance.board.column.municipality')}</th>
            <th scope="col">{t('compliance.board.column.status')}</th>
            <th scope="col">{t('compliance.board.column.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.municipality.code} data-state={stateOf(row)}>
              <th scope="row">{row.municipality.name}</th>
              <td>
                <StatusLabel state={stateOf(row)} />
              </td>
              <td>
                <Details row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
