import type { Grade } from './labels.js';
import type { BenchBrief, BenchProfile } from './types.js';

/** Metrics and the BM25 baseline of `npm run bench:matching` (tested in test/matching-set.spec.ts). */

/** Grade from which a profile counts as relevant for recall@50 and MAP (rubric.md: good or ideal). */
export const RELEVANT = 2;

export const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/** The baseline's tokeniser: lowercase, diacritics folded, split on anything not a letter or digit, 1-letter tokens dropped. */
export function tokens(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter((t) => t.length > 1);
}

/** Everything a profile says, as the baseline sees it: bio, the skills boxes and the portfolio. */
export function profileText(p: BenchProfile): string {
  return [p.bio.sl, p.bio.en, ...p.crafts, ...p.skills, ...p.techniques, ...p.portfolio.flatMap((i) => [i.title.sl, i.title.en, i.description?.sl, i.description?.en, i.client])].filter(Boolean).join(' ');
}

/** BM25 (k1 1.2, b 0.75, Lucene's idf) of the brief's title and text against each profile's text; profile keys best first, only those sharing a word. */
export function bm25Rankings(briefs: readonly BenchBrief[], profiles: readonly BenchProfile[], k1 = 1.2, b = 0.75): Map<string, string[]> {
  const docs = profiles.map((p) => {
    const ts = tokens(profileText(p));
    return { key: p.key, tf: counts(ts), length: ts.length };
  });
  const avg = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + (docs.length - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  const out = new Map<string, string[]>();
  for (const brief of briefs) {
    const query = counts(tokens([brief.title.sl, brief.title.en, brief.brief.sl, brief.brief.en].filter(Boolean).join(' ')));
    const scored = docs.map((d) => {
      let score = 0;
      for (const [t, qf] of query) {
        const f = d.tf.get(t) ?? 0;
        if (f > 0) score += qf * idf(t) * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.length) / avg)));
      }
      return { key: d.key, score };
    }).filter((s) => s.score > 0).sort((x, y) => y.score - x.score || x.key.localeCompare(y.key));
    out.set(brief.key, scored.map((s) => s.key));
  }
  return out;
}

function counts(ts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of ts) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

export interface Figures { ndcg10: number; recall50: number; recall50Ideal: number; map: number; zeroInTop10: number; top10Slots: number }

/**
 * One brief's figures for a ranking (profile keys, best first; unknown keys count as grade 0):
 * nDCG@10 with gains 2^grade − 1 against the ideal order of all graded profiles; recall@50 of the
 * relevant (grade ≥ 2) and of the ideal (grade 3) ones; average precision over all relevant ones
 * (those never ranked add 0); top-10 slots taken by grade-0 profiles. A profile listed twice
 * counts at its first place only.
 */
export function figures(listed: readonly string[], grades: Readonly<Record<string, Grade>>): Figures {
  const ranked = [...new Set(listed)];
  const all = Object.values(grades);
  const dcg = (gs: number[]) => gs.slice(0, 10).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...all].sort((a, b) => b - a));
  const g = (key: string) => grades[key] ?? 0;
  const relevant = all.filter((x) => x >= RELEVANT).length;
  const idealCount = all.filter((x) => x === 3).length;
  let hits = 0;
  let precisionSum = 0;
  ranked.forEach((key, i) => {
    if (g(key) >= RELEVANT) {
      hits += 1;
      precisionSum += hits / (i + 1);
    }
  });
  const top50 = ranked.slice(0, 50);
  return {
    ndcg10: ideal === 0 ? 0 : dcg(ranked.map(g)) / ideal,
    recall50: relevant === 0 ? 0 : top50.filter((k) => g(k) >= RELEVANT).length / relevant,
    recall50Ideal: idealCount === 0 ? 0 : top50.filter((k) => g(k) === 3).length / idealCount,
    map: relevant === 0 ? 0 : precisionSum / relevant,
    zeroInTop10: ranked.slice(0, 10).filter((k) => g(k) === 0).length,
    top10Slots: Math.min(10, ranked.length),
  };
}
