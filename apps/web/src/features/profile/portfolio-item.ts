/** A portfolio item's year and client: as the form reads them and as the list shows them. */
export const FIRST_YEAR = 1900;
export const CLIENT_MAX = 200;

/** The year as typed, if it is a whole year from 1900 to next year; null for an empty field; NaN for anything else. */
export function parseYear(typed: string, now = new Date()): number | null {
  const text = typed.trim();
  if (!text) return null;
  if (!/^\d{4}$/.test(text)) return Number.NaN;
  const year = Number(text);
  return year >= FIRST_YEAR && year <= now.getFullYear() + 1 ? year : Number.NaN;
}

/** "Alpina, 2024", "Alpina", "2024" or nothing. */
export function clientAndYear(item: { client: string | null; year: number | null }): string | null {
  const parts = [item.client?.trim() || null, item.year === null ? null : String(item.year)].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}
