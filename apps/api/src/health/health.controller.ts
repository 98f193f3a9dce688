import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobQueues, JobRunCounters, OutboxStore, withTimeout } from '@app/jobs';
import { SearchIndexes } from '@app/marketplace';
import { SEARCH_PORT, type SearchPort } from '@app/search';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators.js';

type Check = { ok: boolean; detail?: string };

/** Liveness (`/health`), readiness (`/ready`: database, queue, search) and job run counts (`/metrics/jobs`), as JSON. */
@Public()
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly outbox: OutboxStore,
    private readonly indexes: SearchIndexes,
    @Inject(SEARCH_PORT) private readonly search: SearchPort,
    private readonly counters: JobRunCounters,
  ) {}

  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const [database, queue, search] = await Promise.all([
      this.check(async () => {
        await withTimeout(this.dataSource.query('SELECT 1'), 2000);
        const outbox = await this.outbox.stats();
        return `outbox pending ${outbox.pending}`;
      }),
      this.check(async () => {
        if (!(await this.queues.isHealthy())) throw new Error('not reachable');
        return `${this.queues.backendKind} backend`;
      }),
      this.check(async () => {
        if (!(await withTimeout(this.search.isHealthy(), 2000))) throw new Error('not reachable');
        if (!this.indexes.indexesReady) throw new Error('indexes not created yet');
        return this.search.engine;
      }),
    ]);
    const ok = database.ok && queue.ok && search.ok;
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ready' : 'not-ready', checks: { database, queue, search } };
  }

  /**
   * Completed and failed runs per catalogue job since the database was created, as the workers
   * recorded them (a scheduled job failing every run shows a growing `failed`). Job names, counts
   * and times only: nothing about a person.
   */
  @Get('metrics/jobs')
  async jobMetrics() {
    // Bounded, so a stuck database never holds the request; a slow one (a loaded machine) gets 5 s
    // and then a 503 that says so, not an internal error.
    const jobs = await withTimeout(this.counters.read(), 5000).catch(() => {
      throw new ServiceUnavailableException({ error: 'SERVICE_UNAVAILABLE', message: 'job counters could not be read in time; try again' });
    });
    return {
      jobs: jobs.map((j) => ({
        name: j.name, completed: j.completed, failed: j.failed,
        lastCompletedAt: j.lastCompletedAt?.toISOString() ?? null, lastFailedAt: j.lastFailedAt?.toISOString() ?? null,
      })),
    };
  }

  private async check(run: () => Promise<string>): Promise<Check> {
    try {
      return { ok: true, detail: await run() };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : 'failed' };
    }
  }
}
