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
  /** 'all' (default): every query word must match; 'any': at least one, ranked by how much of the query matches. */
  matching?: 'all' | 'any';
  /** AND across fields, OR within one field's values. Only filterable fields. */
  filters?: Readonly<Record<string, readonly string[]>>;
  /** Filterable fields whose value counts (within query + filters) are wanted. */
  facets?: readonly string[];
  /** Sortable field; without it, hits come by relevance. */
  sort?: { field: string; direction: 'asc' | 'desc' };
  offset?: number;
  limit?: number;
}

export interface SearchHit {
  id: string;
  /** The engine's relevance score in [0, 1] when it gives one. */
  score?: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Total matching documents (exact up to the engine's cap). */
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
