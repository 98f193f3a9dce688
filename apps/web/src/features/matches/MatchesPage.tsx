import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { readFragment } from '../../graphql/graphql.js';
import { Banner, EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { usePageTitle } from '../../ui/page.js';
import { ChallengeCard } from '../challenges/ChallengeCard.js';
import { Button } from '../../ui/Button.js';
import { MatchExplanation } from './MatchExplanation.js';
import styles from './matches.module.css';
import { MatchExplanationFragment, MyMatchesQuery, SetConsentMutation } from './queries.js';
import { LoadError, Loading, NoProfile, useMyCreative } from './shared.js';

const route = getRouteApi('/me/matches');
/** matchesForCreative has no cursor: a first page, then everything it gives (at most 50). */
export const FIRST_PAGE = 20;
export const ALL = 50;
export const matchesVariables = (id: string, all: boolean | undefined) => ({ id, first: all ? ALL : FIRST_PAGE });

export function MatchesPage() {
  const { t } = useTranslation();
  usePageTitle(t('matches.mine.title'));
  const me = useMyCreative();
  return (
    <>
      <h1 tabIndex={-1}>{t('matches.mine.title')}</h1>
      <p>{t('matches.mine.lead')}</p>
      {me.error ? <LoadError error={me.error} /> : me.id === undefined ? <Loading /> : me.id === null ? <NoProfile>{t('matches.noProfile.matches')}</NoProfile> : <Matches id={me.id} />}
    </>
  );
}

function Matches({ id }: { id: string }) {
  const { t } = useTranslation();
  const { all } = route.useSearch();
  const [result] = useQuery({ query: MyMatchesQuery, variables: matchesVariables(id, all) });
  if (!result.data) return result.error ? <LoadError error={result.error} /> : <Loading />;
  const matches = result.data.matchesForCreative;
  const consent = result.data.creativeProfile.matchingConsent === true;
  return (
    <div aria-busy={result.fetching || undefined}>
      {consent ? null : <ConsentMissing />}
      <h2>{consent ? t('matches.mine.listTitle', { count: matches.length }) : t('matches.mine.wouldMatchTitle', { count: matches.length })}</h2>
      {matches.length === 0 ? (
        <EmptyState>
          <p>{t('matches.mine.empty')}</p>
          <p className={styles.actions}>
            <Link to="/me/profile">{t('matches.hints.editProfile')}</Link>
            <Link to="/">{t('matches.mine.browse')}</Link>
          </p>
        </EmptyState>
      ) : (
        <ol className={styles.list}>
          {matches.map((match, index) => (
            <li key={match.challenge.id} className={styles.item}>
              <ChallengeCard data={match.challenge} />
              <MatchExplanation explanation={readFragment(MatchExplanationFragment, match)} idPrefix={`match-${index}`} headingLevel={4} />
            </li>
          ))}
        </ol>
      )}
      {!all && matches.length === FIRST_PAGE ? (
        <p>
          <Link to="/me/matches" search={{ all: true }}>
            {t('matches.mine.showMore')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** Matching is off until the creative agrees: what that means, and the agreement itself. */
export function ConsentMissing({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const [state, giveConsent] = useMutation(SetConsentMutation);
  const [failed, setFailed] = useState(false);
  return (
    <section className={styles.consent} aria-labelledby="consent-title">
      <Heading id="consent-title">{t('matches.consent.title')}</Heading>
      <p>{t('matches.consent.what')}</p>
      <p>{t('matches.consent.withdraw')}</p>
      {failed ? (
        <Banner tone="error">
          <p>{t('errors.unexpected')}</p>
        </Banner>
      ) : null}
      <Button
        isPending={state.fetching}
        onPress={() => {
          void giveConsent({}, { additionalTypenames: ['ChallengeMatch', 'MatchVerdictType'] }).then((r) => setFailed(Boolean(toAppError(r.error))));
        }}
      >
        {t('matches.consent.give')}
      </Button>
    </section>
  );
}
