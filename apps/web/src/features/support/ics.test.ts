import { describe, expect, it } from 'vitest';
import { deadlineIcs, escapeText, fold } from './ics.js';

describe('deadline calendar file', () => {
  it('ends the event at the deadline (UTC) and escapes text', () => {
    const ics = deadlineIcs({
      uid: 'abc@modrotisk', deadline: '2027-03-31T21:59:00.000Z', summary: 'Rok: Mikro spodbude, študenti; keramika', description: 'Vrstica 1\nVrstica 2', url: 'https://modrotisk.example/support/abc', now: new Date('2026-12-03T10:00:00Z'),
    });
    expect(ics).toContain('DTEND:20270331T215900Z\r\n');
    expect(ics).toContain('DTSTART:20270331T212900Z\r\n');
    expect(ics).toContain('DTSTAMP:20261203T100000Z\r\n');
    expect(ics).toContain('SUMMARY:Rok: Mikro spodbude\\, študenti\\; keramika\r\n');
    expect(ics).toContain('DESCRIPTION:Vrstica 1\\nVrstica 2\r\n');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines at 75 octets, counting multi-byte letters', () => {
    const line = `SUMMARY:${'š'.repeat(60)}`;
    const folded = fold(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(escapeText('a\\b')).toBe('a\\\\b');
  });
});
