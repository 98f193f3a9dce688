import type { APIRequestContext, Locator, Page } from '@playwright/test';
import meEn from '../src/features/me/i18n/en.json' with { type: 'json' };
import meSl from '../src/features/me/i18n/sl.json' with { type: 'json' };
import { expect, fill, gql, mailTo, test, unique } from './fixtures.js';

/**
 * A creative's matches, their verdict on a challenge page, needs for them and their own offers
 * (issue 12, items 10 and 13). Every test makes its own accounts through the API; the creative
 * profile and the matching consent are set with the user's Bearer token.
 */

const ALPINA = /Modrotisk na usnju za moderne pohodne čevlje|Blueprint \(modrotisk\) on leather for modern hiking shoes/;
const PASSWORD = 'modri-tisk-na-platnu';
const DESIGN = /^(Oblikovanje in vizualne umetnosti|Design and visual arts)$/;

interface User {
  email: string;
  token: string;
}

/** Signs up through GraphQL, follows the mailed link, and gets an access token. */
async function signUp(request: APIRequestContext, name: string): Promise<User> {
  const email = `matches-${unique()}@example.si`;
  await gql(request, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { email, password: PASSWORD, displayName: name, locale: 'sl' } });
  const mail = await mailTo(request, email, '/verify-email?token=');
  const token = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail)?.[1];
  if (!token) throw new Error('no verification token in the mail');
  await gql(request, `mutation($token: String!) { verifyEmail(token: $token) }`, { token });
  const login = await gql<{ login: { accessToken: string } }>(request, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: PASSWORD });
  return { email, token: login.login.accessToken };
}

/** A GraphQL call as `user` (Bearer), failing on any error. */
async function as<T>(request: APIRequestContext, user: User, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: { authorization: `Bearer ${user.token}` } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A profile close to the Alpina blueprint-print challenge (indigo dye left out, so there is a hint). */
const NEAR_ALPINA = {
  kind: 'INDIVIDUAL',
  municipality: 'ziri',
  languages: ['sl', 'en'],
  domains: ['design-visual-arts', 'cultural-heritage'],
  crafts: ['leatherwork', 'textile-art'],
  techniques: ['blueprint'],
  materials: ['leather', 'textile'],
  bio: { sl: 'Oblikujem tekstil in modrotisk na usnju in platnu; delavnica v Žireh, sodelujem s Škofjo Loko.', en: 'Textile design and blueprint (modrotisk) on leather and linen; studio in Žiri, working with Škofja Loka.' },
};

async function creative(request: APIRequestContext, name: string, options: { profile?: Record<string, unknown> | null; consent?: boolean } = {}): Promise<User & { profileId: string | null }> {
  const user = await signUp(request, name);
  if (options.profile === null) return { ...user, profileId: null };
  const created = await as<{ createCreativeProfile: { id: string } }>(request, user, `mutation($i: CreateCreativeProfileInput!) { createCreativeProfile(input: $i) { id } }`, {
    i: { displayName: name, ...(options.profile ?? NEAR_ALPINA) },
  });
  if (options.consent !== false) await as(request, user, `mutation { setMatchingConsent(consent: true) { id } }`);
  return { ...user, profileId: created.createCreativeProfile.id };
}

/**
 * Signs the browser in through the API (the refresh cookie lands in the page's context), marks the
 * browser as having a session the way the app does after signing in, then opens `path`.
 */
async function signIn(page: Page, user: User, path: string): Promise<void> {
  const response = await page.request.post('/auth/session', { data: { email: user.email, password: PASSWORD } });
  expect(response.ok()).toBe(true);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('modrotisk.hasSession', '1'));
  await page.goto(path);
}

/** Tab (or Shift+Tab) until `target` has focus. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  const backwards = await target.evaluate((el) => Boolean(document.activeElement && el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING));
  for (let i = 0; i < limit && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  await expect(target).toBeFocused();
}

test('a creative close to the Alpina challenge sees it among their matches with reasons and hints, and their verdict on its page', async ({ page, request, text, axe }) => {
  const user = await creative(request, 'Maja Modrotisk');
  await signIn(page, user, '/me/matches');
  await expect(page.getByRole('heading', { level: 1, name: text.matches.mine.title })).toBeVisible();
  const alpina = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: ALPINA }) });
  await expect(alpina).toBeVisible();
  // The score as a labelled meter with its number in words, the reasons addressed to the creative, and hints.
  const meter = alpina.getByRole('meter', { name: text.matches.score.label });
  await expect(meter).toHaveAttribute('aria-valuetext', /\d+\s%/);
  await expect(alpina.getByText(text.matches.factor.crafts)).toBeVisible();
  await expect(alpina.getByText(text.matches.factor.domains)).toBeVisible();
  await expect(alpina.getByText(/Modrotisk|Blueprint/).first()).toBeVisible();
  await expect(alpina.getByRole('heading', { name: text.matches.hints.title })).toBeVisible();
  // The profile lists blueprint print without showing it in a portfolio: the hint says to show it there.
  await expect(alpina.getByRole('list', { name: text.matches.hints.title }).getByText(/portfel|portfolio/i).first()).toBeVisible();
  await expect(alpina.getByText(text.challenges.deadline)).toBeVisible();
  await expect(page.getByRole('heading', { name: text.matches.consent.title })).toHaveCount(0);
  await axe(page);

  await alpina.getByRole('link', { name: ALPINA }).click();
  await expect(page.getByRole('heading', { level: 1, name: ALPINA })).toBeVisible();
  const verdict = page.getByRole('region', { name: text.matches.verdict.title });
  await expect(verdict).toBeVisible();
  await expect(verdict.getByRole('meter', { name: text.matches.score.label })).toHaveAttribute('aria-valuetext', /\d+\s%/);
  await expect(verdict.getByText(new RegExp(`^(${escape(text.matches.verdict.matched)}|${escape(text.matches.verdict.notMatched)})$`))).toBeVisible();
  await expect(verdict.getByText(text.matches.factor.crafts)).toBeVisible();
  await expect(verdict.getByRole('link', { name: text.matches.verdict.allMatches })).toBeVisible();
  await axe(page);
});

test('a creative without consent sees what matching means, why they are not matched, and can agree in place', async ({ page, request, text, axe }) => {
  const user = await creative(request, 'Nika Brez Privolitve', { consent: false });
  await signIn(page, user, '/me/matches');
  const consent = page.getByRole('region', { name: text.matches.consent.title });
  await expect(consent).toBeVisible();
  await expect(consent.getByText(text.matches.consent.what)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: plural(text.matches.mine, 'wouldMatchTitle') })).toBeVisible();
  await axe(page);

  // The challenge page says why they are not matched (the API's reason) and offers the same agreement.
  await page.getByRole('link', { name: ALPINA }).first().click();
  const verdict = page.getByRole('region', { name: text.matches.verdict.title });
  await expect(verdict.getByText(text.matches.verdict.notMatched)).toBeVisible();
  await expect(verdict.getByRole('list', { name: text.matches.verdict.whyNot }).getByRole('listitem').first()).toBeVisible();
  await expect(verdict.getByRole('region', { name: text.matches.consent.title })).toBeVisible();
  await axe(page);

  await page.goBack();
  await page.getByRole('button', { name: text.matches.consent.give }).click();
  await expect(page.getByRole('region', { name: text.matches.consent.title })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: plural(text.matches.mine, 'listTitle') })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('link', { name: ALPINA }) })).toBeVisible();
  await axe(page);
});

test('without a creative profile, matches, needs and offers say what to do first', async ({ page, request, text, lang, axe }) => {
  const user = await creative(request, 'Tone Brez Profila', { profile: null });
  await signIn(page, user, '/me');
  // The signed-in area lists the three pages.
  const nav = page.getByRole('navigation', { name: (lang === 'en' ? meEn : meSl).me.navLabel });
  for (const entry of [text.matches.nav.matches.label, text.matches.nav.needs.label, text.matches.nav.offers.label]) await expect(nav.getByRole('link', { name: entry })).toBeVisible();
  await nav.getByRole('link', { name: text.matches.nav.matches.label }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.matches.mine.title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: text.matches.noProfile.title })).toBeVisible();
  await expect(page.getByText(text.matches.noProfile.matches)).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: text.matches.noProfile.action })).toBeVisible();
  await axe(page);
  await nav.getByRole('link', { name: text.matches.nav.needs.label }).click();
  await expect(page.getByText(text.matches.noProfile.needs)).toBeVisible();
  await axe(page);
  await nav.getByRole('link', { name: text.matches.nav.offers.label }).click();
  await expect(page.getByText(text.matches.noProfile.offers)).toBeVisible();
  await axe(page);
  // On a challenge page a signed-in account without a profile is told how to get a verdict.
  await page.goto('/?q=modrotisk');
  await page.getByRole('link', { name: ALPINA }).first().click();
  await expect(page.getByRole('region', { name: text.matches.verdict.title }).getByText(text.matches.noProfile.verdict)).toBeVisible();
  await axe(page);
});

test('offers: an error next to the field first, then a draft saved and listed', async ({ page, request, text, axe }) => {
  const user = await creative(request, 'Ana Ponudnica');
  const suffix = unique();
  await signIn(page, user, '/me/offers');
  await expect(page.getByRole('heading', { level: 1, name: text.matches.offers.title })).toBeVisible();
  await expect(page.getByText(text.matches.offers.empty)).toBeVisible();
  await axe(page);

  await page.getByRole('link', { name: text.matches.offers.create }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.matches.offers.newTitle })).toBeVisible();
  await axe(page);
  // Nothing in the title and a price in words: both fields say what to fix, the summary takes focus.
  await page.getByLabel(text.matches.offers.field.priceFromEur).fill('sto evrov');
  await page.getByRole('button', { name: text.matches.offers.createDraft }).click();
  const summary = page.getByRole('alert').filter({ hasText: text.errors.summaryTitle });
  await expect(summary).toBeFocused();
  const titleSl = page.getByLabel(text.matches.offers.field.titleSl);
  await expect(titleSl).toHaveAttribute('aria-invalid', 'true');
  await expect(titleSl).toHaveAccessibleDescription(new RegExp(escape(text.matches.offers.error.titleSl)));
  const price = page.getByLabel(text.matches.offers.field.priceFromEur);
  await expect(price).toHaveAccessibleDescription(new RegExp(escape(text.matches.offers.error.priceFromEur)));
  await expect(price).toHaveValue('sto evrov');
  await expect(page).toHaveTitle(new RegExp(`^${escape(fill(text.errors.titlePrefix, { title: '' }).trim())}`));
  await axe(page);
  // The summary's link takes the user to the field.
  await summary.getByRole('link', { name: text.matches.offers.error.titleSl }).click();
  await expect(titleSl).toBeFocused();

  await titleSl.fill(`Delavnica modrotiska ${suffix}`);
  await page.getByLabel(text.matches.offers.field.titleEn).fill(`Blueprint workshop ${suffix}`);
  await page.getByLabel(text.matches.offers.field.descriptionSl).fill('Enodnevna delavnica modrotiska na platnu za skupine do 12 ljudi.');
  await page.getByRole('radio', { name: text.matches.offers.kind.SERVICE }).check();
  await price.fill('150');
  // RAC draws its own box over a visually hidden input: a user clicks the label.
  await page.getByRole('group', { name: new RegExp(`^${escape(text.matches.offers.field.domains)}`) }).getByText(DESIGN).click();
  await expect(page.getByRole('checkbox', { name: DESIGN })).toBeChecked();
  await page.getByRole('button', { name: text.matches.offers.createDraft }).click();

  await expect(page.getByRole('status').filter({ hasText: text.matches.offers.done.created })).toBeVisible();
  const item = page.getByRole('listitem', { name: new RegExp(suffix) });
  await expect(item.getByText(text.matches.offers.status.DRAFT)).toBeVisible();
  await axe(page);
});

test('offers: publish, see the public page, and close after confirming', async ({ page, request, text, axe }) => {
  const user = await creative(request, 'Eva Objava');
  const suffix = unique();
  await as(request, user, `mutation($i: CreateOfferInput!) { createOffer(input: $i) { id } }`, {
    i: { creativeProfileId: user.profileId, kind: 'PRODUCT', title: { sl: `Modrotisk na usnju ${suffix}`, en: `Blueprint on leather ${suffix}` }, description: { sl: 'Torbice z modrotiskom.', en: 'Blueprint-printed bags.' }, priceFromEur: 90 },
  });
  await signIn(page, user, '/me/offers');
  const item = page.getByRole('listitem', { name: new RegExp(suffix) });
  await expect(item.getByText(text.matches.offers.status.DRAFT)).toBeVisible();
  await item.getByRole('button', { name: text.matches.offers.publish }).click();
  await expect(item.getByText(text.matches.offers.done.published)).toBeVisible();
  await expect(item.getByText(text.matches.offers.status.PUBLISHED, { exact: false }).first()).toBeVisible();
  await axe(page);

  await item.getByRole('link', { name: text.matches.offers.view }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(suffix) })).toBeVisible();
  await axe(page);
  await page.goBack();

  await item.getByRole('button', { name: text.matches.offers.close }).click();
  const dialog = page.getByRole('alertdialog', { name: text.matches.offers.confirmClose.title });
  await expect(dialog).toBeVisible();
  await axe(page);
  // Keeping it open changes nothing; closing asks again and then closes.
  await dialog.getByRole('button', { name: text.matches.offers.confirmClose.cancel }).click();
  await expect(dialog).toHaveCount(0);
  await expect(item.getByRole('button', { name: text.matches.offers.close })).toBeVisible();
  await item.getByRole('button', { name: text.matches.offers.close }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: text.matches.offers.confirmClose.confirm }).click();
  await expect(item.getByText(text.matches.offers.done.closed)).toBeVisible();
  await expect(item.getByText(text.matches.offers.status.CLOSED, { exact: true })).toBeVisible();
  await expect(item.getByRole('button', { name: text.matches.offers.close })).toHaveCount(0);
  await axe(page);
});

test('keyboard only: write an offer, choose its kind, price and a domain, save, and find the choices kept', async ({ page, request, text }) => {
  const user = await creative(request, 'Bor Tipkovnica');
  const title = `Tiskanje s tipkovnico ${unique()}`;
  await signIn(page, user, '/me/offers');
  await tabTo(page, page.getByRole('link', { name: text.matches.offers.create }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: text.matches.offers.newTitle })).toBeFocused();
  // Submitting with nothing in it (Enter in the title field) shows the summary; its first link leads back to the title.
  await tabTo(page, page.getByLabel(text.matches.offers.field.titleSl));
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: text.errors.summaryTitle });
  await expect(summary).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(text.matches.offers.field.titleSl)).toBeFocused();
  await page.keyboard.type(title);
  await tabTo(page, page.getByLabel(text.matches.offers.field.descriptionSl));
  await page.keyboard.type('Tisk vzorcev na platno po naročilu.');
  await tabTo(page, page.getByRole('radio', { name: text.matches.offers.kind.SERVICE }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: text.matches.offers.kind.PRODUCT })).toBeChecked();
  await tabTo(page, page.getByLabel(text.matches.offers.field.priceFromEur));
  await page.keyboard.type('80');
  const design = page.getByRole('checkbox', { name: DESIGN });
  await tabTo(page, design);
  await page.keyboard.press('Space');
  await expect(design).toBeChecked();
  // Back to the price and Enter: the form is sent from any of its text fields.
  await tabTo(page, page.getByLabel(text.matches.offers.field.priceFromEur));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: text.matches.offers.done.created })).toBeVisible();

  const edit = page.getByRole('listitem', { name: title }).getByRole('link', { name: new RegExp(`^${escape(text.matches.offers.edit)}`) });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: text.matches.offers.editTitle })).toBeVisible();
  await expect(page.getByLabel(text.matches.offers.field.titleSl)).toHaveValue(title);
  await expect(page.getByRole('radio', { name: text.matches.offers.kind.PRODUCT })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: DESIGN })).toBeChecked();
  await expect(page.getByLabel(text.matches.offers.field.priceFromEur)).toHaveValue('80');
});

test('needs for me: published needs in my domains, each linking to its page; none without domains', async ({ page, browser, request, text, lang, axe }) => {
  const [company, maker, empty] = await Promise.all([
    signUp(request, 'Podjetje Potreba'),
    creative(request, 'Vida Potrebna'),
    creative(request, 'Rok Brez Področij', { profile: { kind: 'STUDENT', municipality: 'kranj' } }),
  ]);
  const org = await as<{ createOrganisation: { id: string } }>(request, company, `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, {
    i: { kind: 'COMPANY', name: `Čevljarna ${unique()}`, municipality: 'ziri' },
  });
  const needTitle = `Vzorec modrotiska za embalažo ${unique()}`;
  const need = await as<{ createNeed: { id: string } }>(request, company, `mutation($i: CreateNeedInput!) { createNeed(input: $i) { id } }`, {
    i: { ownerOrganisationId: org.createOrganisation.id, title: { sl: needTitle }, description: { sl: 'Iščemo vzorec modrotiska za škatle čevljev.' }, domains: ['design-visual-arts'], budgetMinEur: 500, budgetMaxEur: 2000 },
  });
  await as(request, company, `mutation($id: ID!) { publishNeed(id: $id) { id } }`, { id: need.createNeed.id });

  await signIn(page, maker, '/me/needs');
  await expect(page.getByRole('heading', { level: 1, name: text.matches.needs.title })).toBeVisible();
  const link = page.getByRole('link', { name: needTitle });
  // Search catches up through the outbox within seconds.
  await expect(async () => {
    await page.reload();
    await expect(link).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText(/Oblikovanje in vizualne umetnosti|Design and visual arts/).first()).toBeVisible();
  await axe(page);
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: needTitle })).toBeVisible();

  const other = await browser.newContext({ locale: test.info().project.use.locale, baseURL: new URL(page.url()).origin });
  const second = await other.newPage();
  await signIn(second, empty, '/me/needs');
  await expect(second.getByText(text.matches.needs.noDomains)).toBeVisible();
  await axe(second);
  // The same empty profile has no matches either, and is told what to add.
  await second.getByRole('navigation', { name: (lang === 'en' ? meEn : meSl).me.navLabel }).getByRole('link', { name: text.matches.nav.matches.label }).click();
  await expect(second.getByText(text.matches.mine.empty)).toBeVisible();
  await axe(second);
  await other.close();
});

/** Every plural form of `key` in `group`, the count as any number. */
function plural(group: Record<string, unknown>, key: string): RegExp {
  const forms = Object.entries(group).filter(([k, v]) => k.startsWith(`${key}_`) && typeof v === 'string').map(([, v]) => escape(v as string).replace('\\{\\{count\\}\\}', '\\d+'));
  return new RegExp(`^(${forms.join('|')})$`);
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
