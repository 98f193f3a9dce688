import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { useSession } from '../../session/useSession.js';
import { Link } from '../../ui/Link.js';
import { ApiText, MatchExplanation, percent } from './MatchExplanation.js';
import { ConsentMissing } from './MatchesPage.js';
import styles from './matches.module.css';
import { MyVerdictQuery } from './queries.js';
import { Loading, useMyCreative } from './shared.js';

/**
 * On a challenge page, for a signed-in creative: how well they match it and why (or why not),
 * with what would raise the score. Visitors see nothing here.
 */
export function ChallengeVerdict({ challengeId }: { challengeId: string }) {
  const account = useSession();
  if (!account) return null;
  return <SignedInVerdict challengeId={challengeId} />;
}

function SignedInVerdict({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const me = useMyCreative();
  if (me.error) return null;
  return (
    <section className={styles.verdict} aria-labelledby="verdict-title">
      <h2 id="verdict-title">{t('matches.verdict.title')}</h2>
      {me.id === undefined ? (
        <Loading />
      ) : me.id === null ? (
        <>
          <p>{t('matches.noProfile.verdict')}</p>
          <p>
            <Link to="/me/profile">{t('matches.noProfile.action')}</Link>
          </p>
        </>
      ) : (
        <Verdict challengeId={challengeId} creativeId={me.id} />
      )}
    </section>
  );
}

function Verdict({ challengeId, creativeId }: { challengeId: string; creativeId: string }) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: MyVerdictQuery, variables: { challengeId, creativeId } });
  const verdict = result.data?.myMatchWithChallenge;
  if (!verdict) return result.error ? <p>{toAppError(result.error)?.kind === 'unavailable' ? t('errors.unavailable') : t('matches.verdict.unknown')}</p> : <Loading />;
  const noConsent = result.data?.creativeProfile.matchingConsent !== true;
  return (
    <div aria-busy={result.fetching || undefined}>
      <p className={styles.verdictLine} data-matched={verdict.matched}>
        {verdict.matched ? t('matches.verdict.matched') : t('matches.verdict.notMatched')}
      </p>
      {verdict.reasons.length > 0 ? (
        <ul aria-label={t('matches.verdict.whyNot')}>
          {verdict.reasons.map((reason, index) => (
            <li key={index}>
              <ApiText value={reason} />
            </li>
          ))}
        </ul>
      ) : null}
      <p className={styles.small}>{t('matches.verdict.threshold', { percent: percent(verdict.threshold) })}</p>
      <MatchExplanation explanation={verdict} idPrefix="verdict" headingLevel={3} />
      {noConsent ? <ConsentMissing headingLevel={3} /> : null}
      <p>
        <Link to="/me/matches">{t('matches.verdict.allMatches')}</Link>
      </p>
    </div>
  );
}
