import fc from 'fast-check';
import { findUnsafeInput, isCalendarDate, parseStrictDateTime, stringProblem } from './input-safety.js';

const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
/** A NUL, a lone high or low surrogate, or a bidi control. */
const badChar = fc.oneof(
  fc.constant('\u0000'),
  fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xdc00, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(...BIDI_CONTROLS),
);
/** Well-formed text with none of the refused characters (any plane, so emoji and RTL letters too). */
const goodText = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000') && !/[\u202A-\u202E\u2066-\u2069]/.test(s));

describe('stringProblem', () => {
  it('refuses a NUL, a lone surrogate or a bidi control anywhere in the text', () => {
    fc.assert(fc.property(goodText, badChar, goodText, (before, bad, after) => {
      // A high surrogate followed by a low one would be a valid pair, not a lone surrogate.
      fc.pre(!(/[\uD800-\uDBFF]/.test(bad) && /^[\uDC00-\uDFFF]/.test(after)) && !(/[\uDC00-\uDFFF]/.test(bad) && /[\uD800-\uDBFF]$/.test(before)));
      expect(stringProblem(before + bad + after)).toBeDefined();
    }));
  });

  it('accepts any well-formed text without them: Slovenian, emoji, Arabic and Hebrew letters', () => {
    fc.assert(fc.property(goodText, (text) => expect(stringProblem(text)).toBeUndefined()));
    for (const text of ['Čebelarstvo, šivanje in žlahtni les', '🧵🐝👩🏽‍🎨', 'مرحبا بالعالم', 'שלום עולם', 'a\u200Fb']) expect(stringProblem(text)).toBeUndefined();
  });
});

describe('findUnsafeInput', () => {
  it('names the path of the first unsafe value in nested objects and lists', () => {
    expect(findUnsafeInput({ title: { sl: 'ok', en: 'a\u0000' } }, 'input')).toMatchObject({ path: 'input.title.en' });
    expect(findUnsafeInput({ ids: ['a', 'b\uD800'] }, '')).toMatchObject({ path: 'ids.1' });
    expect(findUnsafeInput('\u202Eevil', 'id')).toMatchObject({ path: 'id' });
    expect(findUnsafeInput({ deadline: new Date(Number.NaN) }, 'input')).toMatchObject({ path: 'input.deadline' });
    expect(findUnsafeInput({ a: [1, true, null, new Date(), { b: 'Žiri 🏔️' }] }, 'input')).toBeUndefined();
  });
});

describe('parseStrictDateTime', () => {
  it('reads back every instant from 1900 to 2200 as JavaScript writes it', () => {
    const inRange = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59.999Z'), noInvalidDate: true });
    fc.assert(fc.property(inRange, (date) => expect(parseStrictDateTime(date.toISOString())?.getTime()).toBe(date.getTime())));
  });

  it('refuses days that do not exist, year 0000, years out of range and expanded years', () => {
    for (const text of ['2027-02-30', '2027-02-29T10:00:00Z', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01', '0000-01-01T00:00:00Z', '1899-12-31', '2201-01-01',
      '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:60:00Z', '2026-01-01T10:00:00+15:00', '2026-1-1', 'yesterday', '']) {
      expect(parseStrictDateTime(text)).toBeUndefined();
    }
    expect(parseStrictDateTime('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(parseStrictDateTime('2027-03-01T10:00:00+01:00')?.toISOString()).toBe('2027-03-01T09:00:00.000Z');
  });

  it('isCalendarDate: a real YYYY-MM-DD only', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
      expect(isCalendarDate(text)).toBe(real);
    }));
    expect(isCalendarDate('2027-02-28T00:00:00Z')).toBe(false);
  });
});
