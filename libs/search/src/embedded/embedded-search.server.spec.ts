import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedHttpSearchAdapter } from '../adapters/embedded-http.adapter.js';
import { describeSearchContract } from '../search.contract.js';
import { FIXTURE_DOCUMENTS, fixtureDefinition } from '../search.fixtures.js';
import { SearchUnavailableError } from '../search.port.js';
import { startEmbeddedSearchServer, type EmbeddedSearchServer } from './embedded-search.server.js';

describeSearchContract('embedded search server over HTTP', async () => {
  const server = await startEmbeddedSearchServer({ host: '127.0.0.1', port: 0 });
  return {
    port: new EmbeddedHttpSearchAdapter({ url: server.url }),
    close: () => server.close(),
    auth: { skipReason: 'the embedded engine listens on 127.0.0.1 and has no API keys' },
  };
});

describe('embedded search server', () => {
  let server: EmbeddedSearchServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-search-'));
    server = await startEmbeddedSearchServer({ host: '127.0.0.1', port: 0, dataDir, maxBodyBytes: 64 * 1024 });
    const adapter = new EmbeddedHttpSearchAdapter({ url: server.url });
    await adapter.ensureIndex(fixtureDefinition('things'));
    await adapter.upsert('things', FIXTURE_DOCUMENTS);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function request(method: string, route: string, body?: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}${route}`, { method, body, headers: { 'content-type': 'application/json', ...headers } });
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  }

  it('listens on the requested host and reports its health without claiming to be Meilisearch', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const health = await request('GET', '/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', engine: 'embedded (Orama)' } });
    expect(JSON.stringify(health.body).toLowerCase()).not.toContain('meili');
  });

  it.each([
    ['POST', '/indexes/things/search', '{not json', 'not valid JSON'],
    ['POST', '/indexes/things/search', '{"limit":"ten"}', 'limit'],
    ['POST', '/indexes/things/search', '{"filters":{"title":["x"]}}', 'not a filterable field'],
    ['POST', '/indexes/things/documents', '{"documents":[{"title":"no id"}]}', 'id'],
    ['POST', '/indexes/things/documents', '[1,2]', 'documents must be an array'],
    ['POST', '/indexes/things/documents/delete', '{"ids":"c-alpina"}', 'ids must be an array'],
    ['PUT', '/indexes/things', '{"name":"other","searchableFields":["a"],"filterableFields":[],"sortableFields":[]}', 'differs'],
    ['PUT', '/indexes/Bad%20Name', '{"searchableFields":["a"],"filterableFields":[],"sortableFields":[]}', 'index name'],
  ])('%s %s with %s → 400', async (method, route, body, fragment) => {
    const response = await request(method, route, body);
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe('bad_request');
    expect(response.body.error?.message).toContain(fragment);
    expect(response.body.error?.message).not.toMatch(/\n\s+at /);
  });

  it('answers 404 for an unknown index or route, 405, 413 and 415', async () => {
    expect((await request('GET', '/indexes/nope/count')).body.error?.code).toBe('index_not_found');
    expect((await request('POST', '/indexes/nope/search', '{}')).status).toBe(404);
    expect((await request('GET', '/nothing/here')).status).toBe(404);
    expect((await request('DELETE', '/indexes/things')).status).toBe(405);
    expect((await request('POST', '/indexes/things/search', 'x'.repeat(70 * 1024))).status).toBe(413);
    expect((await request('POST', '/indexes/things/search', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect(await new EmbeddedHttpSearchAdapter({ url: server.url }).count('things')).toBe(15);
  });

  it('keeps its data across a restart on the same data directory', async () => {
    const second = await startEmbeddedSearchServer({ host: '127.0.0.1', port: 0, dataDir });
    try {
      const adapter = new EmbeddedHttpSearchAdapter({ url: second.url });
      expect(await adapter.count('things')).toBe(15);
    } finally {
      await second.close();
    }
  });

  it('turns an unreachable server into SearchUnavailableError', async () => {
    const gone = await startEmbeddedSearchServer({ host: '127.0.0.1', port: 0 });
    await gone.close();
    const adapter = new EmbeddedHttpSearchAdapter({ url: gone.url, timeoutMs: 1_000 });
    await expect(adapter.count('things')).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(adapter.search('things', {})).rejects.toThrow(/did not answer/);
    expect(await adapter.isHealthy()).toBe(false);
    expect(await new EmbeddedHttpSearchAdapter({ url: server.url }).isHealthy()).toBe(true);
  });
});
