import { describe, expect, it } from 'vitest';
import { ljubljanaDateTime, matchesFilter, parseScore, parseWholeEuros, roleIn, validateInboxSearch, weightPercents } from './model.js';

describe('the proposals inbox', () => {
  it('reads the status filter from the URL with a fallback', () => {
    expect(validateInboxSearch({ status: 'WITHDRAWN' })).toEqual({ status: 'WITHDRAWN' });
    expect(validateInboxSearch({ status: 'awarded' })).toEqual({ status: 'AWARDED' });
    expect(validateInboxSearch({ status: "x' OR 1=1" })).toEqual({});
    expect(validateInboxSearch({ status: 3 })).toEqual({});
  });

  it('files shortlisted and awarded proposals under their marks, withdrawn ones never', () => {
    const submitted = { status: 'SUBMITTED', shortlistedAt: null, outcome: null };
    const awarded = { status: 'SUBMITTED', shortlistedAt: '2026-01-01T00:00:00Z', outcome: 'AWARDED' };
    const withdrawn = { status: 'WITHDRAWN', shortlistedAt: null, outcome: 'AWARDED' };
    expect([submitted, awarded, withdrawn].map((p) => matchesFilter(p, 'AWARDED'))).toEqual([false, true, false]);
    expect([submitted, awarded, withdrawn].map((p) => matchesFilter(p, 'SHORTLISTED'))).toEqual([false, true, false]);
    expect([submitted, awarded, withdrawn].map((p) => matchesFilter(p, undefined))).toEqual([true, true, true]);
  });

  it("knows the caller's role in the organisation", () => {
    const memberships = [{ role: 'owner', organisation: { id: 'a' } }, { role: 'REVIEWER', organisation: { id: 'b' } }];
    expect([roleIn(memberships, 'a'), roleIn(memberships, 'b'), roleIn(memberships, 'c')]).toEqual(['OWNER', 'REVIEWER', null]);
  });
});

describe('forms of the review pages', () => {
  it('accepts whole scores 0 to 10 only', () => {
    expect(['0', '10', ' 7 ', '11', '7.5', '-1', '', 'a'].map(parseScore)).toEqual([0, 10, 7, null, null, null, null, null]);
  });

  it('reads euros the way people type them', () => {
    expect(['12000', '12 000', '12.000', '0', '5000 €', '', '1,5', '-3'].map(parseWholeEuros)).toEqual([12000, 12000, 12000, 0, 5000, null, null, null]);
  });

  it('shows weights as shares of the rubric', () => {
    expect(weightPercents([60, 40])).toEqual([60, 40]);
    expect(weightPercents([2, 1, 1])).toEqual([50, 25, 25]);
    expect(weightPercents([0])).toEqual([0]);
  });

  it('reads a date and time as Slovenian time, summer and winter', () => {
    expect(ljubljanaDateTime('2027-01-15T12:00')?.toISOString()).toBe('2027-01-15T11:00:00.000Z');
    expect(ljubljanaDateTime('2027-07-15T12:00')?.toISOString()).toBe('2027-07-15T10:00:00.000Z');
    expect(ljubljanaDateTime('15. 7. 2027')).toBeNull();
  });
});
