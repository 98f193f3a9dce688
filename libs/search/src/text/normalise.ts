/**
 * Text normalisation shared by every search engine. Documents are indexed as, and queries are
 * sent as, folded + lowercased + stemmed tokens with synonyms canonicalised, so Orama and
 * Meilisearch see exactly the same words and behave alike.
 */
import { analyse } from './tokens.js';
import { canonicaliseTokens, synonymCanonicals } from './synonyms.js';

export { foldDiacritics, tokenize, analyse } from './tokens.js';
export { stem, STOP_WORDS, MIN_STEM_LENGTH } from './stem.js';
export { SYNONYM_GROUPS, type SynonymGroup } from './synonyms.js';

/**
 * Text as it goes into a searchable field: the stemmed tokens in their original order, then the
 * canonical token of every synonym group the text mentions (so "blueprint" text also holds
 * "modrotisk").
 */
export function normaliseForIndex(text: string): string {
  const tokens = analyse(text);
  const present = new Set(tokens);
  const extra = synonymCanonicals(tokens).filter((c) => !present.has(c));
  return [...tokens, ...extra].join(' ');
}

/** Text as it goes into `SearchQuery.text`: stemmed tokens, synonyms replaced, duplicates dropped. */
export function normaliseQuery(text: string): string {
  return [...new Set(canonicaliseTokens(analyse(text)))].join(' ');
}
