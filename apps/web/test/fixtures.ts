import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { enCatalogue, slCatalogue, type Catalogue } from './catalogue.js';
import { ports } from '../playwright.config.js';

export { expect };
export type { Catalogue };

/** The catalogue of the project's language: locators use the same words users read. */
export const test = base.extend<{ text: Catalogue; lang: 'sl' | 'en'; axe: (page: Page) => Promise<void> }>({
  lang: async ({ locale }, use) => use(locale?.startsWith('en') ? 'en' : 'sl'),
  text: async ({ lang }, use) => use(lang === 'en' ? enCatalogue : slCatalogue),
  // Playwright requires a destructuring pattern for a fixture's first argument, even when empty.
  // eslint-disable-next-line no-empty-pattern
  axe: async ({}, use, testInfo) => {
    await use(async (page: Page) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (results.violations.length > 0) await testInfo.attach(`axe ${page.url()}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
      expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    });
  },
});

/** i18next's {{name}} interpolation, for expected texts. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name] ?? ''));
}

export async function gql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The newest mail to `to` in the local mail catcher, quoted-printable soft breaks undone. */
export async function mailTo(request: APIRequestContext, to: string, contains: string): Promise<string> {
  const catcher = `http://127.0.0.1:${ports.mail}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const list = (await (await request.get(`${catcher}/api/messages`)).json()) as { file: string; to: string }[];
    for (const message of list.filter((m) => m.to.toLowerCase() === to.toLowerCase())) {
      const raw = (await (await request.get(`${catcher}/messages/${encodeURIComponent(message.file)}/raw`)).text()).replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      if (raw.includes(contains)) return raw;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${to} containing ${contains}`);
}

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
