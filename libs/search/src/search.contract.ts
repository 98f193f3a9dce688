/**
 * The behaviour every SearchPort adapter must show. Each adapter's spec calls
 * `describeSearchContract`; every test works in its own freshly named index, so the suite can run
 * against a shared Meilisearch. Queries go through `normaliseQuery`, as application code does.
 */
import { FIXTURE_DOCUMENTS, RAW_FIXTURES, fixtureDefinition, toSearchDocument } from './search.fixtures.js';
import { InvalidSearchRequestError, SearchIndexNotFoundError } from './search.errors.js';
import { SearchUnavailableError, type SearchDocument, type SearchPort, type SearchQuery, type SearchResult } from './search.port.js';
import { normaliseForIndex, normaliseQuery } from './text/normalise.js';

export interface ContractAdapter {
  port: SearchPort;
  close(): Promise<void>;
  /**
   * The same engine reached with a wrong API key and with none, for engines that have keys; or
   * the reason the auth cases do not apply (printed, and the cases are skipped).
   */
  auth: { wrongKey: SearchPort; noKey: SearchPort } | { skipReason: string };
}

/**
 * Documents of plain, already normalised words (no stemming can move them), for the typo, prefix,
 * score and matching cases: `title` is the first searchable field.
 */
function wordsDocument(id: string, title: string, description = ''): SearchDocument {
  return { id, title, place: '', description, kind: 'creative', disciplines: ['design'], municipality: 'kranj', language: 'sl' };
}

const ALL_IDS = RAW_FIXTURES.map((f) => f.id);
const BULK = 1_500;
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
        const badMatching = { matching: 'some' } as unknown as SearchQuery;
        await expect(port().search(name, badMatching)).rejects.toBeInstanceOf(InvalidSearchRequestError);
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
        const { hits } = await find(index, 'v Kranju');
        expect(hits.map((h) => h.id)).toEqual(['kranj', 'kranjska-gora']);
        expect(hits[0].score ?? 0).toBeGreaterThan(hits[1].score ?? 1);
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

    describe('typo and prefix rules (Meilisearch defaults)', () => {
      let index: string;
      beforeAll(async () => {
        index = freshName();
        await port().ensureIndex(fixtureDefinition(index));
        await port().upsert(index, [
          wordsDocument('zvon', 'zvon'),
          wordsDocument('tolmun', 'tolmun'),
          wordsDocument('svetilnik', 'svetilnik'),
          wordsDocument('pair', 'brambor lipicanec'),
          wordsDocument('filler', 'rezbar lonec'),
        ]);
      });
      const found = async (text: string) => (await port().search(index, { text, limit: 100 })).hits.map((h) => h.id).sort();

      it.each([
        ['zvon', ['zvon']],
        ['zvom', []],
      ])('allows no typo under 5 letters: %j', async (text, expected) => {
        expect(await found(text)).toEqual(expected);
      });

      it.each([
        ['tolmon', ['tolmun']],
        ['tilmon', []],
      ])('allows one typo from 5 to 8 letters, not two: %j', async (text, expected) => {
        expect(await found(text)).toEqual(expected);
      });

      it.each([
        ['svatilnek', ['svetilnik']],
        ['svatalnek', []],
      ])('allows two typos from 9 letters, not three: %j', async (text, expected) => {
        expect(await found(text)).toEqual(expected);
      });

      it.each([
        ['polmun', []],
        ['kvetilnik', ['svetilnik']],
        ['kvatilnik', []],
      ])('counts a typo on the first letter as two: %j', async (text, expected) => {
        expect(await found(text)).toEqual(expected);
      });

      it.each([
        ['tomlun', ['tolmun']],
        ['svetlinik', ['svetilnik']],
      ])('counts a transposition of adjacent letters as one typo: %j', async (text, expected) => {
        expect(await found(text)).toEqual(expected);
      });

      it('matches prefixes of the last query word only', async () => {
        expect(await found('lipicanec bram')).toEqual(['pair']);
        expect(await found('bram lipicanec')).toEqual([]);
        expect(await found('tolm')).toEqual(['tolmun']);
      });
    });

    describe('scores', () => {
      it('are absolute: a document keeps its score when other documents are added', async () => {
        const index = freshName();
        await port().ensureIndex(fixtureDefinition(index));
        // Others have shorter titles (more BM25 weight per word): a score relative to the best hit would drop.
        await port().upsert(index, [wordsDocument('target', 'brambor tolmun rezbar zvon', 'lonec')]);
        const scoreOf = async (text: string) => (await port().search(index, { text, limit: 100 })).hits.find((h) => h.id === 'target')?.score;
        const before = [await scoreOf('brambor tolmun'), await scoreOf('brambor tolmon'), await scoreOf('tolmun lonec')];
        const others = Array.from({ length: 30 }, (_, i) =>
          wordsDocument(`other-${i}`, ['brambor tolmun', 'brambor', 'tolmun lonec'][i % 3], i % 2 === 0 ? 'lonec svetilnik' : 'rezbar'),
        );
        await port().upsert(index, others);
        const after = [await scoreOf('brambor tolmun'), await scoreOf('brambor tolmon'), await scoreOf('tolmun lonec')];
        for (const [i, score] of before.entries()) {
          expect(score).toBeGreaterThan(0);
          expect(after[i]).toBeCloseTo(score ?? Number.NaN, 6);
        }
      });

      it("rank every word exact > every word with a typo > some words > one word, on an absolute scale ('any')", async () => {
        const index = freshName();
        await port().ensureIndex(fixtureDefinition(index));
        // Frequencies in the index: rezbar 4 < lipicanec 5 < svetilnik 7 < tolmun 9 < brambor 10.
        const fillers = [
          ...Array.from({ length: 2 }, (_, i) => wordsDocument(`f-lipicanec-${i}`, 'lipicanec')),
          ...Array.from({ length: 4 }, (_, i) => wordsDocument(`f-svetilnik-${i}`, 'svetilnik')),
          ...Array.from({ length: 6 }, (_, i) => wordsDocument(`f-tolmun-${i}`, 'tolmun')),
          ...Array.from({ length: 8 }, (_, i) => wordsDocument(`f-brambor-${i}`, 'brambor')),
        ];
        await port().upsert(index, [
          ...fillers,
          wordsDocument('one-word', 'rezbar'),
          wordsDocument('four-words', 'rezbar lipicanec svetilnik tolmun'),
          wordsDocument('typo', 'rezbar lipicanec svetilnik tolmon brambor'),
          wordsDocument('exact', 'rezbar lipicanec svetilnik tolmun brambor'),
        ]);
        const text = 'rezbar lipicanec svetilnik tolmun brambor';
        const any = await port().search(index, { text, matching: 'any', limit: 100 });
        expect(any.hits.map((h) => h.id)).toEqual(['exact', 'typo', 'four-words', 'one-word']);
        expect(any.total).toBe(4);
        const score = (id: string) => any.hits.find((h) => h.id === id)?.score ?? Number.NaN;
        expect(score('exact')).toBeGreaterThanOrEqual(0.9);
        expect(score('one-word')).toBeLessThanOrEqual(0.2);
        expect(score('exact')).toBeGreaterThan(score('typo'));
        expect(score('typo')).toBeGreaterThan(score('four-words'));
        expect(score('four-words')).toBeGreaterThan(score('one-word'));
        const all = await port().search(index, { text, limit: 100 });
        expect(all.hits.map((h) => h.id)).toEqual(['exact', 'typo']);
      });
    });

    describe("matching 'any' (Meilisearch matchingStrategy 'frequency'), the 10-word limit and multiSearch", () => {
      let index: string;
      const TEN = ['brambor', 'tolmun', 'svetilnik', 'lipicanec', 'rezbar', 'zvon', 'lonec', 'rrambor', 'bramobr', 'tipcanec'];
      beforeAll(async () => {
        index = freshName();
        await port().ensureIndex(fixtureDefinition(index));
        await port().upsert(index, [
          wordsDocument('ten', TEN.join(' ')),
          wordsDocument('common', 'brambor tolmun'),
          wordsDocument('common-2', 'brambor'),
          wordsDocument('common-3', 'tolmun'),
          wordsDocument('rare', 'lipicanec'),
        ]);
      });

      // Frequencies: lipicanec 2 < brambor 3 = tolmun 3 (equally frequent words are dropped together).
      it('returns the documents with the rarest matching word, drops words that match nothing, and ranks by matched words', async () => {
        const result = await port().search(index, { text: 'qqqa brambor tolmun lipicanec', matching: 'any', limit: 100 });
        expect(result.hits.map((h) => h.id)).toEqual(['ten', 'rare']);
        expect((await port().search(index, { text: 'qqqa brambor tolmun lipicanec', limit: 100 })).total).toBe(0);
        const common = await port().search(index, { text: 'brambor tolmun', matching: 'any', limit: 100 });
        expect(common.hits.map((h) => h.id).sort()).toEqual(['common', 'ten']);
        expect(common.total).toBe(2);
      });

      it('uses only the first 10 words of a query', async () => {
        expect((await port().search(index, { text: [...TEN, 'qqqz'].join(' ') })).hits.map((h) => h.id)).toEqual(['ten']);
        expect((await port().search(index, { text: ['qqqz', ...TEN].join(' ') })).total).toBe(0);
        const nothing = ['qqqa', 'qqqb', 'qqqc', 'qqqd', 'qqqe', 'qqqf', 'qqqg', 'qqqh', 'qqqi', 'qqqj'];
        expect((await port().search(index, { text: [...nothing, 'lipicanec'].join(' '), matching: 'any' })).total).toBe(0);
        expect((await port().search(index, { text: [...nothing.slice(1), 'lipicanec'].join(' '), matching: 'any' })).total).toBe(2);
      });

      it('multiSearch answers several queries on several indexes in order, as search does', async () => {
        const other = await seeded();
        const queries = [
          { index, query: { text: 'brambor tolmun', matching: 'any' as const, limit: 300 } },
          { index: other, query: { text: normaliseQuery('keramika'), facets: ['kind'] } },
          { index: other, query: { filters: { kind: ['challenge'] }, sort: { field: 'createdAt', direction: 'asc' as const }, offset: 2, limit: 3 } },
        ];
        const results = await port().multiSearch(queries);
        expect(results).toHaveLength(3);
        for (const [i, { index: name, query }] of queries.entries()) expect(results[i]).toEqual(await port().search(name, query));
        expect(await port().multiSearch([])).toEqual([]);
        await expect(port().multiSearch([...queries, { index: freshName(), query: {} }])).rejects.toBeInstanceOf(SearchIndexNotFoundError);
        await expect(port().multiSearch([{ index, query: { limit: -1 } }])).rejects.toBeInstanceOf(InvalidSearchRequestError);
      });
    });

    describe(`more than 1,000 documents (${BULK})`, () => {
      let index: string;
      beforeAll(async () => {
        index = freshName();
        await port().ensureIndex(fixtureDefinition(index));
        const docs = Array.from({ length: BULK }, (_, i) => ({
          ...wordsDocument(`bulk-${String(i).padStart(4, '0')}`, i % 3 === 0 ? 'brambor tolmun' : 'brambor'),
          kind: i < 900 ? 'challenge' : 'creative',
          disciplines: [i % 2 === 0 ? 'textile' : 'ceramics'],
          createdAt: i,
        }));
        await port().upsert(index, docs);
      }, 120_000);

      it('counts every match exactly, with and without text', async () => {
        expect((await port().search(index, { limit: 0 })).total).toBe(BULK);
        expect((await port().search(index, { text: 'brambor', limit: 0 })).total).toBe(BULK);
        expect((await port().search(index, { text: 'tolmun', limit: 0 })).total).toBe(BULK / 3);
        expect(await port().count(index)).toBe(BULK);
      });

      it('pages past the first 1,000 hits', async () => {
        const sort = { field: 'createdAt', direction: 'asc' } as const;
        const page = await port().search(index, { sort, offset: 1_200, limit: 100 });
        expect(page.total).toBe(BULK);
        expect(page.hits.map((h) => h.id)).toEqual(Array.from({ length: 100 }, (_, i) => `bulk-${1_200 + i}`));
        const first = await port().search(index, { text: 'brambor', limit: 1_000 });
        const rest = await port().search(index, { text: 'brambor', offset: 1_000, limit: 1_000 });
        expect(rest.hits).toHaveLength(BULK - 1_000);
        expect(new Set([...first.hits, ...rest.hits].map((h) => h.id)).size).toBe(BULK);
      });

      it('counts facets over every match', async () => {
        const all = await port().search(index, { facets: ['kind', 'disciplines'], limit: 0 });
        expect(all.facets).toEqual({ kind: { challenge: 900, creative: 600 }, disciplines: { textile: 750, ceramics: 750 } });
        const text = await port().search(index, { text: 'tolmun', facets: ['kind'], limit: 10 });
        expect(text.facets).toEqual({ kind: { challenge: 300, creative: 200 } });
      });
    });

    describe('auth errors', () => {
      it('a wrong or missing API key makes search unavailable, not the request invalid', async () => {
        const auth = adapter?.auth;
        if (!auth || 'skipReason' in auth) {
          console.warn(`[search contract] ${adapterName}: auth cases skipped: ${auth && 'skipReason' in auth ? auth.skipReason : 'no adapter'}`);
          return;
        }
        const name = await seeded();
        for (const other of [auth.wrongKey, auth.noKey]) {
          await expect(other.search(name, { text: 'modrotisk' })).rejects.toBeInstanceOf(SearchUnavailableError);
          await expect(other.upsert(name, FIXTURE_DOCUMENTS.slice(0, 1))).rejects.toBeInstanceOf(SearchUnavailableError);
          await expect(other.ensureIndex(fixtureDefinition(name))).rejects.toBeInstanceOf(SearchUnavailableError);
          await expect(other.multiSearch([{ index: name, query: {} }])).rejects.toBeInstanceOf(SearchUnavailableError);
        }
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
