import { describe, expect, it } from 'vitest';
import { clientAndYear, parseYear } from './portfolio-item.js';

describe('a portfolio item’s year and client', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  it('reads a year from 1900 to next year, empty as none, anything else as wrong', () => {
    expect(parseYear(' 2024 ', now)).toBe(2024);
    expect(parseYear('1900', now)).toBe(1900);
    expect(parseYear('2027', now)).toBe(2027);
    expect(parseYear('', now)).toBeNull();
    for (const wrong of ['1899', '2028', '24', '2024.5', '2.024', 'lani']) expect([wrong, parseYear(wrong, now)]).toEqual([wrong, Number.NaN]);
  });

  it('shows client and year together, or whichever there is', () => {
    expect(clientAndYear({ client: 'Alpina', year: 2024 })).toBe('Alpina, 2024');
    expect(clientAndYear({ client: ' Alpina ', year: null })).toBe('Alpina');
    expect(clientAndYear({ client: null, year: 2024 })).toBe('2024');
    expect(clientAndYear({ client: '  ', year: null })).toBeNull();
  });
});
