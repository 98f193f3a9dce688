import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import {
  Button as AriaButton,
  FileTrigger,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField as AriaTextField,
  type Key,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../graphql/errors.js';
import { Button } from '../../ui/Button.js';
import choice from '../../ui/choice.module.css';
import ui from '../../ui/ui.module.css';
import { TextField } from '../../ui/TextField.js';
import { describeError, type FormErrors } from '../account/describe-error.js';
import styles from './orgs.module.css';
import { LOGO_TYPES, ORGANISATION_KINDS, PROFILE_FIELDS, type OrganisationKind, type ProfileField, type ProfileValues } from './profile-rules.js';

export { checkProfile, NO_ERRORS, ORGANISATION_KINDS, PROFILE_FIELDS, profileInput, ROLES, type OrganisationKind, type ProfileValues, type Role } from './profile-rules.js';

/** The API names a text pair once (`description`, or `description.sl`): its message goes next to that language's field. */
const API_FIELD: Record<string, ProfileField> = { description: 'descriptionSl', sl: 'descriptionSl', en: 'descriptionEn' };

/** Field problems in this form's own words (the same next to the field and in the summary). */
export function profileErrors(t: TFunction, fields: readonly string[]): FormErrors {
  return { fields: Object.fromEntries(fields.map((field) => [field, t(`orgs.error.${field}` as 'orgs.error.name')])), general: [] };
}

/** A failed request as this form's messages: field errors in its own words, the rest in general ones. */
export function describeProfileError(t: TFunction, language: string, error: AppError, overrides: Parameters<typeof describeError>[4] = {}): FormErrors {
  const mapped: AppError = error.kind === 'input' ? { kind: 'input', fields: Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [API_FIELD[k] ?? k, v])) } : error;
  const described = describeError(t, language, mapped, PROFILE_FIELDS, overrides);
  return { fields: profileErrors(t, Object.keys(described.fields)).fields, general: described.general };
}

export function KindField({ value, onChange, error }: { value: OrganisationKind | null; onChange: (kind: OrganisationKind) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name="kind"
      value={value}
      onChange={(kind) => onChange(kind as OrganisationKind)}
      isInvalid={Boolean(error)}
      className={`${ui.field} ${styles.group}`}
    >
      <Label className={ui.label}>{t('orgs.field.kind')}</Label>
      {error ? (
        <Text slot="errorMessage" className={ui.fieldError}>
          {error}
        </Text>
      ) : null}
      <div className={styles.kinds}>
        {ORGANISATION_KINDS.map((kind, index) => (
          <Radio key={kind} value={kind} id={index === 0 ? 'field-kind' : undefined} className={`${choice.choice} ${styles.radio}`}>
            {t(`organisations.kind.${kind}`)}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

export interface Place {
  code: string;
  name: string;
}

/** One municipality from the reference list (typing its first letters jumps to it). */
export function MunicipalityField({ places, value, onChange, error }: { places: readonly Place[]; value: string | null; onChange: (code: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      name="municipality"
      selectedKey={value}
      onSelectionChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      isInvalid={Boolean(error)}
      placeholder={t('orgs.field.municipalityPlaceholder')}
      className={ui.field}
    >
      <Label className={ui.label}>{t('orgs.field.municipality')}</Label>
      {error ? (
        <Text slot="errorMessage" className={ui.fieldError}>
          {error}
        </Text>
      ) : null}
      <AriaButton id="field-municipality" className={`${ui.input} ${styles.selectButton}`}>
        <SelectValue />
        <ChevronIcon />
      </AriaButton>
      <Popover className={styles.popover}>
        <ListBox items={places} className={styles.listBox}>
          {(place) => (
            <ListBoxItem id={place.code} textValue={place.name} className={styles.option}>
              {place.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** A labelled multi-line field; its message (Form validationErrors) shows above it like ui/TextField. */
export function TextAreaField({ name, label, description, optional, value, onChange, lang, error }: {
  name: string;
  label: string;
  description?: string;
  optional?: boolean;
  value: string;
  onChange: (value: string) => void;
  lang?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <AriaTextField name={name} value={value} onChange={onChange} isInvalid={Boolean(error)} className={ui.field}>
      <Label className={ui.label}>
        {label}
        {optional ? ` ${t('common.optional')}` : null}
      </Label>
      {description ? (
        <Text slot="description" className={ui.description}>
          {description}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className={ui.fieldError}>
          {error}
        </Text>
      ) : null}
      <TextArea id={`field-${name}`} className={ui.input} rows={6} lang={lang} />
    </AriaTextField>
  );
}

/** The profile's fields: kind, name, place, website, the description in both languages side by side. */
export function ProfileFields({ values, onChange, places, errors }: {
  values: ProfileValues;
  onChange: (values: ProfileValues) => void;
  places: readonly Place[];
  errors: FormErrors;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ProfileValues>(key: K) => (value: ProfileValues[K]) => onChange({ ...values, [key]: value });
  return (
    <>
      <KindField value={values.kind} onChange={set('kind')} error={errors.fields.kind} />
      <TextField name="name" label={t('orgs.field.name')} description={t('orgs.field.nameHint')} value={values.name} onChange={set('name')} autoComplete="organization" />
      <MunicipalityField places={places} value={values.municipality} onChange={set('municipality')} error={errors.fields.municipality} />
      <TextField
        name="website"
        type="url"
        label={t('orgs.field.website')}
        description={t('orgs.field.websiteHint')}
        optional
        value={values.website}
        onChange={set('website')}
        autoComplete="url"
      />
      <fieldset className={styles.fieldset}>
        <legend>{t('orgs.field.description')}</legend>
        <p className={ui.description}>{t('orgs.field.descriptionHint')}</p>
        <div className={styles.sideBySide}>
          <TextAreaField name="descriptionSl" label={t('orgs.field.descriptionSl')} optional value={values.descriptionSl} onChange={set('descriptionSl')} lang="sl" error={errors.fields.descriptionSl} />
          <TextAreaField name="descriptionEn" label={t('orgs.field.descriptionEn')} optional value={values.descriptionEn} onChange={set('descriptionEn')} lang="en" error={errors.fields.descriptionEn} />
        </div>
      </fieldset>
    </>
  );
}

/** Choosing a logo file (sent after the texts are saved) and the upload's progress in percent. */
export function LogoField({ file, onFile, progress, error, current, children }: {
  file: File | null;
  onFile: (file: File | null) => void;
  progress: number | null;
  error?: string;
  current?: { url: string } | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={ui.field}>
      <span className={ui.label} id="logo-label">
        {t('orgs.field.logo')} {t('common.optional')}
      </span>
      <span className={ui.description} id="logo-hint">
        {t('orgs.field.logoHint')}
      </span>
      {error ? <span className={ui.fieldError}>{error}</span> : null}
      {current ? <img src={current.url} alt={t('orgs.field.currentLogo')} width={96} height={96} className={styles.logo} /> : null}
      <div className={styles.actions}>
        <FileTrigger acceptedFileTypes={LOGO_TYPES} onSelect={(files) => onFile(files?.[0] ?? null)}>
          <Button variant="secondary" id="field-file" aria-describedby="logo-hint">
            {current ? t('orgs.field.replaceLogo') : t('orgs.field.chooseLogo')}
          </Button>
        </FileTrigger>
        {children}
      </div>
      {file ? <p className={styles.small}>{t('orgs.field.chosen', { name: file.name })}</p> : null}
      {progress !== null ? <UploadProgress value={progress} /> : null}
    </div>
  );
}

export function UploadProgress({ value }: { value: number }) {
  const { t } = useTranslation();
  return (
    <ProgressBar value={value} className={styles.progress} aria-label={t('orgs.field.uploading')}>
      {({ percentage, valueText }) => (
        <>
          <span>
            {t('orgs.field.uploading')} {valueText}
          </span>
          <span className={styles.bar}>
            <span className={styles.fill} style={{ width: `${percentage ?? 0}%` }} />
          </span>
        </>
      )}
    </ProgressBar>
  );
}

/** The open-the-list mark of a select button (decorative). */
export function ChevronIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" className={styles.chevron}>
      <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/** A role as words. */
export function useRoleLabel() {
  const { t } = useTranslation();
  return (role: string) => t(`orgs.role.${role}` as 'orgs.role.OWNER');
}

/** State for a form that may also send a file afterwards. */
export function useUploadState() {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  return { file, setFile, progress, setProgress };
}
