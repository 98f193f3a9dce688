import { createTestDatabase, type TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { describeForLog, formatError, toGraphQLError } from './graphql-errors.js';

/**
 * A PostgreSQL error that escapes the edge checks: logged without the values the user sent (the
 * driver quotes them in its message and detail, TypeORM adds the query and parameters), answered
 * as a bare INTERNAL_SERVER_ERROR; a value that is not a uuid names no row (NOT_FOUND).
 */
describe('PostgreSQL errors at the GraphQL edge (integration)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const PAYLOAD = 'tajno-Žiri-payload';

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  async function failure(sql: string, parameters: unknown[]): Promise<unknown> {
    try {
      await dataSource.query(sql, parameters);
    } catch (error) {
      return error;
    }
    throw new Error(`${sql} did not fail`);
  }

  it('logs class, SQLSTATE and frames only, and answers a generic internal error', async () => {
    const cases = [
      { sql: 'SELECT $1::int AS n', parameters: [PAYLOAD], sqlState: '22P02' },
      { sql: 'SELECT $1::text AS t', parameters: [`${PAYLOAD}\u0000`], sqlState: '22021' },
      { sql: `SELECT 1 FROM "${PAYLOAD}"`, parameters: [], sqlState: '42P01' },
      { sql: 'SELECT $1::timestamptz AS t', parameters: [`0000-01-01 ${PAYLOAD}`], sqlState: '22007' },
    ];
    for (const { sql, parameters, sqlState } of cases) {
      const error = await failure(sql, parameters);
      expect(String((error as Error).message) + JSON.stringify(error)).toContain('tajno');
      const logged = describeForLog(error);
      expect(logged).toContain(`SQLSTATE ${sqlState}`);
      expect(logged).toMatch(/\n\s+at /);
      expect(logged).not.toContain('tajno');
      expect(logged).not.toContain('SELECT');
      const answered = formatError({ message: toGraphQLError(error).message, extensions: toGraphQLError(error).extensions }, error);
      expect(answered).toEqual({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
  });

  it('answers text that PostgreSQL cannot read as a uuid with NOT_FOUND', async () => {
    const error = await failure('SELECT id FROM (SELECT gen_random_uuid() AS id) t WHERE id = $1', [PAYLOAD]);
    expect(toGraphQLError(error).extensions.code).toBe('NOT_FOUND');
    expect(toGraphQLError(error).message).not.toContain('tajno');
  });

  it('answers a unique violation (a lost check-then-insert race) with INVALID_STATE, quoting nothing', async () => {
    await dataSource.query(`CREATE TABLE IF NOT EXISTS dup_probe (k text PRIMARY KEY)`);
    await dataSource.query(`INSERT INTO dup_probe VALUES ($1) ON CONFLICT DO NOTHING`, [PAYLOAD]);
    const duplicate = await failure(`INSERT INTO dup_probe VALUES ($1)`, [PAYLOAD]);
    const answered = toGraphQLError(duplicate);
    expect(answered.extensions.code).toBe('INVALID_STATE');
    expect(answered.message).not.toContain('tajno');
    expect(answered.message).not.toMatch(/dup_probe|INSERT|duplicate key/);
  });

  it('answers the code-less "too many errors processing variables" with BAD_USER_INPUT', () => {
    expect(formatError({ message: 'Too many errors processing variables, error limit reached. Execution aborted.' }, undefined)).toEqual({
      message: 'Too many errors processing variables, error limit reached. Execution aborted.',
      extensions: { code: 'BAD_USER_INPUT', field: 'variables' },
    });
  });

  it('leaves other errors as they were logged: with their message and stack', () => {
    const logged = describeForLog(new TypeError('cannot read x of undefined'));
    expect(logged).toContain('cannot read x of undefined');
    expect(logged).toMatch(/\n\s+at /);
  });
});
