import type { APIRequestContext, Page } from '@playwright/test';
import { api, PASSWORD, scan } from './helpers.js';
import { expect, fill, gql, mailTo, test, unique } from './fixtures.js';

/**
 * The region's support measures (issue 15 item 8): an organiser publishes a measure for students
 * in the editor; a student creative finds it among "support measures for you" with the reason; a
 * company, which may not apply, does not; the public directory finds it without diacritics.
 * The organiser is the demo organiser (seeded in development: the organiser role and BSC Kranj);
 * the creative and the company are new accounts per test.
 */

const ORGANISER = { email: 'organizator@demo.modrotisk.si', password: 'modrotisk-demo-2026' };

interface User {
  email: string;
  password: string;
  token: string;
}

async function login(request: APIRequestContext, email: string, password: string): Promise<User> {
  const { login: session } = await gql<{ login: { accessToken: string } }>(request, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password });
  return { email, password, token: session.accessToken };
}

/** Signs up through GraphQL, follows the mailed link, signs in. */
async function signUp(request: APIRequestContext, name: string): Promise<User> {
  const email = `support-${unique()}@example.si`;
  await gql(request, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { email, password: PASSWORD, displayName: name, locale: 'sl' } });
  const mail = await mailTo(request, email, '/verify-email?token=');
  const token = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail)?.[1];
  if (!token) throw new Error('no verification token in the mail');
  await gql(request, `mutation($token: String!) { verifyEmail(token: $token) }`, { token });
  return login(request, email, PASSWORD);
}

/** The browser signs in through the API (the refresh cookie lands in the page's context), then opens `path`. */
async function signIn(page: Page, user: { email: string; password: string }, path: string): Promise<void> {
  const response = await page.request.post('/auth/session', { data: { email: user.email, password: user.password } });
  expect(response.ok()).toBe(true);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('modrotisk.hasSession', '1'));
  await page.goto(path);
}

/** A day `days` from now as the date field takes it (YYYY-MM-DD, Slovenian calendar). */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

test('an organiser drafts a measure for students, fixes what is missing, publishes and closes it', async ({ page, text, axe }) => {
  // Several axe scans on a shared 2-core machine.
  test.setTimeout(120_000);
  const t = text.support;
  const title = `Spodbuda za študentske projekte ${unique()}`;
  await signIn(page, ORGANISER, '/me/support-measures');
  await expect(page.getByRole('heading', { level: 1, name: t.mine.title })).toBeVisible();
  await scan(page, axe);

  await page.getByRole('link', { name: t.mine.new }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.editor.newTitle })).toBeVisible();
  await scan(page, axe);

  // Nobody chosen who may apply, and an http link: the summary and the fields say what to fix.
  await page.getByLabel(t.editor.titleSl).fill(title);
  await page.getByLabel(t.editor.callUrl).fill('http://razpisi.example.si/mikro');
  await page.getByRole('button', { name: t.editor.createDraft }).click();
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: text.errors.summaryTitle }) });
  await expect(summary.getByRole('link', { name: t.editor.error.creativeKinds })).toBeVisible();
  await expect(summary.getByRole('link', { name: t.editor.error.callUrl })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(fill(text.errors.titlePrefix, { title: t.editor.newTitle }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await scan(page, axe);
  // Every value typed is kept.
  await expect(page.getByLabel(t.editor.titleSl)).toHaveValue(title);

  await page.getByText(t.creativeKind.STUDENT, { exact: true }).click();
  await page.getByLabel(t.editor.summarySl).fill('Do 2.000 EUR za študente, ki delajo s keramiko.');
  await page.getByLabel(t.editor.amountMin).fill('500');
  await page.getByLabel(t.editor.amountMax).fill('2000');
  await page.getByLabel(t.editor.deadline).fill(dayFromNow(30));
  await page.getByLabel(t.editor.callUrl).fill('https://razpisi.example.si/mikro');
  await page.getByRole('button', { name: t.editor.createDraft }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.editor.editTitle })).toBeVisible();
  await expect(page.getByText(t.mine.created)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: t.status.DRAFT })).toBeVisible();
  await scan(page, axe);

  // Publishing by keyboard.
  const publish = page.getByRole('button', { name: t.editor.publish });
  await publish.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(t.mine.published)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row.getByRole('cell', { name: t.status.PUBLISHED, exact: true })).toBeVisible();
  await scan(page, axe);

  // The public page: facts, eligibility, the official call and the calendar file.
  await row.getByRole('link', { name: title }).click();
  await page.getByRole('link', { name: t.editor.view }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(fill(t.detail.creatives, { kinds: t.creativeKind.STUDENT }))).toBeVisible();
  await expect(page.getByRole('link', { name: t.detail.callLink })).toHaveAttribute('href', 'https://razpisi.example.si/mikro');
  await expect(page.getByRole('link', { name: t.detail.calendar })).toHaveAttribute('href', /^data:text\/calendar/);
  await scan(page, axe);

  await page.goBack();
  await page.getByRole('button', { name: t.editor.close }).click();
  await expect(page.getByText(t.mine.closed)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: title }).getByRole('cell', { name: t.status.CLOSED, exact: true })).toBeVisible();
});

test('a student creative sees the measure with the reason, a company does not, and the directory finds it without diacritics', async ({ page, request, text, lang, axe }) => {
  // Several axe scans on a shared 2-core machine.
  test.setTimeout(120_000);
  const t = text.support;
  const id = unique();
  const title = `Študentska spodbuda za keramiko ${id}`;
  const organiser = await login(request, ORGANISER.email, ORGANISER.password);
  const [provider] = (await api<{ mySupportMeasureProviders: { id: string }[] }>(request, organiser.token, `{ mySupportMeasureProviders { id } }`)).mySupportMeasureProviders;
  const { createSupportMeasure: measure } = await api<{ createSupportMeasure: { id: string } }>(request, organiser.token, `mutation($i: CreateSupportMeasureInput!) { createSupportMeasure(input: $i) { id } }`, {
    i: {
      providerOrganisationId: provider.id, title: { sl: title }, summary: { sl: 'Mikro spodbude za študente, ki delajo s keramiko in glino.' },
      eligibility: { creativeKinds: ['STUDENT'], organisationKinds: [] }, amountMaxEur: 1500, deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    },
  });
  await api(request, organiser.token, `mutation($id: ID!) { publishSupportMeasure(id: $id) { id } }`, { id: measure.id });

  try {
    // A student who works with ceramics: eligible, and the subject fits.
    const student = await signUp(request, 'Študentka Keramičarka');
    await api(request, student.token, `mutation($i: CreateCreativeProfileInput!) { createCreativeProfile(input: $i) { id } }`, {
      i: { kind: 'STUDENT', displayName: 'Študentka Keramičarka', municipality: 'kranj', techniques: ['keramika'], bio: { sl: 'Študiram oblikovanje keramike in delam z glino.' } },
    });
    await signIn(page, student, '/me');
    const section = page.getByRole('region', { name: t.forYou.title });
    const card = section.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) });
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading', { level: 4, name: t.forYou.why })).toBeVisible();
    await expect(card.getByRole('list', { name: t.forYou.why }).getByRole('listitem').first()).toHaveText(lang === 'en' ? 'You may apply as a student (as your creative profile says).' : 'Prijavite se lahko kot študent (tako piše v vašem ustvarjalnem profilu).');
    await scan(page, axe);
    await page.context().clearCookies();

    // A company may not apply: the measure is not shown to its member.
    const company = await signUp(request, 'Podjetje Brez Pravice');
    await api(request, company.token, `mutation { createOrganisation(input: { kind: COMPANY, name: "Podjetje ${id} d.o.o.", municipality: "kranj" }) { id } }`);
    await signIn(page, company, '/me');
    const theirs = page.getByRole('region', { name: t.forYou.title });
    await expect(theirs.getByText(t.forYou.lead)).toBeVisible();
    await expect(theirs.getByRole('status')).toHaveCount(0);
    await expect(theirs.getByRole('heading', { name: title })).toHaveCount(0);
    await page.context().clearCookies();

    // The public directory, by keyboard, without diacritics.
    await page.goto('/support');
    await expect(page.getByRole('heading', { level: 1, name: t.directory.title })).toBeVisible();
    await scan(page, axe);
    const field = page.getByRole('searchbox', { name: t.directory.searchLabel });
    await field.focus();
    await page.keyboard.type(`studentska spodbuda ${id}`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: fill(lang === 'en' ? t.directory.resultCount_one : t.directory.resultCount_one, { count: 1 }) })).toBeVisible();
    await scan(page, axe);
    // A facet narrows (students), another empties it (companies) and says what to do.
    await page.getByRole('link', { name: new RegExp(`^${t.creativeKind.STUDENT}`) }).click();
    await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
    await page.goto(`/support?q=${encodeURIComponent(`studentska spodbuda ${id}`)}&organisationKind=COMPANY`);
    await expect(page.getByText(t.directory.emptyFiltered)).toBeVisible();
    await expect(page.getByRole('link', { name: t.directory.clearFilters }).first()).toBeVisible();
    await scan(page, axe);
  } finally {
    await api(request, organiser.token, `mutation($id: ID!) { closeSupportMeasure(id: $id) { id } }`, { id: measure.id });
  }
});
