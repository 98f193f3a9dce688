import type { Model } from './model';
import { unscheduledReason } from './reasons';
import type {
  Assignment, ExactLevelReport, ObjectiveLevel, OptimalityProof, ScheduleBound, ScheduleMethod, ScheduleResult, UnscheduledExplanation, UnscheduledMeeting,
} from './scheduling.types';
import { participantGaps, type ScheduleState } from './state';

/**
 * Table numbers per slot: locked tables first, then each meeting that stays in its previous slot gets its previous
 * table back when free (so a kept meeting is not "moved" to another table), then the smallest free numbers.
 */
export function assignTables(state: ScheduleState): Int32Array {
  const m = state.m;
  const table = new Int32Array(m.E).fill(-1);
  for (let t = 0; t < m.S; t++) {
    const members = [...state.members[t]].sort((x, y) => x - y);
    const taken = new Uint8Array(m.tables[t] + 1);
    for (const e of members) {
      if (m.lockedSlot[e] === t) {
        table[e] = m.lockedTable[e];
        taken[table[e]] = 1;
      }
    }
    for (const e of members) {
      const prev = m.prevTable[e];
      if (table[e] < 0 && m.prevSlot[e] === t && prev >= 1 && prev <= m.tables[t] && !taken[prev]) {
        table[e] = prev;
        taken[prev] = 1;
      }
    }
    let next = 1;
    for (const e of members) {
      if (table[e] >= 0) continue;
      while (taken[next]) next++;
      table[e] = next;
      taken[next] = 1;
    }
  }
  return table;
}

/** What the scheduler adds to the schedule's own figures. */
export interface ResultExtras {
  proof: OptimalityProof;
  provenBound: number;
  objective: ObjectiveLevel[];
  levels: ExactLevelReport[];
  wallClockCapHit: boolean;
  stopped: boolean;
  work: ScheduleResult['work'];
  explanations: Map<string, UnscheduledExplanation> | null;
}

export function buildResult(
  state: ScheduleState,
  bound: ScheduleBound,
  method: ScheduleMethod,
  extras: ResultExtras,
  started: number,
  now: number,
  notes: string[],
): ScheduleResult {
  const m: Model = state.m;
  const table = assignTables(state);
  const assignments: Assignment[] = [];
  const unscheduled: UnscheduledMeeting[] = [];
  let moved = 0;
  for (let e = 0; e < m.E; e++) {
    const t = state.slotOf[e];
    if (t >= 0) assignments.push({ meetingId: m.meetingIds[e], slotId: m.slotIds[t], table: table[e] });
    else {
      const explanation = extras.explanations?.get(m.meetingIds[e]);
      unscheduled.push({ meetingId: m.meetingIds[e], reason: unscheduledReason(state, e), ...(explanation ? { explanation } : {}) });
    }
    if (m.hadPrevious[e] && (t < 0 || t !== m.prevSlot[e] || table[e] !== m.prevTable[e])) moved++;
  }
  const perParticipant: Record<string, number> = {};
  const gapsPer: Record<string, number> = {};
  let totalGaps = 0;
  const counts: number[] = [];
  for (let p = 0; p < m.P; p++) {
    const id = m.participantIds[p];
    perParticipant[id] = state.total[p];
    const g = participantGaps(state, p);
    gapsPer[id] = g;
    totalGaps += g;
    if (m.byParticipant[p].length > 0) counts.push(state.total[p]);
  }
  counts.sort((x, y) => x - y);
  const median = counts.length === 0 ? 0
    : counts.length % 2 === 1 ? counts[(counts.length - 1) / 2] : (counts[counts.length / 2 - 1] + counts[counts.length / 2]) / 2;
  return {
    assignments,
    unscheduled,
    scheduled: state.count,
    weight: state.weight,
    bound,
    ratio: bound.best === 0 ? 1 : state.count / bound.best,
    idleGaps: { total: totalGaps, perParticipant: gapsPer },
    perParticipant,
    stats: { min: counts[0] ?? 0, median, max: counts[counts.length - 1] ?? 0 },
    moved,
    optimal: extras.proof !== null,
    proof: extras.proof,
    provenBound: Math.max(state.count, extras.provenBound),
    gap: Math.max(0, extras.provenBound - state.count),
    objective: extras.objective,
    levels: extras.levels,
    wallClockCapHit: extras.wallClockCapHit,
    stopped: extras.stopped,
    work: extras.work,
    runtimeMs: Math.round(now - started),
    method,
    notes,
  };
}
