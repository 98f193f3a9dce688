import { useState } from 'react';
import { Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { formatDateTime } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import choice from '../../ui/choice.module.css';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Loaded } from '../../ui/Loaded.js';
import { TextField } from '../../ui/TextField.js';
import ui from '../../ui/ui.module.css';
import { describeError } from '../account/describe-error.js';
import { InviteJurorMutation, JuryMembersQuery, RemoveJurorMutation, RevokeJuryInvitationMutation } from './queries.js';
import styles from './review.module.css';

type Errors = { fields: Record<string, string>; general: string[] };
const NONE: Errors = { fields: {}, general: [] };

/**
 * The challenge's jury on its proposals page: who sits on it (members see), and for owners the
 * invitation by e-mail (the mail's language chosen), open invitations to revoke, and removal.
 */
export function JuryMembers({ challengeId, owner }: { challengeId: string; owner: boolean }) {
  const { t, i18n } = useTranslation();
  const [result, refetch] = useQuery({ query: JuryMembersQuery, variables: { challengeId, owner }, requestPolicy: 'cache-and-network' });
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<'sl' | 'en'>(i18n.language === 'en' ? 'en' : 'sl');
  const [errors, setErrors] = useState<Errors>(NONE);
  const [notice, setNotice] = useState<string | null>(null);
  const [invited, invite] = useMutation(InviteJurorMutation);
  const [, remove] = useMutation(RemoveJurorMutation);
  const [, revoke] = useMutation(RevokeJuryInvitationMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const submit = async () => {
    if (invited.fetching) return;
    setNotice(null);
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setErrors({ fields: { email: t('review.members.badEmail') }, general: [] });
      return;
    }
    const answer = await invite({ challengeId, email: address, locale });
    const failure = toAppError(answer.error);
    if (failure) {
      setErrors(failure.kind === 'input' ? { fields: { email: t('review.members.badEmail') }, general: [] } : { fields: {}, general: describeError(t, i18n.language, failure, ['email']).general });
      return;
    }
    setErrors(NONE);
    setEmail('');
    setNotice(t('review.members.sent', { email: address }));
    reload();
  };
  const act = async (run: () => Promise<{ error?: CombinedError }>, done: string) => {
    const answer = await run();
    const failure = toAppError(answer.error);
    if (failure) setErrors({ fields: {}, general: describeError(t, i18n.language, failure, []).general });
    else {
      setErrors(NONE);
      setNotice(done);
      reload();
    }
  };

  return (
    <section aria-labelledby="jury-members-title" className={styles.section}>
      <h2 id="jury-members-title">{t('review.members.title')}</h2>
      <p>{t('review.members.lead')}</p>
      <Loaded result={result}>
        {(data) => (
          <>
            {data.challengeJurors.length === 0 ? (
              <EmptyState>
                <p>{t('review.members.none')}</p>
              </EmptyState>
            ) : (
              <ul aria-label={t('review.members.listLabel')}>
                {data.challengeJurors.map((j) => (
                  <li key={j.accountId}>
                    {j.displayName} – {t('review.members.since', { date: formatDateTime(i18n.language, j.since) })}{' '}
                    {owner ? (
                      <Button variant="secondary" onPress={() => void act(() => remove({ challengeId, accountId: j.accountId }), t('review.members.removed', { name: j.displayName }))} aria-label={t('review.members.remove', { name: j.displayName })}>
                        {t('review.members.removeShort')}
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {owner && (data.challengeJuryInvitations ?? []).length > 0 ? (
              <>
                <h3>{t('review.members.open')}</h3>
                <ul>
                  {(data.challengeJuryInvitations ?? []).map((inv) => (
                    <li key={inv.id}>
                      {inv.email} – {t('review.members.expires', { date: formatDateTime(i18n.language, inv.expiresAt) })}{' '}
                      <Button variant="secondary" onPress={() => void act(() => revoke({ id: inv.id }), t('review.members.revoked', { email: inv.email }))} aria-label={t('review.members.revoke', { email: inv.email })}>
                        {t('review.members.revokeShort')}
                      </Button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </Loaded>
      {notice ? <p role="status">{notice}</p> : null}
      {owner ? (
        <>
          <h3>{t('review.members.inviteTitle')}</h3>
          <ErrorSummary errors={errors.fields} general={errors.general} />
          <Form
            validationBehavior="aria"
            validationErrors={errors.fields}
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <TextField name="email" type="email" label={t('review.members.email')} description={t('review.members.emailHint')} value={email} onChange={setEmail} autoComplete="off" />
            <RadioGroup name="locale" value={locale} onChange={(value) => setLocale(value === 'en' ? 'en' : 'sl')} className={ui.field}>
              <Label className={ui.label}>{t('review.members.language')}</Label>
              <Radio value="sl" className={choice.choice}>
                {t('layout.languageName.sl')}
              </Radio>
              <Radio value="en" className={choice.choice}>
                {t('layout.languageName.en')}
              </Radio>
            </RadioGroup>
            <Button type="submit" isPending={invited.fetching}>
              {t('review.members.send')}
            </Button>
          </Form>
        </>
      ) : (
        <ErrorSummary errors={{}} general={errors.general} />
      )}
    </section>
  );
}
