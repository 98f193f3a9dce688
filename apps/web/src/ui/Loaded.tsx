import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyVariables, CombinedError, UseQueryResponse } from 'urql';
import { toAppError } from '../graphql/errors.js';
import { Banner } from './Feedback.js';
import { NotFoundPage } from './NotFoundPage.js';
import { PagePending } from './PagePending.js';

/** What a detail page shows before its data is there: not found, an error in the user's language, or the pending skeleton. */
export function QueryFallback({ error }: { error: CombinedError | undefined }) {
  const { t } = useTranslation();
  const appError = toAppError(error);
  if (appError?.kind === 'notFound') return <NotFoundPage />;
  if (appError) {
    return (
      <Banner tone="error">
        <p>{appError.kind === 'unavailable' ? t('errors.unavailable') : t('errors.unexpected')}</p>
      </Banner>
    );
  }
  return <PagePending />;
}

/** Loading, not-found and error states shared by the detail pages; renders `children` once data is there. */
export function Loaded<D, V extends AnyVariables>({ result, children }: { result: UseQueryResponse<D, V>[0]; children: (data: D) => ReactNode }) {
  if (result.data && toAppError(result.error)?.kind !== 'notFound') return <>{children(result.data)}</>;
  return <QueryFallback error={result.error} />;
}
