import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import {
  AccountEmailKind, JOB_QUEUE, JOB_SCHEDULES, JobName, JobQueues, JobRunCounters, JobStatus, SearchableType, type JobDataOf, type JobItem, type JobRunCount,
} from '@app/jobs';
import { availableQueueBackends, createTestDatabase, eventually, reportSkippedQueueBackends, testConfig, type QueueBackendName, type TestDatabase } from '@app/testing';
import { bootWorker, CapturingLogger, WorkerFixtures } from './worker-fixtures.js';

/** One case per catalogue job: the rows it needs and the outcomes it may answer. */
interface JobCase<N extends JobName> {
  payload(f: WorkerFixtures): Promise<JobDataOf<N>>;
  /** More than one where a scheduled run or the outbox relay may do the same work first. */
  outcomes: readonly JobStatus[];
  /** What must hold afterwards, whichever run did the work. */
  verify?(f: WorkerFixtures, data: JobDataOf<N>): Promise<void>;
}

const DAY = 24 * 3600_000;
const DONE = [JobStatus.Success, JobStatus.Skipped] as const;

/**
 * A mapped type over the catalogue: a new JobName without a case here does not compile, and the
 * test list below is read from the catalogue, so it would fail at run time too.
 */
const CASES: { [N in JobName]: JobCase<N> } = {
  [JobName.SearchSyncDocument]: {
    payload: async (f) => ({ type: SearchableType.Creative, id: await f.creative(null, 'Iskana Ustvarjalka'), upToOutboxId: '0' }),
    outcomes: [JobStatus.Success],
  },
  [JobName.SearchReindexAll]: { payload: async () => ({ type: SearchableType.Creative, reason: 'test' }), outcomes: DONE },
  [JobName.ChallengeDeadlineSweep]: {
    payload: async (f) => {
      const id = await f.publishedChallenge(await f.organisation(), new Date(Date.now() + 2 * DAY));
      await f.db.query(`UPDATE challenge SET deadline = now() - interval '1 minute' WHERE id = $1`, [id]);
      return { trigger: 'test' };
    },
    // The worker's own every-minute sweep may close it first.
    outcomes: DONE,
  },
  [JobName.SendAccountEmail]: {
    payload: async (f) => ({ kind: AccountEmailKind.VerifyEmail, id: await f.verifyEmailToken((await f.account()).id), upToOutboxId: '0' }),
    outcomes: [JobStatus.Success],
  },
  [JobName.NotifyProposalOutcome]: {
    payload: async (f) => {
      const author = await f.account();
      const proposalId = await f.draftProposal(await f.publishedChallenge(await f.organisation(), null), await f.creative(author.id));
      await f.db.query(`UPDATE proposal SET outcome = 'NOT_AWARDED' WHERE id = $1`, [proposalId]);
      return { proposalId, upToOutboxId: '0' };
    },
    outcomes: [JobStatus.Success],
  },
  [JobName.NotifyProposalReceived]: {
    payload: async (f) => {
      const organisationId = await f.organisation();
      const member = await f.account('Članica Organizacije');
      await f.db.query(`INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, 'reviewer')`, [organisationId, member.id]);
      const proposalId = await f.draftProposal(await f.publishedChallenge(organisationId, null), await f.creative((await f.account()).id));
      await f.db.query(`UPDATE proposal SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [proposalId]);
      return { proposalId, activity: 'submitted', upToOutboxId: '0' };
    },
    outcomes: [JobStatus.Success],
    verify: async (f, data) => {
      const rows = (await f.db.query(`SELECT kind FROM notification WHERE subject_id = $1`, [data.proposalId])) as { kind: string }[];
      expect(rows).toEqual([{ kind: 'proposal-submitted' }]);
    },
  },
  [JobName.NotificationDispatch]: {
    payload: async (f) => {
      const author = await f.account();
      await f.unplannedItem(author.id, await f.draftProposal(await f.publishedChallenge(await f.organisation(), null), await f.creative(author.id)));
      return { trigger: 'test' };
    },
    // The 2-second scheduled sweep may plan the row first.
    outcomes: DONE,
  },
  [JobName.SendNotificationEmail]: {
    payload: async (f) => {
      const author = await f.account();
      const id = await f.unplannedItem(author.id, await f.draftProposal(await f.publishedChallenge(await f.organisation(), null), await f.creative(author.id)));
      // Planned for an instant mail, as the dispatch sweep would (it only picks unplanned rows).
      await f.db.query(`UPDATE notification SET category = 'PROPOSALS', email_state = 'pending' WHERE id = $1`, [id]);
      return { notificationIds: [id] };
    },
    // The worker's own 2 s dispatch sweep may plan and mail the row before this job runs (then it skips it): either way it is mailed once.
    outcomes: DONE,
    verify: async (f, data) => {
      const state = await eventually(async () => {
        const [row] = (await f.db.query(`SELECT email_state FROM notification WHERE id = $1`, [data.notificationIds[0]])) as { email_state: string }[];
        return row?.email_state === 'sent' ? row.email_state : undefined;
      }, 15_000, 'the notification was mailed');
      expect(state).toBe('sent');
    },
  },
  [JobName.NotificationDigests]: {
    payload: async (f) => {
      const reader = await f.account('Bralka Povzetkov');
      await f.digestItem(reader.id, await f.publishedChallenge(await f.organisation(), null));
      return { trigger: 'test' };
    },
    outcomes: [JobStatus.Success],
  },
  [JobName.FanOutChallengeMatches]: {
    payload: async (f) => {
      await f.creative((await f.account()).id, 'Ujemajoča Tiskarka');
      return { id: await f.publishedChallenge(await f.organisation(), null), upToOutboxId: '0' };
    },
    // The outbox relay queues the same fan-out on publication.
    outcomes: DONE,
  },
  [JobName.FanOutNeedMatches]: {
    payload: async (f) => ({ id: await f.publishedNeed(await f.organisation()), upToOutboxId: '0' }),
    outcomes: DONE,
  },
  [JobName.DeadlineReminders]: {
    payload: async (f) => {
      const author = await f.account('Avtorica Osnutka');
      await f.draftProposal(await f.publishedChallenge(await f.organisation(), new Date(Date.now() + 3 * DAY)), await f.creative(author.id));
      return { trigger: 'test' };
    },
    outcomes: [JobStatus.Success],
  },
  [JobName.MunicipalYearlyReminder]: { payload: async () => ({ trigger: 'test' }), outcomes: DONE },
  [JobName.ProfileMatchesBatch]: {
    payload: async (f) => {
      await f.creative((await f.account()).id, 'Nova Ustvarjalka');
      return { trigger: 'test' };
    },
    outcomes: DONE,
  },
  [JobName.ScheduleEventMeetings]: {
    payload: async (f) => ({ runId: (await f.eventWithRun(await f.organisation(), (await f.account()).id)).runId, upToOutboxId: '0' }),
    outcomes: [JobStatus.Success],
  },
  [JobName.SyncEventParticipant]: {
    payload: async (f) => ({ participantId: (await f.eventWithRun(await f.organisation(), (await f.account()).id)).participantId, upToOutboxId: '0' }),
    outcomes: [JobStatus.Success],
  },
  [JobName.FanOutSupportMeasureMatches]: {
    payload: async (f) => {
      const [row] = (await f.db.query(
        `INSERT INTO support_measure (provider_organisation_id, status, title_sl, summary_sl, eligible_creative_kinds, published_at) VALUES ($1, 'PUBLISHED', 'Mikro spodbude', 'Za študente.', '{STUDENT}', now()) RETURNING id`,
        [await f.organisation()],
      )) as { id: string }[];
      return { id: row.id, upToOutboxId: '0' };
    },
    outcomes: DONE,
  },
  [JobName.SupportMeasureReminders]: { payload: async () => ({ trigger: 'test' }), outcomes: DONE },
};

const counts = async (app: TestingModule): Promise<Map<JobName, JobRunCount>> => {
  const counters = app.get(JobRunCounters);
  await counters.flush();
  return new Map((await counters.read()).map((c) => [c.name, c]));
};

/** Waits for the job to finish; a failed attempt (even one BullMQ would retry) ends the wait. */
async function outcome(app: TestingModule, item: JobItem, jobId: string): Promise<{ completed: JobStatus } | { failed: string }> {
  const queue = app.get(JobQueues).get(JOB_QUEUE[item.name]);
  return eventually(async () => {
    const state = await queue.getJobState(jobId);
    // Read after the state: a job read while still active has no return value yet.
    const job = await queue.getJob(jobId);
    if (!job) return undefined;
    if (job.failedReason) return { failed: job.failedReason };
    return state === 'completed' ? { completed: job.returnvalue as JobStatus } : undefined;
  }, 30_000, `${item.name} finished`);
}

reportSkippedQueueBackends('job-catalogue');

/**
 * Every job of the catalogue, queued with a valid payload and run by the real worker: the app's
 * WorkerModule, its handler registry and BullMQ workers, on real PostgreSQL and each queue
 * backend. Each must complete with its expected outcome; the schedules the worker upserts must run
 * without a failure; and the failure counter and log must show a job that does fail.
 */
describe.each(availableQueueBackends())('every catalogue job through the real worker (%s queue)', (queue: QueueBackendName) => {
  let db: TestDatabase;
  let dataDir: string;
  let app: TestingModule;
  let fixtures: WorkerFixtures;
  const logger = new CapturingLogger();

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-catalogue-'));
    app = await bootWorker(testConfig(db.url, queue, { DATA_DIR: dataDir }), { logger });
    fixtures = new WorkerFixtures(app);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the first round of every schedule at start, and none fails', async () => {
    const scheduled = [...new Set(JOB_SCHEDULES.map((s) => s.item.name))];
    const failed = await eventually(async () => {
      const c = await counts(app);
      const failing = scheduled.filter((name) => (c.get(name)?.failed ?? 0) > 0);
      if (failing.length > 0) return failing;
      return scheduled.every((name) => (c.get(name)?.completed ?? 0) > 0) ? [] : undefined;
    }, 30_000, 'every schedule ran once');
    // On failure, the worker's own words (e.g. the TypeError a mismatched handler throws) are shown.
    expect({ failed, log: failed.length > 0 ? logger.lines.filter((l) => l.level !== 'log').map((l) => l.message) : [] }).toEqual({ failed: [], log: [] });
  });

  it.each(Object.values(JobName))('completes %s', async (name: JobName) => {
    const jobCase = CASES[name] as JobCase<JobName> | undefined;
    if (!jobCase) throw new Error(`no test case for catalogue job '${name}': add one to CASES`);
    const item = { name, data: await jobCase.payload(fixtures) } as JobItem;
    const jobId = `catalogue-test.${name}.${Date.now()}`;
    await app.get(JobQueues).queue(item, jobId);
    const result = await outcome(app, item, jobId);
    expect(result).toEqual({ completed: expect.any(String) as unknown });
    if ('completed' in result) expect(jobCase.outcomes).toContain(result.completed);
    await jobCase.verify?.(fixtures, item.data as JobDataOf<typeof name>);
  });

  it('counts every job completed and none failed, per job name', async () => {
    const c = await counts(app);
    expect(Object.values(JobName).filter((name) => (c.get(name)?.completed ?? 0) === 0)).toEqual([]);
    expect([...c.values()].filter((x) => x.failed > 0).map((x) => x.name)).toEqual([]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('counts and logs a failing job under its name', async () => {
    const before = (await counts(app)).get(JobName.MunicipalYearlyReminder)?.failed ?? 0;
    // A year outside the compliance board's range: the handler answers Failed, which is not retried.
    await app.get(JobQueues).queue({ name: JobName.MunicipalYearlyReminder, data: { trigger: 'test', year: 1900 } }, `catalogue-test.failing.${Date.now()}`);
    await eventually(async () => (((await counts(app)).get(JobName.MunicipalYearlyReminder)?.failed ?? 0) === before + 1 ? true : undefined), 20_000, 'failure counted');
    expect(logger.lines).toContainEqual({ level: 'error', message: expect.stringMatching(/^job municipal-yearly-reminder \S+ failed \(attempt 1, not retried\): municipal-yearly-reminder reported a permanent failure$/) as unknown as string });
  });
});
