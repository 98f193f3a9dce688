import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEntity, type EventParticipantEntity, MeetingRequestEntity } from '@app/database';
import type { Actor } from '@app/identity';
import { addToInbox, clean, isUuid, MarketplaceException, requireVerified } from '@app/marketplace';
import type { DataSource, EntityManager } from 'typeorm';
import { EventStatus, mayContact, MeetingRequestStatus, ParticipantStatus } from '../events/event.rules.js';
import { canManageEvent, canSeeEvent } from '../events/events.service.js';
import { actingParticipant, controlsParticipant, findParticipant, participantAccounts } from '../registration/participants.js';

export const MAX_MESSAGE_LENGTH = 500;

export interface SendRequestCommand {
  toParticipantId: string;
  message?: string | null;
  /** Needed only by someone taking part twice (as a creative and for an organisation). */
  asParticipantId?: string | null;
}

/** The first key of the two-key advisory locks on a pair of participants (its own key space). */
const PAIR_LOCK_SPACE = 7243101;

/** The same key for (a, b) and (b, a). */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** Requests count against the sender's quota while they are live (pending or accepted). */
const LIVE = [MeetingRequestStatus.Pending, MeetingRequestStatus.Accepted];

/**
 * Meeting requests between approved participants: send (with a short message), accept, decline,
 * cancel. A request to someone who already asked you is their request accepted, and the meeting
 * counts as mutual (it weighs more in the schedule). Each side hears of every step in its inbox.
 */
@Injectable()
export class MeetingRequestsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async send(actor: Actor, eventId: string, c: SendRequestCommand, now = new Date()): Promise<MeetingRequestEntity> {
    requireVerified(actor);
    const message = clean(c.message);
    if ((message?.length ?? 0) > MAX_MESSAGE_LENGTH) throw MarketplaceException.invalid('message', `a message has at most ${MAX_MESSAGE_LENGTH} characters`);
    return this.dataSource.transaction(async (m) => {
      const event = await this.openEvent(m, actor, eventId, now);
      const from = await actingParticipant(m, actor, eventId, c.asParticipantId);
      if (from.status !== ParticipantStatus.Approved) throw MarketplaceException.invalidState('your registration is not approved yet; requests open once it is');
      // Serialise the two sides' requests to each other (the unordered pair), so two people asking
      // each other at the same moment end as one mutual meeting: the second waits here and then
      // finds the first's request. Taken before the sender's lock, in the same order by everyone.
      await m.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [PAIR_LOCK_SPACE, pairKey(from.id, c.toParticipantId)]);
      // Serialise one sender's requests so the quota cannot be overrun by parallel calls. NO KEY
      // UPDATE, not UPDATE: it must not block the key-share lock another sender's new request
      // takes on this row (the foreign key), or a ring of senders asking each other would deadlock.
      await m.query(`SELECT id FROM event_participant WHERE id = $1 FOR NO KEY UPDATE`, [from.id]);
      if (c.toParticipantId === from.id) throw MarketplaceException.invalid('toParticipantId', 'you cannot ask yourself for a meeting');
      const to = await findParticipant(m, c.toParticipantId);
      if (!to || to.eventId !== eventId || to.status !== ParticipantStatus.Approved) {
        throw MarketplaceException.invalid('toParticipantId', `participant ${c.toParticipantId} is not an approved participant of this event`);
      }
      if ((to.creativeProfileId && to.creativeProfileId === from.creativeProfileId) || (to.organisationId && to.organisationId === from.organisationId)) {
        throw MarketplaceException.invalid('toParticipantId', 'you cannot ask yourself for a meeting');
      }
      if (!mayContact(event.contactRules, from.participationType, to.participationType)) {
        throw MarketplaceException.forbidden(`at this event, ${from.participationType.toLowerCase()} participants may not ask ${to.participationType.toLowerCase()} participants for meetings`);
      }
      const repo = m.getRepository(MeetingRequestEntity);
      const reverse = await repo.findOne({ where: { fromParticipantId: to.id, toParticipantId: from.id, status: MeetingRequestStatus.Pending }, lock: { mode: 'pessimistic_write' } });
      if (reverse) {
        Object.assign(reverse, { status: MeetingRequestStatus.Accepted, mutual: true, respondedAt: now });
        const saved = await repo.save(reverse);
        await this.tell(m, [to], 'meeting-accepted', saved);
        return saved;
      }
      const live = await repo.createQueryBuilder('r')
        .where('((r.from_participant_id = :a AND r.to_participant_id = :b) OR (r.from_participant_id = :b AND r.to_participant_id = :a)) AND r.status IN (:...live)', { a: from.id, b: to.id, live: LIVE })
        .getOne();
      if (live) throw MarketplaceException.invalidState(live.status === MeetingRequestStatus.Accepted ? 'you already have a meeting with this participant' : 'you already asked this participant; wait for their answer');
      const sent = await repo.createQueryBuilder('r').where('r.from_participant_id = :a AND r.status IN (:...live)', { a: from.id, live: LIVE }).getCount();
      if (sent >= event.maxRequestsPerParticipant) {
        throw MarketplaceException.invalidState(`you have ${sent} open or accepted requests, the most this event allows (${event.maxRequestsPerParticipant}); cancel one to ask someone else`);
      }
      const saved = await repo.save(repo.create({ eventId, fromParticipantId: from.id, toParticipantId: to.id, message, mutual: false, status: MeetingRequestStatus.Pending, createdAt: now, respondedAt: null, cancelledAt: null }));
      await this.tell(m, [to], 'meeting-requested', saved);
      return saved;
    });
  }

  async respond(actor: Actor, requestId: string, accept: boolean, now = new Date()): Promise<MeetingRequestEntity> {
    return this.dataSource.transaction(async (m) => {
      const { request, from, to } = await this.lockRequest(m, actor, requestId);
      if (!controlsParticipant(actor, to)) throw MarketplaceException.forbidden('only the participant who was asked answers a request');
      if (request.status !== MeetingRequestStatus.Pending) {
        throw MarketplaceException.invalidState(`this request is ${request.status.toLowerCase()}; it can no longer be ${accept ? 'accepted' : 'declined'}`);
      }
      const event = await m.getRepository(EventEntity).findOneByOrFail({ id: request.eventId });
      if (event.status !== EventStatus.Published) throw MarketplaceException.invalidState(`event ${event.id} is ${event.status.toLowerCase()}`);
      Object.assign(request, { status: accept ? MeetingRequestStatus.Accepted : MeetingRequestStatus.Declined, respondedAt: now });
      const saved = await m.getRepository(MeetingRequestEntity).save(request);
      await this.tell(m, [from], accept ? 'meeting-accepted' : 'meeting-declined', saved);
      return saved;
    });
  }

  /** Either side cancels a pending or accepted request; a placed meeting frees its slot and table. */
  async cancel(actor: Actor, requestId: string, now = new Date()): Promise<MeetingRequestEntity> {
    return this.dataSource.transaction(async (m) => {
      const { request, from, to } = await this.lockRequest(m, actor, requestId);
      const mineFrom = controlsParticipant(actor, from);
      if (!mineFrom && !controlsParticipant(actor, to)) throw MarketplaceException.forbidden('only the two participants cancel a request');
      if (!LIVE.includes(request.status as MeetingRequestStatus)) throw MarketplaceException.invalidState(`this request is already ${request.status.toLowerCase()}`);
      const saved = await this.cancelOne(m, request, now);
      await this.tell(m, [mineFrom ? to : from], 'meeting-cancelled', saved);
      return saved;
    });
  }

  /** A withdrawing participant's live requests, cancelled in the caller's transaction; the other sides are told. */
  async cancelAllOf(m: EntityManager, participant: EventParticipantEntity, now: Date): Promise<number> {
    const requests = await m.getRepository(MeetingRequestEntity).createQueryBuilder('r')
      .where('(r.from_participant_id = :p OR r.to_participant_id = :p) AND r.status IN (:...live)', { p: participant.id, live: LIVE })
      .setLock('pessimistic_write').getMany();
    for (const r of requests) {
      await this.cancelOne(m, r, now);
      const other = await findParticipant(m, r.fromParticipantId === participant.id ? r.toParticipantId : r.fromParticipantId);
      if (other) await this.tell(m, [other], 'meeting-cancelled', r);
    }
    return requests.length;
  }

  /** The caller's requests in an event (sent and received); organisers get every request. */
  async list(actor: Actor, eventId: string, asParticipantId?: string | null): Promise<MeetingRequestEntity[]> {
    const event = isUuid(eventId) ? await this.dataSource.getRepository(EventEntity).findOneBy({ id: eventId }) : null;
    if (!event || !canSeeEvent(actor, event)) throw MarketplaceException.notFound('Event', eventId);
    const repo = this.dataSource.getRepository(MeetingRequestEntity);
    if (canManageEvent(actor, event) && !asParticipantId) return repo.find({ where: { eventId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const me = await actingParticipant(this.dataSource.manager, actor, eventId, asParticipantId);
    return repo.createQueryBuilder('r').where('r.from_participant_id = :p OR r.to_participant_id = :p', { p: me.id }).orderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC').getMany();
  }

  private async cancelOne(m: EntityManager, request: MeetingRequestEntity, now: Date): Promise<MeetingRequestEntity> {
    await m.query(`DELETE FROM event_meeting WHERE request_id = $1`, [request.id]);
    Object.assign(request, { status: MeetingRequestStatus.Cancelled, cancelledAt: now });
    return m.getRepository(MeetingRequestEntity).save(request);
  }

  private async openEvent(m: EntityManager, actor: Actor, eventId: string, now: Date): Promise<EventEntity> {
    const event = isUuid(eventId) ? await m.getRepository(EventEntity).findOneBy({ id: eventId }) : null;
    if (!event || !canSeeEvent(actor, event)) throw MarketplaceException.notFound('Event', eventId);
    if (event.status !== EventStatus.Published) throw MarketplaceException.invalidState(`event ${eventId} is ${event.status.toLowerCase()}; it takes no requests`);
    const [{ last }] = (await m.query(`SELECT max(starts_at) AS last FROM event_slot WHERE event_id = $1`, [eventId])) as { last: Date | null }[];
    if (!last || last <= now) throw MarketplaceException.invalidState('the last meeting slot has begun; the event takes no more requests');
    return event;
  }

  /** The request and both sides; for anyone but the two sides and the organisers it does not exist. */
  private async lockRequest(m: EntityManager, actor: Actor, requestId: string): Promise<{ request: MeetingRequestEntity; from: EventParticipantEntity; to: EventParticipantEntity }> {
    const request = isUuid(requestId) ? await m.getRepository(MeetingRequestEntity).findOne({ where: { id: requestId }, lock: { mode: 'pessimistic_write' } }) : null;
    const [from, to] = request ? await Promise.all([findParticipant(m, request.fromParticipantId), findParticipant(m, request.toParticipantId)]) : [null, null];
    const event = request ? await m.getRepository(EventEntity).findOneBy({ id: request.eventId }) : null;
    if (!request || !from || !to || !event || !(controlsParticipant(actor, from) || controlsParticipant(actor, to) || canManageEvent(actor, event))) {
      throw MarketplaceException.notFound('Meeting request', requestId);
    }
    return { request, from, to };
  }

  private async tell(m: EntityManager, who: readonly EventParticipantEntity[], kind: string, request: MeetingRequestEntity): Promise<void> {
    await addToInbox(m, await participantAccounts(m, who), { kind, subjectType: 'event', subjectId: request.eventId, idempotencyKey: `${kind}:${request.id}` });
  }
}
