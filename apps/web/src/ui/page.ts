import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Page – Modrotisk" as the document title while the page is shown. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? t('common.documentTitle', { page: title }) : t('common.siteName');
  }, [title, t]);
}
