import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { fromCode, toAppError } from '../../graphql/errors.js';
import { formatDate, formatDateTime, formatRelative } from '../../i18n/format.js';
import { accessToken, signOut } from '../../session/session.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner, EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { Loaded } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import { TextField } from '../../ui/TextField.js';
import styles from './mydata.module.css';
import { exportFileName } from './export-file.js';
import { DeleteAccountMutation, MyDataQuery } from './queries.js';

interface Errors {
  fields: Record<string, string>;
  general: string[];
}
const NO_ERRORS: Errors = { fields: {}, general: [] };

/** /me/data: download my data, my consent history, delete my account. */
export function MyDataPage() {
  const { t } = useTranslation();
  const [result] = useQuery({ query: MyDataQuery, requestPolicy: 'cache-and-network' });
  usePageTitle(t('myData.title'));
  return (
    <Loaded result={result}>
      {(data) => (
        <>
          <h1 tabIndex={-1}>{t('myData.title')}</h1>
          <p>{t('myData.lead')}</p>
          <ExportSection />
          <ConsentHistory profile={data.me.creativeProfile ?? null} />
          <EraseSection />
        </>
      )}
    </Loaded>
  );
}

function ExportSection() {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const download = async () => {
    setPending(true);
    setMessage(null);
    try {
      const token = await accessToken();
      const response = await fetch('/account/export', { headers: token ? { authorization: `Bearer ${token}` } : {}, credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      const name = exportFileName(response.headers.get('content-disposition'));
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = name;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ tone: 'success', text: t('myData.export.done', { name }) });
    } catch {
      setMessage({ tone: 'error', text: t('myData.export.failed') });
    } finally {
      setPending(false);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="export-title">
      <h2 id="export-title">{t('myData.export.title')}</h2>
      <p>{t('myData.export.lead')}</p>
      {message ? (
        <Banner tone={message.tone}>
          <p>{message.text}</p>
        </Banner>
      ) : null}
      <Button isPending={pending} onPress={() => void download()}>
        {t('myData.export.download')}
      </Button>
    </section>
  );
}

type Change = { given: boolean; explanationVersion: string; occurredAt: unknown };

function ConsentHistory({ profile }: { profile: { matchingConsentHistory: readonly Change[] | null } | null }) {
  const { t, i18n } = useTranslation();
  const history = profile?.matchingConsentHistory ?? [];
  const version = (v: string) =>
    v === 'unrecorded' ? t('myData.consent.versionUnrecorded') : /^\d{4}-\d{2}-\d{2}$/.test(v) ? t('myData.consent.versionOf', { date: formatDate(i18n.language, `${v}T12:00:00Z`) }) : v;
  return (
    <section className={styles.section} aria-labelledby="consent-history-title">
      <h2 id="consent-history-title">{t('myData.consent.title')}</h2>
      <p>{t('myData.consent.lead')}</p>
      {!profile || history.length === 0 ? (
        <EmptyState>
          <p>{profile ? t('myData.consent.empty') : t('myData.consent.noProfile')}</p>
          <Link to="/me/profile">{t('myData.consent.toProfile')}</Link>
        </EmptyState>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('myData.consent.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('myData.consent.when')}</th>
                <th scope="col">{t('myData.consent.change')}</th>
                <th scope="col">{t('myData.consent.version')}</th>
              </tr>
            </thead>
            <tbody>
              {[...history].reverse().map((change) => (
                <tr key={`${String(change.occurredAt)}-${String(change.given)}`}>
                  <td>
                    <time dateTime={String(change.occurredAt)}>{formatDateTime(i18n.language, String(change.occurredAt))}</time>
                  </td>
                  <td>{change.given ? t('myData.consent.given') : t('myData.consent.withdrawn')}</td>
                  <td>{version(change.explanationVersion)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EraseSection() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [confirming, setConfirming] = useState(false);
  const [state, erase] = useMutation(DeleteAccountMutation);

  const describe = (error: ReturnType<typeof toAppError>): Errors => {
    if (!error) return NO_ERRORS;
    switch (error.kind) {
      case 'input':
        return { fields: { password: t('myData.erase.passwordError') }, general: [] };
      case 'rateLimited':
        return { fields: {}, general: [t('errors.rateLimited', { when: formatRelative(i18n.language, new Date(Date.now() + error.retryAfterSeconds * 1000)) })] };
      case 'invalidState':
        return { fields: {}, general: [t('myData.erase.soleOwner')] };
      case 'notFound':
      case 'unauthenticated':
      case 'forbidden':
      case 'unavailable':
      case 'unexpected':
        return { fields: {}, general: [t(`errors.${error.kind}`)] };
    }
  };

  const confirm = async () => {
    const result = await erase({ password });
    setConfirming(false);
    if (result.error || !result.data?.deleteMyAccount) {
      setErrors(describe(toAppError(result.error) ?? fromCode(undefined)));
      return;
    }
    // The sessions ended on the server; leave the signed-in area first, then forget the session here.
    await navigate({ to: '/account-deleted', replace: true });
    await signOut();
  };

  return (
    <section className={styles.section} aria-labelledby="erase-title">
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <h2 id="erase-title">{t('myData.erase.title')}</h2>
      <p>
        <strong>{t('myData.erase.lead')}</strong>
      </p>
      <h3>{t('myData.erase.deletedTitle')}</h3>
      <ul>
        <li>{t('myData.erase.deleted1')}</li>
        <li>{t('myData.erase.deleted2')}</li>
        <li>{t('myData.erase.deleted3')}</li>
      </ul>
      <h3>{t('myData.erase.keptTitle')}</h3>
      <ul>
        <li>{t('myData.erase.kept1')}</li>
        <li>{t('myData.erase.kept2')}</li>
      </ul>
      <Form
        validationBehavior="aria"
        validationErrors={errors.fields}
        onSubmit={(event) => {
          event.preventDefault();
          if (!password) {
            setErrors({ fields: { password: t('myData.erase.passwordError') }, general: [] });
            return;
          }
          setErrors(NO_ERRORS);
          setConfirming(true);
        }}
      >
        <TextField
          name="password"
          type="password"
          label={t('myData.erase.password')}
          description={t('myData.erase.passwordHint')}
          autoComplete="current-password"
          value={password}
          onChange={(value) => {
            setPassword(value);
            // The message is answered: without it the field does not re-show it on blur (and the button under it stays put).
            if (errors.fields.password) setErrors(NO_ERRORS);
          }}
        />
        <div className={styles.actions}>
          <Button type="submit" isPending={state.fetching}>
            {t('myData.erase.submit')}
          </Button>
        </div>
      </Form>
      <ModalOverlay isOpen={confirming} onOpenChange={setConfirming} className={styles.overlay}>
        <Modal className={styles.modal}>
          <Dialog role="alertdialog" className={styles.dialog}>
            <Heading slot="title">{t('myData.erase.confirmTitle')}</Heading>
            <p>{t('myData.erase.confirmBody')}</p>
            <div className={styles.actions}>
              <Button isPending={state.fetching} onPress={() => void confirm()}>
                {t('myData.erase.confirm')}
              </Button>
              <Button variant="secondary" onPress={() => setConfirming(false)}>
                {t('myData.erase.cancel')}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </section>
  );
}

/** /account-deleted: where erasure lands, signed out. */
export function AccountDeletedPage() {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('myData.deleted.title'));
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className={styles.section}>
      <Banner>
        <h1 tabIndex={-1} ref={ref}>
          {t('myData.deleted.title')}
        </h1>
        <p>{t('myData.deleted.body')}</p>
      </Banner>
      <p>
        <Link to="/">{t('myData.deleted.home')}</Link>
      </p>
    </div>
  );
}
