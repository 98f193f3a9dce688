import { expect, fill, test, unique } from './fixtures.js';
import { PASSWORD, scan } from './helpers.js';
import { as, organisation, signIn, signUp, thisYear } from './org-helpers.js';

/**
 * Issue 15, item 6: a municipality sees its own status for the year and starts its public-service
 * challenge from the template in one click; the organisers see every Gorenjska municipality.
 */
const ORGANISER = { email: 'organizator@demo.modrotisk.si', password: 'modrotisk-demo-2026' };

test('a municipality member sees that there is no challenge yet this year, starts it from the template, and the draft exists', async ({ page, request, text, axe }) => {
  const user = await signUp(request, 'Mojca Občinska', 'munis');
  const name = `Občina Gorje ${unique()}`;
  const orgId = await organisation(request, user, 'MUNICIPALITY', name, 'gorje');
  await signIn(page, user.email, PASSWORD, '/me');

  // The banner on /me: no challenge yet this year, with the one-click start.
  const heading = fill(text.compliance.banner.heading, { organisation: name, year: thisYear() });
  const banner = page.getByRole('region', { name: heading });
  await expect(banner).toBeVisible();
  await expect(banner.getByText(text.compliance.banner.state.missing)).toBeVisible();
  await expect(banner.getByRole('button', { name: text.compliance.banner.start })).toBeVisible();
  await scan(page, axe);

  // The side navigation offers the compliance page to municipality members.
  await page.getByRole('navigation', { name: text.me.navLabel }).getByRole('link', { name: text.compliance.nav.label }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.compliance.page.title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: fill(text.compliance.board.title, { year: thisYear() }) })).toHaveCount(0);
  const own = page.getByRole('region', { name: heading });
  await expect(own.getByText(text.compliance.banner.missing)).toBeVisible();
  await scan(page, axe);

  // By keyboard: the start button, then focus lands on the link that continues the draft.
  const start = own.getByRole('button', { name: text.compliance.banner.start });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(own.getByText(text.compliance.banner.state.draft)).toBeVisible();
  await expect(own.getByText(text.compliance.banner.started)).toBeVisible();
  const continueLink = own.getByRole('link', { name: text.compliance.banner.continue });
  await expect(continueLink).toBeFocused();
  const href = await continueLink.getAttribute('href');
  const challengeId = /^\/me\/challenges\/([0-9a-f-]{36})\/edit$/.exec(href ?? '')?.[1];
  expect(challengeId).toBeTruthy();
  await expect(own.getByText(`Javni izziv ${thisYear()}: ${name}`).or(own.getByText(`Public-service challenge ${thisYear()}: ${name}`))).toBeVisible();
  await scan(page, axe);

  // The draft exists: a public-service challenge of the municipality, in both languages.
  const { challenge } = await as<{ challenge: { status: string; kind: string; owner: { id: string }; title: { sl: string; en: string } } }>(
    request, user.token, `query($id: ID!) { challenge(id: $id) { status kind owner { id } title { sl en } } }`, { id: challengeId },
  );
  expect(challenge).toEqual({ status: 'DRAFT', kind: 'PUBLIC_SERVICE', owner: { id: orgId }, title: { sl: `Javni izziv ${thisYear()}: ${name}`, en: `Public-service challenge ${thisYear()}: ${name}` } });

  // Back on /me the banner still says a draft is in progress (the start button is gone: no second draft by accident).
  await page.goto('/me');
  await expect(page.getByRole('region', { name: heading }).getByText(text.compliance.banner.state.draft)).toBeVisible();
  await expect(page.getByRole('button', { name: text.compliance.banner.start })).toHaveCount(0);
});

test('the organiser sees every Gorenjska municipality on the board, as a grid and as a list', async ({ page, text, axe }) => {
  await signIn(page, ORGANISER.email, ORGANISER.password, '/me');
  await page.getByRole('navigation', { name: text.me.navLabel }).getByRole('link', { name: text.compliance.nav.label }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.compliance.page.title })).toBeVisible();
  const board = page.getByRole('region', { name: fill(text.compliance.board.title, { year: thisYear() }) });
  await expect(board).toBeVisible();
  // 18 municipalities, each with its status in words (colour is never the only signal).
  await expect(board.getByRole('heading', { level: 3 })).toHaveCount(18);
  await expect(board.getByRole('heading', { level: 3, name: 'Škofja Loka' })).toBeVisible();
  await expect(board.getByText(/(\d+) (od|of) 18/)).toBeVisible();
  const statuses = [text.compliance.board.status.compliant, text.compliance.board.status.missing, text.compliance.board.status.absent];
  const kranj = board.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Kranj', exact: true }) });
  await expect(kranj.getByText(new RegExp(`^(${statuses.join('|')})$`))).toBeVisible();
  await scan(page, axe);

  await board.getByRole('link', { name: text.compliance.board.view.list }).click();
  const table = board.getByRole('table', { name: text.compliance.board.tableCaption });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader')).toHaveCount(18);
  await expect(board.getByRole('link', { name: text.compliance.board.view.list })).toHaveAttribute('aria-current', 'page');
  await expect(board.getByRole('link', { name: text.compliance.board.view.grid })).not.toHaveAttribute('aria-current', 'page');
  await scan(page, axe);

  await board.getByRole('link', { name: fill(text.compliance.board.previousYear, { year: thisYear() - 1 }) }).click();
  await expect(page.getByRole('region', { name: fill(text.compliance.board.title, { year: thisYear() - 1 }) }).getByRole('rowheader')).toHaveCount(18);
  await expect(page).toHaveURL(/view=list/);
  await scan(page, axe);
});

test('someone who is neither a municipality nor an organiser is not offered the page, and is told what it is for', async ({ page, request, text, axe }) => {
  const user = await signUp(request, 'Peter Podjetnik', 'munis');
  await organisation(request, user, 'COMPANY', `Podjetje ${unique()}`, 'kranj');
  await signIn(page, user.email, PASSWORD, '/me');
  await expect(page.getByRole('heading', { level: 1, name: text.me.title })).toBeVisible();
  await expect(page.getByRole('link', { name: text.inbox.nav.label }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: text.compliance.nav.label })).toHaveCount(0);
  await page.goto('/me/compliance');
  await expect(page.getByText(text.compliance.page.noAccess)).toBeVisible();
  await scan(page, axe);
});
