import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotificationCategory } from '../notification-categories.js';

/**
 * The one-click unsubscribe link in every mail: `<account id>.<categories>.<HMAC>`. It works
 * without signing in and can do one thing only: turn those categories off for that account.
 */
export function unsubscribeToken(secret: string, accountId: string, categories: readonly NotificationCategory[]): string {
  const list = [...new Set(categories)].sort().join('+');
  return `${accountId}.${list}.${mac(secret, accountId, list)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { accountId: string; categories: NotificationCategory[] } | null {
  const match = /^([0-9a-f-]{36})\.([A-Z+]{1,200})\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
  if (!match) return null;
  const [, accountId, list, given] = match;
  const expected = Buffer.from(mac(secret, accountId, list));
  if (expected.length !== Buffer.byteLength(given) || !timingSafeEqual(expected, Buffer.from(given))) return null;
  const categories = list.split('+');
  const known = Object.values(NotificationCategory) as string[];
  return categories.every((c) => known.includes(c)) ? { accountId, categories: categories as NotificationCategory[] } : null;
}

function mac(secret: string, accountId: string, list: string): string {
  return createHmac('sha256', secret).update(`unsubscribe.${accountId}.${list}`).digest('base64url');
}
