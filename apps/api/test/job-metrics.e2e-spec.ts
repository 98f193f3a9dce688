import { JobName, JobQueues } from '@app/jobs';
import { eventually } from '@app/testing';
import request from 'supertest';
import { verifiedUser } from './accounts-helpers.js';
import { startTestApp, type TestApp } from './test-app.js';

interface JobMetric {
  name: string;
  completed: number;
  failed: number;
  lastCompletedAt: string | null;
  lastFailedAt: string | null;
}

/**
 * `/metrics/jobs`: what the worker (which has no HTTP) did, per job name, read by the API from
 * PostgreSQL. Public, without a token, and with nothing about a person in it.
 */
describe('job metrics (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const metrics = async (): Promise<Map<string, JobMetric>> => {
    const res = await request(t.app.getHttpServer()).get('/metrics/jobs');
    expect(res.status).toBe(200);
    return new Map((res.body as { jobs: JobMetric[] }).jobs.map((j) => [j.name, j]));
  };

  it('lists every catalogue job with its counts, names and numbers only, without signing in', async () => {
    const res = await request(t.app.getHttpServer()).get('/metrics/jobs');
    expect(res.status).toBe(200);
    const { jobs } = res.body as { jobs: JobMetric[] };
    expect(jobs.map((j) => j.name)).toEqual(Object.values(JobName));
    for (const job of jobs) {
      expect(Object.keys(job).sort()).toEqual(['completed', 'failed', 'lastCompletedAt', 'lastFailedAt', 'name']);
      expect(job.completed).toBeGreaterThanOrEqual(0);
      expect(job.failed).toBeGreaterThanOrEqual(0);
    }
  });

  it('counts the scheduled runs the worker completes', async () => {
    // The dispatch sweep is scheduled every 2 seconds.
    const dispatch = await eventually(async () => {
      const m = (await metrics()).get(JobName.NotificationDispatch);
      return m && m.completed >= 2 ? m : undefined;
    }, 20_000, 'two dispatch runs counted');
    expect(dispatch.failed).toBe(0);
    expect(Date.parse(dispatch.lastCompletedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    for (const name of [JobName.NotificationDigests, JobName.DeadlineReminders, JobName.ProfileMatchesBatch]) {
      const m = (await metrics()).get(name);
      expect({ name, failed: m?.failed }).toEqual({ name, failed: 0 });
    }
  });

  it('shows a failing job under its name, and mails and names of people nowhere', async () => {
    const user = await verifiedUser(t.app, t.dataDir, 'metrics-reader@studio.example');
    await t.app.get(JobQueues).queue({ name: JobName.MunicipalYearlyReminder, data: { trigger: 'manual', year: 1900 } }, `metrics-test-failing-${Date.now()}`);
    const failing = await eventually(async () => {
      const m = (await metrics()).get(JobName.MunicipalYearlyReminder);
      return m && m.failed >= 1 ? m : undefined;
    }, 20_000, 'failure counted');
    expect(Date.parse(failing.lastFailedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const body = (await request(t.app.getHttpServer()).get('/metrics/jobs')).text;
    expect(body).not.toContain(user.email);
    expect(body).not.toContain('@');
  });
});
