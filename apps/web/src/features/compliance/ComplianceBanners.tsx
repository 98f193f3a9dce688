import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { Button } from '../../ui/Button.js';
import { Banner, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { ApiText } from '../matches/MatchExplanation.js';
import { useMeAudience } from '../me/audience.js';
import styles from './compliance.module.css';
import { ComplianceStatusQuery, StartYearlyChallengeMutation } from './queries.js';

/**
 * The challenge editor (built in another part of issue 15). A plain address until its route is
 * merged, so this does not depend on that route's type.
 */
export const challengeEditorHref = (challengeId: string) => `/me/challenges/${encodeURIComponent(challengeId)}/edit`;

type Heading = 2 | 3;

/** One banner per municipality organisation of the signed-in account (nothing for anyone else). */
export function ComplianceBanners({ headingLevel }: { headingLevel: Heading }) {
  const audience = useMeAudience();
  if (!audience || audience.municipalities.length === 0) return null;
  return (
    <div className={styles.banners}>
      {audience.municipalities.map((m) => (
        <MunicipalityStatus key={m.id} organisationId={m.id} name={m.name} headingLevel={headingLevel} />
      ))}
    </div>
  );
}

/** This year's status of one municipality: published, a draft in progress, or nothing yet (with the one-click start). */
export function MunicipalityStatus({ organisationId, name, headingLevel }: { organisationId: string; name: string; headingLevel: Heading }) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: ComplianceStatusQuery, variables: { organisationId } });
  const [started, start] = useMutation(StartYearlyChallengeMutation);
  const [justStarted, setJustStarted] = useState(false);
  const [failed, setFailed] = useState(false);
  const continueLink = useRef<HTMLAnchorElement>(null);
  const H = `h${headingLevel}` as const;
  const headingId = `compliance-${organisationId}`;
  const status = result.data?.municipalComplianceStatus;
  const draft = status?.drafts[0];

  useEffect(() => {
    // The start button is gone once the draft exists: keyboard focus goes to the link that continues it.
    if (justStarted && draft) continueLink.current?.focus();
  }, [justStarted, draft]);

  if (!status) {
    // A municipality organisation outside Gorenjska: the yearly rule does not apply to it.
    if (toAppError(result.error)?.kind === 'input') return null;
    if (result.error) {
      return (
        <Banner tone="error">
          <p>{toAppError(result.error)?.kind === 'unavailable' ? t('errors.unavailable') : t('errors.unexpected')}</p>
        </Banner>
      );
    }
    return (
      <div className={styles.banner} aria-busy="true">
        <p className="visually-hidden" role="status">
          {t('common.loading')}
        </p>
        <Skeleton width="60%" height="1.5em" />
        <Skeleton width="90%" />
      </div>
    );
  }

  const state = status.row.compliant ? 'compliant' : draft ? 'draft' : 'missing';
  const onStart = () => {
    setFailed(false);
    void start({ organisationId }, { additionalTypenames: ['Challenge'] }).then((r) => {
      if (r.error) {
        setFailed(true);
        return;
      }
      setJustStarted(true);
      reexecute({ requestPolicy: 'network-only' });
    });
  };

  return (
    <section className={styles.banner} data-state={state} aria-labelledby={headingId}>
      <H id={headingId} className={styles.bannerHeading}>
        {t('compliance.banner.heading', { organisation: name, year: status.year })}
      </H>
      <p className={styles.state}>
        <span className={styles.icon} aria-hidden="true">
          {ICONS[state]}
        </span>
        <span>{t(`compliance.banner.state.${state}`)}</span>
      </p>
      {state === 'compliant' ? (
        <>
          <p>{t('compliance.banner.compliant')}</p>
          <ul className={styles.challenges}>
            {status.row.challenges.map((c) => (
              <li key={c.id}>
                <Link to="/challenges/$challengeId" params={{ challengeId: c.id }}>
                  <ApiText value={c.title} />
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {state === 'draft' && draft ? (
        <>
          <p>
            {t('compliance.banner.draft')} <ApiText value={draft.title} />
          </p>
          <p role="status">{justStarted ? t('compliance.banner.started') : ''}</p>
          <p>
            <a ref={continueLink} href={challengeEditorHref(draft.id)} className={styles.action}>
              {t('compliance.banner.continue')}
            </a>
          </p>
        </>
      ) : null}
      {state === 'missing' ? (
        <>
          <p>{t('compliance.banner.missing')}</p>
          {status.canStart ? (
            <>
              <p className={styles.hint}>{t('compliance.banner.startHint')}</p>
              <Button onPress={onStart} isPending={started.fetching}>
                {t('compliance.banner.start')}
              </Button>
              {failed ? (
                <p className={styles.error} role="alert">
                  {toAppError(started.error)?.kind === 'unavailable' ? t('errors.unavailable') : t('compliance.banner.startFailed')}
                </p>
              ) : null}
            </>
          ) : (
            <p className={styles.hint}>{t('compliance.banner.askEditor')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}

/** Shown beside the words, never instead of them. */
export const ICONS: Record<'compliant' | 'draft' | 'missing' | 'absent', string> = { compliant: '✓', draft: '✎', missing: '!', absent: '–' };
