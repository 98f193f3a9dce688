import { Label, Meter } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../i18n/format.js';
import { Link } from '../../ui/Link.js';
import styles from './matches.module.css';

type Text = { sl?: string | null; en?: string | null };

export interface Explanation {
  score: number;
  factors: readonly { factor: string; score: number; contribution: number; reason: Text }[];
  hints: readonly Text[];
}

const FACTORS = ['domains', 'crafts', 'skills', 'text', 'location', 'languages', 'availability', 'pastOutcomes'] as const;
type Factor = (typeof FACTORS)[number];
const isFactor = (value: string): value is Factor => (FACTORS as readonly string[]).includes(value);

export const percent = (value: number) => Math.round(Math.max(0, Math.min(1, value)) * 100);

/** Bilingual API text in the UI language (or the other one, marked with its language). */
export function ApiText({ value }: { value: Text }) {
  const { i18n } = useTranslation();
  const picked = pickText(i18n.language, value);
  return picked ? <span lang={picked.lang}>{picked.text}</span> : null;
}

/** The match score as a bar with its number in words (never colour alone). */
export function ScoreMeter({ score, label }: { score: number; label: string }) {
  const { t } = useTranslation();
  const value = percent(score);
  return (
    <Meter className={styles.meter} value={value} valueLabel={t('matches.score.value', { percent: value })}>
      {({ valueText }) => (
        <>
          <span className={styles.meterHead}>
            <Label className={styles.meterLabel}>{label}</Label>
            <span className={styles.meterValue}>{valueText}</span>
          </span>
          <span className={styles.meterTrack} aria-hidden="true">
            <span className={styles.meterFill} style={{ width: `${value}%` }} />
          </span>
        </>
      )}
    </Meter>
  );
}

/**
 * Why a challenge matches: the score, each factor's reason addressed to the creative ("your
 * crafts …") with the points it adds, and what would raise the score.
 */
export function MatchExplanation({ explanation, headingLevel = 3, idPrefix }: { explanation: Explanation; headingLevel?: 2 | 3 | 4; idPrefix: string }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={styles.explanation}>
      <ScoreMeter score={explanation.score} label={t('matches.score.label')} />
      <Heading id={`${idPrefix}-why`} className={styles.subheading}>
        {t('matches.factors.title')}
      </Heading>
      <ul className={styles.factors} aria-labelledby={`${idPrefix}-why`}>
        {explanation.factors.map((f) => (
          <li key={f.factor}>
            <span className={styles.factorName}>{isFactor(f.factor) ? t(`matches.factor.${f.factor}`) : f.factor}</span>{' '}
            <span className={styles.factorPoints}>{t('matches.factors.points', { points: percent(f.contribution), score: percent(f.score) })}</span>
            <br />
            <ApiText value={f.reason} />
          </li>
        ))}
      </ul>
      {explanation.hints.length > 0 ? (
        <>
          <Heading id={`${idPrefix}-hints`} className={styles.subheading}>
            {t('matches.hints.title')}
          </Heading>
          <ul className={styles.hints} aria-labelledby={`${idPrefix}-hints`}>
            {explanation.hints.map((hint, index) => (
              <li key={index}>
                <ApiText value={hint} />
              </li>
            ))}
          </ul>
          <p className={styles.small}>
            <Link to="/me/profile">{t('matches.hints.editProfile')}</Link>
          </p>
        </>
      ) : null}
    </div>
  );
}
