import { Inject, Injectable } from '@nestjs/common';
import { normaliseQuery, SEARCH_PORT, type IndexDefinition, type SearchPort } from '@app/search';
import { CREATIVES_INDEX } from '../search/catalogue-index.js';
import { codeRarity } from './match-scoring.js';

/** What a retrieval looks for: codes to filter on, and words of text. */
export interface RetrievalQuery {
  /** index field → codes; a document sharing any code of any field is a candidate. */
  codes: Readonly<Record<string, readonly string[]>>;
  /** Free text (labels, title); split into at most MAX_TERMS normalised terms. */
  text: readonly string[];
}

/** Candidates by id, with the engine's text relevance in [0, 1] (0: matched by codes only). */
export type Candidates = Map<string, number>;

/** Each term is its own query: both engines match all words of a query, and a brief is not a query. */
export const MAX_TERMS = 6;

/**
 * The first stage of matching, through the search port only (Meilisearch in production, the
 * embedded engine by default): one filter query per code field (OR within the field), one text
 * query per term. The engine's per-term relevance, averaged over the terms, is the text score.
 */
@Injectable()
export class MatchRetrieval {
  constructor(@Inject(SEARCH_PORT) private readonly search: SearchPort) {}

  async candidates(index: IndexDefinition, query: RetrievalQuery, limit: number): Promise<Candidates> {
    const terms = matchTerms(query.text);
    const byCodes = Object.entries(query.codes).filter(([, codes]) => codes.length > 0);
    const [textHits, codeHits] = await Promise.all([
      Promise.all(terms.map((text) => this.search.search(index.name, { text, limit }))),
      Promise.all(byCodes.map(([field, codes]) => this.search.search(index.name, { filters: { [field]: codes }, limit }))),
    ]);
    const found: Candidates = new Map();
    for (const result of codeHits) for (const hit of result.hits) found.set(hit.id, 0);
    for (const result of textHits) {
      for (const hit of result.hits) found.set(hit.id, (found.get(hit.id) ?? 0) + (hit.score ?? 1) / terms.length);
    }
    return found;
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

/** Distinct normalised terms, in the order given, at most MAX_TERMS. */
export function matchTerms(texts: readonly string[]): string[] {
  const terms: string[] = [];
  for (const text of texts) {
    for (const term of normaliseQuery(text).split(' ')) {
      if (term.length >= 3 && !terms.includes(term)) terms.push(term);
      if (terms.length === MAX_TERMS) return terms;
    }
  }
  return terms;
}
