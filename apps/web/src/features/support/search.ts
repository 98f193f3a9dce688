/** The directory's search state, held in the URL. Every field has a fallback; defaults are left out. */
export const CREATIVE_KINDS = ['INDIVIDUAL', 'SOLE_PROPRIETOR', 'STUDIO_OR_FIRM', 'STUDENT', 'COLLECTIVE'] as const;
export const ORGANISATION_KINDS = [
  'COMPANY', 'MUNICIPALITY', 'MUSEUM', 'SCHOOL', 'FACULTY', 'CREATIVE_CENTRE', 'DEVELOPMENT_AGENCY', 'TOURIST_ORGANISATION', 'CHAMBER', 'NGO', 'OTHER',
] as const;
export const STATES = ['OPEN', 'CLOSED'] as const;
export const AMOUNT_BANDS = ['NONE', 'UP_TO_5000', 'UP_TO_50000', 'OVER_50000'] as const;

export type CreativeKind = (typeof CREATIVE_KINDS)[number];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface SupportSearch {
  q?: string;
  creativeKind?: CreativeKind;
  organisationKind?: OrganisationKind;
  /** A provider organisation's id. */
  provider?: string;
  state?: (typeof STATES)[number];
  amount?: (typeof AMOUNT_BANDS)[number];
  after?: string;
}

export const FACETS = ['creativeKind', 'organisationKind', 'provider', 'state', 'amount'] as const;
export type FacetKey = (typeof FACETS)[number];

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
};

const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined => allowed.find((a) => a === value);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateSupportSearch(raw: Record<string, unknown>): SupportSearch {
  const provider = text(raw.provider, 36);
  const search: SupportSearch = {
    q: text(raw.q, 200),
    creativeKind: oneOf(raw.creativeKind, CREATIVE_KINDS),
    organisationKind: oneOf(raw.organisationKind, ORGANISATION_KINDS),
    provider: provider && UUID.test(provider) ? provider : undefined,
    state: oneOf(raw.state, STATES),
    amount: oneOf(raw.amount, AMOUNT_BANDS),
    after: text(raw.after, 100),
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as SupportSearch;
}

/** The same search with one facet set (or cleared when it already has that value); paging starts again. */
export function toggleFacet(search: SupportSearch, key: FacetKey, value: string): SupportSearch {
  const next: Record<string, unknown> = { ...search, after: undefined };
  next[key] = search[key] === value ? undefined : value;
  return validateSupportSearch(next);
}

export function clearFacets(search: SupportSearch): SupportSearch {
  return validateSupportSearch({ q: search.q });
}

export function hasFacets(search: SupportSearch): boolean {
  return FACETS.some((f) => search[f] !== undefined);
}
