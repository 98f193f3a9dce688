/** The home page's search state, held in the URL. Every field has a fallback; defaults are left out. */
export const TABS = ['all', 'challenges', 'creatives', 'needs', 'offers', 'organisations'] as const;
export type Tab = (typeof TABS)[number];

export const CHALLENGE_KINDS = ['INDUSTRY', 'PUBLIC_SERVICE', 'STUDENT_CONTEST', 'TOURISM', 'YOUTH_COMMUNITY'] as const;
export const REWARD_KINDS = ['PRIZE_MONEY', 'GRANT', 'JOB_OFFER', 'MENTORING', 'EXHIBITION', 'PRODUCTION'] as const;
/** Open: searchable challenges (the search index holds only these); awarded: published decisions. */
export const STATUSES = ['open', 'awarded'] as const;
export type Status = (typeof STATUSES)[number];

export interface HomeSearch {
  q?: string;
  tab?: Exclude<Tab, 'all'>;
  domain?: string;
  municipality?: string;
  /** Challenges only: a ChallengeKind. */
  kind?: (typeof CHALLENGE_KINDS)[number];
  /** Challenges only: a RewardKind. */
  reward?: (typeof REWARD_KINDS)[number];
  /** Challenges only: the deadline's month ("2027-03") or "none". */
  deadline?: string;
  /** Challenges only; "open" is the default and left out. */
  status?: Exclude<Status, 'open'>;
  /** Cursor of the page after which the shown tab continues. */
  after?: string;
}

/** The facets a visitor can set, named as in the URL. */
export const FACETS = ['domain', 'municipality', 'kind', 'reward', 'deadline', 'status'] as const;
export type FacetKey = (typeof FACETS)[number];
/** Facets only challenges have: with one of them set, the other kinds of results are not searched. */
export const CHALLENGE_FACETS: readonly FacetKey[] = ['kind', 'reward', 'deadline', 'status'];

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
};

const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined => allowed.find((a) => a === value);

export function validateHomeSearch(raw: Record<string, unknown>): HomeSearch {
  const tab = TABS.find((t) => t === raw.tab && t !== 'all') as HomeSearch['tab'];
  const deadline = text(raw.deadline, 7);
  const search: HomeSearch = {
    q: text(raw.q, 200),
    tab,
    domain: text(raw.domain, 60),
    municipality: text(raw.municipality, 60),
    kind: oneOf(raw.kind, CHALLENGE_KINDS),
    reward: oneOf(raw.reward, REWARD_KINDS),
    deadline: deadline && (deadline === 'none' || /^\d{4}-(0[1-9]|1[0-2])$/.test(deadline)) ? deadline : undefined,
    status: oneOf(raw.status, ['awarded'] as const),
    // A page cursor belongs to one tab's list.
    after: tab ? text(raw.after, 100) : undefined,
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as HomeSearch;
}

/** The same search with one facet set (or cleared when it already has that value); paging starts again. */
export function toggleFacet(search: HomeSearch, key: FacetKey, value: string): HomeSearch {
  const next: Record<string, unknown> = { ...search, after: undefined };
  next[key] = search[key] === value ? undefined : value;
  return validateHomeSearch(next);
}

export function clearFacets(search: HomeSearch): HomeSearch {
  return validateHomeSearch({ q: search.q, tab: search.tab });
}

export function hasFacets(search: HomeSearch): boolean {
  return FACETS.some((f) => search[f] !== undefined);
}

export function challengeOnly(search: HomeSearch): boolean {
  return CHALLENGE_FACETS.some((f) => search[f] !== undefined);
}

/** Lower case without diacritics: "Škofja" and "skofja" compare equal. */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
