import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: a schedule run carries the organiser's order of objective levels (2)-(4) (null = the default), its
 * progress beyond a fraction (best number of meetings found so far, best proven upper bound), and a stop request
 * (the worker stops at its next checkpoint and keeps the best schedule found). `event_published_meeting` is the
 * published schedule as participants last saw it, so a re-publish tells only those whose meetings changed.
 */
export class ScheduleRunProgress1763903000000 implements MigrationInterface {
  name = 'ScheduleRunProgress1763903000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE schedule_run
        ADD COLUMN objective_order text[] CHECK (objective_order IS NULL OR cardinality(objective_order) = 3),
        ADD COLUMN best_found integer CHECK (best_found >= 0),
        ADD COLUMN proven_bound integer CHECK (proven_bound >= 0),
        ADD COLUMN stop_requested_at timestamptz(3)`);
    await q.query(`
      CREATE TABLE event_published_meeting (
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        request_id uuid NOT NULL REFERENCES meeting_request (id) ON DELETE CASCADE,
        slot_id uuid NOT NULL REFERENCES event_slot (id) ON DELETE CASCADE,
        table_no integer NOT NULL,
        PRIMARY KEY (event_id, request_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_published_meeting`);
    await q.query(`ALTER TABLE schedule_run DROP COLUMN objective_order, DROP COLUMN best_found, DROP COLUMN proven_bound, DROP COLUMN stop_requested_at`);
  }
}
