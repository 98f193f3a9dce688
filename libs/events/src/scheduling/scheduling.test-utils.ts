import { mulberry32 } from './rng';
import type { ScheduleInput, ScheduleMeeting, ScheduleResult } from './scheduling.types';

/** Parameters of a random instance for the property tests. */
export interface InstanceParams {
  seed: number;
  participants: number;
  slots: number;
  sessions: number;
  maxTables: number;
  availability: number;
  meetings: number;
  cap: number;
  bipartite: boolean;
  locks: number;
  fullAvailability?: boolean;
  capTotal?: number;
}

const rng = mulberry32;

/** A random valid instance; locks are drawn so that they are consistent (no clash, caps, tables, availability). */
export function randomInstance(q: InstanceParams): ScheduleInput {
  const random = rng(q.seed);
  const int = (n: number) => Math.floor(random() * n);
  const perSession = Math.ceil(q.slots / q.sessions);
  const slots = Array.from({ length: q.slots }, (_, i) => ({
    id: `s${i}`, sessionId: `x${Math.floor(i / perSession)}`, index: i * 10, tables: q.maxTables === 0 ? 0 : 1 + int(q.maxTables),
  }));
  const participants = Array.from({ length: q.participants }, (_, p) => ({
    id: `p${p}`,
    available: slots.filter(() => q.fullAvailability || random() < q.availability).map((s) => s.id),
    capPerSession: 1 + int(q.cap),
    ...(q.capTotal !== undefined ? { capTotal: q.capTotal } : {}),
  }));
  const half = Math.max(1, Math.floor(q.participants / 2));
  const meetings: ScheduleMeeting[] = [];
  for (let i = 0; i < q.meetings; i++) {
    let a = int(q.participants);
    let b = int(q.participants);
    if (q.bipartite) {
      a = int(half);
      b = half + int(Math.max(1, q.participants - half));
      if (b >= q.participants) continue;
    }
    if (a === b) continue;
    meetings.push({ id: `m${i}`, a: `p${a}`, b: `p${b}`, mutual: random() < 0.4 });
  }
  // Locks: a consistent partial schedule.
  const busy = new Set<string>();
  const seat = new Set<string>();
  const count = new Map<string, number>();
  const avail = new Map(participants.map((p) => [p.id, new Set(p.available)]));
  const caps = new Map(participants.map((p) => [p.id, p]));
  let locks = 0;
  for (const m of meetings) {
    if (locks >= q.locks) break;
    const options = slots.filter((s) => avail.get(m.a)?.has(s.id) && avail.get(m.b)?.has(s.id));
    if (options.length === 0) continue;
    const s = options[int(options.length)];
    const table = 1 + int(Math.max(1, s.tables));
    const ok = table <= s.tables && !seat.has(`${s.id}/${table}`) && !busy.has(`${m.a}/${s.id}`) && !busy.has(`${m.b}/${s.id}`)
      && [m.a, m.b].every((p) => (count.get(`${p}/${s.sessionId}`) ?? 0) < (caps.get(p)?.capPerSession ?? 0)
        && (count.get(p) ?? 0) < (caps.get(p)?.capTotal ?? Infinity));
    if (!ok) continue;
    seat.add(`${s.id}/${table}`);
    for (const p of [m.a, m.b]) {
      busy.add(`${p}/${s.id}`);
      count.set(`${p}/${s.sessionId}`, (count.get(`${p}/${s.sessionId}`) ?? 0) + 1);
      count.set(p, (count.get(p) ?? 0) + 1);
    }
    m.locked = { slotId: s.id, table };
    locks++;
  }
  return { slots, participants, meetings };
}

/** Every hard constraint and reporting promise of a result; returns the list of violations (empty = valid). */
export function violations(input: ScheduleInput, result: ScheduleResult): string[] {
  const out: string[] = [];
  const slot = new Map(input.slots.map((s) => [s.id, s]));
  const person = new Map(input.participants.map((p) => [p.id, { ...p, avail: new Set(p.available) }]));
  const meeting = new Map(input.meetings.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const busy = new Map<string, string>();
  const seats = new Set<string>();
  const load = new Map<string, number>();
  const perSession = new Map<string, number>();
  const perTotal = new Map<string, number>();
  for (const a of result.assignments) {
    const m = meeting.get(a.meetingId);
    const s = slot.get(a.slotId);
    if (!m || !s) {
      out.push(`unknown assignment ${JSON.stringify(a)}`);
      continue;
    }
    if (seen.has(m.id)) out.push(`meeting ${m.id} assigned twice`);
    seen.add(m.id);
    if (!Number.isInteger(a.table) || a.table < 1 || a.table > s.tables) out.push(`meeting ${m.id} at table ${a.table} of ${s.tables}`);
    if (seats.has(`${s.id}/${a.table}`)) out.push(`table ${a.table} of ${s.id} used twice`);
    seats.add(`${s.id}/${a.table}`);
    load.set(s.id, (load.get(s.id) ?? 0) + 1);
    for (const p of [m.a, m.b]) {
      const who = person.get(p);
      if (!who?.avail.has(s.id)) out.push(`meeting ${m.id}: ${p} not available in ${s.id}`);
      const key = `${p}/${s.id}`;
      if (busy.has(key)) out.push(`${p} double-booked in ${s.id} (${busy.get(key)}, ${m.id})`);
      busy.set(key, m.id);
      const sk = `${p}/${s.sessionId}`;
      perSession.set(sk, (perSession.get(sk) ?? 0) + 1);
      perTotal.set(p, (perTotal.get(p) ?? 0) + 1);
    }
    if (m.locked && (m.locked.slotId !== a.slotId || m.locked.table !== a.table)) out.push(`locked meeting ${m.id} moved`);
  }
  for (const [key, n] of perSession) {
    const [p, sessionId] = key.split('/');
    const who = person.get(p);
    const cap = who?.capBySession?.[sessionId] ?? who?.capPerSession ?? 0;
    if (n > cap) out.push(`${p} has ${n} meetings in session ${sessionId}, cap ${cap}`);
  }
  for (const [p, n] of perTotal) if (n > (person.get(p)?.capTotal ?? Infinity)) out.push(`${p} over its overall cap`);
  for (const m of input.meetings) if (m.locked && !seen.has(m.id)) out.push(`locked meeting ${m.id} not scheduled`);
  for (const u of result.unscheduled) {
    const m = meeting.get(u.meetingId);
    if (!m) {
      out.push(`unknown unscheduled ${u.meetingId}`);
      continue;
    }
    if (seen.has(m.id)) out.push(`meeting ${m.id} both assigned and unscheduled`);
    seen.add(m.id);
    const common = input.slots.filter((s) => person.get(m.a)?.avail.has(s.id) && person.get(m.b)?.avail.has(s.id));
    const isBusy = (s: { id: string }) => busy.has(`${m.a}/${s.id}`) || busy.has(`${m.b}/${s.id}`);
    const capped = (s: { sessionId: string }) => [m.a, m.b].some((p) => {
      const who = person.get(p);
      const cap = who?.capBySession?.[s.sessionId] ?? who?.capPerSession ?? 0;
      return (perSession.get(`${p}/${s.sessionId}`) ?? 0) >= cap || (perTotal.get(p) ?? 0) >= (who?.capTotal ?? Infinity);
    });
    const full = (s: { id: string; tables: number }) => (load.get(s.id) ?? 0) >= s.tables;
    const claim = u.reason;
    const holds = claim === 'NO_COMMON_SLOT' ? common.length === 0
      : claim === 'CAP_REACHED' ? common.length > 0 && common.every(capped)
      : claim === 'NO_TABLE' ? common.some((s) => !isBusy(s) && !capped(s) && full(s))
      : common.length > 0 && common.every((s) => isBusy(s) || capped(s));
    if (!holds) out.push(`meeting ${m.id}: reason ${claim} does not hold`);
    // Nothing left that fits as it stands (the schedule is maximal).
    if (common.some((s) => !isBusy(s) && !capped(s) && !full(s))) out.push(`meeting ${m.id} unscheduled although a slot is free`);
  }
  for (const m of input.meetings) if (!seen.has(m.id)) out.push(`meeting ${m.id} missing from the result`);
  const b = result.bound;
  if (result.scheduled !== result.assignments.length) out.push('scheduled != assignments.length');
  if (result.scheduled > b.best) out.push(`scheduled ${result.scheduled} > bound ${b.best}`);
  const valid = [b.flow, b.slot, b.capacity, ...(b.lp === null ? [] : [b.lp])];
  if (b.best !== Math.min(...valid)) out.push(`bound.best ${b.best} is not the smallest of ${valid.join(',')}`);
  return out;
}

/**
 * Exact maximum number of meetings by exhaustive search (tiny instances only: every meeting is either left out or
 * put in one of its common slots; tables are interchangeable within a slot, so the slot choice is enough).
 */
export function bruteForceOptimum(input: ScheduleInput): number {
  const slots = input.slots;
  const person = new Map(input.participants.map((p) => [p.id, p]));
  const avail = new Map(input.participants.map((p) => [p.id, new Set(p.available)]));
  const meetings = input.meetings;
  const busy = new Set<string>();
  const load = new Map<string, number>();
  const perSession = new Map<string, number>();
  const perTotal = new Map<string, number>();
  let best = 0;
  const fits = (m: ScheduleMeeting, s: (typeof slots)[number]) => (load.get(s.id) ?? 0) < s.tables
    && [m.a, m.b].every((p) => avail.get(p)?.has(s.id) && !busy.has(`${p}/${s.id}`)
      && (perSession.get(`${p}/${s.sessionId}`) ?? 0) < (person.get(p)?.capBySession?.[s.sessionId] ?? person.get(p)?.capPerSession ?? 0)
      && (perTotal.get(p) ?? 0) < (person.get(p)?.capTotal ?? Infinity));
  const apply = (m: ScheduleMeeting, s: (typeof slots)[number], d: number) => {
    load.set(s.id, (load.get(s.id) ?? 0) + d);
    for (const p of [m.a, m.b]) {
      if (d > 0) busy.add(`${p}/${s.id}`);
      else busy.delete(`${p}/${s.id}`);
      perSession.set(`${p}/${s.sessionId}`, (perSession.get(`${p}/${s.sessionId}`) ?? 0) + d);
      perTotal.set(p, (perTotal.get(p) ?? 0) + d);
    }
  };
  const go = (i: number, placed: number): void => {
    if (placed + (meetings.length - i) <= best) return;
    if (i === meetings.length) {
      best = Math.max(best, placed);
      return;
    }
    const m = meetings[i];
    const lockedSlot = m.locked ? slots.find((s) => s.id === m.locked?.slotId) : undefined;
    for (const s of lockedSlot ? [lockedSlot] : slots) {
      if (!fits(m, s)) continue;
      apply(m, s, 1);
      go(i + 1, placed + 1);
      apply(m, s, -1);
    }
    if (!m.locked) go(i + 1, placed);
  };
  go(0, 0);
  return best;
}
