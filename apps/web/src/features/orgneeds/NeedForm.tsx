import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Form, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import choice from '../../ui/choice.module.css';
import { TextField } from '../../ui/TextField.js';
import uiStyles from '../../ui/ui.module.css';
import { describeError, type FormErrors } from '../account/describe-error.js';
import { checkNeed, needInput, type NeedField, type NeedValues } from './need-rules.js';
import styles from './orgneeds.module.css';
import type { OrgNeedsQuery } from './queries.js';

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };
const VOCABULARIES = ['domains', 'techniques'] as const;
/** Form fields, in page order (the error summary lists them so). */
export const FIELDS: readonly NeedField[] = ['titleSl', 'titleEn', 'descriptionSl', 'descriptionEn', 'budgetMinEur', 'budgetMaxEur', 'timelineStart', 'timelineEnd', 'domains', 'techniques'];
/** The API names a text pair once (`title`); its message goes next to the Slovenian field. */
const API_FIELD: Record<string, NeedField> = { title: 'titleSl', description: 'descriptionSl' };

export type Reference = ResultOf<typeof OrgNeedsQuery>['referenceData'];
export interface NeedFormValues {
  title: { sl?: string | null; en?: string | null };
  description: { sl?: string | null; en?: string | null };
  domains: readonly { code: string }[];
  techniques: readonly { code: string }[];
  budgetMinEur: number | null;
  budgetMaxEur: number | null;
  timelineStart: string | null;
  timelineEnd: string | null;
}

function read(event: FormEvent<HTMLFormElement>): NeedValues {
  const data = new FormData(event.currentTarget);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const list = (name: string) => data.getAll(name).filter((v): v is string => typeof v === 'string');
  return {
    titleSl: text('titleSl'),
    titleEn: text('titleEn'),
    descriptionSl: text('descriptionSl'),
    descriptionEn: text('descriptionEn'),
    domains: list('domains'),
    techniques: list('techniques'),
    budgetMinEur: text('budgetMinEur'),
    budgetMaxEur: text('budgetMaxEur'),
    timelineStart: text('timelineStart'),
    timelineEnd: text('timelineEnd'),
  };
}

/** A failed API answer as this form's messages (its own words per field). */
export function formErrors(t: TFunction, language: string, error: CombinedError | undefined): FormErrors {
  const appError = toAppError(error);
  if (!appError) return NO_ERRORS;
  const mapped = appError.kind === 'input' ? { kind: 'input' as const, fields: Object.fromEntries(Object.entries(appError.fields).map(([k, v]) => [API_FIELD[k] ?? k, v])) } : appError;
  const described = describeError(t, language, mapped, FIELDS);
  return { fields: Object.fromEntries(Object.keys(described.fields).map((field) => [field, t(`orgNeeds.error.${field}`)])), general: described.general };
}

/**
 * Title and description in Slovenian and English, budget, timeline and what kind of work: the
 * same form creates a draft and edits one. `send` gets the API input; its error comes back here.
 */
export function NeedForm({
  need,
  reference,
  errors,
  setErrors,
  send,
  pending,
  submitLabel,
}: {
  need: NeedFormValues | null;
  reference: Reference;
  errors: FormErrors;
  setErrors: (errors: FormErrors) => void;
  send: (input: ReturnType<typeof needInput>) => Promise<CombinedError | undefined>;
  pending: boolean;
  submitLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const codes = (terms: readonly { code: string }[] | undefined) => terms?.map((term) => term.code) ?? [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const values = read(event);
    const problems = checkNeed(values);
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, t(`orgNeeds.problem.${problem}`)])), general: [] });
      return;
    }
    void send(needInput(values)).then((error) => setErrors(formErrors(t, i18n.language, error)));
  };

  return (
    <Form validationBehavior="aria" validationErrors={errors.fields} onSubmit={submit} className={styles.form}>
      <fieldset className={styles.fieldset}>
        <legend>{t('orgNeeds.field.title')}</legend>
        <TextField name="titleSl" label={t('orgNeeds.field.titleSl')} defaultValue={need?.title.sl ?? ''} description={t('orgNeeds.field.titleHint')} maxLength={200} />
        <TextField name="titleEn" label={t('orgNeeds.field.titleEn')} defaultValue={need?.title.en ?? ''} optional maxLength={200} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('orgNeeds.field.description')}</legend>
        <TextAreaField name="descriptionSl" label={t('orgNeeds.field.descriptionSl')} defaultValue={need?.description.sl ?? ''} description={t('orgNeeds.field.descriptionHint')} />
        <TextAreaField name="descriptionEn" label={t('orgNeeds.field.descriptionEn')} defaultValue={need?.description.en ?? ''} optional />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('orgNeeds.field.budget')}</legend>
        <div className={styles.pair}>
          <TextField name="budgetMinEur" label={t('orgNeeds.field.budgetMinEur')} optional inputMode="numeric" defaultValue={need?.budgetMinEur != null ? String(need.budgetMinEur) : ''} />
          <TextField name="budgetMaxEur" label={t('orgNeeds.field.budgetMaxEur')} optional inputMode="numeric" defaultValue={need?.budgetMaxEur != null ? String(need.budgetMaxEur) : ''} />
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('orgNeeds.field.timeline')}</legend>
        <div className={styles.pair}>
          <TextField name="timelineStart" type="date" label={t('orgNeeds.field.timelineStart')} optional defaultValue={need?.timelineStart ?? ''} />
          <TextField name="timelineEnd" type="date" label={t('orgNeeds.field.timelineEnd')} optional defaultValue={need?.timelineEnd ?? ''} />
        </div>
      </fieldset>
      {VOCABULARIES.map((vocabulary) => (
        <CheckboxGroup key={vocabulary} name={vocabulary} defaultValue={codes(need?.[vocabulary])} className={styles.group}>
          <Label className={uiStyles.label}>
            {t(`orgNeeds.field.${vocabulary}`)} {t('common.optional')}
          </Label>
          <div className={styles.choices}>
            {reference[vocabulary].map((term) => {
              const label = pickText(i18n.language, term.label);
              return (
                <Checkbox key={term.code} value={term.code} className={choice.choice}>
                  <span className={choice.box} aria-hidden="true" />
                  <span lang={label?.lang}>{label?.text ?? term.code}</span>
                </Checkbox>
              );
            })}
          </div>
          <FieldError className={uiStyles.fieldError} />
        </CheckboxGroup>
      ))}
      <div className={styles.actions}>
        <Button type="submit" isPending={pending}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}

/** A labelled multi-line field; server errors for `name` show under it, like ui/TextField. */
function TextAreaField({ name, label, description, optional, defaultValue }: { name: string; label: string; description?: string; optional?: boolean; defaultValue: string }) {
  const { t } = useTranslation();
  return (
    <AriaTextField name={name} defaultValue={defaultValue} className={uiStyles.field}>
      <Label className={uiStyles.label}>
        {label}
        {optional ? ` ${t('common.optional')}` : null}
      </Label>
      {description ? (
        <Text slot="description" className={uiStyles.description}>
          {description}
        </Text>
      ) : null}
      <FieldError className={uiStyles.fieldError} />
      <TextArea id={`field-${name}`} className={uiStyles.input} rows={5} />
    </AriaTextField>
  );
}
