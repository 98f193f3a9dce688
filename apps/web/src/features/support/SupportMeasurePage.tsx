import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../../graphql/graphql.js';
import { formatDateTime, pickText } from '../../i18n/format.js';
import { Link } from '../../ui/Link.js';
import { Loaded } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import { deadlineIcs } from './ics.js';
import { SupportMeasureQuery } from './queries.js';
import { useAmount } from './SupportMeasureCard.js';
import styles from './support.module.css';

const route = getRouteApi('/support/$measureId');
type Measure = ResultOf<typeof SupportMeasureQuery>['supportMeasure'];

/** /support/$measureId: one measure as the public sees it (drafts: the provider's members only). */
export function SupportMeasurePage() {
  const { measureId } = route.useParams();
  const [result] = useQuery({ query: SupportMeasureQuery, variables: { id: measureId } });
  return <Loaded result={result}>{(data) => <Measure measure={data.supportMeasure} />}</Loaded>;
}

function Measure({ measure }: { measure: Measure }) {
  const { t, i18n } = useTranslation();
  const title = pickText(i18n.language, measure.title);
  const summary = pickText(i18n.language, measure.summary);
  const body = pickText(i18n.language, measure.text);
  const amount = useAmount()(measure.amountMinEur, measure.amountMaxEur);
  usePageTitle(title?.text);
  const kinds = (list: readonly string[], prefix: 'creativeKind' | 'organisationKind') => list.map((k) => t(`support.${prefix}.${k}`, { defaultValue: k })).join(', ');
  const calendar = measure.deadline && measure.state === 'OPEN'
    ? `data:text/calendar;charset=utf-8,${encodeURIComponent(deadlineIcs({
      uid: `support-measure-${measure.id}@modrotisk`,
      deadline: measure.deadline,
      summary: t('support.calendar.summary', { title: title?.text ?? '' }),
      description: t('support.calendar.description', { url: window.location.href }),
      url: window.location.href,
    }))}`
    : null;
  return (
    <article>
      <p>
        <Link to="/support">{t('support.detail.back')}</Link>
      </p>
      <h1 tabIndex={-1}>
        <span lang={title?.lang}>{title?.text}</span>
      </h1>
      {measure.status === 'DRAFT' || measure.state === 'CLOSED' ? (
        <p className={styles.notice}>
          <strong>{measure.status === 'DRAFT' ? t('support.detail.draftNote') : t('support.detail.closedNote')}</strong>
        </p>
      ) : null}
      {measure.isDemo ? <p>{t('support.detail.demoNote')}</p> : null}
      {summary ? (
        <p lang={summary.lang}>
          <strong>{summary.text}</strong>
        </p>
      ) : null}
      <section className={styles.section} aria-labelledby="support-facts">
        <h2 id="support-facts">{t('support.detail.facts')}</h2>
        <dl className={styles.facts}>
          <div>
            <dt>{t('support.detail.provider')}</dt>
            <dd>
              <Link to="/organisations/$organisationId" params={{ organisationId: measure.provider.id }}>
                {measure.provider.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('support.detail.state')}</dt>
            <dd>{t(`support.state.${measure.state}`)}</dd>
          </div>
          <div>
            <dt>{t('support.detail.deadline')}</dt>
            <dd>{measure.deadline ? formatDateTime(i18n.language, measure.deadline) : t('support.card.rolling')}</dd>
          </div>
          <div>
            <dt>{t('support.detail.amount')}</dt>
            <dd>{amount ?? t('support.detail.amountNone')}</dd>
          </div>
        </dl>
        {calendar ? (
          <p>
            <a href={calendar} download={`modrotisk-${measure.id.slice(0, 8)}.ics`}>
              {t('support.detail.calendar')}
            </a>{' '}
            <span className={styles.count}>{t('support.detail.calendarHint')}</span>
          </p>
        ) : null}
      </section>
      <section className={styles.section} aria-labelledby="support-eligibility">
        <h2 id="support-eligibility">{t('support.detail.eligibility')}</h2>
        <ul>
          {measure.eligibility.creativeKinds.length > 0 ? <li>{t('support.detail.creatives', { kinds: kinds(measure.eligibility.creativeKinds, 'creativeKind') })}</li> : null}
          {measure.eligibility.organisationKinds.length > 0 ? <li>{t('support.detail.organisations', { kinds: kinds(measure.eligibility.organisationKinds, 'organisationKind') })}</li> : null}
        </ul>
      </section>
      {body ? (
        <section className={`${styles.section} ${styles.body}`} aria-labelledby="support-about">
          <h2 id="support-about">{t('support.detail.about')}</h2>
          {body.text.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i} lang={body.lang}>
              {paragraph}
            </p>
          ))}
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="support-call">
        <h2 id="support-call">{t('support.detail.call')}</h2>
        {measure.callUrl ? (
          <p>
            <a href={measure.callUrl} target="_blank" rel="noopener noreferrer">
              {t('support.detail.callLink')}
            </a>
          </p>
        ) : (
          <p>{t('support.detail.noCall')}</p>
        )}
      </section>
    </article>
  );
}
