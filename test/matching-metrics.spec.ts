import { bm25Rankings, figures, tokens } from '../scripts/bench-data/matching-set/metrics.js';
import type { BenchBrief, BenchProfile } from '../scripts/bench-data/matching-set/types.js';

/** The figures and the BM25 baseline that `npm run bench:matching` prints. */
describe('matching bench metrics', () => {
  it('computes nDCG@10, recall@50, grade-3 recall@50, MAP and grade-0 top-10 slots by hand-checked values', () => {
    const f = figures(['a', 'b', 'c', 'x'], { a: 3, b: 0, c: 2, d: 2, e: 1 });
    // ideal order 3,2,2,1: 7 + 3/log2(3) + 3/2 + 1/log2(5); ranked 3,0,2,0: 7 + 3/2.
    expect(f.ndcg10).toBeCloseTo(8.5 / (7 + 3 / Math.log2(3) + 1.5 + 1 / Math.log2(5)), 10);
    expect(f.recall50).toBeCloseTo(2 / 3, 10); // a and c of a, c, d
    expect(f.recall50Ideal).toBe(1);
    expect(f.map).toBeCloseTo((1 / 1 + 2 / 3) / 3, 10);
    expect(f.zeroInTop10).toBe(2); // b, and x which is not graded
    expect(f.top10Slots).toBe(4);
  });

  it('only counts the first 10 for nDCG and the first 50 for recall', () => {
    const grades = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}`, i === 55 ? 3 : 0] as const));
    const ranked = Array.from({ length: 60 }, (_, i) => `p${i}`);
    expect(figures(ranked, grades)).toMatchObject({ ndcg10: 0, recall50: 0, recall50Ideal: 0, zeroInTop10: 10 });
    expect(figures(ranked, grades).map).toBeCloseTo(1 / 56, 10);
    expect(figures(['p55', ...ranked.filter((k) => k !== 'p55')], grades)).toMatchObject({ ndcg10: 1, recall50: 1, map: 1 });
    // Listed twice (a paging overlap): counted at its first place only.
    expect(figures(['p55', ...ranked], grades)).toMatchObject({ ndcg10: 1, recall50: 1, map: 1, zeroInTop10: 9 });
  });

  it('tokenises plainly: lowercase, diacritics folded, one-letter words dropped', () => {
    expect(tokens('Škofja Loka, v Kranju! ČEVLJI-po-meri')).toEqual(['skofja', 'loka', 'kranju', 'cevlji', 'po', 'meri']);
  });

  it('ranks by BM25 over bio, skills and portfolio, across diacritics, and leaves out profiles sharing no word', () => {
    const profile = (key: string, over: Partial<BenchProfile>): BenchProfile => ({
      key, displayName: key, kind: 'INDIVIDUAL', municipality: 'Kranj', languages: ['sl'], availability: 'AVAILABLE', bio: {}, crafts: [], skills: [], techniques: [], portfolio: [],
      truth: { place: 'kranj', main: ['blueprint'], side: [] }, ...over,
    });
    const profiles = [
      profile('once', { bio: { sl: 'Delam modrotisk in še marsikaj drugega, tudi keramiko in les in papir.' } }),
      profile('twice', { crafts: ['modrotisk'], skills: ['modrotisk'] }),
      profile('portfolio', { portfolio: [{ title: { en: 'Cevlji' }, description: { en: 'modrotisk na usnju' } }] }),
      profile('none', { bio: { sl: 'Tiskarna letakov.' } }),
    ];
    const brief: BenchBrief = {
      key: 'b', organisation: { name: 'O', kind: 'COMPANY', place: 'ziri' }, challengeKind: 'INDUSTRY', criteria: [], needs: {},
      title: { sl: 'Modrotisk' }, brief: { en: 'čevlji' },
    };
    const ranked = bm25Rankings([brief], profiles).get('b');
    expect(ranked).toEqual(['portfolio', 'twice', 'once']);
  });
});
