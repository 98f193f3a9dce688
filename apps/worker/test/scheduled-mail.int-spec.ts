import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { JOB_QUEUE, JOB_SCHEDULES, JobName, JobQueues, JobRunCounters } from '@app/jobs';
import { listCaught, type MailCatcher, startMailCatcher } from '@app/notifications';
import { availableQueueBackends, createTestDatabase, eventually, reportSkippedQueueBackends, testConfig, TestClock, type QueueBackendName, type TestDatabase } from '@app/testing';
import { bootWorker, WorkerFixtures } from './worker-fixtures.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

reportSkippedQueueBackends('scheduled-mail');

/**
 * The done-criterion of the scheduled mails: the worker app's own schedules (JOB_SCHEDULES,
 * upserted as BullMQ job schedulers at start) send the daily digest and a deadline reminder over
 * real SMTP into the mail catcher once the clock has moved on a day. Time is the injected Clock;
 * the scheduler's next run is brought forward by promoting the delayed job it planned.
 */
describe.each(availableQueueBackends())('digests and deadline reminders from the real schedules (%s queue)', (queue: QueueBackendName) => {
  let db: TestDatabase;
  let dataDir: string;
  let catcher: MailCatcher;
  let app: TestingModule;
  let fixtures: WorkerFixtures;
  const clock = new TestClock(new Date());
  const mailDir = () => path.join(dataDir, 'mail');
  const mailsTo = async (email: string) => (await listCaught(mailDir())).filter((m) => m.to.includes(email));

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-scheduled-mail-'));
    catcher = await startMailCatcher({ host: '127.0.0.1', smtpPort: 0, webPort: 0, dir: mailDir() });
    app = await bootWorker(testConfig(db.url, queue, { SMTP_URL: catcher.smtpUrl, DATA_DIR: dataDir }), { clock });
    fixtures = new WorkerFixtures(app);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await catcher?.close();
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Completed runs of a job so far, from the worker's counters. */
  const completed = async (name: JobName): Promise<number> => {
    const counters = app.get(JobRunCounters);
    await counters.flush();
    return (await counters.read()).find((c) => c.name === name)?.completed ?? 0;
  };

  /** Runs the scheduler's next iteration now: its planned (delayed) job is promoted. */
  const nextScheduledRun = async (scheduleId: string): Promise<void> => {
    const schedule = JOB_SCHEDULES.find((s) => s.id === scheduleId);
    if (!schedule) throw new Error(`no schedule ${scheduleId}`);
    const before = await completed(schedule.item.name);
    const q = app.get(JobQueues).get(JOB_QUEUE[schedule.item.name]);
    const next = await eventually(async () => (await q.getDelayed()).find((j) => j.repeatJobKey === scheduleId), 20_000, `${scheduleId}: next run planned`);
    await next.promote();
    await eventually(async () => ((await completed(schedule.item.name)) > before ? true : undefined), 20_000, `${scheduleId}: promoted run completed`);
  };

  it('mails the daily digest and the 7-day reminder once the clock reaches them, not before', async () => {
    const t0 = clock.now();
    const organisation = await fixtures.organisation();
    // A reader whose daily digest went out an hour ago, with one item waiting for the next one.
    const reader = await fixtures.account('Bralka Povzetkov');
    await fixtures.lastDigest(reader.id, 'DAILY', new Date(t0.getTime() - HOUR));
    await fixtures.digestItem(reader.id, await fixtures.publishedChallenge(organisation, null));
    // An author of a draft whose challenge closes in 8 days: no reminder yet, the 7-day one tomorrow.
    const author = await fixtures.account('Avtorica Osnutka');
    const challengeId = await fixtures.publishedChallenge(organisation, new Date(t0.getTime() + 8 * DAY));
    const proposalId = await fixtures.draftProposal(challengeId, await fixtures.creative(author.id));

    // Today: the schedules run (at start, then promoted once) and send nothing.
    await nextScheduledRun('notification-digests');
    await nextScheduledRun('deadline-reminders');
    expect(await fixtures.db.query(`SELECT kind FROM notification WHERE subject_id = $1`, [proposalId])).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // (The author, a consenting creative, may get a digest of challenge matches meanwhile: not what is tested here.)
    expect(await mailsTo(reader.email)).toEqual([]);
    expect((await mailsTo(author.email)).filter((x) => x.subject.includes('days left'))).toEqual([]);

    // A day later, by the clock: the scheduled runs send the digest and the reminder.
    clock.advance(DAY + 60_000);
    await nextScheduledRun('notification-digests');
    await nextScheduledRun('deadline-reminders');
    const digests = await eventually(async () => {
      const m = (await mailsTo(reader.email)).filter((x) => x.subject.includes('daily digest'));
      return m.length > 0 ? m : undefined;
    }, 20_000, 'daily digest in the mail catcher');
    expect(digests.map((m) => m.subject)).toEqual(['Modrotisk: your daily digest (1)']);
    const reminders = await eventually(async () => {
      const m = (await mailsTo(author.email)).filter((x) => x.subject.includes('7 days left'));
      return m.length > 0 ? m : undefined;
    }, 20_000, '7-day reminder in the mail catcher');
    expect(reminders).toHaveLength(1);
    expect(await fixtures.db.query(`SELECT kind FROM notification WHERE subject_id = $1`, [proposalId])).toEqual([{ kind: 'deadline-7d' }]);

    // Run again the same day: nothing new.
    await nextScheduledRun('notification-digests');
    await nextScheduledRun('deadline-reminders');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await mailsTo(reader.email)).toHaveLength(1);
    expect((await mailsTo(author.email)).filter((x) => x.subject.includes('days left'))).toHaveLength(1);
    expect((await listCaught(mailDir())).filter((m) => m.duplicate)).toEqual([]);
  }, 120_000);
});
