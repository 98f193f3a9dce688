import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { OPERATOR, OrganisationRole, IdentityWorkerModule } from '@app/identity';
import { JobName, JobQueues, JobsModule, JobsWorkerModule, JobStatus, QueueName } from '@app/jobs';
import { NotificationsWorkerModule } from '@app/notifications';
import { EventsWorkerModule } from '@app/events';
import { OramaSearchEngine, SEARCH_PORT, SearchModule } from '@app/search';
import { createTestDatabase, eventually, testConfig, type TestDatabase } from '@app/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { ChallengesService } from '../challenges/challenges.service.js';
import { MarketplaceModule, MarketplaceWorkerModule } from '../marketplace.module.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { ChallengeKind, OrganisationKind } from '../reference/index.js';
import { MunicipalComplianceService } from './municipal-compliance.service.js';

async function boot(config: AppConfig, worker: boolean): Promise<TestingModule> {
  const imports = worker
    ? [ConfigModule, DatabaseModule, JobsModule, SearchModule, MarketplaceWorkerModule, IdentityWorkerModule, NotificationsWorkerModule, EventsWorkerModule, JobsWorkerModule]
    : [ConfigModule, DatabaseModule, JobsModule, SearchModule, MarketplaceModule];
  const moduleRef = await Test.createTestingModule({ imports })
    .overrideProvider(APP_CONFIG).useValue(config)
    .overrideProvider(SEARCH_PORT).useValue(new OramaSearchEngine())
    .compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

type Person = 'kranjOwner' | 'kranjEditor' | 'kranjReviewer' | 'trzicOwner' | 'jeseniceReviewer' | 'companyOwner';
const PEOPLE: readonly Person[] = ['kranjOwner', 'kranjEditor', 'kranjReviewer', 'trzicOwner', 'jeseniceReviewer', 'companyOwner'];

interface ReminderRow {
  account_id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  idempotency_key: string;
}

/**
 * The yearly public-service reminder on real PostgreSQL. Every `now` is explicit (years 2023-2025),
 * so the outcome does not depend on the day the tests run; rows are always read per year because
 * the worker's own schedule may remind about the real current year meanwhile.
 */
describe('municipal yearly reminder (integration)', () => {
  let db: TestDatabase;
  let dataDir: string;
  let config: AppConfig;
  let app: TestingModule;
  let worker: TestingModule | undefined;
  let compliance: MunicipalComplianceService;
  const people = {} as Record<Person, string>;
  let kranj: string, trzic: string;

  const dataSource = () => app.get<DataSource>(getDataSourceToken());
  const sorted = (rows: ReminderRow[]) => [...rows].sort((a, b) => (a.subject_id + a.account_id < b.subject_id + b.account_id ? -1 : 1));
  const reminders = async (year: number) =>
    sorted((await dataSource().query(
      `SELECT account_id, kind, subject_type, subject_id, idempotency_key FROM notification WHERE kind = 'municipal-yearly-reminder' AND idempotency_key LIKE $1`,
      [`municipal-yearly-reminder:${year}:%`],
    )) as ReminderRow[]);
  const row = (accountId: string, organisationId: string, year: number): ReminderRow => ({
    account_id: accountId, kind: 'municipal-yearly-reminder', subject_type: 'organisation', subject_id: organisationId, idempotency_key: `municipal-yearly-reminder:${year}:${organisationId}`,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-reminder-'));
    config = testConfig(db.url, 'postgres', { MUNICIPAL_REMINDER_DATE: '06-15', DATA_DIR: dataDir });
    app = await boot(config, false);
    compliance = app.get(MunicipalComplianceService);

    for (const name of PEOPLE) {
      const [created] = (await dataSource().query(
        `INSERT INTO account (email, password_hash, display_name, locale, email_verified_at) VALUES ($1, 'nobody-signs-in-here', $2, 'sl', now()) RETURNING id`,
        [`${name.toLowerCase()}@obcina.example`, name],
      )) as { id: string }[];
      people[name] = created.id;
    }
    const organisations = app.get(OrganisationsService);
    const organisation = async (kind: OrganisationKind, name: string, municipality: string, members: [string, OrganisationRole][]) => {
      const { id } = await organisations.create(OPERATOR, { kind, name, municipality });
      for (const [accountId, role] of members) {
        await dataSource().query(`INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, $3)`, [id, accountId, role]);
      }
      return id;
    };
    kranj = await organisation(OrganisationKind.Municipality, 'Mestna občina Kranj (test)', 'kranj', [
      [people.kranjOwner, OrganisationRole.Owner], [people.kranjEditor, OrganisationRole.Editor], [people.kranjReviewer, OrganisationRole.Reviewer],
    ]);
    trzic = await organisation(OrganisationKind.Municipality, 'Občina Tržič (test)', 'trzic', [[people.trzicOwner, OrganisationRole.Owner]]);
    // On the platform, but nobody there may act on a challenge.
    await organisation(OrganisationKind.Municipality, 'Občina Jesenice (test)', 'jesenice', [[people.jeseniceReviewer, OrganisationRole.Reviewer]]);
    // Not a municipality: the rule is not about it, wherever it is.
    await organisation(OrganisationKind.Company, 'Tovarna v Kranju (test)', 'kranj', [[people.companyOwner, OrganisationRole.Owner]]);

    const challenges = app.get(ChallengesService);
    const challenge = await challenges.create(OPERATOR, { ownerOrganisationId: trzic, kind: ChallengeKind.PublicService, title: { sl: 'Klopi za park' }, brief: { sl: 'Klopi za mestni park.' } });
    await challenges.publish(OPERATOR, challenge.id, new Date('2025-03-02T09:00:00Z'));
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reminds nobody before the configured day in Ljubljana', async () => {
    // 23:59:59 on 14 June in Ljubljana (UTC+2).
    const report = await compliance.sendReminders(new Date('2025-06-14T21:59:59Z'));
    expect(report).toEqual({ year: 2025, due: false, nonCompliant: 0, organisationsReminded: 0, newInboxRows: 0, unreachable: [] });
    expect(await reminders(2025)).toEqual([]);
    expect((await compliance.board(2025, new Date('2025-06-14T21:59:59Z'))).rows.every((r) => r.remindedAt === null)).toBe(true);
  });

  it('from that day, reminds each owner and editor of a non-compliant municipality once, and nobody else', async () => {
    // Midnight of 15 June in Ljubljana, still 14 June in UTC.
    const report = await compliance.sendReminders(new Date('2025-06-14T22:00:00Z'));
    expect(report).toMatchObject({ year: 2025, due: true, nonCompliant: 17, organisationsReminded: 1, newInboxRows: 2 });
    // Everyone but Kranj (reminded) and Tržič (compliant): Jesenice has only a reviewer, the rest no organisation.
    expect(report.unreachable).toHaveLength(16);
    expect(report.unreachable).toContain('jesenice');
    expect(report.unreachable).not.toContain('kranj');
    expect(report.unreachable).not.toContain('trzic');
    expect(await reminders(2025)).toEqual(sorted([row(people.kranjOwner, kranj, 2025), row(people.kranjEditor, kranj, 2025)]));
  });

  it('adds nothing when it runs again, even twice at once', async () => {
    const later = new Date('2025-09-01T08:00:00Z');
    expect((await compliance.sendReminders(later)).newInboxRows).toBe(0);
    const twice = await Promise.all([compliance.sendReminders(later), compliance.sendReminders(later)]);
    expect(twice.map((r) => r.newInboxRows)).toEqual([0, 0]);
    expect(await reminders(2025)).toHaveLength(2);

    // A year not reminded yet, by two runs at once: the unique key lets only one row per person in.
    const racing = await Promise.all([compliance.sendReminders(later, 2024), compliance.sendReminders(later, 2024)]);
    expect(racing[0].newInboxRows + racing[1].newInboxRows).toBe(3);
    // Tržič published its challenge in 2025, so for 2024 it is reminded too.
    expect(await reminders(2024)).toEqual(sorted([row(people.kranjOwner, kranj, 2024), row(people.kranjEditor, kranj, 2024), row(people.trzicOwner, trzic, 2024)]));
  });

  it('does not remind about a year that has not begun', async () => {
    expect(await compliance.sendReminders(new Date('2025-09-01T08:00:00Z'), 2026)).toMatchObject({ year: 2026, due: false, newInboxRows: 0 });
    expect(await reminders(2026)).toEqual([]);
  });

  it('shows on the board when each municipality was first reminded that year', async () => {
    const [first] = (await dataSource().query(
      `SELECT min(created_at) AS at FROM notification WHERE idempotency_key = $1`,
      [`municipal-yearly-reminder:2025:${kranj}`],
    )) as { at: Date }[];
    const board = await compliance.board(2025, new Date('2025-09-01T08:00:00Z'));
    const byCode = new Map(board.rows.map((r) => [r.municipality.code, r]));
    expect(byCode.get('kranj')).toMatchObject({ compliant: false, remindedAt: first.at });
    expect(byCode.get('trzic')).toMatchObject({ compliant: true, remindedAt: null });
    expect(byCode.get('jesenice')).toMatchObject({ compliant: false, remindedAt: null });
    // Another year's reminder is that year's.
    expect((await compliance.board(2024, new Date('2025-09-01T08:00:00Z'))).rows.find((r) => r.municipality.code === 'trzic')?.remindedAt).toBeInstanceOf(Date);
  });

  it('runs as a job on the worker, once per organisation and year however often it is queued', async () => {
    worker = await boot(config, true);
    const queues = worker.get(JobQueues);
    const run = async (jobId: string, year: number, state: 'completed' | 'failed' = 'completed') => {
      await queues.queue({ name: JobName.MunicipalYearlyReminder, data: { trigger: 'test', year } }, jobId);
      await eventually(async () => ((await queues.jobState(QueueName.Marketplace, jobId)) === state ? true : undefined), 20_000, `${jobId} ${state}`);
      return (await queues.get(QueueName.Marketplace).getJob(jobId))?.returnvalue as JobStatus | null;
    };
    expect(await run('municipal-reminder-test-1', 2023)).toBe(JobStatus.Success);
    expect(await run('municipal-reminder-test-2', 2023)).toBe(JobStatus.Skipped);
    expect(await reminders(2023)).toEqual(sorted([row(people.kranjOwner, kranj, 2023), row(people.kranjEditor, kranj, 2023), row(people.trzicOwner, trzic, 2023)]));
    // Before the rule's first year: a permanent failure, not retried.
    await run('municipal-reminder-test-3', 2019, 'failed');
    expect(await reminders(2019)).toEqual([]);
  });
});
