import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEntity, EventParticipantEntity, EventSlotEntity } from '@app/database';
import { type Actor, canEditFor, isAdmin } from '@app/identity';
import { OutboxStore, OutboxTopic } from '@app/jobs';
import { addToInbox, clean, isUuid, MarketplaceException, requireVerified } from '@app/marketplace';
import type { DataSource, EntityManager } from 'typeorm';
import { CREATIVE_TYPES, EventStatus, ORGANISATION_TYPES, ParticipantStatus, type ParticipationType } from '../events/event.rules.js';
import { canManageEvent, canSeeEvent, EventsService } from '../events/events.service.js';
import { controlsParticipant, findParticipant, participantAccounts, participantNames } from './participants.js';
import { MeetingRequestsService } from '../requests/meeting-requests.service.js';

export interface RegistrationCommand {
  /** Register one's creative profile, or an organisation one edits (exactly one). */
  creativeProfileId?: string | null;
  organisationId?: string | null;
  participationType: ParticipationType;
  /** Slots the participant can meet in; omitted: every slot. */
  availableSlotIds?: string[] | null;
  offersText?: string | null;
  seeksText?: string | null;
  /** The organisation's published needs to discuss. */
  needIds?: string[] | null;
  /** The creative's published offers to present. */
  offerIds?: string[] | null;
}

export type RegistrationUpdate = Omit<Partial<RegistrationCommand>, 'creativeProfileId' | 'organisationId' | 'participationType'>;

const MAX_TEXT = 1000;

/** Registration: who takes part as what, when they can meet, and what they offer and seek. */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly outbox: OutboxStore,
    private readonly requests: MeetingRequestsService,
  ) {}

  async register(actor: Actor, eventId: string, c: RegistrationCommand, now = new Date()): Promise<EventParticipantEntity> {
    requireVerified(actor);
    return this.dataSource.transaction(async (m) => {
      const event = await this.lockVisible(m, actor, eventId);
      if (event.status !== EventStatus.Published) throw MarketplaceException.invalidState(`event ${eventId} is not open for registration (${event.status.toLowerCase()})`);
      if (now < event.registrationOpensAt || now >= event.registrationClosesAt) {
        throw MarketplaceException.invalidState(`registration is open from ${event.registrationOpensAt.toISOString()} to ${event.registrationClosesAt.toISOString()}`);
      }
      if (Boolean(c.creativeProfileId) === Boolean(c.organisationId)) throw MarketplaceException.invalid('creativeProfileId', 'register either your creative profile or an organisation');
      if (!event.participationTypes.includes(c.participationType)) {
        throw MarketplaceException.invalid('participationType', `this event accepts ${event.participationTypes.join(', ')}`);
      }
      if (c.creativeProfileId) {
        if (!CREATIVE_TYPES.includes(c.participationType)) throw MarketplaceException.invalid('participationType', `a creative profile registers as ${CREATIVE_TYPES.join(', ')}`);
        // Admins may register a creative on their behalf (e.g. from a paper form at the venue).
        if (actor.creativeProfileId !== c.creativeProfileId && !isAdmin(actor)) throw MarketplaceException.forbidden('you may register only your own creative profile');
        const exists = isUuid(c.creativeProfileId) ? await m.query(`SELECT 1 FROM creative_profile WHERE id = $1 AND erased_at IS NULL`, [c.creativeProfileId]) as unknown[] : [];
        if (exists.length === 0) throw MarketplaceException.invalid('creativeProfileId', `creative profile ${c.creativeProfileId} was not found`);
      } else {
        if (!ORGANISATION_TYPES.includes(c.participationType)) throw MarketplaceException.invalid('participationType', `an organisation registers as ${ORGANISATION_TYPES.join(', ')}`);
        if (!isUuid(c.organisationId ?? '') || !canEditFor(actor, c.organisationId ?? '')) throw MarketplaceException.forbidden('owners and editors register their organisation');
      }
      const repo = m.getRepository(EventParticipantEntity);
      const existing = await repo.findOne({ where: c.creativeProfileId ? { eventId, creativeProfileId: c.creativeProfileId } : { eventId, organisationId: c.organisationId ?? '' }, lock: { mode: 'pessimistic_write' } });
      if (existing && existing.status !== ParticipantStatus.Withdrawn) {
        throw MarketplaceException.invalidState(existing.status === ParticipantStatus.Rejected ? 'the organisers declined this registration' : 'already registered for this event');
      }
      const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM event_participant WHERE event_id = $1 AND status IN ('APPROVED', 'PENDING')`, [eventId])) as { n: number }[];
      if (n >= event.capacity) throw MarketplaceException.invalidState(`event ${eventId} is full (${event.capacity} participants)`);
      const participant = existing ?? repo.create({ eventId, creativeProfileId: c.creativeProfileId ?? null, organisationId: c.organisationId ?? null, checkedInAt: null });
      Object.assign(participant, {
        accountId: actor.accountId, participationType: c.participationType, registeredAt: now, decidedAt: event.requiresApproval ? null : now,
        status: event.requiresApproval ? ParticipantStatus.Pending : ParticipantStatus.Approved,
      });
      await this.applyDetails(m, participant, c);
      const saved = await repo.save(participant);
      await this.setAvailability(m, event, saved, c.availableSlotIds ?? null);
      await this.outbox.record(m, [{ topic: OutboxTopic.EventParticipantChanged, aggregateType: 'event-participant', aggregateId: saved.id }]);
      return saved;
    });
  }

  async update(actor: Actor, participantId: string, u: RegistrationUpdate): Promise<EventParticipantEntity> {
    return this.dataSource.transaction(async (m) => {
      const participant = await findParticipant(m, participantId, true);
      if (!participant || !controlsParticipant(actor, participant)) throw MarketplaceException.notFound('Participant', participantId);
      const event = await this.lockVisible(m, actor, participant.eventId);
      if (event.status !== EventStatus.Published) throw MarketplaceException.invalidState(`event ${event.id} is ${event.status.toLowerCase()}; registrations no longer change`);
      if (participant.status === ParticipantStatus.Withdrawn || participant.status === ParticipantStatus.Rejected) throw MarketplaceException.invalidState(`this registration is ${participant.status.toLowerCase()}`);
      await this.applyDetails(m, participant, { ...current(participant), ...u });
      const saved = await m.getRepository(EventParticipantEntity).save(participant);
      if (u.availableSlotIds !== undefined) await this.setAvailability(m, event, saved, u.availableSlotIds);
      await this.outbox.record(m, [{ topic: OutboxTopic.EventParticipantChanged, aggregateType: 'event-participant', aggregateId: saved.id }]);
      return saved;
    });
  }

  /** The participant leaves: their live requests are cancelled (the other sides are told) and they leave the directory. */
  async withdraw(actor: Actor, participantId: string, now = new Date()): Promise<EventParticipantEntity> {
    return this.dataSource.transaction(async (m) => {
      const participant = await findParticipant(m, participantId, true);
      if (!participant || !controlsParticipant(actor, participant)) throw MarketplaceException.notFound('Participant', participantId);
      if (participant.status === ParticipantStatus.Withdrawn) return participant;
      participant.status = ParticipantStatus.Withdrawn;
      const saved = await m.getRepository(EventParticipantEntity).save(participant);
      await this.requests.cancelAllOf(m, participant, now);
      await this.outbox.record(m, [{ topic: OutboxTopic.EventParticipantChanged, aggregateType: 'event-participant', aggregateId: saved.id }]);
      return saved;
    });
  }

  /** Organisers approve or decline a pending registration; the registrant is told. */
  async decide(actor: Actor, participantId: string, approve: boolean, now = new Date()): Promise<EventParticipantEntity> {
    return this.dataSource.transaction(async (m) => {
      const participant = await findParticipant(m, participantId, true);
      const event = participant ? await m.getRepository(EventEntity).findOne({ where: { id: participant.eventId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!participant || !event || !canManageEvent(actor, event)) throw MarketplaceException.notFound('Participant', participantId);
      if (participant.status !== ParticipantStatus.Pending) throw MarketplaceException.invalidState(`this registration is ${participant.status.toLowerCase()}, not pending`);
      Object.assign(participant, { status: approve ? ParticipantStatus.Approved : ParticipantStatus.Rejected, decidedAt: now });
      const saved = await m.getRepository(EventParticipantEntity).save(participant);
      await addToInbox(m, await participantAccounts(m, [saved]), {
        kind: approve ? 'event-registration-approved' : 'event-registration-declined', subjectType: 'event', subjectId: event.id, idempotencyKey: `event-registration:${saved.id}:${saved.status}`,
      });
      await this.outbox.record(m, [{ topic: OutboxTopic.EventParticipantChanged, aggregateType: 'event-participant', aggregateId: saved.id }]);
      return saved;
    });
  }

  /** Organisers see every registration; approved participants see the other approved ones; others none. */
  async participants(actor: Actor, eventId: string, status?: ParticipantStatus): Promise<EventParticipantEntity[]> {
    const event = await this.events.get(actor, eventId);
    const all = await this.dataSource.getRepository(EventParticipantEntity).find({ where: { eventId }, order: { registeredAt: 'ASC', id: 'ASC' } });
    if (canManageEvent(actor, event)) return status ? all.filter((p) => p.status === status) : all;
    const inside = all.some((p) => p.status === ParticipantStatus.Approved && controlsParticipant(actor, p));
    if (!inside) throw MarketplaceException.forbidden('the participant list is for the organisers and approved participants');
    return all.filter((p) => p.status === ParticipantStatus.Approved || controlsParticipant(actor, p)).filter((p) => !status || p.status === status);
  }

  async availability(participantIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = participantIds.length === 0 ? [] : (await this.dataSource.query(
      `SELECT a.participant_id, a.slot_id FROM event_availability a JOIN event_slot s ON s.id = a.slot_id WHERE a.participant_id = ANY($1::uuid[]) ORDER BY s.position`,
      [participantIds],
    )) as { participant_id: string; slot_id: string }[];
    const out = new Map<string, string[]>(participantIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.participant_id)?.push(r.slot_id);
    return out;
  }

  /** Display names of participants (creative display name or organisation name), one query. */
  names(participants: readonly EventParticipantEntity[]): Promise<Map<string, string>> {
    return participantNames(this.dataSource.manager, participants.map((p) => p.id));
  }

  async mine(actor: Actor, eventId: string): Promise<EventParticipantEntity[]> {
    await this.events.get(actor, eventId);
    return (await this.dataSource.getRepository(EventParticipantEntity).findBy({ eventId })).filter((p) => controlsParticipant(actor, p));
  }

  /**
   * Locks the event row and checks the caller may see it, on the transaction's own connection. A
   * second pool connection taken here starved the pool: with as many registrations at once as the
   * pool has connections, each held one and waited for another, and none ever finished.
   */
  private async lockVisible(m: EntityManager, actor: Actor, eventId: string): Promise<EventEntity> {
    const event = isUuid(eventId) ? await m.getRepository(EventEntity).findOne({ where: { id: eventId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!event || !canSeeEvent(actor, event)) throw MarketplaceException.notFound('Event', eventId);
    return event;
  }

  private async applyDetails(m: EntityManager, p: EventParticipantEntity, c: RegistrationUpdate): Promise<void> {
    const offersText = clean(c.offersText);
    const seeksText = clean(c.seeksText);
    if ((offersText?.length ?? 0) > MAX_TEXT || (seeksText?.length ?? 0) > MAX_TEXT) throw MarketplaceException.invalid('offersText', `what you offer and seek have at most ${MAX_TEXT} characters each`);
    const needIds = [...new Set(c.needIds ?? [])];
    const offerIds = [...new Set(c.offerIds ?? [])];
    if (needIds.length > 0) {
      if (!p.organisationId) throw MarketplaceException.invalid('needIds', 'needs belong to organisations; a creative links offers');
      const ok = needIds.every(isUuid) ? ((await m.query(`SELECT id FROM need WHERE id = ANY($1::uuid[]) AND owner_organisation_id = $2 AND status = 'PUBLISHED'`, [needIds, p.organisationId])) as unknown[]).length : -1;
      if (ok !== needIds.length) throw MarketplaceException.invalid('needIds', "link only your organisation's published needs");
    }
    if (offerIds.length > 0) {
      if (!p.creativeProfileId) throw MarketplaceException.invalid('offerIds', 'offers belong to creatives; an organisation links needs');
      const ok = offerIds.every(isUuid) ? ((await m.query(`SELECT id FROM offer WHERE id = ANY($1::uuid[]) AND creative_profile_id = $2 AND status = 'PUBLISHED'`, [offerIds, p.creativeProfileId])) as unknown[]).length : -1;
      if (ok !== offerIds.length) throw MarketplaceException.invalid('offerIds', 'link only your own published offers');
    }
    Object.assign(p, { offersText, seeksText, needIds, offerIds });
  }

  /**
   * Replaces the participant's availability. Every slot must be one of this event's; a slot that
   * holds one of their placed meetings cannot be taken away (cancel that meeting first).
   */
  private async setAvailability(m: EntityManager, event: EventEntity, p: EventParticipantEntity, slotIds: readonly string[] | null): Promise<void> {
    const slots = await m.getRepository(EventSlotEntity).findBy({ eventId: event.id });
    const known = new Set(slots.map((s) => s.id));
    const wanted = slotIds === null ? [...known] : [...new Set(slotIds)];
    wanted.forEach((id, i) => {
      if (!known.has(id)) throw MarketplaceException.invalid(`availableSlotIds.${i}`, `slot ${id} is not a slot of this event`);
    });
    if (wanted.length === 0) throw MarketplaceException.invalid('availableSlotIds', 'give at least one slot you can meet in');
    const busy = (await m.query(
      `SELECT em.slot_id FROM event_meeting em JOIN meeting_request r ON r.id = em.request_id
        WHERE r.status = 'ACCEPTED' AND (r.from_participant_id = $1 OR r.to_participant_id = $1)`,
      [p.id],
    )) as { slot_id: string }[];
    const keep = new Set(wanted);
    const lost = busy.filter((b) => !keep.has(b.slot_id));
    if (lost.length > 0) throw MarketplaceException.invalid('availableSlotIds', `you have a meeting in ${lost.length} slot(s) you are leaving out; cancel those meetings first`);
    await m.query(`DELETE FROM event_availability WHERE participant_id = $1`, [p.id]);
    await m.query(`INSERT INTO event_availability (participant_id, slot_id) SELECT $1, unnest($2::uuid[])`, [p.id, wanted]);
  }
}

function current(p: EventParticipantEntity): RegistrationUpdate {
  return { offersText: p.offersText, seeksText: p.seeksText, needIds: p.needIds, offerIds: p.offerIds };
}
