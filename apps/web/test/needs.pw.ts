import type { APIRequestContext } from '@playwright/test';
import { expect, test, unique } from './fixtures.js';
import { PASSWORD, scan } from './helpers.js';
import { as, escape, organisation, signIn, signUp } from './org-helpers.js';

/**
 * Issue 15, item 5: a company posts a need, publishes it, sees the creatives and offers it matches
 * with the reasons, and invites a creative to talk through the platform; the creative gets an
 * inbox item (no e-mail address shared either way).
 */

/** A blacksmith in Radovljica who agreed to be matched: close to a need for forged ironwork. */
const SMITH = {
  kind: 'INDIVIDUAL',
  municipality: 'radovljica',
  languages: ['sl', 'en'],
  domains: ['cultural-heritage', 'design-visual-arts'],
  crafts: ['artistic-blacksmithing', 'metalworking'],
  techniques: ['hand-forging'],
  materials: ['iron-steel'],
  bio: { sl: 'Umetniško kovaštvo v Kropi: ročno kovane ograje, svetila in kljuke po starih vzorcih.', en: 'Artistic blacksmithing in Kropa: hand-forged railings, lamps and door handles after old patterns.' },
};

/** A blacksmith who agreed to be matched, and a company in the same town with its own organisation. */
async function smithAndCompany(request: APIRequestContext) {
  const smithName = `Kovač ${unique()}`;
  const smith = await signUp(request, smithName, 'needs-smith');
  await as(request, smith.token, `mutation($i: CreateCreativeProfileInput!) { createCreativeProfile(input: $i) { id } }`, { i: { displayName: smithName, ...SMITH } });
  await as(request, smith.token, `mutation { setMatchingConsent(consent: true) { id } }`);
  const company = await signUp(request, 'Marta Kovinar', 'needs-company');
  const orgName = `Kovinarstvo ${unique()}`;
  const orgId = await organisation(request, company, 'COMPANY', orgName, 'radovljica');
  return { smith, smithName, company, orgName, orgId };
}

const TITLE = { sl: 'Ročno kovane kljuke za prenovljeno fužino', en: 'Hand-forged door handles for the restored ironworks' };
const DESCRIPTION = 'Potrebujemo 40 ročno kovanih kljuk in okovov po starih vzorcih iz Krope za prenovljeno fužino.';

test('a company posts a need (the form says what is missing or wrong) and publishes it by keyboard', async ({ page, request, text, lang, axe }) => {
  // Five axe scans of a long form: about 30 s on an idle machine, more when others build.
  test.setTimeout(90_000);
  const company = await signUp(request, 'Marta Kovinar', 'needs-company');
  const orgName = `Kovinarstvo ${unique()}`;
  const orgId = await organisation(request, company, 'COMPANY', orgName, 'radovljica');
  await signIn(page, company.email, PASSWORD, `/me/organisations/${orgId}/needs`);
  await expect(page.getByRole('heading', { level: 1, name: text.orgNeeds.list.title.replace('{{organisation}}', orgName) })).toBeVisible();
  await expect(page.getByText(text.orgNeeds.list.empty)).toBeVisible();
  await scan(page, axe);

  // Nothing filled in: the error summary and the field say what is missing.
  await page.getByRole('button', { name: text.orgNeeds.new.submit }).click();
  await expect(page.getByRole('alert').filter({ hasText: text.orgNeeds.problem.required }).first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: text.orgNeeds.field.titleSl })).toHaveAttribute('aria-invalid', 'true');
  await scan(page, axe);

  // A budget in the wrong order is caught before sending.
  await page.getByRole('textbox', { name: text.orgNeeds.field.titleSl }).fill(TITLE.sl);
  await page.getByRole('textbox', { name: text.orgNeeds.field.titleEn }).fill(TITLE.en);
  await page.getByRole('textbox', { name: text.orgNeeds.field.descriptionSl }).fill(DESCRIPTION);
  await page.getByRole('textbox', { name: text.orgNeeds.field.budgetMinEur }).fill('3000');
  await page.getByRole('textbox', { name: text.orgNeeds.field.budgetMaxEur }).fill('2000');
  for (const name of lang === 'sl' ? ['Kulturna dediščina', 'Ročno kovanje'] : ['Cultural heritage', 'Hand forging']) {
    const box = page.getByRole('checkbox', { name, exact: true });
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await page.getByRole('button', { name: text.orgNeeds.new.submit }).click();
  await expect(page.getByRole('textbox', { name: text.orgNeeds.field.budgetMaxEur })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(text.orgNeeds.problem.budgetOrder).first()).toBeVisible();
  await page.getByRole('textbox', { name: text.orgNeeds.field.budgetMaxEur }).fill('6000');
  await page.getByRole('button', { name: text.orgNeeds.new.submit }).click();

  // The draft's page: saved, not yet published; contacting waits for publishing.
  await expect(page.getByRole('heading', { level: 1, name: TITLE[lang] })).toBeVisible();
  await expect(page.getByText(text.orgNeeds.done.created)).toBeVisible();
  await expect(page.getByText(text.orgNeeds.status.DRAFT, { exact: true })).toBeVisible();
  await expect(page.getByText(text.orgNeeds.matches.publishFirst)).toBeVisible();
  await scan(page, axe);

  // Publish by keyboard.
  const publish = page.getByRole('button', { name: text.orgNeeds.publish.action });
  await publish.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(text.orgNeeds.done.published)).toBeVisible();
  await expect(page.getByText(text.orgNeeds.status.PUBLISHED, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: text.orgNeeds.need.publicPage })).toBeVisible();
  await scan(page, axe);

  // The public page offers its owners the way back here; then the list shows it published.
  await page.getByRole('link', { name: text.orgNeeds.need.publicPage }).click();
  await page.getByRole('link', { name: text.orgNeeds.need.manage }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE[lang] })).toBeVisible();
  await page.getByRole('link', { name: text.orgNeeds.need.back }).click();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE[lang] }) });
  await expect(item.getByText(text.orgNeeds.status.PUBLISHED, { exact: true })).toBeVisible();
});

test('a company sees the creatives its published need matches, with reasons, and invites one, who gets an inbox item', async ({ page, request, text, lang, axe, browser }) => {
  test.setTimeout(60_000);
  const { smith, smithName, company, orgName, orgId } = await smithAndCompany(request);
  const needId = (await as<{ createNeed: { id: string } }>(request, company.token, `mutation($i: CreateNeedInput!) { createNeed(input: $i) { id } }`, {
    i: { ownerOrganisationId: orgId, title: TITLE, description: { sl: DESCRIPTION }, domains: ['cultural-heritage'], techniques: ['hand-forging'], materials: ['iron-steel'] },
  })).createNeed.id;
  await as(request, company.token, `mutation($id: ID!) { publishNeed(id: $id) { id } }`, { id: needId });

  // The blacksmith is matched (search indexes new profiles within seconds), with the reasons written to the company.
  await signIn(page, company.email, PASSWORD, `/me/organisations/${orgId}/needs/${needId}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE[lang] })).toBeVisible();
  const smithItem = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: smithName }) });
  await expect(async () => {
    await page.reload();
    await expect(smithItem).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(smithItem.getByRole('meter', { name: text.orgNeeds.matches.score })).toHaveAttribute('aria-valuetext', /\d+\s%/);
  await expect(smithItem.getByText(text.orgNeeds.factor.crafts, { exact: true })).toBeVisible();
  await scan(page, axe);

  // Invite to talk: the page says it is sent; the button is gone (once per creative and need).
  await smithItem.getByRole('button', { name: text.orgNeeds.matches.contactNamed.replace('{{name}}', smithName) }).click();
  await expect(smithItem.getByText(text.orgNeeds.matches.sent.replace('{{name}}', smithName))).toBeVisible();
  await expect(smithItem.getByRole('button')).toHaveCount(0);
  await scan(page, axe);

  // The creative's inbox has it: the need's title, the organisation named, no e-mail address of the company.
  const inbox = await as<{ myNotifications: { nodes: { kind: string; subjectId: string; reason: { sl: string; en: string } }[] } }>(request, smith.token, `{ myNotifications { nodes { kind subjectId reason { sl en } } } }`);
  const item = inbox.myNotifications.nodes.find((n) => n.kind === 'need-contact');
  expect(item?.subjectId).toBe(needId);
  expect(item?.reason.sl).toContain(orgName);
  expect(JSON.stringify(item)).not.toContain(company.email);
  const context = await browser.newContext({ locale: lang === 'en' ? 'en-GB' : 'sl-SI', timezoneId: 'Europe/Ljubljana' });
  const creativePage = await context.newPage();
  await signIn(creativePage, smith.email, PASSWORD, '/me/inbox');
  await expect(creativePage.getByRole('link', { name: new RegExp(`${escape(text.inbox.kind['need-contact'])}.*${escape(TITLE[lang])}`) })).toBeVisible();
  await expect(creativePage.getByText(orgName).first()).toBeVisible();
  await scan(creativePage, axe);
  await context.close();
});

test("another company's member cannot open the need pages of an organisation", async ({ page, request, text, axe }) => {
  const owner = await signUp(request, 'Lastnica', 'needs-owner');
  const orgId = await organisation(request, owner, 'COMPANY', `Podjetje ${unique()}`, 'kranj');
  const outsider = await signUp(request, 'Zunanji', 'needs-outsider');
  await signIn(page, outsider.email, PASSWORD, `/me/organisations/${orgId}/needs`);
  await expect(page.getByText(text.orgNeeds.list.forbidden)).toBeVisible();
  await expect(page.getByRole('button', { name: text.orgNeeds.new.submit })).toHaveCount(0);
  await scan(page, axe);
});
