import { EventDemoSeeder } from '@app/events';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeeder } from '@app/marketplace';
import request from 'supertest';
import { login, type TestUser } from './accounts-helpers.js';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The development demo: every documented login works and shows what the README promises. */
describe('demo activity: logins per role, proposals, jury in progress, awarded call, compliance (e2e)', () => {
  let t: TestApp;
  const users = new Map<string, TestUser>();
  const { ok, code } = caller(() => t.app);
  const as = (key: string) => users.get(key) as TestUser;
  const challengeId = async (titleStart: string) => {
    const nodes = (await ok(as('admin'), `{ challenges(first: 50) { nodes { id title { sl } } } }`)).challenges.nodes as Data[];
    return (nodes.find((n) => n.title.sl?.startsWith(titleStart)) as Data).id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    const report = await t.app.get(DemoSeeder).seedOnce({ activity: true });
    expect(report).toMatchObject({ seeded: true, accounts: DEMO_ACCOUNTS.length });
    expect(report.proposals).toBeGreaterThanOrEqual(8);
    for (const account of DEMO_ACCOUNTS) users.set(account.key, await login(t.app, account.email, DEMO_PASSWORD));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('seeds once', async () => {
    expect((await t.app.get(DemoSeeder).seedOnce({ activity: true })).seeded).toBe(false);
  });

  it('gives each login its role', async () => {
    const me = async (key: string) => (await ok(as(key), `{ me { platformRoles creativeProfileId memberships { role organisation { name } } } }`)).me;
    expect((await me('admin')).platformRoles).toEqual(['ADMIN']);
    expect((await me('organiser')).platformRoles).toEqual(['ORGANISER']);
    expect((await me('alpina')).memberships).toEqual([{ role: 'OWNER', organisation: { name: expect.stringContaining('Alpina') } }]);
    expect((await me('alpina-reviewer')).memberships[0].role).toBe('REVIEWER');
    expect((await me('meta')).creativeProfileId).toBeTruthy();
  });

  it('shows the open Alpina challenge with a team proposal, a draft and a public answer', async () => {
    const alpina = await challengeId('Modrotisk');
    const proposals = (await ok(as('alpina-reviewer'), `query($c: ID!) { challengeProposals(challengeId: $c) { status authors { creativeProfile { displayName } } } }`, { c: alpina })).challengeProposals;
    expect(proposals).toEqual([{ status: 'SUBMITTED', authors: [{ creativeProfile: { displayName: 'Meta Modrinjak' } }, { creativeProfile: { displayName: 'Neža Usnjevec' } }] }]);
    expect(await code(as('alpina-reviewer'), `mutation($id: ID!) { updateChallenge(id: $id, input: { title: { sl: "x" } }) { id } }`, { id: alpina })).toBe('FORBIDDEN');
    expect((await ok(as('nitnica'), `{ myProposals { status } }`)).myProposals.map((p: Data) => p.status).sort()).toEqual(['DRAFT', 'SUBMITTED', 'SUBMITTED']);
    const qa = (await ok(null, `query($c: ID!) { challenge(id: $c) { questions { question answer { en } } } }`, { c: alpina })).challenge.questions;
    expect(qa).toHaveLength(1);
    expect(qa[0].answer.en).toContain('Vegetable-tanned leather');
  });

  it('has a jury in progress on the apron contest: blind proposals, one scored, one conflict', async () => {
    const apron = await challengeId('Predpasnik');
    const blind = (await ok(as('juror'), `query($c: ID!) { challengeProposals(challengeId: $c) { blindCode authors { role } } }`, { c: apron })).challengeProposals as Data[];
    expect(blind).toHaveLength(3);
    expect(blind.every((p) => p.authors.length === 0)).toBe(true);
    const ranking = (await ok(as('organiser'), `query($c: ID!) { challengeRanking(challengeId: $c) { entries { jurorCount } } }`, { c: apron })).challengeRanking.entries as Data[];
    expect(ranking.map((e) => e.jurorCount).sort()).toEqual([0, 0, 1]);
    expect((await ok(null, `query($c: ID!) { challenge(id: $c) { status } }`, { c: apron })).challenge.status).toBe('IN_REVIEW');
  });

  it('shows the awarded CCI4TOURISM call with its pool, awards and an outcome in the yearly CSV', async () => {
    const cci = await challengeId('CCI4TOURISM');
    const pub = (await ok(null, `query($c: ID!) { challenge(id: $c) { status budgetPool { totalEur awardedEur remainingEur awardsMade } awards { authors amountEur } } }`, { c: cci })).challenge;
    expect(pub).toMatchObject({ status: 'AWARDED', budgetPool: { totalEur: 15000, awardedEur: 7000, remainingEur: 8000, awardsMade: 2 } });
    expect(pub.awards).toContainEqual({ authors: ['Meta Modrinjak'], amountEur: 4000 });
    const csv = await request(t.app.getHttpServer()).get(`/reports/outcomes.csv?year=${new Date().getFullYear()}`).set('authorization', `Bearer ${as('organiser').token}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('CONTRACT');
    expect(csv.text).toContain('Meta Modrinjak');
  });

  it('fills the compliance board: Škofja Loka this year, Žiri last year', async () => {
    const board = async (year: number) => (await ok(as('organiser'), `query($y: Int!) { municipalChallengeCompliance(year: $y) { rows { municipality { code } compliant } } }`, { y: year }))
      .municipalChallengeCompliance.rows.filter((r: Data) => r.compliant).map((r: Data) => r.municipality.code);
    const year = new Date().getFullYear();
    expect(await board(year)).toContain('skofja-loka');
    expect(await board(year - 1)).toEqual(['ziri']);
  });

  it('runs the demo match-making event at Kovačnica: participants, requests, a computed and published schedule', async () => {
    const report = await t.app.get(EventDemoSeeder).seedOnce();
    expect(report).toMatchObject({ seeded: true, participants: 18 });
    expect(report).toMatchObject({ requests: 27, scheduled: 24 }); // the README names these figures
    expect((await t.app.get(EventDemoSeeder).seedOnce()).seeded).toBe(false);
    const events = (await ok(null, `{ events { id venueName status schedulePublishedAt title { en } } }`)).events as Data[];
    const kovacnica = events.find((e) => e.venueName === 'Kovačnica') as Data;
    expect(kovacnica).toMatchObject({ status: 'PUBLISHED', schedulePublishedAt: expect.any(String) });
    const [run] = (await ok(as('organiser'), `query($e: ID!) { scheduleRuns(eventId: $e) { status report { scheduled ratio bound { best } unscheduled { reason } } } }`, { e: kovacnica.id })).scheduleRuns;
    expect(run.status).toBe('DONE');
    expect(run.report.scheduled).toBe(report.scheduled);
    expect(run.report.scheduled + run.report.unscheduled.length).toBeGreaterThanOrEqual(20);
    expect(run.report.scheduled).toBeLessThanOrEqual(run.report.bound.best);
    // Meta's agenda: the mutual meeting with Alpina is on it.
    const agenda = (await ok(as('meta'), `query($e: ID!) { eventAgenda(eventId: $e) { published meetings { withName mutual tableNo } } }`, { e: kovacnica.id })).eventAgenda;
    expect(agenda.published).toBe(true);
    expect(agenda.meetings).toEqual(expect.arrayContaining([expect.objectContaining({ withName: 'Alpina', mutual: true })]));
    const recs = (await ok(as('neza'), `query($e: ID!) { recommendedMeetings(eventId: $e, first: 3) { score participant { name } factors { factor } } }`, { e: kovacnica.id })).recommendedMeetings as Data[];
    expect(recs.length).toBeGreaterThan(0);
  });
});
