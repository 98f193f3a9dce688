import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEntity, EventMeetingEntity, EventParticipantEntity, EventSlotEntity, MeetingRequestEntity, ScheduleRunEntity } from '@app/database';
import type { Actor } from '@app/identity';
import { OutboxStore, OutboxTopic } from '@app/jobs';
import { addToInbox, isUuid, MarketplaceException } from '@app/marketplace';
import type { DataSource, EntityManager } from 'typeorm';
import { EventStatus, MeetingRequestStatus, ParticipantStatus } from '../events/event.rules.js';
import { objectiveOrder } from '../scheduling/objective.js';
import { SchedulingInputError } from '../scheduling/scheduling.errors.js';
import { EventsService } from '../events/events.service.js';
import { participantAccounts } from '../registration/participants.js';

export enum RunStatus {
  Queued = 'QUEUED',
  Running = 'RUNNING',
  Done = 'DONE',
  Failed = 'FAILED',
}

/**
 * The organiser's side of scheduling: start a run (a BullMQ job through the outbox, so a run asked
 * for is never lost), follow its progress, publish the result to the participants, and pin or move
 * single meetings by hand (a moved meeting is locked: later runs keep it where the organiser put it).
 */
@Injectable()
export class ScheduleRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly outbox: OutboxStore,
  ) {}

  /**
   * Queues a run. `order` is the organiser's order of objective levels (2)-(4), a permutation of mutual, fairness
   * and gaps (lower case); omitted = the default (mutual, fairness, gaps). Level (1), the number of accepted requests
   * that get a meeting, always comes first, and locked meetings never move.
   */
  async start(actor: Actor, eventId: string, order?: readonly string[] | null): Promise<ScheduleRunEntity> {
    let middle: string[] | null = null;
    if (order) {
      try {
        middle = objectiveOrder(order).slice(1, 4);
      } catch (error) {
        if (error instanceof SchedulingInputError) throw MarketplaceException.invalid('objectiveOrder', error.message);
        throw error;
      }
    }
    return this.dataSource.transaction(async (m) => {
      const event = await this.events.managed(actor, eventId, m);
      if (event.status !== EventStatus.Published) throw MarketplaceException.invalidState(`event ${eventId} is ${event.status.toLowerCase()}; only a published event is scheduled`);
      await m.query(`SELECT id FROM event WHERE id = $1 FOR UPDATE`, [event.id]);
      const active = await m.getRepository(ScheduleRunEntity).findOne({ where: [{ eventId, status: RunStatus.Queued }, { eventId, status: RunStatus.Running }] });
      if (active) throw MarketplaceException.invalidState(`a schedule run (${active.id}) is already ${active.status.toLowerCase()} for this event`);
      const run = await m.getRepository(ScheduleRunEntity).save(m.getRepository(ScheduleRunEntity).create({
        eventId, requestedByAccountId: actor.accountId, status: RunStatus.Queued, progress: 0, phase: null, report: null, error: null, createdAt: new Date(), startedAt: null, finishedAt: null,
        objectiveOrder: middle, bestFound: null, provenBound: null, stopRequestedAt: null,
      }));
      await this.outbox.record(m, [{ topic: OutboxTopic.ScheduleRequested, aggregateType: 'schedule-run', aggregateId: run.id }]);
      return run;
    });
  }

  /** Meetings and requests of an event one does not run do not exist for them (ids are not confirmed to outsiders). */
  private async managedOr404(actor: Actor, eventId: string, what: string, id: string, m: EntityManager): Promise<EventEntity> {
    try {
      return await this.events.managed(actor, eventId, m);
    } catch (error) {
      if (error instanceof MarketplaceException) throw MarketplaceException.notFound(what, id);
      throw error;
    }
  }

  async run(actor: Actor, runId: string): Promise<ScheduleRunEntity> {
    const run = isUuid(runId) ? await this.dataSource.getRepository(ScheduleRunEntity).findOneBy({ id: runId }) : null;
    if (!run) throw MarketplaceException.notFound('Schedule run', runId);
    try {
      await this.events.managed(actor, run.eventId);
    } catch {
      throw MarketplaceException.notFound('Schedule run', runId);
    }
    return run;
  }

  /**
   * The organiser stops a queued or running run early: the worker notices at its next checkpoint (between search
   * rounds and solver levels, and at every HiGHS callback once the flag is read) and saves the best schedule found.
   * A finished run is returned unchanged.
   */
  async stop(actor: Actor, runId: string): Promise<ScheduleRunEntity> {
    const run = await this.run(actor, runId);
    await this.dataSource.query(
      `UPDATE schedule_run SET stop_requested_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND stop_requested_at IS NULL`,
      [run.id],
    );
    return this.dataSource.getRepository(ScheduleRunEntity).findOneByOrFail({ id: run.id });
  }

  async runs(actor: Actor, eventId: string): Promise<ScheduleRunEntity[]> {
    await this.events.managed(actor, eventId);
    return this.dataSource.getRepository(ScheduleRunEntity).find({ where: { eventId }, order: { createdAt: 'DESC' }, take: 20 });
  }

  /**
   * Participants see the placed meetings from now on (agenda, iCal). The first publication tells every approved
   * participant; a re-publication (after a re-run for late registrations, cancellations, a table removed) tells only
   * those whose meetings changed since the last published version: a meeting placed, moved to another slot or table,
   * or taken off. The published version is kept in `event_published_meeting` for the next comparison.
   */
  async publish(actor: Actor, eventId: string, now = new Date()): Promise<EventEntity> {
    return this.dataSource.transaction(async (m) => {
      const event = await this.events.managed(actor, eventId, m);
      if (event.status !== EventStatus.Published) throw MarketplaceException.invalidState(`event ${eventId} is ${event.status.toLowerCase()}`);
      await m.query(`SELECT id FROM event WHERE id = $1 FOR UPDATE`, [eventId]);
      const [{ placed }] = (await m.query(`SELECT count(*)::int AS placed FROM event_meeting WHERE event_id = $1`, [eventId])) as { placed: number }[];
      if (placed === 0) throw MarketplaceException.invalidState('no meeting is placed yet; run the scheduler first');
      const firstTime = event.scheduleVersion === 0;
      // Sides of every meeting whose placement differs between the published version and now (either way).
      const changed = (await m.query(
        `WITH now_placed AS (SELECT request_id, slot_id, table_no FROM event_meeting WHERE event_id = $1),
              was_placed AS (SELECT request_id, slot_id, table_no FROM event_published_meeting WHERE event_id = $1),
              diff AS (
                SELECT coalesce(n.request_id, w.request_id) AS request_id FROM now_placed n FULL JOIN was_placed w ON w.request_id = n.request_id
                 WHERE n.request_id IS NULL OR w.request_id IS NULL OR n.slot_id <> w.slot_id OR n.table_no <> w.table_no)
         SELECT DISTINCT p AS participant_id FROM diff JOIN meeting_request r ON r.id = diff.request_id, LATERAL (VALUES (r.from_participant_id), (r.to_participant_id)) AS v(p)`,
        [eventId],
      )) as { participant_id: string }[];
      Object.assign(event, { schedulePublishedAt: now, scheduleVersion: event.scheduleVersion + 1 });
      const saved = await m.getRepository(EventEntity).save(event);
      await m.query(`DELETE FROM event_published_meeting WHERE event_id = $1`, [eventId]);
      await m.query(`INSERT INTO event_published_meeting (event_id, request_id, slot_id, table_no) SELECT event_id, request_id, slot_id, table_no FROM event_meeting WHERE event_id = $1`, [eventId]);
      const approved = await m.getRepository(EventParticipantEntity).findBy({ eventId, status: ParticipantStatus.Approved });
      const affected = new Set(changed.map((c) => c.participant_id));
      const told = firstTime ? approved : approved.filter((p) => affected.has(p.id));
      if (told.length > 0) {
        await addToInbox(m, await participantAccounts(m, told), {
          kind: 'event-agenda-published', subjectType: 'event', subjectId: eventId, idempotencyKey: `event-agenda:${eventId}:${saved.scheduleVersion}`,
        });
      }
      return saved;
    });
  }

  async setLock(actor: Actor, requestId: string, locked: boolean): Promise<EventMeetingEntity> {
    return this.dataSource.transaction(async (m) => {
      const meeting = isUuid(requestId) ? await m.getRepository(EventMeetingEntity).findOne({ where: { requestId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!meeting) throw MarketplaceException.notFound('Scheduled meeting', requestId);
      await this.managedOr404(actor, meeting.eventId, 'Scheduled meeting', requestId, m);
      meeting.locked = locked;
      return m.getRepository(EventMeetingEntity).save(meeting);
    });
  }

  /**
   * The organiser places (or moves) one accepted meeting by hand. Checked like the scheduler's
   * output: both sides available, neither busy in that slot, the table exists and is free, the
   * session cap holds. The meeting is then locked.
   */
  async place(actor: Actor, requestId: string, slotId: string, tableNo: number): Promise<EventMeetingEntity> {
    return this.dataSource.transaction(async (m) => {
      const request = isUuid(requestId) ? await m.getRepository(MeetingRequestEntity).findOne({ where: { id: requestId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!request) throw MarketplaceException.notFound('Meeting request', requestId);
      const event = await this.managedOr404(actor, request.eventId, 'Meeting request', requestId, m);
      await m.query(`SELECT id FROM event WHERE id = $1 FOR UPDATE`, [event.id]);
      if (request.status !== MeetingRequestStatus.Accepted) throw MarketplaceException.invalidState(`this request is ${request.status.toLowerCase()}; only accepted requests are placed`);
      const slot = isUuid(slotId) ? await m.getRepository(EventSlotEntity).findOneBy({ id: slotId, eventId: event.id }) : null;
      if (!slot) throw MarketplaceException.invalid('slotId', `slot ${slotId} is not a slot of this event`);
      const [session] = (await m.query(`SELECT tables FROM event_session WHERE id = $1`, [slot.sessionId])) as { tables: number }[];
      const cap = event.maxMeetingsPerSession;
      if (!Number.isInteger(tableNo) || tableNo < 1 || tableNo > session.tables) throw MarketplaceException.invalid('tableNo', `this session has tables 1 to ${session.tables}`);
      const sides = [request.fromParticipantId, request.toParticipantId];
      const [{ available }] = (await m.query(`SELECT count(*)::int AS available FROM event_availability WHERE slot_id = $1 AND participant_id = ANY($2::uuid[])`, [slot.id, sides])) as { available: number }[];
      if (available < 2) throw MarketplaceException.invalid('slotId', 'both participants must be available in that slot');
      const clash = (await m.query(
        `SELECT em.request_id, em.table_no, r.from_participant_id, r.to_participant_id, s.session_id, em.slot_id
           FROM event_meeting em JOIN meeting_request r ON r.id = em.request_id JOIN event_slot s ON s.id = em.slot_id
          WHERE em.event_id = $1 AND em.request_id <> $2`,
        [event.id, request.id],
      )) as { request_id: string; table_no: number; from_participant_id: string; to_participant_id: string; session_id: string; slot_id: string }[];
      const involves = (c: (typeof clash)[number]) => sides.includes(c.from_participant_id) || sides.includes(c.to_participant_id);
      if (clash.some((c) => c.slot_id === slot.id && c.table_no === tableNo)) throw MarketplaceException.invalid('tableNo', `table ${tableNo} is taken in that slot`);
      if (clash.some((c) => c.slot_id === slot.id && involves(c))) throw MarketplaceException.invalid('slotId', 'one of the participants already has a meeting in that slot');
      for (const side of sides) {
        const inSession = clash.filter((c) => c.session_id === slot.sessionId && (c.from_participant_id === side || c.to_participant_id === side)).length;
        if (inSession + 1 > cap) throw MarketplaceException.invalid('slotId', `a participant would have more than ${cap} meetings in that session`);
      }
      await m.query(
        `INSERT INTO event_meeting (request_id, event_id, slot_id, table_no, locked) VALUES ($1, $2, $3, $4, true)
         ON CONFLICT (request_id) DO UPDATE SET slot_id = EXCLUDED.slot_id, table_no = EXCLUDED.table_no, locked = true, placed_at = now(), attendance = NULL`,
        [request.id, event.id, slot.id, tableNo],
      );
      return m.getRepository(EventMeetingEntity).findOneByOrFail({ requestId: request.id });
    });
  }

  /** Takes one meeting off the grid (it stays accepted; the next run may place it again). */
  async unplace(actor: Actor, requestId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const meeting = isUuid(requestId) ? await m.getRepository(EventMeetingEntity).findOneBy({ requestId }) : null;
      if (!meeting) throw MarketplaceException.notFound('Scheduled meeting', requestId);
      await this.managedOr404(actor, meeting.eventId, 'Scheduled meeting', requestId, m);
      await m.delete(EventMeetingEntity, { requestId });
      return true;
    });
  }
}

