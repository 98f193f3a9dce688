import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { pickText } from '../../i18n/format.js';
import { Banner, EmptyState, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { SupportForMeQuery } from './queries.js';
import { SupportMeasureCard } from './SupportMeasureCard.js';
import styles from './support.module.css';

/**
 * "Support measures for you": open measures the signed-in reader may apply for (as a creative, or
 * for an organisation they belong to), eligibility first, then how the subject fits their work.
 */
export function SupportForYou() {
  const { t, i18n } = useTranslation();
  const [result] = useQuery({ query: SupportForMeQuery });
  const matches = result.data?.supportMeasuresForMe;
  return (
    <section className={styles.section} aria-labelledby="support-for-you">
      <h2 id="support-for-you">{t('support.forYou.title')}</h2>
      <p>{t('support.forYou.lead')}</p>
      {result.error && !matches ? (
        <Banner tone="error">
          <p>{t('support.forYou.error')}</p>
        </Banner>
      ) : !matches ? (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            {t('common.loading')}
          </p>
          <Skeleton width="90%" />
          <Skeleton width="70%" />
        </div>
      ) : matches.length === 0 ? (
        <EmptyState>
          <p>{t('support.forYou.empty')}</p>
          <p>
            <Link to="/support">{t('support.forYou.browse')}</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className={styles.list}>
            {matches.map((match, index) => (
              <li key={match.measure.id}>
                <SupportMeasureCard data={match.measure} headingLevel={3}>
                  <h4 id={`support-why-${index}`}>{t('support.forYou.why')}</h4>
                  <ul className={styles.reasons} aria-labelledby={`support-why-${index}`}>
                    {match.reasons.map((reason, i) => {
                      const text = pickText(i18n.language, reason);
                      return (
                        <li key={i} lang={text?.lang}>
                          {text?.text}
                        </li>
                      );
                    })}
                  </ul>
                </SupportMeasureCard>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/support">{t('support.forYou.browse')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
