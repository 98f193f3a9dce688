import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SEARCH_PORT, type SearchPort } from '@app/search';
import { INDEX_OF } from './catalogue-index.js';

const RETRY_MS = 2000;

/**
 * Makes sure both indexes exist with their settings before documents arrive. If the engine is
 * not up yet the process still starts and keeps trying; `ready()` tells /ready and the worker.
 */
@Injectable()
export class SearchIndexes implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SearchIndexes.name);
  private ensured: Promise<void> | undefined;
  private isReady = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(@Inject(SEARCH_PORT) private readonly search: SearchPort) {}

  onApplicationBootstrap(): void {
    void this.ready().catch(() => undefined);
  }

  /** Resolves once the indexes exist (retrying while the engine is down). */
  ready(): Promise<void> {
    this.ensured ??= this.ensureWithRetry();
    return this.ensured;
  }

  get indexesReady(): boolean {
    return this.isReady;
  }

  private async ensureWithRetry(): Promise<void> {
    let warned = false;
    while (!this.stopped) {
      try {
        for (const definition of Object.values(INDEX_OF)) await this.search.ensureIndex(definition);
        this.isReady = true;
        this.logger.log(`search indexes ready on ${this.search.engine}`);
        return;
      } catch (error) {
        if (!warned) this.logger.warn(`search engine not reachable yet, retrying: ${error instanceof Error ? error.message : String(error)}`);
        warned = true;
        await new Promise((resolve) => (this.timer = setTimeout(resolve, RETRY_MS)));
      }
    }
    throw new Error('stopped before the search indexes were ready');
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
