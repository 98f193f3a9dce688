import { getRouteApi } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { graphql } from '../../graphql/graphql.js';
import { formatDate } from '../../i18n/format.js';
import { signIn } from '../../session/session.js';
import { useSession } from '../../session/useSession.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { usePageTitle } from '../../ui/page.js';
import { TextField } from '../../ui/TextField.js';
import { describeError, type FormErrors } from '../account/describe-error.js';
import styles from '../account/account.module.css';
import choice from '../../ui/choice.module.css';
import own from './onboarding.module.css';

const CreativeInvitationQuery = graphql(`
  query CreativeInvitation($token: String!) {
    creativeInvitation(token: $token) {
      status
      email
      note
      importedBy
      expiresAt
      accountExists
      consentExplanationVersion
      consentExplanation {
        sl
        en
      }
      profile {
        displayName
        kind
        municipality
        languages
        bioSl
        bioEn
        crafts
        skills
        techniques
        materials
        portfolioLinks
      }
    }
  }
`);

const AcceptMutation = graphql(`
  mutation AcceptCreativeInvitation($token: String!, $password: String, $consent: Boolean!, $version: String, $locale: Locale) {
    acceptCreativeInvitation(token: $token, password: $password, matchingConsent: $consent, explanationVersion: $version, locale: $locale) {
      creativeProfileId
      email
      accountCreated
    }
  }
`);

const DeclineMutation = graphql(`
  mutation DeclineCreativeInvitation($token: String!) {
    declineCreativeInvitation(token: $token)
  }
`);

const route = getRouteApi('/creative-invitations/accept');
const NO_ERRORS: FormErrors = { fields: {}, general: [] };
const LIST_FIELDS = ['languages', 'crafts', 'skills', 'techniques', 'materials', 'portfolioLinks'] as const;

/** /creative-invitations/accept: an imported creative sees what would be created, the consent explanation, and accepts or declines. */
export function CreativeInvitationPage() {
  const { t, i18n } = useTranslation();
  const { token } = route.useSearch();
  const account = useSession();
  usePageTitle(t('onboarding.title'));
  const [result] = useQuery({ query: CreativeInvitationQuery, variables: { token: token ?? '' }, pause: !token, requestPolicy: 'network-only' });
  const [acceptState, accept] = useMutation(AcceptMutation);
  const [declineState, decline] = useMutation(DeclineMutation);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  /** Set once accepted and (for a new account) signed in, so the link to the profile finds a session. */
  const [finished, setFinished] = useState(false);
  const here = `/creative-invitations/accept?token=${encodeURIComponent(token ?? '')}`;

  if (finished) {
    return (
      <div className={styles.narrow}>
        <Banner>
          <h1 tabIndex={-1}>{t('onboarding.accepted')}</h1>
          <p>{t('onboarding.acceptedLead')}</p>
        </Banner>
        <p>
          <Link to="/me/profile">{t('onboarding.toProfile')}</Link>
        </p>
      </div>
    );
  }
  if (declineState.data?.declineCreativeInvitation) {
    return (
      <div className={styles.narrow}>
        <Banner>
          <h1 tabIndex={-1}>{t('onboarding.declined')}</h1>
          <p>{t('onboarding.declinedLead')}</p>
        </Banner>
      </div>
    );
  }
  const invalid = (
    <div className={styles.narrow}>
      <h1 tabIndex={-1}>{t('onboarding.title')}</h1>
      <Banner tone="error">
        <p>{t('onboarding.invalidLink')}</p>
      </Banner>
    </div>
  );
  if (!token) return invalid;
  const loadError = toAppError(result.error);
  if (loadError) return loadError.kind === 'input' ? invalid : (
    <div className={styles.narrow}>
      <Banner tone="error">
        <p>{t(`errors.${loadError.kind === 'unavailable' ? 'unavailable' : 'unexpected'}`)}</p>
      </Banner>
    </div>
  );
  const invitation = result.data?.creativeInvitation;
  if (!invitation) return <Skeleton />;
  if (invitation.status !== 'PENDING' || !invitation.profile) {
    return (
      <div className={styles.narrow}>
        <h1 tabIndex={-1}>{t('onboarding.title')}</h1>
        <Banner>
          <p>{t(`onboarding.status.${invitation.status === 'PENDING' ? 'EXPIRED' : invitation.status}`)}</p>
        </Banner>
      </div>
    );
  }
  const profile = invitation.profile;
  const english = i18n.language === 'en';
  const explanation = english ? invitation.consentExplanation.en : invitation.consentExplanation.sl;
  const needsSignIn = invitation.accountExists && !account;
  const fail = (error: ReturnType<typeof toAppError>) => {
    if (error) setErrors(describeError(t, i18n.language, error, ['password'], { invalidState: t('onboarding.status.EXPIRED') }));
  };

  return (
    <div className={styles.narrow}>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <h1 tabIndex={-1}>{t('onboarding.title')}</h1>
      <p>{t('onboarding.lead', { importer: invitation.importedBy })}</p>
      {invitation.note ? (
        <figure>
          <figcaption>{t('onboarding.note')}</figcaption>
          <blockquote>{invitation.note}</blockquote>
        </figure>
      ) : null}
      <p>{t('onboarding.expires', { date: formatDate(i18n.language, String(invitation.expiresAt)) })}</p>

      <section aria-labelledby="invited-profile">
        <h2 id="invited-profile">{t('onboarding.profileTitle')}</h2>
        <p>{t('onboarding.profileHint')}</p>
        <dl className={own.profile}>
          <dt>{t('onboarding.field.displayName')}</dt>
          <dd>{profile.displayName}</dd>
          <dt>{t('onboarding.field.email')}</dt>
          <dd>{invitation.email}</dd>
          <dt>{t('onboarding.field.kind')}</dt>
          <dd>{t(`creatives.kind.${profile.kind}`, { defaultValue: profile.kind })}</dd>
          <dt>{t('onboarding.field.municipality')}</dt>
          <dd>{profile.municipality}</dd>
          {profile.bioSl ? (
            <>
              <dt>{t('onboarding.field.bioSl')}</dt>
              <dd lang="sl">{profile.bioSl}</dd>
            </>
          ) : null}
          {profile.bioEn ? (
            <>
              <dt>{t('onboarding.field.bioEn')}</dt>
              <dd lang="en">{profile.bioEn}</dd>
            </>
          ) : null}
          {LIST_FIELDS.filter((f) => profile[f].length > 0).map((f) => (
            <Fragment key={f}>
              <dt>{t(`onboarding.field.${f}`)}</dt>
              <dd>{profile[f].join(', ')}</dd>
            </Fragment>
          ))}
        </dl>
      </section>

      <section aria-labelledby="invitation-consent">
        <h2 id="invitation-consent">{t('onboarding.consentTitle')}</h2>
        {explanation.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>

      {needsSignIn ? (
        <>
          <p>{t('onboarding.existingAccount', { email: invitation.email })}</p>
          <p>
            <Link to="/sign-in" search={{ redirect: here }}>
              {t('onboarding.signIn')}
            </Link>
          </p>
        </>
      ) : (
        <Form
          validationErrors={errors.fields}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const password = typeof data.get('password') === 'string' ? (data.get('password') as string) : '';
            setErrors(NO_ERRORS);
            void accept({
              token,
              password: invitation.accountExists ? null : password,
              consent,
              version: invitation.consentExplanationVersion,
              locale: english ? 'en' : 'sl',
            }).then(async (r) => {
              const error = toAppError(r.error);
              if (error) return fail(error);
              const done = r.data?.acceptCreativeInvitation;
              if (done?.accountCreated) await signIn(done.email, password);
              setFinished(true);
            });
          }}
        >
          <Checkbox isSelected={consent} onChange={setConsent} name="matchingConsent" className={`${choice.choice} ${own.consent}`}>
            <span className={choice.box} aria-hidden="true" />
            <span>{t('onboarding.consent')}</span>
          </Checkbox>
          {invitation.accountExists ? null : (
            <TextField name="password" type="password" label={t('onboarding.password')} description={t('onboarding.passwordHint')} autoComplete="new-password" isRequired />
          )}
          <div className={styles.actions}>
            <Button type="submit" isPending={acceptState.fetching}>
              {t('onboarding.accept')}
            </Button>
            <Button
              variant="secondary"
              isPending={declineState.fetching}
              onPress={() => {
                void decline({ token }).then((r) => fail(toAppError(r.error)));
              }}
            >
              {t('onboarding.decline')}
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}
