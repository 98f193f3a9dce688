import { Test, type TestingModule } from '@nestjs/testing';
import { APP_CONFIG, ConfigModule } from '@app/config';
import { createTestDatabase, testConfig, type TestDatabase } from '@app/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { DatabaseModule } from './database.module.js';
import { RetryingDataSource } from './retrying-data-source.js';
import { DEFAULT_TRANSACTION_RETRY, sqlStateOf } from './transaction-retry.js';

/** Resolves once `parties` callers have arrived; later arrivals pass straight through. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived >= parties) open();
    return opened;
  };
}

/** The app's DataSource (from DatabaseModule) against real PostgreSQL: real deadlocks and serialisation failures. */
describe('RetryingDataSource (PostgreSQL)', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule] })
      .overrideProvider(APP_CONFIG).useValue(testConfig(db.url, 'postgres')).compile();
    await moduleRef.init();
    dataSource = moduleRef.get(DataSource);
    await dataSource.query(`CREATE TABLE retry_probe (id int PRIMARY KEY, v int NOT NULL)`);
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });
  beforeEach(async () => {
    await dataSource.query(`TRUNCATE retry_probe`);
    await dataSource.query(`INSERT INTO retry_probe (id, v) VALUES (1, 0), (2, 0)`);
  });

  const bump = (m: EntityManager, id: number) => m.query(`UPDATE retry_probe SET v = v + 1 WHERE id = $1`, [id]);
  const values = async () => ((await dataSource.query(`SELECT v FROM retry_probe ORDER BY id`)) as { v: number }[]).map((r) => r.v);

  it('is the DataSource every module gets', () => {
    expect(dataSource).toBeInstanceOf(RetryingDataSource);
  });

  it('retries the victim of a real deadlock between two transactions, and both commit', async () => {
    const retried = (dataSource as RetryingDataSource).retries.get('40P01') ?? 0;
    const bothHoldOneRow = barrier(2);
    const attempts = { a: 0, b: 0 };
    // a locks row 1 then 2, b locks row 2 then 1: PostgreSQL aborts one of them with 40P01.
    await Promise.all([
      dataSource.transaction(async (m) => {
        attempts.a++;
        await bump(m, 1);
        await bothHoldOneRow();
        await bump(m, 2);
      }),
      dataSource.transaction(async (m) => {
        attempts.b++;
        await bump(m, 2);
        await bothHoldOneRow();
        await bump(m, 1);
      }),
    ]);
    expect(attempts.a + attempts.b).toBe(3);
    expect((dataSource as RetryingDataSource).retries.get('40P01')).toBe(retried + 1);
    expect(await values()).toEqual([2, 2]);
  });

  it('without the retry the same schedule fails with deadlock_detected (the control case)', async () => {
    const plain = new DataSource(dataSource.options);
    await plain.initialize();
    try {
      const bothHoldOneRow = barrier(2);
      const outcomes = await Promise.allSettled([
        plain.transaction(async (m) => {
          await bump(m, 1);
          await bothHoldOneRow();
          await bump(m, 2);
        }),
        plain.transaction(async (m) => {
          await bump(m, 2);
          await bothHoldOneRow();
          await bump(m, 1);
        }),
      ]);
      const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(failures.map((f) => sqlStateOf(f.reason))).toEqual(['40P01']);
    } finally {
      await plain.destroy();
    }
  });

  it('retries a real serialisation failure under SERIALIZABLE (the isolation-level overload)', async () => {
    const bothRead = barrier(2);
    let attempts = 0;
    // Write skew: each reads the sum and writes row `id` from it; SERIALIZABLE aborts one with 40001.
    const skew = (id: number) => dataSource.transaction('SERIALIZABLE', async (m) => {
      attempts++;
      const [{ sum }] = (await m.query(`SELECT sum(v)::int AS sum FROM retry_probe`)) as { sum: number }[];
      await bothRead();
      await m.query(`UPDATE retry_probe SET v = $2 WHERE id = $1`, [id, sum + 10]);
    });
    await Promise.all([skew(1), skew(2)]);
    expect(attempts).toBe(3);
    // Serial outcome: the second saw the first's 10.
    expect((await values()).sort((x, y) => x - y)).toEqual([10, 20]);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    const failure = await dataSource.transaction(async (m) => {
      attempts++;
      await m.query(`INSERT INTO retry_probe (id, v) VALUES (1, 0)`);
    }).catch((error: unknown) => error);
    expect(sqlStateOf(failure)).toBe('23505');
    expect(attempts).toBe(1);
  });

  it('gives up after a bounded number of attempts and rolls each one back', async () => {
    let attempts = 0;
    const started = Date.now();
    const failure = await dataSource.transaction(async (m) => {
      attempts++;
      await bump(m, 1);
      await m.query(`DO $$ BEGIN RAISE EXCEPTION 'always in conflict' USING ERRCODE = 'serialization_failure'; END $$`);
    }).catch((error: unknown) => error);
    expect(sqlStateOf(failure)).toBe('40001');
    expect(attempts).toBe(DEFAULT_TRANSACTION_RETRY.maxAttempts);
    expect(await values()).toEqual([0, 0]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('inside an outer transaction, an inner one is not retried on its own: the outer one is', async () => {
    let outer = 0;
    let inner = 0;
    await dataSource.transaction(async (m) => {
      outer++;
      await bump(m, 1);
      await dataSource.transaction(async (n) => {
        inner++;
        if (outer === 1) await n.query(`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'deadlock_detected'; END $$`);
        await bump(n, 2);
      });
    });
    expect({ outer, inner }).toEqual({ outer: 2, inner: 2 });
    expect(await values()).toEqual([1, 1]);
  });
});
