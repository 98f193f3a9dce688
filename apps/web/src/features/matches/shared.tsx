import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, type CombinedError } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { Banner, EmptyState, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { MyCreativeQuery } from './queries.js';

/** The signed-in account's creative profile id: undefined while loading, null when there is none. */
export function useMyCreative(): { id: string | null | undefined; error: CombinedError | undefined } {
  const [result] = useQuery({ query: MyCreativeQuery });
  return { id: result.data ? result.data.me.creativeProfileId : undefined, error: result.error };
}

/** Loading lines below a page's heading (the heading stays, so focus and title do not jump). */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('common.loading')}
      </p>
      <Skeleton width="90%" />
      <Skeleton width="70%" />
      <Skeleton width="80%" />
    </div>
  );
}

export function LoadError({ error }: { error: CombinedError | undefined }) {
  const { t } = useTranslation();
  return (
    <Banner tone="error">
      <p>{toAppError(error)?.kind === 'unavailable' ? t('errors.unavailable') : t('errors.unexpected')}</p>
    </Banner>
  );
}

/** No creative profile yet: what it is for and where to make it. */
export function NoProfile({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <EmptyState>
      <h2>{t('matches.noProfile.title')}</h2>
      <p>{children}</p>
      <p>
        <Link to="/me/profile">{t('matches.noProfile.action')}</Link>
      </p>
    </EmptyState>
  );
}
