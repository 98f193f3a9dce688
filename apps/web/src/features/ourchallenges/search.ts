import { CREATIVE_KINDS, STEPS, type CreativeKind, type Step } from './form.js';

/** URL state of the pages here; every field has a fallback, defaults are left out. */
const cursor = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined);
const code = (value: unknown): string | undefined => (typeof value === 'string' && /^[a-z0-9-]{2,64}$/.test(value) ? value : undefined);

export function validateListSearch(raw: Record<string, unknown>): { after?: string } {
  const after = cursor(raw.after);
  return after ? { after } : {};
}

export interface EditorSearch {
  step?: Exclude<Step, 'basics'>;
  preview?: true;
  created?: true;
}

/** ?step=brief (basics is the default), ?preview=true, ?created=true after a new draft. */
export function validateEditorSearch(raw: Record<string, unknown>): EditorSearch {
  const step = STEPS.find((s) => s === raw.step && s !== 'basics') as EditorSearch['step'];
  return {
    ...(step ? { step } : {}),
    ...(raw.preview === true || raw.preview === 'true' ? { preview: true as const } : {}),
    ...(raw.created === true || raw.created === 'true' ? { created: true as const } : {}),
  };
}

export const AVAILABILITIES = ['AVAILABLE', 'LIMITED', 'UNAVAILABLE'] as const;

export interface MatchesSearch {
  after?: string;
  kind?: CreativeKind;
  municipality?: string;
  language?: string;
  availability?: (typeof AVAILABILITIES)[number];
}

export function validateMatchesSearch(raw: Record<string, unknown>): MatchesSearch {
  const after = cursor(raw.after);
  const kind = CREATIVE_KINDS.find((k) => k === raw.kind);
  const municipality = code(raw.municipality);
  const language = typeof raw.language === 'string' && /^[a-z]{2}$/.test(raw.language) ? raw.language : undefined;
  const availability = AVAILABILITIES.find((a) => a === raw.availability);
  return { ...(after ? { after } : {}), ...(kind ? { kind } : {}), ...(municipality ? { municipality } : {}), ...(language ? { language } : {}), ...(availability ? { availability } : {}) };
}

/** The API filter for the URL's filters (null: none). */
export function matchFilter(search: MatchesSearch) {
  const filter = {
    ...(search.kind ? { kinds: [search.kind] } : {}),
    ...(search.municipality ? { municipalities: [search.municipality] } : {}),
    ...(search.language ? { languages: [search.language] } : {}),
    ...(search.availability ? { availability: [search.availability] } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : null;
}
