import { create, insert, remove, search, type AnyOrama, type Tokenizer } from '@orama/orama';
import type { IndexDefinition, SearchDocument, SearchHit, SearchResult } from '../search.port.js';
import { tokenize } from '../text/tokens.js';
import { MIN_WORD_LENGTH_FOR_TYPO, type ResolvedQuery } from '../validation.js';

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
 * default tokenizer, which its BM25 bookkeeping expects.
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

interface Match {
  id: string;
  raw: number;
}

/**
 * One index of the embedded engine. Orama provides the inverted index (prefix and typo matching,
 * BM25) and the `where` filters; matching all query terms, facets, sorting and paging are done
 * here, because Orama's own AND mode (`threshold: 0`) needs every term in a single property and
 * miscounts a term that matches several words.
 */
export class OramaIndex {
  private readonly db: AnyOrama;
  private readonly documents = new Map<string, SearchDocument>();
  /** Each document's searchable words, so an exact word outranks a prefix or typo match. */
  private readonly words = new Map<string, ReadonlySet<string>>();
  private readonly boost: Record<string, number> = {};

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
      this.words.set(doc.id, new Set(this.definition.searchableFields.flatMap((f) => (typeof doc[f] === 'string' ? tokenize(doc[f]) : []))));
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      if (this.documents.delete(id)) sync(remove(this.db, id), 'remove');
      this.words.delete(id);
    }
  }

  search(query: ResolvedQuery): SearchResult {
    const terms = [...new Set(tokenize(query.text))].slice(0, MAX_QUERY_TERMS);
    const matches = terms.length > 0 ? this.matchAllTerms(terms, query) : this.matchFiltersOnly(query);
    if (query.sort) {
      const { field, direction } = query.sort;
      const sign = direction === 'asc' ? 1 : -1;
      const key = (m: Match) => this.documents.get(m.id)?.[field];
      matches.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        if (typeof x !== 'number' || typeof y !== 'number') {
          // Documents without the value go last in both directions, as in Meilisearch.
          if (typeof x === typeof y) return a.id < b.id ? -1 : 1;
          return typeof x === 'number' ? -1 : 1;
        }
        return x !== y ? (x - y) * sign : a.id < b.id ? -1 : 1;
      });
    } else {
      matches.sort((a, b) => b.raw - a.raw || (a.id < b.id ? -1 : 1));
    }
    const best = matches.reduce((max, m) => Math.max(max, m.raw), 0);
    const page = matches.slice(query.offset, query.offset + query.limit);
    const hits: SearchHit[] = page.map((m) =>
      terms.length > 0 ? { id: m.id, score: best > 0 ? m.raw / best : 1 } : { id: m.id },
    );
    return { hits, total: matches.length, facets: this.facets(matches, query.facets) };
  }

  private where(query: ResolvedQuery): Record<string, { containsAny: string[] }> {
    const where: Record<string, { containsAny: string[] }> = {};
    for (const [field, list] of Object.entries(query.filters)) where[filterProperty(field)] = { containsAny: list };
    return where;
  }

  private matchFiltersOnly(query: ResolvedQuery): Match[] {
    if (Object.keys(query.filters).length === 0) return this.ids().map((id) => ({ id, raw: 0 }));
    const result = sync(search(this.db, { term: '', where: this.where(query), limit: this.size }), 'search');
    return result.hits.map((hit) => ({ id: String(hit.id), raw: 0 }));
  }

  /** One Orama search per term (each with its own typo budget), intersected: a document must match every term. */
  private matchAllTerms(terms: string[], query: ResolvedQuery): Match[] {
    const where = this.where(query);
    let scores: Map<string, number> | undefined;
    for (const term of terms) {
      const next = new Map<string, number>();
      for (const hit of this.termHits(term, where)) {
        const id = String(hit.id);
        const previous = scores ? scores.get(id) : 0;
        // An exact word counts double: "kranju" → kranj ranks Kranj above Kranjska Gora (a prefix).
        const exact = this.words.get(id)?.has(term) ? hit.score : 0;
        if (previous !== undefined) next.set(id, previous + hit.score + exact);
      }
      scores = next;
      if (scores.size === 0) break;
    }
    return [...(scores ?? new Map<string, number>())].map(([id, raw]) => ({ id, raw }));
  }

  /**
   * Documents matching one term, with prefix and (from 5 letters) one-typo matching. Orama 3.1.18
   * can drop an exact match when tolerance is 1 (e.g. "klobucevin" beside "klop", "klobuk"; cf.
   * oramasearch/orama#744), so the exact search runs too and the two are merged, best score kept.
   */
  private termHits(term: string, where: Record<string, { containsAny: string[] }>): { id: string; score: number }[] {
    const run = (tolerance: number) =>
      sync(
        search(this.db, { term, properties: [...this.definition.searchableFields], tolerance, boost: this.boost, where, threshold: 1, limit: this.size }),
        'search',
      ).hits;
    const best = new Map<string, number>();
    const passes = term.length >= MIN_WORD_LENGTH_FOR_TYPO ? [0, 1] : [0];
    for (const tolerance of passes) {
      for (const hit of run(tolerance)) best.set(String(hit.id), Math.max(best.get(String(hit.id)) ?? 0, hit.score));
    }
    return [...best].map(([id, score]) => ({ id, score }));
  }

  private facets(matches: readonly Match[], fields: readonly string[]): SearchResult['facets'] {
    const out: SearchResult['facets'] = {};
    for (const field of fields) {
      const counts = new Map<string, number>();
      for (const { id } of matches) {
        for (const value of new Set(values(this.documents.get(id)?.[field]))) {
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
