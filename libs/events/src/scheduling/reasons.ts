import type { UnscheduledReason } from './scheduling.types';
import type { ScheduleState } from './state';

/**
 * Why waiting meeting e is not in the final schedule, read off that schedule. Per common slot t, one of: a side is
 * in another meeting in t ("busy"), else a side is at its per-session or overall cap ("cap"), else all tables of t
 * are taken ("table"). The reason, first match wins:
 *  - NO_COMMON_SLOT: the two sides share no slot at all;
 *  - CAP_REACHED: in every common slot a side is at its cap (checked before busy: raising a cap is the organiser's
 *    lever, and a capped side would stay capped whatever the other meetings did);
 *  - NO_TABLE: in some common slot both sides are free and under their caps but every table is taken (more
 *    tables would schedule it);
 *  - BOTH_BUSY: otherwise, every common slot has a side busy in another meeting (or, in some slots, at its cap).
 * A slot with zero tables counts as "table".
 */
export function unscheduledReason(state: ScheduleState, e: number): UnscheduledReason {
  const m = state.m;
  const cand = m.cand[e];
  if (cand.length === 0) return 'NO_COMMON_SLOT';
  const a = m.ma[e];
  const b = m.mb[e];
  let allCap = true;
  let anyTable = false;
  for (const t of cand) {
    const busy = state.busy[a * m.S + t] >= 0 || state.busy[b * m.S + t] >= 0;
    const capped = state.sessCount(a, t) >= state.sessCap(a, t) || state.sessCount(b, t) >= state.sessCap(b, t)
      || state.total[a] >= m.capTotal[a] || state.total[b] >= m.capTotal[b];
    if (!capped) allCap = false;
    if (!busy && !capped) anyTable = true;
  }
  if (allCap) return 'CAP_REACHED';
  if (anyTable) return 'NO_TABLE';
  return 'BOTH_BUSY';
}
