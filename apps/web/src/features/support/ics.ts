/**
 * A one-event iCalendar file (RFC 5545) for a deadline: an all-day-free event of 30 minutes ending
 * at the deadline, so calendars show it at the right time in every zone. Text is escaped and lines
 * are folded at 75 octets.
 */
export interface DeadlineEvent {
  uid: string;
  /** The deadline (ISO 8601). */
  deadline: string;
  summary: string;
  description: string;
  url: string;
  /** When the file is made (for DTSTAMP); defaults to now. */
  now?: Date;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line (continuations start with a space). */
export function fold(line: string): string {
  const bytes = new TextEncoder();
  const out: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = out.length === 0 ? 75 : 74;
    if (bytes.encode(current + char).length > limit) {
      out.push(current);
      current = char;
    } else {
      current += char;
    }
  }
  out.push(current);
  return out.join('\r\n ');
}

export function deadlineIcs(event: DeadlineEvent): string {
  const end = new Date(event.deadline);
  const start = new Date(end.getTime() - 30 * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Modrotisk//Support measures//SL',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp(event.now ?? new Date())}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${event.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
