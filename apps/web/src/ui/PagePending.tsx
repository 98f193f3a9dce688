import { useTranslation } from 'react-i18next';
import { Skeleton } from './Feedback.js';

/** Route-load skeleton: a heading and a few lines, announced once. */
export function PagePending() {
  const { t } = useTranslation();
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('common.loading')}
      </p>
      <Skeleton width="60%" height="2.25rem" />
      <Skeleton width="90%" />
      <Skeleton width="80%" />
      <Skeleton width="85%" />
    </div>
  );
}
