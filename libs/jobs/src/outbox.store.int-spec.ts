import { Test, type TestingModule } from '@nestjs/testing';
import { APP_CONFIG, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { createTestDatabase, testConfig, type TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { OutboxTopic } from './job-catalogue.js';
import { JobsModule } from './jobs.module.js';
import { OutboxStore } from './outbox.store.js';

describe('OutboxStore', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let store: OutboxStore;
  let dataSource: DataSource;
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, JobsModule] })
      .overrideProvider(APP_CONFIG).useValue(testConfig(db.url, 'postgres')).compile();
    await moduleRef.init();
    store = moduleRef.get(OutboxStore);
    dataSource = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });

  it('collapses a burst of events for one row into one group, and hands nothing over twice', async () => {
    await dataSource.transaction((m) => store.record(m, [1, 1, 1, 2].map((n) => ({ topic: OutboxTopic.SearchSync, aggregateType: 'creative', aggregateId: id(n) }))));
    const seen: string[] = [];
    expect(await store.dispatchPending(100, 60_000, async (groups) => (seen.push(...groups.map((g) => g.aggregateId)), groups))).toBe(2);
    expect(seen.sort()).toEqual([id(1), id(2)]);
    expect(await store.dispatchPending(100, 60_000, async (groups) => groups)).toBe(0);
  });

  it('keeps events pending when the hand-over fails', async () => {
    await dataSource.transaction((m) => store.record(m, [{ topic: OutboxTopic.SearchSync, aggregateType: 'creative', aggregateId: id(3) }]));
    await expect(store.dispatchPending(100, 60_000, async () => { throw new Error('queue down'); })).rejects.toThrow('queue down');
    const again: string[] = [];
    await store.dispatchPending(100, 60_000, async (groups) => (again.push(...groups.map((g) => g.aggregateId)), groups));
    expect(again).toEqual([id(3)]);
  });

  it('purges only processed events older than the retention period', async () => {
    await dataSource.transaction((m) => store.record(m, [4, 5, 6].map((n) => ({ topic: OutboxTopic.SearchSync, aggregateType: 'creative', aggregateId: id(n) }))));
    await store.markProcessed(OutboxTopic.SearchSync, 'creative', id(4), '999999');
    await store.markProcessed(OutboxTopic.SearchSync, 'creative', id(5), '999999');
    await dataSource.query(`UPDATE outbox_event SET processed_at = now() - interval '8 days' WHERE aggregate_id = $1`, [id(4)]);
    expect(await store.purgeProcessed(7 * 24 * 3600 * 1000)).toBe(1);
    const left = (await dataSource.query(`SELECT aggregate_id FROM outbox_event WHERE aggregate_id = ANY($1::uuid[]) ORDER BY aggregate_id`, [[id(4), id(5), id(6)]])) as { aggregate_id: string }[];
    expect(left.map((r) => r.aggregate_id)).toEqual([id(5), id(6)]);
  });
});
