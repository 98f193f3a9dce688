import { describe, expect, it } from 'vitest';
import { currentYear, validateComplianceSearch } from './search.js';

describe('validateComplianceSearch', () => {
  const now = currentYear();

  it('keeps a past year and the list view, and leaves defaults out', () => {
    expect(validateComplianceSearch({ year: now - 1, view: 'list' })).toEqual({ year: now - 1, view: 'list' });
    expect(validateComplianceSearch({ year: String(now - 2) })).toEqual({ year: now - 2 });
    expect(validateComplianceSearch({ year: now, view: 'grid' })).toEqual({});
  });

  it('drops years the API refuses and anything that is not a year', () => {
    expect(validateComplianceSearch({ year: 2021 })).toEqual({});
    expect(validateComplianceSearch({ year: now + 2 })).toEqual({});
    expect(validateComplianceSearch({ year: '20x4' })).toEqual({});
    expect(validateComplianceSearch({ year: 2024.5 })).toEqual({});
  });
});
