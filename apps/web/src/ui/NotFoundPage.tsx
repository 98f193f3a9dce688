import { useTranslation } from 'react-i18next';
import { Link } from './Link.js';
import { usePageTitle } from './page.js';

/** The same page for what does not exist and for what the visitor may not see. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}

export function PageError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  usePageTitle(t('errors.pageTitle'));
  const unavailable = error instanceof Error && /fetch|network/i.test(error.message);
  return (
    <>
      <h1 tabIndex={-1}>{t('errors.pageTitle')}</h1>
      <p>{unavailable ? t('errors.unavailable') : t('errors.unexpected')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
