import type { APIRequestContext, Page } from '@playwright/test';
import { PASSWORD, PNG, api, scan, tabTo } from './helpers.js';
import { enCatalogue, slCatalogue } from './catalogue.js';
import { expect, fill, mailTo, test, unique, type Catalogue } from './fixtures.js';

/**
 * Issue 12's "done means", in one journey per language, by clicking as a new user would: find the
 * Alpina blueprint-print challenge from the home page, sign up, verify by the mailed link, sign in,
 * build a profile, give consent, see the matches with reasons, write and submit a proposal with
 * an attachment, and later read an outcome in the inbox.
 *
 * The outcome needs a challenge whose deadline has passed and an owner who decides. Alpina's
 * deadline is months away, so a fresh organisation posts a second challenge with a deadline a
 * few seconds out (through the API, as its owner would in their own browser); the same user's
 * proposal there is sent through the API with their own sign-in, the owner awards it, and the
 * user reads the award in the inbox by clicking.
 */
const ALPINA = /Modrotisk na usnju za moderne pohodne čevlje|Blueprint \(modrotisk\) on leather for modern hiking shoes/;

async function login(request: APIRequestContext, email: string): Promise<string> {
  const answer = await api<{ login: { accessToken: string } }>(request, null, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: PASSWORD });
  return answer.login.accessToken;
}

/** Chooses an option in a searchable picker by typing part of it (the keyboard way). */
async function pick(page: Page, label: string, typed: string, option: RegExp): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(typed);
  await expect(page.getByRole('option', { name: option }).first()).toBeVisible();
  await input.press('ArrowDown');
  await input.press('Enter');
  if (await page.getByRole('listbox').isVisible()) await input.press('Escape');
}

test('done means: a new user finds Alpina, signs up, verifies, builds a profile, consents, sees matches, submits a proposal with a file, and reads an outcome in the inbox', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(240_000);
  const t: Catalogue = text;
  const name = `Nika Indigo ${unique()}`;
  const email = `done-${unique()}@example.si`;

  // 1. The home page: search, open Alpina.
  await page.goto('/');
  await page.getByRole('searchbox', { name: t.search.label }).fill('modrotisk usnje');
  await page.getByRole('button', { name: t.search.submit }).click();
  await page.getByRole('link', { name: ALPINA }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: ALPINA })).toBeVisible();
  await scan(page, axe);

  // 2. Sign up from the header, verify by the mailed link, sign in.
  await page.getByRole('banner').getByRole('link', { name: t.layout.signUp }).click();
  await page.getByLabel(t.account.field.displayName).fill(name);
  await page.getByLabel(t.account.field.email).fill(email);
  await page.getByLabel(t.account.field.newPassword).fill(PASSWORD);
  await page.getByRole('button', { name: t.account.signUp.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.account.signUp.checkMail })).toBeVisible();
  const mail = await mailTo(request, email, '/verify-email?token=');
  const link = /(http:\/\/127\.0\.0\.1:\d+\/verify-email\?token=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail)?.[1] ?? '';
  expect(link).not.toBe('');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: t.account.verify.doneTitle })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: t.account.signIn.title }).click();
  await page.getByLabel(t.account.field.email).fill(email);
  await page.getByLabel(t.account.field.password).fill(PASSWORD);
  await page.getByRole('button', { name: t.account.signIn.submit }).click();
  await expect(page.getByText(fill(t.layout.signedInAs, { name }))).toBeVisible();

  // 3. My space → the profile: kind, bio, municipality, vocabularies; then consent.
  await page.getByRole('banner').getByRole('link', { name: t.layout.mySpace }).click();
  await page.getByRole('navigation', { name: t.me.navLabel }).getByRole('link', { name: t.profile.nav.label }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.profile.createTitle })).toBeVisible();
  await page.getByLabel(t.profile.field.displayName).fill(name);
  await page.getByLabel(t.profile.field.bioSl).fill('Tiskam modrotisk na usnje in platno; delavnica v Žireh.');
  await page.getByLabel(t.profile.field.bioEn).fill('I print blueprint (modrotisk) on leather and linen; studio in Žiri.');
  await pick(page, t.profile.field.municipality, 'ziri', /Žiri/);
  await pick(page, t.profile.field.domains, lang === 'en' ? 'design' : 'oblikov', lang === 'en' ? /Design and visual arts/ : /Oblikovanje in vizualne umetnosti/);
  await pick(page, t.profile.field.crafts, lang === 'en' ? 'leatherw' : 'usnjar', lang === 'en' ? /Leatherwork/ : /Usnjarstvo/);
  await pick(page, t.profile.field.techniques, lang === 'en' ? 'blueprint' : 'modrot', lang === 'en' ? /Blueprint/ : /Modrotisk/);
  await pick(page, t.profile.field.materials, lang === 'en' ? 'leather' : 'usnje', lang === 'en' ? /^Leather$/ : /^Usnje$/);
  await page.getByRole('radiogroup', { name: t.profile.field.kind }).getByText(t.creatives.kind.INDIVIDUAL, { exact: true }).click();
  await page.getByRole('button', { name: t.profile.create }).click();
  await expect(page.getByText(t.profile.created)).toBeVisible();
  const consent = page.getByRole('region', { name: t.profile.sections.consent });
  await consent.getByRole('button', { name: t.profile.consent.give }).click();
  await expect(consent.getByText(t.profile.consent.given)).toBeVisible();
  await scan(page, axe);

  // 4. My matches: Alpina, with a score and reasons written to me.
  await page.getByRole('navigation', { name: t.me.navLabel }).getByRole('link', { name: t.matches.nav.matches.label }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.matches.mine.title })).toBeVisible();
  const alpina = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: ALPINA }) });
  await expect(alpina).toBeVisible({ timeout: 20_000 });
  await expect(alpina.getByRole('meter', { name: t.matches.score.label })).toHaveAttribute('aria-valuetext', /\d+\s%/);
  await expect(alpina.getByText(t.matches.factor.crafts)).toBeVisible();
  await scan(page, axe);

  // 5. The proposal on Alpina: working title, text, a PNG with its progress, submit.
  await alpina.getByRole('link', { name: ALPINA }).click();
  await expect(page.getByRole('heading', { level: 1, name: ALPINA })).toBeVisible();
  const cta = page.getByRole('region', { name: t.proposals.cta.title });
  await cta.getByLabel(t.proposals.cta.workingTitle).fill('Indigo na usnju');
  await cta.getByRole('button', { name: t.proposals.cta.write }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indigo na usnju' })).toBeVisible();
  await page.getByRole('textbox', { name: t.proposals.field.bodySl }).fill('Šablona iz lesa in **indigo** na usnju za zgornji del čevlja.');
  await page.getByRole('button', { name: t.proposals.editor.save }).click();
  await expect(page.getByText(t.proposals.editor.allSaved)).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: t.proposals.attachments.add }).click();
  await (await chooser).setFiles([{ name: 'vzorec.png', mimeType: 'image/png', buffer: PNG }]);
  await expect(page.getByRole('progressbar', { name: fill(t.proposals.attachments.uploaded, { name: 'vzorec.png' }) })).toHaveAttribute('value', '100');
  await page.getByRole('button', { name: t.proposals.submit.button }).click();
  await page.getByRole('alertdialog', { name: t.proposals.submit.confirmTitle }).getByRole('button', { name: t.proposals.submit.confirm }).click();
  await expect(page.getByText(t.proposals.editor.submitted)).toBeVisible();
  await expect(page.getByText(t.proposals.status.SUBMITTED, { exact: true })).toBeVisible();
  await scan(page, axe);

  // 6. Later: another challenge closes and its owner awards this user's proposal there.
  const owner = `done-owner-${unique()}@example.si`;
  await api(request, null, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { displayName: 'Tovarna Žiri', email: owner, password: PASSWORD } });
  const ownerToken = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(await mailTo(request, owner, '/verify-email?token='))?.[1];
  await api(request, null, `mutation($t: String!) { verifyEmail(token: $t) }`, { t: ownerToken });
  const [ownerAuth, userAuth] = [await login(request, owner), await login(request, email)];
  const org = await api<{ createOrganisation: { id: string } }>(request, ownerAuth, `mutation { createOrganisation(input: { kind: COMPANY, name: "Tovarna ${unique()}", municipality: "ziri" }) { id } }`);
  const challenge = await api<{ createChallenge: { id: string } }>(request, ownerAuth, `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`, {
    input: {
      ownerOrganisationId: org.createOrganisation.id, title: { sl: 'Modrotisk za delovne rokavice', en: 'Blueprint for work gloves' }, brief: { sl: 'Vzorec za rokavice.', en: 'A pattern for gloves.' },
      totalBudgetEur: 3000, awardsCount: 1, rewards: [{ kind: 'PRIZE_MONEY', amountEur: 3000 }], criteria: [{ name: { sl: 'Ideja', en: 'Idea' }, weight: 100 }],
      deadline: new Date(Date.now() + 15_000).toISOString(),
    },
  });
  const challengeId = challenge.createChallenge.id;
  await api(request, ownerAuth, `mutation($id: ID!) { publishChallenge(id: $id) { status } }`, { id: challengeId });
  const proposal = await api<{ createProposal: { id: string } }>(request, userAuth, `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`, {
    input: { challengeId, title: { sl: 'Indigo rokavice', en: 'Indigo gloves' }, body: { sl: 'Šablona za rokavice.', en: 'A stencil for gloves.' } },
  });
  await api(request, userAuth, `mutation($id: ID!) { submitProposal(id: $id) { status } }`, { id: proposal.createProposal.id });
  await expect
    .poll(async () => (await api<{ challenge: { status: string } }>(request, ownerAuth, `query($id: ID!) { challenge(id: $id) { status } }`, { id: challengeId })).challenge.status, { timeout: 90_000, intervals: [2_000] })
    .toBe('SUBMISSIONS_CLOSED');
  await api(request, ownerAuth, `mutation($id: ID!) { startChallengeReview(id: $id) { status } }`, { id: challengeId });
  await api(request, ownerAuth, `mutation($p: ID!) { awardProposal(proposalId: $p, amountEur: 3000, reason: { sl: "Drzna raba indiga.", en: "A bold use of indigo." }) { id } }`, { p: proposal.createProposal.id });
  await api(request, ownerAuth, `mutation($c: ID!) { publishAwardDecision(challengeId: $c, decision: { sl: "Izbran je en predlog.", en: "One proposal was chosen." }) { status } }`, { c: challengeId });

  // 7. The inbox: the header shows unread notifications; the award is there; it opens the decision.
  const title = lang === 'en' ? 'Blueprint for work gloves' : 'Modrotisk za delovne rokavice';
  const award = page.getByRole('link', { name: `${t.inbox.kind['proposal-awarded']}: ${title}` });
  await expect(async () => {
    await page.goto('/me/inbox');
    await expect(award).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('banner').getByRole('link', { name: new RegExp(`^${t.inbox.header.link}, `) })).toBeVisible();
  await scan(page, axe);
  await award.click();
  const decision = page.getByRole('region', { name: t.proposals.decision.title });
  await expect(decision.getByText(lang === 'en' ? 'A bold use of indigo.' : 'Drzna raba indiga.')).toBeVisible();
  await scan(page, axe);
});

test('done means, by keyboard alone: sign in, search, open Alpina, write and submit a proposal, open the inbox', async ({ page, request, text, axe }) => {
  test.setTimeout(150_000);
  const t: Catalogue = text;
  // A verified creative with a profile and consent (the profile editor by keyboard is profile.pw.ts's).
  const email = `done-kb-${unique()}@example.si`;
  await api(request, null, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { displayName: 'Jure Tipkovnica', email, password: PASSWORD } });
  const verify = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(await mailTo(request, email, '/verify-email?token='))?.[1];
  await api(request, null, `mutation($t: String!) { verifyEmail(token: $t) }`, { t: verify });
  const token = await login(request, email);
  await api(request, token, `mutation($input: CreateCreativeProfileInput!) { createCreativeProfile(input: $input) { id } }`, {
    input: { kind: 'INDIVIDUAL', displayName: 'Jure Tipkovnica', municipality: 'ziri', domains: ['design-visual-arts'], crafts: ['leatherwork'], techniques: ['blueprint'], materials: ['leather'] },
  });
  await api(request, token, `mutation { setMatchingConsent(consent: true) { id } }`);

  // Sign in: Tab to each field, type, Enter submits.
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: t.account.signIn.title })).toBeVisible();
  await tabTo(page, page.getByLabel(t.account.field.email));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel(t.account.field.password));
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByText(fill(t.layout.signedInAs, { name: 'Jure Tipkovnica' }))).toBeVisible();

  // Search from the home page and open Alpina.
  await tabTo(page, page.getByRole('searchbox', { name: t.search.label }));
  await page.keyboard.type('modrotisk');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?q=modrotisk/);
  await tabTo(page, page.getByRole('link', { name: ALPINA }).first(), 120);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: ALPINA })).toBeVisible();

  // The proposal: working title, Write, the text, Save, Submit, confirm.
  const cta = page.getByRole('region', { name: t.proposals.cta.title });
  await tabTo(page, cta.getByLabel(t.proposals.cta.workingTitle), 120);
  await page.keyboard.type('Tipkovni indigo');
  await tabTo(page, cta.getByRole('button', { name: t.proposals.cta.write }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tipkovni indigo' })).toBeVisible();
  await tabTo(page, page.getByRole('textbox', { name: t.proposals.field.bodySl }));
  await page.keyboard.type('Šablona in indigo na usnju.');
  await tabTo(page, page.getByRole('button', { name: t.proposals.editor.save }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(t.proposals.editor.allSaved)).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: t.proposals.submit.button }));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: t.proposals.submit.confirmTitle });
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm.getByRole('button', { name: t.proposals.submit.confirm }), 10);
  await page.keyboard.press('Enter');
  await expect(page.getByText(t.proposals.editor.submitted)).toBeVisible();

  // The inbox from the header.
  await tabTo(page, page.getByRole('banner').getByRole('link', { name: new RegExp(`^${t.inbox.header.link}`) }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: t.inbox.title })).toBeVisible();
  await scan(page, axe);
});

test('the signed-in area keeps its words when the language changes (each feature catalogue loads in the other language too)', async ({ page, request, text, lang }) => {
  const email = `done-lang-${unique()}@example.si`;
  await api(request, null, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { displayName: 'Lea Jezik', email, password: PASSWORD } });
  const verify = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(await mailTo(request, email, '/verify-email?token='))?.[1];
  await api(request, null, `mutation($t: String!) { verifyEmail(token: $t) }`, { t: verify });
  await page.goto('/sign-in?redirect=%2Fme%2Fprofile');
  await page.getByLabel(text.account.field.email).fill(email);
  await page.getByLabel(text.account.field.password).fill(PASSWORD);
  await page.getByRole('button', { name: text.account.signIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.profile.createTitle })).toBeVisible();
  const other = lang === 'en' ? 'sl' : 'en';
  const otherText = other === 'en' ? enCatalogue : slCatalogue;
  await page.getByRole('banner').getByRole('button', { name: text.layout.switchTo[other] }).click();
  await expect(page.getByRole('heading', { level: 1, name: otherText.profile.createTitle })).toBeVisible();
  // No raw translation key anywhere on the page.
  await expect(page.locator('main')).not.toContainText(/\b(profile|me|inbox|matches)\.[a-z]+\.[a-zA-Z]+/);
});
