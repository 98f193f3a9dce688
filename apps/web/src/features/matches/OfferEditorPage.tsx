import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import {
  Checkbox,
  CheckboxGroup,
  FieldError,
  Form,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField as AriaTextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { pickText } from '../../i18n/format.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Link } from '../../ui/Link.js';
import { NotFoundPage } from '../../ui/NotFoundPage.js';
import { usePageTitle } from '../../ui/page.js';
import { TextField } from '../../ui/TextField.js';
import choice from '../../ui/choice.module.css';
import uiStyles from '../../ui/ui.module.css';
import { describeError, type FormErrors } from '../account/describe-error.js';
import { Button } from '../../ui/Button.js';
import styles from './matches.module.css';
import { checkOffer, priceOf, type OfferValues } from './offer-rules.js';
import { CreateOfferMutation, EditOfferQuery, OfferFormQuery, UpdateOfferMutation } from './queries.js';
import { LoadError, Loading, NoProfile } from './shared.js';

const NO_ERRORS: FormErrors = { fields: {}, general: [] };
const VOCABULARIES = ['domains', 'crafts', 'techniques', 'materials'] as const;
type Vocabulary = (typeof VOCABULARIES)[number];
/** Form fields, in page order (the error summary lists them so). */
const FIELDS = ['titleSl', 'titleEn', 'descriptionSl', 'descriptionEn', 'kind', 'priceFromEur', ...VOCABULARIES] as const;
/** The API names a text pair once (`title`); its message goes next to the Slovenian field. */
const API_FIELD: Record<string, (typeof FIELDS)[number]> = { title: 'titleSl', description: 'descriptionSl' };
type Offer = ResultOf<typeof EditOfferQuery>['offer'];
type Reference = ResultOf<typeof OfferFormQuery>['referenceData'];

function read(event: FormEvent<HTMLFormElement>): OfferValues {
  const data = new FormData(event.currentTarget);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const list = (name: Vocabulary) => data.getAll(name).filter((v): v is string => typeof v === 'string');
  return {
    titleSl: text('titleSl'),
    titleEn: text('titleEn'),
    descriptionSl: text('descriptionSl'),
    descriptionEn: text('descriptionEn'),
    kind: text('kind') === 'PRODUCT' ? 'PRODUCT' : 'SERVICE',
    domains: list('domains'),
    crafts: list('crafts'),
    techniques: list('techniques'),
    materials: list('materials'),
    priceFromEur: text('priceFromEur'),
  };
}

const editRoute = getRouteApi('/me/offers/$offerId');

export function NewOfferPage() {
  return <OfferEditor offerId={null} />;
}

export function EditOfferPage() {
  const { offerId } = editRoute.useParams();
  return <OfferEditor offerId={offerId} />;
}

function OfferEditor({ offerId }: { offerId: string | null }) {
  const { t } = useTranslation();
  const [form] = useQuery({ query: OfferFormQuery });
  const [existing] = useQuery({ query: EditOfferQuery, variables: { id: offerId ?? '' }, pause: !offerId });
  const title = offerId ? t('matches.offers.editTitle') : t('matches.offers.newTitle');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const failed = errors.general.length > 0 || Object.keys(errors.fields).length > 0;
  usePageTitle(failed ? t('errors.titlePrefix', { title }) : title);
  const error = form.error ?? existing.error;
  const loaded = form.data && (!offerId || existing.data);
  if (toAppError(existing.error)?.kind === 'notFound') return <NotFoundPage />;
  return (
    <div className={styles.form}>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <p>
        <Link to="/me/offers">{t('matches.offers.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      {loaded ? (
        form.data?.me.creativeProfileId ? (
          <OfferForm
            creativeProfileId={form.data.me.creativeProfileId}
            reference={form.data.referenceData}
            offer={existing.data?.offer ?? null}
            errors={errors}
            setErrors={setErrors}
          />
        ) : (
          <NoProfile>{t('matches.noProfile.offers')}</NoProfile>
        )
      ) : error ? (
        <LoadError error={error} />
      ) : (
        <Loading />
      )}
    </div>
  );
}

function OfferForm({
  creativeProfileId,
  reference,
  offer,
  errors,
  setErrors,
}: {
  creativeProfileId: string;
  reference: Reference;
  offer: Offer | null;
  errors: FormErrors;
  setErrors: (errors: FormErrors) => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [created, create] = useMutation(CreateOfferMutation);
  const [updated, update] = useMutation(UpdateOfferMutation);
  const codes = (terms: readonly { code: string }[] | undefined) => terms?.map((term) => term.code) ?? [];
  const message = (field: string) => t(`matches.offers.error.${field}` as 'matches.offers.error.titleSl');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (created.fetching || updated.fetching) return;
    const values = read(event);
    const problems = checkOffer(values);
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: Object.fromEntries(Object.keys(problems).map((field) => [field, message(field)])), general: [] });
      return;
    }
    const input = {
      kind: values.kind,
      title: { sl: values.titleSl.trim() || null, en: values.titleEn.trim() || null },
      description: { sl: values.descriptionSl.trim() || null, en: values.descriptionEn.trim() || null },
      domains: values.domains,
      crafts: values.crafts,
      techniques: values.techniques,
      materials: values.materials,
      priceFromEur: priceOf(values.priceFromEur),
    };
    const done = (r: { error?: Parameters<typeof toAppError>[0] }, outcome: 'created' | 'saved') => {
      const appError = toAppError(r.error);
      if (!appError) {
        setErrors(NO_ERRORS);
        void navigate({ to: '/me/offers', search: { done: outcome } });
        return;
      }
      const mapped = appError.kind === 'input' ? { kind: 'input' as const, fields: Object.fromEntries(Object.entries(appError.fields).map(([k, v]) => [API_FIELD[k] ?? k, v])) } : appError;
      const described = describeError(t, i18n.language, mapped, FIELDS);
      // describeError words known fields from errors.field.*; this form has its own words.
      setErrors({ fields: Object.fromEntries(Object.keys(described.fields).map((field) => [field, message(field)])), general: described.general });
    };
    if (offer) void update({ id: offer.id, input }, { additionalTypenames: ['Offer'] }).then((r) => done(r, 'saved'));
    else void create({ input: { ...input, creativeProfileId } }, { additionalTypenames: ['Offer'] }).then((r) => done(r, 'created'));
  };

  return (
    <Form validationBehavior="aria" validationErrors={errors.fields} onSubmit={submit}>
      <p>{t('matches.offers.formLead')}</p>
      <fieldset className={styles.fieldset}>
        <legend>{t('matches.offers.field.title')}</legend>
        <TextField name="titleSl" label={t('matches.offers.field.titleSl')} defaultValue={offer?.title.sl ?? ''} description={t('matches.offers.field.titleHint')} maxLength={200} />
        <TextField name="titleEn" label={t('matches.offers.field.titleEn')} defaultValue={offer?.title.en ?? ''} optional maxLength={200} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('matches.offers.field.description')}</legend>
        <TextAreaField name="descriptionSl" label={t('matches.offers.field.descriptionSl')} defaultValue={offer?.description.sl ?? ''} description={t('matches.offers.field.descriptionHint')} />
        <TextAreaField name="descriptionEn" label={t('matches.offers.field.descriptionEn')} defaultValue={offer?.description.en ?? ''} optional />
      </fieldset>
      <RadioGroup name="kind" defaultValue={offer?.kind ?? 'SERVICE'} className={styles.group}>
        <Label className={uiStyles.label}>{t('matches.offers.field.kind')}</Label>
        <Radio value="SERVICE" className={`${choice.choice} ${styles.radio}`}>
          {t('matches.offers.kind.SERVICE')}
        </Radio>
        <Radio value="PRODUCT" className={`${choice.choice} ${styles.radio}`}>
          {t('matches.offers.kind.PRODUCT')}
        </Radio>
        <FieldError className={uiStyles.fieldError} />
      </RadioGroup>
      <TextField
        name="priceFromEur"
        label={t('matches.offers.field.priceFromEur')}
        description={t('matches.offers.field.priceHint')}
        optional
        inputMode="numeric"
        defaultValue={offer?.priceFromEur !== null && offer?.priceFromEur !== undefined ? String(offer.priceFromEur) : ''}
      />
      {VOCABULARIES.map((vocabulary) => (
        <CheckboxGroup key={vocabulary} name={vocabulary} defaultValue={codes(offer?.[vocabulary])} className={styles.group}>
          <Label className={uiStyles.label}>
            {t(`matches.offers.field.${vocabulary}`)} {t('common.optional')}
          </Label>
          <div className={styles.choices}>
            {reference[vocabulary].map((data) => {
              const label = pickText(i18n.language, data.label);
              return (
                <Checkbox key={data.code} value={data.code} className={choice.choice}>
                  <span className={choice.box} aria-hidden="true" />
                  <span lang={label?.lang}>{label?.text ?? data.code}</span>
                </Checkbox>
              );
            })}
          </div>
          <FieldError className={uiStyles.fieldError} />
        </CheckboxGroup>
      ))}
      <div className={styles.actions}>
        <Button type="submit" isPending={created.fetching || updated.fetching}>
          {offer ? t('matches.offers.save') : t('matches.offers.createDraft')}
        </Button>
        <Link to="/me/offers">{t('matches.offers.cancel')}</Link>
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
