import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeSearchContract } from '../search.contract.js';
import { FIXTURE_DOCUMENTS, fixtureDefinition } from '../search.fixtures.js';
import { normaliseQuery } from '../text/normalise.js';
import { OramaSearchEngine } from './orama-engine.js';

describeSearchContract('embedded Orama engine (in process)', async () => ({
  port: new OramaSearchEngine(),
  close: async () => undefined,
  auth: { skipReason: 'the in-process engine has no API keys' },
}));

describe('OramaSearchEngine persistence', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orama-engine-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function writeSome(): Promise<void> {
    const engine = new OramaSearchEngine({ dataDir });
    await engine.ensureIndex(fixtureDefinition('things'));
    await engine.upsert('things', FIXTURE_DOCUMENTS);
    await engine.remove('things', ['c-alpina']);
    await engine.upsert('things', [{ ...FIXTURE_DOCUMENTS[1], title: 'replaced title' }]);
  }

  it('keeps every acknowledged change across a restart', async () => {
    await writeSome();
    const reopened = new OramaSearchEngine({ dataDir });
    expect(await reopened.count('things')).toBe(FIXTURE_DOCUMENTS.length - 1);
    expect(await reopened.listIds('things')).not.toContain('c-alpina');
    const hits = await reopened.search('things', { text: normaliseQuery('replaced') });
    expect(hits.hits.map((h) => h.id)).toEqual(['cr-loka-blueprint']);
    await reopened.ensureIndex(fixtureDefinition('things'));
    expect(await reopened.count('things')).toBe(FIXTURE_DOCUMENTS.length - 1);
  });

  it('leaves no removed or superseded text on disk, at once (erasure, rectification)', async () => {
    const engine = new OramaSearchEngine({ dataDir });
    await engine.ensureIndex(fixtureDefinition('things'));
    await engine.upsert('things', FIXTURE_DOCUMENTS);
    const file = path.join(dataDir, 'things.jsonl');
    const erased = FIXTURE_DOCUMENTS[0];
    const original = String(FIXTURE_DOCUMENTS[1].title);
    expect(fs.readFileSync(file, 'utf8')).toContain(String(erased.title));
    await engine.remove('things', [erased.id]);
    await engine.upsert('things', [{ ...FIXTURE_DOCUMENTS[1], title: 'rectified title' }]);
    const onDisk = fs.readFileSync(file, 'utf8');
    expect(onDisk).not.toContain(String(erased.title));
    expect(onDisk).not.toContain(original);
    expect(onDisk).toContain('rectified title');
  });

  it('compacts the log when it loads it', async () => {
    const engine = new OramaSearchEngine({ dataDir });
    await engine.ensureIndex(fixtureDefinition('things'));
    await engine.upsert('things', FIXTURE_DOCUMENTS.slice(0, 5));
    await engine.upsert('things', FIXTURE_DOCUMENTS.slice(5));
    const file = path.join(dataDir, 'things.jsonl');
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
    await new OramaSearchEngine({ dataDir }).ensureIndex(fixtureDefinition('things'));
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { op: string });
    expect(lines.map((l) => l.op)).toEqual(['define', 'upsert']);
    expect(fs.readdirSync(dataDir)).toEqual(['things.jsonl']);
  });

  it('ignores a torn last line but refuses a corrupt middle line', async () => {
    await writeSome();
    const file = path.join(dataDir, 'things.jsonl');
    fs.appendFileSync(file, '{"op":"remove","ids":["cr-kranj-ker');
    const warnings: string[] = [];
    const engine = new OramaSearchEngine({ dataDir, log: (message, level) => level === 'warn' && warnings.push(message) });
    expect(await engine.count('things')).toBe(FIXTURE_DOCUMENTS.length - 1);
    expect(warnings).toHaveLength(1);

    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8')}not json\n{"op":"remove","ids":[]}\n`);
    await expect(new OramaSearchEngine({ dataDir }).count('things')).rejects.toThrow(/corrupt at line 3/);
  });

  it('writes nothing when a change is rejected', async () => {
    const engine = new OramaSearchEngine({ dataDir });
    await engine.ensureIndex(fixtureDefinition('things'));
    const before = fs.readFileSync(path.join(dataDir, 'things.jsonl'), 'utf8');
    await expect(engine.upsert('things', [FIXTURE_DOCUMENTS[0], { id: 'bad', createdAt: 'yesterday' }])).rejects.toThrow(/createdAt/);
    expect(fs.readFileSync(path.join(dataDir, 'things.jsonl'), 'utf8')).toBe(before);
    expect(await engine.count('things')).toBe(0);
  });
});

describe('OramaSearchEngine specifics', () => {
  it('never loses an exact match to Orama 3.1 typo search (tolerance 1 alone finds nothing here)', async () => {
    const engine = new OramaSearchEngine();
    const definition = { name: 'typos', searchableFields: ['bio'], filterableFields: ['kind'], sortableFields: [] };
    await engine.ensureIndex(definition);
    await engine.upsert('typos', [
      { id: 'a', bio: 'klop', kind: 'x' },
      { id: 'b', bio: 'klobucevin klobuk klobucarstv', kind: 'x' },
    ]);
    expect((await engine.search('typos', { text: 'klobucevin' })).hits.map((h) => h.id)).toEqual(['b']);
  });

  it('puts documents without the sort value last in both directions', async () => {
    const engine = new OramaSearchEngine();
    await engine.ensureIndex(fixtureDefinition('sorting'));
    await engine.upsert('sorting', FIXTURE_DOCUMENTS);
    for (const direction of ['asc', 'desc'] as const) {
      const { hits } = await engine.search('sorting', { sort: { field: 'budget', direction }, limit: 100 });
      expect(hits[hits.length - 1].id).toBe('cr-crna-keramika');
    }
  });
});
