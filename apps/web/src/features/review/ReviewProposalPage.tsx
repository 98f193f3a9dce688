import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Form, Input, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { formatDateTime, formatEuro, pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { QueryFallback } from '../../ui/Loaded.js';
import { NotFoundPage } from '../../ui/NotFoundPage.js';
import { usePageTitle } from '../../ui/page.js';
import ui from '../../ui/ui.module.css';
import { downloadAttachment } from './download.js';
import { parseWholeEuros, roleIn } from './model.js';
import { AwardMutation, ReviewProposalQuery, RevokeAwardMutation } from './queries.js';
import styles from './review.module.css';

const route = getRouteApi('/me/challenges/$challengeId/proposals/$proposalId');

type Data = ResultOf<typeof ReviewProposalQuery>;
type Bilingual = { sl: string | null; en: string | null } | null;

/**
 * /me/challenges/$challengeId/proposals/$proposalId: a proposal as the organisation reads it
 * (reviewers too): text, authors, files; owners stage or take back an award with its reasons
 * while the challenge is in review (the decision is published on the jury page).
 */
export function ReviewProposalPage() {
  const { t, i18n } = useTranslation();
  const { proposalId, challengeId } = route.useParams();
  const [result, reexecute] = useQuery({ query: ReviewProposalQuery, variables: { id: proposalId }, requestPolicy: 'cache-and-network' });
  const proposal = result.data?.proposal;
  const title = pickText(i18n.language, proposal?.title);
  usePageTitle(proposal ? (title?.text ?? t('review.inbox.untitled')) : null);
  // A proposal of another challenge, or one the caller reads as its author or juror, is not this page's.
  const wrong = proposal && (proposal.challenge.id !== challengeId || proposal.viewerRole !== 'owner');
  if (wrong) return <NotFoundPage />;
  if (!result.data || !proposal || toAppError(result.error)?.kind === 'notFound') return <QueryFallback error={result.error} />;
  return <ProposalView data={result.data} refresh={() => reexecute({ requestPolicy: 'network-only' })} />;
}

function ProposalView({ data, refresh }: { data: Data; refresh: () => void }) {
  const { t, i18n } = useTranslation();
  const p = data.proposal;
  const text = (value: Bilingual, className?: string) => {
    const picked = pickText(i18n.language, value);
    return picked ? (
      <span lang={picked.lang} className={className}>
        {picked.text}
      </span>
    ) : null;
  };
  const body = pickText(i18n.language, p.body);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const role = roleIn(data.me.memberships, p.challenge.owner.id);
  return (
    <article aria-labelledby="review-proposal-title">
      <p>
        <Link to="/me/challenges/$challengeId/proposals" params={{ challengeId: p.challenge.id }} search={{}}>
          {t('review.proposal.back')}
        </Link>
      </p>
      <h1 id="review-proposal-title" tabIndex={-1}>
        {text(p.title) ?? t('review.inbox.untitled')}
      </h1>
      <p className={styles.lead}>{t('review.proposal.forChallenge', { title: pickText(i18n.language, p.challenge.title)?.text ?? '' })}</p>
      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{t('review.proposal.facts')}</h2>
        <dl className={styles.facts}>
          <dt>{t('review.proposal.status')}</dt>
          <dd>
            {t(`review.status.${p.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'SUBMITTED'}`)}
            {p.shortlistedAt ? `, ${t('review.status.SHORTLISTED')}` : ''}
          </dd>
          <dt>{t('review.proposal.code')}</dt>
          <dd>{p.blindCode}</dd>
          {p.submittedAt ? (
            <>
              <dt>{t('review.proposal.submitted')}</dt>
              <dd>{formatDateTime(i18n.language, p.submittedAt)}</dd>
            </>
          ) : null}
          {p.withdrawnAt ? (
            <>
              <dt>{t('review.proposal.withdrawn')}</dt>
              <dd>{formatDateTime(i18n.language, p.withdrawnAt)}</dd>
            </>
          ) : null}
          <dt>{t('review.proposal.requested')}</dt>
          <dd>{p.requestedEur === null ? t('review.proposal.notStated') : formatEuro(i18n.language, p.requestedEur)}</dd>
          <dt>{t('review.proposal.authors')}</dt>
          <dd>
            <ul className={styles.files}>
              {p.authors.map((a) => (
                <li key={a.creativeProfile.id}>
                  <Link to="/creatives/$creativeId" params={{ creativeId: a.creativeProfile.id }}>
                    {t(a.role === 'LEAD' ? 'review.proposal.lead' : 'review.proposal.coAuthor', { name: a.creativeProfile.displayName })}
                  </Link>
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="text-title" className={styles.section}>
        <h2 id="text-title">{t('review.proposal.text')}</h2>
        {body ? (
          <p className={styles.body} lang={body.lang}>
            {body.text}
          </p>
        ) : (
          <p>{t('review.proposal.noText')}</p>
        )}
      </section>
      <section aria-labelledby="files-title" className={styles.section}>
        <h2 id="files-title">{t('review.proposal.files')}</h2>
        {p.attachments.length === 0 ? (
          <p>{t('review.proposal.noFiles')}</p>
        ) : (
          <ul className={styles.files}>
            {p.attachments.map((a) => (
              <li key={a.id}>
                <Button variant="secondary" onPress={() => void downloadAttachment(a).then((ok) => setDownloadFailed(!ok))}>
                  {t('review.proposal.download', { name: a.fileName })}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {downloadFailed ? <p role="alert">{t('review.proposal.downloadFailed')}</p> : null}
      </section>
      {p.status === 'SUBMITTED' ? <Award data={data} isOwner={role === 'OWNER'} refresh={refresh} /> : null}
    </article>
  );
}

function Award({ data, isOwner, refresh }: { data: Data; isOwner: boolean; refresh: () => void }) {
  const { t, i18n } = useTranslation();
  const p = data.proposal;
  const inReview = p.challenge.status === 'IN_REVIEW';
  const decided = p.challenge.status === 'AWARDED';
  const [amount, setAmount] = useState('');
  const [reasonSl, setReasonSl] = useState('');
  const [reasonEn, setReasonEn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [awardState, award] = useMutation(AwardMutation);
  const [revokeState, revoke] = useMutation(RevokeAwardMutation);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const staged = p.outcome === 'AWARDED';
  const reason = pickText(i18n.language, p.awardReason);

  const fail = (error: ReturnType<typeof toAppError>) => {
    if (!error) return;
    if (error.kind === 'input') {
      const next: Record<string, string> = {};
      for (const f of Object.keys(error.fields)) {
        if (f === 'amountEur') next.amountEur = t('review.proposal.award.errors.amountEur');
        else if (f === 'reason' || f === 'sl' || f === 'en') next.reasonSl = t('review.proposal.award.errors.reason');
      }
      setErrors(next);
      setGeneral(Object.keys(next).length === 0 ? [t('errors.invalidInput')] : []);
      return;
    }
    setErrors({});
    setGeneral([error.kind === 'invalidState' ? t('review.proposal.award.errors.invalidState') : t(`errors.${error.kind === 'rateLimited' ? 'unexpected' : error.kind}`)]);
  };

  const submit = async () => {
    setNotice(null);
    const next: Record<string, string> = {};
    const euros = parseWholeEuros(amount);
    if (euros === null) next.amountEur = t('review.proposal.award.errors.amountEur');
    if ((!reasonSl.trim() && !reasonEn.trim()) || reasonSl.length > 5000 || reasonEn.length > 5000) next.reasonSl = t('review.proposal.award.errors.reason');
    setErrors(next);
    setGeneral([]);
    if (Object.keys(next).length > 0) return;
    const r = await award({ proposalId: p.id, amountEur: euros as number, reason: { sl: reasonSl.trim() || null, en: reasonEn.trim() || null } });
    if (r.error) return fail(toAppError(r.error));
    setNotice(t('review.proposal.award.awarded'));
    refresh();
  };

  return (
    <section aria-labelledby="award-title" className={styles.section}>
      <h2 id="award-title">{t('review.proposal.award.title')}</h2>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          <Banner>
            <p>{notice}</p>
          </Banner>
        </div>
      ) : null}
      {staged ? (
        <div className={styles.card}>
          <p>
            <strong>{t('review.proposal.award.staged', { amount: formatEuro(i18n.language, p.awardEur ?? 0) })}</strong>
          </p>
          {reason ? <p lang={reason.lang}>{t('review.proposal.award.reason', { reason: reason.text })}</p> : null}
        </div>
      ) : null}
      {decided ? <p>{t('review.proposal.award.published')}</p> : null}
      {!decided && !inReview ? <p>{t('review.proposal.award.notInReview')}</p> : null}
      {!decided && inReview && !isOwner ? <p>{t('review.proposal.award.ownersOnly')}</p> : null}
      {inReview && isOwner ? (
        staged ? (
          <div className={styles.actions}>
            <Button
              variant="secondary"
              isPending={revokeState.fetching}
              onPress={() =>
                void revoke({ proposalId: p.id }).then((r) => {
                  if (r.error) return fail(toAppError(r.error));
                  setNotice(t('review.proposal.award.revoked'));
                  refresh();
                })
              }
            >
              {t('review.proposal.award.revoke')}
            </Button>
            <Link to="/me/jury/$challengeId" params={{ challengeId: p.challenge.id }}>
              {t('review.proposal.award.decide')}
            </Link>
          </div>
        ) : (
          <>
            <p>{t('review.proposal.award.intro')}</p>
            <ErrorSummary errors={errors} general={general} />
            <Form
              className={styles.form}
              validationBehavior="aria"
              validationErrors={errors}
              onSubmit={(event) => {
                event.preventDefault();
                void submit();
              }}
            >
              <AriaTextField name="amountEur" value={amount} onChange={setAmount} isInvalid={Boolean(errors.amountEur)} className={ui.field} inputMode="numeric">
                <Label className={ui.label}>{t('review.proposal.award.amount')}</Label>
                <Text slot="description" className={ui.description}>
                  {t('review.proposal.award.amountHint')}{' '}
                  {p.challenge.budgetPool.remainingEur !== null ? t('review.proposal.award.remaining', { amount: formatEuro(i18n.language, p.challenge.budgetPool.remainingEur) }) : null}
                </Text>
                {errors.amountEur ? (
                  <Text slot="errorMessage" className={ui.fieldError}>
                    {errors.amountEur}
                  </Text>
                ) : null}
                <Input id="field-amountEur" className={`${ui.input} ${styles.number}`} />
              </AriaTextField>
              <AriaTextField name="reasonSl" value={reasonSl} onChange={setReasonSl} isInvalid={Boolean(errors.reasonSl)} className={ui.field}>
                <Label className={ui.label}>{t('review.proposal.award.reasonSl')}</Label>
                <Text slot="description" className={ui.description}>
                  {t('review.proposal.award.reasonHint')}
                </Text>
                {errors.reasonSl ? (
                  <Text slot="errorMessage" className={ui.fieldError}>
                    {errors.reasonSl}
                  </Text>
                ) : null}
                <TextArea id="field-reasonSl" lang="sl" className={styles.textarea} />
              </AriaTextField>
              <AriaTextField name="reasonEn" value={reasonEn} onChange={setReasonEn} className={ui.field}>
                <Label className={ui.label}>
                  {t('review.proposal.award.reasonEn')} {t('common.optional')}
                </Label>
                <TextArea id="field-reasonEn" lang="en" className={styles.textarea} />
              </AriaTextField>
              <div className={styles.actions}>
                <Button type="submit" isPending={awardState.fetching}>
                  {t('review.proposal.award.submit')}
                </Button>
              </div>
            </Form>
          </>
        )
      ) : null}
    </section>
  );
}
