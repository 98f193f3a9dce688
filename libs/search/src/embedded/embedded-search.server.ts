import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidSearchRequestError, SearchIndexNotFoundError } from '../search.errors.js';
import { parseDocuments, parseIds, parseIndexDefinition, parseMultiSearch, parseSearchQuery } from '../validation.js';
import type { ErrorBody, ErrorCode } from './embedded-protocol.js';
import { EMBEDDED_ENGINE_NAME, OramaSearchEngine, type SearchLogger } from './orama-engine.js';

export interface EmbeddedSearchServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Where the indexes are persisted; without it the server keeps everything in memory. */
  dataDir?: string;
  /** Flush every change to disk before acknowledging it. Default false. */
  fsync?: boolean;
  log?: SearchLogger;
  /** Largest accepted request body. Default 20 MB. */
  maxBodyBytes?: number;
}

export interface EmbeddedSearchServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

class HttpError extends Error {
  constructor(readonly status: number, readonly code: ErrorCode, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readJson(req: http.IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers['content-type'];
  if (type !== undefined && !/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'request body must be application/json');
  }
  const tooLarge = () => new HttpError(413, 'payload_too_large', `request body is larger than ${maxBytes} bytes`, { connection: 'close' });
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'bad_request', 'request body is not valid JSON');
  }
}

/**
 * The zero-setup search service: a small JSON API over one in-process Orama engine, for setups
 * where several processes share one index and no Meilisearch is available.
 */
export async function startEmbeddedSearchServer(options: EmbeddedSearchServerOptions): Promise<EmbeddedSearchServer> {
  const log: SearchLogger = options.log ?? (() => undefined);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const engine = new OramaSearchEngine({ dataDir: options.dataDir, fsync: options.fsync, log });

  async function route(req: http.IncomingMessage): Promise<{ status: number; body: unknown }> {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const allow = (...methods: string[]) => {
      if (!methods.includes(method)) {
        throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${pathname}`, { allow: methods.join(', ') });
      }
    };
    if (pathname === '/health') {
      allow('GET');
      return { status: 200, body: { status: 'ok', engine: EMBEDDED_ENGINE_NAME } };
    }
    if (pathname === '/multi-search') {
      allow('POST');
      const body = await readJson(req, maxBodyBytes);
      return { status: 200, body: { results: await engine.multiSearch(parseMultiSearch(isRecord(body) ? body.queries : undefined)) } };
    }
    const match = /^\/indexes\/([^/]+)(\/documents|\/documents\/delete|\/search|\/ids|\/count)?\/?$/.exec(pathname);
    if (!match) throw new HttpError(404, 'not_found', `no route for ${pathname}`);
    let name: string;
    try {
      name = decodeURIComponent(match[1]);
    } catch {
      throw new HttpError(400, 'bad_request', 'index name is not valid URL encoding');
    }
    switch (match[2]) {
      case undefined: {
        allow('PUT');
        const body = await readJson(req, maxBodyBytes);
        if (!isRecord(body)) throw new HttpError(400, 'bad_request', 'body must be an index definition object');
        if (body.name !== undefined && body.name !== name) throw new HttpError(400, 'bad_request', 'body name differs from the URL');
        await engine.ensureIndex(parseIndexDefinition({ ...body, name }));
        return { status: 200, body: { ok: true } };
      }
      case '/documents': {
        allow('POST');
        const body = await readJson(req, maxBodyBytes);
        await engine.upsert(name, parseDocuments(isRecord(body) ? body.documents : undefined));
        return { status: 200, body: { ok: true } };
      }
      case '/documents/delete': {
        allow('POST');
        const body = await readJson(req, maxBodyBytes);
        await engine.remove(name, parseIds(isRecord(body) ? body.ids : undefined));
        return { status: 200, body: { ok: true } };
      }
      case '/search': {
        allow('POST');
        const body = await readJson(req, maxBodyBytes);
        return { status: 200, body: await engine.search(name, parseSearchQuery(body)) };
      }
      case '/ids':
        allow('GET');
        return { status: 200, body: { ids: await engine.listIds(name) } };
      default:
        allow('GET');
        return { status: 200, body: { count: await engine.count(name) } };
    }
  }

  const server = http.createServer((req, res) => {
    route(req).then(
      ({ status, body }) => send(res, status, body),
      (error: unknown) => {
        let failure: HttpError;
        if (error instanceof HttpError) failure = error;
        else if (error instanceof InvalidSearchRequestError) failure = new HttpError(400, 'bad_request', error.message);
        else if (error instanceof SearchIndexNotFoundError) failure = new HttpError(404, 'index_not_found', error.message);
        else {
          log(`Embedded search: ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 'error');
          failure = new HttpError(500, 'internal', 'internal error');
        }
        const body: ErrorBody = { error: { code: failure.code, message: failure.message } };
        send(res, failure.status, body, failure.headers);
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log(`Embedded search server error: ${error.message}`, 'error'));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    // Idempotent: a second close (e.g. a test stops the server, then its teardown runs) is not an error.
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}
