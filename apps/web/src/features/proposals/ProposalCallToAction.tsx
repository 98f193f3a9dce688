import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { useSession } from '../../session/useSession.js';
import { Button } from '../../ui/Button.js';
import { Banner, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { TextField } from '../../ui/TextField.js';
import { useIsOpen } from './Countdown.js';
import { describeFailure } from './describe.js';
import styles from './proposals.module.css';
import { CreateProposalMutation, ProposalStartQuery } from './queries.js';

export interface ProposalCallToActionProps {
  challengeId: string;
  status: string;
  deadline: string | null;
}

/**
 * On a public challenge page: "Write a proposal" for a signed-in creative while submissions are
 * open, and otherwise why not and what to do (sign in and come back, create a profile, closed).
 */
export function ProposalCallToAction({ challengeId, status, deadline }: ProposalCallToActionProps) {
  const { t } = useTranslation();
  const account = useSession();
  const open = useIsOpen({ status, deadline });
  return (
    <section className={styles.cta} aria-labelledby="proposal-cta-title">
      <h2 id="proposal-cta-title">{t('proposals.cta.title')}</h2>
      {account ? (
        <SignedInCallToAction challengeId={challengeId} open={open} />
      ) : open ? (
        <p>
          <Link to="/sign-in" search={{ redirect: `/challenges/${challengeId}` }}>
            {t('proposals.cta.signIn')}
          </Link>{' '}
          {t('proposals.cta.signInHint')}
        </p>
      ) : (
        <p>{t('proposals.cta.closed')}</p>
      )}
    </section>
  );
}

function SignedInCallToAction({ challengeId, open }: { challengeId: string; open: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [result] = useQuery({ query: ProposalStartQuery, requestPolicy: 'cache-and-network' });
  const [creating, create] = useMutation(CreateProposalMutation);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  if (!result.data) {
    if (result.error) return <p>{t('errors.unexpected')}</p>;
    return (
      <div aria-busy="true">
        <Skeleton width="60%" />
        <span className="visually-hidden">{t('common.loading')}</span>
      </div>
    );
  }
  const mine = result.data.myProposals.find((p) => p.challenge.id === challengeId && p.status !== 'WITHDRAWN');
  if (mine) {
    return (
      <p>
        {t(mine.status === 'DRAFT' ? 'proposals.cta.haveDraft' : 'proposals.cta.haveSubmitted')}{' '}
        <Link to="/me/proposals/$proposalId" params={{ proposalId: mine.id }}>
          {t('proposals.cta.openMine')}
        </Link>
      </p>
    );
  }
  if (!open) return <p>{t('proposals.cta.closed')}</p>;
  if (!result.data.me.emailVerified) return <p>{t('proposals.cta.verify')}</p>;
  if (!result.data.me.creativeProfileId) {
    return (
      <p>
        {t('proposals.cta.noProfile')}{' '}
        <Link to="/me/profile">{t('proposals.cta.toMySpace')}</Link>
      </p>
    );
  }
  return (
    <>
      {general ? (
        <Banner tone="error">
          <p>{general}</p>
        </Banner>
      ) : null}
      <p>{t('proposals.cta.lead')}</p>
      <Form
        validationBehavior="aria"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          const title = String(new FormData(event.currentTarget).get('workingTitle') ?? '').trim();
          if (!title || title.length > 200) {
            setErrors({ workingTitle: t('proposals.errors.workingTitle') });
            return;
          }
          setErrors({});
          setGeneral(null);
          const language = i18n.language === 'en' ? 'en' : 'sl';
          void create({ input: { challengeId, title: { [language]: title } } }).then((r) => {
            const error = toAppError(r.error);
            if (error) {
              const described = describeFailure(t, i18n.language, error, { title: 'workingTitle' });
              setErrors(described.fields);
              setGeneral(described.general[0] ?? null);
              return;
            }
            const id = r.data?.createProposal.id;
            if (id) void navigate({ to: '/me/proposals/$proposalId', params: { proposalId: id }, search: { started: true } });
          });
        }}
      >
        <TextField
          name="workingTitle"
          label={t('proposals.cta.workingTitle')}
          description={t('proposals.cta.workingTitleHint')}
          onChange={() => (errors.workingTitle ? setErrors({}) : undefined)}
        />
        <Button type="submit" isPending={creating.fetching}>
          {t('proposals.cta.write')}
        </Button>
      </Form>
    </>
  );
}
