/**
 * The Meilisearch adapter against a tiny HTTP stand-in that answers like Meilisearch's REST API.
 * It checks what the adapter sends and how it reads answers and failures; whether Meilisearch
 * itself then behaves as the contract requires is for meilisearch.adapter.int-spec.ts.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidSearchRequestError, SearchIndexNotFoundError } from '../search.errors.js';
import { fixtureDefinition } from '../search.fixtures.js';
import { SearchUnavailableError } from '../search.port.js';
import { MeilisearchAdapter } from './meilisearch.adapter.js';

interface Recorded {
  method: string;
  path: string;
  body: unknown;
}
type Reply = { status: number; body: unknown };

class FakeMeilisearch {
  readonly requests: Recorded[] = [];
  readonly indexes = new Set<string>();
  /** Per task uid, the task object GET /tasks/:uid returns. */
  private readonly tasks = new Map<number, Record<string, unknown>>();
  nextTaskError: { code: string; message: string } | undefined;
  searchReply: unknown = { hits: [], totalHits: 0, facetDistribution: {} };
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      this.requests.push({ method: req.method ?? '', path, body: text ? (JSON.parse(text) as unknown) : undefined });
      const { status, body } = this.answer(req.method ?? '', path);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });

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

  private answer(method: string, url: string): Reply {
    const path = url.split('?')[0];
    const task = /^\/tasks\/(\d+)$/.exec(path);
    if (task) return { status: 200, body: this.tasks.get(Number(task[1])) };
    if (method === 'GET' && path === '/health') return { status: 200, body: { status: 'available' } };
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

  beforeEach(async () => {
    fake = new FakeMeilisearch();
    adapter = new MeilisearchAdapter({ url: await fake.start(), apiKey: 'key', taskPollIntervalMs: 1, taskTimeoutMs: 2_000 });
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
});
