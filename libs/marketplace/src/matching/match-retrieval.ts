import { Inject, Injectable } from '@nestjs/common';
import { MAX_LIMIT, normaliseQuery, SEARCH_PORT, type IndexDefinition, type SearchPort, type SearchQuery, type SearchResult } from '@app/search';
import { CREATIVES_INDEX } from '../search/catalogue-index.js';
import { codeRarity } from './match-scoring.js';

/** What a retrieval looks for: codes and concepts to filter on, and the whole text of the demand. */
export interface RetrievalQuery {
  /** index field → codes; a document sharing any code of any field is a candidate. */
  codes: Readonly<Record<string, readonly string[]>>;
  /** Concept ids (the index's `concepts` field holds each document's concepts and their ancestors): what the demand is about. */
  concepts?: readonly string[];
  /** The other concepts the demand names: fewer candidates from these. */
  otherConcepts?: readonly string[];
  /** Parents of the core concepts: documents under them show broader or related work (as many as for other concepts). */
  relatedConcepts?: readonly string[];
  /** The whole text (title first): its distinct terms, most telling first, become OR queries. */
  text: readonly string[];
  /** Already normalised words the text does not say (the core concepts' terms in both languages). */
  expansion?: readonly string[];
}

/** Candidates by id, with the engine's text relevance in [0, 1] (0: found by codes or concepts only). */
export type Candidates = Map<string, number>;

/**
 * Words per query. Both engines read at most 10 (Meilisearch's limit), and 'any' (Meilisearch's
 * 'frequency') only returns documents holding the query's rarest word: short queries keep recall.
 */
export const WORDS_PER_QUERY = 4;
/** Terms of a demand's text that are searched (its first and most telling ones). */
export const MAX_TERMS = 32;
/**
 * Hits per filter query (the brief's core concepts; each code field) and per text query (each chunk
 * of its words): the candidate pool before scoring is their union, several hundred on a large
 * catalogue (at least 200 whenever that many documents match at all).
 */
export const CANDIDATES_PER_QUERY = 300;
export const HITS_PER_TEXT_QUERY = 120;
export const HITS_PER_CODE_QUERY = 100;
/** The share of a brief's words a profile must match for the full text score. */
export const TEXT_SATURATION = 0.2;
/** Hits per query when telling everyone about something new (Meilisearch's default maxTotalHits). */
export const FAN_OUT_LIMIT = 1000;

/**
 * The first stage of matching, through the search port only (Meilisearch in production, the
 * embedded engine by default): the demand's whole text as OR queries of at most ten words, plus one
 * filter query for its concepts and one per code field. The text score of a document is the engine's
 * absolute relevance for each chunk, averaged over the chunks by their size: it does not depend on
 * which other documents exist, so one pair gets one text score wherever it is computed.
 */
@Injectable()
export class MatchRetrieval {
  constructor(@Inject(SEARCH_PORT) private readonly search: SearchPort) {}

  async candidates(index: IndexDefinition, query: RetrievalQuery, limit = CANDIDATES_PER_QUERY): Promise<Candidates> {
    const byCodes = Object.entries(query.codes).filter(([, codes]) => codes.length > 0);
    const concepts = query.concepts ?? [];
    const wider = (query.otherConcepts ?? []).filter((c) => !concepts.includes(c));
    const related = (query.relatedConcepts ?? []).filter((c) => !concepts.includes(c) && !wider.includes(c));
    const [texts, codeHits] = await Promise.all([
      this.textScores(index, query.text, null, Math.min(limit, HITS_PER_TEXT_QUERY), query.expansion),
      Promise.all([
        ...byCodes.map(([field, codes]) => this.search.search(index.name, { filters: { [field]: codes }, limit: Math.min(limit, HITS_PER_CODE_QUERY) })),
        ...(concepts.length > 0 && index.filterableFields.includes('concepts') ? [this.search.search(index.name, { filters: { concepts }, limit })] : []),
        ...(wider.length > 0 && index.filterableFields.includes('concepts') ? [this.search.search(index.name, { filters: { concepts: wider }, limit: Math.min(limit, HITS_PER_CODE_QUERY) })] : []),
        ...(related.length > 0 && index.filterableFields.includes('concepts') ? [this.search.search(index.name, { filters: { concepts: related }, limit: Math.min(limit, HITS_PER_CODE_QUERY) })] : []),
      ]),
    ]);
    const found: Candidates = new Map();
    for (const result of codeHits) for (const hit of result.hits) found.set(hit.id, 0);
    for (const id of texts.keys()) found.set(id, 0);
    // Every candidate's text score is the one of its own pair (the same query, filtered to the
    // candidates): a creative found by a concept, not among a chunk's best, still gets its words'
    // due, and the list shows the number the creative's own view of the pair shows.
    for (const [id, score] of await this.textScores(index, query.text, [...found.keys()], CANDIDATES_PER_QUERY, query.expansion)) found.set(id, score);
    return found;
  }

  /**
   * The text score of documents for a demand's text: of the best `limit` per chunk, or — with `ids`
   * — of exactly those documents (the same number the list computes for them).
   */
  async textScores(index: IndexDefinition, text: readonly string[], ids: readonly string[] | null, limit = CANDIDATES_PER_QUERY, expansion: readonly string[] = []): Promise<Map<string, number>> {
    const chunks = queryChunks(text, expansion);
    const scores = new Map<string, number>();
    if (chunks.length === 0 || (ids && ids.length === 0)) return scores;
    const words = chunks.reduce((n, c) => n + c.length, 0);
    // One round trip for every chunk (Meilisearch /multi-search); named documents in batches of at
    // most MAX_LIMIT (an engine answers at most that many hits per query).
    const batches = ids ? Array.from({ length: Math.ceil(ids.length / MAX_LIMIT) }, (_, i) => ids.slice(i * MAX_LIMIT, (i + 1) * MAX_LIMIT)) : [null];
    const queries = batches.flatMap((batch) => chunks.map((chunk) => ({
      chunk,
      query: { index: index.name, query: { text: chunk.join(' '), matching: 'any' as const, limit: batch ? batch.length : limit, ...(batch ? { filters: { uid: batch } } : {}) } satisfies SearchQuery },
    })));
    const answers: SearchResult[] = [];
    // At most 100 queries per multi-search.
    for (let i = 0; i < queries.length; i += 100) answers.push(...(await this.search.multiSearch(queries.slice(i, i + 100).map((q) => q.query))));
    const results = answers.map((result, i) => ({ result, size: queries[i].chunk.length }));
    for (const { result, size } of results) {
      for (const hit of result.hits) scores.set(hit.id, (scores.get(hit.id) ?? 0) + ((hit.score ?? 1) * size) / words);
    }
    // A profile never says everything a brief says: matching a fifth of its words is a full match.
    for (const [id, score] of scores) scores.set(id, Math.min(1, score / TEXT_SATURATION));
    return scores;
  }
}

/** Rarity of domains among the creatives, from the engine's facet counts; refreshed every few minutes. */
@Injectable()
export class DomainRarity {
  private cached: { at: number; weights: Promise<Map<string, number>> } | null = null;

  constructor(@Inject(SEARCH_PORT) private readonly search: SearchPort) {}

  weights(now = Date.now()): Promise<Map<string, number>> {
    if (!this.cached || now - this.cached.at > RARITY_TTL_MS) {
      const weights = this.search.search(CREATIVES_INDEX.name, { facets: ['domains'], limit: 0 }).then((r) => codeRarity(r.facets.domains ?? {}, r.total));
      this.cached = { at: now, weights };
      weights.catch(() => (this.cached = null));
    }
    return this.cached.weights;
  }
}

const RARITY_TTL_MS = 5 * 60_000;

/** Distinct normalised terms of the texts, in order, at most MAX_TERMS. */
export function matchTerms(texts: readonly string[]): string[] {
  const terms: string[] = [];
  for (const text of texts) {
    for (const term of normaliseQuery(text).split(' ')) {
      if (term.length >= 3 && !/^\d+$/.test(term) && !terms.includes(term)) terms.push(term);
      if (terms.length === MAX_TERMS) return terms;
    }
  }
  return terms;
}

/** Expansion words searched besides the text's own. */
export const MAX_EXPANSION_TERMS = 12;

/** The terms in queries of at most WORDS_PER_QUERY words; expansion words the text lacks come last, in queries of their own. */
export function queryChunks(texts: readonly string[], expansion: readonly string[] = []): string[][] {
  const own = matchTerms(texts);
  const extra = [...new Set(expansion.filter((t) => t.length >= 3 && !own.includes(t)))].slice(0, MAX_EXPANSION_TERMS);
  return [...chunked(own), ...chunked(extra)];
}

function chunked(terms: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < terms.length; i += WORDS_PER_QUERY) chunks.push(terms.slice(i, i + WORDS_PER_QUERY));
  return chunks;
}
