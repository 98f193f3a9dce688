import fc from 'fast-check';
import { fold, icsCalendar, icsText } from './agenda.service.js';

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
/** RFC 5545 §3.3.11 TEXT unescaping. */
const unescape = (text: string) => text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
/** What a TEXT value can carry: every line break is LF, no other control character but TAB, no lone surrogate. */
const expected = (value: string) => value.replace(/\p{Cs}/gu, '\uFFFD').replace(/\r\n|[\r\u0085\u2028\u2029]/g, '\n').replace(/(?![\t\n])\p{Cc}/gu, '');

/** Any UTF-16 string, weighted towards the characters that matter: line breaks, escapes, multi-byte and astral characters. */
const anyText = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constantFrom('\r', '\n', '\r\n', '\\', ';', ',', ':', '"', '\t', '\u0000', '\u0085', '\u2028', 'č', 'Ž', '€', '😀', 'BEGIN:VEVENT', '\\n'), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 2 },
  ),
  maxLength: 200,
});

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and every kind of line break', () => {
    expect(icsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    // The defect: a lone CR ended the content line (Outlook and others treat CR as a line end).
    expect(icsText('Title\rATTENDEE:mailto:x@example.com')).toBe('Title\\nATTENDEE:mailto:x@example.com');
    expect(icsText('a\r\nb\u2028c\u0085d\u0000e')).toBe('a\\nb\\nc\\nde');
  });

  it('folds lines longer than 75 octets without splitting a UTF-8 character, and unfolds to the original', () => {
    const line = `SUMMARY:${'Sestanek s Čevljarno Žiri in Šivilijo '.repeat(4)}`;
    const folded = fold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(fold('SHORT:x')).toBe('SHORT:x');
  });

  it('for any string: one content line of at most 75 octets per physical line, no bare CR or LF, and it unfolds and unescapes to the value', () => {
    fc.assert(fc.property(anyText, (value) => {
      const folded = fold(`SUMMARY:${icsText(value)}`);
      const lines = folded.split('\r\n');
      for (const [i, line] of lines.entries()) {
        expect(octets(line)).toBeLessThanOrEqual(75);
        expect(line).not.toMatch(/[\r\n]/);
        if (i > 0) expect(line.startsWith(' ')).toBe(true);
        // Never inside a UTF-8 character: each physical line is valid UTF-8 on its own.
        expect(Buffer.from(Buffer.from(line, 'utf8').toString('utf8'), 'utf8').equals(Buffer.from(line, 'utf8'))).toBe(true);
        expect(line).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      }
      const unfolded = unfold(folded);
      expect(unfolded.startsWith('SUMMARY:')).toBe(true);
      // Every ; and , in the value is escaped, so a parser sees no parameter or list separators.
      expect(unfolded.slice(8)).toMatch(/^(?:\\[\\;,n]|[^\\;,\r\n])*$/);
      expect(unescape(unfolded.slice(8))).toBe(expected(value));
    }), { numRuns: 2000 });
  });

  it('for any names and places, a calendar has exactly its own properties: nothing a value holds becomes a line of its own', () => {
    const event = fc.record({ summary: anyText, location: anyText, description: anyText });
    fc.assert(fc.property(anyText, fc.array(event, { maxLength: 3 }), (name, events) => {
      const start = new Date('2026-12-03T09:00:00Z');
      const ics = icsCalendar(name, events.map((e, i) => ({ ...e, uid: `id-${i}@modrotisk`, startsAt: start, endsAt: new Date(start.getTime() + 1_200_000), sequence: 2 })), start);
      expect(ics.endsWith('\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of ics.slice(0, -2).split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
      const lines = unfold(ics).slice(0, -2).split('\r\n');
      const names = lines.map((l) => /^[A-Z-]+(?=[:;])/.exec(l)?.[0]);
      const vevent = ['BEGIN', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'LOCATION', 'DESCRIPTION', 'SEQUENCE', 'STATUS', 'END'];
      expect(names).toEqual(['BEGIN', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'X-WR-CALNAME', ...events.flatMap(() => vevent), 'END']);
      expect(unescape(lines[5].slice('X-WR-CALNAME:'.length))).toBe(expected(name));
      events.forEach((e, i) => {
        const at = 6 + i * vevent.length;
        expect(unescape(lines[at + 5].slice('SUMMARY:'.length))).toBe(expected(e.summary));
        expect(unescape(lines[at + 6].slice('LOCATION:'.length))).toBe(expected(e.location));
        expect(unescape(lines[at + 7].slice('DESCRIPTION:'.length))).toBe(expected(e.description));
      });
    }), { numRuns: 300 });
  });
});
