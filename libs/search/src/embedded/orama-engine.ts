import * as fs from 'node:fs';
import { SearchIndexNotFoundError, InvalidSearchRequestError } from '../search.errors.js';
import type { IndexDefinition, MultiSearchQuery, SearchDocument, SearchPort, SearchQuery, SearchResult } from '../search.port.js';
import {
  assertIndexName,
  checkDocument,
  checkQuery,
  parseDocuments,
  parseIds,
  parseIndexDefinition,
  parseMultiSearch,
  parseSearchQuery,
  sameDefinition,
} from '../validation.js';
import { IndexLog } from './index-log.js';
import { OramaIndex } from './orama-index.js';

export const EMBEDDED_ENGINE_NAME = 'embedded (Orama)';

export type SearchLogLevel = 'info' | 'warn' | 'error';
/** Message first, so a plain `(message) => logger.log(message)` fits; `level` says how serious it is. */
export type SearchLogger = (message: string, level: SearchLogLevel) => void;

export interface OramaSearchEngineOptions {
  /** Directory for one append-only log per index; without it the engine keeps nothing on disk. */
  dataDir?: string;
  /** Flush every change to the disk (survives a power cut, not only a killed process). Default false. */
  fsync?: boolean;
  log?: SearchLogger;
}

interface OpenIndex {
  index: OramaIndex;
  log?: IndexLog;
}

/**
 * The in-process engine behind the port. Every operation runs synchronously inside its promise,
 * so two calls never interleave: the log and the in-memory index always see changes in the same
 * order without a lock.
 */
export class OramaSearchEngine implements SearchPort {
  readonly engine = EMBEDDED_ENGINE_NAME;
  private readonly indexes = new Map<string, OpenIndex>();
  private readonly log: SearchLogger;

  constructor(private readonly options: OramaSearchEngineOptions = {}) {
    this.log = options.log ?? (() => undefined);
    if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  }

  async ensureIndex(definition: IndexDefinition): Promise<void> {
    const wanted = parseIndexDefinition(definition);
    const current = this.open(wanted.name);
    if (current && sameDefinition(current.index.definition, wanted)) return;
    const documents = current ? [...current.index.all()] : [];
    for (const doc of documents) this.checkFits(doc, wanted);
    const index = new OramaIndex(wanted, documents);
    const log = this.logOf(wanted.name);
    log?.rewrite(wanted, index.all());
    this.indexes.set(wanted.name, { index, log });
    this.log(`Search index "${wanted.name}" ${current ? 'redefined' : 'created'} (${index.size} documents)`, 'info');
  }

  async upsert(name: string, documents: readonly SearchDocument[]): Promise<void> {
    const { index, log } = this.require(name);
    const docs = parseDocuments(documents);
    for (const doc of docs) checkDocument(doc, index.definition);
    if (docs.length === 0) return;
    // Replacing a document rewrites the log, so no superseded personal data stays on disk.
    if (log && docs.some((d) => index.has(d.id))) {
      const next = new Map([...index.all()].map((d) => [d.id, d] as const));
      for (const d of docs) next.set(d.id, d);
      log.rewrite(index.definition, next.values());
    } else {
      log?.appendUpsert(docs);
    }
    index.upsert(docs);
  }

  async remove(name: string, ids: readonly string[]): Promise<void> {
    const { index, log } = this.require(name);
    const list = parseIds(ids);
    if (list.length === 0) return;
    // Erasure reaches the disk: the log is rewritten without the removed documents.
    if (log && list.some((id) => index.has(id))) {
      const gone = new Set(list);
      log.rewrite(index.definition, [...index.all()].filter((d) => !gone.has(d.id)));
    }
    index.remove(list);
  }

  async search(name: string, query: SearchQuery): Promise<SearchResult> {
    const { index } = this.require(name);
    const resolved = parseSearchQuery(query);
    checkQuery(resolved, index.definition);
    return index.search(resolved);
  }

  /** Every query is checked before any runs, so a bad one fails the whole call. */
  async multiSearch(queries: readonly MultiSearchQuery[]): Promise<SearchResult[]> {
    const parsed = parseMultiSearch(queries).map(({ index, query }) => {
      const open = this.require(index);
      checkQuery(query, open.index.definition);
      return { open, query };
    });
    return parsed.map(({ open, query }) => open.index.search(query));
  }

  async listIds(name: string): Promise<string[]> {
    return this.require(name).index.ids();
  }

  async count(name: string): Promise<number> {
    return this.require(name).index.size;
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }

  private require(name: string): OpenIndex {
    const open = this.open(assertIndexName(name));
    if (!open) throw new SearchIndexNotFoundError(name);
    return open;
  }

  /** The index in memory, or loaded (replayed and compacted) from its log on first use. */
  private open(name: string): OpenIndex | undefined {
    const loaded = this.indexes.get(name);
    if (loaded) return loaded;
    const log = this.logOf(name);
    const replayed = log?.replay();
    if (!log || !replayed) return undefined;
    if (replayed.tornTail) this.log(`Search log ${log.file}: ignored an incomplete last line (interrupted write)`, 'warn');
    for (const doc of replayed.documents.values()) this.checkFits(doc, replayed.definition);
    const index = new OramaIndex(replayed.definition, replayed.documents.values());
    log.rewrite(replayed.definition, index.all());
    const open = { index, log };
    this.indexes.set(name, open);
    this.log(`Search index "${name}" loaded from ${log.file} (${index.size} documents)`, 'info');
    return open;
  }

  private logOf(name: string): IndexLog | undefined {
    return this.options.dataDir ? new IndexLog(this.options.dataDir, name, this.options.fsync ?? false) : undefined;
  }

  private checkFits(doc: SearchDocument, definition: IndexDefinition): void {
    try {
      checkDocument(doc, definition);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InvalidSearchRequestError(`Stored documents do not fit the definition of "${definition.name}": ${reason}`);
    }
  }
}
