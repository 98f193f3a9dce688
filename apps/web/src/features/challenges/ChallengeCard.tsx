import { useTranslation } from 'react-i18next';
import { graphql, readFragment, type FragmentOf } from '../../graphql/graphql.js';
import { formatDate, formatEuro, formatRelative, pickText } from '../../i18n/format.js';
import { Link } from '../../ui/Link.js';
import styles from './challenges.module.css';

export const ChallengeCardFragment = graphql(`
  fragment ChallengeCard on Challenge {
    id
    title {
      sl
      en
    }
    status
    deadline
    totalBudgetEur
    rewards {
      kind
    }
    owner {
      id
      name
      municipality {
        name
      }
    }
  }
`);

/** A challenge in a list: title, owner, reward and a deadline countdown. */
export function ChallengeCard({ data }: { data: FragmentOf<typeof ChallengeCardFragment> }) {
  const { t, i18n } = useTranslation();
  const challenge = readFragment(ChallengeCardFragment, data);
  const title = pickText(i18n.language, challenge.title);
  const deadline = challenge.deadline ? new Date(challenge.deadline) : null;
  return (
    <article className={styles.card}>
      <h3 className={styles.cardTitle}>
        <Link to="/challenges/$challengeId" params={{ challengeId: challenge.id }}>
          <span lang={title?.lang}>{title?.text ?? t('challenges.untitled')}</span>
        </Link>
      </h3>
      <p className={styles.meta}>{t('challenges.by', { owner: challenge.owner.name, place: challenge.owner.municipality.name })}</p>
      <dl className={styles.facts}>
        {challenge.totalBudgetEur !== null ? (
          <div>
            <dt>{t('challenges.reward')}</dt>
            <dd>{formatEuro(i18n.language, challenge.totalBudgetEur)}</dd>
          </div>
        ) : null}
        {challenge.totalBudgetEur === null && challenge.rewards.length > 0 ? (
          <div>
            <dt>{t('challenges.rewards')}</dt>
            <dd>{[...new Set(challenge.rewards.map((r) => t(`challenges.rewardKind.${r.kind}`)))].join(', ')}</dd>
          </div>
        ) : null}
        {deadline ? (
          <div>
            <dt>{t('challenges.deadline')}</dt>
            <dd>
              <time dateTime={challenge.deadline ?? undefined}>{formatDate(i18n.language, deadline.toISOString())}</time>{' '}
              ({formatRelative(i18n.language, deadline)})
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
