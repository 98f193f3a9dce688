import { describe, expect, it } from 'vitest';
import { amountOf, checkMeasure, dayInLjubljana, endOfDayInLjubljana, type MeasureValues } from './editor-rules.js';

const base: MeasureValues = {
  providerOrganisationId: 'org', titleSl: 'Mikro spodbude', titleEn: '', summarySl: '', summaryEn: '', textSl: '', textEn: '',
  creativeKinds: ['STUDENT'], organisationKinds: [], amountMinEur: '', amountMaxEur: '', deadline: '', callUrl: '',
};
const NOW = new Date('2026-12-03T12:00:00Z');

describe('support measure editor rules', () => {
  it('accepts a minimal measure (rolling, no amount)', () => {
    expect(checkMeasure(base, NOW)).toEqual({});
  });

  it('names each problem by its field', () => {
    expect(checkMeasure({ ...base, titleSl: ' ', creativeKinds: [], amountMinEur: '2000', amountMaxEur: '500', deadline: '2026-12-01', callUrl: 'http://x.si' }, NOW)).toEqual({
      titleSl: true, creativeKinds: true, amountMaxEur: true, deadline: true, callUrl: true,
    });
    expect(checkMeasure({ ...base, amountMinEur: '12,5' }, NOW)).toEqual({ amountMinEur: true });
    expect(checkMeasure({ ...base, deadline: '2027-02-30' }, NOW)).toEqual({ deadline: true });
  });

  it('reads amounts as whole euros, with thousands dots allowed', () => {
    expect(amountOf('2.000')).toBe(2000);
    expect(amountOf(' ')).toBeNull();
    expect(amountOf('-5')).toBeNaN();
  });

  it('puts a deadline day at 23:59 Ljubljana time, in winter and in summer', () => {
    expect(endOfDayInLjubljana('2027-01-15')?.toISOString()).toBe('2027-01-15T22:59:00.000Z');
    expect(endOfDayInLjubljana('2027-07-15')?.toISOString()).toBe('2027-07-15T21:59:00.000Z');
    expect(dayInLjubljana('2027-07-15T21:59:00.000Z')).toBe('2027-07-15');
    expect(dayInLjubljana('2027-01-15T23:30:00.000Z')).toBe('2027-01-16');
  });
});
