/** The home page's search state, held in the URL. Every field has a fallback; defaults are left out. */
export const TABS = ['all', 'challenges', 'creatives', 'needs', 'offers', 'organisations'] as const;
export type Tab = (typeof TABS)[number];

export interface HomeSearch {
  q?: string;
  tab?: Exclude<Tab, 'all'>;
  domain?: string;
  municipality?: string;
}

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
};

export function validateHomeSearch(raw: Record<string, unknown>): HomeSearch {
  const tab = TABS.find((t) => t === raw.tab && t !== 'all') as HomeSearch['tab'];
  const search: HomeSearch = { q: text(raw.q, 200), tab, domain: text(raw.domain, 60), municipality: text(raw.municipality, 60) };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as HomeSearch;
}

/** Lower case without diacritics: "Škofja" and "skofja" compare equal. */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
