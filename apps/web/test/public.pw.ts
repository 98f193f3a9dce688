import type { APIRequestContext, Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ports } from '../playwright.config.js';
import { expect, fill, gql, test, unique } from './fixtures.js';

/**
 * Public pages (issue 12, items 4, 6, 7, 8): search facets held in the URL, paging, the challenge
 * page's parts, resending the confirmation mail, and the layouts at 375 px and 200 % zoom.
 * Challenges are created through the API as the operator (the product's local admin token in its
 * data dir), each test with its own unique word, so tests run in parallel and never collide.
 */

const operatorToken = () => fs.readFileSync(path.join(os.tmpdir(), `modrotisk-web-e2e-${ports.api}`, 'admin-token'), 'utf8').trim();

async function asOperator<T>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: { authorization: `Bearer ${operatorToken()}` } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function organisation(request: APIRequestContext, name: string, kind = 'COMPANY'): Promise<string> {
  const data = await asOperator<{ createOrganisation: { id: string } }>(request, `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
    input: { kind, name, municipality: 'kranj' },
  });
  return data.createOrganisation.id;
}

async function publishedChallenge(request: APIRequestContext, input: Record<string, unknown>): Promise<string> {
  const created = await asOperator<{ createChallenge: { id: string } }>(request, `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`, { input });
  const id = created.createChallenge.id;
  await asOperator(request, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id });
  return id;
}

/** Waits until the search index has caught up with `count` challenges for `word`. */
async function searchable(request: APIRequestContext, word: string, count: number): Promise<void> {
  await expect
    .poll(async () => (await gql<{ searchChallenges: { totalCount: number } }>(request, `query($q: String) { searchChallenges(query: $q) { totalCount } }`, { q: word })).searchChallenges.totalCount, { timeout: 20_000 })
    .toBe(count);
}

/** A 2×2 PNG (indigo) and a one-page PDF, made here. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGNUUOhnYGBgYmAAAAYHAGr1BEIAAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

async function attach(request: APIRequestContext, challengeId: string, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  const response = await request.post(`/challenges/${challengeId}/attachments`, { headers: { authorization: `Bearer ${operatorToken()}` }, multipart: { file: { name, mimeType, buffer } } });
  expect(response.status(), await response.text()).toBe(201);
}

function facet(page: Page, name: string) {
  return page.getByRole('region', { name });
}

test('facets for kind, reward and deadline live in the URL, with counts; back undoes them', async ({ page, request, text, axe }) => {
  const word = `fasetni${unique()}`;
  const owner = await organisation(request, `Facetna družba ${word}`);
  const common = { ownerOrganisationId: owner, brief: { sl: `Opis ${word}.` } };
  await publishedChallenge(request, { ...common, title: { sl: `Turistični ${word}` }, kind: 'TOURISM', rewards: [{ kind: 'MENTORING' }], deadline: '2099-03-15T10:00:00.000Z' });
  await publishedChallenge(request, { ...common, title: { sl: `Industrijski ${word}` }, kind: 'INDUSTRY', totalBudgetEur: 500, rewards: [{ kind: 'PRIZE_MONEY', amountEur: 500 }], deadline: '2099-04-15T10:00:00.000Z' });
  await searchable(request, word, 2);

  await page.goto(`/?q=${word}`);
  const kind = facet(page, text.explore.facet.kind);
  await expect(kind.getByRole('link')).toHaveCount(2);
  await expect(kind.getByRole('link', { name: `${text.challenges.kind.TOURISM} ${fill(text.explore.count, { count: 1 })}` })).toBeVisible();
  await expect(facet(page, text.explore.facet.reward).getByRole('link', { name: new RegExp(text.challenges.rewardKind.MENTORING) })).toBeVisible();
  await expect(facet(page, text.explore.facet.deadline).getByRole('link')).toHaveCount(2);
  // The router marks the link to the URL already shown as the current page.
  await expect(facet(page, text.explore.facet.status).getByRole('link', { name: new RegExp(text.explore.status.open) })).toHaveAttribute('aria-current', /^(true|page)$/);
  // Results show the reward and the deadline countdown.
  await expect(page.getByRole('link', { name: `Industrijski ${word}` })).toBeVisible();
  await expect(page.getByText(text.challenges.reward).first()).toBeVisible();
  const tourism = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Turistični ${word}` }) });
  await expect(tourism.getByText(text.challenges.rewardKind.MENTORING)).toBeVisible();
  await expect(tourism.locator('time')).toBeVisible();

  await kind.getByRole('link', { name: new RegExp(text.challenges.kind.TOURISM) }).click();
  await expect(page).toHaveURL(/kind=TOURISM/);
  await expect(page.getByRole('link', { name: `Turistični ${word}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Industrijski ${word}` })).toHaveCount(0);
  await expect(kind.getByRole('link', { name: new RegExp(text.challenges.kind.TOURISM) })).toHaveAttribute('aria-current', /^(true|page)$/);
  await axe(page);

  await facet(page, text.explore.facet.reward).getByRole('link', { name: new RegExp(text.challenges.rewardKind.MENTORING) }).click();
  await expect(page).toHaveURL(/reward=MENTORING/);
  await expect(page).toHaveURL(/kind=TOURISM/);

  // The URL is the state: a fresh page with it shows the same; back undoes one facet at a time.
  const shared = page.url();
  await page.goBack();
  await expect(page).not.toHaveURL(/reward=/);
  await expect(page).toHaveURL(/kind=TOURISM/);
  await page.goBack();
  await expect(page).not.toHaveURL(/kind=/);
  await expect(page.getByRole('link', { name: `Industrijski ${word}` })).toBeVisible();
  await page.goto(shared);
  await expect(page.getByRole('link', { name: `Turistični ${word}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Industrijski ${word}` })).toHaveCount(0);

  // The deadline facet by month: April 2099 leaves the industrial one only.
  await page.goto(`/?q=${word}&deadline=2099-04`);
  await expect(page.getByRole('link', { name: `Industrijski ${word}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Turistični ${word}` })).toHaveCount(0);
  // Nothing for these filters: say so and offer to clear them.
  await page.goto(`/?q=${word}&kind=STUDENT_CONTEST`);
  await expect(page.getByText(text.search.emptyFiltered)).toBeVisible();
  await axe(page);
  await page.getByRole('main').getByRole('link', { name: text.search.clearFilters }).last().click();
  await expect(page).not.toHaveURL(/kind=/);
  await expect(page.getByRole('link', { name: `Industrijski ${word}` })).toBeVisible();
  // Awarded challenges through the status facet.
  await facet(page, text.explore.facet.status).getByRole('link', { name: new RegExp(text.explore.status.awarded) }).click();
  await expect(page).toHaveURL(/status=awarded/);
  await expect(page.getByText(text.explore.awardedHint)).toBeVisible();
  await axe(page);
});

test('result pages: a next-page link holds the cursor in the URL, back returns to the first page', async ({ page, request, text, axe }) => {
  test.setTimeout(60_000);
  const word = `stranski${unique()}`;
  const owner = await organisation(request, `Stranska družba ${word}`);
  for (let i = 1; i <= 21; i += 1) await publishedChallenge(request, { ownerOrganisationId: owner, title: { sl: `Izziv ${i} ${word}` }, brief: { sl: word } });
  await searchable(request, word, 21);

  await page.goto(`/?q=${word}`);
  await page.getByRole('link', { name: fill(text.explore.showAll_other, { count: 21 }) }).click();
  await expect(page).toHaveURL(/tab=challenges/);
  const results = page.getByRole('region', { name: fill(text.search.tab.challenges_other, { count: 21 }) }).getByRole('listitem');
  await expect(results).toHaveCount(20);
  const firstPage = await results.allTextContents();
  await page.getByRole('link', { name: text.explore.nextPage }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(results).toHaveCount(1);
  expect(firstPage).not.toContain((await results.allTextContents())[0]);
  await expect(page.getByRole('link', { name: text.explore.nextPage })).toHaveCount(0);
  await axe(page);
  await page.goBack();
  await expect(page).not.toHaveURL(/after=/);
  await expect(results).toHaveCount(20);
  await page.goForward();
  await page.getByRole('link', { name: text.explore.firstPage }).click();
  await expect(results).toHaveCount(20);
});

test('the challenge page shows both briefs, owner and partner, rewards, IP terms, criteria, timeline and attachments with previews', async ({ page, request, text, lang, axe }) => {
  const word = `celoten${unique()}`;
  const owner = await organisation(request, `Naročnik ${word}`);
  const partner = await organisation(request, `Muzej ${word}`, 'MUSEUM');
  const id = await publishedChallenge(request, {
    ownerOrganisationId: owner,
    kind: 'TOURISM',
    title: { sl: `Spominek ${word}`, en: `Souvenir ${word}` },
    brief: { sl: 'Slovenski opis izziva.', en: 'The English brief.' },
    partners: [{ organisationId: partner, role: { sl: 'strokovni partner', en: 'expert partner' } }],
    totalBudgetEur: 1500,
    rewards: [{ kind: 'PRIZE_MONEY', amountEur: 1500 }, { kind: 'EXHIBITION', description: { sl: 'Razstava v muzeju', en: 'Exhibition at the museum' } }],
    ipTerms: { kind: 'LICENCE', details: { sl: 'Neizključna licenca za pet let.', en: 'A non-exclusive licence for five years.' } },
    criteria: [{ name: { sl: 'Izvirnost', en: 'Originality' }, weight: 60 }, { name: { sl: 'Izvedljivost', en: 'Feasibility' }, weight: 40 }],
    deadline: '2099-05-01T10:00:00.000Z',
  });
  await attach(request, id, 'skica.png', 'image/png', PNG);
  await attach(request, id, 'razpis.pdf', 'application/pdf', PDF);

  await page.goto(`/challenges/${id}`);
  const title = lang === 'en' ? `Souvenir ${word}` : `Spominek ${word}`;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: `Naročnik ${word}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Muzej ${word}` })).toBeVisible();
  await expect(page.getByText(lang === 'en' ? 'expert partner' : 'strokovni partner')).toBeVisible();
  await expect(page.getByText(lang === 'en' ? 'Exhibition at the museum' : 'Razstava v muzeju')).toBeVisible();
  await expect(page.getByText(text.challenges.ipKind.LICENCE)).toBeVisible();
  await expect(page.getByText(lang === 'en' ? 'Originality' : 'Izvirnost')).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toContainText(text.challenges.phase.PUBLISHED);

  // The brief in both languages: the toggle switches and marks the text's language.
  const own = lang === 'en' ? 'The English brief.' : 'Slovenski opis izziva.';
  const other = lang === 'en' ? 'Slovenski opis izziva.' : 'The English brief.';
  await expect(page.getByText(own)).toBeVisible();
  await page.getByRole('radio', { name: lang === 'en' ? text.layout.languageName.sl : text.layout.languageName.en }).click();
  await expect(page.getByText(other)).toBeVisible();
  await expect(page.getByText(other)).toHaveAttribute('lang', lang === 'en' ? 'sl' : 'en');

  // Attachments: the image as a thumbnail with alt text, the PDF as a link with its size.
  const attachments = page.getByRole('region', { name: text.challengeDetail.attachments });
  const image = attachments.getByRole('img', { name: fill(text.challengeDetail.imageAlt, { name: 'skica.png' }) });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
  await expect(attachments.getByRole('link', { name: 'razpis.pdf' })).toBeVisible();
  await expect(attachments.getByText(/^\(PDF, \d+ \S+\)$/)).toBeVisible();
  await expect(attachments.getByRole('img')).toHaveCount(1);
  await axe(page);
});

test('an unconfirmed account can ask for a new confirmation link at sign-in and from a broken link; the limit says when to retry', async ({ page, request, text, lang, axe }) => {
  test.setTimeout(90_000);
  const email = `resend-${unique()}@example.si`;
  const password = 'modri-tisk-na-platnu';
  await gql(request, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { displayName: 'Nepotrjena Nina', email, password, locale: lang } });

  await page.goto('/sign-in');
  await page.getByLabel(text.account.field.email).fill(email);
  await page.getByLabel(text.account.field.password).fill(password);
  await page.getByRole('button', { name: text.account.signIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.account.resend.title })).toBeVisible();
  await expect(page.getByText(fill(text.account.resend.lead, { email }))).toBeVisible();
  // React Aria's live announcer briefly keeps the sign-in button's "done" message, labelled by the
  // button that is gone now; it clears itself after a few seconds.
  await expect(page.locator('[role="log"] [role="img"]')).toHaveCount(0, { timeout: 15_000 });
  await axe(page);
  await page.getByRole('button', { name: text.account.resend.submit }).click();
  await expect(page.getByText(fill(text.account.resend.sent, { email }))).toBeVisible();
  await axe(page);

  // An expired or broken link while signed in: the same offer, right there.
  await page.getByRole('button', { name: text.account.resend.continue }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.home.title })).toBeVisible();
  await page.goto('/verify-email?token=broken');
  await expect(page.getByRole('heading', { level: 1, name: text.account.verify.failedTitle })).toBeVisible();
  // A full page load restores the session from the cookie first.
  await expect(page.getByText(fill(text.account.resend.fromLink, { email }))).toBeVisible();
  await page.getByRole('button', { name: text.account.resend.submit }).click();
  await expect(page.getByText(fill(text.account.resend.sent, { email }))).toBeVisible();
  // The sign-up mail and two resends make three in this hour: the next is refused with a time.
  await page.getByRole('button', { name: text.account.resend.submit }).click();
  const limit = page.getByRole('alert').filter({ hasText: text.errors.rateLimited.split('{{')[0].trim() });
  await expect(limit).toBeVisible();
  await expect(limit).toContainText(lang === 'en' ? /in (1 hour|60 minutes)/ : /čez (1 uro|60 minut)/);
  await axe(page);
});

test('a broken confirmation link, signed out, says what to do next', async ({ page, text, axe }) => {
  await page.goto('/verify-email?token=broken');
  await expect(page.getByText(text.account.link.invalid)).toBeVisible();
  // Signing in offers the new link (the test above).
  await expect(page.getByText(text.account.verify.nextStep)).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: text.account.signIn.title })).toBeVisible();
  await axe(page);
});

test('reset and invitation pages without a usable token offer the next step', async ({ page, text, axe }) => {
  await page.goto('/reset-password');
  await expect(page.getByText(text.account.link.invalid)).toBeVisible();
  await expect(page.getByRole('link', { name: text.account.reset.newLink })).toBeVisible();
  await axe(page);
  await page.goto('/invitations/accept');
  await expect(page.getByText(text.account.link.invalid)).toBeVisible();
  await expect(page.getByText(text.account.invitation.askAgain)).toBeVisible();
  await axe(page);
});

/** Every focusable control lies within the page's width (reachable without sideways scrolling). */
async function fitsWidth(page: Page): Promise<{ scrollWidth: number; clientWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const outside = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
      .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden') && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => {
        const box = el.getBoundingClientRect();
        // The skip link waits off-screen until focused.
        return box.width > 0 && (box.right > root.clientWidth + 1 || box.left < -1) && !el.matches('[class*="skip"]');
      })
      .map((el) => `${el.tagName} ${el.textContent?.trim().slice(0, 40) ?? ''}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, outside };
  });
}

for (const [name, viewport, deviceScaleFactor] of [
  ['375 px wide', { width: 375, height: 800 }, 1],
  ['200 % zoom (1280 × 800 at twice the size)', { width: 640, height: 400 }, 2],
] as const) {
  test.describe(`layouts at ${name}`, () => {
    test.use({ viewport, deviceScaleFactor });

    test('home, search results, a challenge, sign-in and sign-up reflow without sideways scrolling', async ({ page, request, text }) => {
      test.setTimeout(60_000);
      const found = await gql<{ searchChallenges: { nodes: { id: string }[] } }>(request, `{ searchChallenges(query: "modrotisk", first: 1) { nodes { id } } }`);
      for (const screen of ['/', '/?q=modrotisk', '/?q=modrotisk&tab=challenges', `/challenges/${found.searchChallenges.nodes[0].id}`, '/sign-in', '/sign-up']) {
        await page.goto(screen);
        await expect(page.locator('main h1')).toBeVisible();
        await page.waitForLoadState('networkidle');
        const fit = await fitsWidth(page);
        expect(fit.scrollWidth, `${screen} scrolls sideways`).toBeLessThanOrEqual(fit.clientWidth);
        expect(fit.outside, `${screen}: controls outside the page`).toEqual([]);
      }
      // Controls stay operable: the search form submits at this size.
      await page.goto('/');
      await page.getByRole('searchbox', { name: text.search.label }).fill('modrotisk');
      await page.getByRole('button', { name: text.search.submit }).click();
      await expect(page).toHaveURL(/q=modrotisk/);
    });
  });
}

test('prefers-reduced-motion: no animation or transition runs', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const screen of ['/', '/?q=modrotisk', '/sign-in']) {
    await page.goto(screen);
    await expect(page.locator('main h1')).toBeVisible();
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .map((el) => ({ el, style: getComputedStyle(el) }))
        .filter(({ style }) => {
          const longest = (value: string) => Math.max(...value.split(',').map((v) => parseFloat(v) * (v.trim().endsWith('ms') ? 1 : 1000)));
          return (style.animationName !== 'none' && longest(style.animationDuration) > 10) || longest(style.transitionDuration) > 10;
        })
        .map(({ el }) => `${el.tagName}.${el.className}`),
    );
    expect(moving, screen).toEqual([]);
  }
});
