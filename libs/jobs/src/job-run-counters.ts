import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobName } from './job-catalogue.js';

export type JobOutcome = 'completed' | 'failed';

/** What an operator reads per job name (public: names, counts and times only). */
export interface JobRunCount {
  name: JobName;
  completed: number;
  /** Failed attempts, retried ones included (a scheduled job failing every run shows here). */
  failed: number;
  lastCompletedAt: Date | null;
  lastFailedAt: Date | null;
}

interface Delta {
  completed: number;
  failed: number;
  lastCompletedAt: Date | null;
  lastFailedAt: Date | null;
}

/** Counts are added up in memory and written at most this often, in one statement. */
export const COUNTER_FLUSH_MS = 1000;

/**
 * Completed and failed runs per job name, in PostgreSQL (`job_run_counter`), so the API can show
 * what the worker did on either queue backend. The worker records; anyone reads.
 */
@Injectable()
export class JobRunCounters implements OnModuleDestroy {
  private readonly logger = new Logger(JobRunCounters.name);
  private pending = new Map<JobName, Delta>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(name: string, outcome: JobOutcome, at: Date = new Date()): void {
    if (!isJobName(name)) return;
    const delta = this.pending.get(name) ?? { completed: 0, failed: 0, lastCompletedAt: null, lastFailedAt: null };
    if (outcome === 'completed') {
      delta.completed += 1;
      delta.lastCompletedAt = at;
    } else {
      delta.failed += 1;
      delta.lastFailedAt = at;
    }
    this.pending.set(name, delta);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, COUNTER_FLUSH_MS).unref();
  }

  /** Writes what was recorded so far; a failed write keeps the counts for the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const rows = [...batch.entries()];
    try {
      await this.dataSource.query(
        `INSERT INTO job_run_counter AS c (job_name, completed, failed, last_completed_at, last_failed_at)
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::timestamptz[], $5::timestamptz[])
         ON CONFLICT (job_name) DO UPDATE SET
           completed = c.completed + EXCLUDED.completed,
           failed = c.failed + EXCLUDED.failed,
           last_completed_at = GREATEST(c.last_completed_at, EXCLUDED.last_completed_at),
           last_failed_at = GREATEST(c.last_failed_at, EXCLUDED.last_failed_at)`,
        [rows.map(([n]) => n), rows.map(([, d]) => d.completed), rows.map(([, d]) => d.failed), rows.map(([, d]) => d.lastCompletedAt), rows.map(([, d]) => d.lastFailedAt)],
      );
    } catch (error) {
      for (const [name, d] of rows) {
        const now = this.pending.get(name);
        this.pending.set(name, now
          ? { completed: now.completed + d.completed, failed: now.failed + d.failed, lastCompletedAt: now.lastCompletedAt ?? d.lastCompletedAt, lastFailedAt: now.lastFailedAt ?? d.lastFailedAt }
          : d);
      }
      this.logger.warn(`job counters not written (kept for the next flush): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Every catalogue job, with zeros for those that never ran. */
  async read(): Promise<JobRunCount[]> {
    const rows = (await this.dataSource.query(
      `SELECT job_name, completed::text AS completed, failed::text AS failed, last_completed_at, last_failed_at FROM job_run_counter`,
    )) as { job_name: string; completed: string; failed: string; last_completed_at: Date | null; last_failed_at: Date | null }[];
    const byName = new Map(rows.map((r) => [r.job_name, r]));
    return Object.values(JobName).map((name) => {
      const r = byName.get(name);
      return { name, completed: Number(r?.completed ?? 0), failed: Number(r?.failed ?? 0), lastCompletedAt: r?.last_completed_at ?? null, lastFailedAt: r?.last_failed_at ?? null };
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}

function isJobName(name: string): name is JobName {
  return (Object.values(JobName) as string[]).includes(name);
}
