import { readCount, readError, readIds, readMultiSearchResults, readSearchResult, indexPath } from '../embedded/embedded-protocol.js';
import { EMBEDDED_ENGINE_NAME } from '../embedded/orama-engine.js';
import { InvalidSearchRequestError, SearchIndexNotFoundError } from '../search.errors.js';
import {
  SearchUnavailableError,
  type IndexDefinition,
  type MultiSearchQuery,
  type SearchDocument,
  type SearchPort,
  type SearchQuery,
  type SearchResult,
} from '../search.port.js';

export interface EmbeddedHttpSearchAdapterOptions {
  /** Base URL of the embedded search server, e.g. http://127.0.0.1:7701 */
  url: string;
  /** Per-request timeout. Default 10 s (bulk upserts of a full reindex can take a while). */
  timeoutMs?: number;
}

function explain(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/** The index an index_not_found message names (a multi-search does not say which query failed otherwise). */
function indexNamed(message: string): string {
  return /"([^"]+)"/.exec(message)?.[1] ?? 'unknown';
}

/** Talks to the embedded search server (`startEmbeddedSearchServer`) over HTTP. */
export class EmbeddedHttpSearchAdapter implements SearchPort {
  readonly engine = EMBEDDED_ENGINE_NAME;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(options: EmbeddedHttpSearchAdapterOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async ensureIndex(definition: IndexDefinition): Promise<void> {
    await this.call('PUT', indexPath(definition.name), definition.name, definition);
  }

  async upsert(index: string, documents: readonly SearchDocument[]): Promise<void> {
    await this.call('POST', indexPath(index, '/documents'), index, { documents });
  }

  async remove(index: string, ids: readonly string[]): Promise<void> {
    await this.call('POST', indexPath(index, '/documents/delete'), index, { ids });
  }

  async search(index: string, query: SearchQuery): Promise<SearchResult> {
    return this.read(readSearchResult, await this.call('POST', indexPath(index, '/search'), index, query));
  }

  /** One POST /multi-search; an unknown index in any query fails the call with SearchIndexNotFoundError. */
  async multiSearch(queries: readonly MultiSearchQuery[]): Promise<SearchResult[]> {
    const unknown = '';
    return this.read(readMultiSearchResults, await this.call('POST', '/multi-search', unknown, { queries }));
  }

  async listIds(index: string): Promise<string[]> {
    return this.read(readIds, await this.call('GET', indexPath(index, '/ids'), index));
  }

  async count(index: string): Promise<number> {
    return this.read(readCount, await this.call('GET', indexPath(index, '/count'), index));
  }

  async isHealthy(): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(Math.min(this.timeoutMs, 2_000)) });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  private read<T>(reader: (payload: unknown) => T, payload: unknown): T {
    try {
      return reader(payload);
    } catch (error) {
      throw new SearchUnavailableError(`Embedded search at ${this.baseUrl} sent an unexpected answer: ${explain(error)}`, { cause: error });
    }
  }

  private async call(method: string, path: string, index: string, body?: unknown): Promise<unknown> {
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new SearchUnavailableError(`Embedded search at ${this.baseUrl} did not answer ${method} ${path}: ${explain(error)}`, {
        cause: error,
      });
    }
    let payload: unknown;
    try {
      payload = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      payload = undefined;
    }
    if (status >= 200 && status < 300) return payload;
    const { code, message = `HTTP ${status}` } = readError(payload);
    if (status === 404 && code === 'index_not_found') throw new SearchIndexNotFoundError(index || indexNamed(message));
    if (status === 400 || status === 413) throw new InvalidSearchRequestError(message);
    throw new SearchUnavailableError(`Embedded search at ${this.baseUrl} answered ${status} to ${method} ${path}: ${message}`);
  }
}
