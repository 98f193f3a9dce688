import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { Banner, EmptyState, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { QueryFallback } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import { CREATIVE_KINDS, WORKING_LANGUAGES } from './form.js';
import { Pick } from './fields.js';
import { ChallengeMatchesQuery, InviteCreativesMutation } from './queries.js';
import { AVAILABILITIES, matchFilter, type MatchesSearch } from './search.js';
import styles from './ourchallenges.module.css';

const route = getRouteApi('/me/challenges/$challengeId/matches');

export const matchesVariables = (id: string, search: MatchesSearch) => ({ id, after: search.after ?? null, filter: matchFilter(search) });

/** /me/challenges/$challengeId/matches: creatives ranked for the challenge, why (in the company's words), and "invite to apply". */
export function ChallengeMatchesPage() {
  const { t, i18n } = useTranslation();
  const { challengeId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const [result, reexecute] = useQuery({ query: ChallengeMatchesQuery, variables: matchesVariables(challengeId, search) });
  const [inviting, invite] = useMutation(InviteCreativesMutation);
  const [outcome, setOutcome] = useState<{ name: string; ok: boolean; message?: string } | null>(null);
  const data = result.data;
  const title = pickText(i18n.language, data?.challenge.title);
  usePageTitle(t('ourChallenges.matches.title', { title: title?.text ?? '' }));
  if (!data) {
    if (result.error) return <QueryFallback error={result.error} />;
    return (
      <div aria-busy="true">
        <h1 tabIndex={-1}>{t('ourChallenges.matches.loading')}</h1>
        <Skeleton height="6rem" />
        <Skeleton height="6rem" />
      </div>
    );
  }
  const { challenge, challengeMatches: page } = data;
  const invited = new Set((challenge.invitedCreatives ?? []).map((c) => c.id));
  const open = challenge.status === 'DRAFT' || (challenge.status === 'PUBLISHED' && (!challenge.deadline || new Date(challenge.deadline) > new Date()));
  const filtered = matchFilter(search) !== null;
  const setFilter = (patch: Partial<MatchesSearch>) => {
    const next: MatchesSearch = { ...search, ...patch };
    delete next.after;
    for (const key of Object.keys(next) as (keyof MatchesSearch)[]) if (!next[key]) delete next[key];
    void navigate({ to: '/me/challenges/$challengeId/matches', params: { challengeId }, search: next, replace: true });
  };

  return (
    <>
      <p>
        <Link to="/me/challenges">{t('ourChallenges.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('ourChallenges.matches.title', { title: title?.text ?? t('challenges.untitled') })}</h1>
      <p>{t('ourChallenges.matches.lead')}</p>
      {outcome ? (
        <Banner tone={outcome.ok ? 'success' : 'error'}>
          <p>{outcome.ok ? t('ourChallenges.matches.invited', { name: outcome.name }) : outcome.message}</p>
        </Banner>
      ) : null}
      {challenge.status === 'DRAFT' ? <p>{t('ourChallenges.matches.draftNote')}</p> : null}

      <section aria-labelledby="invited-title">
        <h2 id="invited-title">{t('ourChallenges.matches.invitedTitle')}</h2>
        {challenge.invitedCreatives && challenge.invitedCreatives.length > 0 ? (
          <ul>
            {challenge.invitedCreatives.map((c) => (
              <li key={c.id}>
                <Link to="/creatives/$creativeId" params={{ creativeId: c.id }}>
                  {c.displayName}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('ourChallenges.matches.noneInvited')}</p>
        )}
      </section>

      <section aria-labelledby="filters-title">
        <h2 id="filters-title">{t('ourChallenges.matches.filters')}</h2>
        <div className={styles.filters}>
          <Pick name="kind" label={t('ourChallenges.matches.kind')} value={search.kind ?? ''} onChange={(v) => setFilter({ kind: CREATIVE_KINDS.find((k) => k === v) })} options={[{ value: '', label: t('ourChallenges.matches.any') }, ...CREATIVE_KINDS.map((k) => ({ value: k, label: t(`ourChallenges.creativeKind.${k}`) }))]} />
          <Pick
            name="municipality"
            label={t('ourChallenges.matches.municipality')}
            value={search.municipality ?? ''}
            onChange={(v) => setFilter({ municipality: v || undefined })}
            options={[{ value: '', label: t('ourChallenges.matches.any') }, ...data.referenceData.municipalities.map((m) => ({ value: m.code, label: m.name }))]}
          />
          <Pick name="language" label={t('ourChallenges.matches.language')} value={search.language ?? ''} onChange={(v) => setFilter({ language: v || undefined })} options={[{ value: '', label: t('ourChallenges.matches.any') }, ...WORKING_LANGUAGES.map((l) => ({ value: l, label: t(`ourChallenges.language.${l}`) }))]} />
          <Pick
            name="availability"
            label={t('ourChallenges.matches.availability')}
            value={search.availability ?? ''}
            onChange={(v) => setFilter({ availability: AVAILABILITIES.find((a) => a === v) })}
            options={[{ value: '', label: t('ourChallenges.matches.any') }, ...AVAILABILITIES.map((a) => ({ value: a, label: t(`ourChallenges.availability.${a}`) }))]}
          />
        </div>
        <p role="status">{t('ourChallenges.matches.count', { count: page.totalCount })}</p>
      </section>

      <div aria-busy={result.fetching || undefined}>
        {page.nodes.length === 0 ? (
          <EmptyState>
            {filtered ? (
              <>
                <p>{t('ourChallenges.matches.noneFiltered')}</p>
                <Link to="/me/challenges/$challengeId/matches" params={{ challengeId }} search={{}}>
                  {t('ourChallenges.matches.clear')}
                </Link>
              </>
            ) : (
              <>
                <p>{t('ourChallenges.matches.none')}</p>
                <Link to="/me/challenges/$challengeId/edit" params={{ challengeId }}>
                  {t('ourChallenges.matches.improve')}
                </Link>
              </>
            )}
          </EmptyState>
        ) : (
          <ol className={styles.list}>
            {page.nodes.map((m) => {
              const c = m.creative;
              return (
                <li key={c.id} className={styles.item}>
                  <h3>
                    <Link to="/creatives/$creativeId" params={{ creativeId: c.id }}>
                      {c.displayName}
                    </Link>
                  </h3>
                  <p className={styles.meta}>
                    <span className={styles.score}>{t('ourChallenges.matches.score', { percent: Math.round(m.score * 100) })}</span>
                    {c.kind ? ` · ${t(`ourChallenges.creativeKind.${c.kind}`)}` : ''}
                    {c.municipality ? ` · ${c.municipality.name}` : ''}
                    {c.availability ? ` · ${t(`ourChallenges.availability.${c.availability}`)}` : ''}
                  </p>
                  <h4 className="visually-hidden">{t('ourChallenges.matches.why', { name: c.displayName })}</h4>
                  <ul className={styles.reasons}>
                    {m.factors
                      .filter((f) => f.contribution > 0 || f.reason.sl || f.reason.en)
                      .map((f) => {
                        const reason = pickText(i18n.language, f.reason);
                        return reason ? (
                          <li key={f.factor}>
                            <span lang={reason.lang}>{reason.text}</span>
                          </li>
                        ) : null;
                      })}
                  </ul>
                  {invited.has(c.id) ? (
                    <p>{t('ourChallenges.matches.alreadyInvited')}</p>
                  ) : open ? (
                    <Button
                      variant="secondary"
                      isPending={inviting.fetching}
                      aria-label={t('ourChallenges.matches.inviteNamed', { name: c.displayName })}
                      onPress={() =>
                        void invite({ challengeId, ids: [c.id] }).then((r) => {
                          const error = toAppError(r.error);
                          if (!error) {
                            setOutcome({ name: c.displayName, ok: true });
                            reexecute({ requestPolicy: 'network-only' });
                          } else
                            setOutcome({
                              name: c.displayName,
                              ok: false,
                              message: error.kind === 'input' ? t('ourChallenges.matches.noConsent', { name: c.displayName }) : error.kind === 'invalidState' ? t('ourChallenges.matches.closed') : error.kind === 'forbidden' ? t('ourChallenges.matches.forbidden') : t('errors.unexpected'),
                            });
                        })
                      }
                    >
                      {t('ourChallenges.matches.invite')}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
          <Link to="/me/challenges/$challengeId/matches" params={{ challengeId }} search={{ ...search, after: page.pageInfo.endCursor }}>
            {t('ourChallenges.matches.next')}
          </Link>
        ) : null}
      </div>
    </>
  );
}
