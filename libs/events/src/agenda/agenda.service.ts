import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type EventEntity, EventMeetingEntity, EventParticipantEntity, MeetingFeedbackEntity, MeetingRequestEntity, ScheduleRunEntity } from '@app/database';
import type { Actor } from '@app/identity';
import { clean, csvCell, isUuid, MarketplaceException } from '@app/marketplace';
import type { DataSource, EntityManager } from 'typeorm';
import { Attendance, EventStatus, ljubljanaDate, MeetingOutcome, ParticipantStatus } from '../events/event.rules.js';
import { canManageEvent, EventsService } from '../events/events.service.js';
import { controlsParticipant, findParticipant, participantNames } from '../registration/participants.js';
import type { UnscheduledReason } from '../scheduling/scheduling.types.js';

/** One meeting on a participant's agenda or the organiser's grid. */
export interface AgendaItem {
  requestId: string;
  slotId: string;
  startsAt: Date;
  endsAt: Date;
  sessionName: string | null;
  tableNo: number;
  roomKind: string;
  /** The other side (on a participant's agenda), or both sides (on the grid: `with` is side b). */
  withParticipantId: string;
  withName: string;
  participantId: string;
  participantName: string;
  mutual: boolean;
  locked: boolean;
  attendance: Attendance | null;
}

export interface Agenda {
  participant: EventParticipantEntity;
  /** False until the organisers publish the schedule: then only they see placements. */
  published: boolean;
  meetings: AgendaItem[];
  /** Accepted meetings the last run could not place, with its reason (the organisers may place them by hand). */
  unscheduled: { requestId: string; withParticipantId: string; withName: string; reason: UnscheduledReason | null }[];
}

export interface FeedbackCommand {
  followUp: boolean;
  rating?: number | null;
  outcome?: MeetingOutcome | null;
  comment?: string | null;
  asParticipantId?: string | null;
}

/** The outcome funnel of an event. */
export interface EventFunnel {
  requests: number;
  accepted: number;
  scheduled: number;
  held: number;
  noShows: number;
  followUps: number;
  proposals: number;
  contracts: number;
  /** Proposals a creative who met an organisation later submitted to that organisation's challenges. */
  proposalsOnPlatform: number;
  checkedIn: number;
  participants: number;
}

const MAX_COMMENT = 1000;

/** Agendas (GraphQL, iCal), the organiser's grid (CSV), check-in and no-shows on the day, feedback and the funnel. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  /** A participant's agenda, for the participant (published schedule only) or the organisers (always). */
  async agenda(actor: Actor, eventId: string, participantId?: string | null): Promise<Agenda> {
    const event = await this.events.get(actor, eventId);
    const m = this.dataSource.manager;
    const manager = canManageEvent(actor, event);
    let participant: EventParticipantEntity | null;
    if (participantId) {
      participant = await findParticipant(m, participantId);
      if (!participant || participant.eventId !== eventId || !(manager || controlsParticipant(actor, participant))) throw MarketplaceException.notFound('Participant', participantId);
    } else {
      const mine = (await m.getRepository(EventParticipantEntity).findBy({ eventId })).filter((p) => controlsParticipant(actor, p) && p.status === ParticipantStatus.Approved);
      if (mine.length === 0) throw MarketplaceException.invalidState(`you have no approved participation in event ${eventId}`);
      if (mine.length > 1) throw MarketplaceException.invalid('participantId', 'you take part in this event more than once; say which participation');
      participant = mine[0];
    }
    const published = event.schedulePublishedAt !== null;
    if (!published && !manager) return { participant, published, meetings: [], unscheduled: [] };
    const grid = await this.items(m, eventId, participant.id);
    const meetings = grid.map((g) => (g.participantId === participant.id ? g : {
      ...g, participantId: g.withParticipantId, participantName: g.withName, withParticipantId: g.participantId, withName: g.participantName,
    }));
    return { participant, published, meetings, unscheduled: await this.unscheduledOf(m, eventId, participant.id) };
  }

  /** The whole grid for the organisers. */
  async grid(actor: Actor, eventId: string): Promise<AgendaItem[]> {
    await this.events.managed(actor, eventId);
    return this.items(this.dataSource.manager, eventId, null);
  }

  /** The grid as CSV: one row per slot, one column per table; cells "A × B". Cells are neutralised against spreadsheet formulas. */
  async gridCsv(actor: Actor, eventId: string): Promise<string> {
    await this.events.managed(actor, eventId);
    const items = await this.items(this.dataSource.manager, eventId, null);
    const { sessions, slots } = await this.events.structure(eventId);
    const tables = Math.max(1, ...sessions.map((s) => s.tables));
    const sessionName = new Map(sessions.map((s, i) => [s.id, s.name ?? `Session ${i + 1}`]));
    const at = new Map(items.map((i) => [`${i.slotId}:${i.tableNo}`, i]));
    const time = (d: Date) => new Intl.DateTimeFormat('sl-SI', { timeZone: 'Europe/Ljubljana', hour: '2-digit', minute: '2-digit' }).format(d);
    const header = ['session', 'start', 'end', ...Array.from({ length: tables }, (_, t) => `table ${t + 1}`)];
    const lines = [header.map(csvCell).join(',')];
    for (const slot of slots) {
      const cells = Array.from({ length: tables }, (_, t) => {
        const item = at.get(`${slot.id}:${t + 1}`);
        return item ? `${item.participantName} × ${item.withName}${item.locked ? ' (locked)' : ''}` : '';
      });
      lines.push([sessionName.get(slot.sessionId) ?? '', time(slot.startsAt), time(slot.endsAt), ...cells].map(csvCell).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  /** The participant's agenda as an iCalendar file (RFC 5545), one VEVENT per meeting, times in UTC. */
  async agendaIcs(actor: Actor, eventId: string, participantId?: string | null, now = new Date()): Promise<string> {
    const event = await this.events.get(actor, eventId);
    const agenda = await this.agenda(actor, eventId, participantId);
    const title = event.titleSl ?? event.titleEn ?? 'Modrotisk';
    const events = agenda.meetings.map((item): IcsEvent => ({
      uid: `${item.requestId}@modrotisk`, startsAt: item.startsAt, endsAt: item.endsAt, sequence: event.scheduleVersion,
      summary: `Sestanek / Meeting: ${item.withName}`,
      location: item.roomKind === 'ONLINE_ROOM' ? `Online room ${item.tableNo}` : `${event.venueName}${event.venueAddress ? `, ${event.venueAddress}` : ''} – miza / table ${item.tableNo}`,
      description: `${title}${item.mutual ? ' – obojestranski interes / mutual interest' : ''}`,
    }));
    return icsCalendar(title, events, now);
  }

  /** Organisers mark a participant present (or take it back) on the day of the event. */
  async checkIn(actor: Actor, participantId: string, present: boolean, now = new Date()): Promise<EventParticipantEntity> {
    return this.dataSource.transaction(async (m) => {
      const participant = await findParticipant(m, participantId, true);
      const event = participant ? await this.events.get(actor, participant.eventId, m).catch(() => null) : null;
      if (!participant || !event || !canManageEvent(actor, event)) throw MarketplaceException.notFound('Participant', participantId);
      if (participant.status !== ParticipantStatus.Approved) throw MarketplaceException.invalidState(`this registration is ${participant.status.toLowerCase()}`);
      this.onTheDay(event, now);
      participant.checkedInAt = present ? (participant.checkedInAt ?? now) : null;
      return m.getRepository(EventParticipantEntity).save(participant);
    });
  }

  /** Held or no-show, once the meeting's slot has begun: the organisers, or either side. */
  async markAttendance(actor: Actor, requestId: string, attendance: Attendance, now = new Date()): Promise<EventMeetingEntity> {
    return this.dataSource.transaction(async (m) => {
      const { meeting, event, startsAt } = await this.meetingFor(m, actor, requestId, true);
      if (event.status === EventStatus.Cancelled) throw MarketplaceException.invalidState('the event was cancelled');
      if (startsAt > now) throw MarketplaceException.invalidState('the meeting has not begun yet');
      meeting.attendance = attendance;
      return m.getRepository(EventMeetingEntity).save(meeting);
    });
  }

  /** One short feedback per side after the meeting began (changeable later, e.g. when a contract follows). */
  async feedback(actor: Actor, requestId: string, c: FeedbackCommand, now = new Date()): Promise<MeetingFeedbackEntity> {
    if (c.rating !== null && c.rating !== undefined && (!Number.isInteger(c.rating) || c.rating < 1 || c.rating > 5)) throw MarketplaceException.invalid('rating', 'a rating is 1 to 5');
    const comment = clean(c.comment);
    if ((comment?.length ?? 0) > MAX_COMMENT) throw MarketplaceException.invalid('comment', `a comment has at most ${MAX_COMMENT} characters`);
    return this.dataSource.transaction(async (m) => {
      const { meeting, request, startsAt } = await this.meetingFor(m, actor, requestId, false);
      if (startsAt > now) throw MarketplaceException.invalidState('feedback opens when the meeting begins');
      if (meeting.attendance === Attendance.NoShow) throw MarketplaceException.invalidState('this meeting was marked as a no-show');
      const sides = await Promise.all([findParticipant(m, request.fromParticipantId), findParticipant(m, request.toParticipantId)]);
      const mine = sides.filter((p): p is EventParticipantEntity => p !== null && controlsParticipant(actor, p) && (!c.asParticipantId || p.id === c.asParticipantId));
      if (mine.length === 0) throw MarketplaceException.forbidden('only the two participants give feedback on a meeting');
      if (mine.length > 1) throw MarketplaceException.invalid('asParticipantId', 'say for which side you give feedback');
      if (meeting.attendance === null) await m.update(EventMeetingEntity, { requestId }, { attendance: Attendance.Held });
      const repo = m.getRepository(MeetingFeedbackEntity);
      const row = (await repo.findOneBy({ requestId, participantId: mine[0].id })) ?? repo.create({ requestId, participantId: mine[0].id });
      Object.assign(row, { followUp: c.followUp, rating: c.rating ?? null, outcome: c.outcome ?? MeetingOutcome.None, comment });
      return repo.save(row);
    });
  }

  async funnel(actor: Actor, eventId: string): Promise<EventFunnel> {
    await this.events.managed(actor, eventId);
    const [row] = (await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM meeting_request WHERE event_id = $1)::int AS requests,
         (SELECT count(*) FROM meeting_request WHERE event_id = $1 AND (status = 'ACCEPTED' OR (status = 'CANCELLED' AND responded_at IS NOT NULL)))::int AS accepted,
         (SELECT count(*) FROM event_meeting WHERE event_id = $1)::int AS scheduled,
         (SELECT count(*) FROM event_meeting WHERE event_id = $1 AND attendance = 'HELD')::int AS held,
         (SELECT count(*) FROM event_meeting WHERE event_id = $1 AND attendance = 'NO_SHOW')::int AS no_shows,
         (SELECT count(DISTINCT f.request_id) FROM meeting_feedback f JOIN meeting_request r ON r.id = f.request_id WHERE r.event_id = $1 AND f.follow_up)::int AS follow_ups,
         (SELECT count(DISTINCT f.request_id) FROM meeting_feedback f JOIN meeting_request r ON r.id = f.request_id WHERE r.event_id = $1 AND f.outcome = 'PROPOSAL')::int AS proposals,
         (SELECT count(DISTINCT f.request_id) FROM meeting_feedback f JOIN meeting_request r ON r.id = f.request_id WHERE r.event_id = $1 AND f.outcome = 'CONTRACT')::int AS contracts,
         (SELECT count(DISTINCT pr.id)
            FROM event_meeting em JOIN meeting_request r ON r.id = em.request_id
            JOIN event_participant a ON a.id = r.from_participant_id JOIN event_participant b ON b.id = r.to_participant_id
            JOIN event e ON e.id = em.event_id
            JOIN proposal pr ON pr.lead_creative_profile_id = coalesce(a.creative_profile_id, b.creative_profile_id)
            JOIN challenge c ON c.id = pr.challenge_id AND c.owner_organisation_id = coalesce(a.organisation_id, b.organisation_id)
           WHERE em.event_id = $1 AND em.attendance = 'HELD' AND pr.submitted_at >= e.event_date)::int AS on_platform,
         (SELECT count(*) FROM event_participant WHERE event_id = $1 AND checked_in_at IS NOT NULL)::int AS checked_in,
         (SELECT count(*) FROM event_participant WHERE event_id = $1 AND status = 'APPROVED')::int AS participants`,
      [eventId],
    )) as Record<string, number>[];
    return {
      requests: row.requests, accepted: row.accepted, scheduled: row.scheduled, held: row.held, noShows: row.no_shows, followUps: row.follow_ups,
      proposals: row.proposals, contracts: row.contracts, proposalsOnPlatform: row.on_platform, checkedIn: row.checked_in, participants: row.participants,
    };
  }

  private onTheDay(event: EventEntity, now: Date): void {
    if (event.status !== EventStatus.Published && event.status !== EventStatus.Closed) throw MarketplaceException.invalidState(`event ${event.id} is ${event.status.toLowerCase()}`);
    if (ljubljanaDate(now) < event.eventDate) throw MarketplaceException.invalidState(`check-in opens on the day of the event (${event.eventDate})`);
  }

  private async meetingFor(m: EntityManager, actor: Actor, requestId: string, organiserToo: boolean) {
    const meeting = isUuid(requestId) ? await m.getRepository(EventMeetingEntity).findOne({ where: { requestId }, lock: { mode: 'pessimistic_write' } }) : null;
    const request = meeting ? await m.getRepository(MeetingRequestEntity).findOneBy({ id: requestId }) : null;
    const event = meeting ? await this.events.get(actor, meeting.eventId, m).catch(() => null) : null;
    const sides = request ? await Promise.all([findParticipant(m, request.fromParticipantId), findParticipant(m, request.toParticipantId)]) : [];
    const side = sides.some((p) => p !== null && controlsParticipant(actor, p));
    if (!meeting || !request || !event || !(side || (organiserToo && canManageEvent(actor, event)))) {
      if (meeting && request && event && canManageEvent(actor, event)) throw MarketplaceException.forbidden('feedback is given by the two participants');
      throw MarketplaceException.notFound('Scheduled meeting', requestId);
    }
    if (!side && !event.schedulePublishedAt && !canManageEvent(actor, event)) throw MarketplaceException.notFound('Scheduled meeting', requestId);
    const [{ starts_at: startsAt }] = (await m.query(`SELECT starts_at FROM event_slot WHERE id = $1`, [meeting.slotId])) as { starts_at: Date }[];
    return { meeting, request, event, startsAt };
  }

  private async items(m: EntityManager, eventId: string, participantId: string | null): Promise<AgendaItem[]> {
    const rows = (await m.query(
      `SELECT em.request_id, em.slot_id, s.starts_at, s.ends_at, ss.name AS session_name, em.table_no, ss.room_kind, em.locked, em.attendance,
              r.from_participant_id, r.to_participant_id, r.mutual
         FROM event_meeting em JOIN meeting_request r ON r.id = em.request_id
         JOIN event_slot s ON s.id = em.slot_id JOIN event_session ss ON ss.id = s.session_id
        WHERE em.event_id = $1 AND r.status = 'ACCEPTED' AND ($2::uuid IS NULL OR r.from_participant_id = $2 OR r.to_participant_id = $2)
        ORDER BY s.position, em.table_no`,
      [eventId, participantId],
    )) as {
      request_id: string; slot_id: string; starts_at: Date; ends_at: Date; session_name: string | null; table_no: number; room_kind: string; locked: boolean;
      attendance: Attendance | null; from_participant_id: string; to_participant_id: string; mutual: boolean;
    }[];
    const names = await participantNames(m, [...new Set(rows.flatMap((r) => [r.from_participant_id, r.to_participant_id]))]);
    return rows.map((r) => ({
      requestId: r.request_id, slotId: r.slot_id, startsAt: r.starts_at, endsAt: r.ends_at, sessionName: r.session_name, tableNo: r.table_no, roomKind: r.room_kind,
      participantId: r.from_participant_id, participantName: names.get(r.from_participant_id) ?? '', withParticipantId: r.to_participant_id,
      withName: names.get(r.to_participant_id) ?? '', mutual: r.mutual, locked: r.locked, attendance: r.attendance,
    }));
  }

  private async unscheduledOf(m: EntityManager, eventId: string, participantId: string): Promise<Agenda['unscheduled']> {
    const open = (await m.query(
      `SELECT r.id, CASE WHEN r.from_participant_id = $2 THEN r.to_participant_id ELSE r.from_participant_id END AS other
         FROM meeting_request r LEFT JOIN event_meeting em ON em.request_id = r.id
        WHERE r.event_id = $1 AND r.status = 'ACCEPTED' AND em.request_id IS NULL AND (r.from_participant_id = $2 OR r.to_participant_id = $2)
        ORDER BY r.created_at`,
      [eventId, participantId],
    )) as { id: string; other: string }[];
    if (open.length === 0) return [];
    const run = await m.getRepository(ScheduleRunEntity).findOne({ where: { eventId, status: 'DONE' }, order: { finishedAt: 'DESC' } });
    const reasons = new Map(((run?.report?.unscheduled ?? []) as { meetingId: string; reason: UnscheduledReason }[]).map((u) => [u.meetingId, u.reason]));
    const names = await participantNames(m, open.map((o) => o.other));
    return open.map((o) => ({ requestId: o.id, withParticipantId: o.other, withName: names.get(o.other) ?? '', reason: reasons.get(o.id) ?? null }));
  }
}

/** One VEVENT; every text is escaped and every line folded by icsCalendar. */
export interface IcsEvent {
  uid: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  summary: string;
  location: string;
  description: string;
}

/** An iCalendar file (RFC 5545): CRLF line ends, TEXT values escaped, lines folded at 75 octets, times in UTC. */
export function icsCalendar(name: string, events: readonly IcsEvent[], now: Date): string {
  const stamp = icsTime(now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Modrotisk//Match-making agenda//SL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(name)}`];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT', `UID:${icsText(e.uid)}`, `DTSTAMP:${stamp}`, `DTSTART:${icsTime(e.startsAt)}`, `DTEND:${icsTime(e.endsAt)}`,
      `SUMMARY:${icsText(e.summary)}`, `LOCATION:${icsText(e.location)}`, `DESCRIPTION:${icsText(e.description)}`,
      `SEQUENCE:${Math.trunc(e.sequence)}`, 'STATUS:CONFIRMED', 'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

function icsTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped; every line break (CRLF,
 * a lone CR, LF, and the Unicode breaks NEL, LS and PS) becomes the two characters `\n`, so no
 * value can end its content line and start a property of its own. Other control characters (TEXT
 * allows none but HTAB) are dropped; a lone surrogate becomes U+FFFD, as UTF-8 would send it.
 */
export function icsText(value: string): string {
  return value
    .replace(/\p{Cs}/gu, '\uFFFD')
    .replace(/\r\n|[\r\u0085\u2028\u2029]/g, '\n')
    .replace(/(?![\t\n])\p{Cc}/gu, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 character. */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
