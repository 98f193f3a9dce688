import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './ui.module.css';

export interface ErrorSummaryProps {
  /** Field name -> translated message (the same words as next to the field). */
  errors: Record<string, string>;
  /** Messages that belong to no field. */
  general?: string[];
}

/** GOV.UK-style error summary: takes focus when it appears, links to each field. */
export function ErrorSummary({ errors, general = [] }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const key = JSON.stringify([entries, general]);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  if (entries.length === 0 && general.length === 0) return null;
  return (
    <div ref={ref} className={styles.summary} role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('errors.summaryTitle')}</h2>
      <ul>
        {general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {entries.map(([field, message]) => (
          <li key={field}>
            <a
              href={`#field-${field}`}
              onClick={(event) => {
                event.preventDefault();
                const input = document.getElementById(`field-${field}`);
                input?.scrollIntoView({ block: 'center' });
                input?.focus();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
