import { describe, expect, it } from 'vitest';
import { clearFacets, hasFacets, toggleFacet, validateSupportSearch } from './search.js';

describe('support directory search params', () => {
  it('keeps known values and drops the rest', () => {
    expect(validateSupportSearch({ q: '  studenti ', creativeKind: 'STUDENT', state: 'SOMETIMES', amount: 'UP_TO_5000', provider: 'not-an-id', extra: 1 })).toEqual({ q: 'studenti', creativeKind: 'STUDENT', amount: 'UP_TO_5000' });
    expect(validateSupportSearch({ provider: '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab' })).toEqual({ provider: '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab' });
  });

  it('toggles a facet and restarts paging', () => {
    const search = validateSupportSearch({ q: 'x', state: 'OPEN', after: 'abc' });
    expect(toggleFacet(search, 'state', 'OPEN')).toEqual({ q: 'x' });
    expect(toggleFacet(search, 'organisationKind', 'COMPANY')).toEqual({ q: 'x', state: 'OPEN', organisationKind: 'COMPANY' });
    expect(hasFacets(search)).toBe(true);
    expect(clearFacets(search)).toEqual({ q: 'x' });
    expect(hasFacets(clearFacets(search))).toBe(false);
  });
});
