import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { ports } from '../playwright.config.js';
import { expect, fill, mailTo, test, unique, type Catalogue } from './fixtures.js';
import { PASSWORD, PNG, api, scan, tabTo } from './helpers.js';

/**
 * Organisations (issue 15 item 1): a new user creates a company (by keyboard alone), edits its
 * description in both languages and its logo; an owner invites, resends and revokes; the invited
 * member accepts from the mailed link and sees the organisation with their role; the public page
 * lists an open challenge. Errors (a duplicate invitation, the last owner) in the user's language.
 * Each test makes its own accounts through the API and signs in through the real form.
 */

interface Account {
  email: string;
  token: string;
  name: string;
}

async function account(request: APIRequestContext, prefix: string): Promise<Account> {
  const email = `orgs-${prefix}-${unique()}@example.si`;
  const name = `${prefix[0].toUpperCase()}${prefix.slice(1)} ${unique()}`;
  await api(request, null, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { displayName: name, email, password: PASSWORD } });
  const mail = await mailTo(request, email, '/verify-email?token=');
  const token = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail)?.[1];
  expect(token).toBeTruthy();
  await api(request, null, `mutation($t: String!) { verifyEmail(token: $t) }`, { t: token });
  const login = await api<{ login: { accessToken: string } }>(request, null, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: PASSWORD });
  return { email, token: login.login.accessToken, name };
}

async function organisation(request: APIRequestContext, owner: Account, name: string): Promise<string> {
  const created = await api<{ createOrganisation: { id: string } }>(request, owner.token, `mutation($n: String!) { createOrganisation(input: { kind: COMPANY, name: $n, municipality: "kranj" }) { id } }`, { n: name });
  return created.createOrganisation.id;
}

/** Opens a signed-in page: the /me guard sends us to the sign-in form and back. */
async function signInTo(page: Page, text: Catalogue, path: string, email: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: text.account.signIn.title })).toBeVisible();
  await page.getByLabel(text.account.field.email).fill(email);
  await page.getByLabel(text.account.field.password).fill(PASSWORD);
  await page.getByRole('button', { name: text.account.signIn.submit }).click();
}

/** At 375 px wide (a small phone) the page reflows: nothing needs scrolling sideways. */
async function fitsNarrowScreen(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  if (size) await page.setViewportSize(size);
}

/** Every invitation link mailed to `to`, as the catcher lists them. */
async function invitationLinks(request: APIRequestContext, to: string): Promise<string[]> {
  const catcher = `http://127.0.0.1:${ports.mail}`;
  const list = (await (await request.get(`${catcher}/api/messages`)).json()) as { file: string; to: string }[];
  const links: string[] = [];
  for (const message of list.filter((m) => m.to.toLowerCase() === to.toLowerCase())) {
    const raw = (await (await request.get(`${catcher}/messages/${encodeURIComponent(message.file)}/raw`)).text()).replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const token = /invitations\/accept\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(raw)?.[1];
    if (token && !links.includes(token)) links.push(token);
  }
  return links;
}

test('a new user creates a company by keyboard alone, then edits its description in both languages and its logo', async ({ page, request, text, axe, lang }) => {
  test.setTimeout(150_000);
  const o = text.orgs;
  const me = await account(request, 'creator');
  await signInTo(page, text, '/me/organisations', me.email);
  await expect(page.getByRole('heading', { level: 1, name: o.mine.title })).toBeVisible();
  await expect(page.getByText(o.mine.empty)).toBeVisible();
  await expect(page.getByRole('navigation', { name: text.me.navLabel }).getByRole('link', { name: o.nav.label })).toHaveAttribute('aria-current', 'page');
  await scan(page, axe);
  await fitsNarrowScreen(page);

  // Sending nothing names every missing answer, in the summary and next to the fields.
  const submit = page.getByRole('button', { name: o.create.submit });
  await submit.click();
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: text.errors.summaryTitle }) });
  await expect(summary).toBeFocused();
  for (const message of [o.error.kind, o.error.name, o.error.municipality]) await expect(summary.getByRole('link', { name: message })).toBeVisible();
  expect(await page.title()).toContain(fill(text.errors.titlePrefix, { title: o.mine.title }));
  await scan(page, axe);

  // Keyboard alone: kind, name, municipality (type-ahead), website, both descriptions, create.
  const name = `Tkalnica Modra ${unique()}`;
  await tabTo(page, page.getByRole('radio', { name: text.organisations.kind.COMPANY }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: text.organisations.kind.COMPANY })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(o.field.name, { exact: true })).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  const place = page.getByRole('button', { name: new RegExp(o.field.municipality) });
  await expect(place).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.type('Rad');
  await page.keyboard.press('Enter');
  await expect(place).toContainText('Radovljica');
  await expect(place).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('https://tkalnica.example');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(o.field.descriptionSl)).toBeFocused();
  await page.keyboard.type('Tkemo platno za modrotisk.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('We weave linen for blueprint printing.');
  await tabTo(page, submit);
  await page.keyboard.press('Enter');

  // Its own page: a success banner, my role, the profile as entered.
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: o.manage.done.created })).toBeVisible();
  await expect(page.getByText(fill(o.mine.yourRole, { role: o.role.OWNER }))).toBeVisible();
  await expect(page.getByLabel(o.field.descriptionEn)).toHaveValue('We weave linen for blueprint printing.');
  await scan(page, axe);

  // Edit both descriptions and add a logo (uploaded with progress, then shown).
  await page.getByLabel(o.field.descriptionSl).fill('Tkemo laneno platno za modrotisk v Radovljici.');
  await page.getByLabel(o.field.descriptionEn).fill('We weave linen for blueprint printing in Radovljica.');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: o.field.chooseLogo }).click();
  await (await chooser).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByText(fill(o.field.chosen, { name: 'logo.png' }))).toBeVisible();
  await page.getByRole('button', { name: o.manage.save }).click();
  await expect(page.getByText(o.manage.saved)).toBeVisible();
  await expect(page.getByRole('img', { name: o.field.currentLogo })).toBeVisible();
  await scan(page, axe);
  await fitsNarrowScreen(page);

  // The public page shows the description in the reader's language, the logo and the empty lists.
  await page.getByRole('link', { name: o.manage.publicPage }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(lang === 'en' ? 'We weave linen for blueprint printing in Radovljica.' : 'Tkemo laneno platno za modrotisk v Radovljici.')).toBeVisible();
  await expect(page.getByRole('img', { name: fill(o.public.logo, { name }) })).toBeVisible();
  await expect(page.getByText(o.public.noOpen)).toBeVisible();
  await scan(page, axe);
});

test('an owner invites a member who accepts from the mail and sees the organisation with their role; resend, revoke, duplicate and last-owner errors', async ({ page, browser, request, text, axe, locale }) => {
  test.setTimeout(150_000);
  const o = text.orgs;
  const owner = await account(request, 'owner');
  const member = await account(request, 'member');
  const orgName = `Lončarstvo ${unique()}`;
  const orgId = await organisation(request, owner, orgName);
  await signInTo(page, text, `/me/organisations/${orgId}`, owner.email);
  await expect(page.getByRole('heading', { level: 1, name: orgName })).toBeVisible();
  await expect(page.getByText(o.invitations.empty)).toBeVisible();

  // Invite the member as an editor.
  const invitations = page.getByRole('region', { name: o.invitations.title });
  await invitations.getByLabel(o.invitations.email).fill(member.email);
  await expect(invitations.getByRole('radio', { name: new RegExp(o.role.EDITOR) })).toBeChecked();
  await invitations.getByRole('button', { name: o.invitations.send }).click();
  await expect(invitations.getByText(fill(o.invitations.sent, { email: member.email }))).toBeVisible();
  await expect(invitations.getByRole('heading', { name: fill(o.invitations.open_one, { count: 1 }) })).toBeVisible();
  await scan(page, axe);

  // The same address again: refused, in the user's language, next to the field and in the summary.
  await invitations.getByLabel(o.invitations.email).fill(member.email.toUpperCase());
  await invitations.getByRole('button', { name: o.invitations.send }).click();
  await expect(invitations.getByRole('link', { name: o.error.duplicateInvite })).toBeVisible();
  await scan(page, axe);

  // A second, pending invitation is revoked; the member's is sent again (a new link).
  const pending = `orgs-pending-${unique()}@example.si`;
  await invitations.getByLabel(o.invitations.email).fill(pending);
  await invitations.getByRole('button', { name: o.invitations.send }).click();
  await expect(invitations.getByText(fill(o.invitations.sent, { email: pending }))).toBeVisible();
  await invitations.getByRole('button', { name: fill(o.invitations.revokeFor, { email: pending }) }).click();
  await expect(invitations.getByText(fill(o.invitations.revoked, { email: pending }))).toBeVisible();
  await expect(invitations.getByRole('button', { name: fill(o.invitations.revokeFor, { email: pending }) })).toHaveCount(0);
  await expect.poll(() => invitationLinks(request, member.email).then((l) => l.length)).toBe(1);
  await invitations.getByRole('button', { name: fill(o.invitations.resendTo, { email: member.email }) }).click();
  await expect(invitations.getByText(fill(o.invitations.resent, { email: member.email }))).toBeVisible();
  await expect.poll(() => invitationLinks(request, member.email).then((l) => l.length)).toBe(2);

  // The last owner cannot stop being one: said in words, the role stays.
  const members = page.getByRole('region', { name: new RegExp(fill(o.members.title_one, { count: 1 })) });
  await members.getByRole('button', { name: fill(o.members.roleFor, { name: owner.name }) }).click();
  await page.getByRole('option', { name: o.role.REVIEWER }).click();
  await members.getByRole('button', { name: fill(o.members.changeRoleFor, { name: owner.name }) }).click();
  await expect(members.getByText(o.error.lastOwnerRole)).toBeVisible();
  await scan(page, axe);

  // The member, in their own browser: the replaced link is refused, the new one joins them as an editor.
  const links = await invitationLinks(request, member.email);
  const memberPage = await signedInPage(browser, locale ?? 'sl-SI', text, member.email);
  const outcomes: string[] = [];
  for (const token of links) {
    await memberPage.goto(`/invitations/accept?token=${token}`);
    await memberPage.getByRole('button', { name: text.account.invitation.submit }).click();
    const accepted = memberPage.getByRole('heading', { level: 1, name: text.account.invitation.doneTitle });
    const refused = memberPage.getByText(text.account.link.usedOrExpired);
    await expect(accepted.or(refused)).toBeVisible();
    await scan(memberPage, axe);
    if (await refused.isVisible()) {
      outcomes.push('refused');
      continue;
    }
    outcomes.push('accepted');
    await memberPage.getByRole('link', { name: o.accepted.open }).click();
    await expect(memberPage.getByRole('heading', { level: 1, name: orgName })).toBeVisible();
    await expect(memberPage.getByText(fill(o.mine.yourRole, { role: o.role.EDITOR }))).toBeVisible();
    await scan(memberPage, axe);
  }
  expect([...outcomes].sort()).toEqual(['accepted', 'refused']);
  // From the signed-in area's overview, the side navigation leads to my organisations.
  await memberPage.goto('/me');
  await memberPage.getByRole('navigation', { name: text.me.navLabel }).getByRole('link', { name: o.nav.label }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name: o.mine.title })).toBeVisible();
  const card = memberPage.getByRole('listitem').filter({ has: memberPage.getByRole('link', { name: orgName }) });
  await expect(card.getByText(fill(o.mine.yourRole, { role: o.role.EDITOR }))).toBeVisible();
  await scan(memberPage, axe);
  await memberPage.context().close();

  // The owner sees two members now.
  await page.reload();
  await expect(page.getByRole('heading', { name: fill(o.members.title_two ?? o.members.title_other, { count: 2 }) })).toBeVisible();
});

async function signedInPage(browser: Browser, locale: string, text: Catalogue, email: string): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Ljubljana' });
  const page = await context.newPage();
  await signInTo(page, text, '/me', email);
  await expect(page.getByRole('heading', { level: 1, name: text.me.title })).toBeVisible();
  return page;
}

test('the public organisation page lists an open challenge and a need, and says what is empty', async ({ page, request, text, axe }) => {
  const o = text.orgs;
  const owner = await account(request, 'public');
  const orgName = `Muzej ${unique()}`;
  const orgId = await organisation(request, owner, orgName);
  const title = `Lectova srca ${unique()}`;
  const challenge = await api<{ createChallenge: { id: string } }>(request, owner.token, `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`, {
    input: { ownerOrganisationId: orgId, title: { sl: title, en: title }, brief: { sl: 'Lectova srca za muzejsko trgovino.' }, deadline: new Date(Date.now() + 20 * 86_400_000).toISOString() },
  });
  await api(request, owner.token, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: challenge.createChallenge.id });
  const draft = `Osnutek ${unique()}`;
  await api(request, owner.token, `mutation($o: ID!, $t: String!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: $t } }) { id } }`, { o: orgId, t: draft });
  const needTitle = `Fotografije zbirke ${unique()}`;
  const need = await api<{ createNeed: { id: string } }>(request, owner.token, `mutation($i: CreateNeedInput!) { createNeed(input: $i) { id } }`, {
    i: { ownerOrganisationId: orgId, title: { sl: needTitle, en: needTitle }, description: { sl: 'Fotografiranje 40 predmetov zbirke za spletni katalog.' }, budgetMinEur: 500, budgetMaxEur: 900 },
  });
  await api(request, owner.token, `mutation($id: ID!) { publishNeed(id: $id) { id } }`, { id: need.createNeed.id });

  await page.goto(`/organisations/${orgId}`);
  await expect(page.getByRole('heading', { level: 1, name: orgName })).toBeVisible();
  const open = page.getByRole('region', { name: fill(o.public.open_one, { count: 1 }) });
  await expect(open.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByText(draft)).toHaveCount(0);
  await expect(page.getByRole('region', { name: fill(o.public.needs_one, { count: 1 }) }).getByRole('link', { name: needTitle })).toBeVisible();
  await expect(page.getByText(o.public.noAwards)).toBeVisible();
  await expect(page.getByText(o.public.noPast)).toBeVisible();
  await scan(page, axe);
  await fitsNarrowScreen(page);
  await open.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('a reviewer sees the organisation read-only; the owner promotes and then removes them, but cannot remove the last owner', async ({ page, browser, request, text, axe, locale }) => {
  test.setTimeout(150_000);
  const o = text.orgs;
  const owner = await account(request, 'keeper');
  const member = await account(request, 'reviewer');
  const orgName = `Čipkarska šola ${unique()}`;
  const orgId = await organisation(request, owner, orgName);
  await api(request, owner.token, `mutation($o: ID!, $e: String!) { inviteOrganisationMember(organisationId: $o, email: $e, role: REVIEWER, locale: sl) { id } }`, { o: orgId, e: member.email });
  await expect.poll(() => invitationLinks(request, member.email).then((l) => l.length)).toBe(1);
  const [token] = await invitationLinks(request, member.email);
  await api(request, member.token, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: token });

  // The reviewer: the profile as text, no form, no invitations, roles as words.
  await signInTo(page, text, `/me/organisations/${orgId}`, member.email);
  await expect(page.getByRole('heading', { level: 1, name: orgName })).toBeVisible();
  await expect(page.getByText(fill(o.mine.yourRole, { role: o.role.REVIEWER }))).toBeVisible();
  await expect(page.getByText(o.manage.readOnly)).toBeVisible();
  await expect(page.getByRole('button', { name: o.manage.save })).toHaveCount(0);
  await expect(page.getByRole('region', { name: o.invitations.title })).toHaveCount(0);
  await scan(page, axe);

  // The owner promotes the reviewer to editor, then removes them after confirming.
  const ownerPage = await signedInPage(browser, locale ?? 'sl-SI', text, owner.email);
  await ownerPage.goto(`/me/organisations/${orgId}`);
  const members = ownerPage.getByRole('region', { name: fill(o.members.title_two ?? o.members.title_other, { count: 2 }) });
  await members.getByRole('button', { name: fill(o.members.roleFor, { name: member.name }) }).click();
  await ownerPage.getByRole('option', { name: o.role.EDITOR }).click();
  await members.getByRole('button', { name: fill(o.members.changeRoleFor, { name: member.name }) }).click();
  await expect(members.getByText(fill(o.members.roleChanged, { name: member.name, role: o.role.EDITOR }))).toBeVisible();
  await members.getByRole('button', { name: fill(o.members.removeWho, { name: member.name }) }).click();
  const dialog = ownerPage.getByRole('dialog', { name: fill(o.members.removeTitle, { name: member.name }) });
  await expect(dialog).toBeVisible();
  await scan(ownerPage, axe);
  await dialog.getByRole('button', { name: o.members.removeConfirm }).click();
  await expect(ownerPage.getByText(fill(o.members.removed, { name: member.name }))).toBeVisible();
  await expect(ownerPage.getByRole('heading', { name: fill(o.members.title_one, { count: 1 }) })).toBeVisible();

  // Removing the last owner is refused, in words.
  await ownerPage.getByRole('button', { name: fill(o.members.removeWho, { name: owner.name }) }).click();
  await ownerPage.getByRole('dialog').getByRole('button', { name: o.members.removeConfirm }).click();
  await expect(ownerPage.getByText(o.error.lastOwnerRemove)).toBeVisible();
  await scan(ownerPage, axe);
  await ownerPage.context().close();

  // The removed member no longer sees the organisation among theirs.
  await page.goto('/me/organisations');
  await expect(page.getByText(o.mine.empty)).toBeVisible();
});
