import { getRouteApi, useBlocker } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { formatDateTime, formatEuro, pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { QueryFallback } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import { TextField } from '../../ui/TextField.js';
import { Attachments } from './Attachments.js';
import { CoAuthorPicker, type CoAuthor } from './CoAuthorPicker.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { Countdown, useIsOpen } from './Countdown.js';
import { describeFailure, type Failure } from './describe.js';
import { renderMarkdown } from './markdown.js';
import { MarkdownField } from './MarkdownField.js';
import { parseEuros } from './money.js';
import styles from './proposals.module.css';
import { ProposalQuery, SubmitProposalMutation, UpdateProposalMutation, WithdrawProposalMutation } from './queries.js';

const route = getRouteApi('/me/proposals/$proposalId');

interface Draft {
  titleSl: string;
  titleEn: string;
  bodySl: string;
  bodyEn: string;
  requestedEur: string;
  coAuthors: CoAuthor[];
}

const NO_FAILURE: Failure = { fields: {}, general: [] };
const FIELD_MAP = { title: 'titleSl', body: 'bodySl', requestedEur: 'requestedEur', coAuthorIds: 'coAuthors' };


function same(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * /me/proposals/$proposalId: a proposal's status, deadline and (once published) the jury's
 * decision; while the challenge takes submissions, its editor: title and text in both languages
 * (safe markdown with a preview), amount, co-authors, files, then submit or withdraw.
 */
export function ProposalPage() {
  const { t, i18n } = useTranslation();
  const { proposalId } = route.useParams();
  const search = route.useSearch();
  const [result, reexecute] = useQuery({ query: ProposalQuery, variables: { id: proposalId } });
  const proposal = result.data?.proposal;
  const title = pickText(i18n.language, proposal?.title);
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  const failed = failure.general.length > 0 || Object.keys(failure.fields).length > 0;
  const pageTitle = title?.text ?? t('proposals.untitled');
  usePageTitle(proposal ? (failed ? t('errors.titlePrefix', { title: pageTitle }) : pageTitle) : null);
  if (!proposal || !result.data || toAppError(result.error)?.kind === 'notFound') return <QueryFallback error={result.error} />;
  return (
    <ProposalView
      key={proposal.id}
      data={result.data}
      started={search.started === true}
      failure={failure}
      setFailure={setFailure}
      refresh={() => reexecute({ requestPolicy: 'network-only' })}
    />
  );
}

type Data = ResultOf<typeof ProposalQuery>;
type Proposal = Data['proposal'];

function toDraft(p: Proposal): Draft {
  return {
    titleSl: p.title.sl ?? '',
    titleEn: p.title.en ?? '',
    bodySl: p.body.sl ?? '',
    bodyEn: p.body.en ?? '',
    requestedEur: p.requestedEur === null ? '' : String(p.requestedEur),
    coAuthors: p.authors.filter((a) => a.role !== 'LEAD').map((a) => ({ id: a.creativeProfile.id, displayName: a.creativeProfile.displayName })),
  };
}

function ProposalView({ data, started, failure, setFailure, refresh }: { data: Data; started: boolean; failure: Failure; setFailure: (f: Failure) => void; refresh: () => void }) {
  const { t, i18n } = useTranslation();
  const proposal = data.proposal;
  const open = useIsOpen(proposal.challenge);
  const isAuthor = proposal.viewerRole === 'author';
  const lead = proposal.authors.find((a) => a.role === 'LEAD');
  const isLead = Boolean(lead && data.me.creativeProfileId === lead.creativeProfile.id);
  const editable = isAuthor && open && proposal.status !== 'WITHDRAWN';

  const [saved, setSaved] = useState<Draft>(() => toDraft(proposal));
  const [draft, setDraft] = useState<Draft>(saved);
  const dirty = !same(draft, saved);
  const [notice, setNotice] = useState<string | null>(started ? t('proposals.editor.started') : null);
  const [confirm, setConfirm] = useState<'submit' | 'withdraw' | null>(null);
  const [updateState, update] = useMutation(UpdateProposalMutation);
  const [submitState, submit] = useMutation(SubmitProposalMutation);
  const [withdrawState, withdraw] = useMutation(WithdrawProposalMutation);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const blocker = useBlocker({ shouldBlockFn: () => editable && dirty, enableBeforeUnload: () => editable && dirty, withResolver: true });

  // A field's message goes as soon as it is edited (the summary stays until the next attempt):
  // removed on blur instead, it would shift the page under the pointer and swallow a click.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setEdited(new Set()), [failure]);
  const fieldErrors = Object.fromEntries(Object.entries(failure.fields).filter(([field]) => !edited.has(field)));
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
      const field = key === 'bodyEn' ? 'bodySl' : key === 'titleEn' ? 'titleSl' : key;
      if (failure.fields[field] && !edited.has(field)) setEdited(new Set([...edited, field]));
    };

  /** Saves the draft; resolves to whether it was saved (errors go to the summary). */
  const save = async (): Promise<boolean> => {
    const fields: Record<string, string> = {};
    const titleSl = draft.titleSl.trim();
    const titleEn = draft.titleEn.trim();
    if ((!titleSl && !titleEn) || titleSl.length > 200 || titleEn.length > 200) fields.titleSl = t('proposals.errors.titleSl');
    const euros = parseEuros(draft.requestedEur);
    if (euros !== null && (Number.isNaN(euros) || euros > 10_000_000)) fields.requestedEur = t('proposals.errors.requestedEur');
    if (draft.bodySl.length > 20_000 || draft.bodyEn.length > 20_000) fields.bodySl = t('proposals.errors.bodySl');
    if (Object.keys(fields).length > 0) {
      setFailure({ fields, general: [] });
      return false;
    }
    const r = await update({
      id: proposal.id,
      input: {
        title: { sl: titleSl || null, en: titleEn || null },
        body: { sl: draft.bodySl.trim() || null, en: draft.bodyEn.trim() || null },
        requestedEur: euros,
        ...(isLead ? { coAuthorIds: draft.coAuthors.map((c) => c.id) } : {}),
      },
    });
    const error = toAppError(r.error);
    if (error) {
      setFailure(describeFailure(t, i18n.language, error, FIELD_MAP));
      return false;
    }
    setFailure(NO_FAILURE);
    setSaved(draft);
    return true;
  };

  const doSubmit = async () => {
    if (dirty && !(await save())) {
      setConfirm(null);
      return;
    }
    const r = await submit({ id: proposal.id });
    setConfirm(null);
    const error = toAppError(r.error);
    if (error) {
      setFailure(describeFailure(t, i18n.language, error, FIELD_MAP, { input: t('proposals.errors.incomplete') }));
      return;
    }
    setFailure(NO_FAILURE);
    setNotice(t('proposals.editor.submitted'));
    refresh();
  };

  const doWithdraw = async () => {
    const r = await withdraw({ id: proposal.id });
    setConfirm(null);
    const error = toAppError(r.error);
    if (error) {
      setFailure(describeFailure(t, i18n.language, error, FIELD_MAP));
      return;
    }
    setFailure(NO_FAILURE);
    setSaved(draft);
    setNotice(t('proposals.editor.withdrawn'));
    refresh();
  };

  const title = pickText(i18n.language, proposal.title);
  const challengeTitle = pickText(i18n.language, proposal.challenge.title);
  const reason = pickText(i18n.language, proposal.awardReason);
  const decision = pickText(i18n.language, proposal.challenge.decision);

  return (
    <article aria-labelledby="proposal-title">
      <p>
        <Link to="/me/proposals">{t('proposals.backToList')}</Link>
      </p>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          <Banner>
            <p>{notice}</p>
          </Banner>
        </div>
      ) : null}
      <ErrorSummary errors={failure.fields} general={failure.general} />
      <h1 id="proposal-title" tabIndex={-1}>
        <span lang={title?.lang}>{title?.text ?? t('proposals.untitled')}</span>
      </h1>

      <dl className={styles.facts}>
        <div>
          <dt>{t('proposals.field.challenge')}</dt>
          <dd>
            <Link to="/challenges/$challengeId" params={{ challengeId: proposal.challenge.id }}>
              <span lang={challengeTitle?.lang}>{challengeTitle?.text ?? t('proposals.untitledChallenge')}</span>
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('proposals.field.status')}</dt>
          <dd>
            <strong>{t(`proposals.status.${proposal.status}`)}</strong>
            {proposal.status === 'SUBMITTED' && proposal.submittedAt ? ` · ${t('proposals.submittedAt', { date: formatDateTime(i18n.language, proposal.submittedAt) })}` : ''}
            {proposal.status === 'WITHDRAWN' && proposal.withdrawnAt ? ` · ${t('proposals.withdrawnAt', { date: formatDateTime(i18n.language, proposal.withdrawnAt) })}` : ''}
          </dd>
        </div>
      </dl>

      <section className={styles.section} aria-labelledby="deadline-title">
        <h2 id="deadline-title">{t('proposals.deadlineTitle')}</h2>
        {proposal.challenge.deadline && proposal.challenge.status === 'PUBLISHED' ? <Countdown deadline={proposal.challenge.deadline} /> : null}
        {open ? null : (
          <p>
            <strong>{proposal.challenge.deadline ? t('proposals.closedOn', { date: formatDateTime(i18n.language, proposal.challenge.deadline) }) : t('proposals.closed')}</strong>{' '}
            {t(`proposals.challengeStatus.${proposal.challenge.status}`, { defaultValue: '' })}
          </p>
        )}
        {open && proposal.status === 'SUBMITTED' ? <p>{t('proposals.editor.stillEditable')}</p> : null}
      </section>

      {proposal.outcome ? (
        <section className={styles.decision} aria-labelledby="decision-title">
          <h2 id="decision-title">{t('proposals.decision.title')}</h2>
          <p>
            <strong>
              {proposal.outcome === 'AWARDED'
                ? proposal.awardEur
                  ? t('proposals.decision.awardedAmount', { amount: formatEuro(i18n.language, proposal.awardEur) })
                  : t('proposals.decision.awarded')
                : t('proposals.decision.notAwarded')}
            </strong>
          </p>
          {reason ? (
            <>
              <h3>{t('proposals.decision.reason')}</h3>
              <p lang={reason.lang}>{reason.text}</p>
            </>
          ) : null}
          {decision ? (
            <>
              <h3>{t('proposals.decision.juryDecision')}</h3>
              <p lang={decision.lang} className={styles.preLine}>
                {decision.text}
              </p>
            </>
          ) : null}
        </section>
      ) : proposal.status === 'SUBMITTED' && !open ? (
        <p>{t('proposals.decision.pending')}</p>
      ) : null}

      {editable ? (
        <Form
          validationBehavior="aria"
          validationErrors={fieldErrors}
          onSubmit={(event) => {
            event.preventDefault();
            void save().then((ok) => (ok ? setNotice(t('proposals.editor.saved')) : undefined));
          }}
          aria-labelledby="editor-title"
        >
          <h2 id="editor-title">{t('proposals.editor.title')}</h2>
          <p>{t('proposals.editor.lead')}</p>
          <TextField name="titleSl" label={t('proposals.field.titleSl')} description={t('proposals.field.titleHint')} value={draft.titleSl} onChange={set('titleSl')} lang="sl" />
          <TextField name="titleEn" label={t('proposals.field.titleEn')} optional value={draft.titleEn} onChange={set('titleEn')} lang="en" />
          <MarkdownField name="bodySl" label={t('proposals.field.bodySl')} lang="sl" value={draft.bodySl} onChange={set('bodySl')} />
          <MarkdownField name="bodyEn" label={t('proposals.field.bodyEn')} lang="en" value={draft.bodyEn} onChange={set('bodyEn')} />
          <TextField
            name="requestedEur"
            label={t('proposals.field.requestedEur')}
            description={t('proposals.field.requestedEurHint')}
            optional
            inputMode="numeric"
            value={draft.requestedEur}
            onChange={set('requestedEur')}
          />
          <CoAuthorPicker value={draft.coAuthors} onChange={set('coAuthors')} leadId={lead?.creativeProfile.id ?? null} error={fieldErrors.coAuthors} isReadOnly={!isLead} />
          <div className={styles.actions}>
            <Button type="submit" isPending={updateState.fetching && !confirm}>
              {t('proposals.editor.save')}
            </Button>
            <span role="status" className={styles.muted}>
              {dirty ? t('proposals.editor.unsaved') : t('proposals.editor.allSaved')}
            </span>
          </div>
        </Form>
      ) : (
        <ReadOnlyProposal proposal={proposal} />
      )}

      <Attachments proposalId={proposal.id} attachments={proposal.attachments} canUpload={editable} onUploaded={refresh} />

      {editable && isLead ? (
        <section className={styles.section} aria-labelledby="actions-title">
          <h2 id="actions-title">{t(proposal.status === 'DRAFT' ? 'proposals.submit.title' : 'proposals.withdraw.title')}</h2>
          {proposal.status === 'DRAFT' ? (
            <>
              <p>{t('proposals.submit.lead')}</p>
              <Button onPress={() => setConfirm('submit')}>{t('proposals.submit.button')}</Button>{' '}
            </>
          ) : null}
          <p>{t('proposals.withdraw.lead')}</p>
          <Button variant="secondary" onPress={() => setConfirm('withdraw')}>
            {t('proposals.withdraw.button')}
          </Button>
        </section>
      ) : editable ? (
        <p>{t('proposals.onlyLead')}</p>
      ) : null}

      <ConfirmDialog
        isOpen={confirm === 'submit'}
        title={t('proposals.submit.confirmTitle')}
        confirmLabel={t('proposals.submit.confirm')}
        cancelLabel={t('proposals.cancel')}
        isPending={submitState.fetching || updateState.fetching}
        onConfirm={() => void doSubmit()}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('proposals.submit.check')}</p>
        <dl className={styles.facts}>
          <div>
            <dt>{t('proposals.field.title')}</dt>
            <dd>{draft.titleSl.trim() || draft.titleEn.trim()}</dd>
          </div>
          <div>
            <dt>{t('proposals.field.requestedEur')}</dt>
            <dd>{(() => {
              const euros = parseEuros(draft.requestedEur);
              return euros === null || Number.isNaN(euros) ? t('proposals.notStated') : formatEuro(i18n.language, euros);
            })()}</dd>
          </div>
          <div>
            <dt>{t('proposals.editor.coAuthors')}</dt>
            <dd>{draft.coAuthors.length > 0 ? draft.coAuthors.map((c) => c.displayName).join(', ') : t('proposals.editor.noCoAuthors')}</dd>
          </div>
          <div>
            <dt>{t('proposals.attachments.title')}</dt>
            <dd>{t('proposals.attachments.count', { count: proposal.attachments.length })}</dd>
          </div>
        </dl>
        {dirty ? <p>{t('proposals.submit.savesFirst')}</p> : null}
        <p>{t('proposals.submit.after')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={confirm === 'withdraw'}
        title={t('proposals.withdraw.confirmTitle')}
        confirmLabel={t('proposals.withdraw.confirm')}
        cancelLabel={t('proposals.cancel')}
        isPending={withdrawState.fetching}
        onConfirm={() => void doWithdraw()}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('proposals.withdraw.warning')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={blocker.status === 'blocked'}
        title={t('proposals.leave.title')}
        confirmLabel={t('proposals.leave.confirm')}
        cancelLabel={t('proposals.leave.stay')}
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        <p>{t('proposals.leave.body')}</p>
      </ConfirmDialog>
    </article>
  );
}

function ReadOnlyProposal({ proposal }: { proposal: Proposal }) {
  const { t, i18n } = useTranslation();
  const bodies = (['sl', 'en'] as const).filter((lang) => proposal.body[lang]);
  return (
    <section className={styles.section} aria-labelledby="content-title">
      <h2 id="content-title">{t('proposals.content')}</h2>
      {bodies.length === 0 ? <p>{t('proposals.noText')}</p> : null}
      {bodies.map((lang) => (
        <div key={lang} lang={lang} className={styles.body}>
          {bodies.length > 1 ? <h3>{t(`proposals.field.${lang === 'sl' ? 'bodySl' : 'bodyEn'}`)}</h3> : null}
          {renderMarkdown(proposal.body[lang] ?? '')}
        </div>
      ))}
      <dl className={styles.facts}>
        <div>
          <dt>{t('proposals.field.requestedEur')}</dt>
          <dd>{proposal.requestedEur === null ? t('proposals.notStated') : formatEuro(i18n.language, proposal.requestedEur)}</dd>
        </div>
        <div>
          <dt>{t('proposals.field.authors')}</dt>
          <dd>{proposal.authors.map((a) => t(a.role === 'LEAD' ? 'proposals.leadAuthor' : 'proposals.coAuthor', { name: a.creativeProfile.displayName })).join(', ')}</dd>
        </div>
      </dl>
    </section>
  );
}
