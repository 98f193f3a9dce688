import type { Grade } from './labels.js';
import { figures } from './metrics.js';

/**
 * Weight tuning with cross-validation for `npm run bench:matching -- --cv`.
 *
 * The product's match score is the weighted mean of the factors that apply (match-scoring.ts), and
 * the API returns every factor's score and weight with each match. So a challenge's whole ranked
 * pool, read once with its factors, can be re-ranked under any other weights exactly, without a
 * restart: retrieval and the eligibility filter do not depend on the weights. On-site location is
 * the one special case: its weight is at least ON_SITE_LOCATION_WEIGHT whatever is configured; a
 * row whose location weight differs from the configured one keeps that floor.
 */

export interface PoolFactor { factor: string; score: number; weight: number }
/** One candidate of a challenge's pool, in the product's order. */
export interface PoolRow { key: string; factors: readonly PoolFactor[] }
export type Weights = Readonly<Record<string, number>>;

/** The weight a factor gets under `weights`, given the weight the product applied under `configured`. */
function weightOf(f: PoolFactor, weights: Weights, configured: Weights): number {
  const asked = weights[f.factor] ?? 0;
  const floor = Math.abs(f.weight - (configured[f.factor] ?? 0)) > 1e-9 ? f.weight : 0;
  return Math.max(asked, floor);
}

/** The weighted mean of the row's factors under `weights`. */
export function rescore(row: PoolRow, weights: Weights, configured: Weights): number {
  let total = 0;
  let sum = 0;
  for (const f of row.factors) {
    const w = weightOf(f, weights, configured);
    total += w;
    sum += w * f.score;
  }
  return total > 0 ? sum / total : 0;
}

/** The pool re-ranked under `weights` (stable: ties keep the product's order). */
export function rerank(pool: readonly PoolRow[], weights: Weights, configured: Weights): string[] {
  return pool
    .map((row, i) => ({ key: row.key, i, score: rescore(row, weights, configured) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((r) => r.key);
}

export interface Split { keys: readonly string[]; pools: ReadonlyMap<string, readonly PoolRow[]>; labels: Readonly<Record<string, Readonly<Record<string, Grade>>>> }

/** The tuning objective: mean of nDCG@10 and recall@50 over the briefs (both are the goals). */
export function objective(split: Split, keys: readonly string[], weights: Weights, configured: Weights): { ndcg10: number; recall50: number; value: number } {
  let ndcg10 = 0;
  let recall50 = 0;
  for (const k of keys) {
    const f = figures(rerank(split.pools.get(k) ?? [], weights, configured), split.labels[k]);
    ndcg10 += f.ndcg10;
    recall50 += f.recall50;
  }
  ndcg10 /= Math.max(1, keys.length);
  recall50 /= Math.max(1, keys.length);
  return { ndcg10, recall50, value: (ndcg10 + recall50) / 2 };
}

/** The grid each weight is searched on (absolute weights: the mean normalises them). */
export const WEIGHT_GRID: readonly number[] = [0, 0.01, 0.02, 0.04, 0.06, 0.08, 0.12, 0.16, 0.2, 0.28, 0.36, 0.42, 0.5, 0.6];

/**
 * Coordinate ascent on `keys`: each factor in turn takes the grid value that maximises the
 * objective, for at most `rounds` passes or until no factor moves. Deterministic (factors in the
 * given order, ties keep the current value).
 */
export function tune(split: Split, keys: readonly string[], factors: readonly string[], start: Weights, configured: Weights, rounds = 4): Record<string, number> {
  const w: Record<string, number> = { ...start };
  let best = objective(split, keys, w, configured).value;
  for (let round = 0; round < rounds; round += 1) {
    let moved = false;
    for (const factor of factors) {
      const current = w[factor] ?? 0;
      let pick = current;
      for (const value of WEIGHT_GRID) {
        if (value === current) continue;
        const v = objective(split, keys, { ...w, [factor]: value }, configured).value;
        if (v > best + 1e-9) {
          best = v;
          pick = value;
        }
      }
      if (pick !== current) {
        w[factor] = pick;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return w;
}

export interface FoldResult { held: readonly string[]; weights: Record<string, number>; ndcg10: number; recall50: number }

/**
 * k-fold cross-validation on `keys` (folds by position: key i goes to fold i mod k): tune on k−1
 * folds, measure on the one left out. The mean over folds estimates what tuning buys on unseen briefs.
 */
export function crossValidate(split: Split, keys: readonly string[], k: number, factors: readonly string[], start: Weights, configured: Weights): FoldResult[] {
  const out: FoldResult[] = [];
  for (let fold = 0; fold < k; fold += 1) {
    const held = keys.filter((_, i) => i % k === fold);
    const train = keys.filter((_, i) => i % k !== fold);
    if (held.length === 0 || train.length === 0) continue;
    const weights = tune(split, train, factors, start, configured);
    const f = objective(split, held, weights, configured);
    out.push({ held, weights, ndcg10: f.ndcg10, recall50: f.recall50 });
  }
  return out;
}
