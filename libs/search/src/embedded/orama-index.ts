import { create, insert, remove, type Orama, type Tokenizer } from '@orama/orama';
import type { IndexDefinition, SearchDocument, SearchHit, SearchResult } from '../search.port.js';
import { tokenize } from '../text/tokens.js';
import { MIN_WORD_LENGTH_FOR_TYPO, type ResolvedQuery } from '../validation.js';
import { documentId, EXACT, filterDocuments, MATCHED, scoreTerm, Workspace, type Filtered } from './orama-lookup.js';

/**
 * Filter values live under a prefixed property because a field may be both searchable (indexed
 * as text) and filterable (indexed as exact values), and one Orama property has one type.
 */
const filterProperty = (field: string): string => `f:${field}`;

/** Meilisearch also ignores query words after the tenth; the cap bounds the per-term searches below. */
const MAX_QUERY_TERMS = 10;

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

/** Every matching document, by Orama's internal id; `raw` (by internal id) holds the relevance, all 0 without query text. */
interface Found {
  ids: Int32Array;
  raw?: Float64Array;
}

/** The highest relevance among the matches (0 if none). */
function highest(ids: Int32Array, raw: Float64Array): number {
  let best = 0;
  for (let i = 0; i < ids.length; i++) if (raw[ids[i]] > best) best = raw[ids[i]];
  return best;
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
    const terms = [...new Set(tokenize(query.text))].slice(0, MAX_QUERY_TERMS);
    const { ids, raw } = terms.length > 0 ? this.matchAllTerms(terms, query) : this.matchFiltersOnly(query);
    const best = raw ? highest(ids, raw) : 0;
    const hit = (id: number): SearchHit => {
      const name = documentId(this.db, id);
      return raw ? { id: name, score: best > 0 ? raw[id] / best : 1 } : { id: name };
    };
    const before = raw ? (a: number, b: number) => (raw[a] !== raw[b] ? raw[a] > raw[b] : a < b) : (a: number, b: number) => a < b;
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
   * Each term is looked up on its own (with its own typo budget) and the results intersected: a
   * document must match every term, in any field. Its relevance is the sum over the terms of the
   * term's BM25 score, counted twice when the document has the term itself as a word, so that
   * "kranju" → kranj ranks Kranj above Kranjska Gora (a prefix match).
   */
  private matchAllTerms(terms: string[], query: ResolvedQuery): Found {
    const within = this.filtered(query)?.mask;
    let ids: Int32Array | undefined;
    let raw: Float64Array = new Float64Array(0);
    for (const term of terms) {
      // The first term's arrays become the relevance, so later terms use others.
      const slot = ids ? 'next' : 'first';
      const scores = scoreTerm(this.db, this.db.data.index, { term, boost: this.boost, typo: term.length >= MIN_WORD_LENGTH_FOR_TYPO, within }, this.workspace, slot);
      if (!ids) {
        ({ ids, score: raw } = scores);
        for (let i = 0; i < ids.length; i++) if (scores.flags[ids[i]] & EXACT) raw[ids[i]] += raw[ids[i]];
        continue;
      }
      // Keep the documents matching this term too, compacting the list in place.
      let kept = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        const flags = scores.flags[id];
        if ((flags & MATCHED) === 0) continue;
        const score = scores.score[id];
        raw[id] = raw[id] + score + (flags & EXACT ? score : 0);
        ids[kept++] = id;
      }
      ids = ids.subarray(0, kept);
      if (kept === 0) break;
    }
    return { ids: ids ?? new Int32Array(0), raw };
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
