import { expect, fill, gql, mailTo, test, unique } from './fixtures.js';

const ALPINA = /Modrotisk na usnju za moderne pohodne čevlje|Blueprint \(modrotisk\) on leather for modern hiking shoes/;

test('a visitor finds the Alpina blueprint-print challenge from the home page and opens it', async ({ page, text }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: text.home.title })).toBeVisible();
  await page.getByRole('searchbox', { name: text.search.label }).fill('modrotisk');
  await page.getByRole('button', { name: text.search.submit }).click();
  await expect(page).toHaveURL(/\?q=modrotisk/);
  await page.getByRole('link', { name: ALPINA }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: ALPINA })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: text.challenges.brief })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Alpina' }).first()).toBeVisible();
  // The URL holds the search: back returns to the results.
  await page.goBack();
  await expect(page.getByRole('searchbox', { name: text.search.label })).toHaveValue('modrotisk');
});

test('a search without diacritics finds what is written with them, and nonsense says what to do next', async ({ page, text }) => {
  await page.goto('/?q=modrotisk%20cevlje');
  await expect(page.getByRole('link', { name: ALPINA }).first()).toBeVisible();
  await page.goto('/?q=zzqxqzzq');
  await expect(page.getByText(text.search.empty)).toBeVisible();
});

test('someone new signs up, verifies by the mailed link, signs in and signs out', async ({ page, request, text }) => {
  const email = `web-${unique()}@example.si`;
  await page.goto('/');
  await page.getByRole('link', { name: text.layout.signUp }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.account.signUp.title })).toBeVisible();

  // The error path first: nothing filled in, the summary lists each field and takes focus.
  await page.getByRole('button', { name: text.account.signUp.submit }).click();
  const summary = page.getByRole('alert').filter({ hasText: text.errors.summaryTitle });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: text.errors.field.email })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${fill(text.errors.titlePrefix, { title: '' }).trim()}`));

  await page.getByLabel(text.account.field.displayName).fill('Tina Testna');
  await page.getByLabel(text.account.field.email).fill(email);
  await page.getByLabel(text.account.field.newPassword).fill('modri-tisk-na-platnu');
  // The errors stay beside their fields until the next submit (nothing shifts under the pointer on the way to the button).
  await expect(page.getByLabel(text.account.field.email)).toHaveAccessibleDescription(new RegExp(text.errors.field.email.replace(/[()]/g, '.')));
  await page.getByRole('button', { name: text.account.signUp.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.account.signUp.checkMail })).toBeVisible();

  const mail = await mailTo(request, email, '/verify-email?token=');
  const link = /(http:\/\/127\.0\.0\.1:\d+\/verify-email\?token=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail)?.[1];
  expect(link).toBeTruthy();
  await page.goto(link ?? '');
  await expect(page.getByRole('heading', { level: 1, name: text.account.verify.doneTitle })).toBeVisible();
  // The same link again: used.
  await page.goto(link ?? '');
  await expect(page.getByText(text.account.link.usedOrExpired)).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: text.account.signIn.title }).click();
  await page.getByLabel(text.account.field.email).fill(email);
  await page.getByLabel(text.account.field.password).fill('modri-tisk-na-platnu');
  await page.getByRole('button', { name: text.account.signIn.submit }).click();
  await expect(page.getByText(fill(text.layout.signedInAs, { name: 'Tina Testna' }))).toBeVisible();

  // A reload keeps the session: the refresh cookie restores it, nothing secret in localStorage.
  await page.reload();
  await expect(page.getByText(fill(text.layout.signedInAs, { name: 'Tina Testna' }))).toBeVisible();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toMatch(/token|eyJ/i);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'modrotisk_refresh')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/auth/session' });

  await page.getByRole('button', { name: text.layout.signOut }).click();
  await expect(page.getByText(text.account.signIn.signedOut)).toBeVisible();
  await expect(page.getByRole('link', { name: text.layout.signIn })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: text.layout.signIn })).toBeVisible();
  expect(await gql<{ __typename: string }>(request, '{ __typename }')).toEqual({ __typename: 'Query' });
});

test('keyboard only: skip link, search, open the challenge', async ({ page, text }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: text.home.title })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: text.layout.skipToContent })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  const searchbox = page.getByRole('searchbox', { name: text.search.label });
  for (let i = 0; i < 10 && !(await searchbox.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(searchbox).toBeFocused();
  await page.keyboard.type('modrotisk');
  await page.keyboard.press('Enter');
  const result = page.getByRole('link', { name: ALPINA }).first();
  await expect(result).toBeVisible();
  for (let i = 0; i < 60 && !(await result.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(result).toBeFocused();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: ALPINA });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
});

test('a mailed link with a broken token says so and what to do next', async ({ page, text }) => {
  await page.goto('/verify-email?token=not-a-token');
  await expect(page.getByRole('heading', { level: 1, name: text.account.verify.failedTitle })).toBeVisible();
  await expect(page.getByText(text.account.link.invalid)).toBeVisible();
  await page.goto('/reset-password?token=00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await page.getByLabel(text.account.field.newPassword).fill('nova-dolga-fraza-123');
  await page.getByRole('button', { name: text.account.reset.submit }).click();
  await expect(page.getByRole('alert').filter({ hasText: text.account.link.invalid })).toBeVisible();
  await expect(page.getByRole('link', { name: text.account.reset.newLink })).toBeVisible();
});
