import { api, PASSWORD, scan } from './helpers.js';
import { expect, gql, mailTo, test, unique } from './fixtures.js';

/** The demo organiser (seeded in development), who may import creatives. */
const ORGANISER = { email: 'organizator@demo.modrotisk.si', password: 'modrotisk-demo-2026' };
const IMPORT = `mutation($input: ImportCreativeProfilesInput!) { importCreativeProfiles(input: $input) { created rows { status reason } } }`;

/** Imports one person as the demo organiser and answers the link mailed to them. */
async function invited(request: Parameters<typeof api>[0], name: string): Promise<{ email: string; link: string }> {
  const email = `uvoz-${unique()}@example.si`;
  const { login } = await gql<{ login: { accessToken: string } }>(request, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: ORGANISER.email, p: ORGANISER.password });
  const csv = `e-pošta;ime;občina;jeziki;tehnike;materiali\n${email};"${name}";kranj;sl|en;blueprint;leather`;
  const { importCreativeProfiles } = await api<{ importCreativeProfiles: { created: number; rows: { status: string; reason: string | null }[] } }>(
    request, login.accessToken, IMPORT, { input: { format: 'CSV', content: csv, note: 'Vidimo se na sejmu.' } },
  );
  expect(importCreativeProfiles.rows).toEqual([{ status: 'CREATED', reason: null }]);
  const mail = await mailTo(request, email, 'creative-invitations/accept?token=');
  const token = /creative-invitations\/accept\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail)?.[1];
  expect(token).toBeTruthy();
  return { email, link: `/creative-invitations/accept?token=${token ?? ''}` };
}

test('an imported creative sees what will be created, agrees to matching, chooses a password and lands signed in', async ({ page, request, text, axe }) => {
  const name = `Špela Žagar ${unique()}`;
  const { email, link } = await invited(request, name);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: text.onboarding.title })).toBeVisible();
  await expect(page.getByText(name)).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText('Vidimo se na sejmu.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: text.onboarding.consentTitle })).toBeVisible();
  await scan(page, axe);

  await page.getByText(text.onboarding.consent).click();
  await expect(page.getByRole('checkbox', { name: text.onboarding.consent })).toBeChecked();
  await page.getByLabel(text.onboarding.password).fill(PASSWORD);
  await page.getByRole('button', { name: text.onboarding.accept }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.onboarding.accepted })).toBeVisible();
  await page.getByRole('link', { name: text.onboarding.toProfile }).click();
  // Signed in as the new account, whose profile is the imported one, with consent.
  await expect(page.getByText(text.profile.consent.on)).toBeVisible();
  await expect(page.locator('input[name="displayName"]')).toHaveValue(name);
});

test('declining erases the details, and the link then says so', async ({ page, request, text }) => {
  const { link } = await invited(request, `Žiga Čebulj ${unique()}`);
  await page.goto(link);
  await page.getByRole('button', { name: text.onboarding.decline }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.onboarding.declined })).toBeVisible();
  await page.goto(link);
  await expect(page.getByText(text.onboarding.status.DECLINED)).toBeVisible();
  await page.goto('/creative-invitations/accept?token=00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByText(text.onboarding.invalidLink)).toBeVisible();
});

test('an organiser checks a CSV file on the import page, then invites its good rows', async ({ page, request, text, axe }) => {
  await page.goto('/sign-in?redirect=%2Fme%2Fimport');
  await page.getByLabel(text.account.field.email).fill(ORGANISER.email);
  await page.getByLabel(text.account.field.password).fill(ORGANISER.password);
  await page.getByRole('button', { name: text.account.signIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.onboarding.import.title })).toBeVisible();
  const good = `uvoz-${unique()}@example.si`;
  const csv = `e-pošta;ime;občina\n${good};"Tina Šuštar; tkalka";kranj\nni-naslov;Brez;kranj\n`;
  await page.getByLabel(text.onboarding.import.file).setInputFiles({ name: 'ljudje.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: text.onboarding.import.check }).click();
  await expect(page.getByRole('heading', { level: 2, name: text.onboarding.import.checked })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: good })).toContainText(text.onboarding.import.rowStatus.CREATED_DRY);
  await expect(page.getByRole('row').filter({ hasText: 'ni-naslov' })).toContainText(text.onboarding.import.rowStatus.INVALID);
  await scan(page, axe);
  await page.getByLabel(text.onboarding.import.note).fill('Vidimo se v Kranju.');
  await page.getByRole('button', { name: text.onboarding.import.submit }).click();
  await expect(page.getByRole('heading', { level: 2, name: text.onboarding.import.done })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: good })).toContainText(text.onboarding.import.rowStatus.CREATED);
  expect(await mailTo(request, good, 'Vidimo se v Kranju.')).toContain('creative-invitations/accept?token=');
});
