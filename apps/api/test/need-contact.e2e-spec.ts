import { getDataSourceToken } from '@nestjs/typeorm';
import { hashPassword, OrganisationRole, SessionsService } from '@app/identity';
import type { AccountEntity } from '@app/database';
import type { DataSource } from 'typeorm';
import { mailTo } from './accounts-helpers.js';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Issue 15, item 5: an organisation lists all its needs (drafts too) and contacts a creative about
 * a published need through the platform: an inbox item and a mail for the creative, no address shared.
 */
describe('needs: the organisation\'s list and contacting creatives (e2e)', () => {
  let t: TestApp;
  const { ok, call, code } = caller(() => t.app);
  const users = new Map<string, { token: string; id: string; email: string }>();
  const as = (name: string) => users.get(name) as { token: string };
  let org: string, draft: string, published: string, consenting: string, shy: string;

  const CONTACT = `mutation($n: ID!, $p: ID!) { contactCreativeAboutNeed(needId: $n, creativeProfileId: $p) }`;
  const LIST = `query($o: ID!) { organisationNeeds(organisationId: $o) { totalCount nodes { id status title { sl } } } }`;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    const db = t.app.get<DataSource>(getDataSourceToken());
    const sessions = t.app.get(SessionsService);
    const passwordHash = await hashPassword('irrelevant-here-123');
    const account = async (name: string) => {
      const email = `${name.replace(/\W+/g, '-')}@example.si`;
      const [row] = (await db.query(
        `INSERT INTO account (email, password_hash, display_name, locale, email_verified_at) VALUES ($1, $2, $3, 'sl', now()) RETURNING id`,
        [email, passwordHash, name],
      )) as { id: string }[];
      users.set(name, { token: '', id: row.id, email });
    };
    const signIn = async (name: string) => {
      const entity = await db.getRepository<AccountEntity>('account').findOneByOrFail({ id: users.get(name)?.id as string });
      users.set(name, { ...(users.get(name) as { id: string; email: string }), token: (await sessions.open(entity)).accessToken });
    };
    for (const name of ['owner', 'reviewer', 'other owner', 'creative', 'shy creative']) {
      await account(name);
      await signIn(name);
    }
    org = (await ok(as('owner'), `mutation { createOrganisation(input: { kind: COMPANY, name: "Čevljarna Tržič", municipality: "trzic" }) { id } }`)).createOrganisation.id;
    await db.query(`INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, $3)`, [org, users.get('reviewer')?.id, OrganisationRole.Reviewer]);
    await signIn('reviewer');
    await ok(as('other owner'), `mutation { createOrganisation(input: { kind: COMPANY, name: "Drugo podjetje", municipality: "bled" }) { id } }`);
    const need = (title: string) => ok(as('owner'), `mutation($o: ID!, $t: String!) { createNeed(input: { ownerOrganisationId: $o, title: { sl: $t }, description: { sl: "Iščemo oblikovalca za usnjene etikete." }, techniques: ["blueprint"] }) { id } }`, { o: org, t: title });
    draft = (await need('Osnutek potrebe')).createNeed.id;
    published = (await need('Usnjene etikete')).createNeed.id;
    await ok(as('owner'), `mutation($id: ID!) { publishNeed(id: $id) { id } }`, { id: published });
    const profile = async (name: string, consent: boolean) => {
      const id = (await ok(as(name), `mutation($n: String!) { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: $n, municipality: "kranj" }) { id } }`, { n: name })).createCreativeProfile.id;
      await signIn(name);
      if (consent) await ok(as(name), `mutation { setMatchingConsent(consent: true) { id } }`);
      return id;
    };
    consenting = await profile('creative', true);
    shy = await profile('shy creative', false);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("lists every need of the organisation, drafts too, for its owners and editors only", async () => {
    const list = (await ok(as('owner'), LIST, { o: org })).organisationNeeds;
    expect(list.totalCount).toBe(2);
    expect(list.nodes.map((n: Data) => [n.id, n.status])).toEqual([[draft, 'DRAFT'], [published, 'PUBLISHED']]);
    for (const name of ['reviewer', 'other owner', 'creative']) expect(await code(as(name), LIST, { o: org })).toBe('FORBIDDEN');
    expect(await code(null, LIST, { o: org })).toBe('UNAUTHENTICATED');
    expect(await code(as('owner'), LIST, { o: '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab' })).toBe('NOT_FOUND');
  });

  it('tells a consenting creative once, in the inbox and by mail, naming the organisation and sharing no address', async () => {
    expect((await ok(as('owner'), CONTACT, { n: published, p: consenting })).contactCreativeAboutNeed).toBe(true);
    expect((await ok(as('owner'), CONTACT, { n: published, p: consenting })).contactCreativeAboutNeed).toBe(false);
    const inbox = (await ok(as('creative'), `{ myNotifications { nodes { kind subjectType subjectId subjectTitle { sl } reason { sl en } } } }`)).myNotifications.nodes as Data[];
    const item = inbox.filter((n) => n.kind === 'need-contact');
    expect(item).toHaveLength(1);
    expect(item[0]).toMatchObject({ subjectType: 'need', subjectId: published, subjectTitle: { sl: 'Usnjene etikete' } });
    expect(item[0].reason.sl).toContain('Organizacija Čevljarna Tržič vas vabi k pogovoru');
    expect(item[0].reason.en).toContain('Čevljarna Tržič invites you to talk about this need');
    expect(JSON.stringify(item)).not.toContain(users.get('owner')?.email);
    const mail = await mailTo(t.dataDir, users.get('creative')?.email as string, 'Vabilo k pogovoru o potrebi');
    expect(mail).toContain(`/needs/${published}`);
    expect(mail).not.toContain(users.get('owner')?.email);
  });

  it('refuses what it must: creatives who did not agree, drafts, members who may not write, outsiders', async () => {
    expect((await call(as('owner'), CONTACT, { n: published, p: shy })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creativeProfileId' });
    expect((await call(as('owner'), CONTACT, { n: published, p: '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creativeProfileId' });
    expect(await code(as('owner'), CONTACT, { n: draft, p: consenting })).toBe('INVALID_STATE');
    expect(await code(as('reviewer'), CONTACT, { n: published, p: consenting })).toBe('FORBIDDEN');
    expect(await code(as('reviewer'), CONTACT, { n: draft, p: consenting })).toBe('FORBIDDEN');
    expect(await code(as('other owner'), CONTACT, { n: published, p: consenting })).toBe('FORBIDDEN');
    expect(await code(as('other owner'), CONTACT, { n: draft, p: consenting })).toBe('NOT_FOUND');
    expect(await code(as('creative'), CONTACT, { n: published, p: consenting })).toBe('FORBIDDEN');
    expect(await code(null, CONTACT, { n: published, p: consenting })).toBe('UNAUTHENTICATED');
    // Nothing reached the creative who did not agree.
    const shyInbox = (await ok(as('shy creative'), `{ myNotifications { nodes { kind } } }`)).myNotifications.nodes as Data[];
    expect(shyInbox.filter((n) => n.kind === 'need-contact')).toEqual([]);
  });
});
