import { JobStatus } from '@app/jobs';
import { SupportNotificationsHandler } from '@app/marketplace';
import { eventually } from '@app/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { login, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller, OPERATOR_TOKEN } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY = 24 * 3600_000;
const FIELDS = `id status state title { sl en } eligibility { creativeKinds organisationKinds } amountMinEur amountMaxEur deadline callUrl provider { name }`;
const CREATE = `mutation($i: CreateSupportMeasureInput!) { createSupportMeasure(input: $i) { ${FIELDS} } }`;
const SEARCH = `query($q: String, $f: SupportMeasureFilterInput) { supportMeasures(query: $q, filter: $f) { totalCount nodes { id } facets { field values { value count label { sl } } } } }`;

/** Support measures: writing (organisers who edit the provider), the public directory, matching by eligibility, and deadline reminders. */
describe('support measures (e2e)', () => {
  let t: TestApp;
  let organiser: TestUser, plainOwner: TestUser, student: TestUser, company: TestUser, individual: TestUser;
  let agency: string;
  const { ok, code, call } = caller(() => t.app);
  const db = () => t.app.get<DataSource>(getDataSourceToken());

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    [organiser, plainOwner, student, company, individual] = await Promise.all(
      ['organiser@rra.example', 'owner@agency.example', 'student@uni.example', 'owner@company.example', 'artist@studio.example'].map((e) => verifiedUser(t.app, t.dataDir, e)),
    );
    await ok({ token: OPERATOR_TOKEN }, `mutation($a: ID!) { setPlatformRoles(accountId: $a, roles: [ORGANISER]) }`, { a: organiser.accountId });
    organiser = await login(t.app, organiser.email);
    agency = (await ok(organiser, `mutation { createOrganisation(input: { kind: DEVELOPMENT_AGENCY, name: "Razvojna agencija Test", municipality: "kranj" }) { id } }`)).createOrganisation.id;
    organiser = await login(t.app, organiser.email);
    await ok(plainOwner, `mutation { createOrganisation(input: { kind: DEVELOPMENT_AGENCY, name: "Druga agencija", municipality: "bled" }) { id } }`);
    await ok(student, `mutation { createCreativeProfile(input: { kind: STUDENT, displayName: "Študentka Ana", municipality: "kranj", techniques: ["keramika"], bio: { sl: "Študiram oblikovanje keramike." } }) { id } }`);
    await ok(individual, `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Samostojni Bor", municipality: "bled" }) { id } }`);
    await ok(company, `mutation { createOrganisation(input: { kind: COMPANY, name: "Podjetje d.o.o.", municipality: "kranj" }) { id } }`);
    [student, company, individual] = await Promise.all([student, company, individual].map((u) => login(t.app, u.email)));
    // Consent to be matched: the student hears of new measures.
    await ok(student, `mutation { setMatchingConsent(consent: true) { id } }`);
  });
  afterAll(async () => {
    await t?.close();
  });

  const studentsMeasure = (extra: Record<string, unknown> = {}) => ({
    providerOrganisationId: agency,
    title: { sl: 'Mikro spodbude za študentske projekte v keramiki', en: 'Micro-grants for student ceramics projects' },
    summary: { sl: 'Do 2.000 EUR za študente, ki delajo s keramiko.' },
    eligibility: { creativeKinds: ['STUDENT'], organisationKinds: [] },
    amountMinEur: 500, amountMaxEur: 2000,
    deadline: new Date(Date.now() + 30 * DAY).toISOString(),
    callUrl: 'https://razpisi.example.si/mikro',
    ...extra,
  });

  it('lets organisers who edit the provider write measures, and nobody else', async () => {
    expect(await code(plainOwner, CREATE, { i: studentsMeasure() })).toBe('FORBIDDEN');
    const plainOwnersOrg = (await ok(plainOwner, `{ me { memberships { organisation { id } } } }`)).me.memberships[0].organisation.id;
    expect(await code(organiser, CREATE, { i: studentsMeasure({ providerOrganisationId: plainOwnersOrg }) })).toBe('FORBIDDEN');
    expect(await code(student, CREATE, { i: studentsMeasure() })).toBe('FORBIDDEN');
    expect((await ok(organiser, `{ mySupportMeasureProviders { id } }`)).mySupportMeasureProviders).toEqual([{ id: agency }]);
    expect((await ok(plainOwner, `{ mySupportMeasureProviders { id } }`)).mySupportMeasureProviders).toEqual([]);
  });

  it('validates input: eligibility, amounts, https link, deadline', async () => {
    const field = async (extra: Record<string, unknown>) => (await call(organiser, CREATE, { i: studentsMeasure(extra) })).errors?.[0].extensions;
    expect(await field({ eligibility: { creativeKinds: [], organisationKinds: [] } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.eligibility' });
    expect(await field({ amountMinEur: 3000, amountMaxEur: 1000 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountMaxEur' });
    expect(await field({ callUrl: 'http://razpisi.example.si' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.callUrl' });
    expect(await field({ callUrl: 'javascript:alert(1)' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.callUrl' });
    expect(await field({ title: { sl: ' ', en: null } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const draft = (await ok(organiser, CREATE, { i: studentsMeasure({ summary: null, deadline: null }) })).createSupportMeasure;
    expect(await code(organiser, `mutation($id: ID!) { publishSupportMeasure(id: $id) { id } }`, { id: draft.id })).toBe('BAD_USER_INPUT');
  });

  it('creates, edits, publishes and closes a measure; drafts are hidden, published ones searchable without diacritics', async () => {
    const created = (await ok(organiser, CREATE, { i: studentsMeasure() })).createSupportMeasure;
    expect(created).toMatchObject({ status: 'DRAFT', state: 'CLOSED', provider: { name: 'Razvojna agencija Test' }, eligibility: { creativeKinds: ['STUDENT'], organisationKinds: [] }, amountMaxEur: 2000 });
    expect(await code(null, `query($id: ID!) { supportMeasure(id: $id) { id } }`, { id: created.id })).toBe('NOT_FOUND');
    const updated = (await ok(organiser, `mutation($id: ID!) { updateSupportMeasure(id: $id, input: { title: { sl: "Mikro spodbude za študente: keramika in steklo" } }) { title { sl en } } }`, { id: created.id })).updateSupportMeasure;
    expect(updated.title).toEqual({ sl: 'Mikro spodbude za študente: keramika in steklo', en: null });
    expect((await ok(organiser, `mutation($id: ID!) { publishSupportMeasure(id: $id) { status state publishedAt } }`, { id: created.id })).publishSupportMeasure).toMatchObject({ status: 'PUBLISHED', state: 'OPEN' });
    expect((await ok(null, `query($id: ID!) { supportMeasure(id: $id) { id status } }`, { id: created.id })).supportMeasure.status).toBe('PUBLISHED');
    expect((await ok(organiser, `{ mySupportMeasures { id } }`)).mySupportMeasures.map((m: Data) => m.id)).toContain(created.id);

    // Diacritics and endings do not matter: "studente" and "studentske" find "študente".
    for (const q of ['studente', 'keramiko', 'Mikro spodbude', 'razvojna agencija test']) {
      await eventually(async () => ((await ok(null, SEARCH, { q })).supportMeasures.nodes.some((n: Data) => n.id === created.id) ? true : undefined), 20_000, `search "${q}"`);
    }
    const faceted = (await ok(null, SEARCH, { q: 'keramika', f: { creativeKinds: ['STUDENT'], states: ['OPEN'] } })).supportMeasures;
    expect(faceted.nodes.map((n: Data) => n.id)).toContain(created.id);
    expect(faceted.facets.find((f: Data) => f.field === 'providerId').values).toContainEqual({ value: agency, count: 1, label: { sl: 'Razvojna agencija Test' } });
    expect(faceted.facets.find((f: Data) => f.field === 'amountBand').values).toContainEqual({ value: 'UP_TO_5000', count: 1, label: null });
    expect((await ok(null, SEARCH, { q: 'keramika', f: { organisationKinds: ['COMPANY'] } })).supportMeasures.nodes.map((n: Data) => n.id)).not.toContain(created.id);
    expect((await call(null, SEARCH, { f: { states: ['SOMETIMES'] } })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    expect((await ok(organiser, `mutation($id: ID!) { closeSupportMeasure(id: $id) { status state } }`, { id: created.id })).closeSupportMeasure).toEqual({ status: 'CLOSED', state: 'CLOSED' });
    expect(await code(organiser, `mutation($id: ID!) { updateSupportMeasure(id: $id, input: { amountMaxEur: 1 }) { id } }`, { id: created.id })).toBe('INVALID_STATE');
    await eventually(async () => ((await ok(null, SEARCH, { q: 'keramika', f: { states: ['CLOSED'] } })).supportMeasures.nodes.some((n: Data) => n.id === created.id) ? true : undefined), 20_000, 'closed in search');
  });

  it('matches by eligibility first: the student sees it with reasons, the company and the individual do not', async () => {
    const id = (await ok(organiser, CREATE, { i: studentsMeasure() })).createSupportMeasure.id;
    await ok(organiser, `mutation($id: ID!) { publishSupportMeasure(id: $id) { id } }`, { id });
    const companyOnly = (await ok(organiser, CREATE, { i: studentsMeasure({ title: { sl: 'Vavčer za podjetja' }, eligibility: { organisationKinds: ['COMPANY'] } }) })).createSupportMeasure.id;
    await ok(organiser, `mutation($id: ID!) { publishSupportMeasure(id: $id) { id } }`, { id: companyOnly });
    const FOR_ME = `{ supportMeasuresForMe { score reasons { sl en } measure { id } } }`;

    const forStudent = (await ok(student, FOR_ME)).supportMeasuresForMe as Data[];
    const mine = forStudent.find((m) => m.measure.id === id);
    expect(mine?.reasons[0].en).toBe('You may apply as a student (as your creative profile says).');
    expect(mine?.reasons[0].sl).toContain('študent');
    expect(mine?.score).toBeGreaterThan(0);
    expect(mine?.reasons.length).toBeGreaterThan(1);
    expect(forStudent.map((m) => m.measure.id)).not.toContain(companyOnly);

    const forCompany = (await ok(company, FOR_ME)).supportMeasuresForMe as Data[];
    expect(forCompany.map((m) => m.measure.id)).toEqual(expect.arrayContaining([companyOnly]));
    expect(forCompany.map((m) => m.measure.id)).not.toContain(id);
    expect(forCompany.find((m) => m.measure.id === companyOnly)?.reasons[0].en).toBe('Podjetje d.o.o. may apply (a company).');
    expect(((await ok(individual, FOR_ME)).supportMeasuresForMe as Data[]).map((m) => m.measure.id)).not.toContain(id);
    expect(await code(null, FOR_ME)).toBe('UNAUTHENTICATED');

    // Published: those eligible get an inbox row (the student with the reasons, the company's owner).
    await eventually(async () => {
      const rows = (await db().query(`SELECT account_id FROM notification WHERE kind = 'support-measure-match' AND subject_id = $1`, [id])) as { account_id: string }[];
      return rows.some((r) => r.account_id === student.accountId) ? rows : undefined;
    }, 20_000, 'fan-out to the student');
    const studentRows = (await db().query(`SELECT account_id FROM notification WHERE kind = 'support-measure-match' AND subject_id = $1`, [id])) as { account_id: string }[];
    expect(studentRows.map((r) => r.account_id)).not.toContain(company.accountId);
    expect(studentRows.map((r) => r.account_id)).not.toContain(individual.accountId);
    await eventually(async () => {
      const rows = (await db().query(`SELECT account_id FROM notification WHERE kind = 'support-measure-match' AND subject_id = $1`, [companyOnly])) as { account_id: string }[];
      return rows.some((r) => r.account_id === company.accountId) ? rows : undefined;
    }, 20_000, 'fan-out to the company owner');
    const inbox = (await ok(student, `{ myNotifications { nodes { kind subjectType subjectId } } }`)).myNotifications.nodes as Data[];
    expect(inbox).toContainEqual({ kind: 'support-measure-match', subjectType: 'support-measure', subjectId: id });
  });

  it('reminds those told 7 days and 1 day before the deadline, once each, and closes measures past their deadline', async () => {
    const id = (await ok(organiser, CREATE, { i: studentsMeasure({ title: { sl: 'Rok kmalu' } }) })).createSupportMeasure.id;
    await ok(organiser, `mutation($id: ID!) { publishSupportMeasure(id: $id) { id } }`, { id });
    await eventually(async () => {
      const rows = (await db().query(`SELECT 1 FROM notification WHERE kind = 'support-measure-match' AND subject_id = $1 AND account_id = $2`, [id, student.accountId])) as unknown[];
      return rows.length > 0 ? true : undefined;
    }, 20_000, 'told about the measure');
    const handler = t.app.get(SupportNotificationsHandler);
    const reminders = async () => (await db().query(`SELECT kind, account_id FROM notification WHERE subject_id = $1 AND kind LIKE 'support-measure-deadline%' ORDER BY kind`, [id])) as { kind: string; account_id: string }[];

    await db().query(`UPDATE support_measure SET deadline = now() + interval '5 days' WHERE id = $1`, [id]);
    expect(await handler.reminders({ trigger: 'test' })).toBe(JobStatus.Success);
    expect(await reminders()).toEqual([{ kind: 'support-measure-deadline-7d', account_id: student.accountId }]);
    await handler.reminders({ trigger: 'test' });
    expect(await reminders()).toHaveLength(1);

    await db().query(`UPDATE support_measure SET deadline = now() + interval '12 hours' WHERE id = $1`, [id]);
    await handler.reminders({ trigger: 'test' });
    expect((await reminders()).map((r) => r.kind)).toEqual(['support-measure-deadline-1d', 'support-measure-deadline-7d']);

    await db().query(`UPDATE support_measure SET deadline = now() - interval '1 minute' WHERE id = $1`, [id]);
    await handler.reminders({ trigger: 'test' });
    expect((await ok(null, `query($id: ID!) { supportMeasure(id: $id) { status state } }`, { id })).supportMeasure).toEqual({ status: 'CLOSED', state: 'CLOSED' });
    expect(((await ok(student, `{ supportMeasuresForMe { measure { id } } }`)).supportMeasuresForMe as Data[]).map((m) => m.measure.id)).not.toContain(id);
    // The inbox shows the measure's title.
    const titled = (await ok(student, `{ myNotifications { nodes { kind subjectTitle { sl } } } }`)).myNotifications.nodes as Data[];
    expect(titled.find((n) => n.kind === 'support-measure-deadline-1d')?.subjectTitle?.sl).toBe('Rok kmalu');
  });

  it('keeps the organiser role a must: an organiser who loses it can no longer write', async () => {
    const id = (await ok(organiser, CREATE, { i: studentsMeasure() })).createSupportMeasure.id;
    await ok({ token: OPERATOR_TOKEN }, `mutation($a: ID!) { setPlatformRoles(accountId: $a, roles: []) }`, { a: organiser.accountId });
    const demoted = await login(t.app, organiser.email);
    expect(await code(demoted, `mutation($id: ID!) { publishSupportMeasure(id: $id) { id } }`, { id })).toBe('FORBIDDEN');
    expect((await ok(demoted, `query($id: ID!) { supportMeasure(id: $id) { status } }`, { id })).supportMeasure.status).toBe('DRAFT');
    await ok({ token: OPERATOR_TOKEN }, `mutation($a: ID!) { setPlatformRoles(accountId: $a, roles: [ORGANISER]) }`, { a: organiser.accountId });
    organiser = await login(t.app, organiser.email);
  });
});
