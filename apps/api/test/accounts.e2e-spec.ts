import { LOGIN_LIMITS } from '@app/identity';
import { DataSource } from 'typeorm';
import { linkTokenIn, login, mailTo, PASSWORD, verifiedUser } from './accounts-helpers.js';
import { gql, OPERATOR_TOKEN } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken account { id email emailVerified } } }`;
const ME = `{ me { id email emailVerified displayName locale platformRoles memberships { role organisation { id name } } creativeProfileId } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;

describe('accounts and sessions (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ worker: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs up, mails a verification link, verifies once, signs in and shows the account', async () => {
    const email = 'Nika.Kern@example.si';
    const res = await gql(t.app, SIGN_UP, { input: { email, password: PASSWORD, displayName: 'Nika Kern', locale: 'sl' } });
    expect(res.data).toEqual({ signUp: { message: expect.stringContaining('Check your mailbox') } });
    const mail = await mailTo(t.dataDir, 'nika.kern@example.si', 'verify-email');
    expect(mail).toMatch(/^Subject: =\?UTF-8\?Q\?Modrotisk=3A_potrdite_e-po/m);
    expect(mail).toContain('Content-Type: text/html');
    const token = linkTokenIn(mail, 'verify-email');

    const before = await login(t.app, email);
    expect((await gql(t.app, ME, {}, { token: before.token })).data).toMatchObject({ me: { email: 'nika.kern@example.si', emailVerified: false, locale: 'sl' } });
    // Unverified accounts cannot create content yet.
    const early = await gql(t.app, `mutation { createOrganisation(input: { kind: COMPANY, name: "Prezgodaj", municipality: "kranj" }) { id } }`, {}, { token: before.token });
    expect(early.errors?.[0].extensions.code).toBe('FORBIDDEN');

    expect((await gql(t.app, `mutation($token: String!) { verifyEmail(token: $token) }`, { token })).data).toEqual({ verifyEmail: true });
    const again = await gql(t.app, `mutation($token: String!) { verifyEmail(token: $token) }`, { token });
    expect(again.errors?.[0].extensions.code).toBe('INVALID_STATE');
    const forged = await gql(t.app, `mutation($token: String!) { verifyEmail(token: $token) }`, { token: token.slice(0, -3) + 'AAA' });
    expect(forged.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await gql(t.app, ME, {}, { token: before.token })).data).toMatchObject({ me: { emailVerified: true } });
  });

  it('caps verification mails at 3 an hour even when resendVerification is called in parallel (counted and created under one lock)', async () => {
    const email = 'resend.race@example.si';
    await gql(t.app, SIGN_UP, { input: { email, password: PASSWORD, displayName: 'Resend Race' } });
    const user = await login(t.app, email);
    const answers = await Promise.all(Array.from({ length: 10 }, () => gql(t.app, `mutation { resendVerificationEmail }`, {}, { token: user.token })));
    const codes = answers.map((a) => a.errors?.[0].extensions.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(2); // the sign-up mail was the first of three
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(8);
    const dataSource = t.app.get(DataSource);
    const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM account_token WHERE account_id = $1 AND purpose = 'verify-email'`, [user.accountId])) as { n: number }[];
    expect(n).toBe(3);
  });

  it('answers sign-up for a taken address the same way, and mails that address a reset link instead', async () => {
    const user = await verifiedUser(t.app, t.dataDir, 'taken@example.si');
    const res = await gql(t.app, SIGN_UP, { input: { email: 'TAKEN@example.si', password: 'a-different-passphrase', displayName: 'Impostor' } });
    expect(res.data).toEqual({ signUp: { message: expect.stringContaining('Check your mailbox') } });
    const mail = await mailTo(t.dataDir, 'taken@example.si', 'reset-password');
    expect(mail).toContain('You already have an account');
    // The old password still works: nothing changed.
    expect((await login(t.app, user.email)).accountId).toBe(user.accountId);
  });

  it('rejects weak passwords and bad emails with BAD_USER_INPUT naming the field, creating nothing', async () => {
    const short = await gql(t.app, SIGN_UP, { input: { email: 'weak@example.si', password: 'short', displayName: 'W' } });
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    const common = await gql(t.app, SIGN_UP, { input: { email: 'weak@example.si', password: '1234567890', displayName: 'W' } });
    expect(common.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    const email = await gql(t.app, SIGN_UP, { input: { email: 'not-an-email', password: PASSWORD, displayName: 'W' } });
    expect(email.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const res = await gql(t.app, LOGIN, { email: 'weak@example.si', password: 'short' });
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rotates refresh tokens, ends the session when an old one is replayed, and logs out', async () => {
    await verifiedUser(t.app, t.dataDir, 'rotate@example.si');
    const first = await gql<{ login: { accessToken: string; refreshToken: string } }>(t.app, LOGIN, { email: 'rotate@example.si', password: PASSWORD });
    const r1 = first.data!.login.refreshToken;
    const second = await gql<{ refreshSession: { accessToken: string; refreshToken: string } }>(t.app, REFRESH, { t: r1 });
    expect(second.data?.refreshSession.refreshToken).not.toBe(r1);
    // Replaying the first refresh token: theft suspected, the whole session ends.
    const replay = await gql(t.app, REFRESH, { t: r1 });
    expect(replay.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const afterReplay = await gql(t.app, ME, {}, { token: second.data!.refreshSession.accessToken });
    expect(afterReplay.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    const session = await login(t.app, 'rotate@example.si');
    expect((await gql(t.app, `mutation { logout { sessionsEnded } }`, {}, { token: session.token })).data).toEqual({ logout: { sessionsEnded: 1 } });
    expect((await gql(t.app, ME, {}, { token: session.token })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(t.app, ME, {}, { token: 'v1.e30.bad' })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it(`limits failed logins: ${LOGIN_LIMITS.perAccount} per account in ${LOGIN_LIMITS.windowMs / 60000} min, also through aliases in one request`, async () => {
    await verifiedUser(t.app, t.dataDir, 'guarded@example.si');
    // Aliased logins run one after another and stop at the first failure: one attempt, one count.
    const aliases = Array.from({ length: 8 }, (_, i) => `a${i}: login(email: "guarded@example.si", password: "wrong-guess-${i}") { accessToken }`).join('\n');
    const batch = await gql(t.app, `mutation { ${aliases} }`);
    expect((batch.errors ?? []).map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    const codes: string[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      codes.push((await gql(t.app, LOGIN, { email: 'guarded@example.si', password: `wrong-${i}` })).errors?.[0].extensions.code ?? 'OK');
    }
    expect(codes).toEqual([...Array<string>(LOGIN_LIMITS.perAccount - 1).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
    // Even the right password is refused while limited, with a retry hint.
    const right = await gql(t.app, LOGIN, { email: 'guarded@example.si', password: PASSWORD });
    expect(right.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    // Another account from the same address is not affected by this account's limit.
    expect((await login(t.app, 'rotate@example.si')).token).toBeTruthy();
  });

  it('resets a forgotten password by mail: old sessions end, the old password stops working', async () => {
    const user = await verifiedUser(t.app, t.dataDir, 'forgot@example.si');
    expect((await gql(t.app, `mutation { requestPasswordReset(email: "forgot@example.si") }`)).data).toEqual({ requestPasswordReset: true });
    expect((await gql(t.app, `mutation { requestPasswordReset(email: "nobody@example.si") }`)).data).toEqual({ requestPasswordReset: true });
    const token = linkTokenIn(await mailTo(t.dataDir, 'forgot@example.si', 'reset-password'), 'reset-password');
    const weak = await gql(t.app, `mutation($t: String!) { resetPassword(token: $t, newPassword: "short") }`, { t: token });
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await gql(t.app, `mutation($t: String!) { resetPassword(token: $t, newPassword: "nova-dolga-fraza-2026") }`, { t: token })).data).toEqual({ resetPassword: true });
    expect((await gql(t.app, ME, {}, { token: user.token })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(t.app, LOGIN, { email: 'forgot@example.si', password: PASSWORD })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login(t.app, 'forgot@example.si', 'nova-dolga-fraza-2026')).accountId).toBe(user.accountId);
  });

  it('makes the creator of an organisation its owner; owners invite by mail, invitees accept with their own verified address', async () => {
    const owner = await verifiedUser(t.app, t.dataDir, 'owner@alpina.example');
    const org = await gql<{ createOrganisation: { id: string } }>(t.app, `mutation { createOrganisation(input: { kind: COMPANY, name: "Alpina test", municipality: "ziri" }) { id } }`, {}, { token: owner.token });
    const orgId = org.data!.createOrganisation.id;
    const invite = await gql(t.app, `mutation($o: ID!) { inviteOrganisationMember(organisationId: $o, email: "Editor@Alpina.example", role: EDITOR, locale: en) { id email role } }`, { o: orgId }, { token: owner.token });
    expect(invite.data).toMatchObject({ inviteOrganisationMember: { email: 'editor@alpina.example', role: 'EDITOR' } });

    const editor = await verifiedUser(t.app, t.dataDir, 'editor@alpina.example');
    const stranger = await verifiedUser(t.app, t.dataDir, 'stranger@example.si');
    const token = linkTokenIn(await mailTo(t.dataDir, 'editor@alpina.example', 'invitations/accept'), 'invitations/accept');
    const wrongPerson = await gql(t.app, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: token }, { token: stranger.token });
    expect(wrongPerson.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const strangerInvites = await gql(t.app, `mutation($o: ID!) { inviteOrganisationMember(organisationId: $o, email: "x@example.si", role: OWNER, locale: sl) { id } }`, { o: orgId }, { token: stranger.token });
    expect(strangerInvites.errors?.[0].extensions.code).toBe('FORBIDDEN');

    expect((await gql(t.app, `mutation($t: String!) { acceptInvitation(token: $t) { acceptedAt } }`, { t: token }, { token: editor.token })).data).toMatchObject({ acceptInvitation: { acceptedAt: expect.any(String) } });
    const me = await gql<{ me: { memberships: { role: string; organisation: { id: string } }[] } }>(t.app, ME, {}, { token: editor.token });
    expect(me.data?.me.memberships).toEqual([{ role: 'EDITOR', organisation: { id: orgId, name: 'Alpina test' } }]);
    // Editors write the organisation's content; only owners manage members; the last owner stays.
    const edit = await gql(t.app, `mutation($id: ID!) { updateOrganisation(id: $id, input: { website: "https://alpina.example" }) { website } }`, { id: orgId }, { token: editor.token });
    expect(edit.data).toEqual({ updateOrganisation: { website: 'https://alpina.example' } });
    const strangerEdit = await gql(t.app, `mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "Hijacked" }) { name } }`, { id: orgId }, { token: stranger.token });
    expect(strangerEdit.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const demoteSelf = await gql(t.app, `mutation($o: ID!, $a: ID!) { changeMemberRole(organisationId: $o, accountId: $a, role: EDITOR) }`, { o: orgId, a: owner.accountId }, { token: owner.token });
    expect(demoteSelf.errors?.[0].extensions.code).toBe('INVALID_STATE');
    const members = await gql<{ organisationMembers: { role: string }[] }>(t.app, `query($o: ID!) { organisationMembers(organisationId: $o) { email role } }`, { o: orgId }, { token: owner.token });
    expect(members.data?.organisationMembers.map((m) => m.role).sort()).toEqual(['EDITOR', 'OWNER']);
    expect((await gql(t.app, `query($o: ID!) { organisationMembers(organisationId: $o) { email } }`, { o: orgId }, { token: stranger.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('keeps platform roles for admins: the operator grants organiser, who then sees the compliance board', async () => {
    const organiser = await verifiedUser(t.app, t.dataDir, 'organiser@rra.example');
    const board = `{ municipalChallengeCompliance(year: 2026) { municipalityCount } }`;
    expect((await gql(t.app, board, {}, { token: organiser.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const grant = `mutation($a: ID!) { setPlatformRoles(accountId: $a, roles: [ORGANISER]) }`;
    expect((await gql(t.app, grant, { a: organiser.accountId }, { token: organiser.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql(t.app, grant, { a: organiser.accountId }, { token: OPERATOR_TOKEN })).data).toEqual({ setPlatformRoles: true });
    expect((await gql(t.app, board, {}, { token: organiser.token })).data).toEqual({ municipalChallengeCompliance: { municipalityCount: 18 } });
  });
});
