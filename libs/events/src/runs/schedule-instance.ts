import type { EventMeetingEntity, EventSessionEntity, EventSlotEntity, MeetingRequestEntity } from '@app/database';
import type { ScheduleInput, ScheduleMeeting, ScheduleParticipant, ScheduleSlot } from '../scheduling/scheduling.types.js';

export interface InstanceRows {
  /** Most meetings per participant in one session (the event's rule). */
  capPerSession: number;
  sessions: readonly EventSessionEntity[];
  slots: readonly EventSlotEntity[];
  /** Approved participants and their available slot ids. */
  participants: readonly { id: string; available: readonly string[] }[];
  /** Accepted requests between approved participants. */
  requests: readonly MeetingRequestEntity[];
  /** Current placements (the last schedule, organiser moves and locks). */
  placements: readonly EventMeetingEntity[];
}

/** Slots as organisers read them in explanations: the local start time. */
const SLOT_LABEL = new Intl.DateTimeFormat('sl-SI', { timeZone: 'Europe/Ljubljana', hour: '2-digit', minute: '2-digit' });

/**
 * The scheduler's input from an event's rows: slots with their session's tables, participants with
 * availability and the session cap, accepted meetings with their current place (kept where
 * possible) and the organiser's locks (kept exactly).
 */
export function buildInstance(rows: InstanceRows): ScheduleInput {
  const sessionOf = new Map(rows.sessions.map((s) => [s.id, s]));
  const rank = new Map<string, number>();
  const slots: ScheduleSlot[] = rows.slots.map((s) => {
    const order = rank.get(s.sessionId) ?? 0;
    rank.set(s.sessionId, order + 1);
    const minutes = Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000);
    return { id: s.id, sessionId: s.sessionId, index: s.position, order, tables: sessionOf.get(s.sessionId)?.tables ?? 0, minutes, label: SLOT_LABEL.format(s.startsAt) };
  });
  const participants: ScheduleParticipant[] = rows.participants.map((p) => ({ id: p.id, available: p.available, capPerSession: rows.capPerSession }));
  const placed = new Map(rows.placements.map((p) => [p.requestId, p]));
  const approved = new Set(rows.participants.map((p) => p.id));
  const meetings: ScheduleMeeting[] = rows.requests
    .filter((r) => approved.has(r.fromParticipantId) && approved.has(r.toParticipantId))
    .map((r) => {
      const at = placed.get(r.id);
      const place = at ? { slotId: at.slotId, table: at.tableNo } : undefined;
      return { id: r.id, a: r.fromParticipantId, b: r.toParticipantId, mutual: r.mutual, ...(at?.locked ? { locked: place } : {}), ...(place ? { previous: place } : {}) };
    });
  return { slots, participants, meetings };
}
