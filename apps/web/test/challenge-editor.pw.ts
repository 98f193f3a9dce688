import type { APIRequestContext, Page } from '@playwright/test';
import { expect, fill, gql, mailTo, test, unique } from './fixtures.js';
import { PNG, tabTo } from './helpers.js';

/**
 * A company's challenges (issue 15, items 2 and 3): the step-by-step editor with autosave, the
 * publish checklist and the server's refusal on its step, the preview, publishing; and the
 * creatives matched to a challenge with reasons written to the company, filters and "invite to
 * apply". Every test makes its own accounts and organisation through the API.
 */

const PASSWORD = 'modri-tisk-na-platnu';

interface User {
  email: string;
  token: string;
}

async function signUp(request: APIRequestContext, name: string): Promise<User> {
  const email = `editor-${unique()}@example.si`;
  await gql(request, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { email, password: PASSWORD, displayName: name, locale: 'sl' } });
  const mail = await mailTo(request, email, '/verify-email?token=');
  const token = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail)?.[1];
  if (!token) throw new Error('no verification token in the mail');
  await gql(request, `mutation($token: String!) { verifyEmail(token: $token) }`, { token });
  const login = await gql<{ login: { accessToken: string } }>(request, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: PASSWORD });
  return { email, token: login.login.accessToken };
}

async function as<T>(request: APIRequestContext, user: User, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: { authorization: `Bearer ${user.token}` } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A company member: an account and a company created through the API (another page builds organisations). */
async function companyMember(request: APIRequestContext): Promise<User & { organisationId: string; name: string }> {
  const user = await signUp(request, 'Petra Podjetnica');
  const name = `Tkalnica ${unique()} d.o.o.`;
  const created = await as<{ createOrganisation: { id: string } }>(request, user, `mutation($n: String!) { createOrganisation(input: { kind: COMPANY, name: $n, municipality: "kranj" }) { id } }`, { n: name });
  return { ...user, organisationId: created.createOrganisation.id, name };
}

async function signIn(page: Page, user: User, path: string): Promise<void> {
  const response = await page.request.post('/auth/session', { data: { email: user.email, password: PASSWORD } });
  expect(response.ok()).toBe(true);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('modrotisk.hasSession', '1'));
  await page.goto(path);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A translated template with its {{values}} as a pattern. */
const pattern = (template: string) => new RegExp(escape(template).replace(/\\\{\\\{\s*\w+\s*\\\}\\\}/g, '.+'));

test('a company member writes a challenge step by step, sees autosave and the checklist, fixes what publishing refused, previews and publishes', async ({ page, request, text, axe }) => {
  test.setTimeout(120_000);
  const member = await companyMember(request);
  const suffix = unique();
  const titleSl = `Modrotisk za hotelske zavese ${suffix}`;
  const titleEn = `Blueprint for hotel curtains ${suffix}`;
  const t = text.ourChallenges;

  await signIn(page, member, '/me');
  await page.getByRole('navigation', { name: text.me.navLabel }).getByRole('link', { name: t.nav.label }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.list.title })).toBeVisible();
  await expect(page.getByText(t.list.empty)).toBeVisible();
  await axe(page);

  // New draft: nothing typed first, so the title's error is next to it and in the focused summary.
  await page.getByRole('link', { name: t.list.new }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.new.title })).toBeVisible();
  await page.getByRole('button', { name: t.new.submit }).click();
  const summary = page.getByRole('alert').filter({ hasText: text.errors.summaryTitle });
  await expect(summary).toBeFocused();
  await expect(page.getByLabel(t.field.titleSl)).toHaveAccessibleDescription(new RegExp(escape(t.errors.title)));
  await axe(page);
  await page.getByLabel(t.field.titleSl).fill(titleSl);
  await page.getByLabel(t.field.titleEn).fill(titleEn);
  await page.getByRole('button', { name: t.new.submit }).click();

  const editorTitle = page.getByRole('heading', { level: 1, name: pattern(t.editor.title) });
  await expect(editorTitle).toBeVisible();
  await expect(page.getByText(t.editor.created)).toBeVisible();
  const steps = page.getByRole('navigation', { name: t.editor.stepsLabel });
  const status = page.getByRole('status').filter({ hasText: pattern(t.save.savedAt) });
  await axe(page);

  // The checklist before anything else: the brief is missing, and publishing is refused on its step.
  await steps.getByRole('link', { name: t.step.review }).click();
  await expect(page.getByRole('heading', { level: 3, name: t.review.checklist })).toBeVisible();
  const checklist = page.getByRole('list', { name: t.review.checklist });
  await expect(checklist.getByText(t.checklist.brief, { exact: true })).toBeVisible();
  await expect(checklist.getByText(t.checklist.criteria, { exact: true })).toBeVisible();
  await axe(page);
  await page.getByRole('button', { name: t.review.publish }).click();
  const refusal = page.getByRole('alert').filter({ hasText: t.review.refused });
  await expect(refusal).toBeFocused();
  await axe(page);
  await refusal.getByRole('link', { name: new RegExp(escape(t.errors.brief)) }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.brief)) })).toBeVisible();
  await expect(page.getByLabel(t.field.briefSl)).toHaveAccessibleDescription(new RegExp(escape(t.errors.brief)));

  // Autosave: a brief in both languages side by side, saved by itself.
  await page.getByLabel(t.field.briefSl).fill('Iščemo modrotisk za zavese v hotelskih sobah: vzorci z gorenjskimi motivi, platno, 40 sob.');
  await page.getByLabel(t.field.briefEn).fill('We are looking for blueprint (modrotisk) curtains for hotel rooms: Gorenjska motifs on linen, 40 rooms.');
  await expect(status).toBeVisible();
  await axe(page);

  // Step by step, keeping what was typed; axe on each.
  await page.getByRole('button', { name: t.editor.next }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.partners)) })).toBeVisible();
  await expect(page.getByText(t.partners.none)).toBeVisible();
  await axe(page);

  await page.getByRole('button', { name: t.editor.next }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.rewards)) })).toBeVisible();
  await page.getByLabel(t.field.totalBudgetEur).fill('3000');
  await page.getByRole('button', { name: t.rewards.add }).click();
  await page.getByLabel(t.field.rewardAmount).fill('2000');
  await page.getByLabel(t.field.rewardDescSl).fill('Prva nagrada');
  await expect(status).toBeVisible();
  await axe(page);

  await page.getByRole('button', { name: t.editor.next }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.ip)) })).toBeVisible();
  const licence = page.getByRole('radio', { name: new RegExp(`^${escape(t.ip.LICENCE.label)}`) });
  // React Aria draws its own marker over a visually hidden input: a user clicks the label's words.
  await page.getByText(t.ip.LICENCE.label, { exact: true }).click();
  await expect(licence).toBeChecked();
  await axe(page);

  await page.getByRole('button', { name: t.editor.next }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.criteria)) })).toBeVisible();
  await page.getByRole('button', { name: t.criteria.add }).click();
  await page.getByLabel(t.field.criterionSl).fill('Izvirnost');
  await page.getByLabel(t.field.criterionEn).fill('Originality');
  await expect(page.getByText(fill(t.criteria.total, { total: 100 }))).toBeVisible();
  await axe(page);

  // The timeline: a deadline in the past is refused on this step, as the API refuses it.
  await page.getByRole('button', { name: t.editor.next }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.timeline)) })).toBeVisible();
  const date = page.getByLabel(t.field.deadlineDate);
  await date.fill('2020-03-01');
  await page.getByRole('button', { name: t.editor.next }).click();
  await expect(date).toHaveAccessibleDescription(new RegExp(escape(t.errors.deadlinePast)));
  await expect(date).toBeFocused();
  await axe(page);
  await date.fill(`${new Date().getFullYear() + 1}-03-01`);
  await page.getByLabel(t.field.deadlineTime).fill('12:00');
  await page.getByRole('button', { name: t.editor.next }).click();

  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.eligibility)) })).toBeVisible();
  await page.getByRole('group', { name: new RegExp(escape(t.field.workingLanguages)) }).getByText(t.language.sl, { exact: true }).click();
  await expect(status).toBeVisible();
  await axe(page);

  await page.getByRole('button', { name: t.editor.next }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.attachments)) })).toBeVisible();
  await page.getByLabel(t.attachments.choose).setInputFiles({ name: 'vzorec.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('link', { name: 'vzorec.png' })).toBeVisible();
  await axe(page);

  await page.getByRole('button', { name: t.editor.next }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.visibility)) })).toBeVisible();
  await expect(page.getByRole('radio', { name: new RegExp(`^${escape(t.visibility.PUBLIC)}`) })).toBeChecked();
  await axe(page);

  await page.getByRole('button', { name: t.editor.next }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.questions)) })).toBeVisible();
  await expect(page.getByText(t.questions.none)).toBeVisible();
  await axe(page);

  // Data kept across steps: back on the basics, the titles are there.
  await steps.getByRole('link', { name: t.step.basics }).click();
  await expect(page.getByLabel(t.field.titleSl)).toHaveValue(titleSl);
  await axe(page);

  // The checklist now: nothing required is missing.
  await steps.getByRole('link', { name: t.step.review }).click();
  await expect(page.getByRole('heading', { level: 3, name: t.review.checklist })).toBeVisible();
  await expect(checklist.getByText(t.checklist.brief, { exact: true })).toHaveCount(0);
  await expect(checklist.getByText(t.checklist.criteria, { exact: true })).toHaveCount(0);
  await expect(checklist.getByText(t.review.required)).toHaveCount(0);
  await axe(page);

  // The preview is the public page's own component.
  await page.getByRole('link', { name: t.review.preview }).click();
  await expect(page.getByText(t.preview.note)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${escape(titleSl)}|${escape(titleEn)}`) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: text.challenges.criteria })).toBeVisible();
  await expect(page.getByText(/Izvirnost|Originality/)).toBeVisible();
  await axe(page);
  await page.getByRole('link', { name: t.preview.back }).click();

  await page.getByRole('button', { name: t.review.publish }).click();
  await expect(page.getByText(t.review.published)).toBeVisible();
  await axe(page);
  await page.getByRole('link', { name: t.review.seePublic }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${escape(titleSl)}|${escape(titleEn)}`) })).toBeVisible();
  await expect(page.getByText(text.challenges.status.PUBLISHED).first()).toBeVisible();

  // Public: an anonymous visitor reads it too.
  const visitor = await gql<{ challenge: { status: string; brief: { sl: string } } }>(request, `query($id: ID!) { challenge(id: $id) { status brief { sl } } }`, { id: page.url().split('/challenges/')[1] });
  expect(visitor.challenge.status).toBe('PUBLISHED');
  expect(visitor.challenge.brief.sl).toMatch(/modrotisk/);
});

/** Close to a blueprint-print challenge, so matching proposes them. */
const NEAR = {
  kind: 'INDIVIDUAL',
  municipality: 'ziri',
  languages: ['sl', 'en'],
  domains: ['design-visual-arts', 'cultural-heritage'],
  crafts: ['leatherwork', 'textile-art'],
  techniques: ['blueprint'],
  materials: ['leather', 'textile'],
  bio: { sl: 'Oblikujem tekstil in modrotisk na usnju in platnu; delavnica v Žireh.', en: 'Textile design and blueprint (modrotisk) on leather and linen; studio in Žiri.' },
};

test('the matches page ranks creatives with reasons written to the company, filters them, and invites one to apply by mail', async ({ page, request, text, axe }) => {
  test.setTimeout(90_000);
  const t = text.ourChallenges;
  const member = await companyMember(request);
  const suffix = unique();
  const creativeName = `Maja Modrotisk ${suffix}`;
  const creative = await signUp(request, creativeName);
  const profile = await as<{ createCreativeProfile: { id: string } }>(request, creative, `mutation($i: CreateCreativeProfileInput!) { createCreativeProfile(input: $i) { id } }`, { i: { displayName: creativeName, ...NEAR } });
  await as(request, creative, `mutation { setMatchingConsent(consent: true) { id } }`);
  const title = { sl: `Modrotisk na usnju za čevlje ${suffix}`, en: `Blueprint on leather for shoes ${suffix}` };
  const created = await as<{ createChallenge: { id: string } }>(request, member, `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`, {
    i: {
      ownerOrganisationId: member.organisationId,
      kind: 'INDUSTRY',
      title,
      brief: { sl: 'Modrotisk na usnju za nove pohodne čevlje: vzorci, tekstil in usnje.', en: 'Blueprint (modrotisk) on leather for new hiking shoes: patterns, textile and leather.' },
      domains: ['design-visual-arts', 'cultural-heritage'],
      techniques: ['blueprint'],
      materials: ['leather', 'textile'],
      workingLanguages: ['sl', 'en'],
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  });
  const challengeId = created.createChallenge.id;
  await as(request, member, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: challengeId });

  await signIn(page, member, '/me/challenges');
  const item = page.getByRole('listitem').filter({ hasText: new RegExp(`${escape(title.sl)}|${escape(title.en)}`) });
  await expect(item).toBeVisible();
  await axe(page);
  await item.getByRole('link', { name: t.list.matches }).click();
  await expect(page.getByRole('heading', { level: 1, name: pattern(t.matches.title) })).toBeVisible();

  // A new profile reaches the search index within moments: look again until it is listed.
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: creativeName }) });
  await expect(async () => {
    await page.reload();
    await expect(card).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  // Reasons addressed to the company ("speaks", "their"), never to the creative ("you").
  await expect(card.getByText(/Govori delovni jezik|Speaks the working language/)).toBeVisible();
  await expect(card.getByText(/Govorite|You speak/)).toHaveCount(0);
  await expect(card.getByText(/Skupna področja|Shared domains/)).toBeVisible();
  await expect(card.getByText(pattern(t.matches.score))).toBeVisible();
  await expect(page.getByText(t.matches.noneInvited)).toBeVisible();
  await axe(page);

  // Filters: nobody unavailable matches; clearing brings the list back.
  await page.getByRole('button', { name: new RegExp(escape(t.matches.availability)) }).click();
  await page.getByRole('option', { name: t.availability.UNAVAILABLE }).click();
  await expect(page.getByText(t.matches.noneFiltered)).toBeVisible();
  await expect(page).toHaveURL(/availability=UNAVAILABLE/);
  await axe(page);
  await page.getByRole('link', { name: t.matches.clear }).click();
  await expect(card).toBeVisible();

  // Invite to apply: the creative gets a mail (and an inbox item); the page shows whom the company asked.
  await card.getByRole('button', { name: fill(t.matches.inviteNamed, { name: creativeName }) }).click();
  await expect(page.getByText(fill(t.matches.invited, { name: creativeName }))).toBeVisible();
  await expect(page.getByRole('region', { name: t.matches.invitedTitle }).getByRole('link', { name: creativeName })).toBeVisible();
  await expect(card.getByText(t.matches.alreadyInvited)).toBeVisible();
  await axe(page);
  const mail = await mailTo(request, creative.email, `/challenges/${challengeId}`);
  expect(mail).toMatch(/Vabilo k izzivu|invited to a challenge/);
  const inbox = await as<{ myNotifications: { nodes: { kind: string }[] } }>(request, creative, `{ myNotifications(first: 10) { nodes { kind } } }`);
  expect(inbox.myNotifications.nodes.map((n) => n.kind)).toContain('challenge-invitation');
  expect(profile.createCreativeProfile.id).toBeTruthy();
});

test('by keyboard alone: a new draft, then the timeline step refuses a past deadline and keeps focus on it', async ({ page, request, text, axe }) => {
  test.setTimeout(90_000);
  const t = text.ourChallenges;
  const member = await companyMember(request);
  await signIn(page, member, '/me/challenges/new');
  await expect(page.getByRole('heading', { level: 1, name: t.new.title })).toBeVisible();
  const title = page.getByLabel(t.field.titleSl);
  await tabTo(page, title);
  await page.keyboard.type(`Lectova srca ${unique()}`);
  await tabTo(page, page.getByRole('button', { name: t.new.submit }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: pattern(t.editor.title) })).toBeVisible();

  await tabTo(page, page.getByRole('navigation', { name: t.editor.stepsLabel }).getByRole('link', { name: t.step.timeline }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.timeline)) })).toBeVisible();
  const date = page.getByLabel(t.field.deadlineDate);
  await tabTo(page, date);
  // Chromium orders the date's parts by its own UI language, not the page's: either way a day in early 2020.
  await page.keyboard.type('01032020');
  await expect(date).toHaveValue(/^2020-0[13]-0[13]$/);
  await tabTo(page, page.getByRole('button', { name: t.editor.next }));
  await page.keyboard.press('Enter');
  await expect(date).toBeFocused();
  await expect(date).toHaveAccessibleDescription(new RegExp(escape(t.errors.deadlinePast)));
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step.timeline)) })).toBeVisible();
  await axe(page);
});

test('at 375 px wide the editor and the matches page reflow without sideways scrolling', async ({ page, request, text }) => {
  const t = text.ourChallenges;
  const member = await companyMember(request);
  const created = await as<{ createChallenge: { id: string } }>(request, member, `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`, {
    i: { ownerOrganisationId: member.organisationId, title: { sl: `Ozek zaslon ${unique()}` }, brief: { sl: 'Opis.' } },
  });
  const id = created.createChallenge.id;
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, member, `/me/challenges/${id}/edit?step=brief`);
  const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  for (const step of ['brief', 'rewards', 'eligibility', 'review'] as const) {
    await page.goto(`/me/challenges/${id}/edit?step=${step}`);
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(escape(t.step[step])) })).toBeVisible();
    expect(await noSideways()).toBe(true);
  }
  await page.goto(`/me/challenges/${id}/matches`);
  await expect(page.getByRole('heading', { level: 1, name: pattern(t.matches.title) })).toBeVisible();
  expect(await noSideways()).toBe(true);
});
