import { InvalidSearchRequestError } from '../search.errors.js';
import { buildMeilisearchFilter, buildMeilisearchSort, pageWindow, quoteFilterValue } from './meilisearch-filter.js';

describe('quoteFilterValue', () => {
  it.each([
    ['kranj', '"kranj"'],
    ['Škofja Loka', '"Škofja Loka"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['\\"', '"\\\\\\""'],
    ['x" OR kind = "y', '"x\\" OR kind = \\"y"'],
    ['', '""'],
  ])('%j → %s', (value, expected) => {
    expect(quoteFilterValue(value)).toBe(expected);
  });

  it('escapes backslashes before quotes, so every quote stays escaped', () => {
    const quoted = quoteFilterValue('a\\"b');
    expect(quoted).toBe('"a\\\\\\"b"');
    // Undo Meilisearch-style escaping and get the original back.
    expect(quoted.slice(1, -1).replace(/\\(["\\])/g, '$1')).toBe('a\\"b');
  });
});

describe('buildMeilisearchFilter', () => {
  it('ORs values within a field and ANDs fields', () => {
    expect(buildMeilisearchFilter({ kind: ['challenge'], disciplines: ['textile', 'leather'] })).toBe(
      'kind IN ["challenge"] AND disciplines IN ["textile", "leather"]',
    );
  });

  it('skips empty value lists and returns undefined when nothing is left', () => {
    expect(buildMeilisearchFilter({ kind: [], municipality: ['ziri'] })).toBe('municipality IN ["ziri"]');
    expect(buildMeilisearchFilter({ kind: [] })).toBeUndefined();
    expect(buildMeilisearchFilter({})).toBeUndefined();
  });

  it('keeps injection attempts inside the quoted literal', () => {
    expect(buildMeilisearchFilter({ kind: ['"] OR kind EXISTS AND kind IN ["'] })).toBe(
      'kind IN ["\\"] OR kind EXISTS AND kind IN [\\""]',
    );
  });

  it.each(['in', 'AND', 'to', '_geoRadius', 'bad field', 'x)', ''])('rejects the field name %j', (name) => {
    expect(() => buildMeilisearchFilter({ [name]: ['x'] })).toThrow(InvalidSearchRequestError);
  });
});

describe('buildMeilisearchSort', () => {
  it('builds field:direction', () => {
    expect(buildMeilisearchSort({ field: 'createdAt', direction: 'desc' })).toEqual(['createdAt:desc']);
    expect(buildMeilisearchSort(undefined)).toBeUndefined();
    expect(() => buildMeilisearchSort({ field: 'a:b', direction: 'asc' })).toThrow(InvalidSearchRequestError);
  });
});

describe('pageWindow', () => {
  it.each([
    [0, 20, { page: 1, hitsPerPage: 20, skip: 0 }],
    [40, 20, { page: 3, hitsPerPage: 20, skip: 0 }],
    [3, 5, { page: 1, hitsPerPage: 8, skip: 3 }],
    [7, 0, { page: 1, hitsPerPage: 0, skip: 0 }],
  ])('offset %i limit %i → %j', (offset, limit, expected) => {
    expect(pageWindow(offset, limit)).toEqual(expected);
  });
});
