import { crossValidate, objective, rerank, rescore, tune, type PoolRow, type Split } from '../scripts/bench-data/matching-set/reweight.js';

/** The offline re-weighting behind `npm run bench:matching -- --cv`. */
describe('matching bench re-weighting', () => {
  const configured = { text: 0.5, crafts: 0.5, location: 0.02 };
  const row = (key: string, text: number, crafts: number, location?: { score: number; weight: number }): PoolRow => ({
    key,
    factors: [{ factor: 'text', score: text, weight: 0.5 }, { factor: 'crafts', score: crafts, weight: 0.5 }, ...(location ? [{ factor: 'location', ...location }] : [])],
  });

  it('recomputes the weighted mean over the factors that apply, keeping the on-site location floor', () => {
    expect(rescore(row('a', 1, 0), { text: 3, crafts: 1 }, configured)).toBeCloseTo(0.75, 10);
    // location applied at 0.25 while 0.02 was configured: on-site, so it keeps 0.25 even when asked for 0.
    expect(rescore(row('b', 0, 0, { score: 1, weight: 0.25 }), { text: 0.5, crafts: 0.5, location: 0 }, configured)).toBeCloseTo(0.25 / 1.25, 10);
    // an ordinary location factor follows the asked weight.
    expect(rescore(row('c', 0, 0, { score: 1, weight: 0.02 }), { text: 0.5, crafts: 0.5, location: 0 }, configured)).toBe(0);
  });

  it('re-ranks by the new weights and keeps the product order on ties', () => {
    const pool = [row('t', 1, 0), row('c', 0, 1), row('tie', 0, 1)];
    expect(rerank(pool, { text: 1, crafts: 0 }, configured)).toEqual(['t', 'c', 'tie']);
    expect(rerank(pool, { text: 0, crafts: 1 }, configured)).toEqual(['c', 'tie', 't']);
  });

  it('tunes towards the factor that separates relevant from irrelevant, and cross-validates on left-out briefs', () => {
    // In every brief the relevant profile has the craft, the irrelevant ones only text.
    const keys = ['b0', 'b1', 'b2', 'b3'];
    const pools = new Map(keys.map((k) => [k, [row(`${k}-noise1`, 1, 0), row(`${k}-noise2`, 0.9, 0.1), row(`${k}-good`, 0.2, 1)]]));
    const labels = Object.fromEntries(keys.map((k) => [k, { [`${k}-good`]: 3 as const, [`${k}-noise1`]: 0 as const, [`${k}-noise2`]: 0 as const }]));
    const split: Split = { keys, pools, labels };
    const start = { text: 0.6, crafts: 0.01 };
    expect(rerank(pools.get('b0') ?? [], start, configured)[0]).toBe('b0-noise1');
    const tuned = tune(split, keys, ['text', 'crafts'], start, configured);
    expect(tuned.crafts).toBeGreaterThan(tuned.text);
    expect(objective(split, keys, tuned, configured).ndcg10).toBe(1);
    const folds = crossValidate(split, keys, 2, ['text', 'crafts'], start, configured);
    expect(folds.map((f) => f.held)).toEqual([['b0', 'b2'], ['b1', 'b3']]);
    for (const f of folds) expect(f.ndcg10).toBe(1);
  });
});
