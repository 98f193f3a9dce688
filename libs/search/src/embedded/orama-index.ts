import { create, insert, remove, type Orama, type Tokenizer } from '@orama/orama';
import { MAX_QUERY_WORDS, type IndexDefinition, type SearchDocument, type SearchHit, type SearchResult } from '../search.port.js';
import { tokenize } from '../text/tokens.js';
import { MIN_WORD_LENGTH_FOR_TWO_TYPOS, MIN_WORD_LENGTH_FOR_TYPO, type ResolvedQuery } from '../validation.js';
import { documentId, EXACT, filterDocuments, scoreTerm, Vocabulary, Workspace, type Filtered, type TermScores } from './orama-lookup.js';

/**
 * Filter values live under a prefixed property because a field may be both searchable (indexed
 * as text) and filterable (indexed as exact values), and one Orama property has one type.
 */
const filterProperty = (field: string): string => `f:${field}`;

/** Meilisearch's typo budget for a query word: none under 5 letters, one under 9, else two. */
export function typoBudget(term: string): number {
  const length = [...term].length;
  return length >= MIN_WORD_LENGTH_FOR_TWO_TYPOS ? 2 : length >= MIN_WORD_LENGTH_FOR_TYPO ? 1 : 0;
}

/** One ranking rule's verdict on a document: rank in [1, max], max best. */
interface Rank {
  rank: number;
  max: number;
}

/**
 * Meilisearch's way of turning ranking-rule buckets into one absolute score in [0, 1]: the first
 * rule splits [0, 1] into `max` equal parts, each later rule splits the part the previous rules
 * left, so that scores order documents exactly as the rules do (see `SearchHit.score`).
 *   score = 1/P + Σ_r (rank_r − 1)/P_r,  P_r = max_1·…·max_r,  P = P_last
 */
export function globalScore(ranks: readonly Rank[]): number {
  let product = 1;
  let score = 0;
  for (const { rank, max } of ranks) {
    product *= max;
    score += (rank - 1) / product;
  }
  return score + 1 / product;
}

/**
 * Text is normalised by the caller, so Orama must not stem or drop stop words again. Folding and
 * splitting on punctuation only matter for text that skipped `normaliseForIndex`; they mirror
 * what Meilisearch's own tokenizer would do with it. Tokens are de-duplicated like Orama's
 * default tokenizer, which its BM25 bookkeeping expects and `scoreTerm` relies on.
 */
const tokenizer: Tokenizer = {
  language: 'normalised',
  normalizationCache: new Map(),
  tokenize: (raw: string) => [...new Set(tokenize(String(raw)))],
};

/** Orama's methods return a Promise only when async hooks or components are configured; we use none. */
function sync<T>(value: T | Promise<T>, what: string): T {
  if (value instanceof Promise) {
    value.catch(() => undefined);
    throw new Error(`Orama ${what} unexpectedly returned a Promise`);
  }
  return value;
}

function copyDocument(doc: SearchDocument): SearchDocument {
  const copy: SearchDocument = { id: doc.id };
  for (const [field, value] of Object.entries(doc)) copy[field] = Array.isArray(value) ? [...value] : value;
  return copy;
}

function values(value: SearchDocument[string] | undefined): readonly string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value : [];
}

/**
 * Every matching document, by Orama's internal id. With query text, `score` (by internal id) is
 * the absolute score and `bm25` the tie-break within equal scores.
 */
interface Found {
  ids: Int32Array;
  score?: Float64Array;
  bm25?: Float64Array;
}

/**
 * The first `k` internal ids of `ids` in the order `before` defines (a strict total order), kept
 * in a bounded heap: O(n log k) instead of sorting every match.
 */
function firstInOrder(ids: Int32Array, k: number, before: (a: number, b: number) => boolean): number[] {
  const inOrder = (a: number, b: number) => (before(a, b) ? -1 : 1);
  if (k >= ids.length) return Array.from(ids).sort(inOrder);
  // heap[0] is the last in order of those kept; every parent comes after its children.
  const heap: number[] = [];
  const swap = (i: number, j: number) => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (heap.length < k) {
      heap.push(id);
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!before(heap[p], heap[c])) break;
        swap(p, c);
        c = p;
      }
    } else if (k > 0 && before(id, heap[0])) {
      heap[0] = id;
      for (let p = 0; ; ) {
        const l = 2 * p + 1;
        if (l >= heap.length) break;
        const later = l + 1 < heap.length && before(heap[l], heap[l + 1]) ? l + 1 : l;
        if (!before(heap[p], heap[later])) break;
        swap(p, later);
        p = later;
      }
    }
  }
  return heap.sort(inOrder);
}

/**
 * One index of the embedded engine. Orama keeps the index: a radix tree per searchable field
 * with its BM25 statistics, and a value tree per filterable one. Terms and filters are looked up
 * in them directly (`orama-lookup.ts`), because Orama 3.1's own `search` takes seconds for a
 * common word at 100k documents and misses typo matches. Matching all query terms, facets,
 * sorting and paging are done here, because Orama's own AND mode (`threshold: 0`) needs every
 * term in a single property and miscounts a term that matches several words.
 */
export class OramaIndex {
  private readonly db: Orama<Record<string, 'string' | 'enum[]'>>;
  private readonly documents = new Map<string, SearchDocument>();
  private readonly boost: Record<string, number> = {};
  /** Search runs synchronously, so lookups never overlap and one workspace per index will do. */
  private readonly workspace = new Workspace();
  /** Every word of the searchable fields: one typo walk per query term, cached across queries. */
  private readonly vocabulary = new Vocabulary();

  constructor(readonly definition: IndexDefinition, documents: Iterable<SearchDocument> = []) {
    const schema: Record<string, 'string' | 'enum[]'> = {};
    const searchable = definition.searchableFields;
    searchable.forEach((field, i) => {
      schema[field] = 'string';
      this.boost[field] = searchable.length - i;
    });
    for (const field of definition.filterableFields) schema[filterProperty(field)] = 'enum[]';
    this.db = create({ schema, components: { tokenizer } });
    this.upsert([...documents]);
  }

  get size(): number {
    return this.documents.size;
  }

  has(id: string): boolean {
    return this.documents.has(id);
  }

  ids(): string[] {
    return [...this.documents.keys()];
  }

  all(): IterableIterator<SearchDocument> {
    return this.documents.values();
  }

  upsert(documents: readonly SearchDocument[]): void {
    for (const doc of documents) {
      for (const field of this.definition.searchableFields) {
        const value = doc[field];
        if (typeof value === 'string') for (const word of tokenize(value)) this.vocabulary.add(word);
      }
      if (this.documents.has(doc.id)) sync(remove(this.db, doc.id), 'remove');
      sync(insert(this.db, this.toOrama(doc)), 'insert');
      this.documents.set(doc.id, copyDocument(doc));
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      if (this.documents.delete(id)) sync(remove(this.db, id), 'remove');
    }
  }

  /**
   * Hits come by relevance, and documents of equal relevance (all of them without query text) in
   * the order they were first added to the index (Orama's internal id, kept when a document is
   * replaced), which keeps paging stable; Meilisearch orders such ties by its internal id too.
   * With `sort`, by the field, ties by id.
   */
  search(query: ResolvedQuery): SearchResult {
    // Meilisearch takes the first ten words of the query and ignores the rest.
    const terms = [...new Set(tokenize(query.text).slice(0, MAX_QUERY_WORDS))];
    const { ids, score, bm25 } = terms.length > 0 ? this.matchTerms(terms, query) : this.matchFiltersOnly(query);
    const hit = (id: number): SearchHit => {
      const name = documentId(this.db, id);
      return score ? { id: name, score: score[id] } : { id: name };
    };
    // Equal scores (Meilisearch's last rules, proximity and word position, are not computed
    // here) fall back to BM25, then to the order documents were first added.
    const before =
      score && bm25
        ? (a: number, b: number) => (score[a] !== score[b] ? score[a] > score[b] : bm25[a] !== bm25[b] ? bm25[a] > bm25[b] : a < b)
        : (a: number, b: number) => a < b;
    const end = query.offset + query.limit;
    if (!query.sort && query.facets.length === 0) {
      // Fast path for plain relevance paging (what the matching feature asks): only the first
      // offset + limit matches are put in order. Same hits, order and exact total as sorting
      // every match below; the unit tests compare the two.
      const page = query.limit === 0 ? [] : firstInOrder(ids, end, before).slice(query.offset);
      return { hits: page.map(hit), total: ids.length, facets: {} };
    }
    const all = Array.from(ids);
    const sorted = query.sort ? this.sortedByField(all, query.sort) : all.sort((a, b) => (before(a, b) ? -1 : 1));
    return { hits: sorted.slice(query.offset, end).map(hit), total: ids.length, facets: this.facets(all, query.facets) };
  }

  private sortedByField(ids: readonly number[], sort: NonNullable<ResolvedQuery['sort']>): number[] {
    const sign = sort.direction === 'asc' ? 1 : -1;
    const keyed = ids.map((internal) => {
      const id = documentId(this.db, internal);
      return { internal, id, key: this.documents.get(id)?.[sort.field] };
    });
    keyed.sort((a, b) => {
      const x = a.key;
      const y = b.key;
      if (typeof x !== 'number' || typeof y !== 'number') {
        // Documents without the value go last in both directions, as in Meilisearch.
        if (typeof x === typeof y) return a.id < b.id ? -1 : 1;
        return typeof x === 'number' ? -1 : 1;
      }
      return x !== y ? (x - y) * sign : a.id < b.id ? -1 : 1;
    });
    return keyed.map((k) => k.internal);
  }

  /** The documents passing the filters (AND across fields, OR within one), or undefined without filters. */
  private filtered(query: ResolvedQuery): Filtered | undefined {
    const filters = Object.entries(query.filters).map(([field, list]) => [filterProperty(field), list] as const);
    return filters.length > 0 ? filterDocuments(this.db, this.db.data.index, filters, this.workspace) : undefined;
  }

  private matchFiltersOnly(query: ResolvedQuery): Found {
    const filtered = this.filtered(query);
    if (filtered) return { ids: filtered.ids };
    const { idToInternalId } = this.db.internalDocumentIDStore;
    return { ids: Int32Array.from(this.ids(), (id) => idToInternalId.get(id) as number) };
  }

  /**
   * Meilisearch's matching and ranking for query text, over the whole index (term frequencies
   * ignore the filters, as in Meilisearch) and then within the filters. Each term is looked up on
   * its own, with its typo budget, and with prefix matching for the last one only.
   * - 'all': a document must match every term.
   * - 'any' (`matchingStrategy: 'frequency'`): terms matching nothing are dropped first, then the
   *   others from the most to the least frequent (equally frequent ones together); a document
   *   must match the rarest group, and its bucket is the longest run of groups, from the rarest,
   *   that it matches in full.
   * The score is `globalScore` of the rules words (terms of its bucket out of all terms), typo
   * (typos on those terms within their budget), exactness (those terms matched as the word itself)
   * and attribute (sum over those terms of the first field they match in).
   */
  private matchTerms(terms: string[], query: ResolvedQuery): Found {
    const within = this.filtered(query)?.mask;
    const fieldCount = Object.keys(this.boost).length;
    const lookups: TermScores[] = terms.map((term, i) =>
      scoreTerm(this.db, this.db.data.index, { term, boost: this.boost, maxTypos: typoBudget(term), prefix: i === terms.length - 1, vocabulary: this.vocabulary }, this.workspace, `t${i}`),
    );
    const budgets = terms.map(typoBudget);
    // Groups of term positions, rarest first; words matching nothing are left out of every group.
    let groups: number[][];
    if (query.matching === 'all') {
      groups = lookups.some((l) => l.ids.length === 0) ? [] : [terms.map((_, i) => i)];
    } else {
      const present = terms.map((_, i) => i).filter((i) => lookups[i].ids.length > 0);
      present.sort((a, b) => lookups[a].ids.length - lookups[b].ids.length);
      groups = [];
      for (const i of present) {
        const last = groups.at(-1);
        if (last && lookups[last[0]].ids.length === lookups[i].ids.length) last.push(i);
        else groups.push([i]);
      }
    }
    if (groups.length === 0) return { ids: new Int32Array(0), score: new Float64Array(0), bm25: new Float64Array(0) };
    const rarest = groups[0];
    const seed = lookups[rarest[0]];
    const ids = this.workspace.int32('match-ids', seed.score.length);
    const score = this.workspace.float64('match-score', seed.score.length);
    const bm25 = this.workspace.float64('match-bm25', seed.score.length);
    let found = 0;
    for (let n = 0; n < seed.ids.length; n++) {
      const id = seed.ids[n];
      if (within && within[id] === 0) continue;
      let words = 0;
      let typos = 0;
      let budget = 0;
      let exact = 0;
      let fields = 0;
      let relevance = 0;
      let complete = true;
      for (const group of groups) {
        if (!group.every((i) => lookups[i].typos[id] !== 0)) {
          complete = false;
          break;
        }
        for (const i of group) {
          const lookup = lookups[i];
          words += 1;
          typos += lookup.typos[id] - 1;
          budget += budgets[i];
          if (lookup.flags[id] & EXACT) exact += 1;
          fields += lookup.field[id] - 1;
          relevance += lookup.score[id];
        }
      }
      if (words === 0 || (query.matching === 'all' && !complete)) continue;
      ids[found++] = id;
      bm25[id] = relevance;
      score[id] = globalScore([
        { rank: words, max: terms.length },
        { rank: budget + 1 - typos, max: budget + 1 },
        { rank: exact + 1, max: words + 1 },
        { rank: (fieldCount - 1) * words + 1 - fields, max: (fieldCount - 1) * words + 1 },
      ]);
    }
    return { ids: ids.subarray(0, found), score, bm25 };
  }

  private facets(ids: readonly number[], fields: readonly string[]): SearchResult['facets'] {
    const out: SearchResult['facets'] = {};
    for (const field of fields) {
      const counts = new Map<string, number>();
      for (const id of ids) {
        for (const value of new Set(values(this.documents.get(documentId(this.db, id))?.[field]))) {
          counts.set(value, (counts.get(value) ?? 0) + 1);
        }
      }
      out[field] = Object.fromEntries(counts);
    }
    return out;
  }

  private toOrama(doc: SearchDocument): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = { id: doc.id };
    for (const field of this.definition.searchableFields) {
      const value = doc[field];
      if (typeof value === 'string') out[field] = value;
    }
    for (const field of this.definition.filterableFields) {
      const list = values(doc[field]);
      if (list.length > 0) out[filterProperty(field)] = [...new Set(list)];
    }
    return out;
  }
}
