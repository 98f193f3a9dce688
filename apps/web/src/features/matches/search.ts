/** URL state of the pages here; every field has a fallback, defaults are left out. */
const cursor = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined);

export function validateMatchesSearch(raw: Record<string, unknown>): { all?: true } {
  return raw.all === true || raw.all === 'true' ? { all: true } : {};
}

export function validateNeedsSearch(raw: Record<string, unknown>): { after?: string } {
  const after = cursor(raw.after);
  return after ? { after } : {};
}

export const OFFER_OUTCOMES = ['created', 'saved'] as const;

export function validateOffersSearch(raw: Record<string, unknown>): { after?: string; done?: (typeof OFFER_OUTCOMES)[number] } {
  const after = cursor(raw.after);
  const done = OFFER_OUTCOMES.find((o) => o === raw.done);
  return { ...(after ? { after } : {}), ...(done ? { done } : {}) };
}
