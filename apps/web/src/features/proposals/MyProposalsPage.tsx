import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatDateTime, pickText } from '../../i18n/format.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { Loaded } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import styles from './proposals.module.css';
import { MyProposalsQuery } from './queries.js';

/** /me/proposals: every proposal I lead or co-author, newest first, with its challenge, status and deadline. */
export function MyProposalsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('proposals.list.title'));
  const [result] = useQuery({ query: MyProposalsQuery, requestPolicy: 'cache-and-network' });
  return (
    <>
      <h1 tabIndex={-1}>{t('proposals.list.title')}</h1>
      <p>{t('proposals.list.lead')}</p>
      <Loaded result={result}>
        {(data) =>
          data.myProposals.length === 0 ? (
            <EmptyState>
              <p>{t('proposals.list.empty')}</p>
              <p>
                <Link to="/">{t('proposals.list.findChallenge')}</Link>
              </p>
            </EmptyState>
          ) : (
            <ul className={styles.cards} aria-busy={result.fetching || undefined}>
              {data.myProposals.map((p) => {
                const title = pickText(i18n.language, p.title);
                const challengeTitle = pickText(i18n.language, p.challenge.title);
                return (
                  <li key={p.id} className={styles.card}>
                    <h2 className={styles.cardTitle}>
                      <Link to="/me/proposals/$proposalId" params={{ proposalId: p.id }}>
                        <span lang={title?.lang}>{title?.text ?? t('proposals.untitled')}</span>
                      </Link>
                    </h2>
                    <dl className={styles.facts}>
                      <div>
                        <dt>{t('proposals.field.challenge')}</dt>
                        <dd lang={challengeTitle?.lang}>{challengeTitle?.text ?? t('proposals.untitledChallenge')}</dd>
                      </div>
                      <div>
                        <dt>{t('proposals.field.status')}</dt>
                        <dd>
                          {t(`proposals.status.${p.status}`)}
                          {p.outcome ? ` · ${t(`proposals.outcome.${p.outcome}`)}` : ''}
                        </dd>
                      </div>
                      <div>
                        <dt>{t('proposals.field.deadline')}</dt>
                        <dd>{p.challenge.deadline ? formatDateTime(i18n.language, p.challenge.deadline) : t('proposals.noDeadline')}</dd>
                      </div>
                    </dl>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
