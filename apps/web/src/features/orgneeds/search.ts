/** What just happened on the need page (a banner says so); anything else is dropped. */
export const NEED_OUTCOMES = ['created', 'saved', 'published', 'closed'] as const;

export function validateNeedSearch(raw: Record<string, unknown>): { done?: (typeof NEED_OUTCOMES)[number] } {
  const done = NEED_OUTCOMES.find((o) => o === raw.done);
  return done ? { done } : {};
}
