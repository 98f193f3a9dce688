import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner, EmptyState, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { usePageTitle } from '../../ui/page.js';
import type { FormErrors } from '../account/describe-error.js';
import {
  checkProfile, describeProfileError, LogoField, NO_ERRORS, ProfileFields, profileErrors, profileInput, useRoleLabel, useUploadState, type Place, type ProfileValues,
} from './fields.js';
import styles from './orgs.module.css';
import { CreateOrganisationMutation, MY_ORGANISATIONS_CONTEXT, MyOrganisationsQuery } from './queries.js';
import { uploadLogo } from './upload.js';

type Membership = ResultOf<typeof MyOrganisationsQuery>['me']['memberships'][number];

const EMPTY: ProfileValues = { kind: null, name: '', municipality: null, website: '', descriptionSl: '', descriptionEn: '' };

/** /me/organisations: the organisations I belong to, with my role, and creating a new one. */
export function MyOrganisationsPage() {
  const { t } = useTranslation();
  const [result] = useQuery({ query: MyOrganisationsQuery, context: MY_ORGANISATIONS_CONTEXT, requestPolicy: 'cache-and-network' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const failed = errors.general.length > 0 || Object.keys(errors.fields).length > 0;
  const title = t('orgs.mine.title');
  usePageTitle(failed ? t('errors.titlePrefix', { title }) : title);
  return (
    <>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <h1 tabIndex={-1}>{title}</h1>
      <p>{t('orgs.mine.lead')}</p>
      {result.data ? (
        <>
          <Memberships memberships={result.data.me.memberships} />
          <CreateForm places={result.data.referenceData.municipalities} errors={errors} setErrors={setErrors} />
        </>
      ) : result.error ? (
        <Banner tone="error">
          <p>{toAppError(result.error)?.kind === 'unavailable' ? t('errors.unavailable') : t('errors.unexpected')}</p>
        </Banner>
      ) : (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            {t('common.loading')}
          </p>
          <Skeleton width="80%" />
          <Skeleton width="60%" />
        </div>
      )}
    </>
  );
}

function Memberships({ memberships }: { memberships: readonly Membership[] }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title">{t('orgs.mine.count', { count: memberships.length })}</h2>
      {memberships.length === 0 ? (
        <EmptyState>
          <p>{t('orgs.mine.empty')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.cards}>
          {memberships.map(({ organisation, role }) => (
            <li key={organisation.id} className={styles.card}>
              {organisation.logo ? <img src={organisation.logo.url} alt="" width={56} height={56} className={styles.cardLogo} loading="lazy" /> : null}
              <div>
                <h3 className={styles.cardTitle}>
                  <Link to="/me/organisations/$organisationId" params={{ organisationId: organisation.id }}>
                    {organisation.name}
                  </Link>
                </h3>
                <p className={styles.small}>
                  {t('orgs.mine.meta', { kind: t(`organisations.kind.${organisation.kind}`), place: organisation.municipality.name })}
                </p>
                <p>{t('orgs.mine.yourRole', { role: roleLabel(role) })}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CreateForm({ places, errors, setErrors }: { places: readonly Place[]; errors: FormErrors; setErrors: (errors: FormErrors) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<ProfileValues>(EMPTY);
  const upload = useUploadState();
  const [created, create] = useMutation(CreateOrganisationMutation);
  const busy = created.fetching || upload.progress !== null;

  const submit = async () => {
    if (busy) return;
    const problems = checkProfile(values, upload.file);
    if (problems.length > 0) {
      setErrors(profileErrors(t, problems));
      return;
    }
    const result = await create({ input: profileInput(values) }, MY_ORGANISATIONS_CONTEXT);
    const appError = toAppError(result.error);
    if (appError || !result.data) {
      setErrors(describeProfileError(t, i18n.language, appError ?? { kind: 'unexpected' }, { forbidden: t('orgs.error.unverified') }));
      return;
    }
    const organisationId = result.data.createOrganisation.id;
    let done: 'created' | 'createdWithoutLogo' = 'created';
    if (upload.file) {
      upload.setProgress(0);
      const uploaded = await uploadLogo(organisationId, upload.file, upload.setProgress);
      upload.setProgress(null);
      // The organisation exists: its page says the logo did not arrive and offers to try again.
      if (!uploaded.ok) done = 'createdWithoutLogo';
    }
    setErrors(NO_ERRORS);
    void navigate({ to: '/me/organisations/$organisationId', params: { organisationId }, search: { done } });
  };

  return (
    <section aria-labelledby="create-title" className={styles.section}>
      <h2 id="create-title">{t('orgs.create.title')}</h2>
      <p>{t('orgs.create.lead')}</p>
      <Form
        validationBehavior="aria"
        validationErrors={errors.fields}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ProfileFields values={values} onChange={setValues} places={places} errors={errors} />
        <LogoField file={upload.file} onFile={upload.setFile} progress={upload.progress} error={errors.fields.file} />
        <div className={styles.actions}>
          <Button type="submit" isPending={busy}>
            {t('orgs.create.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
