/**
 * The header's unread count is one query; anything that changes it (marking read) asks the header
 * to fetch it again through this tiny signal, since a mutation answering an Int invalidates nothing
 * in urql's document cache.
 */
const listeners = new Set<() => void>();

export function onUnreadChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function unreadChanged(): void {
  for (const listener of listeners) listener();
}
