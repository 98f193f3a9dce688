import type { Model } from './model';
import type { Rng } from './rng';
import { type ScheduleState } from './state';

/** Locked meetings first: they are valid on their own (checked by buildModel), so they always fit. */
export function placeLocked(state: ScheduleState): void {
  const m = state.m;
  for (let e = 0; e < m.E; e++) if (m.lockedSlot[e] >= 0) state.setSlot(e, m.lockedSlot[e]);
}

/**
 * The order of a plain greedy: most constrained first (fewest common slots), heavier (mutual) meetings first among
 * equals, then a seeded random tie-break.
 */
export function mostConstrainedOrder(m: Model, rng: Rng): number[] {
  const key = new Float64Array(m.E);
  for (let e = 0; e < m.E; e++) key[e] = rng.next();
  const order: number[] = [];
  for (let e = 0; e < m.E; e++) if (m.lockedSlot[e] < 0) order.push(e);
  return order.sort((x, y) => m.cand[x].length - m.cand[y].length || m.weight[y] - m.weight[x] || key[x] - key[y]);
}

/** Baseline: every meeting, most constrained first, into its earliest feasible slot. */
export function greedyFill(state: ScheduleState, rng: Rng): void {
  const m = state.m;
  for (const e of mostConstrainedOrder(m, rng)) {
    if (state.slotOf[e] >= 0) continue;
    for (const t of m.cand[e]) {
      if (state.canPlace(e, t)) {
        state.setSlot(e, t);
        break;
      }
    }
  }
}

/**
 * Change in p's idle gaps if p gets a meeting in slot t: -1 when it fills a hole, 0 when it extends the span by
 * one (or is p's first meeting of the session), more when it opens a hole.
 */
export function gapDelta(state: ScheduleState, p: number, t: number): number {
  const m = state.m;
  const s = m.slotSession[t];
  let lo = Infinity;
  let hi = -Infinity;
  let n = 0;
  for (let u = 0; u < m.S; u++) {
    if (m.slotSession[u] !== s || state.busy[p * m.S + u] < 0) continue;
    lo = Math.min(lo, m.slotPos[u]);
    hi = Math.max(hi, m.slotPos[u]);
    n++;
  }
  if (n === 0) return 0;
  const before = hi - lo + 1 - n;
  const pos = m.slotPos[t];
  const after = Math.max(hi, pos) - Math.min(lo, pos) + 1 - (n + 1);
  return after - before;
}

/**
 * Construction used before the local search: previous placements kept where still valid (minimal disruption),
 * then, when the LP relaxation was solved, (meeting, slot) pairs by decreasing LP value (the LP optimum is mostly
 * integral on these models, so this lands close to it), then the rest most constrained first into the slot that
 * keeps both sides' sessions compact and is least demanded by meetings still waiting.
 */
export function construct(state: ScheduleState, rng: Rng, lp: { e: Int32Array; t: Int32Array; x: Float64Array } | null): void {
  const m = state.m;
  const withPrevious: number[] = [];
  for (let e = 0; e < m.E; e++) if (state.slotOf[e] < 0 && m.prevSlot[e] >= 0) withPrevious.push(e);
  withPrevious.sort((x, y) => m.weight[y] - m.weight[x] || x - y);
  for (const e of withPrevious) {
    const t = m.prevSlot[e];
    if (m.cand[e].includes(t) && state.canPlace(e, t)) state.setSlot(e, t);
  }
  if (lp) {
    const idx = Array.from({ length: lp.x.length }, (_, k) => k).filter((k) => lp.x[k] > 1e-6);
    const tie = new Float64Array(lp.x.length);
    for (const k of idx) tie[k] = rng.next();
    idx.sort((i, j) => lp.x[j] - lp.x[i] || m.weight[lp.e[j]] - m.weight[lp.e[i]] || tie[i] - tie[j]);
    for (const k of idx) {
      const e = lp.e[k];
      if (state.slotOf[e] < 0 && state.canPlace(e, lp.t[k])) state.setSlot(e, lp.t[k]);
    }
  }
  const demand = new Float64Array(m.S);
  for (let e = 0; e < m.E; e++) for (const t of m.cand[e]) demand[t] += 1 / (m.cand[e].length * Math.max(1, m.tables[t]));
  for (const e of mostConstrainedOrder(m, rng)) {
    if (state.slotOf[e] >= 0) continue;
    let best = -1;
    let bestScore = Infinity;
    for (const t of m.cand[e]) {
      if (!state.canPlace(e, t)) continue;
      const score = gapDelta(state, m.ma[e], t) + gapDelta(state, m.mb[e], t) + demand[t] * 0.5;
      if (score < bestScore) {
        bestScore = score;
        best = t;
      }
    }
    if (best >= 0) state.setSlot(e, best);
  }
}
