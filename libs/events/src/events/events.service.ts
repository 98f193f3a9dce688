import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ContactRule, EventEntity, EventSessionEntity, EventSlotEntity, OrganisationEntity } from '@app/database';
import { type Actor, canEditFor, isOrganiser } from '@app/identity';
import { OutboxStore, OutboxTopic } from '@app/jobs';
import { clean, isUuid, type LocalizedText, MarketplaceException, requireVerified } from '@app/marketplace';
import type { DataSource, EntityManager } from 'typeorm';
import { breaksOf, EventStatus, ljubljanaDate, MAX_SLOTS_PER_EVENT, MAX_TABLES, ParticipationType, planSlots, RoomKind, type SessionInput } from './event.rules.js';

export interface EventCommand {
  title: Partial<LocalizedText>;
  description?: Partial<LocalizedText> | null;
  hostOrganisationId?: string | null;
  venueOrganisationId?: string | null;
  /** Defaults to the venue organisation's name. */
  venueName?: string | null;
  venueAddress?: string | null;
  online?: boolean;
  /** YYYY-MM-DD, Slovenian time. */
  eventDate: string;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  capacity: number;
  requiresApproval?: boolean;
  participationTypes: ParticipationType[];
  contactRules?: ContactRule[];
  maxRequestsPerParticipant: number;
  /** Most meetings per participant in any one session. */
  maxMeetingsPerSession: number;
  sessions: SessionInput[];
}

export type EventUpdate = Partial<Omit<EventCommand, 'sessions'>> & {
  /** Replaces every session (and so every slot): drafts only. */
  sessions?: SessionInput[];
  /** More (or fewer) tables in a session: any time before the event closes (extra tables help the scheduler). */
  sessionTables?: { sessionId: string; tables: number }[];
};

export interface EventWithSessions {
  event: EventEntity;
  sessions: EventSessionEntity[];
  slots: EventSlotEntity[];
}

/** Who runs an event: the regional programme's organisers, and editors of the hosting organisation. */
export function canManageEvent(actor: Actor, event: Pick<EventEntity, 'hostOrganisationId'>): boolean {
  return isOrganiser(actor) || (event.hostOrganisationId !== null && canEditFor(actor, event.hostOrganisationId));
}

/** Drafts exist only for their managers; everything else is public. */
export function canSeeEvent(actor: Actor, event: EventEntity): boolean {
  return event.status !== EventStatus.Draft || canManageEvent(actor, event);
}

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 5000;

/** Events: creation, sessions cut into slots, publication and the event's lifecycle. */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxStore,
  ) {}

  async create(actor: Actor, command: EventCommand): Promise<EventEntity> {
    requireVerified(actor);
    const host = command.hostOrganisationId ?? null;
    if (!isOrganiser(actor) && !(host && canEditFor(actor, host))) {
      throw MarketplaceException.forbidden('events are created by organisers of the regional programme, or by editors of the hosting organisation');
    }
    return this.dataSource.transaction(async (m) => {
      const event = m.getRepository(EventEntity).create({ status: EventStatus.Draft, createdByAccountId: actor.accountId, scheduleVersion: 0, isDemo: false });
      await this.apply(m, actor, event, command, true);
      const saved = await m.getRepository(EventEntity).save(event);
      await this.replaceSessions(m, saved, command.sessions);
      return saved;
    });
  }

  async update(actor: Actor, eventId: string, update: EventUpdate): Promise<EventEntity> {
    return this.dataSource.transaction(async (m) => {
      const event = await this.lockManaged(m, actor, eventId);
      if (event.status === EventStatus.Closed || event.status === EventStatus.Cancelled) throw MarketplaceException.invalidState(`event ${eventId} is ${event.status.toLowerCase()}; it no longer changes`);
      if (update.sessions && event.status !== EventStatus.Draft) {
        throw MarketplaceException.invalidState('sessions are fixed once the event is published (participants gave their availability per slot); change the number of tables instead');
      }
      if (update.eventDate && update.eventDate !== event.eventDate && event.status !== EventStatus.Draft) {
        throw MarketplaceException.invalidState('the date is fixed once the event is published');
      }
      if (update.capacity !== undefined) {
        const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM event_participant WHERE event_id = $1 AND status IN ('APPROVED', 'PENDING')`, [event.id])) as { n: number }[];
        if (update.capacity < n) throw MarketplaceException.invalid('capacity', `${n} participants are registered already; capacity cannot go below that`);
      }
      await this.apply(m, actor, event, { ...this.asCommand(event), ...update, sessions: [] }, false);
      const saved = await m.getRepository(EventEntity).save(event);
      if (update.sessions) await this.replaceSessions(m, saved, update.sessions);
      else if (update.eventDate) {
        const sessions = await m.getRepository(EventSessionEntity).findBy({ eventId: event.id });
        for (const s of sessions) if (ljubljanaDate(s.startsAt) !== saved.eventDate) throw MarketplaceException.invalid('eventDate', 'the sessions are on another day; send the sessions with the new date');
      }
      for (const [i, t] of (update.sessionTables ?? []).entries()) {
        if (!Number.isInteger(t.tables) || t.tables < 1 || t.tables > MAX_TABLES) throw MarketplaceException.invalid(`sessionTables.${i}.tables`, `a session has 1 to ${MAX_TABLES} tables or rooms`);
        const [{ used }] = (await m.query(
          `SELECT coalesce(max(em.table_no), 0)::int AS used FROM event_meeting em JOIN event_slot s ON s.id = em.slot_id WHERE s.session_id = $1`,
          [t.sessionId],
        )) as { used: number }[];
        if (t.tables < used) throw MarketplaceException.invalid(`sessionTables.${i}.tables`, `meetings are placed at table ${used}; unschedule them first or keep at least ${used} tables`);
        const changed = isUuid(t.sessionId) ? await m.getRepository(EventSessionEntity).update({ id: t.sessionId, eventId: event.id }, { tables: t.tables }) : { affected: 0 };
        if (!changed.affected) throw MarketplaceException.invalid(`sessionTables.${i}.sessionId`, `session ${t.sessionId} is not part of this event`);
      }
      return saved;
    });
  }

  /** Opens the event: it becomes public, registration opens with its window. */
  async publish(actor: Actor, eventId: string, now = new Date()): Promise<EventEntity> {
    return this.dataSource.transaction(async (m) => {
      const event = await this.lockManaged(m, actor, eventId);
      if (event.status !== EventStatus.Draft) throw MarketplaceException.invalidState(`event ${eventId} is ${event.status.toLowerCase()}, not a draft`);
      const [{ first }] = (await m.query(`SELECT min(starts_at) AS first FROM event_slot WHERE event_id = $1`, [event.id])) as { first: Date | null }[];
      if (!first || first <= now) throw MarketplaceException.invalidState('the event has already started; it cannot be published');
      if (event.registrationClosesAt > first) throw MarketplaceException.invalid('registrationClosesAt', 'registration closes before the first meeting slot');
      Object.assign(event, { status: EventStatus.Published, publishedAt: now });
      return m.getRepository(EventEntity).save(event);
    });
  }

  async setStatus(actor: Actor, eventId: string, status: EventStatus.Closed | EventStatus.Cancelled): Promise<EventEntity> {
    return this.dataSource.transaction(async (m) => {
      const event = await this.lockManaged(m, actor, eventId);
      const allowed = status === EventStatus.Closed ? event.status === EventStatus.Published : event.status === EventStatus.Draft || event.status === EventStatus.Published;
      if (!allowed) throw MarketplaceException.invalidState(`event ${eventId} is ${event.status.toLowerCase()}; it cannot become ${status.toLowerCase()}`);
      event.status = status;
      const saved = await m.getRepository(EventEntity).save(event);
      if (status === EventStatus.Cancelled) {
        // A cancelled event's participants leave the directory.
        const ids = (await m.query(`SELECT id FROM event_participant WHERE event_id = $1`, [event.id])) as { id: string }[];
        await this.outbox.record(m, ids.map((r) => ({ topic: OutboxTopic.EventParticipantChanged, aggregateType: 'event-participant', aggregateId: r.id })));
      }
      return saved;
    });
  }

  /** `m`: inside a transaction, its own manager (a second pool connection per transaction can starve the pool). */
  async get(actor: Actor, eventId: string, m: EntityManager = this.dataSource.manager): Promise<EventEntity> {
    const event = isUuid(eventId) ? await m.getRepository(EventEntity).findOneBy({ id: eventId }) : null;
    if (!event || !canSeeEvent(actor, event)) throw MarketplaceException.notFound('Event', eventId);
    return event;
  }

  /** An event the caller manages (NOT_FOUND if they cannot see it, FORBIDDEN if they can but do not run it). */
  async managed(actor: Actor, eventId: string, m: EntityManager = this.dataSource.manager): Promise<EventEntity> {
    const event = isUuid(eventId) ? await m.getRepository(EventEntity).findOneBy({ id: eventId }) : null;
    if (!event || !canSeeEvent(actor, event)) throw MarketplaceException.notFound('Event', eventId);
    if (!canManageEvent(actor, event)) throw MarketplaceException.forbidden(`only the organisers of event ${eventId} may do this`);
    return event;
  }

  /** Published, closed and cancelled events for everyone; drafts for those who manage them. Newest date first. */
  async list(actor: Actor, first = 20): Promise<EventEntity[]> {
    const events = await this.dataSource.getRepository(EventEntity).find({ order: { eventDate: 'DESC', id: 'ASC' }, take: 200 });
    return events.filter((e) => canSeeEvent(actor, e)).slice(0, first);
  }

  async structure(eventId: string, m: EntityManager = this.dataSource.manager): Promise<{ sessions: EventSessionEntity[]; slots: EventSlotEntity[] }> {
    const [sessions, slots] = await Promise.all([
      m.getRepository(EventSessionEntity).find({ where: { eventId }, order: { startsAt: 'ASC' } }),
      m.getRepository(EventSlotEntity).find({ where: { eventId }, order: { position: 'ASC' } }),
    ]);
    return { sessions, slots };
  }

  private async lockManaged(m: EntityManager, actor: Actor, eventId: string): Promise<EventEntity> {
    const event = isUuid(eventId) ? await m.getRepository(EventEntity).findOne({ where: { id: eventId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!event || !canSeeEvent(actor, event)) throw MarketplaceException.notFound('Event', eventId);
    if (!canManageEvent(actor, event)) throw MarketplaceException.forbidden(`only the organisers of event ${eventId} may change it`);
    return event;
  }

  private asCommand(e: EventEntity): EventCommand {
    return {
      title: { sl: e.titleSl, en: e.titleEn }, description: { sl: e.descriptionSl, en: e.descriptionEn }, hostOrganisationId: e.hostOrganisationId,
      venueOrganisationId: e.venueOrganisationId, venueName: e.venueName, venueAddress: e.venueAddress, online: e.online, eventDate: e.eventDate,
      registrationOpensAt: e.registrationOpensAt, registrationClosesAt: e.registrationClosesAt, capacity: e.capacity, requiresApproval: e.requiresApproval,
      participationTypes: e.participationTypes as ParticipationType[], contactRules: e.contactRules, maxRequestsPerParticipant: e.maxRequestsPerParticipant, maxMeetingsPerSession: e.maxMeetingsPerSession, sessions: [],
    };
  }

  /** Validates a whole command onto the entity; throws before anything is written. */
  private async apply(m: EntityManager, actor: Actor, event: EventEntity, c: EventCommand, creating: boolean): Promise<void> {
    const titleSl = clean(c.title.sl);
    const titleEn = clean(c.title.en);
    if (!titleSl && !titleEn) throw MarketplaceException.invalid('title', 'an event needs a Slovenian or English title');
    if ((titleSl?.length ?? 0) > MAX_TITLE || (titleEn?.length ?? 0) > MAX_TITLE) throw MarketplaceException.invalid('title', `a title has at most ${MAX_TITLE} characters`);
    const descriptionSl = clean(c.description?.sl);
    const descriptionEn = clean(c.description?.en);
    if ((descriptionSl?.length ?? 0) > MAX_DESCRIPTION || (descriptionEn?.length ?? 0) > MAX_DESCRIPTION) throw MarketplaceException.invalid('description', `a description has at most ${MAX_DESCRIPTION} characters`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.eventDate) || Number.isNaN(Date.parse(`${c.eventDate}T00:00:00Z`))) throw MarketplaceException.invalid('eventDate', 'the date is YYYY-MM-DD');
    if (!(c.registrationClosesAt > c.registrationOpensAt)) throw MarketplaceException.invalid('registrationClosesAt', 'registration closes after it opens');
    if (!Number.isInteger(c.capacity) || c.capacity < 2 || c.capacity > 5000) throw MarketplaceException.invalid('capacity', 'capacity is 2 to 5000 participants');
    if (!Number.isInteger(c.maxRequestsPerParticipant) || c.maxRequestsPerParticipant < 1 || c.maxRequestsPerParticipant > 200) {
      throw MarketplaceException.invalid('maxRequestsPerParticipant', 'each participant may send 1 to 200 requests');
    }
    if (!Number.isInteger(c.maxMeetingsPerSession) || c.maxMeetingsPerSession < 1 || c.maxMeetingsPerSession > MAX_SLOTS_PER_EVENT) {
      throw MarketplaceException.invalid('maxMeetingsPerSession', 'each participant has 1 or more meetings per session');
    }
    const types = [...new Set(c.participationTypes)];
    if (types.length === 0) throw MarketplaceException.invalid('participationTypes', 'list at least one participation type');
    for (const t of types) if (!Object.values(ParticipationType).includes(t)) throw MarketplaceException.invalid('participationTypes', `unknown participation type ${String(t)}`);
    const rules = c.contactRules ?? [];
    rules.forEach((r, i) => {
      if (!types.includes(r.from as ParticipationType) || !types.includes(r.to as ParticipationType)) {
        throw MarketplaceException.invalid(`contactRules.${i}`, `contact rule ${r.from} → ${r.to} names a type the event does not accept`);
      }
    });
    const orgs = async (id: string | null | undefined, field: string): Promise<OrganisationEntity | null> => {
      if (!id) return null;
      const org = isUuid(id) ? await m.getRepository(OrganisationEntity).findOneBy({ id }) : null;
      if (!org) throw MarketplaceException.invalid(field, `organisation ${id} was not found`);
      return org;
    };
    const host = await orgs(c.hostOrganisationId, 'hostOrganisationId');
    if ((host?.id ?? null) !== (creating ? null : event.hostOrganisationId) && !isOrganiser(actor) && !(host && canEditFor(actor, host.id))) {
      throw MarketplaceException.forbidden('only organisers, or editors of the new host, may make an organisation host the event');
    }
    const venue = await orgs(c.venueOrganisationId, 'venueOrganisationId');
    const venueName = clean(c.venueName) ?? venue?.name ?? (c.online ? 'Online' : null);
    if (!venueName) throw MarketplaceException.invalid('venueName', 'name the venue (or choose a venue organisation)');
    if (creating) planSlots(c.eventDate, c.sessions);
    Object.assign(event, {
      titleSl, titleEn, descriptionSl, descriptionEn, hostOrganisationId: host?.id ?? null, venueOrganisationId: venue?.id ?? null, venueName,
      venueAddress: clean(c.venueAddress), online: c.online ?? false, eventDate: c.eventDate, registrationOpensAt: c.registrationOpensAt,
      registrationClosesAt: c.registrationClosesAt, capacity: c.capacity, requiresApproval: c.requiresApproval ?? false, participationTypes: types,
      contactRules: rules.map((r) => ({ from: r.from, to: r.to })), maxRequestsPerParticipant: c.maxRequestsPerParticipant, maxMeetingsPerSession: c.maxMeetingsPerSession,
    });
  }

  private async replaceSessions(m: EntityManager, event: EventEntity, sessions: SessionInput[]): Promise<void> {
    const planned = planSlots(event.eventDate, sessions);
    await m.delete(EventSessionEntity, { eventId: event.id });
    const saved = await m.getRepository(EventSessionEntity).save(sessions.map((s) => m.getRepository(EventSessionEntity).create({
      eventId: event.id, name: clean(s.name), startsAt: s.startsAt, endsAt: s.endsAt, slotMinutes: s.slotMinutes, breaks: breaksOf(s), tables: s.tables,
      roomKind: s.roomKind ?? RoomKind.Table,
    })));
    await m.getRepository(EventSlotEntity).save(planned.map((p, position) => m.getRepository(EventSlotEntity).create({
      eventId: event.id, sessionId: saved[p.sessionIndex].id, position, startsAt: p.startsAt, endsAt: p.endsAt,
    })));
  }
}
