/**
 * The Meilisearch adapter against a tiny HTTP stand-in that answers like Meilisearch's REST API.
 * It checks what the adapter sends and how it reads answers and failures; whether Meilisearch
 * itself then behaves as the contract requires is for meilisearch.adapter.int-spec.ts.
 */
import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidSearchRequestError, SearchIndexNotFoundError } from '../search.errors.js';
import { fixtureDefinition } from '../search.fixtures.js';
import { SearchUnavailableError } from '../search.port.js';
import { MeilisearchAdapter, SCOPED_KEY_ACTIONS, SCOPED_KEY_UID } from './meilisearch.adapter.js';

/** Meilisearch's derivation of a key's value (meilisearch-auth `generate_key_as_hexa`), written out independently of the adapter's. */
const keyValue = (masterKey: string, uid: string) => createHmac('sha256', Buffer.from(masterKey, 'utf8')).update(uid).digest('hex');
const MASTER = 'master-key-for-the-stand-in-0123';

interface Recorded {
  method: string;
  path: string;
  body: unknown;
  /** The bearer token sent, if any. */
  key?: string;
}
type Reply = { status: number; body: unknown };

class FakeMeilisearch {
  readonly requests: Recorded[] = [];
  readonly indexes = new Set<string>();
  /** Per task uid, the task object GET /tasks/:uid returns. */
  private readonly tasks = new Map<number, Record<string, unknown>>();
  nextTaskError: { code: string; message: string } | undefined;
  searchReply: unknown = { hits: [], totalHits: 0, facetDistribution: {} };
  /**
   * With a master key set, Meilisearch's auth: no Authorization header → 401
   * missing_authorization_header; a key that is neither the master key nor a created key → 403
   * invalid_api_key. `/keys` needs the master key.
   */
  masterKey: string | undefined;
  /** Created keys: uid → body of POST /keys; their value is derived from the master key as Meilisearch does. */
  readonly keys = new Map<string, Record<string, unknown>>();
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const body = text ? (JSON.parse(text) as unknown) : undefined;
      this.requests.push({ method: req.method ?? '', path, body, key });
      const { status, body: reply } = this.authorise(req.method ?? '', path, key) ?? this.answer(req.method ?? '', path, body);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });

  private authorise(method: string, path: string, key: string | undefined): Reply | undefined {
    const { masterKey } = this;
    if (masterKey === undefined || path === '/health') return undefined;
    if (key === undefined) {
      return { status: 401, body: { message: 'The Authorization header is missing. It must use the bearer authorization method.', code: 'missing_authorization_header', type: 'auth', link: '' } };
    }
    const scoped = [...this.keys.keys()].some((uid) => keyValue(masterKey, uid) === key);
    const adminOnly = path.startsWith('/keys') || (method === 'POST' && path === '/indexes') || path.endsWith('/settings');
    if (key === masterKey || (scoped && !adminOnly)) return undefined;
    return { status: 403, body: { message: 'The provided API key is invalid.', code: 'invalid_api_key', type: 'auth', link: '' } };
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private enqueue(type: string, index: string): Reply {
    const uid = this.tasks.size + 1;
    const error = this.nextTaskError;
    this.nextTaskError = undefined;
    this.tasks.set(uid, { uid, indexUid: index, type, status: error ? 'failed' : 'succeeded', error: error ?? null });
    return { status: 202, body: { taskUid: uid, indexUid: index, status: 'enqueued', type, enqueuedAt: new Date().toISOString() } };
  }

  private answer(method: string, url: string, body: unknown): Reply {
    const path = url.split('?')[0];
    const task = /^\/tasks\/(\d+)$/.exec(path);
    if (task) return { status: 200, body: this.tasks.get(Number(task[1])) };
    if (method === 'GET' && path === '/health') return { status: 200, body: { status: 'available' } };
    const keyUid = /^\/keys\/([^/]+)$/.exec(path)?.[1];
    if (method === 'GET' && keyUid) {
      const key = this.keys.get(keyUid);
      return key ? { status: 200, body: key } : { status: 404, body: { message: `API key \`${keyUid}\` not found.`, code: 'api_key_not_found', type: 'invalid_request', link: '' } };
    }
    if (method === 'POST' && path === '/keys') {
      const created: Record<string, unknown> = { ...(body as Record<string, unknown>), createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
      this.keys.set(String(created.uid), created);
      return { status: 201, body: created };
    }
    if (method === 'POST' && path === '/multi-search') {
      const queries = (body as { queries: unknown[] }).queries;
      return { status: 200, body: { results: queries.map((q) => ({ ...(this.searchReply as object), indexUid: (q as { indexUid: string }).indexUid })) } };
    }
    if (method === 'POST' && path === '/indexes') return this.enqueue('indexCreation', 'new');
    const [, index, rest] = /^\/indexes\/([^/]+)(\/.*)?$/.exec(path) ?? [];
    if (!index) return { status: 404, body: { message: 'not found', code: 'not_found' } };
    if (!this.indexes.has(index)) {
      return { status: 404, body: { message: `Index \`${index}\` not found.`, code: 'index_not_found', type: 'invalid_request', link: '' } };
    }
    if (rest === '/settings' && method === 'PATCH') return this.enqueue('settingsUpdate', index);
    if (rest === '/documents' && method === 'POST') return this.enqueue('documentAdditionOrUpdate', index);
    if (rest === '/documents/delete-batch') return this.enqueue('documentDeletion', index);
    if (rest === '/search') return { status: 200, body: this.searchReply };
    if (rest === '/stats') return { status: 200, body: { numberOfDocuments: 3, isIndexing: false, fieldDistribution: {} } };
    if (rest === '/documents' && method === 'GET') {
      const offset = Number(new URL(url, 'http://x').searchParams.get('offset') ?? 0);
      const all = Array.from({ length: 2500 }, (_, i) => ({ id: `d${i}` }));
      return { status: 200, body: { results: all.slice(offset, offset + 1000), offset, limit: 1000, total: all.length } };
    }
    if (rest === undefined && method === 'GET') return { status: 200, body: { uid: index, primaryKey: 'id' } };
    return { status: 400, body: { message: `unexpected ${method} ${url}`, code: 'bad_request' } };
  }
}

describe('MeilisearchAdapter (against an HTTP stand-in)', () => {
  let fake: FakeMeilisearch;
  let adapter: MeilisearchAdapter;
  const urls = new WeakMap<FakeMeilisearch, string>();
  const adapterUrl = (f: FakeMeilisearch) => urls.get(f) ?? '';

  beforeEach(async () => {
    fake = new FakeMeilisearch();
    const url = await fake.start();
    urls.set(fake, url);
    adapter = new MeilisearchAdapter({ url, apiKey: 'key', taskPollIntervalMs: 1, taskTimeoutMs: 2_000 });
  });
  afterEach(() => fake.stop());

  it('creates the index and applies its settings before any document, waiting for each task', async () => {
    fake.indexes.add('things');
    fake.nextTaskError = { code: 'index_already_exists', message: 'exists' };
    await adapter.ensureIndex(fixtureDefinition('things'));
    await adapter.upsert('things', [{ id: 'a', title: 'modrotisk' }]);
    const calls = fake.requests.filter((r) => !r.path.startsWith('/tasks')).map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual(['POST /indexes', 'PATCH /indexes/things/settings', 'POST /indexes/things/documents?primaryKey=id']);
    expect(fake.requests[0].body).toEqual({ uid: 'things', primaryKey: 'id' });
    const settings = fake.requests.find((r) => r.method === 'PATCH')?.body as Record<string, unknown>;
    expect(settings).toMatchObject({
      searchableAttributes: ['title', 'place', 'description'],
      filterableAttributes: ['kind', 'disciplines', 'municipality', 'language'],
      sortableAttributes: ['createdAt', 'budget'],
      rankingRules: ['sort', 'words', 'typo', 'proximity', 'exactness', 'attributeRank', 'wordPosition'],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      pagination: { maxTotalHits: 1_000_000 },
      faceting: { maxValuesPerFacet: 10_000 },
    });
    expect((settings.synonyms as Record<string, string[]>).blueprint).toContain('modrotisk');
  });

  it('throws when a task fails and does not create indexes through upsert', async () => {
    fake.indexes.add('things');
    await adapter.ensureIndex(fixtureDefinition('things'));
    fake.nextTaskError = { code: 'invalid_document_id', message: 'bad id' };
    await expect(adapter.upsert('things', [{ id: 'a' }])).rejects.toThrow(InvalidSearchRequestError);
    fake.nextTaskError = { code: 'internal', message: 'disk full' };
    await expect(adapter.remove('things', ['a'])).rejects.toThrow(/disk full/);
    await expect(adapter.upsert('ghost', [{ id: 'a' }])).rejects.toBeInstanceOf(SearchIndexNotFoundError);
    expect(fake.requests.some((r) => r.path.startsWith('/indexes/ghost/documents'))).toBe(false);
  });

  it('sends an AND-all, page-mode search and maps the answer', async () => {
    fake.indexes.add('things');
    fake.searchReply = {
      hits: [{ id: 'a', _rankingScore: 0.9 }, { id: 'b', _rankingScore: 0.8 }, { id: 'c', _rankingScore: 0.5 }],
      totalHits: 42, page: 1, hitsPerPage: 3, totalPages: 14, facetDistribution: { kind: { creative: 2 } },
    };
    const result = await adapter.search('things', {
      text: 'modrotisk zir', filters: { kind: ['creative'], municipality: ['say "hi"'] }, facets: ['kind', 'language'],
      sort: { field: 'createdAt', direction: 'desc' }, offset: 2, limit: 1,
    });
    expect(fake.requests.at(-1)?.body).toEqual({
      q: 'modrotisk zir', filter: 'kind IN ["creative"] AND municipality IN ["say \\"hi\\""]', facets: ['kind', 'language'],
      sort: ['createdAt:desc'], page: 3, hitsPerPage: 1, matchingStrategy: 'all', showRankingScore: true, attributesToRetrieve: ['id'],
    });
    expect(result).toEqual({ hits: [{ id: 'a', score: 0.9 }, { id: 'b', score: 0.8 }, { id: 'c', score: 0.5 }], total: 42, facets: { kind: { creative: 2 }, language: {} } });

    await adapter.search('things', { offset: 3, limit: 2 });
    expect(fake.requests.at(-1)?.body).toMatchObject({ q: '', page: 1, hitsPerPage: 5, showRankingScore: false });
  });

  it('pages through every id, counts, and maps a missing index', async () => {
    fake.indexes.add('things');
    const ids = await adapter.listIds('things');
    expect(ids).toHaveLength(2500);
    expect(new Set(ids).size).toBe(2500);
    expect(fake.requests.find((r) => r.path.includes('/documents?'))?.path).toContain('fields=id');
    expect(await adapter.count('things')).toBe(3);
    await expect(adapter.search('ghost', {})).rejects.toBeInstanceOf(SearchIndexNotFoundError);
  });

  it('reports an unreachable Meilisearch as SearchUnavailableError', async () => {
    await fake.stop();
    await expect(adapter.count('things')).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(adapter.ensureIndex(fixtureDefinition('things'))).rejects.toBeInstanceOf(SearchUnavailableError);
    expect(await adapter.isHealthy()).toBe(false);
  });

  it('maps a missing or wrong API key (401 missing_authorization_header, 403 invalid_api_key) to SearchUnavailableError', async () => {
    fake.indexes.add('things');
    fake.masterKey = MASTER;
    const url = adapterUrl(fake);
    for (const apiKey of ['not-the-key', undefined]) {
      const other = new MeilisearchAdapter({ url, apiKey, taskPollIntervalMs: 1, taskTimeoutMs: 2_000 });
      const code = apiKey ? 'invalid_api_key' : 'missing_authorization_header';
      const calls: (() => Promise<unknown>)[] = [
        () => other.search('things', { text: 'modrotisk' }),
        () => other.multiSearch([{ index: 'things', query: {} }]),
        () => other.count('things'),
        () => other.listIds('things'),
        () => other.upsert('things', [{ id: 'a' }]),
        () => other.ensureIndex(fixtureDefinition('things')),
      ];
      for (const call of calls) {
        const error: unknown = await call().then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(SearchUnavailableError);
        expect(error).not.toBeInstanceOf(InvalidSearchRequestError);
        expect((error as Error).message).toContain(code);
      }
    }
    expect(fake.requests.filter((r) => r.path.startsWith('/indexes/things')).length).toBeGreaterThan(0);
  });

  it('with only the master key, creates the scoped key once and uses it for everything but setup', async () => {
    fake.indexes.add('things');
    fake.masterKey = MASTER;
    const url = adapterUrl(fake);
    const first = new MeilisearchAdapter({ url, masterKey: MASTER, taskPollIntervalMs: 1, taskTimeoutMs: 2_000 });
    fake.nextTaskError = { code: 'index_already_exists', message: 'exists' };
    await first.ensureIndex(fixtureDefinition('things'));
    await first.upsert('things', [{ id: 'a', title: 'modrotisk' }]);
    await first.search('things', { text: 'modrotisk' });
    await first.count('things');
    const created = fake.requests.filter((r) => r.method === 'POST' && r.path === '/keys');
    expect(created).toHaveLength(1);
    expect(created[0].body).toMatchObject({ uid: SCOPED_KEY_UID, actions: SCOPED_KEY_ACTIONS, indexes: ['*'], expiresAt: null });
    expect(SCOPED_KEY_ACTIONS).not.toContain('*');
    expect(SCOPED_KEY_ACTIONS.some((a) => a.startsWith('keys') || a.startsWith('settings') || a === 'indexes.create' || a === 'indexes.delete')).toBe(false);
    const scoped = keyValue(MASTER, SCOPED_KEY_UID);
    const setup = fake.requests.filter((r) => r.path.startsWith('/keys') || r.path === '/indexes' || r.path.endsWith('/settings'));
    expect(setup.every((r) => r.key === MASTER)).toBe(true);
    const ordinary = fake.requests.filter((r) => /\/(documents|search|stats)/.test(r.path) || (r.method === 'GET' && r.path === '/indexes/things'));
    expect(ordinary.length).toBeGreaterThanOrEqual(3);
    expect(ordinary.every((r) => r.key === scoped)).toBe(true);

    // A second process finds the key and does not create another.
    const second = new MeilisearchAdapter({ url, masterKey: MASTER, taskPollIntervalMs: 1, taskTimeoutMs: 2_000 });
    await second.count('things');
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/keys')).toHaveLength(1);
    expect(fake.requests.at(-1)?.key).toBe(scoped);
  });

  it('with an API key given, uses it and never asks /keys', async () => {
    fake.indexes.add('things');
    fake.masterKey = MASTER;
    const given = new MeilisearchAdapter({ url: adapterUrl(fake), apiKey: MASTER, taskPollIntervalMs: 1, taskTimeoutMs: 2_000 });
    await given.search('things', { text: 'x' });
    expect(fake.requests.some((r) => r.path.startsWith('/keys'))).toBe(false);
    expect(fake.requests.at(-1)?.key).toBe(MASTER);
  });

  it("sends multiSearch as one /multi-search request, 'any' as matchingStrategy frequency", async () => {
    fake.indexes.add('things');
    fake.searchReply = { hits: [{ id: 'a', _rankingScore: 0.7 }], totalHits: 1, facetDistribution: {} };
    const results = await adapter.multiSearch([
      { index: 'things', query: { text: 'modrotisk usnje', matching: 'any', limit: 300 } },
      { index: 'other', query: { offset: 3, limit: 2 } },
    ]);
    const sent = fake.requests.filter((r) => r.path === '/multi-search');
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toEqual({
      queries: [
        { indexUid: 'things', q: 'modrotisk usnje', page: 1, hitsPerPage: 300, matchingStrategy: 'frequency', showRankingScore: true, attributesToRetrieve: ['id'] },
        { indexUid: 'other', q: '', page: 1, hitsPerPage: 5, matchingStrategy: 'all', showRankingScore: false, attributesToRetrieve: ['id'] },
      ],
    });
    expect(results).toEqual([
      { hits: [{ id: 'a', score: 0.7 }], total: 1, facets: {} },
      { hits: [], total: 1, facets: {} },
    ]);
    expect(await adapter.multiSearch([])).toEqual([]);
  });
});
