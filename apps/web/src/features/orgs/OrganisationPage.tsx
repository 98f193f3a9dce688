import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../../graphql/graphql.js';
import { formatDate, formatEuro, pickText } from '../../i18n/format.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { Loaded } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import styles from './orgs.module.css';
import { OrganisationPageQuery } from './queries.js';

type Localized = { sl?: string | null; en?: string | null } | null | undefined;
type Organisation = ResultOf<typeof OrganisationPageQuery>['organisation'];
type ChallengeRow = Organisation['open'][number];

const route = getRouteApi('/organisations/$organisationId');

/** Text in the reader's language, else the other one, marked with its language. */
function Text({ value, fallback }: { value: Localized; fallback?: string }) {
  const { i18n } = useTranslation();
  const picked = pickText(i18n.language, value);
  return picked ? <span lang={picked.lang}>{picked.text}</span> : <>{fallback ?? null}</>;
}

/** The public page of an organisation: who it is, its open and past challenges, needs and awards. */
export function OrganisationPage() {
  const { organisationId } = route.useParams();
  const [result] = useQuery({ query: OrganisationPageQuery, variables: { id: organisationId } });
  usePageTitle(result.data?.organisation.name);
  return <Loaded result={result}>{({ organisation }) => <Profile organisation={organisation} />}</Loaded>;
}

function Profile({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const description = organisation.description.sl || organisation.description.en;
  return (
    <article>
      <header className={styles.publicHeader}>
        {organisation.logo ? <img src={organisation.logo.url} alt={t('orgs.public.logo', { name: organisation.name })} width={96} height={96} className={styles.logo} /> : null}
        <div>
          <h1 tabIndex={-1}>{organisation.name}</h1>
          <p className={styles.small}>{t('orgs.mine.meta', { kind: t(`organisations.kind.${organisation.kind}`), place: organisation.municipality.name })}</p>
        </div>
      </header>
      {description ? (
        <p className={styles.prose}>
          <Text value={organisation.description} />
        </p>
      ) : null}
      {organisation.website ? (
        <p>
          <a href={organisation.website} rel="noopener noreferrer">
            {t('orgs.public.website', { name: organisation.name })}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="open-title" className={styles.section}>
        <h2 id="open-title">{t('orgs.public.open', { count: organisation.open.length })}</h2>
        {organisation.open.length === 0 ? (
          <EmptyState>
            <p>{t('orgs.public.noOpen')}</p>
            <p>
              <Link to="/" search={{ tab: 'challenges' }}>
                {t('orgs.public.browse')}
              </Link>
            </p>
          </EmptyState>
        ) : (
          <ChallengeList challenges={organisation.open} />
        )}
      </section>
      <section aria-labelledby="needs-title" className={styles.section}>
        <h2 id="needs-title">{t('orgs.public.needs', { count: organisation.needs.length })}</h2>
        {organisation.needs.length === 0 ? (
          <EmptyState>
            <p>{t('orgs.public.noNeeds')}</p>
          </EmptyState>
        ) : (
          <ul className={styles.rows}>
            {organisation.needs.map((need) => (
              <li key={need.id} className={styles.row}>
                <Link to="/needs/$needId" params={{ needId: need.id }} className={styles.rowTitle}>
                  <Text value={need.title} fallback={t('orgs.public.untitled')} />
                </Link>
                <Budget min={need.budgetMinEur} max={need.budgetMaxEur} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="awards-title" className={styles.section}>
        <h2 id="awards-title">{t('orgs.public.awards', { count: organisation.awards.length })}</h2>
        {organisation.awards.length === 0 ? (
          <EmptyState>
            <p>{t('orgs.public.noAwards')}</p>
          </EmptyState>
        ) : (
          <Awards awards={organisation.awards} />
        )}
      </section>
      <section aria-labelledby="past-title" className={styles.section}>
        <h2 id="past-title">{t('orgs.public.past', { count: organisation.past.length })}</h2>
        {organisation.past.length === 0 ? (
          <EmptyState>
            <p>{t('orgs.public.noPast')}</p>
          </EmptyState>
        ) : (
          <ChallengeList challenges={organisation.past} withStatus />
        )}
      </section>
    </article>
  );
}

function Budget({ min, max }: { min: number | null; max: number | null }) {
  const { t, i18n } = useTranslation();
  if (min === null && max === null) return null;
  const euro = (value: number | null) => (value === null ? '–' : formatEuro(i18n.language, value));
  return <p className={styles.small}>{t('orgs.public.budget', { min: euro(min), max: euro(max) })}</p>;
}

function ChallengeList({ challenges, withStatus = false }: { challenges: readonly ChallengeRow[]; withStatus?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className={styles.rows}>
      {challenges.map((challenge) => (
        <li key={challenge.id} className={styles.row}>
          <Link to="/challenges/$challengeId" params={{ challengeId: challenge.id }} className={styles.rowTitle}>
            <Text value={challenge.title} fallback={t('challenges.untitled')} />
          </Link>
          <p className={styles.small}>
            {withStatus ? t(`challenges.status.${challenge.status}`) : null}
            {withStatus && challenge.deadline ? ' · ' : null}
            {challenge.deadline ? t('orgs.public.deadline', { date: formatDate(i18n.language, challenge.deadline as string) }) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

function Awards({ awards }: { awards: Organisation['awards'] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className={styles.rows}>
      {awards.map((award, index) => (
        <li key={`${award.challengeId}-${index}`} className={styles.award}>
          <p className={styles.rowTitle}>
            <Text value={award.proposalTitle} fallback={t('orgs.public.untitled')} />
            {award.authors.length > 0 ? ` – ${award.authors.join(', ')}` : null}
          </p>
          <p className={styles.small}>
            {t('orgs.public.awardFor')}{' '}
            <Link to="/challenges/$challengeId" params={{ challengeId: award.challengeId }}>
              <Text value={award.challengeTitle} fallback={t('challenges.untitled')} />
            </Link>
            {award.amountEur !== null && award.amountEur > 0 ? ` · ${formatEuro(i18n.language, award.amountEur)}` : null}
            {award.awardedAt ? ` · ${formatDate(i18n.language, award.awardedAt as string)}` : null}
          </p>
          {award.reason ? (
            <p>
              <Text value={award.reason} />
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
