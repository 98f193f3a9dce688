import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { formatDate, formatEuro, formatRelative, pickText } from '../../i18n/format.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { QueryFallback } from '../../ui/Loaded.js';
import { AskQuestion } from '../proposals/AskQuestion.js';
import { ProposalCallToAction } from '../proposals/ProposalCallToAction.js';
import { usePageTitle } from '../../ui/page.js';
import styles from './challenges.module.css';
import uiStyles from '../../ui/ui.module.css';
import { ChallengeQuery } from './queries.js';
import { ChallengeVerdict } from '../matches/ChallengeVerdict.js';
import { ChallengeAttachments } from './ChallengeAttachments.js';

const route = getRouteApi('/challenges/$challengeId');
const PHASES = ['PUBLISHED', 'SUBMISSIONS_CLOSED', 'IN_REVIEW', 'AWARDED'] as const;

export function ChallengePage() {
  const { challengeId } = route.useParams();
  return <ChallengeDetail challengeId={challengeId} />;
}

/**
 * A challenge as the public sees it. `preview` (the owner's editor) leaves out what only a visitor
 * acts on (enter, ask, my match) and the questions nobody has answered yet, which the public does not see.
 */
export function ChallengeDetail({ challengeId, preview = false }: { challengeId: string; preview?: boolean }) {
  const { t, i18n } = useTranslation();
  const [result, reexecute] = useQuery({ query: ChallengeQuery, variables: { id: challengeId } });
  const challenge = result.data?.challenge;
  const title = pickText(i18n.language, challenge?.title);
  usePageTitle(title?.text ?? null);
  const bothBriefs = Boolean(challenge?.brief.sl && challenge?.brief.en);
  const [briefLanguage, setBriefLanguage] = useState<'sl' | 'en' | null>(null);
  if (!challenge || toAppError(result.error)?.kind === 'notFound') return <QueryFallback error={result.error} />;

  const shownLanguage = briefLanguage ?? (i18n.language === 'en' ? 'en' : 'sl');
  const brief = bothBriefs ? { text: challenge.brief[shownLanguage] ?? '', lang: shownLanguage } : pickText(i18n.language, challenge.brief);
  const deadline = challenge.deadline ? new Date(challenge.deadline) : null;
  const questions = preview ? challenge.questions.filter((q) => q.answer) : challenge.questions;
  const phase = PHASES.indexOf(challenge.status as (typeof PHASES)[number]);
  const text = (value: { sl?: string | null; en?: string | null } | null | undefined) => {
    const picked = pickText(i18n.language, value);
    return picked ? <span lang={picked.lang}>{picked.text}</span> : null;
  };

  return (
    <article aria-labelledby="challenge-title">
      {preview ? null : (
        <p>
          <Link to="/">{t('challenges.backToSearch')}</Link>
        </p>
      )}
      <h1 id="challenge-title" tabIndex={-1}>
        <span lang={title?.lang}>{title?.text ?? t('challenges.untitled')}</span>
      </h1>
      <p className={styles.meta}>
        {t(`challenges.status.${challenge.status}`)} · {t(`challenges.kind.${challenge.kind}`)}
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>{t('challenges.owner')}</dt>
          <dd>
            <Link to="/organisations/$organisationId" params={{ organisationId: challenge.owner.id }}>
              {challenge.owner.name}
            </Link>{' '}
            {t('search.place', { place: challenge.owner.municipality.name })}
          </dd>
        </div>
        {challenge.partners.map((p) => (
          <div key={p.organisation.id}>
            <dt>{t('challenges.partner')}</dt>
            <dd>
              <Link to="/organisations/$organisationId" params={{ organisationId: p.organisation.id }}>
                {p.organisation.name}
              </Link>{' '}
              ({text(p.role)})
            </dd>
          </div>
        ))}
        {challenge.totalBudgetEur !== null ? (
          <div>
            <dt>{t('challenges.reward')}</dt>
            <dd>{formatEuro(i18n.language, challenge.totalBudgetEur)}</dd>
          </div>
        ) : null}
        {deadline ? (
          <div>
            <dt>{t('challenges.deadline')}</dt>
            <dd>
              <time dateTime={challenge.deadline ?? undefined}>{formatDate(i18n.language, deadline.toISOString())}</time> ({formatRelative(i18n.language, deadline)})
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('challenges.proposals')}</dt>
          <dd>{t('challenges.proposalCount', { count: challenge.submittedProposalCount })}</dd>
        </div>
      </dl>

      {challenge.proposalCounts && !preview ? (
        <p>
          <Link to="/me/challenges/$challengeId/proposals" params={{ challengeId: challenge.id }} search={{}}>
            {t('review.inbox.fromChallenge', { count: challenge.proposalCounts.submitted })}
          </Link>
        </p>
      ) : null}
      {preview ? null : (
        <>
          <ProposalCallToAction challengeId={challenge.id} status={challenge.status} deadline={challenge.deadline} />
          <ChallengeVerdict challengeId={challenge.id} />
        </>
      )}

      <section className={styles.section} aria-labelledby="brief-title">
        <h2 id="brief-title">{t('challenges.brief')}</h2>
        {bothBriefs ? (
          <ToggleButtonGroup
            className={styles.toggle}
            aria-label={t('challenges.briefLanguage')}
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={[shownLanguage]}
            onSelectionChange={(keys) => {
              const [key] = [...keys];
              if (key === 'sl' || key === 'en') setBriefLanguage(key);
            }}
          >
            <ToggleButton id="sl" className={uiStyles.button} data-variant={shownLanguage === 'sl' ? 'primary' : 'secondary'}>
              <span lang="sl">{t('layout.languageName.sl')}</span>
            </ToggleButton>
            <ToggleButton id="en" className={uiStyles.button} data-variant={shownLanguage === 'en' ? 'primary' : 'secondary'}>
              <span lang="en">{t('layout.languageName.en')}</span>
            </ToggleButton>
          </ToggleButtonGroup>
        ) : null}
        {brief ? (
          <div lang={brief.lang} style={{ whiteSpace: 'pre-line' }}>
            {brief.text}
          </div>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('challenges.timeline')}</h2>
        <ol className={styles.timeline}>
          {PHASES.map((p, index) => (
            <li key={p} aria-current={index === phase ? 'step' : undefined}>
              {t(`challenges.phase.${p}`)}
              {p === 'PUBLISHED' && challenge.publishedAt ? ` · ${formatDate(i18n.language, challenge.publishedAt)}` : ''}
              {p === 'SUBMISSIONS_CLOSED' && challenge.deadline ? ` · ${formatDate(i18n.language, challenge.deadline)}` : ''}
              {p === 'AWARDED' && challenge.awardedAt ? ` · ${formatDate(i18n.language, challenge.awardedAt)}` : ''}
              {index === phase ? ` ${t('challenges.currentPhase')}` : ''}
            </li>
          ))}
        </ol>
        {phase < 0 ? <p>{t('challengeDetail.noPhase', { status: t(`challenges.status.${challenge.status}`) })}</p> : null}
        {challenge.cancellationReason ? <p>{text(challenge.cancellationReason)}</p> : null}
      </section>

      <section className={styles.section} aria-labelledby="rewards-title">
        <h2 id="rewards-title">{t('challenges.rewards')}</h2>
        {challenge.rewards.length === 0 && !challenge.reward ? (
          <p>{t('challenges.noRewards')}</p>
        ) : (
          <ul>
            {challenge.rewards.map((r, index) => (
              <li key={index}>
                {t(`challenges.rewardKind.${r.kind}`)}
                {r.amountEur !== null ? `: ${formatEuro(i18n.language, r.amountEur)}` : ''} {text(r.description)}
              </li>
            ))}
          </ul>
        )}
        {challenge.reward ? <p>{text(challenge.reward)}</p> : null}
      </section>

      <section className={styles.section} aria-labelledby="ip-title">
        <h2 id="ip-title">{t('challenges.ipTerms')}</h2>
        {challenge.ipTerms ? (
          <>
            <p>{t(`challenges.ipKind.${challenge.ipTerms.kind}`)}</p>
            {challenge.ipTerms.creatorKeepsRightsUntilPaid ? <p>{t('challenges.keepsRights')}</p> : null}
            <p>{text(challenge.ipTerms.details)}</p>
          </>
        ) : (
          <p>{t('challenges.noIpTerms')}</p>
        )}
      </section>

      <section className={styles.section} aria-labelledby="criteria-title">
        <h2 id="criteria-title">{t('challenges.criteria')}</h2>
        {challenge.evaluationCriteria.length === 0 ? (
          <p>{t('challenges.noCriteria')}</p>
        ) : (
          <ul>
            {challenge.evaluationCriteria.map((c) => (
              <li key={c.id}>
                {text(c.name)} {t('challenges.weight', { weight: c.weight })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <ChallengeAttachments data={challenge} />

      <section className={styles.section} aria-labelledby="qa-title">
        <h2 id="qa-title">{t('challenges.questions')}</h2>
        {questions.length === 0 ? (
          <EmptyState>
            <p>{t('challenges.noQuestions')}</p>
          </EmptyState>
        ) : (
          <dl>
            {questions.map((q) => (
              <div key={q.id}>
                <dt>
                  <span lang={q.language}>{q.question}</span>
                  {q.askedByMe ? ` ${t('proposals.qa.yours')}` : null}
                </dt>
                <dd>{text(q.answer) ?? t('challenges.unanswered')}</dd>
              </div>
            ))}
          </dl>
        )}
        {preview ? null : <AskQuestion challengeId={challenge.id} status={challenge.status} deadline={challenge.deadline} onAsked={() => reexecute({ requestPolicy: 'network-only' })} />}
      </section>

      {challenge.awards.length > 0 ? (
        <section className={styles.section} aria-labelledby="awards-title">
          <h2 id="awards-title">{t('challenges.awards')}</h2>
          <ul>
            {challenge.awards.map((a, index) => (
              <li key={index}>
                <strong>{text(a.proposalTitle)}</strong> {t('challenges.awardAuthors', { authors: a.authors.join(', ') })}
                {a.amountEur !== null ? ` · ${formatEuro(i18n.language, a.amountEur)}` : ''}
                {a.reason ? <p>{text(a.reason)}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
