import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutboxTopic } from './job-catalogue.js';

export interface OutboxEventInput {
  topic: OutboxTopic;
  aggregateType: string;
  aggregateId: string;
}

/** Unprocessed events of one aggregate, collapsed: one job answers them all. */
export interface PendingOutboxGroup {
  topic: OutboxTopic;
  aggregateType: string;
  aggregateId: string;
  upToId: string;
  /** How often this group was handed to the queue before (0 on first dispatch). */
  dispatchCount: number;
  everDispatched: boolean;
}

/** All SQL on the transactional outbox. */
@Injectable()
export class OutboxStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records events inside the caller's transaction, so they commit or roll back with the change. */
  async record(manager: EntityManager, events: readonly OutboxEventInput[]): Promise<void> {
    if (events.length === 0) return;
    const values = events.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`).join(', ');
    await manager.query(
      `INSERT INTO outbox_event (topic, aggregate_type, aggregate_id) VALUES ${values}`,
      events.flatMap((e) => [e.topic, e.aggregateType, e.aggregateId]),
    );
  }

  /**
   * Runs `dispatch` over pending groups while holding a transaction-level advisory lock, so only
   * one relay dispatches at a time; events are marked dispatched only if `dispatch` succeeds.
   * Groups dispatched more than `redeliverAfterMs` ago and still unprocessed come back too.
   */
  async dispatchPending(
    limit: number,
    redeliverAfterMs: number,
    dispatch: (groups: PendingOutboxGroup[]) => Promise<PendingOutboxGroup[]>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock(7243001) AS locked`)) as { locked: boolean }[];
      if (!locked) return 0;
      const rows = (await manager.query(
        `SELECT topic, aggregate_type, aggregate_id, max(id)::text AS up_to_id,
                max(dispatch_count) AS dispatch_count, bool_or(dispatched_at IS NOT NULL) AS ever_dispatched
           FROM outbox_event
          WHERE processed_at IS NULL
            AND (dispatched_at IS NULL OR dispatched_at < now() - make_interval(secs => $2::double precision / 1000))
          GROUP BY topic, aggregate_type, aggregate_id
          ORDER BY min(id)
          LIMIT $1`,
        [limit, redeliverAfterMs],
      )) as { topic: OutboxTopic; aggregate_type: string; aggregate_id: string; up_to_id: string; dispatch_count: number; ever_dispatched: boolean }[];
      if (rows.length === 0) return 0;
      const groups = rows.map((r) => ({
        topic: r.topic,
        aggregateType: r.aggregate_type,
        aggregateId: r.aggregate_id,
        upToId: r.up_to_id,
        dispatchCount: Number(r.dispatch_count),
        everDispatched: r.ever_dispatched,
      }));
      const dispatched = await dispatch(groups);
      for (const g of groups) {
        const handedOver = dispatched.includes(g);
        await manager.query(
          `UPDATE outbox_event
              SET dispatched_at = now(), dispatch_count = dispatch_count + $5
            WHERE processed_at IS NULL AND topic = $1 AND aggregate_type = $2 AND aggregate_id = $3 AND id <= $4`,
          [g.topic, g.aggregateType, g.aggregateId, g.upToId, handedOver ? 1 : 0],
        );
      }
      return dispatched.length;
    });
  }

  /** Called by the job once the change has reached its destination. */
  async markProcessed(topic: OutboxTopic, aggregateType: string, aggregateId: string, upToId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_event SET processed_at = now()
        WHERE processed_at IS NULL AND topic = $1 AND aggregate_type = $2 AND aggregate_id = $3 AND id <= $4`,
      [topic, aggregateType, aggregateId, upToId],
    );
  }

  async stats(): Promise<{ pending: number; oldestPendingAgeMs: number | null }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending, (extract(epoch FROM now() - min(created_at)) * 1000)::bigint AS oldest
         FROM outbox_event WHERE processed_at IS NULL`,
    )) as { pending: number; oldest: string | null }[];
    return { pending: row.pending, oldestPendingAgeMs: row.oldest === null ? null : Number(row.oldest) };
  }

  /** Deletes processed events older than the retention period. */
  async purgeProcessed(olderThanMs: number): Promise<number> {
    const result = (await this.dataSource.query(
      `DELETE FROM outbox_event WHERE processed_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [olderThanMs],
    )) as [unknown, number];
    return result[1];
  }
}
