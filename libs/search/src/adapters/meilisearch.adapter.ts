import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type Settings,
  type Task,
} from 'meilisearch';
import { InvalidSearchRequestError, SearchIndexNotFoundError } from '../search.errors.js';
import {
  SearchUnavailableError,
  type IndexDefinition,
  type SearchDocument,
  type SearchPort,
  type SearchQuery,
  type SearchResult,
} from '../search.port.js';
import { SYNONYM_GROUPS } from '../text/normalise.js';
import {
  assertIndexName,
  checkDocument,
  checkQuery,
  MIN_WORD_LENGTH_FOR_TYPO,
  parseDocuments,
  parseIds,
  parseIndexDefinition,
  parseSearchQuery,
} from '../validation.js';
import { buildMeilisearchFilter, buildMeilisearchSort, pageWindow } from './meilisearch-filter.js';

export interface MeilisearchAdapterOptions {
  /** e.g. http://meilisearch:7700 */
  url: string;
  apiKey?: string;
  /** Per HTTP request. Default 5 s. */
  requestTimeoutMs?: number;
  /** How long upsert/remove/ensureIndex wait for Meilisearch to finish a task. Default 60 s. */
  taskTimeoutMs?: number;
  /** Polling interval while waiting for a task. Default 50 ms. */
  taskPollIntervalMs?: number;
  /** Meilisearch's cap on reachable hits (and so on `total`). Default 1000, as in Meilisearch. */
  maxTotalHits?: number;
  /** Values returned per facet. Default 100, as in Meilisearch. */
  maxValuesPerFacet?: number;
  /** Documents per addDocuments call. Default 5000. */
  batchSize?: number;
}

/** `sort` first so that a requested sort is strict, as the port promises (a no-op without one). */
export const MEILISEARCH_RANKING_RULES = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'];

/** Multi-way synonyms from the normaliser's groups (redundant with canonical tokens, but harmless). */
export function meilisearchSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    const all = [...new Set([group.canonical, ...group.terms])];
    for (const term of all) synonyms[term] = all.filter((t) => t !== term);
  }
  return synonyms;
}

export function meilisearchSettings(definition: IndexDefinition, options: Pick<MeilisearchAdapterOptions, 'maxTotalHits' | 'maxValuesPerFacet'> = {}): Settings {
  return {
    searchableAttributes: [...definition.searchableFields],
    filterableAttributes: [...definition.filterableFields],
    sortableAttributes: [...definition.sortableFields],
    rankingRules: MEILISEARCH_RANKING_RULES,
    // One typo from 5 letters like the embedded engine; 255 (the maximum) switches two typos off.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: MIN_WORD_LENGTH_FOR_TYPO, twoTypos: 255 } },
    synonyms: meilisearchSynonyms(),
    pagination: { maxTotalHits: options.maxTotalHits ?? 1000 },
    faceting: { maxValuesPerFacet: options.maxValuesPerFacet ?? 100 },
  };
}

const INVALID_CODE = /^(invalid_|missing_|bad_request|payload_too_large)/;

export class MeilisearchAdapter implements SearchPort {
  readonly engine = 'meilisearch';
  private readonly client: Meilisearch;
  /** Definitions ensured by this process: used to check documents and queries before sending. */
  private readonly definitions = new Map<string, IndexDefinition>();
  private readonly existing = new Set<string>();

  constructor(private readonly options: MeilisearchAdapterOptions) {
    this.client = new Meilisearch({
      host: options.url,
      apiKey: options.apiKey,
      timeout: options.requestTimeoutMs ?? 5_000,
      defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 60_000, interval: options.taskPollIntervalMs ?? 50 },
    });
  }

  async ensureIndex(definition: IndexDefinition): Promise<void> {
    const def = parseIndexDefinition(definition);
    await this.guard(def.name, async () => {
      await this.finish(this.client.createIndex(def.name, { primaryKey: 'id' }), def.name, 'index_already_exists');
      await this.finish(this.client.index(def.name).updateSettings(meilisearchSettings(def, this.options)), def.name);
    });
    this.definitions.set(def.name, def);
    this.existing.add(def.name);
  }

  async upsert(index: string, documents: readonly SearchDocument[]): Promise<void> {
    const docs = parseDocuments(documents);
    await this.requireIndex(index);
    const definition = this.definitions.get(index);
    if (definition) for (const doc of docs) checkDocument(doc, definition);
    const batchSize = this.options.batchSize ?? 5_000;
    for (let i = 0; i < docs.length; i += batchSize) {
      const batch = docs.slice(i, i + batchSize);
      await this.guard(index, () => this.finish(this.client.index(index).addDocuments(batch, { primaryKey: 'id' }), index));
    }
  }

  async remove(index: string, ids: readonly string[]): Promise<void> {
    const list = parseIds(ids);
    await this.requireIndex(index);
    if (list.length === 0) return;
    await this.guard(index, () => this.finish(this.client.index(index).deleteDocuments(list), index));
  }

  async search(index: string, query: SearchQuery): Promise<SearchResult> {
    assertIndexName(index);
    const q = parseSearchQuery(query);
    const definition = this.definitions.get(index);
    if (definition) checkQuery(q, definition);
    const { page, hitsPerPage, skip } = pageWindow(q.offset, q.limit);
    const response = await this.guard(index, () =>
      this.client.index(index).search(q.text, {
        filter: buildMeilisearchFilter(q.filters),
        facets: q.facets.length > 0 ? q.facets : undefined,
        sort: buildMeilisearchSort(q.sort),
        page,
        hitsPerPage,
        matchingStrategy: 'all',
        showRankingScore: q.text !== '',
        attributesToRetrieve: ['id'],
      }),
    );
    const hits = response.hits.slice(skip).map((hit) => {
      const id = String(hit.id);
      return q.text !== '' && typeof hit._rankingScore === 'number' ? { id, score: hit._rankingScore } : { id };
    });
    const distribution = response.facetDistribution ?? {};
    return {
      hits,
      total: response.totalHits,
      facets: Object.fromEntries(q.facets.map((field) => [field, { ...(distribution[field] ?? {}) }])),
    };
  }

  async listIds(index: string): Promise<string[]> {
    assertIndexName(index);
    const ids: string[] = [];
    const limit = 1_000;
    for (;;) {
      const page = await this.guard(index, () => this.client.index(index).getDocuments({ fields: ['id'], limit, offset: ids.length }));
      for (const doc of page.results) ids.push(String(doc.id));
      if (page.results.length < limit || ids.length >= page.total) return ids;
    }
  }

  async count(index: string): Promise<number> {
    assertIndexName(index);
    const stats = await this.guard(index, () => this.client.index(index).getStats());
    return stats.numberOfDocuments;
  }

  async isHealthy(): Promise<boolean> {
    try {
      return await this.client.isHealthy();
    } catch {
      return false;
    }
  }

  /** Meilisearch creates missing indexes on the fly when documents arrive; the port must not. */
  private async requireIndex(index: string): Promise<void> {
    assertIndexName(index);
    if (this.existing.has(index)) return;
    await this.guard(index, () => this.client.getRawIndex(index));
    this.existing.add(index);
  }

  /** Wait for a task and turn a failed one into an error (`tolerated` is an error code that counts as success). */
  private async finish(enqueued: EnqueuedTaskPromise, index: string, tolerated?: string): Promise<Task> {
    const task = await enqueued.waitTask();
    if (task.status === 'succeeded' || (task.status === 'failed' && task.error?.code === tolerated)) return task;
    const code = task.error?.code ?? task.status;
    const message = `Meilisearch task ${task.uid} (${task.type}) on "${index}" ${task.status}: ${task.error?.message ?? 'no details'}`;
    if (code === 'index_not_found') throw new SearchIndexNotFoundError(index);
    if (INVALID_CODE.test(code)) throw new InvalidSearchRequestError(message);
    throw new Error(message);
  }

  private async guard<T>(index: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw this.translate(error, index);
    }
  }

  private translate(error: unknown, index: string): unknown {
    const where = `Meilisearch at ${this.options.url}`;
    if (error instanceof MeilisearchApiError) {
      const code = error.cause?.code ?? '';
      const status = error.response.status;
      if (code === 'index_not_found') return new SearchIndexNotFoundError(index, { cause: error });
      if (INVALID_CODE.test(code) || status === 413) return new InvalidSearchRequestError(`${where} rejected the request: ${error.message}`, { cause: error });
      if (status === 401 || status === 403) return new SearchUnavailableError(`${where} refused the API key: ${error.message}`, { cause: error });
      if (status >= 500) return new SearchUnavailableError(`${where} failed (${status}): ${error.message}`, { cause: error });
      return new Error(`${where} answered ${status} (${code}): ${error.message}`, { cause: error });
    }
    if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError) {
      return new SearchUnavailableError(`${where} is unreachable: ${error.message}`, { cause: error });
    }
    if (error instanceof MeilisearchTaskTimeOutError) {
      return new SearchUnavailableError(`${where} did not finish a task in time: ${error.message}`, { cause: error });
    }
    return error;
  }
}
