/** URL state of /me/compliance: the board's year and view; defaults (this year, the grid) are left out. */
export const VIEWS = ['grid', 'list'] as const;
export type BoardView = (typeof VIEWS)[number];

/** The first year the rule is reported for (the API refuses earlier ones). */
export const FIRST_YEAR = 2022;

export function currentYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Ljubljana', year: 'numeric' }).format(now));
}

export function validateComplianceSearch(raw: Record<string, unknown>): { year?: number; view?: 'list' } {
  const year = typeof raw.year === 'number' ? raw.year : typeof raw.year === 'string' ? Number(raw.year) : NaN;
  const valid = Number.isInteger(year) && year >= FIRST_YEAR && year <= currentYear() + 1 && year !== currentYear();
  return { ...(valid ? { year } : {}), ...(raw.view === 'list' ? { view: 'list' as const } : {}) };
}
