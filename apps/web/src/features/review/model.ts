/** Pure helpers of the review pages (tested in review.test.ts). */

export const FILTERS = ['SUBMITTED', 'WITHDRAWN', 'SHORTLISTED', 'AWARDED'] as const;
export type ProposalFilter = (typeof FILTERS)[number];

export interface InboxSearch {
  status?: ProposalFilter;
}

/** The inbox's URL state: a known filter or none (a hand-edited link never crashes). */
export function validateInboxSearch(raw: Record<string, unknown>): InboxSearch {
  const status = typeof raw.status === 'string' ? raw.status.toUpperCase() : '';
  return (FILTERS as readonly string[]).includes(status) ? { status: status as ProposalFilter } : {};
}

interface ProposalState {
  status: string;
  shortlistedAt: string | null;
  outcome: string | null;
}

/** Whether a proposal belongs under a filter (shortlisted and awarded are submitted ones with that mark). */
export function matchesFilter(p: ProposalState, filter: ProposalFilter | undefined): boolean {
  switch (filter) {
    case undefined:
      return true;
    case 'SUBMITTED':
    case 'WITHDRAWN':
      return p.status === filter;
    case 'SHORTLISTED':
      return p.status === 'SUBMITTED' && p.shortlistedAt !== null;
    case 'AWARDED':
      return p.status === 'SUBMITTED' && p.outcome === 'AWARDED';
  }
}

interface Membership {
  role: string;
  organisation: { id: string };
}

/** The caller's role in an organisation: OWNER, EDITOR, REVIEWER or null. */
export function roleIn(memberships: readonly Membership[], organisationId: string): string | null {
  return memberships.find((m) => m.organisation.id === organisationId)?.role.toUpperCase() ?? null;
}

/** Each criterion's share of the rubric in whole percent (weights need not add up to 100). */
export function weightPercents(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? Math.round((w / total) * 100) : 0));
}

/** A score field's text as a whole number 0-10, or null when it is not one. */
export function parseScore(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= 10 ? n : null;
}

/** "12000", "12 000", "12.000" -> 12000; empty or not a whole number of euros -> null. */
export function parseWholeEuros(text: string): number | null {
  const digits = text.replace(/[\s.\u00a0\u202f]/g, '').replace(/€|eur/gi, '');
  if (!/^\d{1,9}$/.test(digits)) return null;
  return Number(digits);
}

/** A `datetime-local` value ("2027-03-15T12:00") read as Slovenian time, or null. */
export function ljubljanaDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The offset of Ljubljana at that moment (CET +1 or CEST +2), found by formatting the UTC guess there.
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Ljubljana', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(asUtc));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const result = new Date(asUtc - (shown - asUtc));
  return Number.isNaN(result.getTime()) ? null : result;
}
