import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** The password every account made by the browser tests uses. */
export const PASSWORD = 'modri-tisk-na-platnu';

/** A tiny but real PNG (1×1): the API recognises files by their first bytes. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==', 'base64');

/** A GraphQL call as `token` (or anonymous); throws on any error, so seeding never half-succeeds unseen. */
export async function api<T>(request: APIRequestContext, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/**
 * axe, once React Aria's transient announcements point at live elements: a pending RAC control
 * announces itself through a role="img" node labelled by the control, kept for 7 s; when the
 * control is gone (its action navigated), axe flags that orphan (role-img-alt).
 */
export async function scan(page: Page, axe: (page: Page) => Promise<void>): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-live-announcer] [role="img"][aria-labelledby]')].every((node) => (node.getAttribute('aria-labelledby') ?? '').split(' ').some((id) => document.getElementById(id))),
    undefined,
    { timeout: 9_000 },
  );
  await axe(page);
}

/** Tab (or Shift+Tab) until `target` has focus; fails when it is not reached within `limit` presses. */
export async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, limit = 60): Promise<void> {
  const backwards = await target.evaluate((el) => Boolean(document.activeElement && el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING));
  for (let i = 0; i < limit && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  await expect(target).toBeFocused();
}
