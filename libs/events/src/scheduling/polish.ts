import type { ScheduleState } from './state';
import { participantGaps } from './state';

/**
 * Objective (4), minimal disruption, is ranked before idle gaps (2) and fairness (3): organisers have already
 * published the previous schedule and every moved meeting means messages and confusion, while a gap is an
 * inconvenience. So, without changing the set of scheduled meetings, move meetings back to their previous slot
 * where it is free, and never let the later passes move a meeting away from its previous slot.
 */
export function restorePrevious(state: ScheduleState): number {
  const m = state.m;
  let restored = 0;
  for (let e = 0; e < m.E; e++) {
    const prev = m.prevSlot[e];
    const cur = state.slotOf[e];
    if (prev < 0 || cur < 0 || cur === prev || m.lockedSlot[e] >= 0 || !m.cand[e].includes(prev)) continue;
    state.setSlot(e, -1);
    if (state.canPlace(e, prev)) {
      state.setSlot(e, prev);
      restored++;
    } else state.setSlot(e, cur);
  }
  state.commit();
  return restored;
}

/**
 * Objective (2): move single meetings to another common slot when that strictly lowers the two sides' idle gaps.
 * Only moves that keep the number and weight of meetings (a move is remove + place, never a drop) and never take a
 * meeting away from its previous slot.
 */
export function reduceGaps(state: ScheduleState, deadline: number, now: () => number): number {
  const m = state.m;
  let total = 0;
  for (let pass = 0; pass < 20; pass++) {
    let improved = 0;
    for (let e = 0; e < m.E; e++) {
      if ((e & 63) === 0 && now() >= deadline) return total + improved;
      const cur = state.slotOf[e];
      if (cur < 0 || m.lockedSlot[e] >= 0 || m.prevSlot[e] === cur) continue;
      const a = m.ma[e];
      const b = m.mb[e];
      const before = participantGaps(state, a) + participantGaps(state, b);
      if (before === 0) continue;
      let bestSlot = cur;
      let bestGaps = before;
      state.setSlot(e, -1);
      for (const t of m.cand[e]) {
        if (t === cur || !state.canPlace(e, t)) continue;
        state.setSlot(e, t);
        const after = participantGaps(state, a) + participantGaps(state, b);
        state.setSlot(e, -1);
        if (after < bestGaps) {
          bestGaps = after;
          bestSlot = t;
        }
      }
      state.setSlot(e, bestSlot);
      if (bestSlot !== cur) improved++;
    }
    state.commit();
    total += improved;
    if (improved === 0) break;
  }
  return total;
}

/**
 * Objective (3): raise the minimum number of meetings of participants with requests. A waiting meeting of a
 * participant at the minimum goes in where its only blocker is one meeting of the same weight whose two sides both
 * keep more than minimum + 1 meetings, the blocker not at its previous slot and the two sides' idle gaps not growing.
 */
export function raiseMinimum(
  state: ScheduleState,
  blockersOf: (e: number, t: number) => number[] | null,
  deadline: number,
  now: () => number,
): number {
  const m = state.m;
  let swaps = 0;
  for (let round = 0; round < 50 && now() < deadline; round++) {
    let min = Infinity;
    for (let p = 0; p < m.P; p++) if (m.byParticipant[p].length > 0) min = Math.min(min, state.total[p]);
    if (!Number.isFinite(min)) return swaps;
    let changed = false;
    for (let p = 0; p < m.P && !changed; p++) {
      if (m.byParticipant[p].length === 0 || state.total[p] !== min) continue;
      for (const e of m.byParticipant[p]) {
        if (changed) break;
        if (state.slotOf[e] >= 0) continue;
        for (const t of m.cand[e]) {
          if (m.tables[t] === 0) continue;
          const out = blockersOf(e, t);
          const f = out && out.length === 1 ? out[0] : -1;
          if (f < 0 || m.weight[f] !== m.weight[e] || m.prevSlot[f] === state.slotOf[f] || m.lockedSlot[f] >= 0) continue;
          // Taking a meeting from p itself would not raise p.
          if (m.ma[f] === p || m.mb[f] === p) continue;
          const fa = m.ma[f];
          const fb = m.mb[f];
          if ((fa !== m.ma[e] && fa !== m.mb[e] && state.total[fa] <= min + 1) || (fb !== m.ma[e] && fb !== m.mb[e] && state.total[fb] <= min + 1)) continue;
          const people = [...new Set([m.ma[e], m.mb[e], fa, fb])];
          const before = people.reduce((sum, q) => sum + participantGaps(state, q), 0);
          const mark = state.mark();
          state.setSlot(f, -1);
          if (!state.canPlace(e, t)) {
            state.rollback(mark);
            continue;
          }
          state.setSlot(e, t);
          const after = people.reduce((sum, q) => sum + participantGaps(state, q), 0);
          const fOthersMin = Math.min(state.total[fa], state.total[fb]);
          if (after > before || fOthersMin < min) {
            state.rollback(mark);
            continue;
          }
          state.commit();
          swaps++;
          changed = true;
          break;
        }
      }
    }
    if (!changed) break;
  }
  return swaps;
}

/** Last pass: any waiting meeting that now fits as the schedule stands goes in (polish moves can free room). */
export function fillFreeRoom(state: ScheduleState): number {
  const m = state.m;
  let added = 0;
  for (let e = 0; e < m.E; e++) {
    if (state.slotOf[e] >= 0) continue;
    for (const t of m.cand[e]) {
      if (state.canPlace(e, t)) {
        state.setSlot(e, t);
        added++;
        break;
      }
    }
  }
  state.commit();
  return added;
}

/**
 * Objective (2), stronger: move meeting e to slot t even when one meeting f is in the way, if f can go to another
 * of its slots and the four people involved end with fewer idle gaps in total. The set of scheduled meetings never
 * changes, and meetings at their previous slot or locked are never moved. `blockersOf` is the search's blocker
 * computation (the meetings that must leave t for e to fit).
 */
export function reduceGapsWithSwaps(
  state: ScheduleState,
  blockersOf: (e: number, t: number) => number[] | null,
  deadline: number,
  now: () => number,
): number {
  const m = state.m;
  const movable = (f: number) => m.lockedSlot[f] < 0 && m.prevSlot[f] !== state.slotOf[f];
  let total = 0;
  for (let pass = 0; pass < 10; pass++) {
    let improved = 0;
    for (let e = 0; e < m.E; e++) {
      if ((e & 31) === 0 && now() >= deadline) return total + improved;
      const cur = state.slotOf[e];
      if (cur < 0 || !movable(e)) continue;
      const a = m.ma[e];
      const b = m.mb[e];
      if (participantGaps(state, a) + participantGaps(state, b) === 0) continue;
      for (const t of m.cand[e]) {
        if (t === cur) continue;
        state.setSlot(e, -1);
        const out = blockersOf(e, t);
        state.setSlot(e, cur);
        if (!out || out.length !== 1 || !movable(out[0])) continue;
        const f = out[0];
        const people = [...new Set([a, b, m.ma[f], m.mb[f]])];
        const before = people.reduce((sum, p) => sum + participantGaps(state, p), 0);
        const mark = state.mark();
        state.setSlot(e, -1);
        state.setSlot(f, -1);
        if (!state.canPlace(e, t)) {
          state.rollback(mark);
          continue;
        }
        state.setSlot(e, t);
        let bestSlot = -1;
        let bestGaps = before;
        for (const u of m.cand[f]) {
          if (u === t || !state.canPlace(f, u)) continue;
          state.setSlot(f, u);
          const after = people.reduce((sum, p) => sum + participantGaps(state, p), 0);
          state.setSlot(f, -1);
          if (after < bestGaps) {
            bestGaps = after;
            bestSlot = u;
          }
        }
        if (bestSlot < 0) {
          state.rollback(mark);
          continue;
        }
        state.setSlot(f, bestSlot);
        state.commit();
        improved++;
        break;
      }
    }
    total += improved;
    if (improved === 0) break;
  }
  return total;
}
