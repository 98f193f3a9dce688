import type { APIRequestContext, Page } from '@playwright/test';
import * as fs from 'node:fs';
import { expect, fill, gql, mailTo, test, unique, type Catalogue } from './fixtures.js';

/** A 1×1 PNG, as a browser would upload it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PASSWORD = 'modri-tisk-na-platnu';

interface Fresh {
  email: string;
  name: string;
}

/** A new, verified account (signed up through the API, verified by the mailed link). */
async function freshUser(request: APIRequestContext, lang: string): Promise<Fresh> {
  const email = `profile-${unique()}@example.si`;
  const name = `Ustvarjalka ${unique()}`;
  await gql(request, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { email, password: PASSWORD, displayName: name, locale: lang } });
  const token = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(await mailTo(request, email, '/verify-email?token='))?.[1];
  expect(token).toBeTruthy();
  await gql(request, `mutation($token: String!) { verifyEmail(token: $token) }`, { token });
  return { email, name };
}

async function signIn(page: Page, text: Catalogue, user: Fresh, redirect: string): Promise<void> {
  await page.goto(`/sign-in?redirect=${encodeURIComponent(redirect)}`);
  await page.getByLabel(text.account.field.email).fill(user.email);
  await page.getByLabel(text.account.field.password).fill(PASSWORD);
  await page.getByRole('button', { name: text.account.signIn.submit }).click();
}

type AsUser = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** GraphQL as the user (signed in through the API: a session of its own, apart from the browser's). */
async function apiAs(request: APIRequestContext, user: Fresh): Promise<AsUser> {
  const login = await gql<{ login: { accessToken: string } }>(request, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: user.email, p: PASSWORD });
  const headers = { authorization: `Bearer ${login.login.accessToken}` };
  return async <T,>(query: string, variables: Record<string, unknown> = {}) => {
    const body = (await (await request.post('/graphql', { data: { query, variables }, headers })).json()) as { data?: T; errors?: unknown };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** Signs in through the API and creates the user's profile (and consent), as the editor would. */
async function profileThroughApi(request: APIRequestContext, user: Fresh, consent: boolean, extra: Record<string, unknown> = {}): Promise<string> {
  const asUser = await apiAs(request, user);
  const { createCreativeProfile } = await asUser<{ createCreativeProfile: { id: string } }>(
    `mutation($i: CreateCreativeProfileInput!) { createCreativeProfile(input: $i) { id } }`, { i: { kind: 'SOLE_PROPRIETOR', displayName: user.name, municipality: 'kranj', ...extra } },
  );
  if (consent) await asUser(`mutation { setMatchingConsent(consent: true, explanationVersion: "2026-12-03") { id } }`);
  return createCreativeProfile.id;
}

/**
 * React Aria announces a pending button through a live-region node labelled by that button; once
 * the button is gone the node has no name and axe reports role-img-alt until the announcer clears
 * it (7 s). Scan after it has.
 */
async function scan(page: Page, axe: (page: Page) => Promise<void>): Promise<void> {
  await expect(page.locator('[data-live-announcer] [role="img"]')).toHaveCount(0, { timeout: 10_000 });
  await axe(page);
}

/** Picks an option in a searchable picker by typing part of it (keyboard: type, arrow down, Enter). */
async function pick(page: Page, label: string, typed: string, option: RegExp): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(typed);
  await expect(page.getByRole('option', { name: option })).toBeVisible();
  await input.press('ArrowDown');
  await input.press('Enter');
  // A multi-select's list stays open for the next choice; Escape closes it.
  if (await page.getByRole('listbox').isVisible()) await input.press('Escape');
}

test('a creative builds a profile with the keyboard-usable pickers, sees errors next to fields, gives consent, and is warned about unsaved changes', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(90_000);
  const user = await freshUser(request, lang);
  await signIn(page, text, user, '/me');
  await expect(page.getByRole('heading', { level: 1, name: text.me.title })).toBeVisible();
  await page.getByRole('navigation', { name: text.me.navLabel }).getByRole('link', { name: text.profile.nav.label }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.profile.createTitle })).toBeVisible();
  await scan(page, axe);

  // The error path: no municipality and an empty name; the summary links to each field, the words repeat next to it.
  await page.getByLabel(text.profile.field.displayName).fill('');
  await page.getByRole('button', { name: text.profile.create }).click();
  const summary = page.getByRole('alert').filter({ hasText: text.errors.summaryTitle });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: text.profile.error.municipality })).toBeVisible();
  await expect(summary.getByRole('link', { name: text.profile.error.displayName })).toBeVisible();
  await expect(page.getByRole('textbox', { name: text.profile.field.displayName })).toHaveAccessibleDescription(new RegExp(text.profile.error.displayName.replace(/[()]/g, '.')));
  await expect(page).toHaveTitle(new RegExp(`^${fill(text.errors.titlePrefix, { title: '' }).trim()}`));
  await scan(page, axe);
  await summary.getByRole('link', { name: text.profile.error.municipality }).click();
  await expect(page.getByRole('combobox', { name: text.profile.field.municipality })).toBeFocused();

  await page.getByLabel(text.profile.field.displayName).fill(user.name);
  await page.getByLabel(text.profile.field.bioSl).fill('Tiskam modrotisk na lan v Železnikih.');
  await pick(page, text.profile.field.municipality, 'zelez', /Železniki/);
  await pick(page, text.profile.field.techniques, lang === 'en' ? 'blueprint' : 'modrot', lang === 'en' ? /Blueprint/ : /Modrotisk/);
  await pick(page, text.profile.field.domains, lang === 'en' ? 'design' : 'oblikov', lang === 'en' ? /Design and visual arts/ : /Oblikovanje in vizualne umetnosti/);
  const chosen = page.getByRole('grid', { name: fill(text.profile.field.selected, { label: text.profile.field.techniques }) });
  await expect(chosen.getByRole('row')).toHaveCount(1);
  // Typed without diacritics; a chosen material is removed again with Delete on its tag.
  await pick(page, text.profile.field.materials, lang === 'en' ? 'cotton' : 'bombaz', lang === 'en' ? /Cotton and linen/ : /Bombaž in lan/);
  const materials = page.getByRole('grid', { name: fill(text.profile.field.selected, { label: text.profile.field.materials }) });
  await materials.getByRole('row').first().focus();
  await page.keyboard.press('Delete');
  await expect(materials.getByRole('row')).toHaveCount(0);
  // RAC radios hide the native input under their label: press the label, as people do.
  await page.getByRole('radiogroup', { name: text.profile.field.kind }).getByText(text.creatives.kind.SOLE_PROPRIETOR, { exact: true }).click();
  await expect(page.getByRole('radio', { name: text.creatives.kind.SOLE_PROPRIETOR })).toBeChecked();
  await page.getByRole('button', { name: text.profile.create }).click();
  await expect(page.getByText(text.profile.created)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: text.profile.title })).toBeVisible();
  await scan(page, axe);

  // Consent, with its explanation.
  const consent = page.getByRole('region', { name: text.profile.sections.consent });
  await expect(consent.getByText(text.profile.consent.off)).toBeVisible();
  await expect(consent.getByText(text.profile.consent.explanation2)).toBeVisible();
  await consent.getByRole('button', { name: text.profile.consent.give }).click();
  await expect(consent.getByText(text.profile.consent.given)).toBeVisible();
  await expect(consent.getByRole('button', { name: text.profile.consent.withdraw })).toBeVisible();

  // Unsaved changes: leaving asks first (the dialog is declined here), and the page stays.
  await page.getByLabel(text.profile.field.bioEn).fill('I print blueprint on linen.');
  await expect(page.getByText(text.profile.unsavedNote)).toBeVisible();
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe(text.profile.unsaved);
    void dialog.dismiss();
  });
  await page.getByRole('navigation', { name: text.me.navLabel }).getByRole('link', { name: text.myData.nav.label }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.profile.title })).toBeVisible();
  await expect(page.getByLabel(text.profile.field.bioEn)).toHaveValue('I print blueprint on linen.');
});

test('a creative adds a portfolio item with an image (upload progress), sees the API\'s error next to a field, reorders, edits and removes items, and previews the profile as others see it', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(90_000);
  const user = await freshUser(request, lang);
  await profileThroughApi(request, user, false);
  await signIn(page, text, user, '/me/profile');
  await expect(page.getByRole('heading', { level: 1, name: text.profile.title })).toBeVisible();

  // A portfolio item with an image; the upload shows progress and ends with the image in the list.
  const portfolio = page.getByRole('region', { name: text.profile.sections.portfolio });
  await expect(portfolio.getByText(text.profile.portfolio.empty)).toBeVisible();
  await portfolio.getByRole('button', { name: text.profile.portfolio.add }).click();
  const title = 'Prt z lectovim srcem';
  await portfolio.getByLabel(text.profile.portfolio.titleSl).fill(title);
  await portfolio.getByLabel(text.profile.portfolio.descriptionSl).fill('Ročni tisk z lesenimi modeli.');
  // Passes the form's own check, fails the API's: the API's answer shows next to the field and in the summary.
  await portfolio.getByLabel(text.profile.portfolio.link).fill('https://[bad');
  await portfolio.getByRole('button', { name: text.profile.portfolio.save }).click();
  await expect(portfolio.getByRole('alert').getByRole('link', { name: text.profile.error.link })).toBeVisible();
  await expect(portfolio.getByRole('textbox', { name: text.profile.portfolio.link })).toHaveAccessibleDescription(new RegExp(text.profile.error.link.replace(/[/.]/g, '.')));
  await scan(page, axe);
  await portfolio.getByLabel(text.profile.portfolio.link).fill('https://example.si/prt');
  const chooser = page.waitForEvent('filechooser');
  await portfolio.getByRole('button', { name: text.profile.portfolio.chooseImage }).click();
  await (await chooser).setFiles({ name: 'prt.png', mimeType: 'image/png', buffer: PNG });
  await expect(portfolio.getByText(fill(text.profile.portfolio.chosen, { name: 'prt.png' }))).toBeVisible();
  // The server's answer is held back a moment, so the progress bar can be seen (it reads 100 % once sent).
  await page.route('**/portfolio-items/*/image', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue();
  });
  await portfolio.getByRole('button', { name: text.profile.portfolio.save }).click();
  const progress = portfolio.getByRole('progressbar', { name: text.profile.portfolio.uploading });
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(portfolio.getByText(text.profile.portfolio.uploaded)).toBeVisible();
  await expect(progress).toBeHidden();
  const image = portfolio.getByRole('img', { name: title });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await scan(page, axe);

  // A second piece: moved above the first, then edited, then removed again (the removal is confirmed).
  await portfolio.getByRole('button', { name: text.profile.portfolio.add }).click();
  await portfolio.getByLabel(text.profile.portfolio.titleEn).fill('Scarf');
  await portfolio.getByRole('button', { name: text.profile.portfolio.save }).click();
  await expect(portfolio.getByText(text.profile.portfolio.itemSaved)).toBeVisible();
  await portfolio.getByRole('button', { name: fill(text.profile.portfolio.moveUp, { title: 'Scarf' }) }).click();
  await expect(portfolio.getByRole('heading', { level: 3 }).first()).toHaveText('Scarf');
  await portfolio.getByRole('button', { name: fill(text.profile.portfolio.edit, { title: 'Scarf' }) }).click();
  await portfolio.getByLabel(text.profile.portfolio.titleEn).fill('Silk scarf');
  await portfolio.getByRole('button', { name: text.profile.portfolio.save }).click();
  await expect(portfolio.getByRole('heading', { level: 3, name: 'Silk scarf' })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await portfolio.getByRole('button', { name: fill(text.profile.portfolio.remove, { title: 'Silk scarf' }) }).click();
  await expect(portfolio.getByText(fill(text.profile.portfolio.removed, { title: 'Silk scarf' }))).toBeVisible();
  await expect(portfolio.getByRole('heading', { level: 3 })).toHaveCount(1);

  // Preview as others see it: the public page, signed out too.
  await page.getByRole('link', { name: text.profile.preview }).click();
  await expect(page.getByRole('heading', { level: 1, name: user.name })).toBeVisible();
  await expect(page.getByRole('img', { name: title })).toBeVisible();
  await expect(page.getByText(text.creatives.kind.SOLE_PROPRIETOR, { exact: false })).toBeVisible();
  await scan(page, axe);
  const publicUrl = page.url();
  const anonymous = await page.context().browser()!.newContext({ locale: lang === 'en' ? 'en-GB' : 'sl-SI' });
  const visitor = await anonymous.newPage();
  await visitor.goto(publicUrl);
  await expect(visitor.getByRole('img', { name: title })).toBeVisible();
  await anonymous.close();
});

interface SavedWords {
  me: { creativeProfile: { freeCrafts: string[]; crafts: { code: string }[]; techniques: { code: string }[]; materials: { code: string }[]; skills: { code: string }[]; domains: { code: string }[]; municipality: { code: string; name: string } | null; suggestedCodes: { vocabulary: string; code: string; because: string; label: { sl: string | null; en: string | null } }[] } };
}
const SAVED_WORDS = `{ me { creativeProfile { freeCrafts crafts { code } techniques { code } materials { code } skills { code } domains { code } municipality { code name } suggestedCodes { vocabulary code because label { sl en } } } } }`;

test('a creative writes crafts in their own words with the keyboard, types a municipality by name, saves, sees both after a reload, and confirms a code suggested from the words', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(120_000);
  const user = await freshUser(request, lang);
  await profileThroughApi(request, user, false);
  const asUser = await apiAs(request, user);
  await signIn(page, text, user, '/me/profile');
  await expect(page.getByRole('heading', { level: 1, name: text.profile.title })).toBeVisible();
  const words = text.profile.ownWords;

  // Keyboard only: type, Enter adds; the same words in capitals are ignored; a chip is removed with Delete.
  const input = page.getByRole('textbox', { name: words.label.crafts });
  const chips = page.getByRole('grid', { name: fill(words.list, { label: words.label.crafts }) });
  // Empty, the tag group is a group saying so; with chips it is a grid of rows.
  await expect(page.getByRole('group', { name: fill(words.list, { label: words.label.crafts }) }).getByText(words.none)).toBeVisible();
  await input.focus();
  for (const entry of ['napačen vnos', 'ročni modrotisk']) {
    await page.keyboard.type(entry);
    await page.keyboard.press('Enter');
    await expect(chips.getByRole('row', { name: entry })).toBeVisible();
  }
  await expect(input).toHaveValue('');
  await expect(input).toBeFocused();
  await page.keyboard.type('ROČNI MODROTISK');
  await page.keyboard.press('Enter');
  await expect(page.getByText(fill(words.duplicate, { entry: 'ročni modrotisk' }))).toBeVisible();
  await expect(chips.getByRole('row')).toHaveCount(2);
  // Too long: refused with the reason next to the field (plural form by count, in the user's language).
  await page.keyboard.press('ControlOrMeta+a');
  const tooLong = 'volna '.repeat(21).trim();
  await page.keyboard.type(tooLong);
  await page.keyboard.press('Enter');
  const pluralOf = (n: number) => new Intl.PluralRules(lang).select(n) as 'one' | 'other';
  await expect(input).toHaveAccessibleDescription(new RegExp(fill(words[`tooLong_${pluralOf(tooLong.length)}`], { count: tooLong.length, max: 120 }).replace(/[.()]/g, '.')));
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(chips.getByRole('row')).toHaveCount(2);
  await scan(page, axe);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('kvačkanje iz volnene preje');
  await page.keyboard.press('Enter');
  await expect(chips.getByRole('row')).toHaveCount(3);
  // Tab past the add button into the chips; Delete removes the focused one.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: fill(words.addNamed, { label: words.label.crafts }) })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(chips.getByRole('row', { name: 'napačen vnos' })).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(chips.getByRole('row', { name: 'napačen vnos' })).toHaveCount(0);
  await expect(chips.getByRole('row')).toHaveCount(2);
  await expect(chips.getByRole('row', { name: 'ročni modrotisk' })).toBeFocused();

  // An entry that names a list option (here the code, typed in capitals) is chosen from the list, as the API would keep it.
  const techniqueWords = page.getByRole('textbox', { name: words.label.techniques });
  await techniqueWords.fill('BLUEPRINT');
  await techniqueWords.press('Enter');
  const techniques = page.getByRole('grid', { name: fill(text.profile.field.selected, { label: text.profile.field.techniques }) });
  await expect(techniques.getByRole('row')).toHaveCount(1);
  const blueprint = (await techniques.getByRole('row').innerText()).trim();
  await expect(page.getByText(fill(words.picked, { entry: blueprint }))).toBeVisible();
  await expect(page.getByRole('group', { name: fill(words.list, { label: words.label.techniques }) }).getByText(words.none)).toBeVisible();

  // A municipality nobody knows: the server's answer shows next to the field; a name as typed (no diacritics, a hyphen) is resolved.
  const municipality = page.getByRole('combobox', { name: text.profile.field.municipality });
  await municipality.fill('Atlantida');
  await page.getByRole('button', { name: text.profile.save }).click();
  const summary = page.getByRole('alert').filter({ hasText: text.errors.summaryTitle });
  await expect(summary.getByRole('link', { name: text.profile.error.municipality })).toBeVisible();
  await expect(municipality).toHaveAccessibleDescription(new RegExp(text.profile.error.municipality.replace(/[()]/g, '.')));
  await scan(page, axe);
  await municipality.fill('skofja-loka');
  await page.getByRole('button', { name: text.profile.save }).click();
  await expect(page.getByText(text.profile.saved)).toBeVisible();

  const saved = (await asUser<SavedWords>(SAVED_WORDS)).me.creativeProfile;
  expect(saved.freeCrafts).toEqual(['ročni modrotisk', 'kvačkanje iz volnene preje']);
  expect(saved.municipality?.name).toBe('Škofja Loka');
  expect(saved.techniques.map((c) => c.code)).toEqual(['blueprint']);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: text.profile.title })).toBeVisible();
  for (const entry of saved.freeCrafts) await expect(chips.getByRole('row', { name: entry })).toBeVisible();
  await expect(municipality).toHaveValue('Škofja Loka');

  // Suggestions: whatever the dictionary finds in these words (asked from the API first), each with the words it came from.
  const panel = page.getByRole('region', { name: text.profile.suggestions.title });
  const suggestions = saved.suggestedCodes;
  test.info().annotations.push({ type: 'suggested codes', description: suggestions.map((s) => `${s.vocabulary}:${s.code} from "${s.because}"`).join(', ') || 'none' });
  if (suggestions.length === 0) {
    await expect(panel.getByText(text.profile.suggestions.empty)).toBeVisible();
    return;
  }
  await expect(panel.getByRole('listitem')).toHaveCount(suggestions.length);
  const labelOf = (s: (typeof suggestions)[number]) => (lang === 'en' ? (s.label.en ?? s.label.sl) : (s.label.sl ?? s.label.en)) ?? s.code;
  for (const s of suggestions) {
    const item = panel.getByRole('listitem').filter({ hasText: fill(text.profile.suggestions.because, { words: s.because }) }).filter({ hasText: labelOf(s) });
    await expect(item).toHaveCount(1);
  }
  await scan(page, axe);
  // Prefer the one from "ročni modrotisk" (the blueprint code) when the dictionary gives it.
  const accepted = suggestions.find((s) => s.because.toLowerCase().includes('modrotisk')) ?? suggestions[0];
  const label = labelOf(accepted);
  await panel.getByRole('button', { name: fill(text.profile.suggestions.add, { label }) }).press('Enter');
  const vocabulary = accepted.vocabulary as 'crafts' | 'techniques' | 'materials' | 'skills' | 'domains';
  // The confirmation takes focus (the pressed button is gone with its suggestion).
  const added = fill(text.profile.suggestions.added[vocabulary], { label });
  await expect(panel.getByText(added)).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(added);
  await expect(page.getByRole('grid', { name: fill(text.profile.field.selected, { label: text.profile.field[vocabulary] }) }).getByRole('row', { name: label })).toBeVisible();
  await expect(page.getByText(text.profile.unsavedNote)).toBeVisible();
  await page.getByRole('button', { name: text.profile.save }).click();
  await expect(page.getByText(text.profile.saved)).toBeVisible();
  const after = (await asUser<SavedWords>(SAVED_WORDS)).me.creativeProfile;
  expect(after[vocabulary].map((c) => c.code)).toContain(accepted.code);
  expect(after.suggestedCodes.map((s) => s.code)).not.toContain(accepted.code);
  // The words stay as written beside the confirmed code.
  expect(after.freeCrafts).toEqual(saved.freeCrafts);
  await expect(panel.getByRole('button', { name: fill(text.profile.suggestions.add, { label }) })).toHaveCount(0);
});

test('a portfolio item gets a year and a client (a wrong year is explained), and the public page shows them with the own-words crafts', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(90_000);
  const user = await freshUser(request, lang);
  const profileId = await profileThroughApi(request, user, false, { crafts: ['ročno tiskanje na usnje', 'kovanje'] });
  const asUser = await apiAs(request, user);
  const { me } = await asUser<{ me: { creativeProfile: { freeCrafts: string[]; crafts: { code: string; label: { sl: string | null; en: string | null } }[] } } }>(
    `{ me { creativeProfile { freeCrafts crafts { code label { sl en } } } } }`,
  );
  await signIn(page, text, user, '/me/profile');
  const portfolio = page.getByRole('region', { name: text.profile.sections.portfolio });
  await portfolio.getByRole('button', { name: text.profile.portfolio.add }).click();
  await portfolio.getByLabel(text.profile.portfolio.titleSl).fill('Torbice z modrotiskom');
  const year = portfolio.getByRole('textbox', { name: text.profile.portfolio.year });
  await year.fill('1850');
  await portfolio.getByLabel(text.profile.portfolio.client).fill('Alpina');
  await portfolio.getByRole('button', { name: text.profile.portfolio.save }).click();
  await expect(portfolio.getByRole('alert').getByRole('link', { name: text.profile.error.year })).toBeVisible();
  await expect(year).toHaveAccessibleDescription(new RegExp(text.profile.error.year));
  await scan(page, axe);
  await year.fill('2024');
  await portfolio.getByRole('button', { name: text.profile.portfolio.save }).click();
  await expect(portfolio.getByText(text.profile.portfolio.itemSaved)).toBeVisible();
  await expect(portfolio.getByRole('listitem').filter({ hasText: 'Torbice z modrotiskom' }).getByText('Alpina, 2024')).toBeVisible();
  await scan(page, axe);
  // Editing keeps both.
  await portfolio.getByRole('button', { name: fill(text.profile.portfolio.edit, { title: 'Torbice z modrotiskom' }) }).click();
  await expect(portfolio.getByRole('textbox', { name: text.profile.portfolio.year })).toHaveValue('2024');
  await expect(portfolio.getByRole('textbox', { name: text.profile.portfolio.client })).toHaveValue('Alpina');
  await portfolio.getByRole('button', { name: text.profile.portfolio.cancel }).click();

  // The public page: own words beside the code labels, client and year on the item.
  await page.goto(`/creatives/${profileId}`);
  await expect(page.getByRole('heading', { level: 1, name: user.name })).toBeVisible();
  const crafts = page.getByRole('definition').filter({ hasText: me.creativeProfile.freeCrafts[0] });
  for (const word of me.creativeProfile.freeCrafts) await expect(crafts).toContainText(word);
  for (const code of me.creativeProfile.crafts) await expect(crafts).toContainText((lang === 'en' ? code.label.en : code.label.sl) ?? code.code);
  await expect(page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Torbice z modrotiskom' }) }).getByText('Alpina, 2024')).toBeVisible();
  await scan(page, axe);
});

test('my data: the export holds the profile, the consent history shows the change, erasure signs out and the public profile is gone', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(90_000);
  const user = await freshUser(request, lang);
  const profileId = await profileThroughApi(request, user, true);
  await signIn(page, text, user, '/me/data');
  await expect(page.getByRole('heading', { level: 1, name: text.myData.title })).toBeVisible();
  await scan(page, axe);

  // Consent history: given, in the user's language and date format.
  const history = page.getByRole('region', { name: text.myData.consent.title });
  await expect(history.getByRole('cell', { name: text.myData.consent.given })).toBeVisible();
  const year = String(new Date().getFullYear());
  await expect(history.getByRole('cell', { name: new RegExp(year) }).first()).toBeVisible();

  // The export downloads as a file with a dated name and holds the profile and the consent.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: text.myData.export.download }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^modrotisk-export-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(fs.readFileSync((await file.path()) ?? '', 'utf8')) as { creativeProfile: { id: string; displayName: string; matchingConsentHistory: { given: boolean }[] } };
  expect(doc.creativeProfile).toMatchObject({ id: profileId, displayName: user.name });
  expect(doc.creativeProfile.matchingConsentHistory).toEqual([expect.objectContaining({ given: true, explanationVersion: '2026-12-03' })]);
  await expect(page.getByText(fill(text.myData.export.done, { name: file.suggestedFilename() }))).toBeVisible();

  // Erasure: the password is asked for; the confirmation says it cannot be undone.
  const erase = page.getByRole('region', { name: text.myData.erase.title });
  await expect(erase.getByText(text.myData.erase.kept1)).toBeVisible();
  await erase.getByRole('button', { name: text.myData.erase.submit }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: text.myData.erase.passwordError })).toBeVisible();
  await scan(page, axe);
  await erase.getByLabel(text.myData.erase.password).fill(PASSWORD);
  await erase.getByRole('button', { name: text.myData.erase.submit }).click();
  const dialog = page.getByRole('alertdialog', { name: text.myData.erase.confirmTitle });
  await expect(dialog).toBeVisible();
  await scan(page, axe);
  // Keyboard: Escape keeps the account.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await erase.getByRole('button', { name: text.myData.erase.submit }).click();
  await dialog.getByRole('button', { name: text.myData.erase.confirm }).click();

  await expect(page.getByRole('heading', { level: 1, name: text.myData.deleted.title })).toBeVisible();
  await expect(page.getByRole('link', { name: text.layout.signIn })).toBeVisible();
  await scan(page, axe);
  await page.goto(`/creatives/${profileId}`);
  await expect(page.getByRole('heading', { level: 1, name: text.notFound.title })).toBeVisible();
  await expect(page.getByText(user.name)).toHaveCount(0);
  await page.goto('/me/data');
  await expect(page.getByRole('heading', { level: 1, name: text.account.signIn.title })).toBeVisible();
});
