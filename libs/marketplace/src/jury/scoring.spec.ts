import { type CriterionScore, rankProposals } from './scoring.js';

const weights = new Map([['idea', 2], ['craft', 1]]);
function scores(juror: string, table: Record<string, [number, number]>): CriterionScore[] {
  return Object.entries(table).flatMap(([proposalId, [idea, craft]]) => [
    { jurorId: juror, proposalId, criterionId: 'idea', score: idea },
    { jurorId: juror, proposalId, criterionId: 'craft', score: craft },
  ]);
}

describe('rankProposals', () => {
  it('weights criteria: idea counts twice as much as craft', () => {
    const ranked = rankProposals(scores('j1', { a: [9, 3], b: [3, 9] }), weights, ['a', 'b']);
    expect(ranked.map((r) => r.proposalId)).toEqual(['a', 'b']);
    expect(ranked[0].rawScore).toBeCloseTo((9 * 2 + 3) / 3, 3);
    expect(ranked[1].rawScore).toBeCloseTo((3 * 2 + 9) / 3, 3);
  });

  it("removes a lenient juror's bias: per-juror z-scores decide, not raw points", () => {
    // j1 is strict and prefers b; j2 gives everyone high marks and barely prefers a.
    const all = [...scores('j1', { a: [2, 2], b: [6, 6], c: [4, 4] }), ...scores('j2', { a: [10, 10], b: [9, 9], c: [9, 9] })];
    const ranked = rankProposals(all, weights, ['a', 'b', 'c']);
    // Raw means rank b (7.5), c (6.5), a (6.0); normalised: b (0.26), a (0.09), c (-0.35).
    expect(ranked[0].proposalId).toBe('b');
    const a = ranked.find((r) => r.proposalId === 'a');
    const c = ranked.find((r) => r.proposalId === 'c');
    // a: strongly last for j1 (z=-1.22), first for j2 (z=1.41); c: middle for j1 (0), tied low for j2 (-0.71).
    expect(a?.normalisedScore).toBeCloseTo((-1.2247 + 1.4142) / 2, 2);
    expect(c?.normalisedScore).toBeCloseTo((0 - 0.7071) / 2, 2);
    expect(ranked.map((r) => r.proposalId)).toEqual(['b', 'a', 'c']);
  });

  it('ignores incomplete rubrics and ranks unscored proposals last', () => {
    const partial: CriterionScore[] = [{ jurorId: 'j1', proposalId: 'a', criterionId: 'idea', score: 10 }];
    const ranked = rankProposals([...partial, ...scores('j1', { b: [5, 5], c: [7, 7] })], weights, ['a', 'b', 'c']);
    expect(ranked.map((r) => r.proposalId)).toEqual(['c', 'b', 'a']);
    expect(ranked[2].jurorCount).toBe(0);
  });

  it('gives a juror without spread no influence (z = 0), and breaks the tie on raw score', () => {
    const ranked = rankProposals(scores('j1', { a: [5, 5], b: [5, 5] }), weights, ['a', 'b']);
    expect(ranked.every((r) => r.normalisedScore === 0)).toBe(true);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('marks proposals the jurors disagree on: totals at least three points apart', () => {
    const all = [...scores('j1', { a: [9, 9], b: [6, 6], c: [5, 5] }), ...scores('j2', { a: [3, 3], b: [7, 7], c: [5, 5] })];
    const ranked = rankProposals(all, weights, ['a', 'b', 'c']);
    const byId = new Map(ranked.map((r) => [r.proposalId, r]));
    expect(byId.get('a')).toMatchObject({ scoreSpread: 6, disagreement: true });
    expect(byId.get('b')).toMatchObject({ scoreSpread: 1, disagreement: false });
    expect(rankProposals(scores('j1', { a: [10, 10], b: [0, 0] }), weights, ['a', 'b']).every((r) => r.scoreSpread === 0 && !r.disagreement)).toBe(true);
  });
});
