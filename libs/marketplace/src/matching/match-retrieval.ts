import { Inject, Injectable } from '@nestjs/common';
import { normaliseQuery, SEARCH_PORT, type IndexDefinition, type SearchPort, type SearchQuery } from '@app/search';
import { CREATIVES_INDEX } from '../search/catalogue-index.js';
import { codeRarity } from './match-scoring.js';

/** What a retrieval looks for: codes and concepts to filter on, and the whole text of the demand. */
export interface RetrievalQuery {
  /** index field → codes; a document sharing any code of any field is a candidate. */
  codes: Readonly<Record<string, readonly string[]>>;
  /** Concept ids (the index's `concepts` field holds each document's concepts and their ancestors). */
  concepts?: readonly string[];
  /** The whole text (title first): its distinct terms, most telling first, become OR queries. */
  text: readonly string[];
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
/** Hits per query: the candidate pool before scoring is the union, well over 200 on a large catalogue. */
export const CANDIDATES_PER_QUERY = 300;
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
    const [texts, codeHits] = await Promise.all([
      this.textScores(index, query.text, null, limit),
      Promise.all([
        ...byCodes.map(([field, codes]) => this.search.search(index.name, { filters: { [field]: codes }, limit })),
        ...(concepts.length > 0 && index.filterableFields.includes('concepts') ? [this.search.search(index.name, { filters: { concepts }, limit })] : []),
      ]),
    ]);
    const found: Candidates = new Map();
    for (const result of codeHits) for (const hit of result.hits) found.set(hit.id, 0);
    for (const [id, score] of texts) found.set(id, score);
    return found;
  }

  /**
   * The text score of documents for a demand's text: of the best `limit` per chunk, or — with `ids`
   * — of exactly those documents (the same number the list computes for them).
   */
  async textScores(index: IndexDefinition, text: readonly string[], ids: readonly string[] | null, limit = CANDIDATES_PER_QUERY): Promise<Map<string, number>> {
    const chunks = queryChunks(text);
    const scores = new Map<string, number>();
    if (chunks.length === 0 || (ids && ids.length === 0)) return scores;
    const words = chunks.reduce((n, c) => n + c.length, 0);
    // One round trip for every chunk (Meilisearch /multi-search).
    const results = await this.search.multiSearch(chunks.map((chunk) => ({
      index: index.name,
      query: { text: chunk.join(' '), matching: 'any' as const, limit: ids ? ids.length : limit, ...(ids ? { filters: { uid: ids } } : {}) } satisfies SearchQuery,
    })));
    results.forEach((result, i) => {
      for (const hit of result.hits) scores.set(hit.id, (scores.get(hit.id) ?? 0) + ((hit.score ?? 1) * chunks[i].length) / words);
    });
    // A profile never says everything a brief says: matching a third of its words is a full match.
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

/** The terms in queries of at most WORDS_PER_QUERY words. */
export function queryChunks(texts: readonly string[]): string[][] {
  const terms = matchTerms(texts);
  const chunks: string[][] = [];
  for (let i = 0; i < terms.length; i += WORDS_PER_QUERY) chunks.push(terms.slice(i, i + WORDS_PER_QUERY));
  return chunks;
}
