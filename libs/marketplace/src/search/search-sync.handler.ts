import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobStatus, JobName, OnJob, OutboxStore, OutboxTopic, SearchableType, type JobContext, type JobDataOf } from '@app/jobs';
import { SEARCH_PORT, type SearchPort } from '@app/search';
import { INDEX_OF } from './catalogue-index.js';
import { SearchProjections } from './search-projections.js';

const REINDEX_PAGE = 500;

/** Worker side of search: keeps the index in line with PostgreSQL. */
@Injectable()
export class SearchSyncHandler {
  private readonly logger = new Logger(SearchSyncHandler.name);

  constructor(
    @Inject(SEARCH_PORT) private readonly search: SearchPort,
    private readonly projections: SearchProjections,
    private readonly outbox: OutboxStore,
  ) {}

  /** Re-reads the row and upserts or removes its document; then marks its outbox events done. */
  @OnJob(JobName.SearchSyncDocument)
  async syncDocument(data: JobDataOf<JobName.SearchSyncDocument>): Promise<JobStatus> {
    if (!Object.values(SearchableType).includes(data.type)) return JobStatus.Failed;
    const index = INDEX_OF[data.type].name;
    const [document] = await this.projections.of(data.type).documents([data.id]);
    if (document) await this.search.upsert(index, [document]);
    else await this.search.remove(index, [data.id]);
    await this.outbox.markProcessed(OutboxTopic.SearchSync, data.type, data.id, data.upToOutboxId);
    return JobStatus.Success;
  }

  /** Pages through PostgreSQL, upserts every document, then drops documents with no row behind them. */
  @OnJob(JobName.SearchReindexAll)
  async reindexAll(data: JobDataOf<JobName.SearchReindexAll>, context: JobContext): Promise<JobStatus> {
    const types = data.type ? [data.type] : Object.values(SearchableType);
    for (const type of types) {
      const definition = INDEX_OF[type];
      const projection = this.projections.of(type);
      await this.search.ensureIndex(definition);
      const live = new Set<string>();
      let after: string | null = null;
      let total = 0;
      for (;;) {
        const ids = await projection.idsAfter(after, REINDEX_PAGE);
        if (ids.length === 0) break;
        const documents = await projection.documents(ids);
        await this.search.upsert(definition.name, documents);
        for (const d of documents) live.add(d.id);
        total += documents.length;
        after = ids[ids.length - 1];
        await context.updateProgress({ type, indexed: total });
      }
      const stale = (await this.search.listIds(definition.name)).filter((id) => !live.has(id));
      if (stale.length > 0) await this.search.remove(definition.name, stale);
      this.logger.log(`reindexed ${definition.name}: ${total} documents, ${stale.length} stale removed (${data.reason})`);
    }
    return JobStatus.Success;
  }

  /** How many rows of a type should be in the index (drift check at worker start). */
  expectedCount(type: SearchableType): Promise<number> {
    return this.projections.of(type).expectedCount();
  }
}
