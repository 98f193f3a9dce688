import { createHmac } from 'node:crypto';
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type MultiSearchQuery as MeiliMultiSearchQuery,
  type SearchResponse,
  type Settings,
  type Task,
} from 'meilisearch';
import { InvalidSearchRequestError, SearchIndexNotFoundError } from '../search.errors.js';
import {
  SearchUnavailableError,
  type IndexDefinition,
  type MultiSearchQuery,
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
  MIN_WORD_LENGTH_FOR_TWO_TYPOS,
  parseIndexDefinition,
  parseMultiSearch,
  parseSearchQuery,
  type ResolvedQuery,
} from '../validation.js';
import { buildMeilisearchFilter, buildMeilisearchSort, pageWindow } from './meilisearch-filter.js';

export interface MeilisearchAdapterOptions {
  /** e.g. http://meilisearch:7700 */
  url: string;
  /**
   * Key for ordinary operations (search, documents, stats, tasks; with index creation and
   * settings when no `masterKey` is given). Takes precedence over the key derived from `masterKey`.
   */
  apiKey?: string;
  /**
   * Setup only: creates the indexes and applies their settings, and creates (once) the scoped key
   * `SCOPED_KEY_UID` through `/keys`, whose value (derived from the master key) is then used for
   * everything else. Ignored for ordinary operations when `apiKey` is given.
   */
  masterKey?: string;
  /** Per HTTP request. Default 5 s. */
  requestTimeoutMs?: number;
  /** How long upsert/remove/ensureIndex wait for Meilisearch to finish a task. Default 60 s. */
  taskTimeoutMs?: number;
  /** Polling interval while waiting for a task. Default 50 ms. */
  taskPollIntervalMs?: number;
  /** Meilisearch's cap on reachable hits (and so on `total` and paging). Default 1,000,000 (Meilisearch's own default is 1,000). */
  maxTotalHits?: number;
  /** Values returned per facet. Default 10,000 (Meilisearch's own default is 100). */
  maxValuesPerFacet?: number;
  /** Documents per addDocuments call. Default 5000. */
  batchSize?: number;
}

/**
 * Meilisearch's default rules (words, typo, proximity, attributeRank, sort, wordPosition,
 * exactness), with two changes: `sort` first so that a requested sort is strict, as the port
 * promises (a no-op without one); and `exactness` before `attributeRank`, so that with prefix
 * search on the last word an exact word ("v Kranju" → kranj) beats a longer word it prefixes
 * (Kranjska Gora) even when the longer one sits in a more important field.
 */
export const MEILISEARCH_RANKING_RULES = ['sort', 'words', 'typo', 'proximity', 'exactness', 'attributeRank', 'wordPosition'];

export const DEFAULT_MAX_TOTAL_HITS = 1_000_000;
export const DEFAULT_MAX_VALUES_PER_FACET = 10_000;

/** The uid of the key the adapter creates for ordinary operations when it is given only the master key. */
export const SCOPED_KEY_UID = '5d1f8a6e-3b7c-4e21-9a4d-7c2b9e0f6a13';
/** What that key may do: no index creation, settings, key management or deletion of indexes. */
export const SCOPED_KEY_ACTIONS = ['search', 'documents.add', 'documents.get', 'documents.delete', 'indexes.get', 'stats.get', 'tasks.get'];

/** A key's value as Meilisearch derives it: hex HMAC-SHA256 of the uid, keyed by the master key. */
export function deriveMeilisearchKey(masterKey: string, uid: string): string {
  return createHmac('sha256', masterKey).update(uid.toLowerCase()).digest('hex');
}

/** `matching` of the port onto Meilisearch's `matchingStrategy` ('any' = 'frequency', see SearchQuery.matching). */
export function matchingStrategy(matching: ResolvedQuery['matching']): 'all' | 'frequency' {
  return matching === 'any' ? 'frequency' : 'all';
}

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
    // Meilisearch's defaults (one typo from 5 letters, two from 9), written out because the
    // embedded engine applies the same numbers.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: MIN_WORD_LENGTH_FOR_TYPO, twoTypos: MIN_WORD_LENGTH_FOR_TWO_TYPOS } },
    synonyms: meilisearchSynonyms(),
    // Exact totals, deep paging and complete facet counts (Meilisearch caps them at 1,000 hits by default).
    pagination: { maxTotalHits: options.maxTotalHits ?? DEFAULT_MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: options.maxValuesPerFacet ?? DEFAULT_MAX_VALUES_PER_FACET },
  };
}

const INVALID_CODE = /^(invalid_|missing_|bad_request|payload_too_large)/;
/** Meilisearch's answers to a missing or wrong key (401 and 403): the engine is unusable, not the request wrong. */
const AUTH_CODE = /^(missing_authorization_header|invalid_api_key|missing_master_key)$/;

/** The index Meilisearch names in an index_not_found message ("Index `x` not found."). */
function indexFromMessage(message: string): string | undefined {
  return /Index `([^`]+)` not found/.exec(message)?.[1];
}

export class MeilisearchAdapter implements SearchPort {
  readonly engine = 'meilisearch';
  /** Setup client: the master key when given, else the ordinary key. */
  private readonly admin: Meilisearch;
  private ordinary?: Promise<Meilisearch>;
  /** Definitions ensured by this process: used to check documents and queries before sending. */
  private readonly definitions = new Map<string, IndexDefinition>();
  private readonly existing = new Set<string>();

  constructor(private readonly options: MeilisearchAdapterOptions) {
    this.admin = this.makeClient(options.masterKey ?? options.apiKey);
  }

  private makeClient(apiKey: string | undefined): Meilisearch {
    return new Meilisearch({
      host: this.options.url,
      apiKey,
      timeout: this.options.requestTimeoutMs ?? 5_000,
      defaultWaitOptions: { timeout: this.options.taskTimeoutMs ?? 60_000, interval: this.options.taskPollIntervalMs ?? 50 },
    });
  }

  /**
   * The client for ordinary operations: `apiKey` when given; else, with a master key, the scoped
   * key `SCOPED_KEY_UID` (created through `/keys` the first time, its value derived from the master
   * key as Meilisearch derives it); else no key (an instance without a master key).
   */
  private client(): Promise<Meilisearch> {
    this.ordinary ??= this.resolveOrdinaryClient().catch((error: unknown) => {
      this.ordinary = undefined;
      throw error;
    });
    return this.ordinary;
  }

  private async resolveOrdinaryClient(): Promise<Meilisearch> {
    const { apiKey, masterKey } = this.options;
    if (apiKey !== undefined || masterKey === undefined) return this.makeClient(apiKey);
    await this.guard('', async () => {
      try {
        await this.admin.getKey(SCOPED_KEY_UID);
      } catch (error) {
        if (!(error instanceof MeilisearchApiError) || error.cause?.code !== 'api_key_not_found') throw error;
        await this.admin.createKey({
          uid: SCOPED_KEY_UID,
          name: 'modrotisk-app',
          description: 'Modrotisk application: search and document writes (created by the API from MEILI_MASTER_KEY)',
          actions: SCOPED_KEY_ACTIONS,
          indexes: ['*'],
          expiresAt: null,
        });
      }
    });
    return this.makeClient(deriveMeilisearchKey(masterKey, SCOPED_KEY_UID));
  }

  async ensureIndex(definition: IndexDefinition): Promise<void> {
    const def = parseIndexDefinition(definition);
    await this.guard(def.name, async () => {
      await this.finish(this.admin.createIndex(def.name, { primaryKey: 'id' }), def.name, 'index_already_exists');
      await this.finish(this.admin.index(def.name).updateSettings(meilisearchSettings(def, this.options)), def.name);
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
      const client = await this.client();
      await this.guard(index, () => this.finish(client.index(index).addDocuments(batch, { primaryKey: 'id' }), index));
    }
  }

  async remove(index: string, ids: readonly string[]): Promise<void> {
    const list = parseIds(ids);
    await this.requireIndex(index);
    if (list.length === 0) return;
    const client = await this.client();
    await this.guard(index, () => this.finish(client.index(index).deleteDocuments(list), index));
  }

  async search(index: string, query: SearchQuery): Promise<SearchResult> {
    assertIndexName(index);
    const q = parseSearchQuery(query);
    const definition = this.definitions.get(index);
    if (definition) checkQuery(q, definition);
    const client = await this.client();
    const { skip, ...params } = this.searchParams(q);
    const response = await this.guard(index, () => client.index(index).search(q.text, params));
    return this.toResult(q, response, skip);
  }

  /** One POST /multi-search; Meilisearch fails the whole request if one query fails. */
  async multiSearch(queries: readonly MultiSearchQuery[]): Promise<SearchResult[]> {
    const parsed = parseMultiSearch(queries);
    for (const { index, query } of parsed) {
      const definition = this.definitions.get(index);
      if (definition) checkQuery(query, definition);
    }
    if (parsed.length === 0) return [];
    const client = await this.client();
    const skips: number[] = [];
    const body: MeiliMultiSearchQuery[] = parsed.map(({ index, query }) => {
      const { skip, ...params } = this.searchParams(query);
      skips.push(skip);
      return { indexUid: index, q: query.text, ...params };
    });
    const indexes = [...new Set(parsed.map((p) => p.index))].join(', ');
    const response = await this.guard(indexes, () => client.multiSearch({ queries: body }));
    return response.results.map((result, i) => this.toResult(parsed[i].query, result, skips[i]));
  }

  private searchParams(q: ResolvedQuery) {
    const { page, hitsPerPage, skip } = pageWindow(q.offset, q.limit);
    return {
      skip,
      filter: buildMeilisearchFilter(q.filters),
      facets: q.facets.length > 0 ? q.facets : undefined,
      sort: buildMeilisearchSort(q.sort),
      page,
      hitsPerPage,
      matchingStrategy: matchingStrategy(q.matching),
      showRankingScore: q.text !== '',
      attributesToRetrieve: ['id'],
    };
  }

  private toResult(q: ResolvedQuery, response: Pick<SearchResponse, 'hits' | 'totalHits' | 'facetDistribution'>, skip: number): SearchResult {
    const hits = response.hits.slice(skip).map((hit) => {
      const id = String(hit.id);
      return q.text !== '' && typeof hit._rankingScore === 'number' ? { id, score: hit._rankingScore } : { id };
    });
    const distribution = response.facetDistribution ?? {};
    return {
      hits,
      total: response.totalHits ?? response.hits.length,
      facets: Object.fromEntries(q.facets.map((field) => [field, { ...(distribution[field] ?? {}) }])),
    };
  }

  async listIds(index: string): Promise<string[]> {
    assertIndexName(index);
    const ids: string[] = [];
    const limit = 1_000;
    for (;;) {
      const client = await this.client();
      const page = await this.guard(index, () => client.index(index).getDocuments({ fields: ['id'], limit, offset: ids.length }));
      for (const doc of page.results) ids.push(String(doc.id));
      if (page.results.length < limit || ids.length >= page.total) return ids;
    }
  }

  async count(index: string): Promise<number> {
    assertIndexName(index);
    const client = await this.client();
    const stats = await this.guard(index, () => client.index(index).getStats());
    return stats.numberOfDocuments;
  }

  async isHealthy(): Promise<boolean> {
    try {
      return await this.admin.isHealthy();
    } catch {
      return false;
    }
  }

  /** Meilisearch creates missing indexes on the fly when documents arrive; the port must not. */
  private async requireIndex(index: string): Promise<void> {
    assertIndexName(index);
    if (this.existing.has(index)) return;
    const client = await this.client();
    await this.guard(index, () => client.getRawIndex(index));
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
      // Before the invalid_/missing_ codes: invalid_api_key and missing_authorization_header are
      // the engine refusing us (a configuration fault), not a bad request from the caller.
      if (status === 401 || status === 403 || AUTH_CODE.test(code)) {
        return new SearchUnavailableError(`${where} refused the API key (${status} ${code}): ${error.message}`, { cause: error });
      }
      if (code === 'index_not_found') return new SearchIndexNotFoundError(indexFromMessage(error.message) ?? index, { cause: error });
      if (INVALID_CODE.test(code) || status === 413) return new InvalidSearchRequestError(`${where} rejected the request: ${error.message}`, { cause: error });
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
