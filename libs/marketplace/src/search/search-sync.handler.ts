import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobStatus, JobName, OnJob, OutboxStore, OutboxTopic, SearchableType, type JobContext, type JobDataOf } from '@app/jobs';
import { SEARCH_PORT, type SearchDocument, type SearchPort } from '@app/search';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { CreativeProfileRepository } from '../creatives/creative-profile.repository.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { ChallengeStatus } from '../reference/index.js';
import { challengeDocument, creativeDocument, INDEX_OF } from './catalogue-index.js';

const REINDEX_PAGE = 500;

/** Worker side of search: keeps the index in line with PostgreSQL. */
@Injectable()
export class SearchSyncHandler {
  private readonly logger = new Logger(SearchSyncHandler.name);

  constructor(
    @Inject(SEARCH_PORT) private readonly search: SearchPort,
    private readonly creatives: CreativeProfileRepository,
    private readonly challenges: ChallengeRepository,
    private readonly organisations: OrganisationRepository,
    private readonly outbox: OutboxStore,
  ) {}

  /** Re-reads the row and upserts or removes its document; then marks its outbox events done. */
  @OnJob(JobName.SearchSyncDocument)
  async syncDocument(data: JobDataOf<JobName.SearchSyncDocument>): Promise<JobStatus> {
    if (!Object.values(SearchableType).includes(data.type)) return JobStatus.Failed;
    const index = INDEX_OF[data.type].name;
    const [document] = await this.documents(data.type, [data.id]);
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
      await this.search.ensureIndex(definition);
      const live = new Set<string>();
      let after: string | null = null;
      let total = 0;
      for (;;) {
        const ids = await this.idsAfter(type, after);
        if (ids.length === 0) break;
        const documents = await this.documents(type, ids);
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
    return type === SearchableType.Creative
      ? this.creatives.count()
      : this.challenges.count((qb) => qb.andWhere('row.status = :status', { status: ChallengeStatus.Published }));
  }

  private idsAfter(type: SearchableType, after: string | null): Promise<string[]> {
    return type === SearchableType.Creative ? this.creatives.idsAfter(after, REINDEX_PAGE) : this.challenges.idsAfter(after, REINDEX_PAGE);
  }

  private async documents(type: SearchableType, ids: readonly string[]): Promise<SearchDocument[]> {
    if (type === SearchableType.Creative) return (await this.creatives.findByIds(ids)).map(creativeDocument);
    const rows = await this.challenges.findByIds(ids);
    const owners = new Map((await this.organisations.findByIds([...new Set(rows.map((r) => r.ownerOrganisationId))])).map((o) => [o.id, o]));
    return rows.flatMap((row) => {
      const owner = owners.get(row.ownerOrganisationId);
      const document = owner ? challengeDocument(row, owner) : null;
      return document ? [document] : [];
    });
  }
}
