import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { formatDateTime, pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner, EmptyState, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { usePageTitle } from '../../ui/page.js';
import { CHALLENGE_KINDS, type ChallengeKind } from './form.js';
import { Field, Pick } from './fields.js';
import { CreateChallengeMutation, MyChallengesQuery, NewChallengeQuery } from './queries.js';
import styles from './ourchallenges.module.css';

const listRoute = getRouteApi('/me/challenges/');

/** Roles that may write challenges (reviewers read only). */
const EDITING = ['OWNER', 'EDITOR'];

/** /me/challenges: the challenges of my organisations, with links to edit and to matched creatives. */
export function ChallengesListPage() {
  const { t, i18n } = useTranslation();
  const { after } = listRoute.useSearch();
  const [result] = useQuery({ query: MyChallengesQuery, variables: { after } });
  usePageTitle(t('ourChallenges.list.title'));
  const data = result.data;
  const editable = data?.me.memberships.filter((m) => EDITING.includes(m.role)) ?? [];
  return (
    <>
      <h1 tabIndex={-1}>{t('ourChallenges.list.title')}</h1>
      <p>{t('ourChallenges.list.lead')}</p>
      {result.error && !data ? (
        <Banner tone="error">
          <p>{t('errors.unexpected')}</p>
        </Banner>
      ) : null}
      {!data ? (
        <div aria-busy="true">
          <Skeleton height="4rem" />
          <Skeleton height="4rem" />
        </div>
      ) : (
        <>
          {editable.length > 0 ? (
            <p>
              <Link to="/me/challenges/new">{t('ourChallenges.list.new')}</Link>
            </p>
          ) : null}
          {data.me.memberships.length === 0 ? (
            <EmptyState>
              <p>{t('ourChallenges.list.noOrganisation')}</p>
            </EmptyState>
          ) : data.myOrganisationChallenges.nodes.length === 0 ? (
            <EmptyState>
              <p>{editable.length > 0 ? t('ourChallenges.list.empty') : t('ourChallenges.list.emptyReviewer')}</p>
            </EmptyState>
          ) : (
            <>
              <p>{t('ourChallenges.list.count', { count: data.myOrganisationChallenges.totalCount })}</p>
              <ul className={styles.list}>
                {data.myOrganisationChallenges.nodes.map((c) => {
                  const title = pickText(i18n.language, c.title);
                  const canEdit = editable.some((m) => m.organisation.id === c.owner.id);
                  return (
                    <li key={c.id} className={styles.item}>
                      <h2>
                        <span lang={title?.lang}>{title?.text ?? t('challenges.untitled')}</span>
                      </h2>
                      <p className={styles.meta}>
                        {t(`challenges.status.${c.status}`)} · {c.owner.name} · {t(`ourChallenges.visibility.${c.visibility}`)}
                        {c.deadline ? ` · ${t('ourChallenges.list.deadline', { when: formatDateTime(i18n.language, c.deadline) })}` : ` · ${t('ourChallenges.list.noDeadline')}`}
                      </p>
                      <div className={styles.actions}>
                        {canEdit && (c.status === 'DRAFT' || c.status === 'PUBLISHED') ? (
                          <Link to="/me/challenges/$challengeId/edit" params={{ challengeId: c.id }} aria-label={t('ourChallenges.list.editNamed', { title: title?.text ?? '' })}>
                            {t('ourChallenges.list.edit')}
                          </Link>
                        ) : null}
                        {c.status !== 'DRAFT' ? (
                          <Link to="/challenges/$challengeId" params={{ challengeId: c.id }} aria-label={t('ourChallenges.list.viewNamed', { title: title?.text ?? '' })}>
                            {t('ourChallenges.list.view')}
                          </Link>
                        ) : null}
                        <Link to="/me/challenges/$challengeId/matches" params={{ challengeId: c.id }} aria-label={t('ourChallenges.list.matchesNamed', { title: title?.text ?? '' })}>
                          {t('ourChallenges.list.matches')}
                        </Link>
                      </div>
                    </li>
                  );
                })}
              </ul>
              {data.myOrganisationChallenges.pageInfo.hasNextPage && data.myOrganisationChallenges.pageInfo.endCursor ? (
                <Link to="/me/challenges" search={{ after: data.myOrganisationChallenges.pageInfo.endCursor }}>
                  {t('ourChallenges.list.next')}
                </Link>
              ) : null}
            </>
          )}
        </>
      )}
    </>
  );
}

/** /me/challenges/new: which organisation, a title and the kind; then the editor opens on the draft. */
export function NewChallengePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [result] = useQuery({ query: NewChallengeQuery });
  const [state, create] = useMutation(CreateChallengeMutation);
  const editable = result.data?.me.memberships.filter((m) => EDITING.includes(m.role)) ?? [];
  const [organisationId, setOrganisationId] = useState('');
  const [titleSl, setTitleSl] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [kind, setKind] = useState<ChallengeKind>('INDUSTRY');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const failed = Object.keys(errors).length > 0 || general.length > 0;
  usePageTitle(failed ? t('errors.titlePrefix', { title: t('ourChallenges.new.title') }) : t('ourChallenges.new.title'));
  const owner = editable.length === 1 ? editable[0].organisation.id : organisationId;

  if (!result.data) {
    return (
      <div aria-busy="true">
        <h1 tabIndex={-1}>{t('ourChallenges.new.title')}</h1>
        <Skeleton height="10rem" />
      </div>
    );
  }
  if (editable.length === 0) {
    return (
      <>
        <h1 tabIndex={-1}>{t('ourChallenges.new.title')}</h1>
        <EmptyState>
          <p>{t('ourChallenges.new.noOrganisation')}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} general={general} />
      <p>
        <Link to="/me/challenges">{t('ourChallenges.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('ourChallenges.new.title')}</h1>
      <p>{t('ourChallenges.new.lead')}</p>
      <Form
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          const missing: Record<string, string> = {};
          if (!owner) missing.organisation = t('ourChallenges.errors.organisation');
          if (!titleSl.trim() && !titleEn.trim()) missing.titleSl = t('ourChallenges.errors.title');
          setErrors(missing);
          setGeneral([]);
          if (Object.keys(missing).length > 0) return;
          void create({ input: { ownerOrganisationId: owner, title: { sl: titleSl.trim() || null, en: titleEn.trim() || null }, kind } }).then((r) => {
            const error = toAppError(r.error);
            if (error?.kind === 'input') {
              setErrors(Object.fromEntries(Object.keys(error.fields).map((f) => (f === 'title' ? ['titleSl', t('ourChallenges.errors.title')] : ['organisation', t('ourChallenges.errors.organisation')]))));
            } else if (error) setGeneral([t(`errors.${error.kind === 'rateLimited' ? 'unexpected' : error.kind}`)]);
            else if (r.data) void navigate({ to: '/me/challenges/$challengeId/edit', params: { challengeId: r.data.createChallenge.id }, search: { created: true } });
          });
        }}
      >
        {editable.length > 1 ? (
          <Pick
            name="organisation"
            label={t('ourChallenges.new.organisation')}
            value={organisationId}
            onChange={setOrganisationId}
            error={errors.organisation}
            options={[{ value: '', label: t('ourChallenges.new.chooseOrganisation') }, ...editable.map((m) => ({ value: m.organisation.id, label: m.organisation.name }))]}
          />
        ) : (
          <p>{t('ourChallenges.new.for', { name: editable[0].organisation.name })}</p>
        )}
        <div className={styles.bilingual}>
          <Field name="titleSl" label={t('ourChallenges.field.titleSl')} value={titleSl} onChange={setTitleSl} lang="sl" maxLength={200} error={errors.titleSl} description={t('ourChallenges.field.titleHint')} />
          <Field name="titleEn" label={t('ourChallenges.field.titleEn')} value={titleEn} onChange={setTitleEn} lang="en" maxLength={200} optional />
        </div>
        <Pick
          name="kind"
          label={t('ourChallenges.field.kind')}
          value={kind}
          onChange={(v) => setKind((CHALLENGE_KINDS as readonly string[]).includes(v) ? (v as ChallengeKind) : 'INDUSTRY')}
          options={CHALLENGE_KINDS.map((k) => ({ value: k, label: t(`challenges.kind.${k}`) }))}
        />
        <div className={styles.actions}>
          <Button type="submit" isPending={state.fetching}>
            {t('ourChallenges.new.submit')}
          </Button>
        </div>
      </Form>
      <p>{t('ourChallenges.new.afterwards')}</p>
    </>
  );
}
