import { ChallengesService, OrganisationsService } from '@app/marketplace';
import request from 'supertest';
import { linkTokenIn, mailTo, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A tiny but real PNG (1×1): files are recognised by their first bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==', 'base64');

const ORG_PAGE = `query($id: ID!) { organisation(id: $id) {
  logo { url contentType }
  open: challenges(status: [PUBLISHED]) { id status }
  all: challenges { id status }
  needs { id status }
  awards { challengeId challengeTitle { sl } proposalTitle { sl } authors amountEur reason { en } }
} }`;

/**
 * Issue 15 item 1: an organisation's page lists its challenges, needs and awards (only what the
 * caller may see, batched), its logo (owners and editors upload), and owners manage invitations
 * (no duplicates, resend with a fresh link).
 */
describe('organisations: page, logo and invitations (e2e)', () => {
  let t: TestApp;
  let owner: TestUser, editor: TestUser, reviewer: TestUser, creative: TestUser, stranger: TestUser;
  let orgId: string;
  const { call, ok, code } = caller(() => t.app);

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    [owner, editor, reviewer, creative, stranger] = await Promise.all(
      ['owner@lectar.example', 'editor@lectar.example', 'reviewer@lectar.example', 'studio@indigo.example', 'stranger@example.si'].map((email) => verifiedUser(t.app, t.dataDir, email)),
    );
    orgId = (await ok(owner, `mutation { createOrganisation(input: { kind: MUSEUM, name: "Muzej lectarstva (test)", municipality: "radovljica" }) { id } }`)).createOrganisation.id;
    for (const [user, role] of [[editor, 'EDITOR'], [reviewer, 'REVIEWER']] as const) {
      await ok(owner, `mutation($o: ID!, $e: String!, $r: OrganisationRole!) { inviteOrganisationMember(organisationId: $o, email: $e, role: $r, locale: sl) { id } }`, { o: orgId, e: user.email, r: role });
      await ok(user, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: linkTokenIn(await mailTo(t.dataDir, user.email, 'invitations/accept'), 'invitations/accept') });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a second open invitation to the same address, and an invitation to a member; resend mails a fresh link and kills the old one', async () => {
    const INVITE = `mutation($o: ID!, $e: String!) { inviteOrganisationMember(organisationId: $o, email: $e, role: EDITOR, locale: en) { id email } }`;
    const first = (await ok(owner, INVITE, { o: orgId, e: 'new.editor@lectar.example' })).inviteOrganisationMember;
    const oldToken = linkTokenIn(await mailTo(t.dataDir, 'new.editor@lectar.example', 'invitations/accept'), 'invitations/accept');
    const duplicate = await call(owner, INVITE, { o: orgId, e: 'New.Editor@lectar.example' });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE' });
    expect(duplicate.errors?.[0].message).toContain('resend');
    expect(await code(owner, INVITE, { o: orgId, e: editor.email })).toBe('INVALID_STATE');

    const RESEND = `mutation($id: ID!) { resendInvitation(id: $id) { id email role expiresAt } }`;
    // Only owners: others get NOT_FOUND (an invitation is no public thing).
    for (const user of [editor, reviewer, stranger]) expect(await code(user, RESEND, { id: first.id })).toBe('NOT_FOUND');
    expect(await code(null, RESEND, { id: first.id })).toBe('UNAUTHENTICATED');
    const resent = (await ok(owner, RESEND, { id: first.id })).resendInvitation;
    expect(resent).toMatchObject({ email: 'new.editor@lectar.example', role: 'EDITOR' });
    expect(resent.id).not.toBe(first.id);
    const open = (await ok(owner, `query($o: ID!) { organisationInvitations(organisationId: $o) { id } }`, { o: orgId })).organisationInvitations.map((i: Data) => i.id);
    expect(open).toContain(resent.id);
    expect(open).not.toContain(first.id);
    expect(await code(owner, RESEND, { id: first.id })).toBe('INVALID_STATE');

    const invitee = await verifiedUser(t.app, t.dataDir, 'new.editor@lectar.example');
    expect(await code(invitee, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: oldToken })).toBe('INVALID_STATE');
    const newToken = await eventually(async () => {
      const token = linkTokenIn(await mailTo(t.dataDir, 'new.editor@lectar.example', 'invitations/accept'), 'invitations/accept');
      return token !== oldToken ? token : undefined;
    });
    await ok(invitee, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: newToken });
    const me = await ok(invitee, `{ me { memberships { role organisation { id } } } }`);
    expect(me.me.memberships).toEqual([{ role: 'EDITOR', organisation: { id: orgId } }]);
    // Revoked invitations cannot be resent either; the last owner still cannot leave.
    const other = (await ok(owner, INVITE, { o: orgId, e: 'gone@lectar.example' })).inviteOrganisationMember;
    await ok(owner, `mutation($id: ID!) { revokeInvitation(id: $id) { revokedAt } }`, { id: other.id });
    expect(await code(owner, RESEND, { id: other.id })).toBe('INVALID_STATE');
    expect(await code(owner, `mutation($o: ID!, $a: ID!) { removeMember(organisationId: $o, accountId: $a) }`, { o: orgId, a: owner.accountId })).toBe('INVALID_STATE');
  });

  it('takes a logo from owners and editors only (images recognised by content), serves it publicly and removes it', async () => {
    const upload = (user: TestUser | null, bytes: Buffer, name = 'logo.png') => {
      const req = request(t.app.getHttpServer()).post(`/organisations/${orgId}/logo`);
      if (user) req.set('authorization', `Bearer ${user.token}`);
      return req.attach('file', bytes, name);
    };
    expect((await upload(null, PNG)).status).toBe(401);
    expect((await upload(stranger, PNG)).status).toBe(403);
    expect((await upload(reviewer, PNG)).status).toBe(403);
    const notImage = await upload(owner, Buffer.from('%PDF-1.4\n% not an image\n'), 'logo.png');
    expect(notImage.status).toBe(400);
    expect(notImage.body).toMatchObject({ field: 'file' });
    const first = await upload(owner, PNG);
    expect(first.status).toBe(201);
    const second = await upload(editor, PNG, 'novi-logo.png');
    expect(second.status).toBe(201);
    const logo = (await ok(null, `query($id: ID!) { organisation(id: $id) { logo { id url contentType sizeBytes } } }`, { id: orgId })).organisation.logo;
    expect(logo).toEqual({ id: second.body.id, url: `/attachments/${second.body.id}`, contentType: 'image/png', sizeBytes: PNG.length });
    // One logo: the replaced one is gone.
    expect((await request(t.app.getHttpServer()).get(`/attachments/${first.body.id}`)).status).toBe(404);
    const download = await request(t.app.getHttpServer()).get(logo.url);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');

    const REMOVE = `mutation($id: ID!) { removeOrganisationLogo(id: $id) { id logo { id } } }`;
    expect(await code(reviewer, REMOVE, { id: orgId })).toBe('FORBIDDEN');
    expect(await code(stranger, REMOVE, { id: orgId })).toBe('FORBIDDEN');
    expect(await code(null, REMOVE, { id: orgId })).toBe('UNAUTHENTICATED');
    expect(await code(owner, REMOVE, { id: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    expect((await ok(editor, REMOVE, { id: orgId })).removeOrganisationLogo).toEqual({ id: orgId, logo: null });
    expect((await request(t.app.getHttpServer()).get(logo.url)).status).toBe(404);
  });

  it('lists its challenges, needs and published awards, each to whom may see them', async () => {
    const hour = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();
    const CREATE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`;
    const draft = (await ok(editor, CREATE, { input: { ownerOrganisationId: orgId, title: { sl: 'Osnutek' }, brief: { sl: 'Še ni objavljeno.' } } })).createChallenge.id;
    const open = (await ok(owner, CREATE, { input: { ownerOrganisationId: orgId, title: { sl: 'Lectova srca' }, brief: { sl: 'Lectova srca za muzejsko trgovino.' }, deadline: hour(48) } })).createChallenge.id;
    await ok(owner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: open });
    const closed = (await ok(owner, CREATE, {
      input: { ownerOrganisationId: orgId, visibility: 'INVITE_ONLY', title: { sl: 'Zaprti natečaj' }, brief: { sl: 'Samo za povabljene.' }, deadline: hour(48) },
    })).createChallenge.id;
    await ok(owner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: closed });

    // A decided challenge: one proposal, awarded and published.
    const decided = (await ok(owner, CREATE, {
      input: { ownerOrganisationId: orgId, title: { sl: 'Lesene igrače' }, brief: { sl: 'Igrače iz lesa za otroški kotiček.' }, totalBudgetEur: 3000, awardsCount: 1 },
    })).createChallenge.id;
    await ok(owner, `mutation($id: ID!, $input: UpdateChallengeInput!) { updateChallenge(id: $id, input: $input) { id } }`, { id: decided, input: { deadline: new Date(Date.now() + 5000).toISOString() } });
    await ok(owner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: decided });
    await ok(creative, `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Studio Indigo", municipality: "kranj" }) { id } }`);
    const proposal = (await ok(creative, `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`, {
      input: { challengeId: decided, title: { sl: 'Konjiček na kolesih' }, body: { sl: 'Lesen konjiček, barvan z naravnimi barvili.' } },
    })).createProposal.id;
    await ok(creative, `mutation($id: ID!) { submitProposal(id: $id) { id } }`, { id: proposal });
    await new Promise((resolve) => setTimeout(resolve, 5500));
    await t.app.get(ChallengesService).closeDueSubmissions();
    await ok(owner, `mutation($id: ID!) { startChallengeReview(id: $id) { id } }`, { id: decided });
    await ok(owner, `mutation($p: ID!) { awardProposal(proposalId: $p, amountEur: 2000, reason: { en: "Playful and safe." }) { id } }`, { p: proposal });
    const STAGED = `query($id: ID!) { organisation(id: $id) { awards { proposalTitle { sl } } } }`;
    expect((await ok(owner, STAGED, { id: orgId })).organisation.awards).toEqual([]);
    await ok(owner, `mutation($c: ID!) { publishAwardDecision(challengeId: $c, decision: { sl: "Izbran je en predlog." }) { id } }`, { c: decided });

    // Needs: a draft and a published one.
    const CREATE_NEED = `mutation($i: CreateNeedInput!) { createNeed(input: $i) { id } }`;
    const draftNeed = (await ok(editor, CREATE_NEED, { i: { ownerOrganisationId: orgId, title: { sl: 'Osnutek potrebe' } } })).createNeed.id;
    const need = (await ok(editor, CREATE_NEED, { i: { ownerOrganisationId: orgId, title: { sl: 'Fotografije zbirke' }, description: { sl: 'Fotografiranje 40 predmetov zbirke za spletni katalog.' } } })).createNeed.id;
    await ok(editor, `mutation($id: ID!) { publishNeed(id: $id) { id } }`, { id: need });

    const award = { challengeId: decided, challengeTitle: { sl: 'Lesene igrače' }, proposalTitle: { sl: 'Konjiček na kolesih' }, authors: ['Studio Indigo'], amountEur: 2000, reason: { en: 'Playful and safe.' } };
    const ids = (rows: Data[]) => rows.map((r) => r.id).sort();
    // Anonymous visitors, strangers and creatives: public, published things only.
    for (const user of [null, stranger, creative]) {
      const page = (await ok(user, ORG_PAGE, { id: orgId })).organisation;
      expect(page.open.map((c: Data) => c.id)).toEqual([open]);
      expect(ids(page.all)).toEqual([open, decided].sort());
      expect(page.needs).toEqual([{ id: need, status: 'PUBLISHED' }]);
      expect(page.awards).toEqual([award]);
    }
    // Every member (reviewers too) sees drafts and the invite-only challenge.
    for (const user of [owner, editor, reviewer]) {
      const page = (await ok(user, ORG_PAGE, { id: orgId })).organisation;
      expect(ids(page.open)).toEqual([open, closed].sort());
      expect(ids(page.all)).toEqual([draft, open, closed, decided].sort());
      expect(ids(page.needs)).toEqual([draftNeed, need].sort());
      expect(page.awards).toEqual([award]);
    }
    expect(await code(null, `query($id: ID!) { organisation(id: $id) { challenges(status: [NOPE]) { id } } }`, { id: orgId })).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('loads challenges, needs, logos and awards of a page of organisations in one statement each (no N+1)', async () => {
    for (const name of ['Zavod A (test)', 'Zavod B (test)', 'Zavod C (test)']) {
      await ok(stranger, `mutation($n: String!) { createOrganisation(input: { kind: NGO, name: $n, municipality: "kranj" }) { id } }`, { n: name });
    }
    const service = t.app.get(OrganisationsService);
    const spies = [jest.spyOn(service, 'challengeRowsOf'), jest.spyOn(service, 'needRowsOf'), jest.spyOn(service, 'logosOf'), jest.spyOn(service, 'awardedProposalsOf')];
    const page = await ok(null, `{ organisations(first: 20) { nodes { id logo { id } challenges { id } needs { id } awards { amountEur } } } }`);
    expect(page.organisations.nodes.length).toBeGreaterThanOrEqual(4);
    expect(spies.map((s) => s.mock.calls.length)).toEqual([1, 1, 1, 1]);
    for (const spy of spies) spy.mockRestore();
  });
});

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
