import { placeable } from './bounds';
import type { Model } from './model';
import { SchedulingInputError } from './scheduling.errors';
import type { ObjectiveLevel } from './scheduling.types';
import { participantGaps, type ScheduleState } from './state';

/**
 * The lexicographic objective: (1) accepted requests that get a meeting, (2) mutual-interest meetings, (3) fairness
 * (the fewest meetings of anyone who asked, raised), (4) fewer idle gaps, (5) on a re-run fewer changes to the
 * published schedule. A level never gives up anything of a level before it. Organisers may reorder (2)-(4).
 */
export const DEFAULT_OBJECTIVE_ORDER: readonly ObjectiveLevel[] = ['requests', 'mutual', 'fairness', 'gaps', 'changes'];

/** The levels an organiser may reorder; (1) always comes first and (5) last. */
export const REORDERABLE_LEVELS: readonly ObjectiveLevel[] = ['mutual', 'fairness', 'gaps'];

/**
 * The full order from the organiser's choice of (2)-(4): `undefined` gives the default; anything else must be a
 * permutation of mutual, fairness and gaps (throws SchedulingInputError otherwise). On a re-run with minimal
 * disruption (the default for re-runs: late registrations, cancellations, a table removed mid-event), fewer changes
 * comes right after (1): keep what is placed, maximise (1) again, then move as little as possible, and only then
 * (2)-(4) among the schedules with that few moves.
 */
export function objectiveOrder(middle?: readonly string[], minimalDisruption = false): ObjectiveLevel[] {
  if (middle === undefined) return withDisruption([...DEFAULT_OBJECTIVE_ORDER], minimalDisruption);
  const valid = middle.length === REORDERABLE_LEVELS.length
    && REORDERABLE_LEVELS.every((level) => middle.filter((x) => x === level).length === 1);
  if (!valid) {
    throw new SchedulingInputError('INVALID_VALUE', `objective order must list ${REORDERABLE_LEVELS.join(', ')} once each (got ${middle.join(', ') || 'nothing'})`);
  }
  return withDisruption(['requests', ...(middle as ObjectiveLevel[]), 'changes'], minimalDisruption);
}

function withDisruption(order: ObjectiveLevel[], minimalDisruption: boolean): ObjectiveLevel[] {
  if (!minimalDisruption) return order;
  return ['requests', 'changes', ...order.filter((l) => l !== 'requests' && l !== 'changes')];
}

/** Participants who asked for at least one meeting that could take place at all (a common slot with tables). */
export function askers(m: Model): number[] {
  const out: number[] = [];
  for (let p = 0; p < m.P; p++) if (m.byParticipant[p].some((e) => placeable(m, e))) out.push(p);
  return out;
}

/**
 * Each level's value as a number to MAXIMISE (gaps and changes are negated), in the given order. Changes count the
 * meetings with a previous placement that are no longer in their previous slot (tables are renumbered afterwards and
 * keep the previous table whenever it is free).
 */
export function levelValues(state: ScheduleState, order: readonly ObjectiveLevel[], who: readonly number[] = askers(state.m)): number[] {
  return order.map((level) => levelValue(state, level, who));
}

export function levelValue(state: ScheduleState, level: ObjectiveLevel, who: readonly number[]): number {
  const m = state.m;
  switch (level) {
    case 'requests':
      return state.count;
    case 'mutual': {
      let n = 0;
      for (let e = 0; e < m.E; e++) if (m.mutual[e] && state.slotOf[e] >= 0) n++;
      return n;
    }
    case 'fairness': {
      let min = Infinity;
      for (const p of who) min = Math.min(min, state.total[p]);
      return Number.isFinite(min) ? min : 0;
    }
    case 'gaps': {
      let gaps = 0;
      for (let p = 0; p < m.P; p++) gaps += participantGaps(state, p);
      return -gaps;
    }
    case 'changes': {
      let moved = 0;
      for (let e = 0; e < m.E; e++) if (m.hadPrevious[e] && state.slotOf[e] !== m.prevSlot[e]) moved++;
      return -moved;
    }
  }
}

/** -1, 0 or 1: lexicographic comparison of two value vectors (larger is better). */
export function compareLevels(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < x.length; i++) {
    if (x[i] > y[i]) return 1;
    if (x[i] < y[i]) return -1;
  }
  return 0;
}
