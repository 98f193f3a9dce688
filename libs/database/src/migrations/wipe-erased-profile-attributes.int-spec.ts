import { createTestDatabase, type TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { WipeErasedProfileAttributes1763901400000 } from './1763901400000-WipeErasedProfileAttributes.js';

/** Profiles erased by the older erasure kept kind, municipality and availability; the migration wipes them and leaves live profiles alone. */
describe('migration WipeErasedProfileAttributes (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('wipes the attributes of erased profiles only', async () => {
    const insert = `INSERT INTO creative_profile (display_name, kind, municipality, availability, is_demo, erased_at)
                    VALUES ($1, 'STUDENT', 'zelezniki', 'AVAILABLE', true, $2) RETURNING id`;
    const [erased] = (await dataSource.query(insert, ['Izbrisan avtor / Erased author', '2026-01-05T10:00:00Z'])) as { id: string }[];
    const [live] = (await dataSource.query(insert, ['Vesna Tiskar', null])) as { id: string }[];

    const runner = dataSource.createQueryRunner();
    try {
      await new WipeErasedProfileAttributes1763901400000().up(runner);
    } finally {
      await runner.release();
    }

    const rows = (await dataSource.query(`SELECT id, display_name, kind, municipality, availability, is_demo, created_at FROM creative_profile WHERE id = ANY($1)`, [[erased.id, live.id]])) as Record<string, unknown>[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(erased.id)).toMatchObject({ display_name: 'Odstranjen udeleženec / Removed participant', kind: 'INDIVIDUAL', municipality: '', availability: 'UNAVAILABLE', is_demo: false, created_at: new Date('2026-01-05T10:00:00Z') });
    expect(byId.get(live.id)).toMatchObject({ display_name: 'Vesna Tiskar', kind: 'STUDENT', municipality: 'zelezniki', availability: 'AVAILABLE', is_demo: true });
  });
});
