import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { fromCode, toAppError } from '../../graphql/errors.js';
import { graphql } from '../../graphql/graphql.js';
import { currentAccount, signIn } from '../../session/session.js';
import { useSession } from '../../session/useSession.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { usePageTitle } from '../../ui/page.js';
import { TextField } from '../../ui/TextField.js';
import styles from './account.module.css';
import { describeError, type FormErrors } from './describe-error.js';

const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/** Page title with the GOV.UK "Error:" prefix while the form shows errors. */
function useFormTitle(title: string, errors: FormErrors) {
  const { t } = useTranslation();
  const failed = errors.general.length > 0 || Object.keys(errors.fields).length > 0;
  usePageTitle(failed ? t('errors.titlePrefix', { title }) : title);
}

function values(event: FormEvent<HTMLFormElement>): Record<string, string> {
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

/** Only an internal path may follow sign-in (never another origin). */
export function safeRedirect(value: string | undefined): string {
  return value && /^\/(?![/\\])/.test(value) ? value : '/';
}

const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      message
    }
  }
`);

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [state, signUp] = useMutation(SignUpMutation);
  useFormTitle(t('account.signUp.title'), errors);
  const fields = ['displayName', 'email', 'password'] as const;

  if (sentTo) {
    return (
      <div className={styles.narrow}>
        <Banner>
          <h1 tabIndex={-1}>{t('account.signUp.checkMail')}</h1>
          <p>{t('account.signUp.sent', { email: sentTo })}</p>
        </Banner>
        <p>
          <Link to="/sign-in">{t('account.signIn.title')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className={styles.narrow}>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <h1 tabIndex={-1}>{t('account.signUp.title')}</h1>
      <p>{t('account.signUp.lead')}</p>
      <Form
        validationBehavior="aria"
        validationErrors={errors.fields}
        onSubmit={(event) => {
          event.preventDefault();
          const v = values(event);
          const missing = fields.filter((f) => !v[f]?.trim() || (f === 'password' && v[f].length < 10));
          if (missing.length > 0) {
            setErrors({ fields: Object.fromEntries(missing.map((f) => [f, t(`errors.field.${f}`)])), general: [] });
            return;
          }
          void signUp({ input: { displayName: v.displayName, email: v.email, password: v.password, locale: i18n.language === 'en' ? 'en' : 'sl' } }).then((r) => {
            const error = toAppError(r.error);
            if (error) setErrors(describeError(t, i18n.language, error, fields));
            else {
              setErrors(NO_ERRORS);
              setSentTo(v.email);
            }
          });
        }}
      >
        <TextField name="displayName" label={t('account.field.displayName')} autoComplete="name" />
        <TextField name="email" type="email" label={t('account.field.email')} autoComplete="email" />
        <TextField name="password" type="password" label={t('account.field.newPassword')} description={t('account.field.passwordHint')} autoComplete="new-password" />
        <div className={styles.actions}>
          <Button type="submit" isPending={state.fetching}>
            {t('account.signUp.submit')}
          </Button>
          <Link to="/sign-in">{t('account.signUp.haveAccount')}</Link>
        </div>
      </Form>
    </div>
  );
}

const ResendVerificationMutation = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);

/**
 * Mails a new confirmation link to the signed-in account (at most 3 an hour): says where it went,
 * when to try again after the limit, or that the address is already confirmed.
 */
export function ResendVerification({ email }: { email: string }) {
  const { t, i18n } = useTranslation();
  const [state, resend] = useMutation(ResendVerificationMutation);
  const [sentAt, setSentAt] = useState<number | null>(null);
  const error = toAppError(state.error);
  const message = error
    ? describeError(t, i18n.language, error, [], { invalidState: t('account.resend.alreadyVerified'), unauthenticated: t('account.resend.signInFirst') }).general
    : [];
  return (
    <div className={styles.resend}>
      {sentAt && !error ? (
        <Banner>
          <p>{t('account.resend.sent', { email })}</p>
        </Banner>
      ) : null}
      {message.length > 0 ? (
        <Banner tone="error">
          {message.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Banner>
      ) : null}
      <Button
        variant="secondary"
        isPending={state.fetching}
        onPress={() => {
          void resend({}).then((r) => {
            if (!r.error) setSentAt(Date.now());
          });
        }}
      >
        {t('account.resend.submit')}
      </Button>
    </div>
  );
}

const signInRoute = getRouteApi('/sign-in');

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const search = signInRoute.useSearch();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [pending, setPending] = useState(false);
  const [unverified, setUnverified] = useState<string | null>(null);
  useFormTitle(unverified ? t('account.resend.title') : t('account.signIn.title'), errors);
  const fields = ['email', 'password'] as const;
  if (unverified) {
    return (
      <div className={styles.narrow}>
        <h1 tabIndex={-1}>{t('account.resend.title')}</h1>
        <p>{t('account.resend.lead', { email: unverified })}</p>
        <ResendVerification email={unverified} />
        <div className={styles.actions}>
          <Button variant="secondary" onPress={() => void navigate({ href: safeRedirect(search.redirect) })}>
            {t('account.resend.continue')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className={styles.narrow}>
      {search.signedOut ? (
        <Banner>
          <p>{t('account.signIn.signedOut')}</p>
        </Banner>
      ) : null}
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <h1 tabIndex={-1}>{t('account.signIn.title')}</h1>
      <Form
        validationBehavior="aria"
        validationErrors={errors.fields}
        onSubmit={(event) => {
          event.preventDefault();
          const v = values(event);
          const missing = fields.filter((f) => !v[f]?.trim());
          if (missing.length > 0) {
            setErrors({ fields: Object.fromEntries(missing.map((f) => [f, t(`errors.field.${f}`)])), general: [] });
            return;
          }
          setPending(true);
          void signIn(v.email, v.password)
            .then((failure) => {
              if (!failure) {
                setErrors(NO_ERRORS);
                const account = currentAccount();
                // An unconfirmed address: offer a new link before going on.
                if (account && !account.emailVerified) setUnverified(account.email);
                else void navigate({ href: safeRedirect(search.redirect) });
                return;
              }
              setErrors(describeError(t, i18n.language, fromCode(failure.code, failure.retryAfterSeconds), fields, { unauthenticated: t('account.signIn.wrong') }));
            })
            .catch(() => setErrors({ fields: {}, general: [t('errors.unavailable')] }))
            .finally(() => setPending(false));
        }}
      >
        <TextField name="email" type="email" label={t('account.field.email')} autoComplete="email" />
        <TextField name="password" type="password" label={t('account.field.password')} autoComplete="current-password" />
        <div className={styles.actions}>
          <Button type="submit" isPending={pending}>
            {t('account.signIn.submit')}
          </Button>
          <Link to="/forgot-password">{t('account.signIn.forgot')}</Link>
          <Link to="/sign-up">{t('account.signIn.noAccount')}</Link>
        </div>
      </Form>
    </div>
  );
}

const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

const verifyRoute = getRouteApi('/verify-email');

export function VerifyEmailPage() {
  const { t, i18n } = useTranslation();
  const { token } = verifyRoute.useSearch();
  const [state, verify] = useMutation(VerifyEmailMutation);
  const account = useSession();
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    void verify({ token });
  }, [token, verify]);
  const error = token ? toAppError(state.error) : fromCode('BAD_USER_INPUT');
  const done = state.data?.verifyEmail === true;
  usePageTitle(done ? t('account.verify.doneTitle') : error ? t('account.verify.failedTitle') : t('account.verify.title'));
  if (done) {
    return (
      <div className={styles.narrow}>
        <Banner>
          <h1 tabIndex={-1}>{t('account.verify.doneTitle')}</h1>
          <p>{t('account.verify.done')}</p>
        </Banner>
        <p>
          <Link to="/sign-in">{t('account.signIn.title')}</Link>
        </p>
      </div>
    );
  }
  if (error) {
    const message = describeError(t, i18n.language, error, [], { invalidState: t('account.link.usedOrExpired'), token: t('account.link.invalid'), input: t('account.link.invalid') }).general;
    return (
      <div className={styles.narrow}>
        <h1 tabIndex={-1}>{t('account.verify.failedTitle')}</h1>
        <Banner tone="error">
          {message.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Banner>
        {account && !account.emailVerified ? (
          <>
            <p>{t('account.resend.fromLink', { email: account.email })}</p>
            <ResendVerification email={account.email} />
          </>
        ) : account ? (
          <p>
            <Link to="/">{t('account.resend.home')}</Link>
          </p>
        ) : (
          <>
            <p>{t('account.verify.nextStep')}</p>
            <p>
              <Link to="/sign-in">{t('account.signIn.title')}</Link>
            </p>
          </>
        )}
      </div>
    );
  }
  return (
    <div className={styles.narrow} aria-busy="true">
      <h1 tabIndex={-1}>{t('account.verify.title')}</h1>
      <p role="status">{t('account.verify.working')}</p>
      <Skeleton width="70%" />
    </div>
  );
}

const RequestResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [state, request] = useMutation(RequestResetMutation);
  useFormTitle(t('account.forgot.title'), errors);
  if (sentTo) {
    return (
      <div className={styles.narrow}>
        <Banner>
          <h1 tabIndex={-1}>{t('account.signUp.checkMail')}</h1>
          <p>{t('account.forgot.sent', { email: sentTo })}</p>
        </Banner>
      </div>
    );
  }
  return (
    <div className={styles.narrow}>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <h1 tabIndex={-1}>{t('account.forgot.title')}</h1>
      <p>{t('account.forgot.lead')}</p>
      <Form
        validationBehavior="aria"
        validationErrors={errors.fields}
        onSubmit={(event) => {
          event.preventDefault();
          const v = values(event);
          if (!v.email?.trim()) {
            setErrors({ fields: { email: t('errors.field.email') }, general: [] });
            return;
          }
          void request({ email: v.email }).then((r) => {
            const error = toAppError(r.error);
            if (error) setErrors(describeError(t, i18n.language, error, ['email']));
            else setSentTo(v.email);
          });
        }}
      >
        <TextField name="email" type="email" label={t('account.field.email')} autoComplete="email" />
        <Button type="submit" isPending={state.fetching}>
          {t('account.forgot.submit')}
        </Button>
      </Form>
    </div>
  );
}

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

const resetRoute = getRouteApi('/reset-password');

export function ResetPasswordPage() {
  const { t, i18n } = useTranslation();
  const { token } = resetRoute.useSearch();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, reset] = useMutation(ResetPasswordMutation);
  useFormTitle(t('account.reset.title'), errors);
  if (state.data?.resetPassword) {
    return (
      <div className={styles.narrow}>
        <Banner>
          <h1 tabIndex={-1}>{t('account.reset.doneTitle')}</h1>
          <p>{t('account.reset.done')}</p>
        </Banner>
        <p>
          <Link to="/sign-in">{t('account.signIn.title')}</Link>
        </p>
      </div>
    );
  }
  const linkFailed = errors.general.length > 0 && !Object.keys(errors.fields).length;
  return (
    <div className={styles.narrow}>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <h1 tabIndex={-1}>{t('account.reset.title')}</h1>
      {!token ? (
        <Banner tone="error">
          <p>{t('account.link.invalid')}</p>
        </Banner>
      ) : null}
      <Form
        validationBehavior="aria"
        validationErrors={errors.fields}
        onSubmit={(event) => {
          event.preventDefault();
          const v = values(event);
          if ((v.newPassword ?? '').length < 10) {
            setErrors({ fields: { newPassword: t('errors.field.newPassword') }, general: [] });
            return;
          }
          void reset({ token: token ?? '', newPassword: v.newPassword }).then((r) => {
            const error = toAppError(r.error);
            if (error) setErrors(describeError(t, i18n.language, error, ['newPassword'], { invalidState: t('account.link.usedOrExpired') }));
          });
        }}
      >
        <TextField name="newPassword" type="password" label={t('account.field.newPassword')} description={t('account.field.passwordHint')} autoComplete="new-password" />
        <div className={styles.actions}>
          <Button type="submit" isPending={state.fetching}>
            {t('account.reset.submit')}
          </Button>
          {linkFailed || !token ? <Link to="/forgot-password">{t('account.reset.newLink')}</Link> : null}
        </div>
      </Form>
    </div>
  );
}

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      id
      kind
      organisationId
    }
  }
`);

const invitationRoute = getRouteApi('/invitations/accept');

export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const { token } = invitationRoute.useSearch();
  const account = useSession();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, accept] = useMutation(AcceptInvitationMutation);
  useFormTitle(t('account.invitation.title'), errors);
  const here = `/invitations/accept?token=${encodeURIComponent(token ?? '')}`;
  if (state.data?.acceptInvitation) {
    return (
      <div className={styles.narrow}>
        <Banner>
          <h1 tabIndex={-1}>{t('account.invitation.doneTitle')}</h1>
          <p>{t('account.invitation.done')}</p>
        </Banner>
        <p>
          {state.data.acceptInvitation.organisationId ? (
            <Link to="/me/organisations/$organisationId" params={{ organisationId: state.data.acceptInvitation.organisationId }}>
              {t('orgs.accepted.open')}
            </Link>
          ) : (
            <Link to="/">{t('notFound.home')}</Link>
          )}
        </p>
      </div>
    );
  }
  return (
    <div className={styles.narrow}>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <h1 tabIndex={-1}>{t('account.invitation.title')}</h1>
      {!token ? (
        <>
          <Banner tone="error">
            <p>{t('account.link.invalid')}</p>
          </Banner>
          <p>{t('account.invitation.askAgain')}</p>
        </>
      ) : !account ? (
        <>
          <p>{t('account.invitation.signInFirst')}</p>
          <div className={styles.actions}>
            <Link to="/sign-in" search={{ redirect: here }}>
              {t('account.signIn.title')}
            </Link>
            <Link to="/sign-up">{t('layout.signUp')}</Link>
          </div>
        </>
      ) : (
        <>
          <p>{t('account.invitation.lead', { name: account.displayName })}</p>
          <Button
            isPending={state.fetching}
            onPress={() => {
              void accept({ token }).then((r) => {
                const error = toAppError(r.error);
                if (error) {
                  setErrors(
                    describeError(t, i18n.language, error, [], {
                      invalidState: t('account.link.usedOrExpired'),
                      forbidden: t('account.invitation.otherAddress'),
                      notFound: t('account.link.invalid'),
                    }),
                  );
                }
              });
            }}
          >
            {t('account.invitation.submit')}
          </Button>
          {errors.general.length > 0 ? <p>{t('account.invitation.askAgain')}</p> : null}
        </>
      )}
    </div>
  );
}
