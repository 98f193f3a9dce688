/**
 * The JSON-over-HTTP protocol between `EmbeddedHttpSearchAdapter` and the embedded search server.
 *
 *   GET  /health                          → { status: "ok", engine }
 *   POST /multi-search                    { queries: { index, query: SearchQuery }[] } → { results: SearchResult[] }
 *   PUT  /indexes/:name                   IndexDefinition (name optional, must match) → { ok: true }
 *   POST /indexes/:name/documents         { documents: SearchDocument[] } → { ok: true }
 *   POST /indexes/:name/documents/delete  { ids: string[] } → { ok: true }
 *   POST /indexes/:name/search            SearchQuery → SearchResult
 *   GET  /indexes/:name/ids               → { ids: string[] }
 *   GET  /indexes/:name/count             → { count: number }
 *
 * Errors: 400 bad_request, 404 index_not_found | not_found, 405 method_not_allowed,
 * 413 payload_too_large, 415 unsupported_media_type, 500 internal — body { error: { code, message } }.
 */
import type { SearchResult } from '../search.port.js';

export type ErrorCode =
  | 'bad_request'
  | 'index_not_found'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export const indexPath = (name: string, rest = ''): string => `/indexes/${encodeURIComponent(name)}${rest}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The error code and message of an error body, when the payload is one. */
export function readError(payload: unknown): { code?: string; message?: string } {
  if (!isRecord(payload) || !isRecord(payload.error)) return {};
  const { code, message } = payload.error;
  return { code: typeof code === 'string' ? code : undefined, message: typeof message === 'string' ? message : undefined };
}

export function readCount(payload: unknown): number {
  if (isRecord(payload) && typeof payload.count === 'number' && Number.isInteger(payload.count)) return payload.count;
  throw new Error('malformed count response');
}

export function readIds(payload: unknown): string[] {
  if (isRecord(payload) && Array.isArray(payload.ids) && payload.ids.every((id) => typeof id === 'string')) {
    return payload.ids as string[];
  }
  throw new Error('malformed ids response');
}

export function readSearchResult(payload: unknown): SearchResult {
  if (!isRecord(payload) || !Array.isArray(payload.hits) || typeof payload.total !== 'number' || !isRecord(payload.facets)) {
    throw new Error('malformed search response');
  }
  const hits = payload.hits.map((hit: unknown) => {
    if (!isRecord(hit) || typeof hit.id !== 'string') throw new Error('malformed search hit');
    return typeof hit.score === 'number' ? { id: hit.id, score: hit.score } : { id: hit.id };
  });
  const facets = Object.entries(payload.facets).map(([field, counts]) => {
    if (!isRecord(counts) || !Object.values(counts).every((c) => typeof c === 'number')) {
      throw new Error(`malformed facet "${field}"`);
    }
    return [field, counts as Record<string, number>] as const;
  });
  return { hits, total: payload.total, facets: Object.fromEntries(facets) };
}

export function readMultiSearchResults(payload: unknown): SearchResult[] {
  if (!isRecord(payload) || !Array.isArray(payload.results)) throw new Error('malformed multi-search response');
  return payload.results.map(readSearchResult);
}
