import { expect, gql, test } from './fixtures.js';

interface Ids {
  challenge: string;
  organisation: string;
  creative: string;
}

/** Every screen of this part of the web, scanned by axe in the project's language. */
test('every screen has no serious or critical axe violation', async ({ page, request, axe, text }) => {
  test.setTimeout(120_000);
  const found = await gql<{ searchChallenges: { nodes: { id: string; owner: { id: string } }[] }; creativeProfiles: { nodes: { id: string }[] } }>(
    request,
    `{ searchChallenges(query: "modrotisk", first: 1) { nodes { id owner { id } } } creativeProfiles(first: 1) { nodes { id } } }`,
  );
  const ids: Ids = { challenge: found.searchChallenges.nodes[0].id, organisation: found.searchChallenges.nodes[0].owner.id, creative: found.creativeProfiles.nodes[0].id };
  const screens = [
    '/',
    '/?q=modrotisk',
    '/?q=zzqxqzzq',
    `/challenges/${ids.challenge}`,
    `/organisations/${ids.organisation}`,
    `/creatives/${ids.creative}`,
    '/challenges/00000000-0000-4000-8000-000000000000',
    '/sign-in',
    '/sign-up',
    '/forgot-password',
    '/verify-email?token=bad',
    '/reset-password?token=bad',
    '/invitations/accept?token=bad',
    '/no-such-page',
  ];
  for (const screen of screens) {
    await page.goto(screen);
    await expect(page.locator('main h1')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await axe(page);
  }
  // States that do not exist on load: the error summary.
  await page.goto('/sign-in');
  await page.getByRole('button', { name: text.account.signIn.submit }).click();
  await expect(page.getByRole('alert').filter({ hasText: text.errors.summaryTitle })).toBeFocused();
  await axe(page);
});
