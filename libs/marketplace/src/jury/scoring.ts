/** One juror's score on one criterion of one proposal (0-10). */
export interface CriterionScore {
  jurorId: string;
  proposalId: string;
  criterionId: string;
  score: number;
}

export interface RankedProposal {
  proposalId: string;
  rank: number;
  /** Mean over jurors of each juror's weighted score, 0-10. */
  rawScore: number;
  /** Mean over jurors of each juror's z-score (their own mean 0, spread 1): removes lenient and strict jurors' bias. */
  normalisedScore: number;
  jurorCount: number;
  /** Highest minus lowest juror's weighted total, 0-10 (0 with fewer than two jurors). */
  scoreSpread: number;
  /** The jurors disagree: two or more of them, totals at least DISAGREEMENT_SPREAD points apart. */
  disagreement: boolean;
}

/** Weighted totals this far apart (on the 0-10 scale) mark a proposal for the chair to discuss. */
export const DISAGREEMENT_SPREAD = 3;

/**
 * Weighted rubric totals per juror, normalised per juror (z-scores), averaged per proposal, ranked.
 * A juror's scores count only for proposals where they scored every criterion. A juror with a
 * single complete proposal, or with identical totals everywhere, expresses no spread: their
 * z-scores are 0 (they neither raise nor lower anyone). Ties: higher raw score, then more jurors.
 */
export function rankProposals(scores: readonly CriterionScore[], weights: ReadonlyMap<string, number>, proposalIds: readonly string[]): RankedProposal[] {
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  const byJurorProposal = new Map<string, Map<string, number>>();
  for (const s of scores) {
    if (!weights.has(s.criterionId)) continue;
    const key = `${s.jurorId}\u0000${s.proposalId}`;
    const m = byJurorProposal.get(key) ?? new Map<string, number>();
    m.set(s.criterionId, s.score);
    byJurorProposal.set(key, m);
  }
  // juror -> proposal -> weighted total (complete rubrics only)
  const totals = new Map<string, Map<string, number>>();
  for (const [key, m] of byJurorProposal) {
    if (m.size !== weights.size || totalWeight <= 0) continue;
    const [jurorId, proposalId] = key.split('\u0000');
    let sum = 0;
    for (const [criterionId, score] of m) sum += score * (weights.get(criterionId) as number);
    const perJuror = totals.get(jurorId) ?? new Map<string, number>();
    perJuror.set(proposalId, sum / totalWeight);
    totals.set(jurorId, perJuror);
  }
  const raw = new Map<string, number[]>();
  const normalised = new Map<string, number[]>();
  for (const perJuror of totals.values()) {
    const values = [...perJuror.values()];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    for (const [proposalId, total] of perJuror) {
      (raw.get(proposalId) ?? raw.set(proposalId, []).get(proposalId) as number[]).push(total);
      (normalised.get(proposalId) ?? normalised.set(proposalId, []).get(proposalId) as number[]).push(sd > 1e-9 ? (total - mean) / sd : 0);
    }
  }
  const avg = (xs: number[] | undefined) => (xs && xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const rows = proposalIds.map((proposalId) => {
    const totalsOf = raw.get(proposalId) ?? [];
    const scoreSpread = totalsOf.length >= 2 ? round(Math.max(...totalsOf) - Math.min(...totalsOf)) : 0;
    return {
      proposalId,
      rawScore: round(avg(raw.get(proposalId))),
      normalisedScore: round(avg(normalised.get(proposalId))),
      jurorCount: totalsOf.length,
      scoreSpread,
      disagreement: totalsOf.length >= 2 && scoreSpread >= DISAGREEMENT_SPREAD,
    };
  });
  rows.sort((a, b) =>
    Number(b.jurorCount > 0) - Number(a.jurorCount > 0) || b.normalisedScore - a.normalisedScore || b.rawScore - a.rawScore || b.jurorCount - a.jurorCount || a.proposalId.localeCompare(b.proposalId));
  return rows.map((r, i) => ({ ...r, rank: i + 1 }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
