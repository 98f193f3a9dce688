import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeeder } from '@app/marketplace';
import { JobName, JobQueues } from '@app/jobs';
import { eventually } from '@app/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { linkTokenIn, login, mailTo, type TestUser } from './accounts-helpers.js';
import { caller, OPERATOR_TOKEN } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const IMPORT = `mutation($input: ImportCreativeProfilesInput!) { importCreativeProfiles(input: $input) {
  importId dryRun created duplicates invalid rows { row email status field reason invitationId } } }`;
const VIEW = `query($t: String!) { creativeInvitation(token: $t) {
  status email note importedBy expiresAt accountExists consentExplanationVersion consentExplanation { sl en }
  profile { displayName kind municipality languages bioSl bioEn crafts skills techniques materials portfolioLinks } } }`;
const ACCEPT = `mutation($t: String!, $p: String, $c: Boolean!) { acceptCreativeInvitation(token: $t, password: $p, matchingConsent: $c) { accountId creativeProfileId email accountCreated } }`;
const DECLINE = `mutation($t: String!) { declineCreativeInvitation(token: $t) }`;
const NEW_PASSWORD = 'modri-tisk-na-usnju-2026';
/** The rest of quoted-printable (mailTo decodes soft breaks and `=3D`): UTF-8 bytes as `=C5=A1`. */
const decodeQp = (text: string) => Buffer.from(text.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');

/**
 * Onboarding real people at scale (issue 13 item 6): an organiser imports creatives as pending
 * invitations; each gets a mail; only by accepting do they get an account and a profile that
 * search and matching see, and matching consent only if they give it. Declining erases.
 */
describe('creative profile import as pending invitations (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  const users = new Map<string, TestUser>();
  const { ok, call } = caller(() => t.app);
  const as = (key: string) => users.get(key) as TestUser;
  const operator = { token: OPERATOR_TOKEN };
  let alpinaChallenge: string;
  const matchNames = async () =>
    ((await ok(as('alpina'), `query($id: ID!) { matchesForChallenge(id: $id, first: 50) { creative { displayName } } }`, { id: alpinaChallenge })).matchesForChallenge as Data[])
      .map((m) => m.creative.displayName as string);
  const searchNames = async (q: string) => ((await ok(null, `query($q: String!) { searchCreatives(query: $q, first: 50) { nodes { displayName } } }`, { q })).searchCreatives.nodes as Data[])
    .map((n) => n.displayName as string);
  const invitationRow = async (email: string) => ((await db.query(`SELECT * FROM creative_invitation WHERE email = $1`, [email])) as Data[])[0];

  // `;` separator, quoted fields with `;`, doubled quotes and a line break, Slovenian letters, lists with `|`.
  const CSV = [
    'E-pošta;Ime;Vrsta;Občina;Jeziki;Opis SL;Bio EN;Obrti;Tehnike;Materiali;Portfolio',
    'spela.zagar@example.si;"Špela Žagar; modrotisk";posameznica;kranj;sl|en;"Tiskam modrotisk na usnje, ""ročno"".',
    'Delavnica v Kranju.";Blueprint printing on leather.;leatherwork;blueprint;leather|cotton-linen;https://zagar.example.si/dela',
    'ziga.cebulj@example.si;Žiga Čebulj;STUDENT;skofja-loka;sl;;;;;;',
    'ni-naslov;Brez Naslova;;kranj;;;;;;;',
    'SPELA.ZAGAR@example.si;Špela spet;;kranj;;;;;;;',
    'mojca@example.si;Mojca Kovač;vesoljec;kranj;;;;;;;',
    `${DEMO_ACCOUNTS.find((a) => a.key === 'meta')?.email ?? ''};Meta znova;;kranj;;;;;;;`,
    'tone@example.si;Tone Lan;;kranj;;;;;;;http://',
  ].join('\r\n');

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    db = t.app.get<DataSource>(getDataSourceToken());
    await t.app.get(DemoSeeder).seedOnce({ activity: true });
    for (const key of ['organiser', 'alpina', 'meta']) {
      const account = DEMO_ACCOUNTS.find((a) => a.key === key);
      if (account) users.set(key, await login(t.app, account.email, DEMO_PASSWORD));
    }
    const nodes = (await ok(as('alpina'), `{ challenges(first: 50) { nodes { id title { sl } } } }`)).challenges.nodes as Data[];
    alpinaChallenge = (nodes.find((n) => n.title.sl.startsWith('Modrotisk')) as Data).id;
    await eventually(async () => ((await ok(null, `{ searchCreatives(first: 1) { totalCount } }`)).searchCreatives.totalCount >= 50 ? true : undefined), 60_000, 'demo creatives indexed');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lets organisers and admins import, not a plain creative or a visitor', async () => {
    const input = { format: 'CSV', content: 'email\nx@example.si', dryRun: true };
    expect((await call(as('meta'), IMPORT, { input })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await call(null, IMPORT, { input })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await call(as('alpina'), IMPORT, { input })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    // The operator (an admin) passes authorisation; the row itself lacks a name.
    expect((await ok(operator, IMPORT, { input })).importCreativeProfiles.rows[0]).toMatchObject({ status: 'INVALID', field: 'displayName' });
  });

  it('answers every row on a dry run and changes nothing', async () => {
    const before = Number(((await db.query(`SELECT count(*) AS n FROM creative_invitation`)) as Data[])[0].n);
    const outboxBefore = Number(((await db.query(`SELECT count(*) AS n FROM outbox_event`)) as Data[])[0].n);
    const report = (await ok(as('organiser'), IMPORT, { input: { format: 'CSV', content: CSV, dryRun: true } })).importCreativeProfiles;
    expect(report).toMatchObject({ dryRun: true, importId: null, created: 2, duplicates: 2, invalid: 3 });
    expect(report.rows.map((r: Data) => [r.row, r.status, r.field])).toEqual([
      [2, 'CREATED', null], [4, 'CREATED', null], [5, 'INVALID', 'email'], [6, 'DUPLICATE', 'email'], [7, 'INVALID', 'kind'], [8, 'DUPLICATE', 'email'], [9, 'INVALID', 'portfolioLinks'],
    ]);
    expect(report.rows[3].reason).toBe('the same email address as row 2 of this import');
    expect(report.rows[5].reason).toMatch(/already has an account/);
    expect(report.rows[4].reason).toMatch(/unknown kind 'vesoljec'/);
    expect(report.rows.every((r: Data) => r.invitationId === null)).toBe(true);
    expect(Number(((await db.query(`SELECT count(*) AS n FROM creative_invitation`)) as Data[])[0].n)).toBe(before);
    expect(Number(((await db.query(`SELECT count(*) AS n FROM outbox_event`)) as Data[])[0].n)).toBe(outboxBefore);
  });

  it('refuses imports over the limits with a clear error, and an unreadable file as a whole', async () => {
    const rows = Array.from({ length: 2001 }, (_, i) => `p${i}@e.si`).join('\n');
    const tooMany = await call(as('organiser'), IMPORT, { input: { format: 'CSV', content: `email\n${rows}` } });
    expect(tooMany.errors?.[0]).toMatchObject({ message: expect.stringMatching(/2001 rows; at most 2000 per call/), extensions: { code: 'BAD_USER_INPUT', field: 'input.content' } });
    const json = await call(as('organiser'), IMPORT, { input: { format: 'JSON', content: '{"email": "a@b.si"}' } });
    expect(json.errors?.[0].message).toMatch(/array of objects/);
    const unknownColumn = await call(as('organiser'), IMPORT, { input: { format: 'CSV', content: 'email,hobby\na@b.si,ribolov' } });
    expect(unknownColumn.errors?.[0].message).toMatch(/unknown column 'hobby'/);
    // A GraphQL body stays limited to 100 kB (413); larger files go to the upload route.
    const big = `email;bio\n${Array.from({ length: 1500 }, (_, i) => `p${i}@example.si;${'č'.repeat(400)}`).join('\n')}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(1_000_000);
    expect((await request(t.app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${as('organiser').token}`).send({ query: IMPORT, variables: { input: { format: 'CSV', content: big } } })).status).toBe(413);
  });

  it('takes files up to 2 MB as an upload, with the same answers, and refuses larger ones clearly', async () => {
    const upload = (user: TestUser | null, body: string, type = 'text/csv; charset=utf-8', query = '?dryRun=true') => {
      const req = request(t.app.getHttpServer()).post(`/creative-invitations/import${query}`).set('content-type', type);
      return (user ? req.set('authorization', `Bearer ${user.token}`) : req).send(body);
    };
    // About 1.2 MB of ; CSV with Slovenian letters: every row is read and answered.
    const rows = Array.from({ length: 1500 }, (_, i) => `oseba${i}@example.si;Oseba Čžš ${i};kranj;"Opis; ""navedek"" ${'ž'.repeat(400)}"`);
    const big = await upload(as('organiser'), `email;ime;občina;opis\n${rows.join('\n')}`);
    expect(big.status).toBe(200);
    expect(big.body).toMatchObject({ dryRun: true, created: 1500, invalid: 0, duplicates: 0 });
    expect(big.body.rows[1499]).toMatchObject({ row: 1501, email: 'oseba1499@example.si', status: 'CREATED' });
    // Over 2 MB: the import's own words; far over: the body parser's 413.
    const over = await upload(as('organiser'), `email;opis\na@b.si;${'ž'.repeat(1_100_000)}`);
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ error: 'BAD_USER_INPUT', message: expect.stringMatching(/at most 2097152 bytes \(2 MB\) per call/) });
    expect((await upload(as('organiser'), `email;opis\na@b.si;${'ž'.repeat(1_600_000)}`)).status).toBe(413);
    // JSON by content type; the same authorisation as the mutation.
    const json = await upload(as('organiser'), JSON.stringify([{ email: 'nekdo@example.si', displayName: 'Nekdo', municipality: 'kranj' }]), 'application/json');
    expect(json.body).toMatchObject({ created: 1, dryRun: true });
    expect((await upload(as('meta'), 'email\nx@example.si')).status).toBe(403);
    expect((await upload(null, 'email\nx@example.si')).status).toBe(401);
    expect(Number(((await db.query(`SELECT count(*) AS n FROM creative_invitation WHERE email LIKE 'oseba%'`)) as Data[])[0].n)).toBe(0);
  });

  it('invites the good rows in one go, mails each a working link, and nobody is searchable or matched yet', async () => {
    const report = (await ok(as('organiser'), IMPORT, { input: { format: 'CSV', content: CSV, note: 'Spoznali smo se na sejmu v Kranju.' } })).importCreativeProfiles;
    expect(report).toMatchObject({ dryRun: false, created: 2, duplicates: 2, invalid: 3 });
    expect(report.importId).toMatch(/^[0-9a-f-]{36}$/);
    const row = await invitationRow('spela.zagar@example.si');
    expect(row).toMatchObject({ status: 'pending', note: 'Spoznali smo se na sejmu v Kranju.', import_id: report.importId, imported_by: as('organiser').accountId });
    expect(row.data).toMatchObject({ displayName: 'Špela Žagar; modrotisk', kind: 'INDIVIDUAL', bioSl: 'Tiskam modrotisk na usnje, "ročno".\r\nDelavnica v Kranju.', materials: ['leather', 'cotton-linen'] });
    // Importing the same file again: both are now pending, so duplicates.
    const again = (await ok(as('organiser'), IMPORT, { input: { format: 'CSV', content: CSV } })).importCreativeProfiles;
    expect(again).toMatchObject({ created: 0, duplicates: 4 });
    expect(again.rows[0].reason).toBe('this address already has a pending invitation');

    // The mail: both languages, who imported them and why, and the link.
    const raw = await mailTo(t.dataDir, 'spela.zagar@example.si', 'creative-invitations/accept');
    const mail = decodeQp(raw);
    expect(mail).toContain('Demo organizator (BSC Kranj)');
    expect(mail).toContain('Spoznali smo se na sejmu v Kranju.');
    expect(mail).toContain('Pozdravljeni, Špela Žagar; modrotisk!');
    expect(mail).toMatch(/Profil še ne obstaja/);
    expect(mail).toMatch(/Če do \d{1,2}\. \d{1,2}\. 20\d\d ne odgovorite/);
    expect(mail).toMatch(/No profile exists yet/);
    const token = linkTokenIn(raw, 'creative-invitations/accept');
    expect(token.startsWith(row.id)).toBe(true);

    const view = (await ok(null, VIEW, { t: token })).creativeInvitation;
    expect(view).toMatchObject({
      status: 'PENDING', email: 'spela.zagar@example.si', importedBy: 'Demo organizator (BSC Kranj)', accountExists: false, consentExplanationVersion: '2026-12-03',
      profile: { displayName: 'Špela Žagar; modrotisk', municipality: 'kranj', languages: ['sl', 'en'], crafts: ['leatherwork'], techniques: ['blueprint'], portfolioLinks: ['https://zagar.example.si/dela'] },
    });
    expect(view.consentExplanation.sl.length).toBeGreaterThan(2);
    expect(view.consentExplanation.en.join(' ')).toMatch(/withdraw/);
    // A tampered link shows nothing.
    expect((await call(null, VIEW, { t: `${token.slice(0, -2)}xx` })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });

    // Not a profile: not searchable, not matched.
    expect(await searchNames('Žagar')).toEqual([]);
    expect(await matchNames()).not.toContain('Špela Žagar; modrotisk');
    expect(Number(((await db.query(`SELECT count(*) AS n FROM creative_profile WHERE display_name = 'Špela Žagar; modrotisk'`)) as Data[])[0].n)).toBe(0);
  });

  it('accepting creates a verified account, the profile (searchable and matchable) and the consent, once', async () => {
    const token = linkTokenIn(await mailTo(t.dataDir, 'spela.zagar@example.si', 'creative-invitations/accept'), 'creative-invitations/accept');
    expect((await call(null, ACCEPT, { t: token, p: 'short', c: true })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const accepted = (await ok(null, ACCEPT, { t: token, p: NEW_PASSWORD, c: true })).acceptCreativeInvitation;
    expect(accepted).toMatchObject({ email: 'spela.zagar@example.si', accountCreated: true });
    // Single use.
    expect((await call(null, ACCEPT, { t: token, p: NEW_PASSWORD, c: true })).errors?.[0].extensions.code).toBe('INVALID_STATE');

    const spela = await login(t.app, 'spela.zagar@example.si', NEW_PASSWORD);
    const me = (await ok(spela, `{ me { emailVerified creativeProfile { id displayName kind matchingConsent matchingConsentHistory { given explanationVersion } bio { sl en } } } }`)).me;
    expect(me).toMatchObject({ emailVerified: true, creativeProfile: {
      id: accepted.creativeProfileId, displayName: 'Špela Žagar; modrotisk', kind: 'INDIVIDUAL', matchingConsent: true,
      matchingConsentHistory: [{ given: true, explanationVersion: '2026-12-03' }], bio: { sl: 'Tiskam modrotisk na usnje, "ročno".\r\nDelavnica v Kranju.', en: 'Blueprint printing on leather.' },
    } });
    // The invitation no longer holds the data: it is the profile now.
    const row = ((await db.query(`SELECT * FROM creative_invitation WHERE creative_profile_id = $1`, [accepted.creativeProfileId])) as Data[])[0];
    expect(row).toMatchObject({ status: 'accepted', email: null, data: null, note: null, account_id: accepted.accountId });

    // Search (diacritics ignored) and matching see the profile now.
    await eventually(async () => ((await searchNames('zagar')).includes('Špela Žagar; modrotisk') ? true : undefined), 20_000, 'accepted profile indexed');
    await eventually(async () => ((await matchNames()).includes('Špela Žagar; modrotisk') ? true : undefined), 20_000, 'accepted profile matched');
  });

  it('declining erases the row at once; an accepted address cannot be invited again', async () => {
    const token = linkTokenIn(await mailTo(t.dataDir, 'ziga.cebulj@example.si', 'creative-invitations/accept'), 'creative-invitations/accept');
    expect((await ok(null, DECLINE, { t: token })).declineCreativeInvitation).toBe(true);
    const row = ((await db.query(`SELECT * FROM creative_invitation WHERE id = $1`, [token.split('.')[0]])) as Data[])[0];
    expect(row).toMatchObject({ status: 'declined', email: null, data: null, note: null });
    expect(JSON.stringify(await db.query(`SELECT * FROM creative_invitation`))).not.toMatch(/ziga|Čebulj/i);
    expect((await ok(null, VIEW, { t: token })).creativeInvitation).toMatchObject({ status: 'DECLINED', email: null, profile: null });
    expect((await call(null, ACCEPT, { t: token, p: NEW_PASSWORD, c: true })).errors?.[0].extensions.code).toBe('INVALID_STATE');
    expect(Number(((await db.query(`SELECT count(*) AS n FROM account WHERE email = 'ziga.cebulj@example.si'`)) as Data[])[0].n)).toBe(0);

    const again = (await ok(as('organiser'), IMPORT, { input: { format: 'JSON', content: JSON.stringify([{ email: 'spela.zagar@example.si', displayName: 'Špela', municipality: 'kranj' }]) } })).importCreativeProfiles;
    expect(again.rows[0]).toMatchObject({ status: 'DUPLICATE', reason: expect.stringMatching(/already has an account/) });
  });

  it('without consent the accepted profile is searchable but never matched; an expired invitation is erased on read', async () => {
    const json = JSON.stringify([
      { email: 'brez.privolitve@example.si', displayName: 'Jerneja Brezprivolitve', municipality: 'kranj', techniques: ['blueprint'], materials: ['leather'], crafts: 'leatherwork' },
      { email: 'potekel@example.si', displayName: 'Potekli Vabljenec', municipality: 'kranj' },
    ]);
    expect((await ok(operator, IMPORT, { input: { format: 'JSON', content: json } })).importCreativeProfiles.created).toBe(2);
    const token = linkTokenIn(await mailTo(t.dataDir, 'brez.privolitve@example.si', 'creative-invitations/accept'), 'creative-invitations/accept');
    // The operator has no account: the mail names the platform.
    expect(await mailTo(t.dataDir, 'brez.privolitve@example.si', 'Modrotisk imported your details')).toBeTruthy();
    const accepted = (await ok(null, ACCEPT, { t: token, p: NEW_PASSWORD, c: false })).acceptCreativeInvitation;
    expect(Number(((await db.query(`SELECT count(*) AS n FROM matching_consent_event WHERE creative_profile_id = $1`, [accepted.creativeProfileId])) as Data[])[0].n)).toBe(0);
    await eventually(async () => ((await searchNames('Brezprivolitve')).length === 1 ? true : undefined), 20_000, 'profile without consent indexed');
    expect(await matchNames()).not.toContain('Jerneja Brezprivolitve');

    const expiring = linkTokenIn(await mailTo(t.dataDir, 'potekel@example.si', 'creative-invitations/accept'), 'creative-invitations/accept');
    await db.query(`UPDATE creative_invitation SET expires_at = now() - interval '1 second' WHERE email = 'potekel@example.si'`);
    expect((await ok(null, VIEW, { t: expiring })).creativeInvitation).toMatchObject({ status: 'EXPIRED', email: null, profile: null });
    expect(JSON.stringify(await db.query(`SELECT * FROM creative_invitation`))).not.toMatch(/potekel|Vabljenec/i);
  });

  it("erases expired invitations unread too, in the worker's deadline sweep", async () => {
    expect((await ok(operator, IMPORT, { input: { format: 'CSV', content: 'email,name,municipality\nneodprto@example.si,Neodprta Pošta,kranj' } })).importCreativeProfiles.created).toBe(1);
    await db.query(`UPDATE creative_invitation SET expires_at = now() - interval '1 second' WHERE email = 'neodprto@example.si'`);
    await t.app.get(JobQueues).queue({ name: JobName.ChallengeDeadlineSweep, data: { trigger: 'test' } });
    await eventually(async () => (Number(((await db.query(`SELECT count(*) AS n FROM creative_invitation WHERE email = 'neodprto@example.si'`)) as Data[])[0].n) === 0 ? true : undefined), 20_000, 'expired invitation erased by the sweep');
    expect(JSON.stringify(await db.query(`SELECT * FROM creative_invitation WHERE status = 'expired'`))).not.toMatch(/neodprto|Neodprta/i);
  });

  it('an address that got an account meanwhile must sign in to accept, and then the profile joins that account', async () => {
    const email = 'kasneje@example.si';
    expect((await ok(operator, IMPORT, { input: { format: 'CSV', content: `email,name,municipality\n${email},Kasnejša Kovačica,kranj` } })).importCreativeProfiles.created).toBe(1);
    const token = linkTokenIn(await mailTo(t.dataDir, email, 'creative-invitations/accept'), 'creative-invitations/accept');
    await ok(null, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { email, password: NEW_PASSWORD, displayName: 'Kasnejša', locale: 'sl' } });
    expect((await ok(null, VIEW, { t: token })).creativeInvitation.accountExists).toBe(true);
    expect((await call(null, ACCEPT, { t: token, p: NEW_PASSWORD, c: true })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const user = await login(t.app, email, NEW_PASSWORD);
    const accepted = (await ok(user, ACCEPT, { t: token, c: true })).acceptCreativeInvitation;
    expect(accepted).toMatchObject({ accountId: user.accountId, accountCreated: false });
    expect((await ok(user, `{ me { emailVerified creativeProfile { displayName matchingConsent } } }`)).me).toEqual({ emailVerified: true, creativeProfile: { displayName: 'Kasnejša Kovačica', matchingConsent: true } });

    // Erasing the account takes the invitation row that points at it along.
    expect(Number(((await db.query(`SELECT count(*) AS n FROM creative_invitation WHERE account_id = $1`, [user.accountId])) as Data[])[0].n)).toBe(1);
    expect((await ok(user, `mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: NEW_PASSWORD })).deleteMyAccount).toBe(true);
    expect(Number(((await db.query(`SELECT count(*) AS n FROM creative_invitation WHERE account_id = $1 OR creative_profile_id = $2`, [user.accountId, accepted.creativeProfileId])) as Data[])[0].n)).toBe(0);
  });
});
