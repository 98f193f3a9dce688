import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { formatDate } from '../../i18n/format.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { NotFoundPage } from '../../ui/NotFoundPage.js';
import { usePageTitle } from '../../ui/page.js';
import type { FormErrors } from '../account/describe-error.js';
import { ApiText } from '../matches/MatchExplanation.js';
import { LoadError, Loading } from '../matches/shared.js';
import { NeedForm, NO_ERRORS } from './NeedForm.js';
import styles from './orgneeds.module.css';
import { CreateNeedMutation, OrgNeedsQuery } from './queries.js';

const route = getRouteApi('/me/organisations/$organisationId/needs/');

/** An organisation's needs in every status, and the form that posts a new one (as a draft). */
export function OrgNeedsPage() {
  const { t, i18n } = useTranslation();
  const { organisationId } = route.useParams();
  const navigate = useNavigate();
  const [result] = useQuery({ query: OrgNeedsQuery, variables: { organisationId } });
  const [created, create] = useMutation(CreateNeedMutation);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const organisation = result.data?.organisation;
  const title = organisation ? t('orgNeeds.list.title', { organisation: organisation.name }) : t('orgNeeds.list.titlePlain');
  const failed = errors.general.length > 0 || Object.keys(errors.fields).length > 0;
  usePageTitle(failed ? t('errors.titlePrefix', { title }) : title);
  const appError = toAppError(result.error);
  if (appError?.kind === 'notFound') return <NotFoundPage />;
  if (appError?.kind === 'forbidden') {
    return (
      <>
        <h1 tabIndex={-1}>{title}</h1>
        <EmptyState>
          <p>{t('orgNeeds.list.forbidden')}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <h1 tabIndex={-1}>{title}</h1>
      <p>{t('orgNeeds.list.lead')}</p>
      {result.data ? (
        <>
          {result.data.organisationNeeds.nodes.length > 0 ? (
            <ul className={styles.list} aria-label={t('orgNeeds.list.listLabel')}>
              {result.data.organisationNeeds.nodes.map((need) => (
                <li key={need.id} className={styles.item}>
                  <h2 className={styles.itemTitle}>
                    <Link to="/me/organisations/$organisationId/needs/$needId" params={{ organisationId, needId: need.id }}>
                      <ApiText value={need.title} />
                    </Link>
                  </h2>
                  <p className={styles.small}>
                    <span className={styles.status} data-status={need.status}>
                      {t(`orgNeeds.status.${need.status}`)}
                    </span>
                    {' · '}
                    {need.publishedAt ? t('orgNeeds.list.published', { date: formatDate(i18n.language, need.publishedAt) }) : t('orgNeeds.list.updated', { date: formatDate(i18n.language, need.updatedAt) })}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>
              <p>{t('orgNeeds.list.empty')}</p>
            </EmptyState>
          )}
          <section aria-labelledby="new-need" className={styles.section}>
            <h2 id="new-need">{t('orgNeeds.new.title')}</h2>
            <p className={styles.hint}>{t('orgNeeds.new.lead')}</p>
            <NeedForm
              need={null}
              reference={result.data.referenceData}
              errors={errors}
              setErrors={setErrors}
              pending={created.fetching}
              submitLabel={t('orgNeeds.new.submit')}
              send={async (input) => {
                const r = await create({ input: { ...input, ownerOrganisationId: organisationId } }, { additionalTypenames: ['Need'] });
                const id = r.data?.createNeed.id;
                if (id) void navigate({ to: '/me/organisations/$organisationId/needs/$needId', params: { organisationId, needId: id }, search: { done: 'created' } });
                return r.error;
              }}
            />
          </section>
        </>
      ) : result.error ? (
        <LoadError error={result.error} />
      ) : (
        <Loading />
      )}
    </>
  );
}
