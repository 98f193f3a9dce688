import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { readFragment, type ResultOf } from '../../graphql/graphql.js';
import { toAppError } from '../../graphql/errors.js';
import { formatDateTime, formatEuro, pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { Banner, EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { QueryFallback } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import choice from '../../ui/choice.module.css';
import uiStyles from '../../ui/ui.module.css';
import { ChallengeDetail } from '../challenges/ChallengePage.js';
import { AreaField, Choices, Field, OneOf, Pick } from './fields.js';
import {
  checklist,
  criteriaTotal,
  CREATIVE_KINDS,
  CHALLENGE_KINDS,
  type ChallengeKind,
  type Draft,
  fromChallenge,
  type Group,
  GROUPS,
  groupOfField,
  messageOfField,
  REWARD_KINDS,
  type RewardKind,
  STEPS,
  type Step,
  timelineProblem,
  toInput,
  WORKING_LANGUAGES,
} from './form.js';
import { AnswerQuestionMutation, ChallengeEditorQuery, EditorFields, PublishChallengeMutation, RemoveQuestionMutation, UpdateChallengeMutation } from './queries.js';
import { inputPaths, removeChallengeFile, uploadChallengeFile, type UploadFailure } from './save.js';
import type { EditorSearch } from './search.js';
import styles from './ourchallenges.module.css';

const route = getRouteApi('/me/challenges/$challengeId/edit');
const AUTOSAVE_MS = 1200;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; input: boolean };
/** Server field paths that failed, per group (shown on that step until the user changes it). */
type GroupErrors = Partial<Record<Group, string[]>>;

/** /me/challenges/$challengeId/edit: the step-by-step challenge editor. */
export function ChallengeEditorPage() {
  const { challengeId } = route.useParams();
  const [result, reexecute] = useQuery({ query: ChallengeEditorQuery, variables: { id: challengeId } });
  if (!result.data || toAppError(result.error)?.kind === 'notFound') return <QueryFallback error={result.error} />;
  return <Editor key={challengeId} data={result.data} refetch={() => reexecute({ requestPolicy: 'network-only' })} />;
}

type EditorData = ResultOf<typeof ChallengeEditorQuery>;

function Editor({ data, refetch }: { data: EditorData; refetch: () => void }) {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const challenge = readFragment(EditorFields, data.challenge);
  const step: Step = search.step ?? 'basics';
  const canEdit = data.me.memberships.some((m) => m.organisation.id === challenge.owner.id && (m.role === 'OWNER' || m.role === 'EDITOR'));
  const editable = canEdit && (challenge.status === 'DRAFT' || challenge.status === 'PUBLISHED');
  const isDraft = challenge.status === 'DRAFT';

  const [draft, setDraft] = useState<Draft>(() => fromChallenge(challenge));
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [groupErrors, setGroupErrors] = useState<GroupErrors>({});
  const [timelineChecked, setTimelineChecked] = useState(false);
  // What changed since the last save, with a version per group so an edit made while a save is on
  // its way is not forgotten when the answer comes back.
  const dirty = useRef(new Map<Group, number>());
  const blocked = useRef(new Set<Group>());
  const [dirtyTick, setDirtyTick] = useState(0);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const [saving, save] = useMutation(UpdateChallengeMutation);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const change = useCallback((group: Group, patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    dirty.current.set(group, (dirty.current.get(group) ?? 0) + 1);
    blocked.current.delete(group);
    setGroupErrors((e) => {
      if (!e[group]) return e;
      const next = { ...e };
      delete next[group];
      return next;
    });
    setDirtyTick((n) => n + 1);
  }, []);

  /** Saves every changed group that is not waiting for a fix; true when nothing is left unsaved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const groups = GROUPS.filter((g) => dirty.current.has(g) && !blocked.current.has(g));
    if (groups.length === 0) return dirty.current.size === 0;
    const versions = new Map(groups.map((g) => [g, dirty.current.get(g)]));
    setSaveState({ kind: 'saving' });
    const run = (async () => {
      const r = await save({ id: challenge.id, input: toInput(draftRef.current, groups) });
      const paths = inputPaths(r.error);
      if (r.error && !paths) {
        setSaveState({ kind: 'error', input: false });
        return false;
      }
      if (paths) {
        const failed: GroupErrors = {};
        for (const path of paths) {
          const group = groupOfField(path) ?? groups[0];
          (failed[group] ??= []).push(path);
        }
        for (const g of Object.keys(failed) as Group[]) blocked.current.add(g);
        setGroupErrors((e) => ({ ...e, ...failed }));
        setSaveState({ kind: 'error', input: true });
        // The other groups were refused with them (one request): try them again without the failing ones.
        setDirtyTick((n) => n + 1);
        return false;
      }
      for (const g of groups) if (dirty.current.get(g) === versions.get(g)) dirty.current.delete(g);
      setSaveState({ kind: 'saved', at: new Date().toISOString() });
      return dirty.current.size === 0;
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [challenge.id, save]);

  // Autosave: drafts only, a moment after the last change. A published challenge is saved on request.
  useEffect(() => {
    if (!isDraft || !editable || dirtyTick === 0) return;
    const timer = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [dirtyTick, isDraft, editable, flush]);

  // Leaving the editor inside the app: what the debounce has not sent yet is saved on the way out.
  const flushRef = useRef(flush);
  flushRef.current = flush;
  const autosaves = useRef(false);
  autosaves.current = isDraft && editable;
  useEffect(
    () => () => {
      if (autosaves.current && dirty.current.size > 0) void flushRef.current();
    },
    [],
  );

  // Leaving with unsaved changes: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const title = pickText(i18n.language, challenge.title);
  const pageTitle = t('ourChallenges.editor.title', { title: title?.text ?? t('challenges.untitled') });
  usePageTitle(search.preview ? t('ourChallenges.preview.title', { title: title?.text ?? '' }) : pageTitle);

  const goTo = (next: Step) => void navigate({ to: '/me/challenges/$challengeId/edit', params: { challengeId: challenge.id }, search: next === 'basics' ? {} : { step: next } });
  const errorOf = (group: Group, match: (path: string) => boolean): string | undefined => {
    const path = groupErrors[group]?.find(match);
    return path ? t(`ourChallenges.errors.${messageOfField(path)}`) : undefined;
  };

  if (search.preview) {
    return <Preview challengeId={challenge.id} flush={flush} dirty={dirty.current.size > 0} />;
  }

  const stepIndex = STEPS.indexOf(step);
  const stepsWithErrors = new Set(Object.keys(groupErrors));
  const publishedTimeline = step === 'timeline' && timelineChecked ? timelineProblem(draft) : null;

  return (
    <>
      {search.created ? (
        <Banner>
          <p>{t('ourChallenges.editor.created')}</p>
        </Banner>
      ) : null}
      <p>
        <Link to="/me/challenges">{t('ourChallenges.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{pageTitle}</h1>
      <p className={styles.meta}>
        {t(`challenges.status.${challenge.status}`)} · {challenge.owner.name}
      </p>
      {!canEdit ? (
        <Banner tone="error">
          <p>{t('ourChallenges.editor.readOnly')}</p>
        </Banner>
      ) : !editable ? (
        <Banner tone="error">
          <p>{t('ourChallenges.editor.closed')}</p>
        </Banner>
      ) : null}
      <SaveStatus state={saveState} isDraft={isDraft} pending={dirty.current.size > 0} onSave={() => void flush()} saving={saving.fetching} />
      <div className={styles.editor}>
        <nav aria-label={t('ourChallenges.editor.stepsLabel')}>
          <ol className={styles.steps}>
            {STEPS.map((s) => (
              <li key={s}>
                <Link to="/me/challenges/$challengeId/edit" params={{ challengeId: challenge.id }} search={s === 'basics' ? {} : { step: s }} aria-current={s === step ? 'step' : undefined}>
                  {t(`ourChallenges.step.${s}`)}
                </Link>
                {stepsWithErrors.has(s) ? <span className={styles.stepNote}>{t('ourChallenges.editor.stepHasError')}</span> : null}
              </li>
            ))}
          </ol>
        </nav>
        <section aria-labelledby="step-title">
          <h2 id="step-title">{t('ourChallenges.editor.stepOf', { n: stepIndex + 1, total: STEPS.length, name: t(`ourChallenges.step.${step}`) })}</h2>
          <StepErrors errors={groupErrors} step={step} />
          <fieldset disabled={!editable} className={styles.plain}>
            {step === 'basics' ? (
              <>
                <div className={styles.bilingual}>
                  <Field name="titleSl" label={t('ourChallenges.field.titleSl')} lang="sl" maxLength={200} value={draft.title.sl} onChange={(v) => change('basics', { title: { ...draft.title, sl: v } })} error={errorOf('basics', (p) => p.startsWith('title'))} description={t('ourChallenges.field.titleHint')} />
                  <Field name="titleEn" label={t('ourChallenges.field.titleEn')} lang="en" maxLength={200} value={draft.title.en} onChange={(v) => change('basics', { title: { ...draft.title, en: v } })} optional />
                </div>
                <Pick
                  name="kind"
                  label={t('ourChallenges.field.kind')}
                  value={draft.kind}
                  onChange={(v) => change('basics', { kind: (CHALLENGE_KINDS as readonly string[]).includes(v) ? (v as ChallengeKind) : 'INDUSTRY' })}
                  options={CHALLENGE_KINDS.map((k) => ({ value: k, label: t(`challenges.kind.${k}`) }))}
                  description={t('ourChallenges.field.kindHint')}
                />
                <Choices
                  name="domains"
                  label={t('ourChallenges.field.domains')}
                  description={t('ourChallenges.field.domainsHint')}
                  optional
                  value={draft.domains}
                  onChange={(v) => change('basics', { domains: v })}
                  error={errorOf('basics', (p) => p.startsWith('domains'))}
                  options={data.referenceData.domains.map((d) => {
                    const label = pickText(i18n.language, d.label);
                    return { value: d.code, label: <span lang={label?.lang}>{label?.text ?? d.code}</span> };
                  })}
                />
                <Choices
                  name="techniques"
                  label={t('ourChallenges.field.techniques')}
                  description={t('ourChallenges.field.techniquesHint')}
                  optional
                  value={draft.techniques}
                  onChange={(v) => change('basics', { techniques: v })}
                  error={errorOf('basics', (p) => p.startsWith('techniques'))}
                  options={data.referenceData.techniques.map((d) => {
                    const label = pickText(i18n.language, d.label);
                    return { value: d.code, label: <span lang={label?.lang}>{label?.text ?? d.code}</span> };
                  })}
                />
                <Choices
                  name="materials"
                  label={t('ourChallenges.field.materials')}
                  description={t('ourChallenges.field.materialsHint')}
                  optional
                  value={draft.materials}
                  onChange={(v) => change('basics', { materials: v })}
                  error={errorOf('basics', (p) => p.startsWith('materials'))}
                  options={data.referenceData.materials.map((d) => {
                    const label = pickText(i18n.language, d.label);
                    return { value: d.code, label: <span lang={label?.lang}>{label?.text ?? d.code}</span> };
                  })}
                />
              </>
            ) : null}

            {step === 'brief' ? (
              <>
                <p>{t('ourChallenges.brief.lead')}</p>
                <div className={styles.bilingual}>
                  <AreaField name="briefSl" label={t('ourChallenges.field.briefSl')} lang="sl" value={draft.brief.sl} onChange={(v) => change('brief', { brief: { ...draft.brief, sl: v } })} error={errorOf('brief', () => true)} />
                  <AreaField name="briefEn" label={t('ourChallenges.field.briefEn')} lang="en" value={draft.brief.en} onChange={(v) => change('brief', { brief: { ...draft.brief, en: v } })} optional />
                </div>
              </>
            ) : null}

            {step === 'partners' ? <PartnersStep draft={draft} change={change} ownerId={challenge.owner.id} organisations={data.organisations.nodes} errorOf={errorOf} /> : null}
            {step === 'rewards' ? <RewardsStep draft={draft} change={change} errorOf={errorOf} /> : null}

            {step === 'ip' ? (
              <>
                <p>{t('ourChallenges.ip.lead')}</p>
                <OneOf
                  name="ipKind"
                  label={t('ourChallenges.field.ipKind')}
                  value={draft.ipKind || 'NONE'}
                  onChange={(v) => change('ip', { ipKind: v === 'LICENCE' || v === 'ASSIGNMENT' ? v : '' })}
                  error={errorOf('ip', () => true)}
                  options={(['LICENCE', 'ASSIGNMENT', 'NONE'] as const).map((k) => ({ value: k, label: t(`ourChallenges.ip.${k}.label`), hint: t(`ourChallenges.ip.${k}.hint`) }))}
                />
                <div className={styles.bilingual}>
                  <AreaField name="ipDetailsSl" label={t('ourChallenges.field.ipDetailsSl')} lang="sl" optional value={draft.ipDetails.sl} onChange={(v) => change('ip', { ipDetails: { ...draft.ipDetails, sl: v } })} />
                  <AreaField name="ipDetailsEn" label={t('ourChallenges.field.ipDetailsEn')} lang="en" optional value={draft.ipDetails.en} onChange={(v) => change('ip', { ipDetails: { ...draft.ipDetails, en: v } })} />
                </div>
              </>
            ) : null}

            {step === 'criteria' ? <CriteriaStep draft={draft} change={change} errorOf={errorOf} /> : null}

            {step === 'timeline' ? (
              <>
                <p>{t('ourChallenges.timeline.lead')}</p>
                <ol>
                  <li>{challenge.status === 'DRAFT' ? t('ourChallenges.timeline.publishWhen') : t('ourChallenges.timeline.published')}</li>
                  <li>{t('ourChallenges.timeline.deadline')}</li>
                  <li>{draft.twoStage ? t('ourChallenges.timeline.twoStage') : t('ourChallenges.timeline.review')}</li>
                  <li>{t('ourChallenges.timeline.award')}</li>
                </ol>
                <div className={styles.bilingual}>
                  <Field
                    name="deadlineDate"
                    type="date"
                    label={t('ourChallenges.field.deadlineDate')}
                    description={t('ourChallenges.field.deadlineHint')}
                    optional
                    value={draft.deadlineDate}
                    onChange={(v) => change('timeline', { deadlineDate: v })}
                    error={publishedTimeline ? t(`ourChallenges.errors.${publishedTimeline}`) : errorOf('timeline', () => true)}
                  />
                  <Field name="deadlineTime" type="time" label={t('ourChallenges.field.deadlineTime')} description={t('ourChallenges.field.deadlineTimeHint')} optional value={draft.deadlineTime} onChange={(v) => change('timeline', { deadlineTime: v })} />
                </div>
              </>
            ) : null}

            {step === 'eligibility' ? (
              <>
                <p>{t('ourChallenges.eligibility.lead')}</p>
                <Choices name="creativeKinds" label={t('ourChallenges.field.creativeKinds')} description={t('ourChallenges.field.anyoneHint')} optional value={draft.creativeKinds} onChange={(v) => change('eligibility', { creativeKinds: v })} options={CREATIVE_KINDS.map((k) => ({ value: k, label: t(`ourChallenges.creativeKind.${k}`) }))} />
                <Choices
                  name="municipalities"
                  label={t('ourChallenges.field.municipalities')}
                  description={t('ourChallenges.field.anyoneHint')}
                  optional
                  value={draft.municipalities}
                  onChange={(v) => change('eligibility', { municipalities: v })}
                  error={errorOf('eligibility', (p) => p.startsWith('eligibility'))}
                  options={[{ value: 'gorenjska', label: t('ourChallenges.field.wholeRegion') }, ...data.referenceData.municipalities.map((m) => ({ value: m.code, label: m.name }))]}
                />
                <Checkbox isSelected={draft.onSite} onChange={(v) => change('eligibility', { onSite: v })} className={choice.choice}>
                  <span className={choice.box} aria-hidden="true" />
                  <span>{t('ourChallenges.field.onSite')}</span>
                </Checkbox>
                <Choices
                  name="workingLanguages"
                  label={t('ourChallenges.field.workingLanguages')}
                  description={t('ourChallenges.field.workingLanguagesHint')}
                  optional
                  value={draft.workingLanguages}
                  onChange={(v) => change('eligibility', { workingLanguages: v })}
                  error={errorOf('eligibility', (p) => p.startsWith('workingLanguages'))}
                  options={WORKING_LANGUAGES.map((l) => ({ value: l, label: t(`ourChallenges.language.${l}`) }))}
                />
              </>
            ) : null}

            {step === 'attachments' ? <AttachmentsStep challengeId={challenge.id} attachments={challenge.attachments} refetch={refetch} editable={editable} /> : null}

            {step === 'visibility' ? (
              isDraft ? (
                <OneOf
                  name="visibility"
                  label={t('ourChallenges.field.visibility')}
                  value={draft.visibility}
                  onChange={(v) => change('visibility', { visibility: v })}
                  error={errorOf('visibility', () => true)}
                  description={t('ourChallenges.visibility.fixed')}
                  options={(['PUBLIC', 'INVITE_ONLY'] as const).map((v) => ({ value: v, label: t(`ourChallenges.visibility.${v}`), hint: t(`ourChallenges.visibility.hint.${v}`) }))}
                />
              ) : (
                <p>{t('ourChallenges.visibility.isFixed', { visibility: t(`ourChallenges.visibility.${draft.visibility}`) })}</p>
              )
            ) : null}

            {step === 'questions' ? <QuestionsStep questions={challenge.questions} refetch={refetch} editable={canEdit} /> : null}
          </fieldset>

          {step === 'review' ? <ReviewStep challengeId={challenge.id} draft={draft} status={challenge.status} flush={flush} canEdit={editable} onErrors={(e) => setGroupErrors((old) => ({ ...old, ...e }))} /> : null}

          <div className={styles.actions}>
            {stepIndex > 0 ? (
              <Link to="/me/challenges/$challengeId/edit" params={{ challengeId: challenge.id }} search={stepIndex - 1 === 0 ? {} : { step: STEPS[stepIndex - 1] as EditorSearch['step'] }}>
                {t('ourChallenges.editor.previous')}
              </Link>
            ) : null}
            {stepIndex < STEPS.length - 1 ? (
              <Button
                onPress={() => {
                  // The timeline is checked as the API checks a published challenge before moving on.
                  if (step === 'timeline' && timelineProblem(draft)) {
                    setTimelineChecked(true);
                    document.getElementById('field-deadlineDate')?.focus();
                    return;
                  }
                  if (!isDraft && editable && dirty.current.size > 0) void flush();
                  goTo(STEPS[stepIndex + 1]);
                }}
              >
                {t('ourChallenges.editor.next')}
              </Button>
            ) : null}
          </div>
        </section>
      </div>
    </>
  );
}

function SaveStatus({ state, isDraft, pending, onSave, saving }: { state: SaveState; isDraft: boolean; pending: boolean; onSave: () => void; saving: boolean }) {
  const { t, i18n } = useTranslation();
  const message =
    state.kind === 'saving'
      ? t('ourChallenges.save.saving')
      : state.kind === 'saved'
        ? t('ourChallenges.save.savedAt', { time: new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sl-SI', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Ljubljana' }).format(new Date(state.at)) })
        : state.kind === 'error'
          ? state.input
            ? t('ourChallenges.save.inputError')
            : t('ourChallenges.save.failed')
          : isDraft
            ? t('ourChallenges.save.autosave')
            : '';
  return (
    <div className={styles.actions}>
      <p role="status" className={styles.status} data-tone={state.kind === 'error' ? 'error' : undefined}>
        {message}
      </p>
      {!isDraft && pending ? (
        <Button onPress={onSave} isPending={saving}>
          {t('ourChallenges.save.saveChanges')}
        </Button>
      ) : null}
      {isDraft && state.kind === 'error' && !state.input ? (
        <Button variant="secondary" onPress={onSave} isPending={saving}>
          {t('ourChallenges.save.retry')}
        </Button>
      ) : null}
    </div>
  );
}

/** The server's refusals that belong to this step, above its fields. */
function StepErrors({ errors, step }: { errors: GroupErrors; step: Step }) {
  const { t } = useTranslation();
  const paths = errors[step as Group];
  if (!paths || paths.length === 0) return null;
  return (
    <div role="alert" className={`${uiStyles.banner} ${styles.stepErrors}`} data-tone="error">
      <p>{t('ourChallenges.editor.notSaved')}</p>
      <ul>
        {[...new Set(paths.map(messageOfField))].map((key) => (
          <li key={key}>{t(`ourChallenges.errors.${key}`)}</li>
        ))}
      </ul>
    </div>
  );
}

type Change = (group: Group, patch: Partial<Draft>) => void;
type ErrorOf = (group: Group, match: (path: string) => boolean) => string | undefined;

function PartnersStep({ draft, change, ownerId, organisations, errorOf }: { draft: Draft; change: Change; ownerId: string; organisations: readonly { id: string; name: string }[]; errorOf: ErrorOf }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const available = organisations.filter((o) => o.id !== ownerId && !draft.partners.some((p) => p.organisationId === o.id));
  return (
    <>
      <p>{t('ourChallenges.partners.lead')}</p>
      {draft.partners.length === 0 ? (
        <EmptyState>
          <p>{t('ourChallenges.partners.none')}</p>
        </EmptyState>
      ) : (
        draft.partners.map((p, index) => (
          <fieldset key={p.organisationId} className={styles.fieldset}>
            <legend>{p.name}</legend>
            <div className={styles.bilingual}>
              <Field name={`partnerRoleSl${index}`} label={t('ourChallenges.field.partnerRoleSl')} lang="sl" optional maxLength={200} value={p.role.sl} onChange={(v) => change('partners', { partners: draft.partners.map((x, i) => (i === index ? { ...x, role: { ...x.role, sl: v } } : x)) })} />
              <Field name={`partnerRoleEn${index}`} label={t('ourChallenges.field.partnerRoleEn')} lang="en" optional maxLength={200} value={p.role.en} onChange={(v) => change('partners', { partners: draft.partners.map((x, i) => (i === index ? { ...x, role: { ...x.role, en: v } } : x)) })} />
            </div>
            <Button variant="secondary" onPress={() => change('partners', { partners: draft.partners.filter((_, i) => i !== index) })} aria-label={t('ourChallenges.partners.removeNamed', { name: p.name })}>
              {t('ourChallenges.remove')}
            </Button>
          </fieldset>
        ))
      )}
      {errorOf('partners', () => true) ? <p className={styles.status} data-tone="error">{errorOf('partners', () => true)}</p> : null}
      {available.length > 0 ? (
        <div className={styles.filters}>
          <Pick name="partner" label={t('ourChallenges.field.partner')} value={choice} onChange={setChoice} options={[{ value: '', label: t('ourChallenges.partners.choose') }, ...available.map((o) => ({ value: o.id, label: o.name }))]} />
          <Button
            variant="secondary"
            onPress={() => {
              const org = available.find((o) => o.id === choice);
              if (!org) return;
              change('partners', { partners: [...draft.partners, { organisationId: org.id, name: org.name, role: { sl: '', en: '' } }] });
              setChoice('');
            }}
          >
            {t('ourChallenges.partners.add')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

function RewardsStep({ draft, change, errorOf }: { draft: Draft; change: Change; errorOf: ErrorOf }) {
  const { t, i18n } = useTranslation();
  const money = draft.rewards.filter((r) => r.kind === 'PRIZE_MONEY' || r.kind === 'GRANT').reduce((sum, r) => sum + (Number(r.amountEur) || 0), 0);
  const setReward = (index: number, patch: Partial<Draft['rewards'][number]>) => change('rewards', { rewards: draft.rewards.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  return (
    <>
      <p>{t('ourChallenges.rewards.lead')}</p>
      <div className={styles.bilingual}>
        <Field name="totalBudgetEur" inputMode="numeric" label={t('ourChallenges.field.totalBudgetEur')} description={t('ourChallenges.field.totalBudgetHint')} optional value={draft.totalBudgetEur} onChange={(v) => change('rewards', { totalBudgetEur: v })} error={errorOf('rewards', (p) => p === 'totalBudgetEur')} />
        <Field name="awardsCount" inputMode="numeric" label={t('ourChallenges.field.awardsCount')} description={t('ourChallenges.field.awardsCountHint')} optional value={draft.awardsCount} onChange={(v) => change('rewards', { awardsCount: v })} error={errorOf('rewards', (p) => p === 'awardsCount')} />
      </div>
      <p>{t('ourChallenges.rewards.moneySoFar', { amount: formatEuro(i18n.language, money) })}</p>
      {draft.rewards.map((r, index) => (
        <fieldset key={index} className={styles.fieldset}>
          <legend>{t('ourChallenges.rewards.legend', { n: index + 1 })}</legend>
          <Pick name={`rewardKind${index}`} label={t('ourChallenges.field.rewardKind')} value={r.kind} onChange={(v) => setReward(index, { kind: (REWARD_KINDS as readonly string[]).includes(v) ? (v as RewardKind) : 'PRIZE_MONEY' })} options={REWARD_KINDS.map((k) => ({ value: k, label: t(`challenges.rewardKind.${k}`) }))} />
          <Field
            name={`rewardAmount${index}`}
            inputMode="numeric"
            label={t('ourChallenges.field.rewardAmount')}
            description={t('ourChallenges.field.rewardAmountHint')}
            optional={r.kind !== 'PRIZE_MONEY' && r.kind !== 'GRANT'}
            value={r.amountEur}
            onChange={(v) => setReward(index, { amountEur: v })}
            error={errorOf('rewards', (p) => p === `rewards.${index}.amountEur`)}
          />
          <div className={styles.bilingual}>
            <Field name={`rewardDescSl${index}`} label={t('ourChallenges.field.rewardDescSl')} lang="sl" optional maxLength={200} value={r.description.sl} onChange={(v) => setReward(index, { description: { ...r.description, sl: v } })} />
            <Field name={`rewardDescEn${index}`} label={t('ourChallenges.field.rewardDescEn')} lang="en" optional maxLength={200} value={r.description.en} onChange={(v) => setReward(index, { description: { ...r.description, en: v } })} />
          </div>
          <Button variant="secondary" onPress={() => change('rewards', { rewards: draft.rewards.filter((_, i) => i !== index) })} aria-label={t('ourChallenges.rewards.removeNamed', { n: index + 1 })}>
            {t('ourChallenges.remove')}
          </Button>
        </fieldset>
      ))}
      <div className={styles.actions}>
        <Button variant="secondary" onPress={() => change('rewards', { rewards: [...draft.rewards, { kind: 'PRIZE_MONEY', amountEur: '', description: { sl: '', en: '' } }] })}>
          {t('ourChallenges.rewards.add')}
        </Button>
      </div>
      <div className={styles.bilingual}>
        <AreaField name="rewardTextSl" label={t('ourChallenges.field.rewardTextSl')} lang="sl" optional value={draft.rewardText.sl} onChange={(v) => change('rewards', { rewardText: { ...draft.rewardText, sl: v } })} />
        <AreaField name="rewardTextEn" label={t('ourChallenges.field.rewardTextEn')} lang="en" optional value={draft.rewardText.en} onChange={(v) => change('rewards', { rewardText: { ...draft.rewardText, en: v } })} />
      </div>
      <Checkbox isSelected={draft.twoStage} onChange={(v) => change('rewards', { twoStage: v })} className={choice.choice}>
        <span className={choice.box} aria-hidden="true" />
        <span>{t('ourChallenges.field.twoStage')}</span>
      </Checkbox>
      {draft.twoStage ? (
        <div className={styles.bilingual}>
          <Field name="shortlistSize" inputMode="numeric" label={t('ourChallenges.field.shortlistSize')} description={t('ourChallenges.field.shortlistSizeHint')} value={draft.shortlistSize} onChange={(v) => change('rewards', { shortlistSize: v })} error={errorOf('rewards', (p) => p === 'twoStage.shortlistSize')} />
          <Field name="shortlistFeeEur" inputMode="numeric" label={t('ourChallenges.field.shortlistFeeEur')} description={t('ourChallenges.field.shortlistFeeHint')} value={draft.shortlistFeeEur} onChange={(v) => change('rewards', { shortlistFeeEur: v })} error={errorOf('rewards', (p) => p === 'twoStage.shortlistFeeEur')} />
        </div>
      ) : null}
    </>
  );
}

function CriteriaStep({ draft, change, errorOf }: { draft: Draft; change: Change; errorOf: ErrorOf }) {
  const { t } = useTranslation();
  const total = criteriaTotal(draft);
  const set = (index: number, patch: Partial<Draft['criteria'][number]>) => change('criteria', { criteria: draft.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  return (
    <>
      <p>{t('ourChallenges.criteria.lead')}</p>
      {draft.criteria.map((c, index) => (
        <fieldset key={index} className={styles.fieldset}>
          <legend>{t('ourChallenges.criteria.legend', { n: index + 1 })}</legend>
          <div className={styles.bilingual}>
            <Field name={`criterionSl${index}`} label={t('ourChallenges.field.criterionSl')} lang="sl" maxLength={200} value={c.name.sl} onChange={(v) => set(index, { name: { ...c.name, sl: v } })} error={errorOf('criteria', (p) => p === `criteria.${index}.name`)} />
            <Field name={`criterionEn${index}`} label={t('ourChallenges.field.criterionEn')} lang="en" optional maxLength={200} value={c.name.en} onChange={(v) => set(index, { name: { ...c.name, en: v } })} />
          </div>
          <Field name={`criterionWeight${index}`} inputMode="numeric" label={t('ourChallenges.field.weight')} value={c.weight} onChange={(v) => set(index, { weight: v })} error={errorOf('criteria', (p) => p === `criteria.${index}.weight`)} />
          <Button variant="secondary" onPress={() => change('criteria', { criteria: draft.criteria.filter((_, i) => i !== index) })} aria-label={t('ourChallenges.criteria.removeNamed', { n: index + 1 })}>
            {t('ourChallenges.remove')}
          </Button>
        </fieldset>
      ))}
      <p role="status" className={styles.status} data-tone={draft.criteria.length > 0 && total !== 100 ? 'error' : undefined}>
        {draft.criteria.length > 0 ? t('ourChallenges.criteria.total', { total }) : ''}
      </p>
      {errorOf('criteria', (p) => p === 'criteria') ? <p className={styles.status} data-tone="error">{errorOf('criteria', (p) => p === 'criteria')}</p> : null}
      <div className={styles.actions}>
        <Button variant="secondary" onPress={() => change('criteria', { criteria: [...draft.criteria, { name: { sl: '', en: '' }, weight: draft.criteria.length === 0 ? '100' : '' }] })}>
          {t('ourChallenges.criteria.add')}
        </Button>
      </div>
    </>
  );
}

function AttachmentsStep({ challengeId, attachments, refetch, editable }: { challengeId: string; attachments: readonly { id: string; fileName: string; sizeBytes: number; url: string }[]; refetch: () => void; editable: boolean }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<UploadFailure | 'remove' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <p>{t('ourChallenges.attachments.lead')}</p>
      {attachments.length === 0 ? (
        <EmptyState>
          <p>{t('ourChallenges.attachments.none')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {attachments.map((a) => (
            <li key={a.id} className={styles.item}>
              <a href={a.url}>{a.fileName}</a> ({t('ourChallenges.attachments.size', { kb: Math.max(1, Math.round(a.sizeBytes / 1024)) })})
              {editable ? (
                <Button
                  variant="secondary"
                  aria-label={t('ourChallenges.attachments.removeNamed', { name: a.fileName })}
                  onPress={() =>
                    void removeChallengeFile(a.id).then((ok) => {
                      setFailure(ok ? null : 'remove');
                      refetch();
                    })
                  }
                >
                  {t('ourChallenges.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <div className={styles.group}>
          <label htmlFor="field-attachment" className={styles.fileLabel}>
            {t('ourChallenges.attachments.choose')}
          </label>
          <span className={styles.hint} id="attachment-hint">
            {t('ourChallenges.attachments.hint')}
          </span>
          <input
            ref={input}
            id="field-attachment"
            type="file"
            aria-describedby="attachment-hint"
            accept="application/pdf,image/png,image/jpeg,image/webp"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              setFailure(null);
              setProgress(0);
              void uploadChallengeFile(challengeId, file, setProgress).then((failed) => {
                setProgress(null);
                setFailure(failed);
                if (input.current) input.current.value = '';
                refetch();
              });
            }}
          />
        </div>
      ) : null}
      {progress !== null ? (
        <p role="status">
          <progress max={100} value={progress} aria-label={t('ourChallenges.attachments.progressLabel')} /> {t('ourChallenges.attachments.progress', { percent: progress })}
        </p>
      ) : null}
      {failure ? (
        <Banner tone="error">
          <p>{t(`ourChallenges.attachments.failure.${failure}`)}</p>
        </Banner>
      ) : null}
    </>
  );
}

type Question = { id: string; question: string; language: string; askedAt: string; answer: { sl: string | null; en: string | null } | null };

function QuestionsStep({ questions, refetch, editable }: { questions: readonly Question[]; refetch: () => void; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('ourChallenges.questions.lead')}</p>
      {questions.length === 0 ? (
        <EmptyState>
          <p>{t('ourChallenges.questions.none')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {questions.map((q) => (
            <li key={q.id} className={styles.item}>
              <QuestionItem question={q} refetch={refetch} editable={editable} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function QuestionItem({ question, refetch, editable }: { question: Question; refetch: () => void; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const [sl, setSl] = useState(question.answer?.sl ?? '');
  const [en, setEn] = useState(question.answer?.en ?? '');
  const [error, setError] = useState<string | null>(null);
  const [answering, answer] = useMutation(AnswerQuestionMutation);
  const [removing, remove] = useMutation(RemoveQuestionMutation);
  return (
    <>
      <h3>
        <span lang={question.language}>{question.question}</span>
      </h3>
      <p className={styles.meta}>
        {t('ourChallenges.questions.asked', { when: formatDateTime(i18n.language, question.askedAt) })} · {question.answer ? t('ourChallenges.questions.answered') : t('ourChallenges.questions.waiting')}
      </p>
      {editable ? (
        <>
          <div className={styles.bilingual}>
            <AreaField name={`answerSl-${question.id}`} label={t('ourChallenges.field.answerSl')} lang="sl" value={sl} onChange={setSl} error={error ?? undefined} />
            <AreaField name={`answerEn-${question.id}`} label={t('ourChallenges.field.answerEn')} lang="en" optional value={en} onChange={setEn} />
          </div>
          <div className={styles.actions}>
            <Button
              isPending={answering.fetching}
              onPress={() => {
                if (!sl.trim() && !en.trim()) {
                  setError(t('ourChallenges.errors.answer'));
                  return;
                }
                void answer({ id: question.id, answer: { sl: sl.trim() || null, en: en.trim() || null } }).then((r) => {
                  setError(r.error ? t('ourChallenges.errors.answer') : null);
                  if (!r.error) refetch();
                });
              }}
            >
              {question.answer ? t('ourChallenges.questions.correct') : t('ourChallenges.questions.publishAnswer')}
            </Button>
            {!question.answer ? (
              <Button variant="secondary" isPending={removing.fetching} onPress={() => void remove({ id: question.id }).then(() => refetch())}>
                {t('ourChallenges.questions.remove')}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
}

/** The check-answers page: what is still missing, a preview link, and publish (the server decides). */
function ReviewStep({ challengeId, draft, status, flush, canEdit, onErrors }: { challengeId: string; draft: Draft; status: string; flush: () => Promise<boolean>; canEdit: boolean; onErrors: (errors: GroupErrors) => void }) {
  const { t } = useTranslation();
  const [publishing, publish] = useMutation(PublishChallengeMutation);
  const [refusal, setRefusal] = useState<{ steps: { step: Step; key: string }[]; general: string | null } | null>(null);
  const [published, setPublished] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const items = checklist(draft);
  useEffect(() => {
    if (refusal) summary.current?.focus();
  }, [refusal]);

  const link = (step: Step, children: ReactNode) => (
    <Link to="/me/challenges/$challengeId/edit" params={{ challengeId }} search={step === 'basics' ? {} : { step: step as EditorSearch['step'] }}>
      {children}
    </Link>
  );

  if (published || status !== 'DRAFT') {
    return (
      <Banner>
        <p>{published ? t('ourChallenges.review.published') : t('ourChallenges.review.alreadyPublished', { status: t(`challenges.status.${status}`) })}</p>
        <p>
          <Link to="/challenges/$challengeId" params={{ challengeId }}>
            {t('ourChallenges.review.seePublic')}
          </Link>
        </p>
      </Banner>
    );
  }
  return (
    <>
      {refusal ? (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby="publish-refused" className={`${uiStyles.banner} ${styles.refusal}`} data-tone="error">
          <h3 id="publish-refused">{t('ourChallenges.review.refused')}</h3>
          <ul>
            {refusal.general ? <li>{refusal.general}</li> : null}
            {refusal.steps.map((s) => (
              <li key={`${s.step}-${s.key}`}>{link(s.step, t('ourChallenges.review.refusedItem', { message: t(`ourChallenges.errors.${s.key}`), step: t(`ourChallenges.step.${s.step}`) }))}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h3 id="checklist-title">{t('ourChallenges.review.checklist')}</h3>
      {items.length === 0 ? (
        <p>{t('ourChallenges.review.complete')}</p>
      ) : (
        <ul className={styles.checklist} aria-labelledby="checklist-title">
          {items.map((item) => (
            <li key={item.key}>
              <span className={item.required ? styles.required : undefined}>{t(`ourChallenges.checklist.${item.key}`)}</span> {item.required ? t('ourChallenges.review.required') : t('ourChallenges.review.recommended')} {link(item.step, t('ourChallenges.review.change', { step: t(`ourChallenges.step.${item.step}`) }))}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/me/challenges/$challengeId/edit" params={{ challengeId }} search={{ step: 'review', preview: true }}>
          {t('ourChallenges.review.preview')}
        </Link>
      </p>
      <p>{t('ourChallenges.review.publishLead')}</p>
      {canEdit ? (
        <Button
          isPending={publishing.fetching}
          onPress={async () => {
            setRefusal(null);
            const saved = await flush();
            if (!saved) {
              setRefusal({ steps: [], general: t('ourChallenges.review.saveFirst') });
              return;
            }
            const r = await publish({ id: challengeId });
            const paths = inputPaths(r.error);
            if (paths) {
              const errors: GroupErrors = {};
              const steps = paths.map((p) => {
                const group = groupOfField(p) ?? 'basics';
                (errors[group] ??= []).push(p);
                return { step: group as Step, key: messageOfField(p) };
              });
              onErrors(errors);
              setRefusal({ steps, general: null });
            } else if (r.error) {
              const kind = toAppError(r.error)?.kind;
              setRefusal({ steps: [], general: kind === 'invalidState' ? t('ourChallenges.review.notDraft') : t('errors.unexpected') });
            } else setPublished(true);
          }}
        >
          {t('ourChallenges.review.publish')}
        </Button>
      ) : null}
    </>
  );
}

/** The challenge exactly as the public will see it (the public page's own component), after saving what is pending. */
function Preview({ challengeId, flush, dirty }: { challengeId: string; flush: () => Promise<boolean>; dirty: boolean }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(!dirty);
  useEffect(() => {
    if (dirty) void flush().then(() => setReady(true));
  }, [dirty, flush]);
  return (
    <>
      <aside className={styles.previewNote} aria-label={t('ourChallenges.preview.label')}>
        <p>{t('ourChallenges.preview.note')}</p>
        <Link to="/me/challenges/$challengeId/edit" params={{ challengeId }} search={{ step: 'review' }}>
          {t('ourChallenges.preview.back')}
        </Link>
      </aside>
      {ready ? <ChallengeDetail challengeId={challengeId} preview /> : <p role="status">{t('ourChallenges.save.saving')}</p>}
    </>
  );
}
