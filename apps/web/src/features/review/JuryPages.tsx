import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { Form, Input, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { formatDate, formatEuro, localeOf, pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner, EmptyState, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { QueryFallback } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import ui from '../../ui/ui.module.css';
import { ConfirmDialog } from './ConfirmDialog.js';
import { downloadAttachment } from './download.js';
import { parseScore, weightPercents } from './model.js';
import { DeclareConflictMutation, JuryRoomQuery, MyJuriesQuery, PublishDecisionMutation, ScoreMutation } from './queries.js';
import styles from './review.module.css';

type Bilingual = { sl: string | null; en: string | null } | null;

function useText() {
  const { i18n } = useTranslation();
  return (value: Bilingual) => {
    const picked = pickText(i18n.language, value);
    return picked ? <span lang={picked.lang}>{picked.text}</span> : null;
  };
}

/** /me/jury: the challenges where the reader sits on the jury. */
export function JuryListPage() {
  const { t, i18n } = useTranslation();
  const [result] = useQuery({ query: MyJuriesQuery, requestPolicy: 'cache-and-network' });
  const text = useText();
  usePageTitle(t('review.jury.title'));
  const juries = result.data?.myJuryChallenges;
  return (
    <section aria-labelledby="jury-title" aria-busy={result.fetching && Boolean(result.data)}>
      <h1 id="jury-title" tabIndex={-1}>
        {t('review.jury.title')}
      </h1>
      <p>{t('review.jury.intro')}</p>
      {!juries ? (
        result.error ? (
          <QueryFallback error={result.error} />
        ) : (
          <div aria-hidden="true">
            <Skeleton height="5rem" />
          </div>
        )
      ) : juries.length === 0 ? (
        <EmptyState>
          <p>{t('review.jury.empty')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label={t('review.jury.listLabel')}>
          {juries.map((c) => (
            <li key={c.id} className={styles.card}>
              <h2>
                <Link to="/me/jury/$challengeId" params={{ challengeId: c.id }} className={styles.focusable}>
                  {text(c.title)}
                </Link>
              </h2>
              <p className={styles.meta}>
                <span className={styles.tag}>{t(`review.challengeStatus.${c.status}`)}</span>
                <span>{t('review.jury.by', { name: c.owner.name })}</span>
                {c.deadline && c.status === 'PUBLISHED' ? <span>{t('review.jury.deadline', { date: formatDate(i18n.language, c.deadline) })}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const roomRoute = getRouteApi('/me/jury/$challengeId');
type Room = ResultOf<typeof JuryRoomQuery>['juryRoom'];
type Entry = Room['queue'][number];

/**
 * /me/jury/$challengeId: for a juror, the blind queue (no authors anywhere: the API sends none),
 * the rubric with weights, conflict declarations and scores per criterion, and progress; for the
 * organisation (the chair) the normalised ranking with disagreements and the decision.
 */
export function JuryRoomPage() {
  const { t, i18n } = useTranslation();
  const { challengeId } = roomRoute.useParams();
  const [result, reexecute] = useQuery({ query: JuryRoomQuery, variables: { challengeId }, requestPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState('');
  const text = useText();
  const room = result.data?.juryRoom;
  usePageTitle(room ? t('review.jury.roomTitle', { title: pickText(i18n.language, room.challenge.title)?.text ?? '' }) : null);
  const error = toAppError(result.error);
  if (error?.kind === 'forbidden') {
    return (
      <>
        <h1 tabIndex={-1}>{t('review.jury.title')}</h1>
        <Banner tone="error">
          <p>{t('review.jury.forbidden')}</p>
        </Banner>
      </>
    );
  }
  if (!room || error?.kind === 'notFound') return <QueryFallback error={result.error} />;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const status = room.challenge.status;
  const criteria = room.challenge.evaluationCriteria;
  const percents = weightPercents(criteria.map((c) => c.weight));
  const reviewing = ['SUBMISSIONS_CLOSED', 'IN_REVIEW', 'AWARDED', 'CLOSED_WITHOUT_AWARD'].includes(status);
  return (
    <section aria-labelledby="room-title" aria-busy={result.fetching}>
      <h1 id="room-title" tabIndex={-1}>
        {t('review.jury.title')}: {text(room.challenge.title)}
      </h1>
      <p className={styles.lead}>{t('review.inbox.stateLine', { status: t(`review.challengeStatus.${status}`) })}</p>
      <p role="status">{notice}</p>
      {room.isJuror ? (
        <>
          <p>{t('review.jury.blind')}</p>
          {reviewing ? (
            <>
              <p className={styles.progress}>{t('review.jury.progress', { scored: room.scoredCount, total: room.queue.length })}</p>
              {room.conflictCount > 0 ? <p>{t('review.jury.conflicts', { count: room.conflictCount })}</p> : null}
              {status === 'SUBMISSIONS_CLOSED' ? <p>{t('review.jury.scoringClosed')}</p> : null}
            </>
          ) : (
            <p>{t('review.jury.notYet')}</p>
          )}
          <section aria-labelledby="rubric-title" className={styles.section}>
            <h2 id="rubric-title">{t('review.jury.rubric')}</h2>
            <p>{t('review.jury.rubricIntro')}</p>
            <ul>
              {criteria.map((c, i) => (
                <li key={c.id}>
                  {text(c.name)} ({t('review.jury.weight', { percent: percents[i] })})
                </li>
              ))}
            </ul>
          </section>
          {reviewing ? (
            room.queue.length === 0 ? (
              <EmptyState>
                <p>{t('review.jury.emptyQueue')}</p>
              </EmptyState>
            ) : (
              <ul className={styles.list} aria-label={t('review.jury.queueLabel')}>
                {room.queue.map((entry) => (
                  <QueueEntry key={entry.proposal.id} entry={entry} room={room} onDone={(message) => {
                    setNotice(message);
                    refresh();
                  }} />
                ))}
              </ul>
            )
          ) : null}
        </>
      ) : null}
      {room.canRank ? <Chair room={room} refresh={refresh} /> : null}
    </section>
  );
}

function QueueEntry({ entry, room, onDone }: { entry: Entry; room: Room; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const p = entry.proposal;
  const body = pickText(i18n.language, p.body);
  const [downloadFailed, setDownloadFailed] = useState(false);
  return (
    <li className={styles.card}>
      <h2>
        {t('review.jury.proposalHeading', { code: p.blindCode })}: {text(p.title)}
      </h2>
      <p className={styles.meta}>
        <span className={styles.tag}>{entry.scored ? t('review.jury.scored') : t('review.jury.notScored')}</span>
        {p.requestedEur !== null ? <span>{t('review.jury.requested', { amount: formatEuro(i18n.language, p.requestedEur) })}</span> : null}
      </p>
      {body ? (
        <p className={styles.body} lang={body.lang}>
          {body.text}
        </p>
      ) : null}
      {p.attachments.length > 0 ? (
        <>
          <h3>{t('review.jury.files')}</h3>
          <ul className={styles.files}>
            {p.attachments.map((a) => (
              <li key={a.id}>
                <Button variant="secondary" onPress={() => void downloadAttachment(a).then((ok) => setDownloadFailed(!ok))}>
                  {t('review.jury.download', { name: a.fileName })}
                </Button>
              </li>
            ))}
          </ul>
          {downloadFailed ? <p role="alert">{t('review.jury.downloadFailed')}</p> : null}
        </>
      ) : null}
      {!entry.declared ? <Declare entry={entry} onDone={onDone} /> : room.challenge.status === 'IN_REVIEW' ? <Scores entry={entry} room={room} onDone={onDone} /> : null}
    </li>
  );
}

function Declare({ entry, onDone }: { entry: Entry; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const code = entry.proposal.blindCode;
  const [conflict, setConflict] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [state, declare] = useMutation(DeclareConflictMutation);
  const field = `reason-${entry.proposal.id}`;
  const send = async (hasConflict: boolean) => {
    setGeneral(null);
    if (hasConflict && !reason.trim()) {
      setError(t('review.jury.declare.errors.reason'));
      return;
    }
    setError(null);
    const r = await declare({ proposalId: entry.proposal.id, hasConflict, reason: hasConflict ? reason.trim() : null });
    const failure = toAppError(r.error);
    if (!failure) onDone(t(hasConflict ? 'review.jury.declare.conflictDone' : 'review.jury.declare.noneDone', { code }));
    else if (failure.kind === 'input') setError(t('review.jury.declare.errors.reason'));
    else setGeneral(t(`errors.${failure.kind === 'rateLimited' ? 'unexpected' : failure.kind}`));
  };
  const legendId = `declare-${entry.proposal.id}`;
  return (
    <div role="group" aria-labelledby={legendId} className={styles.fieldset}>
      <h3 id={legendId}>{t('review.jury.declare.legend', { code })}</h3>
      <p>{t('review.jury.declare.intro')}</p>
      {error || general ? <ErrorSummary errors={error ? { [field]: error } : {}} general={general ? [general] : []} /> : null}
      {!conflict ? (
        <div className={styles.actions}>
          <Button isPending={state.fetching} onPress={() => void send(false)}>
            {t('review.jury.declare.none')}
          </Button>
          <Button variant="secondary" onPress={() => setConflict(true)}>
            {t('review.jury.declare.conflict')}
          </Button>
        </div>
      ) : (
        <Form
          className={styles.form}
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault();
            void send(true);
          }}
        >
          <AriaTextField value={reason} onChange={setReason} isInvalid={Boolean(error)} className={ui.field} autoFocus>
            <Label className={ui.label}>{t('review.jury.declare.reason')}</Label>
            <Text slot="description" className={ui.description}>
              {t('review.jury.declare.reasonHint')}
            </Text>
            {error ? (
              <Text slot="errorMessage" className={ui.fieldError}>
                {error}
              </Text>
            ) : null}
            <TextArea id={`field-${field}`} className={styles.textarea} />
          </AriaTextField>
          <div className={styles.actions}>
            <Button type="submit" isPending={state.fetching}>
              {t('review.jury.declare.submit')}
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}

function Scores({ entry, room, onDone }: { entry: Entry; room: Room; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const criteria = room.challenge.evaluationCriteria;
  const id = entry.proposal.id;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(criteria.map((c) => [c.id, String(entry.scores.find((s) => s.criterionId === c.id)?.score ?? '')])));
  const [comments, setComments] = useState<Record<string, string>>(() => Object.fromEntries(criteria.map((c) => [c.id, entry.scores.find((s) => s.criterionId === c.id)?.comment ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [state, score] = useMutation(ScoreMutation);
  const name = (c: (typeof criteria)[number]) => pickText(i18n.language, c.name)?.text ?? '';
  const submit = async () => {
    const next: Record<string, string> = {};
    for (const c of criteria) {
      if (parseScore(values[c.id] ?? '') === null) next[`score-${id}-${c.id}`] = t('review.jury.score.errors.scores');
      if ((comments[c.id] ?? '').length > 2000) next[`comment-${id}-${c.id}`] = t('review.jury.score.errors.comment');
    }
    setErrors(next);
    setGeneral([]);
    if (Object.keys(next).length > 0) return;
    const r = await score({ proposalId: id, scores: criteria.map((c) => ({ criterionId: c.id, score: parseScore(values[c.id]) as number, comment: comments[c.id].trim() || null })) });
    const failure = toAppError(r.error);
    if (!failure) onDone(t('review.jury.score.saved', { code: entry.proposal.blindCode }));
    else if (failure.kind === 'input') setGeneral([t('review.jury.score.errors.scores')]);
    else setGeneral([failure.kind === 'invalidState' ? t('review.jury.scoringClosed') : t(`errors.${failure.kind === 'rateLimited' ? 'unexpected' : failure.kind}`)]);
  };
  const legendId = `scores-${id}`;
  return (
    <Form
      className={styles.form}
      validationBehavior="aria"
      aria-labelledby={legendId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={legendId}>{t('review.jury.score.legend', { code: entry.proposal.blindCode })}</h3>
      <ErrorSummary errors={errors} general={general} />
      <div className={styles.criteria}>
        {criteria.map((c) => {
          const scoreKey = `score-${id}-${c.id}`;
          const commentKey = `comment-${id}-${c.id}`;
          return (
            <div key={c.id} className={styles.criterion}>
              <AriaTextField value={values[c.id]} onChange={(v) => setValues({ ...values, [c.id]: v })} isInvalid={Boolean(errors[scoreKey])} inputMode="numeric" className={ui.field}>
                <Label className={ui.label}>{t('review.jury.score.value', { criterion: name(c) })}</Label>
                {errors[scoreKey] ? (
                  <Text slot="errorMessage" className={ui.fieldError}>
                    {errors[scoreKey]}
                  </Text>
                ) : null}
                <Input id={`field-${scoreKey}`} className={`${ui.input} ${styles.number}`} />
              </AriaTextField>
              <AriaTextField value={comments[c.id]} onChange={(v) => setComments({ ...comments, [c.id]: v })} isInvalid={Boolean(errors[commentKey])} className={ui.field}>
                <Label className={ui.label}>
                  {t('review.jury.score.comment', { criterion: name(c) })} {t('common.optional')}
                </Label>
                {errors[commentKey] ? (
                  <Text slot="errorMessage" className={ui.fieldError}>
                    {errors[commentKey]}
                  </Text>
                ) : null}
                <TextArea id={`field-${commentKey}`} className={styles.textarea} />
              </AriaTextField>
            </div>
          );
        })}
      </div>
      <div className={styles.actions}>
        <Button type="submit" isPending={state.fetching}>
          {t('review.jury.score.submit')}
        </Button>
      </div>
    </Form>
  );
}

function Chair({ room, refresh }: { room: Room; refresh: () => void }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const ranking = room.ranking ?? [];
  const number = new Intl.NumberFormat(localeOf(i18n.language), { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const scored = ranking.filter((r) => r.jurorCount > 0);
  return (
    <>
      <section aria-labelledby="ranking-title" className={styles.section}>
        <h2 id="ranking-title">{t('review.jury.chair.title')}</h2>
        <p>{t('review.jury.chair.intro')}</p>
        {scored.length === 0 ? (
          <EmptyState>
            <p>{t('review.jury.chair.empty')}</p>
          </EmptyState>
        ) : (
          <div className={styles.tableWrap} role="region" aria-labelledby="ranking-title" tabIndex={0}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('review.jury.chair.rank')}</th>
                  <th scope="col">{t('review.jury.chair.proposal')}</th>
                  <th scope="col">{t('review.jury.chair.normalised')}</th>
                  <th scope="col">{t('review.jury.chair.raw')}</th>
                  <th scope="col">{t('review.jury.chair.jurors')}</th>
                  <th scope="col">{t('review.jury.chair.spread')}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.map((r) => (
                  <tr key={r.proposal.id} data-disagreement={r.disagreement || undefined}>
                    <td>{r.rank}</td>
                    <th scope="row">
                      <Link to="/me/challenges/$challengeId/proposals/$proposalId" params={{ challengeId: room.challenge.id, proposalId: r.proposal.id }} aria-label={t('review.jury.chair.open', { code: r.proposal.blindCode })}>
                        {r.proposal.blindCode}
                      </Link>{' '}
                      {text(r.proposal.title)}
                      {r.proposal.outcome === 'AWARDED' ? (
                        <>
                          {' '}
                          <span className={styles.tag}>{t('review.jury.chair.staged', { amount: formatEuro(i18n.language, r.proposal.awardEur ?? 0) })}</span>
                        </>
                      ) : null}
                    </th>
                    <td>{r.jurorCount > 0 ? number.format(r.normalisedScore) : '–'}</td>
                    <td>{r.jurorCount > 0 ? number.format(r.rawScore) : '–'}</td>
                    <td>{r.jurorCount}</td>
                    <td>
                      {r.jurorCount > 1 ? number.format(r.scoreSpread) : '–'}
                      {r.disagreement ? (
                        <>
                          {' '}
                          <span className={styles.warn}>{t('review.jury.chair.disagreement')}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Decision room={room} refresh={refresh} />
    </>
  );
}

function Decision({ room, refresh }: { room: Room; refresh: () => void }) {
  const { t } = useTranslation();
  const text = useText();
  const [sl, setSl] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState(false);
  const [state, publish] = useMutation(PublishDecisionMutation);
  const staged = (room.ranking ?? []).filter((r) => r.proposal.outcome === 'AWARDED').length;
  const status = room.challenge.status;
  const send = async () => {
    const r = await publish({ challengeId: room.challenge.id, decision: { sl: sl.trim() || null, en: en.trim() || null } });
    setConfirming(false);
    const failure = toAppError(r.error);
    if (!failure) {
      setPublished(true);
      refresh();
    } else if (failure.kind === 'input') setError(t('review.jury.decision.errors.decision'));
    else setGeneral([failure.kind === 'invalidState' ? t('review.jury.decision.errors.invalidState') : t(`errors.${failure.kind === 'rateLimited' ? 'unexpected' : failure.kind}`)]);
  };
  return (
    <section aria-labelledby="decision-title" className={styles.section}>
      <h2 id="decision-title">{t('review.jury.decision.title')}</h2>
      {published ? (
        <Banner>
          <p>{t('review.jury.decision.published')}</p>
        </Banner>
      ) : null}
      {status === 'AWARDED' ? (
        room.challenge.decision ? <p className={styles.body}>{text(room.challenge.decision)}</p> : null
      ) : status !== 'IN_REVIEW' ? (
        <p>{t('review.jury.decision.notInReview')}</p>
      ) : !room.canDecide ? (
        <p>{t('review.jury.decision.ownersOnly')}</p>
      ) : (
        <>
          <p>{t('review.jury.decision.intro')}</p>
          <p>{t('review.jury.decision.staged', { count: staged })}</p>
          <ErrorSummary errors={error ? { decisionSl: error } : {}} general={general} />
          <Form
            className={styles.form}
            validationBehavior="aria"
            onSubmit={(event) => {
              event.preventDefault();
              setGeneral([]);
              if ((!sl.trim() && !en.trim()) || sl.length > 5000 || en.length > 5000) {
                setError(t('review.jury.decision.errors.decision'));
                return;
              }
              setError(null);
              setConfirming(true);
            }}
          >
            <AriaTextField value={sl} onChange={setSl} isInvalid={Boolean(error)} className={ui.field}>
              <Label className={ui.label}>{t('review.jury.decision.sl')}</Label>
              <Text slot="description" className={ui.description}>
                {t('review.jury.decision.hint')}
              </Text>
              {error ? (
                <Text slot="errorMessage" className={ui.fieldError}>
                  {error}
                </Text>
              ) : null}
              <TextArea id="field-decisionSl" lang="sl" className={styles.textarea} />
            </AriaTextField>
            <AriaTextField value={en} onChange={setEn} className={ui.field}>
              <Label className={ui.label}>
                {t('review.jury.decision.en')} {t('common.optional')}
              </Label>
              <TextArea id="field-decisionEn" lang="en" className={styles.textarea} />
            </AriaTextField>
            <div className={styles.actions}>
              <Button type="submit">{t('review.jury.decision.submit')}</Button>
            </div>
          </Form>
          <ConfirmDialog
            isOpen={confirming}
            title={t('review.jury.decision.confirmTitle')}
            confirmLabel={t('review.jury.decision.confirm')}
            cancelLabel={t('review.jury.decision.cancel')}
            isPending={state.fetching}
            onConfirm={() => void send()}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('review.jury.decision.confirmBody')}</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
