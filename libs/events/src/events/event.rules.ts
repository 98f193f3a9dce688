import type { SessionBreak } from '@app/database';
import { MarketplaceException } from '@app/marketplace';

export enum EventStatus {
  Draft = 'DRAFT',
  /** Registration (within its window), meeting requests and scheduling. */
  Published = 'PUBLISHED',
  /** The event is over: check-in closed, feedback and outcomes still recorded. */
  Closed = 'CLOSED',
  Cancelled = 'CANCELLED',
}

/** Who takes part as what; an event lists the types it accepts. */
export enum ParticipationType {
  Company = 'COMPANY',
  Municipality = 'MUNICIPALITY',
  CreativeFirm = 'CREATIVE_FIRM',
  SupportOrganisation = 'SUPPORT_ORGANISATION',
  Creative = 'CREATIVE',
  Student = 'STUDENT',
}

/** Types a creative profile may register as (a studio or firm with a creative profile is a creative firm). */
export const CREATIVE_TYPES: readonly ParticipationType[] = [ParticipationType.Creative, ParticipationType.CreativeFirm, ParticipationType.Student];
/** Types an organisation may register as (a creative firm may also be an organisation on the platform). */
export const ORGANISATION_TYPES: readonly ParticipationType[] = [ParticipationType.Company, ParticipationType.Municipality, ParticipationType.SupportOrganisation, ParticipationType.CreativeFirm];

export enum ParticipantStatus {
  Pending = 'PENDING',
  Approved = 'APPROVED',
  Rejected = 'REJECTED',
  Withdrawn = 'WITHDRAWN',
}

export enum MeetingRequestStatus {
  Pending = 'PENDING',
  Accepted = 'ACCEPTED',
  Declined = 'DECLINED',
  Cancelled = 'CANCELLED',
}

export enum RoomKind {
  Table = 'TABLE',
  OnlineRoom = 'ONLINE_ROOM',
}

export enum Attendance {
  Held = 'HELD',
  NoShow = 'NO_SHOW',
}

/** What a meeting led to, as a participant reports it after the event. */
export enum MeetingOutcome {
  None = 'NONE',
  Proposal = 'PROPOSAL',
  Contract = 'CONTRACT',
}

export interface SessionInput {
  name?: string | null;
  startsAt: Date;
  endsAt: Date;
  slotMinutes: number;
  breaks?: readonly { startsAt: Date; endsAt: Date }[];
  tables: number;
  roomKind?: RoomKind;
}

export interface PlannedSlot {
  sessionIndex: number;
  startsAt: Date;
  endsAt: Date;
}

const MINUTE = 60_000;
/** A day of meetings is at most this many slots (bounds the scheduler's instance and the grid). */
export const MAX_SLOTS_PER_EVENT = 96;
export const MAX_SESSIONS = 8;
export const MAX_TABLES = 500;

/** Europe/Ljubljana calendar date of an instant (YYYY-MM-DD). */
export function ljubljanaDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Validates the sessions of an event and cuts them into slots: back-to-back slots of the session's
 * length from its start, skipping any slot that would overlap a break; a last partial slot is
 * dropped. Errors name the offending field (`sessions.N.…`) and nothing is stored.
 */
export function planSlots(eventDate: string, sessions: readonly SessionInput[]): PlannedSlot[] {
  if (sessions.length === 0) throw MarketplaceException.invalid('sessions', 'an event needs at least one session');
  if (sessions.length > MAX_SESSIONS) throw MarketplaceException.invalid('sessions', `an event has at most ${MAX_SESSIONS} sessions`);
  const order = sessions.map((s, i) => ({ s, i })).sort((a, b) => a.s.startsAt.getTime() - b.s.startsAt.getTime());
  for (const { s, i } of order) {
    const field = `sessions.${i}`;
    if (!(s.endsAt.getTime() > s.startsAt.getTime())) throw MarketplaceException.invalid(`${field}.endsAt`, 'a session ends after it starts');
    if (ljubljanaDate(s.startsAt) !== eventDate || ljubljanaDate(new Date(s.endsAt.getTime() - 1)) !== eventDate) {
      throw MarketplaceException.invalid(field, `session ${i + 1} is outside the event's date (${eventDate}, Slovenian time)`);
    }
    if (!Number.isInteger(s.slotMinutes) || s.slotMinutes < 10 || s.slotMinutes > 120) throw MarketplaceException.invalid(`${field}.slotMinutes`, 'slots last 10 to 120 minutes');
    if (!Number.isInteger(s.tables) || s.tables < 1 || s.tables > MAX_TABLES) throw MarketplaceException.invalid(`${field}.tables`, `a session has 1 to ${MAX_TABLES} tables or rooms`);
    (s.breaks ?? []).forEach((b, j) => {
      if (!(b.endsAt.getTime() > b.startsAt.getTime())) throw MarketplaceException.invalid(`${field}.breaks.${j}`, 'a break ends after it starts');
      if (b.startsAt < s.startsAt || b.endsAt > s.endsAt) throw MarketplaceException.invalid(`${field}.breaks.${j}`, `break ${j + 1} is outside its session`);
    });
  }
  for (let k = 1; k < order.length; k++) {
    if (order[k].s.startsAt < order[k - 1].s.endsAt) {
      throw MarketplaceException.invalid(`sessions.${order[k].i}`, `session ${order[k].i + 1} overlaps session ${order[k - 1].i + 1}`);
    }
  }
  const slots: PlannedSlot[] = [];
  for (const { s, i } of order) {
    const length = s.slotMinutes * MINUTE;
    let start = s.startsAt.getTime();
    let produced = 0;
    while (start + length <= s.endsAt.getTime()) {
      const end = start + length;
      const pause = (s.breaks ?? []).find((b) => b.startsAt.getTime() < end && b.endsAt.getTime() > start);
      if (pause) {
        start = Math.max(pause.endsAt.getTime(), start + MINUTE);
        continue;
      }
      slots.push({ sessionIndex: i, startsAt: new Date(start), endsAt: new Date(end) });
      produced++;
      start = end;
    }
    if (produced === 0) throw MarketplaceException.invalid(`sessions.${i}`, `session ${i + 1} has no room for a single ${s.slotMinutes}-minute slot`);
  }
  if (slots.length > MAX_SLOTS_PER_EVENT) throw MarketplaceException.invalid('sessions', `the sessions make ${slots.length} slots; an event has at most ${MAX_SLOTS_PER_EVENT}`);
  return slots;
}

export function breaksOf(session: SessionInput): SessionBreak[] {
  return (session.breaks ?? []).map((b) => ({ startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() }));
}

/** Whether a participant of type `from` may ask one of type `to` (no rules: anyone may ask anyone). */
export function mayContact(rules: readonly { from: string; to: string }[], from: string, to: string): boolean {
  return rules.length === 0 || rules.some((r) => r.from === from && r.to === to);
}
