import { useState } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Banner, Skeleton } from '../../ui/Feedback.js';
import { QueryFallback } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import styles from './inbox.module.css';
import { PreferencesQuery, SetPreferenceMutation } from './queries.js';

/** The modes in the order a reader thinks of them: most mail first. */
export const MODES = ['INSTANT', 'DAILY', 'WEEKLY', 'OFF'] as const;
type Mode = (typeof MODES)[number];
/** The categories in the order the page lists them (the schema's enum, grouped by who gets them). */
export const CATEGORIES = ['MATCHES', 'DEADLINES', 'PROPOSALS', 'RECEIVED', 'QUESTIONS', 'INVITATIONS', 'EVENTS', 'PROFILES', 'COMPLIANCE', 'SUPPORT'] as const;
type Category = (typeof CATEGORIES)[number];

/** /me/notifications: per category, how notifications reach the reader by email; each change is saved at once. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const [result] = useQuery({ query: PreferencesQuery });
  const [, save] = useMutation(SetPreferenceMutation);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState<Category | null>(null);
  /** The choice shown while its save is on the way; the saved preferences (or, on failure, the old ones) follow. */
  const [shown, setShown] = useState<Partial<Record<Category, Mode>>>({});
  usePageTitle(t('inbox.prefs.title'));

  const preferences = result.data?.myNotificationPreferences;
  const byCategory = new Map(preferences?.map((p) => [p.category, p]));

  const change = async (category: Category, mode: Mode) => {
    setFailed(null);
    setStatus('');
    setShown((before) => ({ ...before, [category]: mode }));
    const answer = await save({ category, mode });
    setShown((before) => {
      const next = { ...before };
      delete next[category];
      return next;
    });
    if (answer.error) {
      setFailed(category);
      return;
    }
    setStatus(t('inbox.prefs.saved', { category: t(`inbox.prefs.category.${category}`), mode: t(`inbox.prefs.mode.${mode}`) }));
  };

  return (
    <section aria-labelledby="prefs-title">
      <h1 id="prefs-title" tabIndex={-1}>
        {t('inbox.prefs.title')}
      </h1>
      <p>{t('inbox.prefs.intro')}</p>
      <h2>{t('inbox.prefs.modesTitle')}</h2>
      <dl className={styles.modes}>
        {MODES.map((mode) => (
          <div key={mode}>
            <dt>{t(`inbox.prefs.mode.${mode}`)}</dt>
            <dd>{t(`inbox.prefs.modeHint.${mode}`)}</dd>
          </div>
        ))}
      </dl>
      <p role="status" className={styles.status}>
        {status}
      </p>
      {failed ? (
        <Banner tone="error">
          <p>{t('inbox.prefs.failed', { category: t(`inbox.prefs.category.${failed}`) })}</p>
        </Banner>
      ) : null}
      {!preferences ? (
        result.error ? (
          <QueryFallback error={result.error} />
        ) : (
          <div aria-hidden="true" className={styles.prefsSkeleton}>
            {CATEGORIES.map((c) => (
              <Skeleton key={c} height="4rem" />
            ))}
          </div>
        )
      ) : (
        <div className={styles.prefs}>
          {CATEGORIES.filter((c) => byCategory.has(c)).map((category) => {
            const stored = byCategory.get(category);
            const value = shown[category] ?? (stored?.mode as Mode);
            return (
              <RadioGroup
                key={category}
                className={styles.category}
                value={value}
                onChange={(mode) => void change(category, mode as Mode)}
                orientation="horizontal"
              >
                <Label className={styles.categoryLabel}>{t(`inbox.prefs.category.${category}`)}</Label>
                <Text slot="description" className={styles.categoryHint}>
                  {t(`inbox.prefs.categoryHint.${category}`)}
                  {stored?.isDefault ? <span className={styles.defaultNote}>{t('inbox.prefs.defaultIs', { mode: t(`inbox.prefs.mode.${stored.mode as Mode}`) })}</span> : null}
                </Text>
                <div className={styles.radios}>
                  {MODES.map((mode) => (
                    <Radio key={mode} value={mode} className={styles.radio}>
                      {t(`inbox.prefs.mode.${mode}`)}
                    </Radio>
                  ))}
                </div>
              </RadioGroup>
            );
          })}
        </div>
      )}
      <h2>{t('inbox.prefs.unsubscribeTitle')}</h2>
      <p>{t('inbox.prefs.unsubscribe')}</p>
    </section>
  );
}
