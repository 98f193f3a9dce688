import type { IndexDefinition, SearchDocument, SearchQuery, SearchResult } from '../search.port.js';
import { parseSearchQuery } from '../validation.js';
import { OramaIndex } from './orama-index.js';

/**
 * Without facets or sort, `search` takes a fast path that orders only the first offset + limit
 * matches. Asking for a facet takes the path that sorts every match; both must give the same
 * page, scores and total.
 */

const WORDS = ['tekstil', 'tekstilni', 'tekstol', 'tkanina', 'keramika', 'keramik', 'kranj', 'kranjska', 'modrotisk', 'usnje', 'usnja', 'les', 'lesen', 'steklo', 'steklar', 'gora'];
const CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const definition: IndexDefinition = { name: 'fast', searchableFields: ['title', 'tags', 'body'], filterableFields: ['kind', 'codes'], sortableFields: ['createdAt'] };

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function documents(count: number, seed: number, prefix: string): SearchDocument[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const words = (max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(WORDS)).join(' ');
  return Array.from({ length: count }, (_, n) => ({
    // Ids out of insertion order, so that "first added" and "by id" differ.
    id: `${prefix}${String((n * 7919) % count).padStart(4, '0')}`,
    title: words(2),
    tags: words(4),
    body: words(10),
    kind: pick(['x', 'y']),
    codes: [...new Set([pick(CODES), pick(CODES)])],
    createdAt: n,
  }));
}

const FILTERS: SearchQuery['filters'][] = [{}, { codes: ['a'] }, { codes: ['b', 'f'] }, { kind: ['x'], codes: ['c', 'd'] }, { codes: ['nope'] }];
const TEXTS = ['tekstil', 'kera', 'kranj', 'les', 'tekstol', 'tkanina', 'steklarstvo', 'zzz', 'kranj les', 'tekstil gora keramika'];
const PAGES = [
  { offset: 0, limit: 10 },
  { offset: 0, limit: 100 },
  { offset: 7, limit: 13 },
  { offset: 95, limit: 20 },
  { offset: 0, limit: 1000 },
  { offset: 2000, limit: 5 },
  { offset: 3, limit: 0 },
];

function run(index: OramaIndex, query: SearchQuery): SearchResult {
  return index.search(parseSearchQuery(query));
}

function expectFastEqualsSlow(index: OramaIndex, query: SearchQuery): SearchResult {
  const fast = run(index, query);
  const slow = run(index, { ...query, facets: ['kind'] });
  expect(fast.facets).toEqual({});
  expect({ hits: fast.hits, total: fast.total }).toEqual({ hits: slow.hits, total: slow.total });
  return fast;
}

describe('OramaIndex fast path', () => {
  const docs = documents(500, 7, 'd');
  const index = new OramaIndex(definition, docs);
  const passes = (doc: SearchDocument, filters: SearchQuery['filters'] = {}) =>
    Object.entries(filters).every(([field, list]) => [doc[field]].flat().some((v) => list.includes(String(v))));

  it('gives filter-only queries the same page and total as sorting every match: first added first', () => {
    let partial = 0;
    for (const filters of FILTERS) {
      const expected = docs.filter((d) => passes(d, filters)).map((d) => d.id);
      for (const page of PAGES) {
        const result = expectFastEqualsSlow(index, { filters, ...page });
        expect(result.total).toBe(expected.length);
        expect(result.hits).toEqual(expected.slice(page.offset, page.offset + page.limit).map((id) => ({ id })));
        if (page.limit > 0 && page.limit < result.total) partial += 1;
      }
    }
    expect(partial).toBeGreaterThan(10);
  });

  it('gives text queries the same page, scores and total as sorting every match', () => {
    let partial = 0;
    for (const text of TEXTS) {
      for (const filters of FILTERS) {
        for (const page of PAGES) {
          const result = expectFastEqualsSlow(index, { text, filters, ...page });
          const scores = result.hits.map((h) => h.score ?? Number.NaN);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
          for (const s of scores) expect(s >= 0 && s <= 1).toBe(true);
          if (page.limit > 0 && page.limit < result.total) partial += 1;
        }
      }
    }
    expect(partial).toBeGreaterThan(40);
  });

  it('pages through a result without gaps or repeats', () => {
    const queries: SearchQuery[] = [{ text: 'tekstil' }, { filters: { codes: ['a', 'b'] } }, { text: 'les', filters: { kind: ['y'] } }];
    for (const query of queries) {
      const all = run(index, { ...query, limit: 1000 });
      const paged: string[] = [];
      for (let offset = 0; offset < all.total; offset += 17) paged.push(...run(index, { ...query, offset, limit: 17 }).hits.map((h) => h.id));
      expect(paged).toEqual(all.hits.map((h) => h.id));
    }
  });

  it('stays right as documents are replaced, removed and added', () => {
    const changing = new OramaIndex(definition, documents(300, 11, 'c'));
    changing.upsert(documents(120, 12, 'c').slice(0, 60));
    changing.remove(documents(300, 11, 'c').slice(100, 140).map((d) => d.id));
    changing.upsert(documents(400, 13, 'n'));
    for (const text of ['', 'tekstil', 'kranj les']) {
      for (const filters of FILTERS) {
        for (const page of PAGES) {
          const result = expectFastEqualsSlow(changing, { text, filters, ...page });
          for (const hit of result.hits) expect(changing.has(hit.id)).toBe(true);
          if (!text) {
            const expected = [...changing.all()].filter((d) => passes(d, filters));
            expect(result.total).toBe(expected.length);
          }
        }
      }
    }
    expect(run(changing, {}).total).toBe(changing.size);
  });
});
