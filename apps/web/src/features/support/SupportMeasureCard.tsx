import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readFragment, type FragmentOf } from '../../graphql/graphql.js';
import { formatDateTime, formatEuro, pickText } from '../../i18n/format.js';
import { Link } from '../../ui/Link.js';
import { SupportMeasureCardFragment } from './queries.js';
import styles from './support.module.css';

type HeadingLevel = 2 | 3 | 4;

/** "500 €–2.000 €", "do 15.000 €", or null when no amount is stated. */
export function useAmount(): (min: number | null, max: number | null) => string | null {
  const { t, i18n } = useTranslation();
  return (min, max) => {
    const euro = (n: number) => formatEuro(i18n.language, n);
    if (min !== null && max !== null) return min === max ? euro(max) : t('support.card.amountRange', { min: euro(min), max: euro(max) });
    if (max !== null) return t('support.card.amountUpTo', { max: euro(max) });
    if (min !== null) return t('support.card.amountFrom', { min: euro(min) });
    return null;
  };
}

/** "Študenti, Podjetja": who may apply, in the reader's words. */
export function useEligibleList(): (e: { creativeKinds: readonly string[]; organisationKinds: readonly string[] }) => string {
  const { t } = useTranslation();
  return (e) => [
    ...e.creativeKinds.map((k) => t(`support.creativeKind.${k}`, { defaultValue: k })),
    ...e.organisationKinds.map((k) => t(`support.organisationKind.${k}`, { defaultValue: k })),
  ].join(', ');
}

/** A measure in a list: title (link), provider, who may apply, amount, deadline or "apply any time", state. */
export function SupportMeasureCard({ data, headingLevel = 3, children }: { data: FragmentOf<typeof SupportMeasureCardFragment>; headingLevel?: HeadingLevel; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const measure = readFragment(SupportMeasureCardFragment, data);
  const title = pickText(i18n.language, measure.title);
  const summary = pickText(i18n.language, measure.summary);
  const amount = useAmount()(measure.amountMinEur, measure.amountMaxEur);
  const who = useEligibleList()(measure.eligibility);
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={styles.card}>
      <Heading className={styles.cardTitle}>
        <Link to="/support/$measureId" params={{ measureId: measure.id }}>
          <span lang={title?.lang}>{title?.text}</span>
        </Link>
      </Heading>
      <p className={styles.meta}>{t('support.card.provider', { name: measure.provider.name })}</p>
      <ul className={styles.badges}>
        <li className={styles.badge} data-tone={measure.state === 'OPEN' ? 'open' : undefined}>
          {t(`support.state.${measure.state}`)}
        </li>
        {measure.isDemo ? <li className={styles.badge}>{t('support.card.demo')}</li> : null}
      </ul>
      {summary ? <p lang={summary.lang}>{summary.text}</p> : null}
      <ul className={styles.plain}>
        <li>{t('support.card.for', { who })}</li>
        {amount ? <li>{t('support.card.amount', { amount })}</li> : null}
        <li>{measure.deadline ? t('support.card.deadline', { date: formatDateTime(i18n.language, measure.deadline) }) : t('support.card.rolling')}</li>
      </ul>
      {children}
    </article>
  );
}
