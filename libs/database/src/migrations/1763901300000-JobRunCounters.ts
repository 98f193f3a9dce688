import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Completed and failed runs per job name, written by the worker (which has no HTTP) and read by
 * the API's `/metrics/jobs`. In PostgreSQL so it works on both queue backends. Names and counts
 * only: no payloads, no error messages (they may name a person).
 */
export class JobRunCounters1763901300000 implements MigrationInterface {
  name = 'JobRunCounters1763901300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_run_counter (
        job_name text PRIMARY KEY,
        completed bigint NOT NULL DEFAULT 0 CHECK (completed >= 0),
        failed bigint NOT NULL DEFAULT 0 CHECK (failed >= 0),
        last_completed_at timestamptz(3),
        last_failed_at timestamptz(3)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_run_counter`);
  }
}
