import type { APIRequestContext, Page } from '@playwright/test';
import meEn from '../src/features/me/i18n/en.json' with { type: 'json' };
import meSl from '../src/features/me/i18n/sl.json' with { type: 'json' };
import { type Catalogue, expect, fill, mailTo, test, unique } from './fixtures.js';

/**
 * The inbox, the unread count in the header and the notification settings, for fresh accounts.
 * Notifications come from the product itself: an organisation answers the creative's public
 * questions on its challenge, and the API puts "your question was answered" in the creative's inbox.
 */

const PASSWORD = 'modri-tisk-na-platnu';
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

/** Signs up through the API, follows the mailed verification link, signs in with `via` (a browser context's request shares its cookies). */
async function account(request: APIRequestContext, via: APIRequestContext, name: string, lang: 'sl' | 'en'): Promise<Account> {
  const email = `inbox-${unique()}@example.si`;
  const signUp = await request.post('/graphql', { data: { query: `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, variables: { input: { email, password: PASSWORD, displayName: name, locale: lang } } } });
  expect(signUp.ok()).toBe(true);
  const token = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(await mailTo(request, email, '/verify-email?token='))?.[1];
  const verified = await request.post('/graphql', { data: { query: `mutation($token: String!) { verifyEmail(token: $token) }`, variables: { token } } });
  expect(((await verified.json()) as Data).data?.verifyEmail).toBe(true);
  const session = await via.post('/auth/session', { data: { email, password: PASSWORD } });
  expect(session.ok()).toBe(true);
  return { email, token: ((await session.json()) as { accessToken: string }).accessToken };
}

interface World {
  owner: Account;
  creative: Account;
  challengeId: string;
  title: { sl: string; en: string };
  questionIds: string[];
}

/** An organisation with a published challenge, and a creative signed in in `page` who asked `questions` questions on it. */
async function world(page: Page, request: APIRequestContext, lang: 'sl' | 'en', questions: number): Promise<World> {
  const [owner, creative] = await Promise.all([account(request, request, 'Lectar Lastnik', lang), account(request, page.request, 'Tina Tiskarka', lang)]);
  await page.addInitScript(() => localStorage.setItem('modrotisk.hasSession', '1'));
  const id = unique();
  const title = { sl: `Lectova srca ${id}`, en: `Gingerbread hearts ${id}` };
  const orgId = (await call(request, owner.token, `mutation { createOrganisation(input: { kind: COMPANY, name: "Lectar ${id}", municipality: "radovljica" }) { id } }`)).createOrganisation.id as string;
  const challengeId = (await call(request, owner.token, `mutation($o: ID!, $t: ShortLocalizedTextInput!) { createChallenge(input: { ownerOrganisationId: $o, title: $t, brief: { sl: "Lectova srca za protokolarna darila.", en: "Gingerbread hearts as official gifts." }, deadline: "2099-01-01T00:00:00Z" }) { id } }`, { o: orgId, t: title })).createChallenge.id as string;
  await call(request, owner.token, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: challengeId });
  const questionIds: string[] = [];
  for (let i = 0; i < questions; i++) {
    questionIds.push((await call(page.request, creative.token, `mutation($c: ID!, $q: String!) { askChallengeQuestion(challengeId: $c, language: "sl", question: $q) { id } }`, { c: challengeId, q: `Vprašanje ${i + 1}: kakšna velikost?` })).askChallengeQuestion.id as string);
  }
  return { owner, creative, challengeId, title, questionIds };
}

async function answer(request: APIRequestContext, w: World, questionId: string) {
  await call(request, w.owner.token, `mutation($id: ID!) { answerChallengeQuestion(id: $id, answer: { sl: "Kot dlan.", en: "Palm-sized." }) { id } }`, { id: questionId });
}

const inboxLink = (page: Page, text: Catalogue, count: number) =>
  page.getByRole('banner').getByRole('link', { name: count > 0 ? label(text, count) : text.inbox.header.link, exact: true });

/** The header link's accessible name, with the plural form i18next picks for `count`. */
function label(text: Catalogue, count: number): string {
  const forms = text.inbox.header as Record<string, string>;
  const rule = new Intl.PluralRules(forms.label_two ? 'sl' : 'en').select(count);
  return fill(forms[`label_${rule}`] ?? forms.label_other, { count });
}

test('a creative sees the unread count, reads an answer in the inbox, follows it, marks the rest read and filters', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(60_000);
  const w = await world(page, request, lang, 2);
  for (const q of w.questionIds) await answer(request, w, q);
  const title = w.title[lang];

  await page.goto('/');
  await expect(inboxLink(page, text, 2)).toBeVisible();
  await axe(page);

  await inboxLink(page, text, 2).click();
  await expect(page).toHaveURL(/\/me\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: text.inbox.title })).toBeFocused();
  const items = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  await expect(items).toHaveCount(2);
  const answered = page.getByRole('link', { name: `${text.inbox.kind['challenge-question-answered']}: ${title}` });
  await expect(answered).toHaveCount(2);
  await expect(items.first().getByText(text.inbox.unreadBadge, { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: (lang === 'en' ? meEn : meSl).me.navLabel }).getByRole('link', { name: text.inbox.nav.label })).toHaveAttribute('aria-current', 'page');
  await axe(page);

  // The unread filter lives in the URL.
  await page.getByRole('link', { name: text.inbox.filter.unread }).click();
  await expect(page).toHaveURL(/\/me\/inbox\?unread=true$/);
  await expect(page.getByRole('link', { name: text.inbox.filter.unread })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: text.inbox.filter.all })).not.toHaveAttribute('aria-current', 'page');
  await expect(answered).toHaveCount(2);
  await axe(page);

  // Opening one marks it read and leads to the challenge; the count drops.
  await answered.first().click();
  await expect(page).toHaveURL(new RegExp(`/challenges/${w.challengeId}$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(inboxLink(page, text, 1)).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/me\/inbox\?unread=true$/);
  await expect(answered).toHaveCount(1);
  await page.getByRole('button', { name: text.inbox.markAllRead }).click();
  await expect(page.getByRole('status').filter({ hasText: text.inbox.markedAllRead })).toBeVisible();
  await expect(inboxLink(page, text, 0)).toBeVisible();
  await expect(page.getByText(text.inbox.empty.unread)).toBeVisible();
  await axe(page);

  // All of them, now read; the server agrees.
  await page.getByRole('link', { name: text.inbox.empty.unreadAction }).click();
  await expect(page).toHaveURL(/\/me\/inbox$/);
  await expect(answered).toHaveCount(2);
  await expect(page.getByRole('link', { name: text.inbox.filter.all })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(text.inbox.unreadBadge, { exact: true })).toHaveCount(0);
  expect((await call(page.request, w.creative.token, `{ unreadNotificationCount }`)).unreadNotificationCount).toBe(0);
  await axe(page);
});

test('the header count follows new notifications every minute while the tab is visible, pauses while hidden, and asks nothing when signed out', async ({ page, request, text, lang }) => {
  test.setTimeout(60_000);
  // Signed out: no inbox link, no count requested.
  const counts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('unreadNotificationCount')) counts.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('link', { name: text.layout.signIn })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: text.inbox.header.link })).toHaveCount(0);
  expect(counts).toEqual([]);

  const w = await world(page, request, lang, 3);
  // The page says whether it is visible; the test decides (a headless tab is always visible).
  await page.addInitScript(() => {
    const state = { hidden: false };
    (window as unknown as { __setHidden: (h: boolean) => void }).__setHidden = (hidden: boolean) => {
      state.hidden = hidden;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (state.hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state.hidden });
  });
  await page.clock.install();
  await page.goto('/');
  await expect(inboxLink(page, text, 0)).toBeVisible();

  // Visible: a minute later the header knows about the new answer.
  await answer(request, w, w.questionIds[0]);
  await page.clock.runFor(61_000);
  await expect(inboxLink(page, text, 1)).toBeVisible();

  // Hidden: nothing is asked, however long it stays hidden.
  await page.evaluate(() => (window as unknown as { __setHidden: (h: boolean) => void }).__setHidden(true));
  await answer(request, w, w.questionIds[1]);
  const before = counts.length;
  await page.clock.runFor(5 * 61_000);
  expect(counts.length).toBe(before);
  await expect(inboxLink(page, text, 1)).toBeVisible();

  // Shown again: asked at once.
  await page.evaluate(() => (window as unknown as { __setHidden: (h: boolean) => void }).__setHidden(false));
  await expect(inboxLink(page, text, 2)).toBeVisible();

  // Navigation asks too.
  await answer(request, w, w.questionIds[2]);
  await page.getByRole('link', { name: text.layout.mySpace }).click();
  await expect(inboxLink(page, text, 3)).toBeVisible();
});

test('an empty inbox says what to do next; notification settings change by mouse and by keyboard alone, persist, and show errors', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(60_000);
  const creative = await account(request, page.request, 'Nova Ustvarjalka', lang);
  await page.addInitScript(() => localStorage.setItem('modrotisk.hasSession', '1'));
  await page.goto('/me/inbox');
  await expect(page.getByRole('heading', { level: 1, name: text.inbox.title })).toBeVisible();
  await expect(page.getByText(text.inbox.empty.all)).toBeVisible();
  await expect(page.getByRole('link', { name: text.inbox.empty.allAction })).toBeVisible();
  await axe(page);

  await page.getByRole('navigation', { name: (lang === 'en' ? meEn : meSl).me.navLabel }).getByRole('link', { name: text.inbox.preferencesNav.label }).click();
  await expect(page).toHaveURL(/\/me\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: text.inbox.prefs.title })).toBeVisible();
  const group = (category: keyof Catalogue['inbox']['prefs']['category']) => page.getByRole('radiogroup', { name: text.inbox.prefs.category[category] });
  const radio = (category: keyof Catalogue['inbox']['prefs']['category'], mode: keyof Catalogue['inbox']['prefs']['mode']) => group(category).getByRole('radio', { name: text.inbox.prefs.mode[mode] });
  // A pointer presses the option's label (RAC keeps the native input visually hidden inside it).
  const choose = (category: keyof Catalogue['inbox']['prefs']['category'], mode: keyof Catalogue['inbox']['prefs']['mode']) =>
    group(category).getByText(text.inbox.prefs.mode[mode], { exact: true }).click();
  // Defaults: matches as a daily digest, questions at once.
  await expect(radio('MATCHES', 'DAILY')).toBeChecked();
  await expect(radio('QUESTIONS', 'INSTANT')).toBeChecked();
  await expect(group('QUESTIONS')).toContainText(text.inbox.prefs.categoryHint.QUESTIONS);
  await expect(page.getByText(text.inbox.prefs.unsubscribe)).toBeVisible();
  await axe(page);

  // By mouse: saved at once, confirmed politely.
  await choose('QUESTIONS', 'WEEKLY');
  const saved = (category: keyof Catalogue['inbox']['prefs']['category'], mode: keyof Catalogue['inbox']['prefs']['mode']) =>
    page.getByRole('status').filter({ hasText: fill(text.inbox.prefs.saved, { category: text.inbox.prefs.category[category], mode: text.inbox.prefs.mode[mode] }) });
  await expect(saved('QUESTIONS', 'WEEKLY')).toBeVisible();
  await axe(page);

  // By keyboard alone: Tab to the matches group, arrows choose, each choice saved.
  const daily = radio('MATCHES', 'DAILY');
  for (let i = 0; i < 40 && !(await daily.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(daily).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(radio('MATCHES', 'WEEKLY')).toBeChecked();
  await expect(saved('MATCHES', 'WEEKLY')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(radio('MATCHES', 'OFF')).toBeChecked();
  await expect(saved('MATCHES', 'OFF')).toBeVisible();
  await expect(radio('MATCHES', 'OFF')).toBeFocused();

  // They persist.
  await page.reload();
  await expect(radio('QUESTIONS', 'WEEKLY')).toBeChecked();
  await expect(radio('MATCHES', 'OFF')).toBeChecked();
  const stored = (await call(page.request, creative.token, `{ myNotificationPreferences { category mode isDefault } }`)).myNotificationPreferences as Data[];
  expect(stored).toEqual(expect.arrayContaining([{ category: 'QUESTIONS', mode: 'WEEKLY', isDefault: false }, { category: 'MATCHES', mode: 'OFF', isDefault: false }]));

  // A save that fails says so and shows the setting still stored.
  await page.route('**/graphql', async (route) => {
    if ((route.request().postData() ?? '').includes('setNotificationPreference')) await route.fulfill({ status: 503, contentType: 'application/json', body: '{"errors":[{"message":"down","extensions":{"code":"SERVICE_UNAVAILABLE"}}]}' });
    else await route.continue();
  });
  await choose('EVENTS', 'OFF');
  await expect(page.getByRole('alert').filter({ hasText: fill(text.inbox.prefs.failed, { category: text.inbox.prefs.category.EVENTS }) })).toBeVisible();
  await expect(radio('EVENTS', 'INSTANT')).toBeChecked();
  await axe(page);
});

test('a long inbox pages by real links: older notifications, then back to the newest', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(90_000);
  const w = await world(page, request, lang, 0);
  // One more than a page (20): each question answered before the next is asked (at most 5 may wait).
  for (let i = 0; i < 21; i++) {
    const q = (await call(page.request, w.creative.token, `mutation($c: ID!, $q: String!) { askChallengeQuestion(challengeId: $c, language: "sl", question: $q) { id } }`, { c: w.challengeId, q: `Vprašanje ${i + 1}?` })).askChallengeQuestion.id as string;
    await answer(request, w, q);
  }
  await page.goto('/me/inbox');
  const answered = page.getByRole('link', { name: `${text.inbox.kind['challenge-question-answered']}: ${w.title[lang]}` });
  await expect(answered).toHaveCount(20);
  await expect(page.getByText(fill(text.inbox.count_other, { count: 21 }), { exact: false })).toBeVisible();
  const paging = page.getByRole('navigation', { name: text.inbox.pagingLabel });
  await paging.getByRole('link', { name: text.inbox.older }).click();
  await expect(page).toHaveURL(/\/me\/inbox\?after=[0-9a-f-]{36}$/);
  await expect(answered).toHaveCount(1);
  await expect(paging.getByRole('link', { name: text.inbox.older })).toHaveCount(0);
  await axe(page);
  await paging.getByRole('link', { name: text.inbox.newest }).click();
  await expect(page).toHaveURL(/\/me\/inbox$/);
  await expect(answered).toHaveCount(20);
});
