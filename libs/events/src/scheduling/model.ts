import { SchedulingInputError } from './scheduling.errors';
import type { ScheduleInput } from './scheduling.types';

/** "No cap": large enough never to bind, small enough for Int32Array. */
export const NO_CAP = 1 << 30;

/**
 * The validated input as dense integer arrays. Slots are sorted by `index` (time order), participants and meetings
 * keep input order. Everything downstream works on these indices; ids come back only in the result.
 */
export interface Model {
  S: number;
  P: number;
  E: number;
  slotIds: string[];
  /** Session number of each slot (0..sessionCount-1). */
  slotSession: Int32Array;
  /** Position of the slot within its session (from `order`, else rank of `index`); used for idle gaps. */
  slotPos: Int32Array;
  tables: Int32Array;
  sessionCount: number;
  participantIds: string[];
  /** Cap per participant and session: capSession[p * max(1, sessionCount) + s]. */
  capSession: Int32Array;
  capTotal: Int32Array;
  /** available[p * S + t] = 1 when participant p can attend slot t. */
  available: Uint8Array;
  meetingIds: string[];
  ma: Int32Array;
  mb: Int32Array;
  mutual: Uint8Array;
  weight: Float64Array;
  /** Slots where both sides are available, in time order. */
  cand: Int32Array[];
  lockedSlot: Int32Array;
  lockedTable: Int32Array;
  /** Previous placement (-1 when none or when its slot no longer exists). */
  prevSlot: Int32Array;
  prevTable: Int32Array;
  /** Whether the meeting had a previous placement at all (a vanished slot still counts as one). */
  hadPrevious: Uint8Array;
  /** Meetings of each participant. */
  byParticipant: number[][];
}

function checkInt(value: number, min: number, what: string, subject: string): void {
  if (!Number.isInteger(value) || value < min) {
    throw new SchedulingInputError('INVALID_VALUE', `${what} must be an integer >= ${min} (got ${value})`, subject);
  }
}

/** Validates the input (throws SchedulingInputError) and builds the dense model. */
export function buildModel(input: ScheduleInput, mutualWeight: number): Model {
  if (!(mutualWeight > 0) || !Number.isFinite(mutualWeight)) {
    throw new SchedulingInputError('INVALID_VALUE', `mutualWeight must be a positive number (got ${mutualWeight})`);
  }
  const slots = [...input.slots].sort((x, y) => x.index - y.index);
  const S = slots.length;
  const slotIndex = new Map<string, number>();
  const sessionIndex = new Map<string, number>();
  const slotSession = new Int32Array(S);
  const tables = new Int32Array(S);
  slots.forEach((slot, t) => {
    if (slotIndex.has(slot.id)) throw new SchedulingInputError('DUPLICATE_ID', `duplicate slot id "${slot.id}"`, slot.id);
    if (!Number.isFinite(slot.index)) throw new SchedulingInputError('INVALID_VALUE', `slot "${slot.id}" has no finite index`, slot.id);
    checkInt(slot.tables, 0, `tables of slot "${slot.id}"`, slot.id);
    slotIndex.set(slot.id, t);
    if (!sessionIndex.has(slot.sessionId)) sessionIndex.set(slot.sessionId, sessionIndex.size);
    slotSession[t] = sessionIndex.get(slot.sessionId) ?? 0;
    tables[t] = slot.tables;
  });
  const sessionCount = sessionIndex.size;
  const slotPos = new Int32Array(S);
  const rank = new Int32Array(sessionCount);
  for (let t = 0; t < S; t++) {
    const order = slots[t].order;
    if (order !== undefined && !Number.isInteger(order)) {
      throw new SchedulingInputError('INVALID_VALUE', `order of slot "${slots[t].id}" must be an integer`, slots[t].id);
    }
    slotPos[t] = order ?? rank[slotSession[t]];
    rank[slotSession[t]]++;
  }

  const P = input.participants.length;
  const participantIndex = new Map<string, number>();
  const ns = Math.max(1, sessionCount);
  const capSession = new Int32Array(P * ns);
  const capTotal = new Int32Array(P);
  const available = new Uint8Array(P * S);
  input.participants.forEach((person, p) => {
    if (participantIndex.has(person.id)) throw new SchedulingInputError('DUPLICATE_ID', `duplicate participant id "${person.id}"`, person.id);
    participantIndex.set(person.id, p);
    checkInt(person.capPerSession, 0, `capPerSession of participant "${person.id}"`, person.id);
    capSession.fill(Math.min(person.capPerSession, NO_CAP), p * ns, (p + 1) * ns);
    for (const [sessionId, cap] of Object.entries(person.capBySession ?? {})) {
      checkInt(cap, 0, `cap of participant "${person.id}" in session "${sessionId}"`, person.id);
      const s = sessionIndex.get(sessionId);
      if (s !== undefined) capSession[p * ns + s] = Math.min(cap, NO_CAP);
    }
    if (person.capTotal !== undefined) checkInt(person.capTotal, 0, `capTotal of participant "${person.id}"`, person.id);
    capTotal[p] = Math.min(person.capTotal ?? NO_CAP, NO_CAP);
    for (const slotId of person.available) {
      const t = slotIndex.get(slotId);
      if (t === undefined) throw new SchedulingInputError('UNKNOWN_SLOT', `participant "${person.id}" is available in unknown slot "${slotId}"`, slotId);
      available[p * S + t] = 1;
    }
  });

  const E = input.meetings.length;
  const meetingIndex = new Set<string>();
  const ma = new Int32Array(E);
  const mb = new Int32Array(E);
  const mutual = new Uint8Array(E);
  const weight = new Float64Array(E);
  const cand: Int32Array[] = [];
  const lockedSlot = new Int32Array(E).fill(-1);
  const lockedTable = new Int32Array(E).fill(-1);
  const prevSlot = new Int32Array(E).fill(-1);
  const prevTable = new Int32Array(E).fill(-1);
  const hadPrevious = new Uint8Array(E);
  const byParticipant: number[][] = Array.from({ length: P }, () => []);
  input.meetings.forEach((meeting, e) => {
    if (meetingIndex.has(meeting.id)) throw new SchedulingInputError('DUPLICATE_ID', `duplicate meeting id "${meeting.id}"`, meeting.id);
    meetingIndex.add(meeting.id);
    const a = participantIndex.get(meeting.a);
    const b = participantIndex.get(meeting.b);
    if (a === undefined) throw new SchedulingInputError('UNKNOWN_PARTICIPANT', `meeting "${meeting.id}" names unknown participant "${meeting.a}"`, meeting.id);
    if (b === undefined) throw new SchedulingInputError('UNKNOWN_PARTICIPANT', `meeting "${meeting.id}" names unknown participant "${meeting.b}"`, meeting.id);
    if (a === b) throw new SchedulingInputError('SELF_MEETING', `meeting "${meeting.id}" has the same participant "${meeting.a}" on both sides`, meeting.id);
    ma[e] = a;
    mb[e] = b;
    mutual[e] = meeting.mutual ? 1 : 0;
    weight[e] = meeting.mutual ? mutualWeight : 1;
    const common: number[] = [];
    for (let t = 0; t < S; t++) if (available[a * S + t] && available[b * S + t]) common.push(t);
    cand.push(Int32Array.from(common));
    byParticipant[a].push(e);
    byParticipant[b].push(e);
    if (meeting.locked) {
      const t = slotIndex.get(meeting.locked.slotId);
      if (t === undefined) throw new SchedulingInputError('UNKNOWN_SLOT', `meeting "${meeting.id}" is locked to unknown slot "${meeting.locked.slotId}"`, meeting.id);
      if (!available[a * S + t] || !available[b * S + t]) {
        throw new SchedulingInputError('INVALID_LOCK', `meeting "${meeting.id}" is locked to slot "${meeting.locked.slotId}" where ${available[a * S + t] ? meeting.b : meeting.a} is not available`, meeting.id);
      }
      if (!Number.isInteger(meeting.locked.table) || meeting.locked.table < 1 || meeting.locked.table > tables[t]) {
        throw new SchedulingInputError('INVALID_LOCK', `meeting "${meeting.id}" is locked to table ${meeting.locked.table} of slot "${meeting.locked.slotId}", which has tables 1..${tables[t]}`, meeting.id);
      }
      lockedSlot[e] = t;
      lockedTable[e] = meeting.locked.table;
    }
    if (meeting.previous) {
      hadPrevious[e] = 1;
      const t = slotIndex.get(meeting.previous.slotId);
      if (t !== undefined) {
        prevSlot[e] = t;
        prevTable[e] = meeting.previous.table;
      }
    }
  });
  const model: Model = {
    S, P, E, slotIds: slots.map((s) => s.id), slotSession, slotPos, tables, sessionCount,
    participantIds: input.participants.map((p) => p.id), capSession, capTotal, available,
    meetingIds: input.meetings.map((m) => m.id), ma, mb, mutual, weight, cand, lockedSlot, lockedTable, prevSlot, prevTable, hadPrevious, byParticipant,
  };
  validateLocks(model);
  return model;
}

/** Locks must form a valid partial schedule on their own: no double booking, no shared table, caps respected. */
function validateLocks(m: Model): void {
  const seat = new Map<number, number>();
  const busy = new Map<number, number>();
  const perSession = new Int32Array(m.P * Math.max(1, m.sessionCount));
  const perTotal = new Int32Array(m.P);
  for (let e = 0; e < m.E; e++) {
    const t = m.lockedSlot[e];
    if (t < 0) continue;
    const seatKey = t * (1 << 20) + m.lockedTable[e];
    const other = seat.get(seatKey);
    if (other !== undefined) {
      throw new SchedulingInputError('INVALID_LOCK', `meetings "${m.meetingIds[other]}" and "${m.meetingIds[e]}" are both locked to table ${m.lockedTable[e]} of slot "${m.slotIds[t]}"`, m.meetingIds[e]);
    }
    seat.set(seatKey, e);
    for (const p of [m.ma[e], m.mb[e]]) {
      const key = p * m.S + t;
      const clash = busy.get(key);
      if (clash !== undefined) {
        throw new SchedulingInputError('INVALID_LOCK', `participant "${m.participantIds[p]}" is locked into two meetings ("${m.meetingIds[clash]}", "${m.meetingIds[e]}") in slot "${m.slotIds[t]}"`, m.meetingIds[e]);
      }
      busy.set(key, e);
      const s = m.slotSession[t];
      if (++perSession[p * m.sessionCount + s] > m.capSession[p * m.sessionCount + s]) {
        throw new SchedulingInputError('INVALID_LOCK', `locked meetings exceed the per-session cap (${m.capSession[p * m.sessionCount + s]}) of participant "${m.participantIds[p]}"`, m.meetingIds[e]);
      }
      if (++perTotal[p] > m.capTotal[p]) {
        throw new SchedulingInputError('INVALID_LOCK', `locked meetings exceed the overall cap (${m.capTotal[p]}) of participant "${m.participantIds[p]}"`, m.meetingIds[e]);
      }
    }
  }
}
