export * from './search.port.js';
export { SearchIndexNotFoundError, InvalidSearchRequestError } from './search.errors.js';
export {
  normaliseForIndex,
  normaliseQuery,
  foldDiacritics,
  tokenize,
  stem,
  STOP_WORDS,
  SYNONYM_GROUPS,
  type SynonymGroup,
} from './text/normalise.js';
export { DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_TEXT_LENGTH } from './validation.js';
export {
  OramaSearchEngine,
  EMBEDDED_ENGINE_NAME,
  type OramaSearchEngineOptions,
  type SearchLogger,
  type SearchLogLevel,
} from './embedded/orama-engine.js';
export {
  startEmbeddedSearchServer,
  type EmbeddedSearchServer,
  type EmbeddedSearchServerOptions,
} from './embedded/embedded-search.server.js';
export { EmbeddedHttpSearchAdapter, type EmbeddedHttpSearchAdapterOptions } from './adapters/embedded-http.adapter.js';
export { MeilisearchAdapter, type MeilisearchAdapterOptions } from './adapters/meilisearch.adapter.js';
export { SearchModule, createSearchPort } from './search.module.js';
export {
  conceptsIn,
  conceptById,
  broaderOf,
  specificity,
  conceptTerms,
  suggestCodes,
  conceptDictionaryIssues,
  CONCEPTS,
  type Concept,
  type ConceptKind,
  type ConceptHit,
} from './concepts/concepts.js';
