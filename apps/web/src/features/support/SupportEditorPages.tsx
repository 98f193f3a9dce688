import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { Checkbox, CheckboxGroup, Form, Label, Radio, RadioGroup, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { readFragment, type ResultOf } from '../../graphql/graphql.js';
import { formatDateTime, pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import choice from '../../ui/choice.module.css';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner, EmptyState, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { NotFoundPage } from '../../ui/NotFoundPage.js';
import { usePageTitle } from '../../ui/page.js';
import { TextField } from '../../ui/TextField.js';
import uiStyles from '../../ui/ui.module.css';
import { describeError, type FormErrors } from '../account/describe-error.js';
import { amountOf, checkMeasure, dayInLjubljana, endOfDayInLjubljana, type MeasureField, type MeasureValues } from './editor-rules.js';
import {
  CloseSupportMeasureMutation, CreateSupportMeasureMutation, EditSupportMeasureQuery, MySupportMeasuresQuery, PublishSupportMeasureMutation, SupportMeasureCardFragment,
  UpdateSupportMeasureMutation,
} from './queries.js';
import { CREATIVE_KINDS, ORGANISATION_KINDS } from './search.js';
import styles from './support.module.css';

const NO_ERRORS: FormErrors = { fields: {}, general: [] };
/** Form fields in page order (the error summary lists them so). */
const FIELDS: readonly MeasureField[] = ['providerOrganisationId', 'titleSl', 'summarySl', 'creativeKinds', 'amountMinEur', 'amountMaxEur', 'deadline', 'callUrl'];
/** The API names a bilingual pair once (`title`) and the eligibility as a whole; its message goes to the first field. */
const API_FIELD: Record<string, MeasureField> = { title: 'titleSl', summary: 'summarySl', eligibility: 'creativeKinds', organisationKinds: 'creativeKinds' };
export type Done = 'created' | 'saved' | 'published' | 'closed';
export const DONE: readonly Done[] = ['created', 'saved', 'published', 'closed'];

/** /me/support-measures: the organiser's measures, newest first, with the first action for each. */
export function MySupportMeasuresPage() {
  const { t, i18n } = useTranslation();
  const { done } = getRouteApi('/me/support-measures/').useSearch();
  usePageTitle(t('support.mine.title'));
  const [result] = useQuery({ query: MySupportMeasuresQuery });
  const data = result.data;
  return (
    <>
      {done ? (
        <Banner>
          <p>{t(`support.mine.${done}`)}</p>
        </Banner>
      ) : null}
      <h1 tabIndex={-1}>{t('support.mine.title')}</h1>
      <p>{t('support.mine.lead')}</p>
      {!data ? (
        result.error ? (
          <LoadError error={result.error} />
        ) : (
          <Loading />
        )
      ) : data.mySupportMeasureProviders.length === 0 && data.mySupportMeasures.length === 0 ? (
        <EmptyState>
          <p>{t('support.mine.notOrganiser')}</p>
          <p>
            <Link to="/support">{t('support.forYou.browse')}</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          {data.mySupportMeasureProviders.length > 0 ? (
            <p>
              <Link to="/me/support-measures/new" className={uiStyles.button}>
                {t('support.mine.new')}
              </Link>
            </p>
          ) : null}
          {data.mySupportMeasures.length === 0 ? (
            <EmptyState>
              <p>{t('support.mine.empty')}</p>
            </EmptyState>
          ) : (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('support.mine.columns.title')}</th>
                  <th scope="col">{t('support.mine.columns.status')}</th>
                  <th scope="col">{t('support.mine.columns.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {data.mySupportMeasures.map((row) => {
                  const m = readFragment(SupportMeasureCardFragment, row);
                  const title = pickText(i18n.language, m.title);
                  return (
                    <tr key={m.id}>
                      <td>
                        <Link to="/me/support-measures/$measureId" params={{ measureId: m.id }}>
                          <span lang={title?.lang}>{title?.text}</span>
                        </Link>
                        <br />
                        <span className={styles.count}>{m.provider.name}</span>
                      </td>
                      <td>{t(`support.status.${m.status}`)}</td>
                      <td>{m.deadline ? formatDateTime(i18n.language, m.deadline) : t('support.card.rolling')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

export function NewSupportMeasurePage() {
  return <MeasureEditor measureId={null} />;
}

export function EditSupportMeasurePage() {
  const { measureId } = getRouteApi('/me/support-measures/$measureId').useParams();
  const { done } = getRouteApi('/me/support-measures/$measureId').useSearch();
  return <MeasureEditor measureId={measureId} done={done} />;
}

function MeasureEditor({ measureId, done }: { measureId: string | null; done?: Done }) {
  const { t } = useTranslation();
  const [mine] = useQuery({ query: MySupportMeasuresQuery });
  const [existing] = useQuery({ query: EditSupportMeasureQuery, variables: { id: measureId ?? '' }, pause: !measureId });
  const title = measureId ? t('support.editor.editTitle') : t('support.editor.newTitle');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const failed = errors.general.length > 0 || Object.keys(errors.fields).length > 0;
  usePageTitle(failed ? t('errors.titlePrefix', { title }) : title);
  if (toAppError(existing.error)?.kind === 'notFound') return <NotFoundPage />;
  const loaded = mine.data && (!measureId || existing.data);
  const error = mine.error ?? existing.error;
  const measure = existing.data?.supportMeasure ?? null;
  return (
    <div className={styles.form}>
      {done && !failed ? (
        <Banner>
          <p>{t(`support.mine.${done}`)}</p>
        </Banner>
      ) : null}
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <p>
        <Link to="/me/support-measures">{t('support.editor.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      {!loaded ? (
        error ? (
          <LoadError error={error} />
        ) : (
          <Loading />
        )
      ) : mine.data && mine.data.mySupportMeasureProviders.length === 0 ? (
        <EmptyState>
          <p>{t('support.mine.notOrganiser')}</p>
        </EmptyState>
      ) : measure?.status === 'CLOSED' ? (
        <>
          <p>{t('support.editor.closedNote')}</p>
          <p>
            <Link to="/support/$measureId" params={{ measureId: measure.id }}>
              {t('support.editor.view')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <MeasureForm providers={mine.data?.mySupportMeasureProviders ?? []} measure={measure} errors={errors} setErrors={setErrors} />
          {measure ? <Lifecycle measure={measure} setErrors={setErrors} /> : null}
        </>
      )}
    </div>
  );
}

type Provider = ResultOf<typeof MySupportMeasuresQuery>['mySupportMeasureProviders'][number];
type Measure = ResultOf<typeof EditSupportMeasureQuery>['supportMeasure'];

function read(event: FormEvent<HTMLFormElement>): MeasureValues {
  const data = new FormData(event.currentTarget);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const list = (name: string) => data.getAll(name).filter((v): v is string => typeof v === 'string');
  return {
    providerOrganisationId: text('providerOrganisationId'),
    titleSl: text('titleSl'),
    titleEn: text('titleEn'),
    summarySl: text('summarySl'),
    summaryEn: text('summaryEn'),
    textSl: text('textSl'),
    textEn: text('textEn'),
    creativeKinds: list('creativeKinds'),
    organisationKinds: list('organisationKinds'),
    amountMinEur: text('amountMinEur'),
    amountMaxEur: text('amountMaxEur'),
    deadline: text('deadline'),
    callUrl: text('callUrl'),
  };
}

/** The API's error as this form's words: known fields next to the field and in the summary, the rest general. */
function useErrorWords() {
  const { t, i18n } = useTranslation();
  return (error: CombinedError | undefined): FormErrors => {
    const appError = toAppError(error);
    if (!appError) return NO_ERRORS;
    const mapped = appError.kind === 'input' ? { kind: 'input' as const, fields: Object.fromEntries(Object.entries(appError.fields).map(([k, v]) => [API_FIELD[k] ?? k, v])) } : appError;
    const described = describeError(t, i18n.language, mapped, FIELDS, { invalidState: t('support.editor.invalidState'), forbidden: t('support.editor.forbidden') });
    return { fields: Object.fromEntries(Object.keys(described.fields).map((field) => [field, t(`support.editor.error.${field}`)])), general: described.general };
  };
}

function MeasureForm({ providers, measure, errors, setErrors }: { providers: readonly Provider[]; measure: Measure | null; errors: FormErrors; setErrors: (e: FormErrors) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const words = useErrorWords();
  const [created, create] = useMutation(CreateSupportMeasureMutation);
  const [updated, update] = useMutation(UpdateSupportMeasureMutation);
  const pending = created.fetching || updated.fetching;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const values = read(event);
    if (measure) values.providerOrganisationId = measure.provider.id;
    const problems = checkMeasure(values);
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: Object.fromEntries(FIELDS.filter((f) => problems[f]).map((f) => [f, t(`support.editor.error.${f}`)])), general: [] });
      return;
    }
    const pair = (sl: string, en: string) => ({ sl: sl.trim() || null, en: en.trim() || null });
    const input = {
      title: pair(values.titleSl, values.titleEn),
      summary: pair(values.summarySl, values.summaryEn),
      text: pair(values.textSl, values.textEn),
      eligibility: { creativeKinds: values.creativeKinds as (typeof CREATIVE_KINDS)[number][], organisationKinds: values.organisationKinds as (typeof ORGANISATION_KINDS)[number][] },
      amountMinEur: amountOf(values.amountMinEur),
      amountMaxEur: amountOf(values.amountMaxEur),
      deadline: values.deadline.trim() ? (endOfDayInLjubljana(values.deadline)?.toISOString() ?? null) : null,
      callUrl: values.callUrl.trim() || null,
    };
    const context = { additionalTypenames: ['SupportMeasure'] };
    if (measure) {
      void update({ id: measure.id, input }, context).then((r) => {
        const e = words(r.error);
        setErrors(e);
        if (!r.error) void navigate({ to: '/me/support-measures/$measureId', params: { measureId: measure.id }, search: { done: 'saved' } });
      });
    } else {
      void create({ input: { ...input, providerOrganisationId: values.providerOrganisationId } }, context).then((r) => {
        setErrors(words(r.error));
        const id = r.data?.createSupportMeasure.id;
        if (id) void navigate({ to: '/me/support-measures/$measureId', params: { measureId: id }, search: { done: 'created' } });
      });
    }
  };

  return (
    <Form validationBehavior="aria" validationErrors={errors.fields} onSubmit={submit}>
      <p>{t('support.editor.lead')}</p>
      {measure ? (
        <p>
          {t('support.editor.provider')}: {measure.provider.name}
        </p>
      ) : (
        <RadioGroup name="providerOrganisationId" defaultValue={providers.length === 1 ? providers[0].id : undefined} className={styles.group} id="field-providerOrganisationId">
          <Label className={uiStyles.label}>{t('support.editor.provider')}</Label>
          {errors.fields.providerOrganisationId ? <Text slot="errorMessage" className={uiStyles.fieldError}>{errors.fields.providerOrganisationId}</Text> : null}
          {providers.map((p) => (
            <Radio key={p.id} value={p.id} className={`${choice.choice} ${styles.radio}`}>
              {p.name}
            </Radio>
          ))}
        </RadioGroup>
      )}
      <fieldset className={styles.fieldset}>
        <legend>{t('support.editor.title')}</legend>
        <TextField name="titleSl" label={t('support.editor.titleSl')} defaultValue={measure?.title.sl ?? ''} maxLength={200} />
        <TextField name="titleEn" label={t('support.editor.titleEn')} defaultValue={measure?.title.en ?? ''} optional maxLength={200} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('support.editor.summary')}</legend>
        <TextAreaField name="summarySl" label={t('support.editor.summarySl')} defaultValue={measure?.summary.sl ?? ''} description={t('support.editor.summaryHint')} rows={3} error={errors.fields.summarySl} />
        <TextAreaField name="summaryEn" label={t('support.editor.summaryEn')} defaultValue={measure?.summary.en ?? ''} optional rows={3} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('support.editor.text')}</legend>
        <TextAreaField name="textSl" label={t('support.editor.textSl')} defaultValue={measure?.text.sl ?? ''} optional rows={8} />
        <TextAreaField name="textEn" label={t('support.editor.textEn')} defaultValue={measure?.text.en ?? ''} optional rows={8} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('support.editor.eligibility')}</legend>
        <p className={uiStyles.description}>{t('support.editor.eligibilityHint')}</p>
        {errors.fields.creativeKinds ? <p className={uiStyles.fieldError}>{errors.fields.creativeKinds}</p> : null}
        <CheckboxGroup name="creativeKinds" defaultValue={measure?.eligibility.creativeKinds ?? []} className={styles.group} id="field-creativeKinds">
          <Label className={uiStyles.label}>{t('support.editor.creativeKinds')}</Label>
          <div className={styles.choices}>
            {CREATIVE_KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} className={choice.choice}>
                <span className={choice.box} aria-hidden="true" />
                {t(`support.creativeKind.${kind}`)}
              </Checkbox>
            ))}
          </div>
        </CheckboxGroup>
        <CheckboxGroup name="organisationKinds" defaultValue={measure?.eligibility.organisationKinds ?? []} className={styles.group}>
          <Label className={uiStyles.label}>{t('support.editor.organisationKinds')}</Label>
          <div className={styles.choices}>
            {ORGANISATION_KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} className={choice.choice}>
                <span className={choice.box} aria-hidden="true" />
                {t(`support.organisationKind.${kind}`)}
              </Checkbox>
            ))}
          </div>
        </CheckboxGroup>
      </fieldset>
      <TextField name="amountMinEur" label={t('support.editor.amountMin')} description={t('support.editor.amountHint')} optional inputMode="numeric" defaultValue={measure?.amountMinEur?.toString() ?? ''} />
      <TextField name="amountMaxEur" label={t('support.editor.amountMax')} optional inputMode="numeric" defaultValue={measure?.amountMaxEur?.toString() ?? ''} />
      <TextField name="deadline" type="date" label={t('support.editor.deadline')} description={t('support.editor.deadlineHint')} optional defaultValue={measure?.deadline ? dayInLjubljana(measure.deadline) : ''} />
      <TextField name="callUrl" type="url" label={t('support.editor.callUrl')} description={t('support.editor.callUrlHint')} optional defaultValue={measure?.callUrl ?? ''} maxLength={500} />
      <div className={styles.actions}>
        <Button type="submit" isPending={pending}>
          {measure ? t('support.editor.save') : t('support.editor.createDraft')}
        </Button>
        <Link to="/me/support-measures">{t('support.editor.cancel')}</Link>
      </div>
    </Form>
  );
}

/** Publish a draft, close a published measure: wait for the server, then say what happened. */
function Lifecycle({ measure, setErrors }: { measure: Measure; setErrors: (e: FormErrors) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const words = useErrorWords();
  const [published, publish] = useMutation(PublishSupportMeasureMutation);
  const [closed, close] = useMutation(CloseSupportMeasureMutation);
  const after = (r: { error?: CombinedError }, done: Done) => {
    setErrors(words(r.error));
    if (!r.error) void navigate({ to: '/me/support-measures', search: { done } });
  };
  return (
    <section className={styles.section} aria-labelledby="support-lifecycle">
      <h2 id="support-lifecycle">{t(`support.status.${measure.status}`)}</h2>
      {measure.status === 'DRAFT' ? (
        <>
          <p>{t('support.editor.publishHint')}</p>
          <Button isPending={published.fetching} onPress={() => void publish({ id: measure.id }, { additionalTypenames: ['SupportMeasure'] }).then((r) => after(r, 'published'))}>
            {t('support.editor.publish')}
          </Button>
        </>
      ) : (
        <>
          <p>{t('support.editor.closeHint')}</p>
          <div className={styles.actions}>
            <Button variant="secondary" isPending={closed.fetching} onPress={() => void close({ id: measure.id }, { additionalTypenames: ['SupportMeasure'] }).then((r) => after(r, 'closed'))}>
              {t('support.editor.close')}
            </Button>
            <Link to="/support/$measureId" params={{ measureId: measure.id }}>
              {t('support.editor.view')}
            </Link>
          </div>
        </>
      )}
    </section>
  );
}

/** A labelled multi-line field; a server error for `name` shows under the label, like ui/TextField. */
function TextAreaField({ name, label, description, optional, defaultValue, rows, error }: { name: string; label: string; description?: string; optional?: boolean; defaultValue: string; rows: number; error?: string }) {
  const { t } = useTranslation();
  return (
    <AriaTextField name={name} defaultValue={defaultValue} className={uiStyles.field} isInvalid={error ? true : undefined}>
      <Label className={uiStyles.label}>
        {label}
        {optional ? ` ${t('common.optional')}` : null}
      </Label>
      {description ? (
        <Text slot="description" className={uiStyles.description}>
          {description}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className={uiStyles.fieldError}>
          {error}
        </Text>
      ) : null}
      <TextArea id={`field-${name}`} className={uiStyles.input} rows={rows} />
    </AriaTextField>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('common.loading')}
      </p>
      <Skeleton width="90%" />
      <Skeleton width="70%" />
    </div>
  );
}

function LoadError({ error }: { error: CombinedError }) {
  const { t } = useTranslation();
  return (
    <Banner tone="error">
      <p>{toAppError(error)?.kind === 'unavailable' ? t('errors.unavailable') : t('errors.unexpected')}</p>
    </Banner>
  );
}
