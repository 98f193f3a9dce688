import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { pickText } from '../../i18n/format.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Button } from '../../ui/Button.js';
import { Banner, EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { NotFoundPage } from '../../ui/NotFoundPage.js';
import { usePageTitle } from '../../ui/page.js';
import type { FormErrors } from '../account/describe-error.js';
import { ApiText, percent, ScoreMeter } from '../matches/MatchExplanation.js';
import { LoadError, Loading } from '../matches/shared.js';
import { formErrors, NeedForm, NO_ERRORS } from './NeedForm.js';
import styles from './orgneeds.module.css';
import { CloseNeedMutation, ContactCreativeMutation, OrgNeedQuery, PublishNeedMutation, UpdateNeedMutation } from './queries.js';

const route = getRouteApi('/me/organisations/$organisationId/needs/$needId');
type Data = ResultOf<typeof OrgNeedQuery>;
type Factor = Data['matchesForNeed']['creatives'][number]['factors'][number];
const FACTORS = ['domains', 'crafts', 'skills', 'text', 'location', 'languages', 'availability', 'pastOutcomes'];

/** One need of the organisation: edit, publish or close it, see who matches and contact them through the platform. */
export function OrgNeedPage() {
  const { t, i18n } = useTranslation();
  const { organisationId, needId } = route.useParams();
  const { done } = route.useSearch();
  const navigate = useNavigate();
  const [result] = useQuery({ query: OrgNeedQuery, variables: { id: needId } });
  const [updated, update] = useMutation(UpdateNeedMutation);
  const [published, publish] = useMutation(PublishNeedMutation);
  const [closed, close] = useMutation(CloseNeedMutation);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const need = result.data?.need;
  const title = (need ? pickText(i18n.language, need.title)?.text : null) ?? t('orgNeeds.need.titlePlain');
  const failed = errors.general.length > 0 || Object.keys(errors.fields).length > 0;
  usePageTitle(failed ? t('errors.titlePrefix', { title }) : title);
  if (toAppError(result.error)?.kind === 'notFound' && !need) return <NotFoundPage />;
  const outcome = (next: 'saved' | 'published' | 'closed') => void navigate({ to: '.', search: { done: next }, replace: true });

  const onPublish = () => {
    void publish({ id: needId }, { additionalTypenames: ['Need'] }).then((r) => {
      setErrors(formErrors(t, i18n.language, r.error));
      if (!r.error) outcome('published');
    });
  };
  const onClose = () => {
    void close({ id: needId }, { additionalTypenames: ['Need'] }).then((r) => {
      setErrors(formErrors(t, i18n.language, r.error));
      if (!r.error) outcome('closed');
    });
  };

  return (
    <>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <p>
        <Link to="/me/organisations/$organisationId/needs" params={{ organisationId }}>
          {t('orgNeeds.need.back')}
        </Link>
      </p>
      <h1 tabIndex={-1}>{need ? <ApiText value={need.title} /> : title}</h1>
      {need ? (
        <>
          <p>
            <span className={styles.status} data-status={need.status}>
              {t(`orgNeeds.status.${need.status}`)}
            </span>
            {need.status !== 'DRAFT' ? (
              <>
                {' · '}
                <Link to="/needs/$needId" params={{ needId }}>
                  {t('orgNeeds.need.publicPage')}
                </Link>
              </>
            ) : null}
          </p>
          {done ? (
            <Banner>
              <p>{t(`orgNeeds.done.${done}`)}</p>
            </Banner>
          ) : null}
          {need.status === 'DRAFT' ? (
            <section className={styles.panel} aria-labelledby="publish-need">
              <h2 id="publish-need">{t('orgNeeds.publish.title')}</h2>
              <p>{t('orgNeeds.publish.lead')}</p>
              <Button onPress={onPublish} isPending={published.fetching}>
                {t('orgNeeds.publish.action')}
              </Button>
            </section>
          ) : need.status === 'PUBLISHED' ? (
            <p>
              <Button variant="secondary" onPress={onClose} isPending={closed.fetching}>
                {t('orgNeeds.publish.close')}
              </Button>
            </p>
          ) : null}
          <Matches data={result.data as Data} needId={needId} publishedNeed={need.status === 'PUBLISHED'} />
          <section aria-labelledby="edit-need" className={styles.section}>
            <h2 id="edit-need">{t('orgNeeds.need.editTitle')}</h2>
            {need.status === 'CLOSED' ? (
              <p>{t('orgNeeds.need.closedNote')}</p>
            ) : (
              <NeedForm
                key={need.updatedAt}
                need={need}
                reference={(result.data as Data).referenceData}
                errors={errors}
                setErrors={setErrors}
                pending={updated.fetching}
                submitLabel={t('orgNeeds.need.save')}
                send={async (input) => {
                  const r = await update({ id: needId, input }, { additionalTypenames: ['Need'] });
                  if (!r.error) outcome('saved');
                  return r.error;
                }}
              />
            )}
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

function Reasons({ factors }: { factors: readonly Factor[] }) {
  const { t } = useTranslation();
  return (
    <ul className={styles.factors}>
      {factors
        .filter((f) => f.contribution > 0 || f.score > 0)
        .map((f) => (
          <li key={f.factor}>
            <span className={styles.factorName}>{FACTORS.includes(f.factor) ? t(`orgNeeds.factor.${f.factor}`) : f.factor}</span>{' '}
            <span className={styles.small}>{t('orgNeeds.matches.points', { count: percent(f.contribution) })}</span>
            <br />
            <ApiText value={f.reason} />
          </li>
        ))}
    </ul>
  );
}

type ContactState = 'sent' | 'already' | 'failed';

/** Matched creatives and offers with the reasons, each with "contact through Modrotisk" once the need is published. */
function Matches({ data, needId, publishedNeed }: { data: Data; needId: string; publishedNeed: boolean }) {
  const { t } = useTranslation();
  const [contacting, contact] = useMutation(ContactCreativeMutation);
  const [states, setStates] = useState<Record<string, ContactState>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const matches = data.matchesForNeed;
  const onContact = (key: string, creativeProfileId: string) => {
    setBusy(key);
    void contact({ needId, creativeProfileId }).then((r) => {
      setBusy(null);
      setStates((s) => ({ ...s, [key]: r.error ? 'failed' : r.data?.contactCreativeAboutNeed ? 'sent' : 'already' }));
    });
  };
  const action = (key: string, creativeProfileId: string, name: string) =>
    publishedNeed ? (
      <div className={styles.actions}>
        {states[key] === 'sent' || states[key] === 'already' ? null : (
          <Button variant="secondary" onPress={() => onContact(key, creativeProfileId)} isPending={contacting.fetching && busy === key} aria-label={t('orgNeeds.matches.contactNamed', { name })}>
            {t('orgNeeds.matches.contact')}
          </Button>
        )}
        <p role="status" className={states[key] === 'failed' ? styles.error : styles.sent}>
          {states[key] ? t(`orgNeeds.matches.${states[key]}`, { name }) : ''}
        </p>
      </div>
    ) : null;

  return (
    <section aria-labelledby="need-matches" className={styles.section}>
      <h2 id="need-matches">{t('orgNeeds.matches.title')}</h2>
      <p className={styles.hint}>{publishedNeed ? t('orgNeeds.matches.lead') : t('orgNeeds.matches.publishFirst')}</p>
      <h3>{t('orgNeeds.matches.creatives')}</h3>
      {matches.creatives.length > 0 ? (
        <ul className={styles.list}>
          {matches.creatives.map((m) => (
            <li key={m.creative.id} className={styles.match}>
              <h4 className={styles.matchHeading}>
                <Link to="/creatives/$creativeId" params={{ creativeId: m.creative.id }}>
                  {m.creative.displayName}
                </Link>
              </h4>
              {m.creative.municipality ? <p className={styles.small}>{m.creative.municipality.name}</p> : null}
              <ScoreMeter score={m.score} label={t('orgNeeds.matches.score')} />
              <Reasons factors={m.factors} />
              {action(`creative:${m.creative.id}`, m.creative.id, m.creative.displayName)}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>
          <p>{t('orgNeeds.matches.noCreatives')}</p>
        </EmptyState>
      )}
      <h3>{t('orgNeeds.matches.offers')}</h3>
      {matches.offers.length > 0 ? (
        <ul className={styles.list}>
          {matches.offers.map((m) => (
            <li key={m.offer.id} className={styles.match}>
              <h4 className={styles.matchHeading}>
                <Link to="/offers/$offerId" params={{ offerId: m.offer.id }}>
                  <ApiText value={m.offer.title} />
                </Link>
              </h4>
              <p className={styles.small}>{t('orgNeeds.matches.by', { name: m.offer.creative.displayName })}</p>
              <ScoreMeter score={m.score} label={t('orgNeeds.matches.score')} />
              <Reasons factors={m.factors} />
              {action(`offer:${m.offer.id}`, m.offer.creative.id, m.offer.creative.displayName)}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>
          <p>{t('orgNeeds.matches.noOffers')}</p>
        </EmptyState>
      )}
    </section>
  );
}
