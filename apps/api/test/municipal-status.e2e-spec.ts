import { getDataSourceToken } from '@nestjs/typeorm';
import { hashPassword, OrganisationRole, PlatformRole, SessionsService } from '@app/identity';
import type { AccountEntity } from '@app/database';
import type { DataSource } from 'typeorm';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Issue 15, item 6: a municipality reads its own status under the yearly public-service rule (no
 * longer organisers only) and starts the year's challenge from the bilingual template in one click.
 */
describe('municipal yearly status and the challenge template (e2e)', () => {
  let t: TestApp;
  const { ok, call, code } = caller(() => t.app);
  const users = new Map<string, { token: string; id: string }>();
  const as = (name: string) => users.get(name) as { token: string };
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Ljubljana', year: 'numeric' }).format(new Date()));
  let trzic: string, company: string;

  const STATUS = `query($o: ID!, $y: Int) { municipalComplianceStatus(organisationId: $o, year: $y) {
    year canStart organisation { id name } drafts { id status kind }
    row { compliant municipality { code name } organisations { id } challenges { id status } } } }`;
  const START = `mutation($o: ID!) { startYearlyChallenge(organisationId: $o) { id status kind visibility title { sl en } brief { sl en } eligibility { municipalities { code } } owner { id } } }`;

  beforeAll(async () => {
    t = await startTestApp({ worker: false });
    const db = t.app.get<DataSource>(getDataSourceToken());
    const sessions = t.app.get(SessionsService);
    const passwordHash = await hashPassword('irrelevant-here-123');
    const account = async (name: string, roles: PlatformRole[] = []) => {
      const [row] = (await db.query(
        `INSERT INTO account (email, password_hash, display_name, locale, platform_roles, email_verified_at) VALUES ($1, $2, $1, 'sl', $3, now()) RETURNING id`,
        [`${name.replace(/\W+/g, '-')}@example.si`, passwordHash, roles],
      )) as { id: string }[];
      const entity = await db.getRepository<AccountEntity>('account').findOneByOrFail({ id: row.id });
      users.set(name, { token: (await sessions.open(entity)).accessToken, id: row.id });
    };
    for (const name of ['trzic owner', 'trzic editor', 'trzic reviewer', 'bled owner', 'company owner', 'creative']) await account(name);
    await account('organiser', [PlatformRole.Organiser]);
    trzic = (await ok(as('trzic owner'), `mutation { createOrganisation(input: { kind: MUNICIPALITY, name: "Občina Tržič", municipality: "trzic" }) { id } }`)).createOrganisation.id;
    await ok(as('bled owner'), `mutation { createOrganisation(input: { kind: MUNICIPALITY, name: "Občina Bled", municipality: "bled" }) { id } }`);
    company = (await ok(as('company owner'), `mutation { createOrganisation(input: { kind: COMPANY, name: "Tržiški čevljar", municipality: "trzic" }) { id } }`)).createOrganisation.id;
    for (const [name, role] of [['trzic editor', OrganisationRole.Editor], ['trzic reviewer', OrganisationRole.Reviewer]] as const) {
      await db.query(`INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, $3)`, [trzic, users.get(name)?.id, role]);
    }
    // Memberships are read when a session's token is checked: sign the added members in again.
    for (const name of ['trzic editor', 'trzic reviewer']) {
      const entity = await db.getRepository<AccountEntity>('account').findOneByOrFail({ id: users.get(name)?.id as string });
      users.set(name, { token: (await sessions.open(entity)).accessToken, id: entity.id });
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows a municipality member its own row for the current year (the board stays for organisers)', async () => {
    for (const name of ['trzic owner', 'trzic editor', 'trzic reviewer']) {
      const status = (await ok(as(name), STATUS, { o: trzic })).municipalComplianceStatus;
      expect(status).toMatchObject({ year: thisYear, organisation: { id: trzic, name: 'Občina Tržič' }, drafts: [], row: { compliant: false, municipality: { code: 'trzic', name: 'Tržič' }, organisations: [{ id: trzic }], challenges: [] } });
      expect(status.canStart).toBe(name !== 'trzic reviewer');
    }
    expect((await ok(as('trzic owner'), STATUS, { o: trzic, y: thisYear - 1 })).municipalComplianceStatus.year).toBe(thisYear - 1);
    expect(await code(as('trzic owner'), `query($y: Int!) { municipalChallengeCompliance(year: $y) { year } }`, { y: thisYear })).toBe('FORBIDDEN');
    const organiser = (await ok(as('organiser'), STATUS, { o: trzic })).municipalComplianceStatus;
    expect(organiser).toMatchObject({ canStart: false, drafts: [], row: { compliant: false } });
  });

  it("refuses everyone else, and organisations that are not municipalities", async () => {
    for (const name of ['bled owner', 'company owner', 'creative']) expect(await code(as(name), STATUS, { o: trzic })).toBe('FORBIDDEN');
    expect(await code(null, STATUS, { o: trzic })).toBe('UNAUTHENTICATED');
    const notMunicipality = await call(as('company owner'), STATUS, { o: company });
    expect(notMunicipality.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
    expect(await code(as('trzic owner'), STATUS, { o: '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab' })).toBe('NOT_FOUND');
    expect((await call(as('trzic owner'), STATUS, { o: trzic, y: 1999 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    for (const name of ['trzic reviewer', 'organiser', 'bled owner', 'creative']) expect(await code(as(name), START, { o: trzic })).toBe('FORBIDDEN');
    expect(await code(null, START, { o: trzic })).toBe('UNAUTHENTICATED');
    expect((await call(as('company owner'), START, { o: company })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
  });

  it('starts the year\'s challenge from the bilingual template once, as a draft the members see, and counts it when published', async () => {
    const started = (await ok(as('trzic editor'), START, { o: trzic })).startYearlyChallenge;
    expect(started).toMatchObject({ status: 'DRAFT', kind: 'PUBLIC_SERVICE', visibility: 'PUBLIC', owner: { id: trzic }, eligibility: { municipalities: [{ code: 'gorenjska' }] } });
    expect(started.title).toEqual({ sl: `Javni izziv ${thisYear}: Občina Tržič`, en: `Public-service challenge ${thisYear}: Občina Tržič` });
    expect(started.brief.sl).toContain('Občina Tržič vabi ustvarjalke in ustvarjalce z Gorenjske');
    expect(started.brief.en).toContain('invites creatives from Gorenjska');
    // A second click (or the owner) continues the same draft instead of making another.
    expect((await ok(as('trzic owner'), START, { o: trzic })).startYearlyChallenge.id).toBe(started.id);
    const status = (await ok(as('trzic reviewer'), STATUS, { o: trzic })).municipalComplianceStatus;
    expect(status.drafts).toEqual([{ id: started.id, status: 'DRAFT', kind: 'PUBLIC_SERVICE' }]);
    expect(status.row.compliant).toBe(false);
    expect((await ok(as('organiser'), STATUS, { o: trzic })).municipalComplianceStatus.drafts).toEqual([]);
    expect(await code(as('bled owner'), `query($id: ID!) { challenge(id: $id) { id } }`, { id: started.id })).toBe('NOT_FOUND');

    await ok(as('trzic owner'), `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: started.id });
    const after = (await ok(as('trzic owner'), STATUS, { o: trzic })).municipalComplianceStatus;
    expect(after).toMatchObject({ drafts: [], row: { compliant: true, challenges: [{ id: started.id, status: 'PUBLISHED' }] } });
    const board = (await ok(as('organiser'), `query($y: Int!) { municipalChallengeCompliance(year: $y) { compliantCount rows { municipality { code } compliant } } }`, { y: thisYear })).municipalChallengeCompliance;
    expect(board.rows.find((r: Data) => r.municipality.code === 'trzic').compliant).toBe(true);
    // Published: a new click starts a fresh draft (e.g. a second challenge in the year).
    expect((await ok(as('trzic owner'), START, { o: trzic })).startYearlyChallenge.id).not.toBe(started.id);
  });
});
