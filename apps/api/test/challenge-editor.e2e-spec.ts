import { getDataSourceToken } from '@nestjs/typeorm';
import { eventually } from '@app/testing';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { mailTo, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CREATE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishChallenge(id: $id) { status } }`;
const INVITE = `mutation($c: ID!, $p: [ID!]!) { inviteCreatives(challengeId: $c, creativeProfileIds: $p) }`;
const MINE = `query($status: ChallengeStatus) { myOrganisationChallenges(first: 50, status: $status) { totalCount nodes { id status owner { id } } } }`;

/**
 * What the web's challenge editor and "matching creatives" pages rely on: the list of one's
 * organisations' challenges (drafts included), and "invite to apply" on a public challenge — an
 * inbox item and a mail for the creative, only with matching consent, as their preferences say.
 */
describe('challenge editor: my organisations\' challenges, invite to apply (e2e)', () => {
  let t: TestApp;
  let owner: TestUser, otherOwner: TestUser, consenting: TestUser, quiet: TestUser, refusing: TestUser;
  let orgId: string, otherOrgId: string;
  const profiles: Record<string, string> = {};
  const { call, ok, code } = caller(() => t.app);
  const inbox = async (accountId: string, subjectId: string) => {
    const db = t.app.get<DataSource>(getDataSourceToken());
    return ((await db.query(`SELECT kind FROM notification WHERE account_id = $1 AND subject_id = $2 ORDER BY kind`, [accountId, subjectId])) as { kind: string }[]).map((r) => r.kind);
  };
  const mailsTo = (to: string, marker: string) => {
    const dir = path.join(t.dataDir, 'mail');
    if (!fs.existsSync(dir)) return 0;
    return fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/=\r?\n/g, ''))
      .filter((m) => new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}$`, 'mi').test(m) && m.includes(marker)).length;
  };
  const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    [owner, otherOwner, consenting, quiet, refusing] = await Promise.all(
      ['owner@podjetje.example', 'other@podjetje.example', 'consenting@studio.example', 'quiet@studio.example', 'refusing@studio.example'].map((email) => verifiedUser(t.app, t.dataDir, email)),
    );
    orgId = (await ok(owner, `mutation { createOrganisation(input: { kind: COMPANY, name: "Tkalnica d.o.o.", municipality: "kranj" }) { id } }`)).createOrganisation.id;
    otherOrgId = (await ok(otherOwner, `mutation { createOrganisation(input: { kind: COMPANY, name: "Drugo d.o.o.", municipality: "bled" }) { id } }`)).createOrganisation.id;
    for (const [name, user] of [['consenting', consenting], ['quiet', quiet], ['refusing', refusing]] as const) {
      profiles[name] = (await ok(user, `mutation($n: String!) { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: $n, municipality: "kranj" }) { id } }`, { n: `Studio ${name}` })).createCreativeProfile.id;
      if (name !== 'refusing') await ok(user, `mutation { setMatchingConsent(consent: true) { matchingConsent } }`);
    }
    // "quiet" wants no invitation mails (inbox only).
    await ok(quiet, `mutation { setNotificationPreference(category: INVITATIONS, mode: OFF) { category mode } }`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the challenges of my organisations, drafts included, and nobody else\'s', async () => {
    const draft = (await ok(owner, CREATE, { input: { ownerOrganisationId: orgId, title: { sl: 'Osnutek tkanine' } } })).createChallenge.id;
    const open = (await ok(owner, CREATE, { input: { ownerOrganisationId: orgId, title: { sl: 'Odprte tkanine' }, brief: { sl: 'Vzorci.' }, deadline: days(10) } })).createChallenge.id;
    await ok(owner, PUBLISH, { id: open });
    const foreign = (await ok(otherOwner, CREATE, { input: { ownerOrganisationId: otherOrgId, title: { sl: 'Tuj osnutek' } } })).createChallenge.id;

    const mine = (await ok(owner, MINE)).myOrganisationChallenges;
    expect(mine.nodes.map((n: Data) => n.id)).toEqual(expect.arrayContaining([draft, open]));
    expect(mine.nodes.map((n: Data) => n.id)).not.toContain(foreign);
    expect(mine.nodes.every((n: Data) => n.owner.id === orgId)).toBe(true);
    expect((await ok(owner, MINE, { status: 'DRAFT' })).myOrganisationChallenges.nodes.map((n: Data) => n.id)).toEqual([draft]);
    expect((await ok(otherOwner, MINE)).myOrganisationChallenges.nodes.map((n: Data) => n.id)).toEqual([foreign]);
    // A creative without organisations: an empty list, not an error; signed out: refused.
    expect((await ok(consenting, MINE)).myOrganisationChallenges).toMatchObject({ totalCount: 0, nodes: [] });
    expect(await code(null, MINE)).toBe('UNAUTHENTICATED');
  });

  it('asks consenting creatives to apply to a public challenge: inbox item and mail, as their preferences say', async () => {
    const id = (await ok(owner, CREATE, { input: { ownerOrganisationId: orgId, title: { sl: 'Modrotisk za hotel', en: 'Blueprint for a hotel' }, brief: { sl: 'Zavese.' }, deadline: days(14) } })).createChallenge.id;
    await ok(owner, PUBLISH, { id });

    // Without matching consent the creative cannot be asked (no contact they did not agree to).
    const refused = await call(owner, INVITE, { c: id, p: [profiles.consenting, profiles.refusing] });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creativeProfileIds.1' });
    expect(await inbox(consenting.accountId, id)).toEqual([]);

    expect((await ok(owner, INVITE, { c: id, p: [profiles.consenting, profiles.quiet] })).inviteCreatives.sort()).toEqual([profiles.consenting, profiles.quiet].sort());
    expect(await inbox(consenting.accountId, id)).toEqual(['challenge-invitation']);
    expect(await inbox(quiet.accountId, id)).toEqual(['challenge-invitation']);
    expect(await inbox(refusing.accountId, id)).toEqual([]);
    const mail = await mailTo(t.dataDir, consenting.email, 'Blueprint for a hotel');
    expect(mail).toContain(`/challenges/${id}`);
    // The one who turned invitation mails off: the inbox row is marked as not mailed, no mail.
    const db = t.app.get<DataSource>(getDataSourceToken());
    await eventually(async () => {
      const [row] = (await db.query(`SELECT email_state FROM notification WHERE account_id = $1 AND subject_id = $2`, [quiet.accountId, id])) as { email_state: string | null }[];
      return row?.email_state === 'off' ? true : undefined;
    }, 20_000, 'the quiet creative\'s invitation marked as not mailed');
    expect(mailsTo(quiet.email, 'Blueprint for a hotel')).toBe(0);

    // The company sees whom it asked; the creatives do not see each other.
    const invited = (await ok(owner, `query($id: ID!) { challenge(id: $id) { invitedCreatives { id } } }`, { id })).challenge.invitedCreatives.map((c: Data) => c.id);
    expect(invited.sort()).toEqual([profiles.consenting, profiles.quiet].sort());
    expect((await ok(consenting, `query($id: ID!) { challenge(id: $id) { invitedCreatives { id } } }`, { id })).challenge.invitedCreatives).toBeNull();
    // Asking again adds no second inbox item.
    await ok(owner, INVITE, { c: id, p: [profiles.consenting] });
    expect(await inbox(consenting.accountId, id)).toEqual(['challenge-invitation']);
  });

  it('tells creatives asked while the public challenge was a draft when it is published', async () => {
    const id = (await ok(owner, CREATE, { input: { ownerOrganisationId: orgId, title: { sl: 'Osnutek z vabilom', en: 'Draft with an invitation' }, brief: { en: 'Curtains.' }, deadline: days(14) } })).createChallenge.id;
    await ok(owner, INVITE, { c: id, p: [profiles.consenting] });
    expect(await inbox(consenting.accountId, id)).toEqual([]);
    expect(await code(consenting, `query($id: ID!) { challenge(id: $id) { id } }`, { id })).toBe('NOT_FOUND');
    await ok(owner, PUBLISH, { id });
    expect(await inbox(consenting.accountId, id)).toContain('challenge-invitation');
    await mailTo(t.dataDir, consenting.email, 'Draft with an invitation');
  });

  it('closes invitations once submissions are closed, and only owners and editors invite', async () => {
    const id = (await ok(owner, CREATE, { input: { ownerOrganisationId: orgId, title: { sl: 'Kratek rok' }, brief: { sl: 'Hitro.' }, deadline: days(1) } })).createChallenge.id;
    await ok(owner, PUBLISH, { id });
    expect(await code(otherOwner, INVITE, { c: id, p: [profiles.consenting] })).toBe('FORBIDDEN');
    expect(await code(consenting, INVITE, { c: id, p: [profiles.consenting] })).toBe('FORBIDDEN');
    const db = t.app.get<DataSource>(getDataSourceToken());
    await db.query(`UPDATE challenge SET deadline = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect(await code(owner, INVITE, { c: id, p: [profiles.consenting] })).toBe('INVALID_STATE');
  });
});
