/** The inbox's URL state: the unread filter and the page cursor. Every field has a fallback; defaults are left out. */
export interface InboxSearch {
  unread?: true;
  after?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateInboxSearch(raw: Record<string, unknown>): InboxSearch {
  const search: InboxSearch = {};
  if (raw.unread === true || raw.unread === 'true' || raw.unread === 1 || raw.unread === '1') search.unread = true;
  if (typeof raw.after === 'string' && UUID.test(raw.after)) search.after = raw.after;
  return search;
}

export function inboxVariables(search: InboxSearch, first: number) {
  return { first, after: search.after ?? null, unreadOnly: search.unread ?? false };
}
