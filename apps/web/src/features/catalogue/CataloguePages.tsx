import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatEuro, pickText } from '../../i18n/format.js';
import { Link } from '../../ui/Link.js';
import { Loaded } from '../../ui/Loaded.js';
import { usePageTitle } from '../../ui/page.js';
import styles from '../challenges/challenges.module.css';
import { CreativeQuery, NeedQuery, OfferQuery } from './queries.js';
import { ManageNeedLink } from '../orgneeds/ManageNeedLink.js';

type Localized = { sl?: string | null; en?: string | null } | null | undefined;

function useText() {
  const { i18n } = useTranslation();
  return (value: Localized) => {
    const picked = pickText(i18n.language, value);
    return picked ? <span lang={picked.lang}>{picked.text}</span> : null;
  };
}

/** A list's reference terms (their labels), then what the creative wrote in their own words, as written. */
function Terms({ label, terms, words = [] }: { label: string; terms: { code: string; label: Localized }[]; words?: readonly string[] }) {
  const text = useText();
  if (terms.length === 0 && words.length === 0) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {terms.map((term, index) => (
          <span key={term.code}>
            {index > 0 ? ', ' : ''}
            {text(term.label) ?? term.code}
          </span>
        ))}
        {words.map((word, index) => (
          <span key={`words:${word}`}>
            {terms.length + index > 0 ? ', ' : ''}
            {word}
          </span>
        ))}
      </dd>
    </div>
  );
}

const creativeRoute = getRouteApi('/creatives/$creativeId');
export function CreativePage() {
  const { t, i18n } = useTranslation();
  const text = useText();
  const { creativeId } = creativeRoute.useParams();
  const [result] = useQuery({ query: CreativeQuery, variables: { id: creativeId } });
  usePageTitle(result.data?.creativeProfile.displayName);
  return (
    <Loaded result={result}>
      {({ creativeProfile: c }) => (
        <article>
          <h1 tabIndex={-1}>{c.displayName}</h1>
          <p className={styles.meta}>
            {/* An erased profile has no kind, place or availability: only its placeholder name shows. */}
            {c.kind && t(`creatives.kind.${c.kind}`)}
            {c.municipality && <> · {c.municipality.name}</>}
            {c.availability && <> · {t(`creatives.availability.${c.availability}`)}</>}
          </p>
          <p>{text(c.bio)}</p>
          <dl className={styles.facts}>
            <Terms label={t('terms.domains')} terms={c.domains} />
            <Terms label={t('terms.crafts')} terms={c.crafts} words={c.freeCrafts} />
            <Terms label={t('terms.techniques')} terms={c.techniques} words={c.freeTechniques} />
            <Terms label={t('terms.materials')} terms={c.materials} words={c.freeMaterials} />
            <Terms label={t('terms.skills')} terms={c.skills} words={c.freeSkills} />
            {c.languages.length > 0 ? (
              <div>
                <dt>{t('creatives.languages')}</dt>
                <dd>{c.languages.join(', ')}</dd>
              </div>
            ) : null}
          </dl>
          {c.portfolioItems.length > 0 || c.portfolioLinks.length > 0 ? (
            <section className={styles.section} aria-labelledby="portfolio-title">
              <h2 id="portfolio-title">{t('creatives.portfolio')}</h2>
              {c.portfolioItems.map((item) => {
                const title = pickText(i18n.language, item.title);
                const description = pickText(i18n.language, item.description);
                // Who it was made for and when: "Alpina, 2024".
                const made = [item.client, item.year === null ? null : String(item.year)].filter(Boolean).join(', ');
                return (
                  <article key={item.id}>
                    {item.image ? <img src={item.image.url} alt={title?.text ?? ''} width={320} height={240} loading="lazy" style={{ maxWidth: '100%', height: 'auto', objectFit: 'cover', borderRadius: 'var(--radius)' }} /> : null}
                    <h3 lang={title?.lang}>{title?.text}</h3>
                    {made ? <p className={styles.meta}>{made}</p> : null}
                    {description ? (
                      <p lang={description.lang} style={{ whiteSpace: 'pre-line' }}>
                        {description.text}
                      </p>
                    ) : null}
                    {item.link ? (
                      <p>
                        <a href={item.link} rel="noopener noreferrer">
                          {item.link}
                        </a>
                      </p>
                    ) : null}
                  </article>
                );
              })}
              <ul>
                {c.portfolioLinks.map((url) => (
                  <li key={url}>
                    <a href={url} rel="noopener noreferrer">
                      {url}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </article>
      )}
    </Loaded>
  );
}

const needRoute = getRouteApi('/needs/$needId');
export function NeedPage() {
  const { t, i18n } = useTranslation();
  const text = useText();
  const { needId } = needRoute.useParams();
  const [result] = useQuery({ query: NeedQuery, variables: { id: needId } });
  usePageTitle(pickText(i18n.language, result.data?.need.title)?.text);
  return (
    <Loaded result={result}>
      {({ need }) => (
        <article>
          <h1 tabIndex={-1}>{text(need.title)}</h1>
          <p className={styles.meta}>
            {t('needs.by')}{' '}
            <Link to="/organisations/$organisationId" params={{ organisationId: need.owner.id }}>
              {need.owner.name}
            </Link>
          </p>
          <ManageNeedLink organisationId={need.owner.id} needId={need.id} />
          <p style={{ whiteSpace: 'pre-line' }}>{text(need.description)}</p>
          <dl className={styles.facts}>
            <Terms label={t('terms.domains')} terms={need.domains} />
            {need.budgetMinEur !== null || need.budgetMaxEur !== null ? (
              <div>
                <dt>{t('needs.budget')}</dt>
                <dd>
                  {t('needs.budgetRange', {
                    min: need.budgetMinEur !== null ? formatEuro(i18n.language, need.budgetMinEur) : '–',
                    max: need.budgetMaxEur !== null ? formatEuro(i18n.language, need.budgetMaxEur) : '–',
                  })}
                </dd>
              </div>
            ) : null}
            {need.timelineStart || need.timelineEnd ? (
              <div>
                <dt>{t('needs.timeline')}</dt>
                <dd>{t('needs.timelineRange', { start: need.timelineStart ?? '–', end: need.timelineEnd ?? '–' })}</dd>
              </div>
            ) : null}
          </dl>
        </article>
      )}
    </Loaded>
  );
}

const offerRoute = getRouteApi('/offers/$offerId');
export function OfferPage() {
  const { t, i18n } = useTranslation();
  const text = useText();
  const { offerId } = offerRoute.useParams();
  const [result] = useQuery({ query: OfferQuery, variables: { id: offerId } });
  usePageTitle(pickText(i18n.language, result.data?.offer.title)?.text);
  return (
    <Loaded result={result}>
      {({ offer }) => (
        <article>
          <h1 tabIndex={-1}>{text(offer.title)}</h1>
          <p className={styles.meta}>
            {t(`offers.kind.${offer.kind}`)} ·{' '}
            <Link to="/creatives/$creativeId" params={{ creativeId: offer.creative.id }}>
              {offer.creative.displayName}
            </Link>
          </p>
          <p style={{ whiteSpace: 'pre-line' }}>{text(offer.description)}</p>
          <dl className={styles.facts}>
            <Terms label={t('terms.domains')} terms={offer.domains} />
            {offer.priceFromEur !== null ? (
              <div>
                <dt>{t('offers.priceFrom')}</dt>
                <dd>{formatEuro(i18n.language, offer.priceFromEur)}</dd>
              </div>
            ) : null}
          </dl>
        </article>
      )}
    </Loaded>
  );
}
