/**
 * The search port: the only way application code talks to a search engine.
 *
 * Adapters: Meilisearch (production) and the embedded Orama engine (zero-setup default, CI).
 * Every adapter must pass `search.contract.ts`. Postgres is the system of record; an index is a
 * disposable projection that can always be rebuilt from it.
 */

/** Names of the indexes the product keeps. The port itself accepts any index name (tests use their own). */
export enum IndexName {
  Challenges = 'challenges',
  Creatives = 'creatives',
  Needs = 'needs',
  Offers = 'offers',
  SupportMeasures = 'support-measures',
}

export interface IndexDefinition {
  /** Index name: lowercase letters, digits, '-' and '_' only. */
  name: string;
  /** Fields searched as text, in order of importance. Values are strings. */
  searchableFields: readonly string[];
  /** Fields usable in filters and facets. Values are string or string[]. */
  filterableFields: readonly string[];
  /** Fields usable for sorting. Values are numbers (e.g. epoch ms). */
  sortableFields: readonly string[];
}

/**
 * A document as stored in an index. `id` is the primary key. Other values are strings, string
 * arrays or numbers; text fields should already be normalised by `normaliseForIndex`.
 */
export interface SearchDocument {
  id: string;
  [field: string]: string | number | readonly string[];
}

export interface SearchQuery {
  /** Free text, already normalised with `normaliseQuery` by the caller (may be empty: match all). */
  text?: string;
  /** AND across fields, OR within one field's values. Only filterable fields. */
  filters?: Readonly<Record<string, readonly string[]>>;
  /** Filterable fields whose value counts (within query + filters) are wanted. */
  facets?: readonly string[];
  /** Sortable field; without it, hits come by relevance. */
  sort?: { field: string; direction: 'asc' | 'desc' };
  offset?: number;
  limit?: number;
  /**
   * How the query words must match (default 'all'). Only the first {@link MAX_QUERY_WORDS} words
   * of `text` count in either mode, in every engine (Meilisearch ignores the rest): callers with
   * longer text split it into several queries (see `multiSearch`).
   * - 'all': every word must match (in any searchable field).
   * - 'any': Meilisearch's `matchingStrategy: 'frequency'`. Words that match no document are
   *   dropped, then the others are ordered from the most to the least frequent in the index; a
   *   document is returned when it matches the rarest word(s), and ranks by how many words it
   *   matches counting from the rarest (all of them first, then all but the most frequent, …).
   *   Note: this is NOT "at least one word": a document without the rarest word of the query is
   *   never returned, in Meilisearch as in the embedded engine. Send fewer words per query (or
   *   several queries) where recall matters.
   */
  matching?: 'all' | 'any';
}

/** Meilisearch uses the first 10 words of a query and ignores the rest; every engine does the same. */
export const MAX_QUERY_WORDS = 10;

export interface SearchHit {
  id: string;
  /**
   * Relevance in [0, 1] (only with query text), absolute like Meilisearch's `_rankingScore`: it
   * depends on the document and the query (and, in 'any' mode, on which query words are rarer),
   * never on the scores of the other hits. A document matching every query word exactly, in the
   * first searchable field, scores 1; one matching 1 of 5 words scores at most 0.2. It is built
   * from the ranking rules in order (words, typo, exactness, attribute), each one subdividing the
   * interval the previous one left, so that a higher score always means a better bucket:
   *   score = 1/P + Σ_r (rank_r − 1)/P_r, with P_r = M_1·…·M_r and P = P_R,
   * where rank_r ∈ [1, M_r] is the document's rank under rule r (M_r best). The embedded engine
   * computes words (matched words of the query), typo (M = typo budget of the matched words + 1),
   * exactness (words matched exactly, not by prefix or typo) and attribute (best searchable field
   * holding a matched word); Meilisearch adds proximity and word position, so its scores can differ
   * by a few hundredths but fall in the same buckets.
   */
  score?: number;
}

export interface MultiSearchQuery {
  index: string;
  query: SearchQuery;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Total matching documents: exact (Meilisearch's `maxTotalHits` is raised to 1,000,000 by the adapter). */
  total: number;
  /** field -> value -> count, for the requested facets. */
  facets: Record<string, Record<string, number>>;
}

export interface SearchPort {
  /** Human-readable engine name for /ready and logs, e.g. "meilisearch" or "embedded (Orama)". */
  readonly engine: string;
  /** Create the index if missing and apply its settings; must be called before documents are added. */
  ensureIndex(definition: IndexDefinition): Promise<void>;
  /** Insert or replace documents; resolves when they are searchable. */
  upsert(index: string, documents: readonly SearchDocument[]): Promise<void>;
  /** Remove documents by id (unknown ids are ignored); resolves when removal is visible. */
  remove(index: string, ids: readonly string[]): Promise<void>;
  search(index: string, query: SearchQuery): Promise<SearchResult>;
  /**
   * Several searches in one round trip (Meilisearch `/multi-search`, the embedded server's
   * `/multi-search`); results in the order of the queries. Fails as a whole if any query fails.
   */
  multiSearch(queries: readonly MultiSearchQuery[]): Promise<SearchResult[]>;
  /** Every document id in the index (used by the full reindex to drop stale documents). */
  listIds(index: string): Promise<string[]>;
  count(index: string): Promise<number>;
  /** Resolves true when the engine answers. */
  isHealthy(): Promise<boolean>;
}

export const SEARCH_PORT = Symbol('SEARCH_PORT');

export class SearchUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SearchUnavailableError';
  }
}
