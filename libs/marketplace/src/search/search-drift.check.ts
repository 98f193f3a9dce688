import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobQueues, SearchableType } from '@app/jobs';
import { SEARCH_PORT, type SearchPort } from '@app/search';
import { INDEX_OF } from './catalogue-index.js';
import { SearchIndexes } from './search-indexes.js';
import { SearchSyncHandler } from './search-sync.handler.js';

/**
 * At worker start: if an index holds a different number of documents than PostgreSQL says it
 * should (engine data lost, restored from an old backup, …), queue a full reindex of it.
 */
@Injectable()
export class SearchDriftCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchDriftCheck.name);

  constructor(
    @Inject(SEARCH_PORT) private readonly search: SearchPort,
    private readonly indexes: SearchIndexes,
    private readonly sync: SearchSyncHandler,
    private readonly queues: JobQueues,
  ) {}

  onApplicationBootstrap(): void {
    void this.check().catch((error: unknown) =>
      this.logger.warn(`search drift check failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async check(): Promise<SearchableType[]> {
    await this.indexes.ready();
    const drifted: SearchableType[] = [];
    for (const type of Object.values(SearchableType)) {
      const [indexed, expected] = await Promise.all([this.search.count(INDEX_OF[type].name), this.sync.expectedCount(type)]);
      if (indexed === expected) continue;
      this.logger.log(`${INDEX_OF[type].name}: ${indexed} documents indexed, ${expected} expected; queueing a full reindex`);
      await this.queues.queue({ name: JobName.SearchReindexAll, data: { type, reason: 'startup-drift' } }, `search-reindex-all.${type}.${Date.now()}`);
      drifted.push(type);
    }
    return drifted;
  }
}
