import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { Form, Input, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { formatDateTime, formatEuro, formatRelative, pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner, EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { QueryFallback } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import ui from '../../ui/ui.module.css';
import { ConfirmDialog } from './ConfirmDialog.js';
import { JuryMembers } from './JuryMembers.js';
import { FILTERS, ljubljanaDateTime, matchesFilter, roleIn } from './model.js';
import { AnswerQuestionMutation, ProposalsInboxQuery, ShortlistMutation } from './queries.js';
import styles from './review.module.css';

const route = getRouteApi('/me/challenges/$challengeId/proposals/');

type Data = ResultOf<typeof ProposalsInboxQuery>;
type Bilingual = { sl: string | null; en: string | null } | null;

/**
 * /me/challenges/$challengeId/proposals: the organisation's inbox for one challenge: counts by
 * state, the proposals (filter in the URL), the shortlist of a two-stage challenge, and the Q&A
 * with answering. Members only (the API answers FORBIDDEN to others).
 */
export function ProposalsInboxPage() {
  const { t, i18n } = useTranslation();
  const { challengeId } = route.useParams();
  const [result, reexecute] = useQuery({ query: ProposalsInboxQuery, variables: { challengeId }, requestPolicy: 'cache-and-network' });
  const title = pickText(i18n.language, result.data?.challenge.title);
  usePageTitle(result.data ? t('review.inbox.documentTitle', { title: title?.text ?? '' }) : null);
  const error = toAppError(result.error);
  if (error?.kind === 'forbidden') {
    return (
      <>
        <h1 tabIndex={-1}>{t('review.inbox.title')}</h1>
        <Banner tone="error">
          <p>{t('review.inbox.forbidden')}</p>
        </Banner>
      </>
    );
  }
  if (!result.data || error?.kind === 'notFound') return <QueryFallback error={result.error} />;
  return <Inbox data={result.data} busy={result.fetching} refresh={() => reexecute({ requestPolicy: 'network-only' })} />;
}

function Inbox({ data, busy, refresh }: { data: Data; busy: boolean; refresh: () => void }) {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const { challenge } = data;
  const role = roleIn(data.me.memberships, challenge.owner.id);
  const text = (value: Bilingual) => {
    const picked = pickText(i18n.language, value);
    return picked ? <span lang={picked.lang}>{picked.text}</span> : null;
  };
  const counts = challenge.proposalCounts ?? { submitted: 0, withdrawn: 0, shortlisted: 0, awarded: 0 };
  const countOf = { SUBMITTED: counts.submitted, WITHDRAWN: counts.withdrawn, SHORTLISTED: counts.shortlisted, AWARDED: counts.awarded };
  const shown = data.challengeProposals.filter((p) => matchesFilter(p, search.status));
  const now = new Date();
  const canShortlist = role === 'OWNER' && challenge.twoStage !== null && challenge.stage === 1 && challenge.status === 'IN_REVIEW';
  // Kept here: once the shortlist is chosen the challenge moves on and the form goes away.
  const [shortlisted, setShortlisted] = useState(false);

  return (
    <section aria-labelledby="review-inbox-title" aria-busy={busy}>
      <h1 id="review-inbox-title" tabIndex={-1}>
        {t('review.inbox.title')}: {text(challenge.title)}
      </h1>
      <p className={styles.lead}>{t('review.inbox.stateLine', { status: t(`review.challengeStatus.${challenge.status}`) })}</p>
      <p>{t('review.inbox.intro')}</p>
      <div className={styles.links}>
        <Link to="/challenges/$challengeId" params={{ challengeId: challenge.id }}>
          {t('review.inbox.challengeLink')}
        </Link>
        <Link to="/me/jury/$challengeId" params={{ challengeId: challenge.id }}>
          {t('review.inbox.juryLink')}
        </Link>
      </div>

      <nav aria-label={t('review.inbox.filter.label')}>
        <ul className={styles.filter}>
          <li>
            <Link to="/me/challenges/$challengeId/proposals" params={{ challengeId: challenge.id }} search={{}} activeOptions={{ exact: true, includeSearch: true }} className={styles.filterLink}>
              {t('review.inbox.filter.all', { count: counts.submitted + counts.withdrawn })}
            </Link>
          </li>
          {FILTERS.map((f) => (
            <li key={f}>
              <Link to="/me/challenges/$challengeId/proposals" params={{ challengeId: challenge.id }} search={{ status: f }} activeOptions={{ exact: true, includeSearch: true }} className={styles.filterLink}>
                {t(`review.inbox.filter.${f}`, { count: countOf[f] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status">{t('review.inbox.shown', { count: shown.length })}</p>

      {shown.length === 0 ? (
        <EmptyState>
          {search.status ? (
            <>
              <p>{t('review.inbox.empty.filtered')}</p>
              <Link to="/me/challenges/$challengeId/proposals" params={{ challengeId: challenge.id }} search={{}}>
                {t('review.inbox.empty.clear')}
              </Link>
            </>
          ) : (
            <p>{t('review.inbox.empty.none')}</p>
          )}
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label={t('review.inbox.listLabel')}>
          {shown.map((p) => {
            const names = p.authors.map((a) => a.creativeProfile.displayName).join(', ');
            return (
              <li key={p.id} className={styles.card}>
                <h2>
                  <Link to="/me/challenges/$challengeId/proposals/$proposalId" params={{ challengeId: challenge.id, proposalId: p.id }} className={styles.focusable}>
                    {text(p.title) ?? t('review.inbox.untitled')}
                  </Link>
                </h2>
                <p className={styles.meta}>
                  <span className={styles.tag}>{t(`review.status.${p.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'SUBMITTED'}`)}</span>
                  {p.shortlistedAt ? <span className={styles.tag}>{t('review.status.SHORTLISTED')}</span> : null}
                  {p.outcome === 'AWARDED' ? <span className={styles.tag}>{t('review.inbox.award', { amount: formatEuro(i18n.language, p.awardEur ?? 0) })}</span> : null}
                  <span>{t('review.inbox.code', { code: p.blindCode })}</span>
                </p>
                {names ? <p className={styles.meta}>{t('review.inbox.by', { names })}</p> : null}
                <p className={styles.meta}>
                  {p.withdrawnAt ? (
                    <time dateTime={p.withdrawnAt} title={formatDateTime(i18n.language, p.withdrawnAt)}>
                      {t('review.inbox.withdrawnAt', { when: formatRelative(i18n.language, new Date(p.withdrawnAt), now) })}
                    </time>
                  ) : p.submittedAt ? (
                    <time dateTime={p.submittedAt} title={formatDateTime(i18n.language, p.submittedAt)}>
                      {t('review.inbox.submittedAt', { when: formatRelative(i18n.language, new Date(p.submittedAt), now) })}
                    </time>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}

      {shortlisted ? (
        <Banner>
          <p>{t('review.inbox.shortlist.done')}</p>
        </Banner>
      ) : null}
      {canShortlist && challenge.twoStage && !shortlisted ? (
        <Shortlist
          data={data}
          onDone={() => {
            setShortlisted(true);
            refresh();
          }}
        />
      ) : null}
      <Questions data={data} canAnswer={role === 'OWNER' || role === 'EDITOR'} refresh={refresh} />
      <JuryMembers challengeId={challenge.id} owner={role === 'OWNER'} />
    </section>
  );
}

function Shortlist({ data, onDone }: { data: Data; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const challenge = data.challenge;
  const size = challenge.twoStage?.shortlistSize ?? 0;
  const candidates = data.challengeProposals.filter((p) => p.status === 'SUBMITTED');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [state, shortlist] = useMutation(ShortlistMutation);

  const check = () => {
    const next: Record<string, string> = {};
    if (chosen.size === 0 || chosen.size > size) next.proposalIds = t('review.inbox.shortlist.errors.proposalIds');
    const when = ljubljanaDateTime(deadline);
    if (!when || when.getTime() <= Date.now()) next.stageTwoDeadline = t('review.inbox.shortlist.errors.stageTwoDeadline');
    setErrors(next);
    setGeneral([]);
    if (Object.keys(next).length === 0) setConfirming(true);
  };

  const send = async () => {
    const when = ljubljanaDateTime(deadline) as Date;
    const r = await shortlist({ challengeId: challenge.id, proposalIds: [...chosen], stageTwoDeadline: when.toISOString() });
    setConfirming(false);
    const error = toAppError(r.error);
    if (!error) {
      onDone();
      return;
    }
    if (error.kind === 'input') {
      const fields = Object.keys(error.fields);
      setErrors(Object.fromEntries(fields.filter((f) => f === 'proposalIds' || f === 'stageTwoDeadline').map((f) => [f, t(`review.inbox.shortlist.errors.${f}`)])));
      if (fields.some((f) => f !== 'proposalIds' && f !== 'stageTwoDeadline')) setGeneral([t('errors.invalidInput')]);
    } else setGeneral([error.kind === 'invalidState' ? t('errors.invalidState') : t(`errors.${error.kind === 'rateLimited' ? 'unexpected' : error.kind}`)]);
  };

  return (
    <section className={styles.section} aria-labelledby="shortlist-title">
      <h2 id="shortlist-title">{t('review.inbox.shortlist.title')}</h2>
      <p>{t('review.inbox.shortlist.intro', { count: size, fee: formatEuro(i18n.language, challenge.twoStage?.shortlistFeeEur ?? 0) })}</p>
      <ErrorSummary errors={errors} general={general} />
      <Form
        className={styles.form}
        validationBehavior="aria"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          check();
        }}
      >
        <fieldset className={styles.fieldset} aria-describedby={errors.proposalIds ? 'shortlist-error' : undefined}>
          <legend id="field-proposalIds" tabIndex={-1}>
            {t('review.inbox.shortlist.choose')}
          </legend>
          {errors.proposalIds ? (
            <p id="shortlist-error" className={ui.fieldError}>
              {errors.proposalIds}
            </p>
          ) : null}
          {candidates.map((p) => {
            const label = pickText(i18n.language, p.title);
            return (
              <label key={p.id} className={styles.choice}>
                <input
                  type="checkbox"
                  checked={chosen.has(p.id)}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.target.checked) next.add(p.id);
                    else next.delete(p.id);
                    setChosen(next);
                  }}
                />
                <span lang={label?.lang}>{label?.text ?? t('review.inbox.untitled')}</span> ({p.blindCode})
              </label>
            );
          })}
        </fieldset>
        <AriaTextField name="stageTwoDeadline" value={deadline} onChange={setDeadline} isInvalid={Boolean(errors.stageTwoDeadline)} className={ui.field}>
          <Label className={ui.label}>{t('review.inbox.shortlist.deadline')}</Label>
          <Text slot="description" className={ui.description}>
            {t('review.inbox.shortlist.deadlineHint')}
          </Text>
          {errors.stageTwoDeadline ? (
            <Text slot="errorMessage" className={ui.fieldError}>
              {errors.stageTwoDeadline}
            </Text>
          ) : null}
          <Input id="field-stageTwoDeadline" type="datetime-local" className={ui.input} />
        </AriaTextField>
        <div className={styles.actions}>
          <Button type="submit">{t('review.inbox.shortlist.submit')}</Button>
        </div>
      </Form>
      <ConfirmDialog
        isOpen={confirming}
        title={t('review.inbox.shortlist.confirmTitle')}
        confirmLabel={t('review.inbox.shortlist.confirm')}
        cancelLabel={t('review.inbox.shortlist.cancel')}
        isPending={state.fetching}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('review.inbox.shortlist.confirmBody', { count: chosen.size })}</p>
      </ConfirmDialog>
    </section>
  );
}

function Questions({ data, canAnswer, refresh }: { data: Data; canAnswer: boolean; refresh: () => void }) {
  const { t, i18n } = useTranslation();
  const questions = [...data.challenge.questions].sort((a, b) => Number(a.answeredAt !== null) - Number(b.answeredAt !== null));
  const open = ['PUBLISHED', 'SUBMISSIONS_CLOSED', 'IN_REVIEW'].includes(data.challenge.status);
  const now = new Date();
  return (
    <section className={styles.section} aria-labelledby="qa-title">
      <h2 id="qa-title">{t('review.inbox.qa.title')}</h2>
      <p>{t('review.inbox.qa.intro')}</p>
      {!canAnswer ? <p className={styles.lead}>{t('review.inbox.qa.readOnly')}</p> : !open ? <p className={styles.lead}>{t('review.inbox.qa.closed')}</p> : null}
      {questions.length === 0 ? (
        <EmptyState>
          <p>{t('review.inbox.qa.empty')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {questions.map((q) => (
            <li key={q.id} className={styles.card}>
              <h3 lang={q.language}>{q.question}</h3>
              <p className={styles.meta}>
                <time dateTime={q.askedAt}>{t('review.inbox.qa.asked', { when: formatRelative(i18n.language, new Date(q.askedAt), now) })}</time>
                {q.answeredAt ? (
                  <time dateTime={q.answeredAt}>{t('review.inbox.qa.answered', { when: formatRelative(i18n.language, new Date(q.answeredAt), now) })}</time>
                ) : (
                  <span className={styles.warn}>{t('review.inbox.qa.unanswered')}</span>
                )}
              </p>
              {q.answer ? <AnswerText answer={q.answer} /> : null}
              {canAnswer && open ? <AnswerForm question={q} refresh={refresh} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AnswerText({ answer }: { answer: { sl: string | null; en: string | null } }) {
  const { i18n } = useTranslation();
  const picked = pickText(i18n.language, answer);
  return picked ? (
    <p className={styles.body} lang={picked.lang}>
      {picked.text}
    </p>
  ) : null;
}

function AnswerForm({ question, refresh }: { question: Data['challenge']['questions'][number]; refresh: () => void }) {
  const { t } = useTranslation();
  const [sl, setSl] = useState(question.answer?.sl ?? '');
  const [en, setEn] = useState(question.answer?.en ?? '');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [state, answer] = useMutation(AnswerQuestionMutation);
  const field = `answer-${question.id}`;
  const submit = async () => {
    setSaved(false);
    setGeneral(null);
    if ((!sl.trim() && !en.trim()) || sl.length > 5000 || en.length > 5000) {
      setError(t('review.inbox.qa.errors.answer'));
      return;
    }
    setError(null);
    const r = await answer({ id: question.id, answer: { sl: sl.trim() || null, en: en.trim() || null } });
    const failure = toAppError(r.error);
    if (!failure) {
      setSaved(true);
      refresh();
    } else if (failure.kind === 'input') setError(t('review.inbox.qa.errors.answer'));
    else setGeneral(failure.kind === 'invalidState' ? t('review.inbox.qa.closed') : t(`errors.${failure.kind === 'rateLimited' ? 'unexpected' : failure.kind}`));
  };
  return (
    <Form
      className={styles.form}
      validationBehavior="aria"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {error || general ? <ErrorSummary errors={error ? { [`${field}-sl`]: error } : {}} general={general ? [general] : []} /> : null}
      <AriaTextField value={sl} onChange={setSl} isInvalid={Boolean(error)} className={ui.field}>
        <Label className={ui.label}>{t('review.inbox.qa.answerSl')}</Label>
        {error ? (
          <Text slot="errorMessage" className={ui.fieldError}>
            {error}
          </Text>
        ) : null}
        <TextArea id={`field-${field}-sl`} lang="sl" className={styles.textarea} />
      </AriaTextField>
      <AriaTextField value={en} onChange={setEn} className={ui.field}>
        <Label className={ui.label}>
          {t('review.inbox.qa.answerEn')} {t('common.optional')}
        </Label>
        <TextArea id={`field-${field}-en`} lang="en" className={styles.textarea} />
      </AriaTextField>
      <div className={styles.actions}>
        <Button type="submit" isPending={state.fetching}>
          {question.answeredAt ? t('review.inbox.qa.correct') : t('review.inbox.qa.submit')}
        </Button>
      </div>
      {saved ? (
        <Banner>
          <p>{t('review.inbox.qa.saved')}</p>
        </Banner>
      ) : null}
    </Form>
  );
}
