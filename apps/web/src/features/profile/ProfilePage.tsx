import { useBlocker } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../graphql/graphql.js';
import { pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner, EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { Loaded } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import { TextField } from '../../ui/TextField.js';
import { RadioField, SinglePicker, TagPicker, TextAreaField, type Option } from './fields.js';
import { describe, NO_ERRORS, type FormErrors } from './form-errors.js';
import { OwnWordsField } from './OwnWordsField.js';
import { MAX_ENTRIES } from './own-words.js';
import { PortfolioSection } from './PortfolioSection.js';
import styles from './profile.module.css';
import { CONSENT_EXPLANATION_VERSION, CreateProfileMutation, ProfileEditorQuery, SetConsentMutation, UpdateProfileMutation } from './queries.js';

type EditorData = ResultOf<typeof ProfileEditorQuery>;
type Profile = NonNullable<EditorData['me']['creativeProfile']>;

const KINDS = ['INDIVIDUAL', 'SOLE_PROPRIETOR', 'STUDIO_OR_FIRM', 'COLLECTIVE', 'STUDENT'] as const;
const AVAILABILITIES = ['AVAILABLE', 'LIMITED', 'UNAVAILABLE'] as const;
/** Languages people in Gorenjska work in most (ISO 639-1); names come from Intl in the UI language. */
const LANGUAGE_CODES = ['sl', 'en', 'de', 'it', 'hr', 'sr', 'bs', 'mk', 'hu', 'fr', 'es', 'cs', 'sk', 'pl', 'ru', 'uk', 'nl', 'pt', 'sq'] as const;
const TERM_FIELDS = ['domains', 'crafts', 'techniques', 'materials', 'skills'] as const;
/** The lists that also take the creative's own words, and where those are kept in the form. */
const FREE: Readonly<Record<WordField, FreeField>> = { crafts: 'freeCrafts', techniques: 'freeTechniques', materials: 'freeMaterials', skills: 'freeSkills' };
const WORD_FIELDS = ['crafts', 'techniques', 'materials', 'skills'] as const;
type TermField = (typeof TERM_FIELDS)[number];
type WordField = (typeof WORD_FIELDS)[number];
type FreeField = 'freeCrafts' | 'freeTechniques' | 'freeMaterials' | 'freeSkills';
const isWordField = (field: string): field is WordField => (WORD_FIELDS as readonly string[]).includes(field);
const isTermField = (field: string): field is TermField => (TERM_FIELDS as readonly string[]).includes(field);
const KNOWN_FIELDS = ['kind', 'displayName', 'bioSl', 'bioEn', 'municipality', 'availability', ...TERM_FIELDS, 'languages'] as const;

type Kind = (typeof KINDS)[number];
type AvailabilityValue = (typeof AVAILABILITIES)[number];

interface Values {
  kind: Kind;
  displayName: string;
  bioSl: string;
  bioEn: string;
  municipality: string | null;
  availability: AvailabilityValue;
  domains: string[];
  crafts: string[];
  techniques: string[];
  materials: string[];
  skills: string[];
  freeCrafts: string[];
  freeTechniques: string[];
  freeMaterials: string[];
  freeSkills: string[];
  languages: string[];
}

function initialValues(profile: Profile | null, accountName: string): Values {
  return {
    kind: (profile?.kind as Kind | null | undefined) ?? 'INDIVIDUAL',
    displayName: profile?.displayName ?? accountName,
    bioSl: profile?.bio.sl ?? '',
    bioEn: profile?.bio.en ?? '',
    municipality: profile?.municipality?.code ?? null,
    availability: (profile?.availability as AvailabilityValue | null | undefined) ?? 'AVAILABLE',
    domains: profile?.domains.map((d) => d.code) ?? [],
    crafts: profile?.crafts.map((d) => d.code) ?? [],
    techniques: profile?.techniques.map((d) => d.code) ?? [],
    materials: profile?.materials.map((d) => d.code) ?? [],
    skills: profile?.skills.map((d) => d.code) ?? [],
    freeCrafts: profile?.freeCrafts ?? [],
    freeTechniques: profile?.freeTechniques ?? [],
    freeMaterials: profile?.freeMaterials ?? [],
    freeSkills: profile?.freeSkills ?? [],
    languages: profile?.languages ?? [],
  };
}

/** A message that takes focus when it appears (after a save), announced as a status. */
export function Notice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [children]);
  return (
    <div ref={ref} tabIndex={-1} className={styles.notice}>
      <Banner>{children}</Banner>
    </div>
  );
}

/** /me/profile: create the creative profile, or edit it; consent; portfolio; a link to the public page. */
export function ProfilePage() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: ProfileEditorQuery, requestPolicy: 'cache-and-network' });
  const hasProfile = Boolean(result.data?.me.creativeProfile);
  usePageTitle(result.data ? (hasProfile ? t('profile.title') : t('profile.createTitle')) : t('profile.title'));
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  return <Loaded result={result}>{(data) => <Editor data={data} refetch={refetch} />}</Loaded>;
}

function Editor({ data, refetch }: { data: EditorData; refetch: () => void }) {
  const { t, i18n } = useTranslation();
  const profile = data.me.creativeProfile ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const failed = errors.general.length > 0 || Object.keys(errors.fields).length > 0;
  const title = profile ? t('profile.title') : t('profile.createTitle');
  usePageTitle(failed ? t('errors.titlePrefix', { title }) : title);

  const options = useMemo(() => {
    const label = (term: { code: string; label: { sl: string | null; en: string | null } }): Option => ({ code: term.code, label: pickText(i18n.language, term.label)?.text ?? term.code });
    const names = new Intl.DisplayNames([i18n.language === 'en' ? 'en-GB' : 'sl-SI'], { type: 'language' });
    return {
      domains: data.referenceData.domains.map(label),
      crafts: data.referenceData.crafts.map(label),
      techniques: data.referenceData.techniques.map(label),
      materials: data.referenceData.materials.map(label),
      skills: data.referenceData.skills.map(label),
      municipalities: data.referenceData.municipalities.map((m) => ({ code: m.code, label: m.name })),
      languages: LANGUAGE_CODES.map((code) => ({ code, label: names.of(code) ?? code })),
    };
  }, [data.referenceData, i18n.language]);

  return (
    <>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      {notice ? <Notice>{notice}</Notice> : null}
      <h1 tabIndex={-1}>{title}</h1>
      {profile ? (
        <p>
          <Link to="/creatives/$creativeId" params={{ creativeId: profile.id }}>
            {t('profile.preview')}
          </Link>{' '}
          <span className={styles.status}>{t('profile.previewHint')}</span>
        </p>
      ) : (
        <p>{t('profile.createLead')}</p>
      )}
      <ProfileForm
        key={profile?.id ?? 'new'}
        profile={profile}
        accountName={data.me.displayName}
        options={options}
        errors={errors}
        onErrors={setErrors}
        onSaved={(created) => {
          setNotice(created ? t('profile.created') : t('profile.saved'));
          refetch();
        }}
      />
      {profile ? (
        <>
          <ConsentSection consent={profile.matchingConsent === true} refetch={refetch} />
          <PortfolioSection items={profile.portfolioItems} refetch={refetch} />
        </>
      ) : null}
    </>
  );
}

function ProfileForm({ profile, accountName, options, errors, onErrors, onSaved }: {
  profile: Profile | null;
  accountName: string;
  options: Record<'domains' | 'crafts' | 'techniques' | 'materials' | 'skills' | 'municipalities' | 'languages', Option[]>;
  errors: FormErrors;
  onErrors: (errors: FormErrors) => void;
  onSaved: (created: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [saved, setSaved] = useState(() => initialValues(profile, accountName));
  const [values, setValues] = useState(saved);
  const [createState, create] = useMutation(CreateProfileMutation);
  const [updateState, update] = useMutation(UpdateProfileMutation);
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  useBlocker({ shouldBlockFn: () => !window.confirm(t('profile.unsaved')), disabled: !dirty, enableBeforeUnload: dirty });
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = () => {
    const missing: string[] = [];
    if (!values.displayName.trim() || values.displayName.trim().length > 120) missing.push('displayName');
    if (!values.municipality) missing.push('municipality');
    if (values.bioSl.length > 5000) missing.push('bioSl');
    if (values.bioEn.length > 5000) missing.push('bioEn');
    for (const field of WORD_FIELDS) if (values[field].length + values[FREE[field]].length > MAX_ENTRIES) missing.push(field);
    if (missing.length > 0) {
      onErrors({ fields: Object.fromEntries(missing.map((f) => [f, t(`profile.error.${f}`)])), general: [] });
      return;
    }
    const input = {
      kind: values.kind, displayName: values.displayName.trim(), bio: { sl: values.bioSl, en: values.bioEn }, municipality: values.municipality ?? '',
      availability: values.availability, domains: values.domains, languages: values.languages,
      // Codes and own words go as one list: the API recognises the codes and keeps the rest as written.
      crafts: [...values.crafts, ...values.freeCrafts], techniques: [...values.techniques, ...values.freeTechniques],
      materials: [...values.materials, ...values.freeMaterials], skills: [...values.skills, ...values.freeSkills],
    };
    const done = (error: Parameters<typeof describe>[2], created: boolean) => {
      if (error) {
        onErrors(describe(t, i18n.language, error, KNOWN_FIELDS));
        return;
      }
      onErrors(NO_ERRORS);
      setSaved(values);
      onSaved(created);
    };
    if (profile) void update({ id: profile.id, input }).then((r) => done(r.error, false));
    else void create({ input }).then((r) => done(r.error, true));
  };

  return (
    <Form
      validationBehavior="aria"
      validationErrors={errors.fields}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset className={styles.fieldset}>
        <legend>{t('profile.sections.basics')}</legend>
        <RadioField name="kind" label={t('profile.field.kind')} value={values.kind} onChange={(v) => set('kind')(v as Kind)} options={KINDS.map((k) => ({ code: k, label: t(`creatives.kind.${k}`) }))} />
        <TextField name="displayName" label={t('profile.field.displayName')} value={values.displayName} onChange={set('displayName')} autoComplete="name" />
        <TextAreaField name="bioSl" label={t('profile.field.bioSl')} description={t('profile.field.bioHint')} optional value={values.bioSl} onChange={set('bioSl')} lang="sl" />
        <TextAreaField name="bioEn" label={t('profile.field.bioEn')} description={t('profile.field.bioHint')} optional value={values.bioEn} onChange={set('bioEn')} lang="en" />
        <SinglePicker
          name="municipality"
          label={t('profile.field.municipality')}
          description={t('profile.field.municipalityHint')}
          options={options.municipalities}
          value={values.municipality}
          onChange={set('municipality')}
          error={errors.fields.municipality}
        />
        <RadioField
          name="availability"
          label={t('profile.field.availability')}
          value={values.availability}
          onChange={(v) => set('availability')(v as AvailabilityValue)}
          options={AVAILABILITIES.map((a) => ({ code: a, label: t(`creatives.availability.${a}`) }))}
        />
        <TagPicker name="languages" label={t('profile.field.languages')} options={options.languages} value={values.languages} onChange={set('languages')} error={errors.fields.languages} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('profile.sections.work')}</legend>
        <p className={styles.status}>{t('profile.ownWords.lead')}</p>
        {TERM_FIELDS.map((field) => (
          <div key={field} className={styles.vocabulary}>
            <TagPicker name={field} label={t(`profile.field.${field}`)} options={options[field]} value={values[field]} onChange={set(field)} error={errors.fields[field]} />
            {isWordField(field) ? (
              <OwnWordsField
                name={`${field}Words`}
                label={t(`profile.ownWords.label.${field}`)}
                words={values[FREE[field]]}
                onChange={set(FREE[field])}
                codes={values[field].length}
                taken={values[field].map((code) => options[field].find((o) => o.code === code)?.label ?? code)}
                options={options[field]}
                onPick={(code) => setValues((v) => ({ ...v, [field]: [...v[field], code] }))}
              />
            ) : null}
          </div>
        ))}
      </fieldset>
      {profile ? (
        <SuggestionsPanel
          suggestions={profile.suggestedCodes ?? []}
          chosen={values}
          onAdd={(vocabulary, code) => setValues((v) => ({ ...v, [vocabulary]: [...v[vocabulary], code] }))}
        />
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" isPending={createState.fetching || updateState.fetching}>
          {profile ? t('profile.save') : t('profile.create')}
        </Button>
        {dirty ? <span className={styles.status}>{t('profile.unsavedNote')}</span> : null}
      </div>
    </Form>
  );
}

function ConsentSection({ consent, refetch }: { consent: boolean; refetch: () => void }) {
  const { t, i18n } = useTranslation();
  const [state, setConsent] = useMutation(SetConsentMutation);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string[]>([]);
  return (
    <section className={styles.section} aria-labelledby="consent-title">
      <h2 id="consent-title">{t('profile.sections.consent')}</h2>
      {message ? <Notice>{message}</Notice> : null}
      {error.length > 0 ? (
        <Banner tone="error">
          {error.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Banner>
      ) : null}
      <p className={styles.status}>{consent ? t('profile.consent.on') : t('profile.consent.off')}</p>
      <div className={styles.explanation}>
        <h3>{t('profile.consent.explanationTitle')}</h3>
        <p>{t('profile.consent.explanation1')}</p>
        <p>{t('profile.consent.explanation2')}</p>
        <p>{t('profile.consent.explanation3')}</p>
        <p>{t('profile.consent.explanation4')}</p>
      </div>
      <div className={styles.actions}>
        <Button
          variant={consent ? 'secondary' : 'primary'}
          isPending={state.fetching}
          onPress={() => {
            void setConsent({ consent: !consent, version: CONSENT_EXPLANATION_VERSION }).then((r) => {
              if (r.error) {
                setError(describe(t, i18n.language, r.error, []).general);
                return;
              }
              setError([]);
              setMessage(consent ? t('profile.consent.withdrawn') : t('profile.consent.given'));
              refetch();
            });
          }}
        >
          {consent ? t('profile.consent.withdraw') : t('profile.consent.give')}
        </Button>
      </div>
    </section>
  );
}

type Suggestion = NonNullable<Profile['suggestedCodes']>[number];

/**
 * Reference codes the creative's saved words point to, each with the words it came from. "Add"
 * puts the code into its list in the form above (nothing is saved behind the person's back): it
 * counts once the profile is saved, like any other change, and can be removed there again.
 */
function SuggestionsPanel({ suggestions, chosen, onAdd }: { suggestions: readonly Suggestion[]; chosen: Record<TermField, string[]>; onAdd: (vocabulary: TermField, code: string) => void }) {
  const { t, i18n } = useTranslation();
  const [added, setAdded] = useState<string | null>(null);
  const open = suggestions.filter((s) => isTermField(s.vocabulary) && !chosen[s.vocabulary].includes(s.code));
  return (
    <section className={styles.suggestions} aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('profile.suggestions.title')}</h2>
      <p>{t('profile.suggestions.lead')}</p>
      {added ? <Notice>{added}</Notice> : null}
      {open.length === 0 ? (
        <EmptyState>
          <p>{suggestions.length === 0 ? t('profile.suggestions.empty') : t('profile.suggestions.allAdded')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.suggestionList}>
          {open.map((s) => {
            const label = pickText(i18n.language, s.label);
            const name = label?.text ?? s.code;
            return (
              <li key={`${s.vocabulary}:${s.code}`} className={styles.suggestion}>
                <div>
                  <p className={styles.suggestionName}>
                    <strong lang={label?.lang}>{name}</strong>
                    <span className={styles.badge}>{t(`profile.field.${s.vocabulary}`)}</span>
                  </p>
                  <p className={styles.because}>{t('profile.suggestions.because', { words: s.because })}</p>
                </div>
                <Button
                  variant="secondary"
                  onPress={() => {
                    if (!isTermField(s.vocabulary)) return;
                    onAdd(s.vocabulary, s.code);
                    setAdded(t(`profile.suggestions.added.${s.vocabulary}`, { label: name }));
                  }}
                >
                  {t('profile.suggestions.add', { label: name })}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
