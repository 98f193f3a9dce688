import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { gql, type GraphQLResponse } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Text and dates that PostgreSQL cannot store, or that would be stored wrong, are refused at the
 * edge with BAD_USER_INPUT naming the field, wherever they arrive: variables or inline literals,
 * `@Args` DTOs or plain `ID`/`String` arguments, nested inputs and lists, REST paths, query strings
 * and upload file names. Nothing reaches a resolver's service, nothing is stored, nothing answers 500.
 */
describe('unsafe text and impossible dates at the edge (e2e)', () => {
  let testApp: TestApp;
  let app: INestApplication;
  let orgId: string;
  let challengeId: string;
  let profileId: string;

  const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
  /** NUL, a lone high surrogate, a lone low surrogate, or a bidi control, inside ordinary text. */
  const unsafeText = fc.tuple(
    fc.string({ maxLength: 8 }).filter((s) => /^[a-zčšž ]*$/i.test(s)),
    fc.oneof(fc.constant('\u0000'), fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c)), fc.integer({ min: 0xdc00, max: 0xdfff }).map((c) => String.fromCharCode(c)), fc.constantFrom(...BIDI_CONTROLS)),
    fc.constantFrom('', 'x', ' Žiri'),
  ).map(([before, bad, after]) => `Naslov ${before}${bad}${after}`);
  const IMPOSSIBLE_DATE_TIMES = ['0000-01-01T00:00:00Z', '0000-01-01', '2027-02-30T10:00:00Z', '2027-02-30', '+275760-09-13T00:00:00.000Z', '1899-12-31T23:00:00Z', '2026-06-31T09:00:00Z'];
  const IMPOSSIBLE_DAYS = ['0000-01-01', '2027-02-30', '2026-04-31', '2026-13-01', '9999-12-31'];

  function expectRefused(res: GraphQLResponse, field: string): void {
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.data).toBeNull();
    expect(res.raw).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace|\n\s+at |QueryFailedError|invalid input syntax/);
  }

  const op = (query: string, variables: Record<string, unknown> = {}) => gql(app, query, variables, { asOperator: true });
  const snapshot = async () => (await op(`query($c: ID!, $o: ID!, $p: ID!) {
    challenge(id: $c) { title { sl en } brief { sl } deadline }
    organisation(id: $o) { name description { sl } }
    creativeProfile(id: $p) { displayName bio { sl } materials { code } }
    challenges(first: 50) { totalCount } organisations(first: 50) { totalCount } creativeProfiles(first: 50) { totalCount }
  }`, { c: challengeId, o: orgId, p: profileId })).data;

  beforeAll(async () => {
    testApp = await startTestApp({ worker: false });
    ({ app } = testApp);
    orgId = ((await op(`mutation { createOrganisation(input: { kind: COMPANY, name: "Kovačnica Kropa", municipality: "radovljica" }) { id } }`)).data as { createOrganisation: { id: string } }).createOrganisation.id;
    challengeId = ((await op(`mutation($o: ID!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: "Izziv" }, deadline: "2027-03-01T10:00:00Z" }) { id } }`, { o: orgId })).data as { createChallenge: { id: string } }).createChallenge.id;
    profileId = ((await op(`mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Ana Novak", municipality: "kranj" }) { id } }`)).data as { createCreativeProfile: { id: string } }).createCreativeProfile.id;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('refuses NUL, lone surrogates and bidi controls in every kind of argument, naming it, and stores nothing', async () => {
    const before = await snapshot();
    await fc.assert(fc.asyncProperty(unsafeText, async (bad) => {
      // DTO inputs: nested objects and lists.
      expectRefused(await op(`mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`, { i: { ownerOrganisationId: orgId, title: { sl: bad } } }), 'input.title.sl');
      expectRefused(await op(`mutation($id: ID!, $i: UpdateChallengeInput!) { updateChallenge(id: $id, input: $i) { id } }`, { id: challengeId, i: { brief: { sl: 'ok', en: bad } } }), 'input.brief.en');
      expectRefused(await op(`mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { id } }`, { id: orgId, i: { name: bad } }), 'input.name');
      expectRefused(await op(`mutation($id: ID!, $i: UpdateCreativeProfileInput!) { updateCreativeProfile(id: $id, input: $i) { id } }`, { id: profileId, i: { materials: ['wood', bad] } }), 'input.materials.1');
      expectRefused(await gql(app, `mutation($i: SignUpInput!) { signUp(input: $i) { message } }`, { i: { email: 'ana@example.com', password: 'kozolec-na-polju-2026', displayName: bad } }), 'input.displayName');
      // Plain scalar arguments, not class-validated: String, ID and lists of ID.
      expectRefused(await op(`query($q: String) { searchChallenges(query: $q) { totalCount } }`, { q: bad }), 'query');
      expectRefused(await op(`query($id: ID!) { challenge(id: $id) { id } }`, { id: bad }), 'id');
      expectRefused(await op(`mutation($c: ID!, $ids: [ID!]!) { inviteCreatives(challengeId: $c, creativeProfileIds: $ids) }`, { c: challengeId, ids: [profileId, bad] }), 'creativeProfileIds.1');
    }), { numRuns: 25 });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses them in inline literals too (lone surrogates cannot be written in a GraphQL document at all)', async () => {
    for (const bad of ['\\u0000', '\\u202E', '\\u2066']) {
      expectRefused(await op(`mutation { updateOrganisation(id: "${orgId}", input: { name: "Kovačnica${bad}" }) { id } }`), 'input.name');
      expectRefused(await op(`{ searchChallenges(query: "les${bad}") { totalCount } }`), 'query');
    }
    const lone = await op(`{ searchChallenges(query: "les\\uD800") { totalCount } }`);
    expect(lone.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(lone.status).toBe(400);
  });

  it('refuses an enum value with a NUL as bad input, not an internal error', async () => {
    const res = await op(`query($s: ChallengeStatus) { challenges(status: $s) { totalCount } }`, { s: 'PUBLISHED\u0000' });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.raw).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace/);
  });

  it('refuses impossible and absurd dates in DateTime arguments and in YYYY-MM-DD strings, naming the field', async () => {
    const before = await snapshot();
    for (const date of IMPOSSIBLE_DATE_TIMES) {
      expectRefused(await op(`mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`, { i: { ownerOrganisationId: orgId, title: { sl: 'Izziv' }, deadline: date } }), 'input.deadline');
      expectRefused(await op(`mutation { updateChallenge(id: "${challengeId}", input: { deadline: "${date}" }) { id } }`), 'input.deadline');
    }
    const event = (eventDate: string, opensAt = '2027-01-10T08:00:00Z') => ({
      title: { sl: 'Srečanje' }, venueName: 'Kovačnica', eventDate, hostOrganisationId: orgId, registrationOpensAt: opensAt, registrationClosesAt: '2027-01-20T08:00:00Z',
      capacity: 10, participationTypes: ['COMPANY', 'CREATIVE'], maxRequestsPerParticipant: 5, maxMeetingsPerSession: 3,
      sessions: [{ startsAt: '2027-01-21T09:00:00Z', endsAt: '2027-01-21T10:00:00Z', slotMinutes: 20, tables: 2 }],
    });
    for (const day of IMPOSSIBLE_DAYS) {
      expectRefused(await op(`mutation($i: EventInput!) { createEvent(input: $i) { id } }`, { i: event(day) }), 'input.eventDate');
      expectRefused(await op(`mutation($i: CreateNeedInput!) { createNeed(input: $i) { id } }`, { i: { ownerOrganisationId: orgId, title: { sl: 'Potreba' }, timelineStart: day } }), 'input.timelineStart');
    }
    expectRefused(await op(`mutation($i: EventInput!) { createEvent(input: $i) { id } }`, { i: event('2027-01-21', '2027-02-30T08:00:00Z') }), 'input.registrationOpensAt');
    expect(await snapshot()).toEqual(before);
  });

  it('still accepts Slovenian text, emoji, Arabic and Hebrew letters and real dates, and stores them exactly', async () => {
    const title = 'Čipka iz Žirov in šivanje 🧵🐝👩🏽‍🎨';
    const brief = 'Dvojezično: مرحبا بكم — ברוכים הבאים — dobrodošli.';
    const created = await op(`mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id title { sl } brief { sl } deadline } }`,
      { i: { ownerOrganisationId: orgId, title: { sl: title }, brief: { sl: brief }, deadline: '2028-02-29T23:30:00+01:00' } });
    expect(created.errors).toBeUndefined();
    expect(created.data).toMatchObject({ createChallenge: { title: { sl: title }, brief: { sl: brief }, deadline: '2028-02-29T22:30:00.000Z' } });
    const renamed = await op(`mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "Kovačnica Kropa — كروبا — קרופה" }) { name } }`, { id: orgId });
    expect(renamed.data).toEqual({ updateOrganisation: { name: 'Kovačnica Kropa — كروبا — קרופה' } });
    const need = await op(`mutation($o: ID!) { createNeed(input: { ownerOrganisationId: $o, title: { sl: "Potreba" }, timelineStart: "2028-02-29", timelineEnd: "2028-03-31" }) { timelineStart timelineEnd } }`, { o: orgId });
    expect(need.data).toEqual({ createNeed: { timelineStart: '2028-02-29', timelineEnd: '2028-03-31' } });
  });

  it('answers an id that is not a uuid with a typed error, never a PostgreSQL error', async () => {
    for (const query of [
      `{ organisationMembers(organisationId: "not-a-uuid") { accountId } }`,
      `{ organisationInvitations(organisationId: "1; DROP TABLE x") { id } }`,
      `mutation { revokeInvitation(id: "not-a-uuid") { id } }`,
      `mutation { removeMember(organisationId: "${orgId}", accountId: "nope") }`,
    ]) {
      const res = await op(query);
      expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(res.errors?.[0].extensions.code);
      expect(res.raw).not.toMatch(/INTERNAL_SERVER_ERROR|invalid input syntax|stacktrace/);
    }
  });

  describe('REST routes', () => {
    const http = () => request(app.getHttpServer());
    const OPERATOR = 'Bearer test-operator-token-0123456789abcdef';

    it('refuse unsafe text in paths and query strings with 400 and typed not-found for non-uuid ids', async () => {
      for (const bad of ['%00', 'x%00y', '%E2%80%AE', '%E2%81%A6x']) {
        for (const path of [`/attachments/${bad}`, `/events/${bad}/agenda.ics`, `/events/${bad}/schedule.csv`, `/events/00000000-0000-4000-8000-000000000000/agenda.ics?participantId=${bad}`, `/reports/outcomes.csv?year=${bad}`]) {
          const res = await http().get(path).set('authorization', OPERATOR);
          expect({ path, status: res.status }).toEqual({ path, status: 400 });
          expect(res.body).toMatchObject({ error: 'BAD_USER_INPUT' });
          expect(res.text).not.toMatch(/\n\s+at |QueryFailedError|invalid input syntax/);
        }
      }
      for (const path of ['/attachments/not-a-uuid', '/events/not-a-uuid/agenda.ics', '/events/not-a-uuid/schedule.csv']) {
        const res = await http().get(path).set('authorization', OPERATOR);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
    });

    it('refuses an upload whose file name holds a NUL or a bidi control, and stores nothing', async () => {
      for (const fileName of ['porocilo\u0000.pdf', 'racun\u202Efdp.exe', 'a\u2066b.pdf']) {
        const res = await http().post(`/challenges/${challengeId}/attachments`).set('authorization', OPERATOR)
          .attach('file', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), { filename: fileName, contentType: 'application/pdf' });
        expect({ fileName, status: res.status }).toEqual({ fileName, status: 400 });
        expect(res.text).not.toMatch(/\n\s+at |QueryFailedError/);
      }
      const attachments = await op(`query($c: ID!) { challenge(id: $c) { attachments { id } } }`, { c: challengeId });
      expect(attachments.data).toEqual({ challenge: { attachments: [] } });
    });
  });
});
