import type { ScheduleFix, ScheduleInput, UnscheduledExplanation } from './scheduling.types';
import type { ScheduleState } from './state';

/** Slovenian accusative after a number: "1 drug sestanek", "2 druga sestanka", "3 druge sestanke", "5 drugih sestankov". */
function otherMeetingsSl(n: number): string {
  const r = n % 100;
  if (r === 1) return `${n} drug sestanek`;
  if (r === 2) return `${n} druga sestanka`;
  if (r === 3 || r === 4) return `${n} druge sestanke`;
  return `${n} drugih sestankov`;
}

/** "za 1 minuto", "za 2 minuti", "za 3 minute", "za 20 minut". */
function minutesSl(n: number): string {
  const r = n % 100;
  if (r === 1) return `${n} minuto`;
  if (r === 2) return `${n} minuti`;
  if (r === 3 || r === 4) return `${n} minute`;
  return `${n} minut`;
}

/**
 * Why each unscheduled meeting is unscheduled in the final schedule, and what would fit it, computed on that
 * schedule (not guessed):
 *  - NO_COMMON_SLOT: the two sides share no slot that has tables;
 *  - ONE_SIDE_FULL: in every common slot a side is at its per-session or overall cap;
 *  - WOULD_DISPLACE: otherwise; `displaced` is the fewest scheduled meetings that would have to leave one common slot
 *    (the side's meeting there, a meeting over a side's cap, one meeting for a table).
 * Fixes, each verified by construction (the schedule plus this one meeting is valid after the change, so objective
 * (1) rises by one):
 *  - ADD_TABLE in slot k: both sides free and under their caps in k, only the tables are taken;
 *  - EXTEND_EVENT by the last slot's length: one more slot after the last one, in the last session, with the last
 *    slot's tables; both sides under their caps for that session and overall (and able to stay, which the text says).
 */
export function explainUnscheduled(state: ScheduleState, input: ScheduleInput, minutesOf: (t: number) => number): Map<string, UnscheduledExplanation> {
  const m = state.m;
  const out = new Map<string, UnscheduledExplanation>();
  const label = new Map(input.slots.map((s) => [s.id, s.label ?? s.id]));
  const lastSlot = m.S - 1;
  for (let e = 0; e < m.E; e++) {
    if (state.slotOf[e] >= 0) continue;
    const a = m.ma[e];
    const b = m.mb[e];
    const capped = (p: number, t: number) => state.sessCount(p, t) >= state.sessCap(p, t) || state.total[p] >= m.capTotal[p];
    const fixes: ScheduleFix[] = [];
    const common = Array.from(m.cand[e]).filter((t) => m.tables[t] > 0);
    for (const t of common) {
      if (state.busy[a * m.S + t] >= 0 || state.busy[b * m.S + t] >= 0 || capped(a, t) || capped(b, t)) continue;
      if (state.load[t] < m.tables[t]) continue; // would fit as it stands (not after fillFreeRoom)
      const slot = label.get(m.slotIds[t]) ?? m.slotIds[t];
      fixes.push({
        kind: 'ADD_TABLE',
        slotId: m.slotIds[t],
        text: { en: `One more table in slot ${slot} would fit this meeting.`, sl: `Še ena miza v terminu ${slot} bi omogočila ta sestanek.` },
      });
      if (fixes.length >= 3) break;
    }
    if (lastSlot >= 0 && m.tables[lastSlot] > 0) {
      // The extra slot joins the last session: the caps of that session apply.
      const fitsAfter = (p: number) => state.sessCount(p, lastSlot) < state.sessCap(p, lastSlot) && state.total[p] < m.capTotal[p];
      if (fitsAfter(a) && fitsAfter(b)) {
        const minutes = minutesOf(lastSlot);
        fixes.push({
          kind: 'EXTEND_EVENT',
          minutes,
          text: {
            en: `Extending the event by ${minutes} minutes (one more slot at the end) would fit this meeting, if both can stay.`,
            sl: `Podaljšanje dogodka za ${minutesSl(minutes)} (še en termin na koncu) bi omogočilo ta sestanek, če lahko oba ostaneta.`,
          },
        });
      }
    }
    if (common.length === 0) {
      out.set(m.meetingIds[e], {
        code: 'NO_COMMON_SLOT',
        text: { en: 'The two participants have no common free slot.', sl: 'Udeleženca nimata skupnega prostega termina.' },
        fixes,
      });
      continue;
    }
    const fullEverywhere = [a, b].filter((p) => common.every((t) => capped(p, t)));
    if (common.every((t) => capped(a, t) || capped(b, t))) {
      const full = fullEverywhere.length > 0 ? fullEverywhere : [a, b];
      const labels = full.map((p) => input.participants[p]?.label);
      const named = labels.every((l) => l !== undefined);
      const both = full.length > 1;
      out.set(m.meetingIds[e], {
        code: 'ONE_SIDE_FULL',
        full: full.map((p) => m.participantIds[p]),
        text: named ? {
          en: `${labels.join(' and ')} already ${both ? 'have' : 'has'} the most meetings allowed in every common slot.`,
          sl: `${labels.join(' in ')} ${both ? 'imata' : 'ima'} že največ dovoljenih sestankov v vseh skupnih terminih.`,
        } : {
          en: `${both ? 'Both participants already have' : 'One participant already has'} the most meetings allowed in every common slot.`,
          sl: `${both ? 'Oba udeleženca imata' : 'Eden od udeležencev ima'} že največ dovoljenih sestankov v vseh skupnih terminih.`,
        },
        fixes,
      });
      continue;
    }
    let fewest = Infinity;
    for (const t of common) fewest = Math.min(fewest, displacedAt(state, e, t));
    out.set(m.meetingIds[e], {
      code: 'WOULD_DISPLACE',
      displaced: fewest,
      text: {
        en: `Every common slot is taken: fitting this meeting would displace ${fewest} other meeting${fewest === 1 ? '' : 's'}.`,
        sl: `Vsi skupni termini so zasedeni: za ta sestanek bi bilo treba umakniti ${otherMeetingsSl(fewest)}.`,
      },
      fixes,
    });
  }
  return out;
}

/**
 * The fewest scheduled meetings that must leave for meeting e to sit in slot t: each side's meeting in t, for a side
 * at its session (or overall) cap one more of its meetings (unless one already leaving counts), and one meeting of
 * the slot when its tables are still all taken. Locked meetings count like any other (the organiser may unlock).
 */
export function displacedAt(state: ScheduleState, e: number, t: number): number {
  const m = state.m;
  const out = new Set<number>();
  const a = m.ma[e];
  const b = m.mb[e];
  for (const p of [a, b]) if (state.busy[p * m.S + t] >= 0) out.add(state.busy[p * m.S + t]);
  const s = m.slotSession[t];
  for (const p of [a, b]) {
    let inSession = state.sessCount(p, t);
    let overall = state.total[p];
    for (const f of out) {
      if (m.ma[f] !== p && m.mb[f] !== p) continue;
      overall--;
      if (m.slotSession[state.slotOf[f]] === s) inSession--;
    }
    if (inSession >= state.sessCap(p, t)) {
      const victim = m.byParticipant[p].find((f) => state.slotOf[f] >= 0 && m.slotSession[state.slotOf[f]] === s && !out.has(f));
      if (victim !== undefined) out.add(victim);
      overall--;
    }
    if (overall >= m.capTotal[p]) {
      const victim = m.byParticipant[p].find((f) => state.slotOf[f] >= 0 && !out.has(f));
      if (victim !== undefined) out.add(victim);
    }
  }
  let freed = 0;
  for (const f of out) if (state.slotOf[f] === t) freed++;
  if (state.load[t] - freed >= m.tables[t]) out.add(-1 - t);
  return out.size;
}
