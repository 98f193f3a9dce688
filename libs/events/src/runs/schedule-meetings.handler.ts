import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventMeetingEntity, EventParticipantEntity, EventSessionEntity, EventSlotEntity, MeetingRequestEntity } from '@app/database';
import { type JobContext, JobName, JobStatus, OnJob, OutboxStore, OutboxTopic, type JobDataOf } from '@app/jobs';
import { addToInbox } from '@app/marketplace';
import type { DataSource } from 'typeorm';
import { MeetingRequestStatus, ParticipantStatus } from '../events/event.rules.js';
import { scheduleMeetings } from '../scheduling/scheduler.js';
import { SchedulingInputError } from '../scheduling/scheduling.errors.js';
import type { ScheduleResult } from '../scheduling/scheduling.types.js';
import { buildInstance } from './schedule-instance.js';
import { RunStatus } from './schedule-runs.service.js';

/** A run still RUNNING after this long belongs to a worker that died: the redelivered job takes it over. */
const STALE_RUN_MS = 2 * 60_000;
/** Progress is written to PostgreSQL at most this often (the organiser polls it through GraphQL). */
const PROGRESS_EVERY_MS = 250;
/** How often a running job reads whether the organiser asked it to stop. */
const STOP_POLL_MS = 500;

/** What the organiser reads back: the scheduler's figures, with every unscheduled meeting and its reason. */
export type ScheduleReport = Omit<ScheduleResult, 'assignments'> & {
  /** Accepted requests placed by this run that were cancelled while it ran (left out). */
  droppedWhileRunning: number;
};

/**
 * Worker side of a schedule run: read the event, solve, then write the placements in one
 * transaction with the report. The write re-checks which requests are still accepted, so a
 * cancellation during the run cannot bring a meeting back. Locked meetings are never touched.
 */
@Injectable()
export class ScheduleRunner {
  private readonly logger = new Logger(ScheduleRunner.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the run (queued, or running on a worker that died), solves and saves. Skipped when
   * another worker holds it or it is finished, so a redelivered job does nothing twice.
   */
  async execute(runId: string, progress?: (fraction: number, phase: string) => void): Promise<JobStatus> {
    const claimed = (await this.dataSource.query(
      `UPDATE schedule_run SET status = 'RUNNING', started_at = now(), progress = 0, phase = 'load'
        WHERE id = $1 AND (status = 'QUEUED' OR (status = 'RUNNING' AND started_at < now() - make_interval(secs => $2::double precision / 1000)))
       RETURNING event_id, objective_order, stop_requested_at`,
      [runId, STALE_RUN_MS],
    )) as [{ event_id: string; objective_order: string[] | null; stop_requested_at: Date | null }[], number];
    const rows = claimed[0];
    if (rows.length === 0) return JobStatus.Skipped;
    const eventId = rows[0].event_id;
    // A stop request is read from the database between checkpoints (the solver's own checks are synchronous).
    let stopRequested = rows[0].stop_requested_at !== null;
    let polling = false;
    const poll = setInterval(() => {
      if (stopRequested || polling) return;
      polling = true;
      this.dataSource.query(`SELECT stop_requested_at FROM schedule_run WHERE id = $1`, [runId])
        .then((found: { stop_requested_at: Date | null }[]) => {
          if (found[0]?.stop_requested_at) stopRequested = true;
        })
        .catch(() => undefined)
        .finally(() => {
          polling = false;
        });
    }, STOP_POLL_MS);
    try {
      const input = buildInstance(await this.loadRows(eventId));
      let last = 0;
      const result = await scheduleMeetings(input, {
        ...(rows[0].objective_order ? { objectiveOrder: rows[0].objective_order } : {}),
        shouldStop: () => stopRequested,
        onProgress: (fraction, phase, detail) => {
          const now = Date.now();
          if (now - last < PROGRESS_EVERY_MS && fraction < 1) return;
          last = now;
          void this.dataSource.query(
            `UPDATE schedule_run SET progress = $2, phase = $3, best_found = $4, proven_bound = $5 WHERE id = $1 AND status = 'RUNNING'`,
            [runId, fraction, phase, detail.best, detail.bound === null || !Number.isFinite(detail.bound) ? null : detail.bound],
          ).catch(() => undefined);
          progress?.(fraction, phase);
        },
      });
      await this.save(runId, eventId, result);
      this.logger.log(`event ${eventId}: scheduled ${result.scheduled} of ${result.scheduled + result.unscheduled.length} meetings, proven bound ${result.provenBound}${result.optimal ? ' (optimal)' : ''}, ${result.runtimeMs} ms (${result.method})`);
      return JobStatus.Success;
    } catch (error) {
      if (!(error instanceof SchedulingInputError)) throw error;
      // The event cannot be scheduled as it stands (e.g. a lock outside a participant's new availability): say so, do not retry.
      await this.dataSource.query(`UPDATE schedule_run SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [runId, error.message]);
      return JobStatus.Failed;
    } finally {
      clearInterval(poll);
    }
  }

  private async loadRows(eventId: string) {
    const m = this.dataSource.manager;
    const [sessions, slots, participants, requests, placements] = await Promise.all([
      m.getRepository(EventSessionEntity).find({ where: { eventId }, order: { startsAt: 'ASC' } }),
      m.getRepository(EventSlotEntity).find({ where: { eventId }, order: { position: 'ASC' } }),
      m.getRepository(EventParticipantEntity).find({ where: { eventId, status: ParticipantStatus.Approved }, order: { registeredAt: 'ASC', id: 'ASC' } }),
      m.getRepository(MeetingRequestEntity).find({ where: { eventId, status: MeetingRequestStatus.Accepted }, order: { createdAt: 'ASC', id: 'ASC' } }),
      m.getRepository(EventMeetingEntity).findBy({ eventId }),
    ]);
    const availability = (await m.query(
      `SELECT a.participant_id, a.slot_id FROM event_availability a JOIN event_participant p ON p.id = a.participant_id WHERE p.event_id = $1`,
      [eventId],
    )) as { participant_id: string; slot_id: string }[];
    const available = new Map<string, string[]>();
    for (const a of availability) available.set(a.participant_id, [...(available.get(a.participant_id) ?? []), a.slot_id]);
    const [{ cap }] = (await m.query(`SELECT max_meetings_per_session AS cap FROM event WHERE id = $1`, [eventId])) as { cap: number }[];
    return { capPerSession: cap, sessions, slots, participants: participants.map((p) => ({ id: p.id, available: available.get(p.id) ?? [] })), requests, placements };
  }

  private async save(runId: string, eventId: string, result: ScheduleResult): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT id FROM event WHERE id = $1 FOR UPDATE`, [eventId]);
      const still = new Set(((await m.query(`SELECT id FROM meeting_request WHERE event_id = $1 AND status = 'ACCEPTED'`, [eventId])) as { id: string }[]).map((r) => r.id));
      const locked = new Set(((await m.query(`SELECT request_id FROM event_meeting WHERE event_id = $1 AND locked`, [eventId])) as { request_id: string }[]).map((r) => r.request_id));
      await m.query(`DELETE FROM event_meeting WHERE event_id = $1 AND NOT locked`, [eventId]);
      const rows = result.assignments.filter((a) => still.has(a.meetingId) && !locked.has(a.meetingId));
      if (rows.length > 0) {
        await m.query(
          `INSERT INTO event_meeting (request_id, event_id, slot_id, table_no, locked)
           SELECT r.request_id, $1, r.slot_id, r.table_no, false FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS r(request_id, slot_id, table_no)`,
          [eventId, rows.map((r) => r.meetingId), rows.map((r) => r.slotId), rows.map((r) => r.table)],
        );
      }
      const { assignments, ...rest } = result;
      const report: ScheduleReport = { ...rest, droppedWhileRunning: assignments.filter((a) => !still.has(a.meetingId)).length };
      await m.query(
        `UPDATE schedule_run SET status = $2, progress = 1, phase = 'done', report = $3::jsonb, finished_at = now(), best_found = $4, proven_bound = $5 WHERE id = $1`,
        [runId, RunStatus.Done, JSON.stringify(report), result.scheduled, result.provenBound],
      );
      const [run] = (await m.query(`SELECT requested_by_account_id FROM schedule_run WHERE id = $1`, [runId])) as { requested_by_account_id: string | null }[];
      if (run?.requested_by_account_id) {
        await addToInbox(m, [run.requested_by_account_id], { kind: 'event-schedule-ready', subjectType: 'event', subjectId: eventId, idempotencyKey: `event-schedule-ready:${runId}` });
      }
    });
  }
}

/** The worker's job: one run per job; the outbox event is marked processed whatever the outcome. */
@Injectable()
export class ScheduleMeetingsHandler {
  constructor(
    private readonly runner: ScheduleRunner,
    private readonly outbox: OutboxStore,
  ) {}

  @OnJob(JobName.ScheduleEventMeetings)
  async handle(data: JobDataOf<JobName.ScheduleEventMeetings>, context: JobContext): Promise<JobStatus> {
    const status = await this.runner.execute(data.runId, (fraction, phase) => void context.updateProgress({ fraction, phase }).catch(() => undefined));
    await this.outbox.markProcessed(OutboxTopic.ScheduleRequested, 'schedule-run', data.runId, data.upToOutboxId);
    return status;
  }
}
