import type { APIRequestContext, Page } from '@playwright/test';
import { expect, fill, mailTo, test, unique, type Catalogue } from './fixtures.js';
import { PASSWORD, PNG, api, scan } from './helpers.js';

/**
 * Proposals and Q&A (issue 12 item 11). Each test makes its own accounts through the API (sign up,
 * the mailed verification link, login for a Bearer token; the creative profile with
 * createCreativeProfile), and signs in in the browser through the real sign-in form.
 */
const ALPINA = /Modrotisk na usnju za moderne pohodne čevlje|Blueprint \(modrotisk\) on leather for modern hiking shoes/;

interface Account {
  email: string;
  token: string;
}

/** A verified account, signed in through the API (its Bearer token for seeding). */
async function account(request: APIRequestContext, displayName: string): Promise<Account> {
  const email = `proposals-${unique()}@example.si`;
  await api(request, null, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { displayName, email, password: PASSWORD } });
  const mail = await mailTo(request, email, '/verify-email?token=');
  const token = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail)?.[1];
  expect(token).toBeTruthy();
  await api(request, null, `mutation($t: String!) { verifyEmail(token: $t) }`, { t: token });
  const login = await api<{ login: { accessToken: string } }>(request, null, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: PASSWORD });
  return { email, token: login.login.accessToken };
}

async function creative(request: APIRequestContext, displayName: string): Promise<Account & { profileId: string }> {
  const user = await account(request, displayName);
  const created = await api<{ createCreativeProfile: { id: string } }>(
    request,
    user.token,
    `mutation($input: CreateCreativeProfileInput!) { createCreativeProfile(input: $input) { id } }`,
    { input: { kind: 'INDIVIDUAL', displayName, municipality: 'kranj', domains: [] } },
  );
  return { ...user, profileId: created.createCreativeProfile.id };
}

async function signInHere(page: Page, text: Catalogue, email: string) {
  await expect(page.getByRole('heading', { level: 1, name: text.account.signIn.title })).toBeVisible();
  await page.getByLabel(text.account.field.email).fill(email);
  await page.getByLabel(text.account.field.password).fill(PASSWORD);
  await page.getByRole('button', { name: text.account.signIn.submit }).click();
}

async function openAlpina(page: Page, text: Catalogue) {
  await page.goto('/');
  await page.getByRole('searchbox', { name: text.search.label }).fill('modrotisk');
  await page.getByRole('button', { name: text.search.submit }).click();
  await page.getByRole('link', { name: ALPINA }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: ALPINA })).toBeVisible();
}

const PDF = Buffer.from(`%PDF-1.4\n% Modrotisk vzorec\n${'0'.repeat(200_000)}\n%%EOF\n`);

test('a creative writes a proposal on the Alpina challenge: markdown preview, co-author, files, submit, my proposals, withdraw', async ({ page, request, text, axe }) => {
  // Long: one journey through every state of the editor, with an axe scan at each.
  test.setTimeout(150_000);
  const me = await creative(request, `Tina Modra ${unique()}`);
  const p = text.proposals;

  // Signed out: the challenge page says how to write a proposal (sign in and come back).
  await openAlpina(page, text);
  const cta = page.getByRole('region', { name: p.cta.title });
  await expect(cta.getByRole('link', { name: p.cta.signIn })).toBeVisible();
  await scan(page, axe);
  await cta.getByRole('link', { name: p.cta.signIn }).click();
  await signInHere(page, text, me.email);
  await expect(page.getByRole('heading', { level: 1, name: ALPINA })).toBeVisible();

  // Signed in with a profile: "Write a proposal"; an empty working title is refused next to the field.
  const write = cta.getByRole('button', { name: p.cta.write });
  await expect(write).toBeVisible();
  await write.click();
  await expect(cta.getByText(p.errors.workingTitle)).toBeVisible();
  await scan(page, axe);
  await cta.getByLabel(p.cta.workingTitle).fill('Indigo sled');
  await write.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indigo sled' })).toBeVisible();
  await expect(page.getByText(p.editor.started)).toBeVisible();
  await expect(page.getByRole('timer')).toBeVisible();
  await scan(page, axe);

  // The text: lightweight markdown, previewed as a list; HTML and a javascript: link stay inert text.
  const body = ['Vzorec iz **modrotiska** za *pohodne* čevlje.', '', '- šablona iz lesa', '- indigo na usnju', '', '<script>alert(1)</script> [klik](javascript:alert(1)) [portfolio](https://example.si/portfolio)'].join('\n');
  await page.getByRole('textbox', { name: p.field.bodySl }).fill(body);
  const preview = page.getByRole('region', { name: fill(p.editor.preview, { field: p.field.bodySl }) });
  await expect(preview.getByRole('listitem')).toHaveText(['šablona iz lesa', 'indigo na usnju']);
  await expect(preview.locator('strong')).toHaveText('modrotiska');
  await expect(preview.getByText('<script>alert(1)</script>', { exact: false })).toBeVisible();
  await expect(preview.getByText('[klik](javascript:alert(1))', { exact: false })).toBeVisible();
  await expect(preview.getByRole('link', { name: 'klik' })).toHaveCount(0);
  await expect(preview.getByRole('link', { name: 'portfolio' })).toHaveAttribute('href', 'https://example.si/portfolio');
  await expect(preview.getByRole('link', { name: 'portfolio' })).toHaveAttribute('rel', /noopener noreferrer/);
  expect(await page.evaluate(() => document.querySelectorAll('main script').length)).toBe(0);
  // The error path: no title and an amount that is not whole euros; the summary links each field.
  await page.getByRole('textbox', { name: p.field.titleSl }).fill('');
  await page.getByRole('textbox', { name: p.field.titleEn }).fill('');
  await page.getByRole('textbox', { name: p.field.requestedEur }).fill('45,5');
  await page.getByRole('button', { name: p.editor.save }).click();
  const summary = page.getByRole('alert').filter({ hasText: text.errors.summaryTitle });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: p.errors.titleSl })).toBeVisible();
  await expect(summary.getByRole('link', { name: p.errors.requestedEur })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${fill(text.errors.titlePrefix, { title: '' }).trim()}`));
  await scan(page, axe);
  await summary.getByRole('link', { name: p.errors.titleSl }).click();
  await expect(page.getByRole('textbox', { name: p.field.titleSl })).toBeFocused();
  await page.getByRole('textbox', { name: p.field.titleSl }).fill('Indigo sled na usnju');
  await page.getByRole('textbox', { name: p.field.titleEn }).fill('Indigo trail on leather');
  await page.getByRole('textbox', { name: p.field.requestedEur }).fill('4500');

  // A co-author, found by name (a demo creative with a public profile), chosen with the keyboard.
  const find = page.getByRole('combobox', { name: p.editor.findCoAuthor });
  await find.pressSequentially('Tiskovec');
  await expect(page.getByRole('option', { name: /Rok Tiskovec/ })).toBeVisible();
  await find.press('ArrowDown');
  await find.press('Enter');
  await expect(page.getByRole('button', { name: fill(p.editor.removeCoAuthor, { name: 'Rok Tiskovec' }) })).toBeVisible();
  await expect(page.getByText(p.editor.unsaved)).toBeVisible();
  await scan(page, axe);

  // Leaving with unsaved changes asks first.
  await page.getByRole('link', { name: p.backToList }).click();
  const leave = page.getByRole('alertdialog', { name: p.leave.title });
  await expect(leave).toBeVisible();
  await scan(page, axe);
  await leave.getByRole('button', { name: p.leave.stay }).click();
  await expect(leave).toBeHidden();

  await page.getByRole('button', { name: p.editor.save }).click();
  await expect(page.getByText(p.editor.saved, { exact: true })).toBeVisible();
  await expect(page.getByText(p.editor.allSaved)).toBeVisible();

  // Files: a PNG and a PDF upload with their percentage; a text file is refused with the reason.
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: p.attachments.add }).click();
  await (await chooser).setFiles([
    { name: 'vzorec.png', mimeType: 'image/png', buffer: PNG },
    { name: 'portfolio.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  for (const name of ['vzorec.png', 'portfolio.pdf']) {
    const bar = page.getByRole('progressbar', { name: fill(p.attachments.uploaded, { name }) });
    await expect(bar).toHaveAttribute('value', '100');
    await expect(page.getByRole('button', { name: fill(p.attachments.download, { name }) })).toBeVisible();
  }
  await expect(page.getByText(fill(p.attachments.percent, { percent: 100 })).first()).toBeVisible();
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: p.attachments.add }).click();
  await (await chooser).setFiles([{ name: 'opombe.txt', mimeType: 'text/plain', buffer: Buffer.from('samo besedilo') }]);
  await expect(page.getByRole('alert').filter({ hasText: fill(p.attachments.failed, { name: 'opombe.txt', reason: p.attachments.failure.type }) })).toBeVisible();
  await scan(page, axe);

  // Submit: check answers in a dialog, then the status.
  await page.getByRole('button', { name: p.submit.button }).click();
  const confirmSubmit = page.getByRole('alertdialog', { name: p.submit.confirmTitle });
  await expect(confirmSubmit.getByText('Rok Tiskovec')).toBeVisible();
  await expect(confirmSubmit.getByText(fill(p.attachments.count_other, { count: 2 }))).toBeVisible();
  await scan(page, axe);
  await confirmSubmit.getByRole('button', { name: p.submit.confirm }).click();
  await expect(page.getByText(p.editor.submitted)).toBeVisible();
  await expect(page.getByText(p.status.SUBMITTED, { exact: true })).toBeVisible();
  await scan(page, axe);

  // My proposals lists it with its challenge, status and deadline.
  await page.getByRole('link', { name: p.nav.label }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: p.list.title })).toBeVisible();
  const mine = /Indigo sled na usnju|Indigo trail on leather/;
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: mine }) });
  await expect(card.getByText(ALPINA)).toBeVisible();
  await expect(card.getByText(p.status.SUBMITTED)).toBeVisible();
  await scan(page, axe);

  // Withdraw, confirmed.
  await card.getByRole('link', { name: mine }).click();
  await page.getByRole('button', { name: p.withdraw.button }).click();
  const confirmWithdraw = page.getByRole('alertdialog', { name: p.withdraw.confirmTitle });
  await scan(page, axe);
  await confirmWithdraw.getByRole('button', { name: p.withdraw.confirm }).click();
  await expect(page.getByText(p.editor.withdrawn)).toBeVisible();
  await expect(page.getByText(p.status.WITHDRAWN, { exact: true })).toBeVisible();
  // Withdrawn: read-only, the text rendered safely, no editor.
  await expect(page.getByRole('button', { name: p.editor.save })).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: 'indigo na usnju' })).toBeVisible();
  await scan(page, axe);
});

test('without a profile the challenge page says what to do; a question is asked publicly and anonymously', async ({ page, request, text, axe }) => {
  test.setTimeout(90_000);
  const user = await account(request, `Nejc Vprašalec ${unique()}`);
  const p = text.proposals;
  await openAlpina(page, text);
  const qa = page.getByRole('region', { name: text.challenges.questions });
  await expect(qa.getByRole('link', { name: p.qa.signIn })).toBeVisible();
  await qa.getByRole('link', { name: p.qa.signIn }).click();
  await signInHere(page, text, user.email);
  await expect(page.getByRole('heading', { level: 1, name: ALPINA })).toBeVisible();

  const cta = page.getByRole('region', { name: p.cta.title });
  await expect(cta.getByText(p.cta.noProfile)).toBeVisible();
  await expect(cta.getByRole('button', { name: p.cta.write })).toHaveCount(0);
  await scan(page, axe);

  await expect(qa.getByText(p.qa.publicNote)).toBeVisible();
  await qa.getByRole('button', { name: p.qa.submit }).click();
  await expect(qa.getByText(p.errors.question)).toBeVisible();
  await scan(page, axe);
  const question = `Ali je usnje lahko tudi rastlinsko strojeno? (${unique()})`;
  await qa.getByLabel(p.qa.label).fill(question);
  await qa.getByRole('button', { name: p.qa.submit }).click();
  await expect(qa.getByText(p.qa.sent)).toBeVisible();
  const asked = qa.getByRole('term').filter({ hasText: question });
  await expect(asked).toContainText(p.qa.yours);
  await expect(qa.getByRole('definition').filter({ hasText: text.challenges.unanswered }).first()).toBeVisible();
  await scan(page, axe);
});

test('after the deadline the editor says submissions are closed; the creative reads the published decision and its reason', async ({ page, request, text, lang, axe }) => {
  // A fresh organisation's challenge with a deadline seconds away, run through to a published
  // decision by its owner (as apps/api/test/proposals-jury.e2e-spec.ts does). The worker closes
  // submissions within a minute of the deadline, so this test waits up to about 70 s for that.
  test.setTimeout(150_000);
  const p = text.proposals;
  const [owner, author] = await Promise.all([account(request, `Alpina lastnik ${unique()}`), creative(request, `Studio Indigo ${unique()}`)]);
  const org = await api<{ createOrganisation: { id: string } }>(request, owner.token, `mutation { createOrganisation(input: { kind: COMPANY, name: "Tovarna ${unique()}", municipality: "ziri" }) { id } }`);
  const deadline = new Date(Date.now() + 20_000).toISOString();
  const challenge = await api<{ createChallenge: { id: string } }>(request, owner.token, `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`, {
    input: {
      ownerOrganisationId: org.createOrganisation.id, title: { sl: 'Modrotisk na platnu', en: 'Blueprint on canvas' }, brief: { sl: 'Vzorec za platnene torbe.', en: 'A pattern for canvas bags.' },
      totalBudgetEur: 5000, awardsCount: 1, rewards: [{ kind: 'PRIZE_MONEY', amountEur: 5000 }], criteria: [{ name: { sl: 'Ideja', en: 'Idea' }, weight: 100 }], deadline,
    },
  });
  const challengeId = challenge.createChallenge.id;
  await api(request, owner.token, `mutation($id: ID!) { publishChallenge(id: $id) { status } }`, { id: challengeId });
  const proposal = await api<{ createProposal: { id: string } }>(request, author.token, `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`, {
    input: { challengeId, title: { sl: 'Indigo torba', en: 'Indigo bag' }, body: { sl: 'Šablona in **indigo**.', en: 'A stencil and **indigo**.' }, requestedEur: 3000 },
  });
  const proposalId = proposal.createProposal.id;
  await api(request, author.token, `mutation($id: ID!) { submitProposal(id: $id) { status } }`, { id: proposalId });

  // The author opens the proposal while the countdown runs, and sees it close.
  await page.goto('/sign-in');
  await signInHere(page, text, author.email);
  await expect(page.getByRole('button', { name: text.layout.signOut })).toBeVisible();
  await page.goto(`/proposals/${proposalId}`);
  await expect(page).toHaveURL(new RegExp(`/me/proposals/${proposalId}$`));
  await expect(page.getByRole('heading', { level: 1, name: lang === 'en' ? 'Indigo bag' : 'Indigo torba' })).toBeVisible();
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByRole('button', { name: p.editor.save })).toBeVisible();
  await scan(page, axe);
  // 375 px wide: the editor reflows (no sideways scrolling).
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expect(page.getByText(p.countdown.justClosed)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('timer')).toHaveCount(0);
  await expect(page.getByRole('button', { name: p.editor.save })).toHaveCount(0);
  await expect(page.getByRole('button', { name: p.attachments.add })).toHaveCount(0);
  await scan(page, axe);

  // The challenge page says so too.
  await page.goto(`/challenges/${challengeId}`);
  await expect(page.getByRole('region', { name: p.cta.title }).getByText(p.cta.haveSubmitted)).toBeVisible();
  await expect(page.getByText(p.qa.closed)).toBeVisible();
  await scan(page, axe);

  // The owner: review, award with a reason, publish the decision (once the worker has closed submissions).
  await expect
    .poll(async () => (await api<{ challenge: { status: string } }>(request, owner.token, `query($id: ID!) { challenge(id: $id) { status } }`, { id: challengeId })).challenge.status, { timeout: 80_000, intervals: [2_000] })
    .toBe('SUBMISSIONS_CLOSED');
  await api(request, owner.token, `mutation($id: ID!) { startChallengeReview(id: $id) { status } }`, { id: challengeId });
  await api(request, owner.token, `mutation($p: ID!) { awardProposal(proposalId: $p, amountEur: 4000, reason: { sl: "Izvirna raba šablone.", en: "An original use of the stencil." }) { id } }`, { p: proposalId });
  await api(request, owner.token, `mutation($c: ID!) { publishAwardDecision(challengeId: $c, decision: { sl: "Žirija je izbrala en predlog.", en: "The jury chose one proposal." }) { status } }`, { c: challengeId });

  await page.goto('/me/proposals');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /Indigo/ }) });
  await expect(card.getByText(`${p.status.SUBMITTED} · ${p.outcome.AWARDED}`)).toBeVisible();
  await scan(page, axe);
  await card.getByRole('link', { name: /Indigo/ }).click();
  const decision = page.getByRole('region', { name: p.decision.title });
  const amount = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sl-SI', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(4000);
  await expect(decision.getByText(fill(p.decision.awardedAmount, { amount }))).toBeVisible();
  await expect(decision.getByText(lang === 'en' ? 'An original use of the stencil.' : 'Izvirna raba šablone.')).toBeVisible();
  await expect(decision.getByText(lang === 'en' ? 'The jury chose one proposal.' : 'Žirija je izbrala en predlog.')).toBeVisible();
  await scan(page, axe);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
