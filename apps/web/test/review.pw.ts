import type { APIRequestContext, Page } from '@playwright/test';
import { expect, fill, mailTo, test, unique } from './fixtures.js';
import { PASSWORD, scan, tabTo } from './helpers.js';

/**
 * The organisation's side of a challenge (issue 15, items 4 and 7): a member hears a proposal
 * arrived, opens the proposals received, reads it, awards it with reasons and publishes the
 * decision; an owner shortlists a two-stage challenge; a juror scores blind (no author's name
 * anywhere on the page), declares a conflict and the proposal leaves the queue. Everything is set
 * up through the API as each test's own fresh accounts.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Account {
  email: string;
  token: string;
}

async function call(request: APIRequestContext, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Signs up through the API, follows the mailed link, signs in with `via` (a browser context's request shares its cookies). */
async function account(request: APIRequestContext, via: APIRequestContext, name: string, lang: 'sl' | 'en'): Promise<Account> {
  const email = `review-${unique()}@example.si`;
  const signUp = await request.post('/graphql', { data: { query: `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, variables: { input: { email, password: PASSWORD, displayName: name, locale: lang } } } });
  expect(signUp.ok()).toBe(true);
  const token = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(await mailTo(request, email, '/verify-email?token='))?.[1];
  const verified = await request.post('/graphql', { data: { query: `mutation($token: String!) { verifyEmail(token: $token) }`, variables: { token } } });
  expect(((await verified.json()) as Data).data?.verifyEmail).toBe(true);
  const session = await via.post('/auth/session', { data: { email, password: PASSWORD } });
  expect(session.ok()).toBe(true);
  return { email, token: ((await session.json()) as { accessToken: string }).accessToken };
}

async function creative(request: APIRequestContext, name: string, lang: 'sl' | 'en'): Promise<Account> {
  const a = await account(request, request, name, lang);
  await call(request, a.token, `mutation($n: String!) { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: $n, municipality: "kranj" }) { id } }`, { n: name });
  return a;
}

interface World {
  owner: Account;
  challengeId: string;
  deadline: number;
  title: { sl: string; en: string };
  criteria: string[];
}

/** An organisation whose owner is signed in in `page` (if given), with a published challenge closing in `seconds`. */
async function world(page: Page | null, request: APIRequestContext, lang: 'sl' | 'en', seconds: number, extra: Record<string, unknown> = {}): Promise<World> {
  const owner = await account(request, page?.request ?? request, 'Lea Lectarica', lang);
  await page?.addInitScript(() => localStorage.setItem('modrotisk.hasSession', '1'));
  const id = unique();
  const title = { sl: `Lectova srca ${id}`, en: `Gingerbread hearts ${id}` };
  const orgId = (await call(request, owner.token, `mutation { createOrganisation(input: { kind: COMPANY, name: "Lectar ${id}", municipality: "radovljica" }) { id } }`)).createOrganisation.id as string;
  const deadline = Date.now() + seconds * 1000;
  const created = (await call(request, owner.token, `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id evaluationCriteria { id } } }`, {
    input: {
      ownerOrganisationId: orgId, title, brief: { sl: 'Lectova srca za protokolarna darila.', en: 'Gingerbread hearts as official gifts.' }, deadline: new Date(deadline).toISOString(),
      totalBudgetEur: 3000, awardsCount: 1, criteria: [{ name: { sl: 'Zamisel', en: 'Idea' }, weight: 60 }, { name: { sl: 'Izvedba', en: 'Craft' }, weight: 40 }], ...extra,
    },
  })).createChallenge;
  await call(request, owner.token, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: created.id });
  return { owner, challengeId: created.id, deadline, title, criteria: (created.evaluationCriteria as { id: string }[]).map((c) => c.id) };
}

async function submit(request: APIRequestContext, author: Account, challengeId: string, title: string, file?: string): Promise<string> {
  const id = (await call(request, author.token, `mutation($c: ID!, $t: String!) { createProposal(input: { challengeId: $c, title: { sl: $t }, body: { sl: "Lect z vtisnjenim modrotiskom." }, requestedEur: 1500 }) { id } }`, { c: challengeId, t: title })).createProposal.id as string;
  if (file) {
    const upload = await request.post(`/proposals/${id}/attachments`, { headers: { authorization: `Bearer ${author.token}` }, multipart: { file: { name: file, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% skice\n') } } });
    expect(upload.status()).toBe(201);
  }
  await call(request, author.token, `mutation($id: ID!) { submitProposal(id: $id) { id } }`, { id });
  return id;
}

/** Waits for the deadline, then starts the review (straight after the deadline; no need to wait for the sweep). */
async function startReview(request: APIRequestContext, w: World) {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, w.deadline - Date.now() + 300)));
  await call(request, w.owner.token, `mutation($id: ID!) { startChallengeReview(id: $id) { status } }`, { id: w.challengeId });
}

const NAMES = /Avtorica|Tekmec/;

/** At 375 px wide the page reflows: no sideways scrolling. */
async function fitsNarrow(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  if (size) await page.setViewportSize(size);
}

test('a member hears of a proposal, opens the proposals received, reads it and awards it with reasons, then publishes the decision', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(90_000);
  const w = await world(page, request, lang, 14);
  const author = await creative(request, 'Ana Avtorica', lang);
  const proposalId = await submit(request, author, w.challengeId, 'Srce z modrotiskom', 'Ana-Avtorica-skice.pdf');
  const title = w.title[lang];

  // The notification arrives through the outbox and the job (a few seconds).
  await expect.poll(async () => (await call(request, w.owner.token, `{ myNotifications(first: 10) { nodes { kind } } }`)).myNotifications.nodes.some((n: Data) => n.kind === 'proposal-submitted'), { timeout: 30_000 }).toBe(true);
  await page.goto('/me/inbox');
  const arrived = page.getByRole('link', { name: `${text.inbox.kind['proposal-submitted']}: ${title}` });
  await expect(arrived).toBeVisible();
  await scan(page, axe);

  // The notification leads to the proposal as the organisation reads it: authors, files, text.
  await arrived.click();
  await expect(page).toHaveURL(new RegExp(`/me/challenges/${w.challengeId}/proposals/${proposalId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Srce z modrotiskom' })).toBeVisible();
  await expect(page.getByRole('link', { name: fill(text.review.proposal.lead, { name: 'Ana Avtorica' }) })).toBeVisible();
  await expect(page.getByRole('button', { name: fill(text.review.proposal.download, { name: 'Ana-Avtorica-skice.pdf' }) })).toBeVisible();
  await expect(page.getByText(text.review.proposal.award.notInReview)).toBeVisible();
  await scan(page, axe);

  // The inbox of the challenge: counts by state, filters in the URL.
  await page.getByRole('link', { name: text.review.proposal.back }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(text.review.inbox.title);
  const filters = page.getByRole('navigation', { name: text.review.inbox.filter.label });
  await expect(filters.getByRole('link', { name: fill(text.review.inbox.filter.SUBMITTED, { count: 1 }) })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Srce z modrotiskom' })).toBeVisible();
  await scan(page, axe);
  await filters.getByRole('link', { name: fill(text.review.inbox.filter.WITHDRAWN, { count: 0 }) }).click();
  await expect(page).toHaveURL(/status=WITHDRAWN/);
  await expect(page.getByText(text.review.inbox.empty.filtered)).toBeVisible();
  await page.getByRole('link', { name: text.review.inbox.empty.clear }).click();
  await expect(page.getByRole('link', { name: 'Srce z modrotiskom' })).toBeVisible();
  await fitsNarrow(page);

  // In review, the owner awards it: first without reasons (the error summary), then with them.
  await startReview(request, w);
  await page.getByRole('link', { name: 'Srce z modrotiskom' }).click();
  await page.getByRole('button', { name: text.review.proposal.award.submit }).click();
  const summary = page.getByRole('alert').filter({ hasText: text.errors.summaryTitle });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: text.review.proposal.award.errors.reason })).toBeVisible();
  await expect(summary.getByRole('link', { name: text.review.proposal.award.errors.amountEur })).toBeVisible();
  await scan(page, axe);
  await page.getByRole('textbox', { name: text.review.proposal.award.amount }).fill('2000');
  await page.getByRole('textbox', { name: text.review.proposal.award.reasonSl }).fill('Izvirna in izvedljiva zamisel.');
  await page.getByRole('textbox', { name: new RegExp(`^${text.review.proposal.award.reasonEn}`) }).fill('Original and feasible.');
  await page.getByRole('button', { name: text.review.proposal.award.submit }).click();
  await expect(page.getByText(text.review.proposal.award.awarded)).toBeVisible();
  await expect(page.getByText(fill(text.review.proposal.award.staged, { amount: '' }).trim())).toBeVisible();
  await scan(page, axe);

  // The decision, on the jury page (the chair's view).
  await page.getByRole('link', { name: text.review.proposal.award.decide }).click();
  await expect(page.getByRole('heading', { level: 2, name: text.review.jury.decision.title })).toBeVisible();
  await expect(page.getByText(fill((text.review.jury.decision as unknown as Record<string, string>).staged_one, { count: 1 }))).toBeVisible();
  await page.getByRole('textbox', { name: text.review.jury.decision.sl }).fill('Žirija je izbrala lectovo srce z modrotiskom.');
  await page.getByRole('button', { name: text.review.jury.decision.submit }).click();
  const dialog = page.getByRole('alertdialog', { name: text.review.jury.decision.confirmTitle });
  await expect(dialog).toBeVisible();
  await scan(page, axe);
  await dialog.getByRole('button', { name: text.review.jury.decision.confirm }).click();
  await expect(page.getByText(text.review.jury.decision.published)).toBeVisible();
  await scan(page, axe);
  // The author is told the outcome (the outcome job), in their language.
  await expect.poll(async () => (await call(request, author.token, `{ myNotifications(first: 10) { nodes { kind title } } }`)).myNotifications.nodes.find((n: Data) => n.kind === 'proposal-awarded')?.title, { timeout: 30_000 })
    .toBe(lang === 'sl' ? `Vaš predlog je nagrajen: ${title}` : `Your proposal won an award: ${title}`);
});

test('an owner shortlists approaches of a two-stage challenge, by keyboard, after a wrong deadline', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(60_000);
  const w = await world(page, request, lang, 10, { twoStage: { shortlistSize: 2, shortlistFeeEur: 300 } });
  const [a, b] = await Promise.all([creative(request, 'Ana Avtorica', lang), creative(request, 'Rok Tekmec', lang)]);
  await submit(request, a, w.challengeId, 'Zamisel A');
  await submit(request, b, w.challengeId, 'Zamisel B');
  await startReview(request, w);

  await page.goto(`/me/challenges/${w.challengeId}/proposals`);
  const shortlist = page.getByRole('region', { name: text.review.inbox.shortlist.title });
  await expect(shortlist).toBeVisible();
  await shortlist.getByRole('checkbox', { name: /Zamisel A/ }).check();
  await shortlist.getByLabel(text.review.inbox.shortlist.deadline).fill('2020-01-01T12:00');
  await shortlist.getByRole('button', { name: text.review.inbox.shortlist.submit }).click();
  const summary = page.getByRole('alert').filter({ hasText: text.errors.summaryTitle });
  await expect(summary.getByRole('link', { name: text.review.inbox.shortlist.errors.stageTwoDeadline })).toBeVisible();
  await scan(page, axe);
  await shortlist.getByLabel(text.review.inbox.shortlist.deadline).fill('2099-03-15T12:00');
  await shortlist.getByRole('button', { name: text.review.inbox.shortlist.submit }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: text.review.inbox.shortlist.confirmTitle });
  await expect(dialog).toBeVisible();
  await scan(page, axe);
  await tabTo(page, dialog.getByRole('button', { name: text.review.inbox.shortlist.confirm }), 5);
  await page.keyboard.press('Enter');
  await expect(page.getByText(text.review.inbox.shortlist.done)).toBeVisible();
  await expect(page.getByRole('link', { name: fill(text.review.inbox.filter.SHORTLISTED, { count: 1 }) })).toBeVisible();
  await scan(page, axe);
});

test('a juror scores blind, never sees an author, declares a conflict and the proposal leaves the queue', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(90_000);
  const w = await world(null, request, lang, 14);
  const [a, b] = await Promise.all([creative(request, 'Ana Avtorica', lang), creative(request, 'Rok Tekmec', lang)]);
  await submit(request, a, w.challengeId, 'Srce z modrotiskom', 'Ana-Avtorica-skice.pdf');
  await submit(request, b, w.challengeId, 'Modro srce');
  const juror = await account(request, page.request, 'Jana Žirantka', lang);
  await page.addInitScript(() => localStorage.setItem('modrotisk.hasSession', '1'));
  await call(request, w.owner.token, `mutation($c: ID!, $e: String!, $l: Locale!) { inviteJuror(challengeId: $c, email: $e, locale: $l) { id } }`, { c: w.challengeId, e: juror.email, l: lang });
  const token = /invitations\/accept\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(await mailTo(request, juror.email, 'invitations/accept?token='))?.[1];
  await call(page.request, juror.token, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: token });
  await startReview(request, w);

  await page.goto('/me');
  await page.getByRole('navigation', { name: text.me.navLabel }).getByRole('link', { name: text.review.nav.jury.label }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.review.jury.title })).toBeVisible();
  await scan(page, axe);
  await page.getByRole('link', { name: w.title[lang] }).click();
  await expect(page.getByText(fill(text.review.jury.progress, { scored: 0, total: 2 }))).toBeVisible();
  const queue = page.getByRole('list', { name: text.review.jury.queueLabel });
  await expect(queue.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) })).toHaveCount(2);
  // Blind: no author's name anywhere, file names carry the code only.
  await expect(page.locator('body')).not.toContainText(NAMES);
  await expect(page.getByRole('button', { name: new RegExp(`P-[A-Z2-9]{4}-1\\.pdf`) })).toBeVisible();
  await expect(page.getByText(fill(text.review.jury.weight, { percent: 60 }), { exact: false })).toBeVisible();
  await scan(page, axe);

  // The first proposal: no conflict, then scores per criterion (an empty score is refused first).
  const first = queue.getByRole('listitem').filter({ hasText: 'Srce z modrotiskom' });
  await first.getByRole('button', { name: text.review.jury.declare.none, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: text.review.jury.declare.noneDone.split('{{')[0].trim() })).toBeVisible();
  const idea = lang === 'sl' ? 'Zamisel' : 'Idea';
  const craft = lang === 'sl' ? 'Izvedba' : 'Craft';
  await first.getByRole('textbox', { name: fill(text.review.jury.score.value, { criterion: idea }) }).fill('9');
  await first.getByRole('button', { name: text.review.jury.score.submit }).click();
  await expect(page.getByRole('alert').filter({ hasText: text.errors.summaryTitle }).getByRole('link', { name: text.review.jury.score.errors.scores })).toBeVisible();
  await scan(page, axe);
  await first.getByRole('textbox', { name: fill(text.review.jury.score.value, { criterion: craft }) }).fill('7');
  await first.getByRole('textbox', { name: new RegExp(`^${fill(text.review.jury.score.comment, { criterion: idea })}`) }).fill('Lepa zamisel.');
  await first.getByRole('button', { name: text.review.jury.score.submit }).click();
  await expect(page.getByText(fill(text.review.jury.progress, { scored: 1, total: 2 }))).toBeVisible();
  await expect(first.getByText(text.review.jury.scored, { exact: true })).toBeVisible();

  // The second: a conflict, with its reason (required), and it leaves the queue.
  const second = queue.getByRole('listitem').filter({ hasText: 'Modro srce' });
  const code = ((await second.getByRole('heading', { level: 2 }).textContent()) ?? '').match(/P-[A-Z2-9]{4}/)?.[0] as string;
  await second.getByRole('button', { name: text.review.jury.declare.conflict, exact: true }).click();
  await second.getByRole('button', { name: text.review.jury.declare.submit }).click();
  await expect(page.getByRole('alert').filter({ hasText: text.errors.summaryTitle }).getByRole('link', { name: text.review.jury.declare.errors.reason })).toBeVisible();
  await scan(page, axe);
  await second.getByRole('textbox', { name: text.review.jury.declare.reason }).fill('Poznam avtorja.');
  await second.getByRole('button', { name: text.review.jury.declare.submit }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(text.review.jury.declare.conflictDone, { code }) })).toBeVisible();
  await expect(queue.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) })).toHaveCount(1);
  await expect(page.getByText(fill(text.review.jury.progress, { scored: 1, total: 1 }))).toBeVisible();
  await expect(page.getByText(fill((text.review.jury as unknown as Record<string, string>).conflicts_one, { count: 1 }))).toBeVisible();
  await expect(page.locator('body')).not.toContainText(NAMES);
  await scan(page, axe);
  await fitsNarrow(page);
});

test('an owner sets up the jury on the proposals page: a wrong address, an invitation by mail, revoking it, and the juror who accepts is listed', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(90_000);
  const w = await world(page, request, lang, 3600);
  const juror = await account(request, request, 'Jana Žirantka', lang);
  await page.goto(`/me/challenges/${w.challengeId}/proposals`);
  const jury = page.getByRole('region', { name: text.review.members.title });
  await expect(jury.getByText(text.review.members.none)).toBeVisible();
  await jury.getByLabel(text.review.members.email).fill('ni-naslov');
  await jury.getByRole('button', { name: text.review.members.send }).click();
  await expect(jury.getByText(text.review.members.badEmail).first()).toBeVisible();
  await scan(page, axe);

  await jury.getByLabel(text.review.members.email).fill('someone.else@example.com');
  await jury.getByRole('button', { name: text.review.members.send }).click();
  await expect(jury.getByRole('status').filter({ hasText: fill(text.review.members.sent, { email: 'someone.else@example.com' }) })).toBeVisible();
  await jury.getByRole('button', { name: fill(text.review.members.revoke, { email: 'someone.else@example.com' }) }).click();
  await expect(jury.getByRole('status').filter({ hasText: fill(text.review.members.revoked, { email: 'someone.else@example.com' }) })).toBeVisible();
  await expect(jury.getByRole('button', { name: fill(text.review.members.revoke, { email: 'someone.else@example.com' }) })).toHaveCount(0);

  await jury.getByLabel(text.review.members.email).fill(juror.email);
  await jury.getByRole('button', { name: text.review.members.send }).click();
  await expect(jury.getByRole('status').filter({ hasText: fill(text.review.members.sent, { email: juror.email }) })).toBeVisible();
  const token = /invitations\/accept\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(await mailTo(request, juror.email, 'invitations/accept?token='))?.[1];
  expect(token).toBeTruthy();
  await call(request, juror.token, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: token });
  await page.reload();
  await expect(page.getByRole('list', { name: text.review.members.listLabel }).getByText('Jana Žirantka')).toBeVisible();
  await scan(page, axe);
});
