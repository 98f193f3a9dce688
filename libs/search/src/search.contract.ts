/**
 * The behaviour every SearchPort adapter must show. Each adapter's spec calls
 * `describeSearchContract`; every test works in its own freshly named index, so the suite can run
 * against a shared Meilisearch. Queries go through `normaliseQuery`, as application code does.
 */
import { FIXTURE_DOCUMENTS, RAW_FIXTURES, fixtureDefinition, toSearchDocument } from './search.fixtures.js';
import { InvalidSearchRequestError, SearchIndexNotFoundError } from './search.errors.js';
import type { SearchPort, SearchQuery, SearchResult } from './search.port.js';
import { normaliseForIndex, normaliseQuery } from './text/normalise.js';

export interface ContractAdapter {
  port: SearchPort;
  close(): Promise<void>;
}

const ALL_IDS = RAW_FIXTURES.map((f) => f.id);
const sorted = (ids: readonly string[]) => [...ids].sort();
const idsWhere = (predicate: (f: (typeof RAW_FIXTURES)[number]) => boolean) => RAW_FIXTURES.filter(predicate).map((f) => f.id);

export function describeSearchContract(adapterName: string, makeAdapter: () => Promise<ContractAdapter>): void {
  describe(`SearchPort contract: ${adapterName}`, () => {
    let adapter: ContractAdapter | undefined;
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    let counter = 0;

    const port = (): SearchPort => {
      if (!adapter) throw new Error('adapter not started');
      return adapter.port;
    };
    const freshName = () => `contract_${run}_${++counter}`;
    async function seeded(): Promise<string> {
      const name = freshName();
      await port().ensureIndex(fixtureDefinition(name));
      await port().upsert(name, FIXTURE_DOCUMENTS);
      return name;
    }
    function find(index: string, text: string, query: Omit<SearchQuery, 'text'> = {}): Promise<SearchResult> {
      return port().search(index, { limit: 100, ...query, text: normaliseQuery(text) });
    }
    async function ids(index: string, text: string, query: Omit<SearchQuery, 'text'> = {}): Promise<string[]> {
      return (await find(index, text, query)).hits.map((h) => h.id);
    }

    beforeAll(async () => {
      adapter = await makeAdapter();
    });
    afterAll(async () => {
      await adapter?.close();
    });

    describe('index lifecycle', () => {
      it('ensureIndex is idempotent and keeps documents', async () => {
        const name = freshName();
        await port().ensureIndex(fixtureDefinition(name));
        await port().ensureIndex(fixtureDefinition(name));
        await port().upsert(name, FIXTURE_DOCUMENTS);
        await port().ensureIndex(fixtureDefinition(name));
        expect(await port().count(name)).toBe(RAW_FIXTURES.length);
        expect(sorted(await ids(name, 'modrotisk'))).toEqual(['c-alpina', 'c-trzic-predpasniki', 'cr-loka-blueprint']);
      });

      it('ensureIndex with a changed definition keeps documents and applies the new settings', async () => {
        const name = freshName();
        const initial = fixtureDefinition(name);
        await port().ensureIndex({ ...initial, filterableFields: ['kind', 'disciplines', 'municipality'] });
        await port().upsert(name, FIXTURE_DOCUMENTS);
        await expect(port().search(name, { filters: { language: ['en'] } })).rejects.toBeInstanceOf(InvalidSearchRequestError);
        await port().ensureIndex(initial);
        expect(await port().count(name)).toBe(RAW_FIXTURES.length);
        expect(sorted(await ids(name, '', { filters: { language: ['en'] } }))).toEqual(sorted(idsWhere((f) => f.language === 'en')));
      });

      it('count and listIds report every document', async () => {
        const name = await seeded();
        expect(await port().count(name)).toBe(15);
        expect(sorted(await port().listIds(name))).toEqual(sorted(ALL_IDS));
      });

      it('unknown indexes are reported as such', async () => {
        const name = freshName();
        await expect(port().search(name, {})).rejects.toBeInstanceOf(SearchIndexNotFoundError);
        await expect(port().count(name)).rejects.toBeInstanceOf(SearchIndexNotFoundError);
        await expect(port().upsert(name, FIXTURE_DOCUMENTS.slice(0, 1))).rejects.toBeInstanceOf(SearchIndexNotFoundError);
      });

      it('rejects invalid names, fields and values', async () => {
        const name = await seeded();
        await expect(port().ensureIndex(fixtureDefinition('Not Valid!'))).rejects.toBeInstanceOf(InvalidSearchRequestError);
        await expect(port().search(name, { filters: { title: ['x'] } })).rejects.toBeInstanceOf(InvalidSearchRequestError);
        await expect(port().search(name, { sort: { field: 'kind', direction: 'asc' } })).rejects.toBeInstanceOf(InvalidSearchRequestError);
        await expect(port().search(name, { limit: -1 })).rejects.toBeInstanceOf(InvalidSearchRequestError);
        await expect(port().upsert(name, [{ id: 'x', budget: 'lots' }])).rejects.toBeInstanceOf(InvalidSearchRequestError);
        expect(await port().count(name)).toBe(15);
      });
    });

    describe('writes', () => {
      it('upsert makes documents searchable', async () => {
        const name = freshName();
        await port().ensureIndex(fixtureDefinition(name));
        expect((await find(name, 'modrotisk')).total).toBe(0);
        await port().upsert(name, FIXTURE_DOCUMENTS);
        expect(await ids(name, 'modrotisk')).toContain('c-alpina');
      });

      it('upsert replaces the whole document', async () => {
        const name = await seeded();
        const original = RAW_FIXTURES[0];
        await port().upsert(name, [toSearchDocument({ ...original, title: 'Čebelnjak', description: 'Poslikan panj.', disciplines: ['heritage'] })]);
        expect(await ids(name, 'modrotisk')).not.toContain('c-alpina');
        expect(await ids(name, 'čebelnjak')).toEqual(['c-alpina']);
        expect(await ids(name, '', { filters: { disciplines: ['leather'] } })).not.toContain('c-alpina');
        expect(await port().count(name)).toBe(15);
      });

      it('remove drops documents and ignores unknown ids', async () => {
        const name = await seeded();
        await port().remove(name, ['c-alpina', 'no-such-document']);
        expect(await port().count(name)).toBe(14);
        expect(await port().listIds(name)).not.toContain('c-alpina');
        expect(sorted(await ids(name, 'modrotisk'))).toEqual(['c-trzic-predpasniki', 'cr-loka-blueprint']);
      });
    });

    describe('text matching', () => {
      let name: string;
      beforeAll(async () => {
        name = await seeded();
      });

      it('empty text matches everything with an exact total', async () => {
        const result = await port().search(name, { limit: 5 });
        expect(result.total).toBe(15);
        expect(result.hits).toHaveLength(5);
        expect(sorted(await ids(name, ''))).toEqual(sorted(ALL_IDS));
      });

      it.each([
        ['Skofja Loka', ['c-loka-kozolec', 'cr-loka-blueprint']],
        ['Ziri', ['c-alpina', 'c-ziri-photoshoot']],
        ['crn', ['cr-crna-keramika']],
        ['črn', ['cr-crna-keramika']],
        ['Trzic', ['c-trzic-predpasniki', 'cr-trzic-usnje']],
      ])('ignores diacritics: %j', async (text, expected) => {
        expect(sorted(await ids(name, text))).toEqual(expected);
      });

      it.each([
        ['Kranju', ['c-kranj-startup', 'cr-crna-keramika', 'cr-kranj-keramika']],
        ['v Škofji Loki', ['c-loka-kozolec', 'cr-loka-blueprint']],
        ['v Žireh', ['c-alpina', 'c-ziri-photoshoot']],
        ['usnja', ['c-alpina', 'cr-trzic-usnje']],
      ])('finds inflected forms: %j', async (text, expected) => {
        expect(sorted(await ids(name, text))).toEqual(expected);
      });

      it.each([
        ['blueprint', ['c-alpina', 'c-trzic-predpasniki', 'cr-loka-blueprint']],
        ['leather', ['c-alpina', 'cr-trzic-usnje']],
        ['photography', ['c-ziri-photoshoot', 'cr-radovljica-foto']],
        ['blacksmithing', ['cr-kropa-kovastvo']],
        ['architect', ['c-loka-kozolec']],
      ])('matches synonyms across languages: %j', async (text, expected) => {
        expect(sorted(await ids(name, text))).toEqual(expected);
      });

      it('tolerates one typo in a longer word but not in a short one', async () => {
        expect(sorted(await ids(name, 'modrotsk'))).toEqual(['c-alpina', 'c-trzic-predpasniki', 'cr-loka-blueprint']);
        expect(sorted(await ids(name, 'Tržoč'))).toEqual(['c-trzic-predpasniki', 'cr-trzic-usnje']);
        expect(await ids(name, 'Blet')).toEqual([]);
      });

      it('requires every query term, in any field', async () => {
        expect(sorted(await ids(name, 'keramika Kranj'))).toEqual(['cr-crna-keramika', 'cr-kranj-keramika']);
        expect(await ids(name, 'modrotisk Tržič')).toEqual(['c-trzic-predpasniki']);
        expect(await ids(name, 'ceramics Bled')).toEqual(['c-bled-ceramics']);
        expect((await find(name, 'usnje Kranj')).total).toBe(0);
      });

      it('ranks an exact word above a longer word it is a prefix of', async () => {
        const index = freshName();
        await port().ensureIndex(fixtureDefinition(index));
        const doc = (id: string, title: string, place: string, description: string) =>
          toSearchDocument({ id, title, description, place, kind: 'creative', disciplines: ['design'], municipality: id, language: 'sl' });
        await port().upsert(index, [
          doc('kranjska-gora', 'Oblikovalka iz Kranjske Gore', 'Kranjska Gora', 'Plakati za Kranjsko Goro.'),
          doc('kranj', 'Oblikovalka', 'Kranj', 'Grafično oblikovanje, plakati in knjige za založbe iz vse Slovenije.'),
        ]);
        expect((await ids(index, 'v Kranju'))[0]).toBe('kranj');
      });

      it('gives relevance scores in [0, 1], best first', async () => {
        const { hits } = await find(name, 'keramika');
        expect(hits.length).toBeGreaterThanOrEqual(3);
        const scores = hits.map((h) => h.score ?? Number.NaN);
        for (const s of scores) expect(s >= 0 && s <= 1).toBe(true);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      });

      it('returns an empty result, not an error, when nothing matches', async () => {
        const result = await find(name, 'zxqvw', { facets: ['kind'] });
        expect(result).toEqual({ hits: [], total: 0, facets: { kind: {} } });
      });
    });

    describe('filters, facets, sorting and paging', () => {
      let name: string;
      beforeAll(async () => {
        name = await seeded();
      });

      it('ORs values within a field and ANDs across fields', async () => {
        expect(sorted(await ids(name, '', { filters: { kind: ['challenge'] } }))).toEqual(sorted(idsWhere((f) => f.kind === 'challenge')));
        const leatherOrCeramics = (f: (typeof RAW_FIXTURES)[number]) => f.disciplines.includes('leather') || f.disciplines.includes('ceramics');
        expect(sorted(await ids(name, '', { filters: { disciplines: ['leather', 'ceramics'] } }))).toEqual(sorted(idsWhere(leatherOrCeramics)));
        expect(sorted(await ids(name, '', { filters: { kind: ['creative'], disciplines: ['leather', 'ceramics'] } }))).toEqual(
          ['cr-crna-keramika', 'cr-kranj-keramika', 'cr-trzic-usnje'],
        );
        expect(sorted(await ids(name, 'Kranj', { filters: { kind: ['creative'] } }))).toEqual(['cr-crna-keramika', 'cr-kranj-keramika']);
        expect((await find(name, '', { filters: { disciplines: ['no-such-value'] } })).total).toBe(0);
        expect((await find(name, '', { filters: { disciplines: [] } })).total).toBe(15);
      });

      it('matches filter values containing quotes and backslashes exactly', async () => {
        const tricky = 'a "quoted" \\ back\\"slash';
        const doc = { ...FIXTURE_DOCUMENTS[2], id: 'tricky', municipality: tricky, title: normaliseForIndex('Posebna vrednost') };
        await port().upsert(name, [doc]);
        try {
          expect(await ids(name, '', { filters: { municipality: [tricky] } })).toEqual(['tricky']);
          expect(await ids(name, '', { filters: { municipality: ['a "quoted" '] } })).toEqual([]);
        } finally {
          await port().remove(name, ['tricky']);
        }
      });

      it('counts facets within the query and the filters', async () => {
        const all = await find(name, '', { facets: ['disciplines', 'kind'], limit: 0 });
        expect(all.hits).toEqual([]);
        expect(all.total).toBe(15);
        expect(all.facets.kind).toEqual({ challenge: 7, creative: 8 });
        expect(all.facets.disciplines.textile).toBe(idsWhere((f) => f.disciplines.includes('textile')).length);

        const textile = await find(name, 'tekstil', { facets: ['kind', 'municipality', 'disciplines'] });
        expect(sorted(textile.hits.map((h) => h.id))).toEqual(['c-kamnik-razstava', 'c-trzic-predpasniki', 'cr-loka-blueprint']);
        expect(textile.facets.kind).toEqual({ challenge: 2, creative: 1 });
        expect(textile.facets.municipality).toEqual({ kamnik: 1, trzic: 1, 'skofja-loka': 1 });
        expect(textile.facets.disciplines).toEqual({ textile: 3, heritage: 1 });

        const filtered = await find(name, 'tekstil', { facets: ['kind', 'municipality'], filters: { kind: ['challenge'] } });
        expect(filtered.total).toBe(2);
        expect(filtered.facets).toEqual({ kind: { challenge: 2 }, municipality: { kamnik: 1, trzic: 1 } });
      });

      it('sorts by a number both ways', async () => {
        const byCreated = [...RAW_FIXTURES].sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0)).map((f) => f.id);
        expect(await ids(name, '', { sort: { field: 'createdAt', direction: 'asc' } })).toEqual(byCreated);
        expect(await ids(name, '', { sort: { field: 'createdAt', direction: 'desc' } })).toEqual([...byCreated].reverse());
        const challengesByBudget = RAW_FIXTURES.filter((f) => f.kind === 'challenge').sort((a, b) => (b.budget ?? 0) - (a.budget ?? 0));
        expect(await ids(name, '', { filters: { kind: ['challenge'] }, sort: { field: 'budget', direction: 'desc' } })).toEqual(
          challengesByBudget.map((f) => f.id),
        );
        expect(await ids(name, 'Kranj', { sort: { field: 'createdAt', direction: 'desc' } })).toEqual(
          ['c-kranj-startup', 'cr-crna-keramika', 'cr-kranj-keramika'],
        );
      });

      it('pages with offset and limit without changing the total', async () => {
        const sort = { field: 'createdAt', direction: 'asc' } as const;
        const full = await ids(name, '', { sort });
        const pages: string[] = [];
        for (let offset = 0; offset < 15; offset += 4) {
          const page = await find(name, '', { sort, offset, limit: 4 });
          expect(page.total).toBe(15);
          pages.push(...page.hits.map((h) => h.id));
        }
        expect(pages).toEqual(full);
        expect(await ids(name, '', { sort, offset: 3, limit: 5 })).toEqual(full.slice(3, 8));
        const beyond = await find(name, '', { sort, offset: 20, limit: 5 });
        expect(beyond.hits).toEqual([]);
        expect(beyond.total).toBe(15);
      });

      it('pages a relevance-ordered result stably', async () => {
        const full = await ids(name, 'keramika');
        const paged: string[] = [];
        for (let offset = 0; offset < full.length; offset++) paged.push(...(await ids(name, 'keramika', { offset, limit: 1 })));
        expect(paged).toEqual(full);
      });
    });
  });
}
