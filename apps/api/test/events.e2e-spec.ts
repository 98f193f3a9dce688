import { EVENT_PARTICIPANTS_INDEX, localTime, ParticipantIndexSync, ScheduleRunner } from '@app/events';
import { SEARCH_PORT, type SearchPort } from '@app/search';
import { JobStatus } from '@app/jobs';
import { eventually } from '@app/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { mailTo, PASSWORD, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller, OPERATOR_TOKEN } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CREATE = `mutation($input: EventInput!) { createEvent(input: $input) { id status slots { id position startsAt } sessions { id tables } } }`;
const REGISTER = `mutation($e: ID!, $input: RegistrationInput!) { registerForEvent(eventId: $e, input: $input) { id status participationType name } }`;
const SEND = `mutation($e: ID!, $input: MeetingRequestInput!) { sendMeetingRequest(eventId: $e, input: $input) { id status mutual } }`;
const RUN = `query($id: ID!) { scheduleRun(id: $id) { status progress error report { scheduled ratio optimal moved method bound { lp flow slot capacity best }
  unscheduled { requestId reason } stats { min median max } idleGapsTotal perParticipant { participantId meetings idleGaps } } } }`;
const ljubljanaDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/**
 * A match-making event run through GraphQL from creation to the outcome report, as the organiser,
 * a company and three creatives: bad input is refused with clear codes and changes nothing.
 */
describe('match-making events (e2e)', () => {
  let t: TestApp;
  let organiser: TestUser, company: TestUser, meta: TestUser, bor: TestUser, cvet: TestUser, outsider: TestUser;
  let orgId: string, eventId: string, day: string;
  let slots: { id: string; position: number; startsAt: string }[];
  const p: Record<string, string> = {};
  const { call, ok, code } = caller(() => t.app);
  const db = () => t.app.get<DataSource>(getDataSourceToken());
  const inbox = async (user: TestUser) =>
    ((await db().query(`SELECT kind FROM notification WHERE account_id = $1 AND subject_id = $2 ORDER BY created_at, kind`, [user.accountId, eventId])) as { kind: string }[]).map((r) => r.kind);
  const runToEnd = async (runId: string) => eventually(async () => {
    const run = (await ok(organiser, RUN, { id: runId })).scheduleRun;
    return run.status === 'DONE' || run.status === 'FAILED' ? run : undefined;
  }, 30_000, 'schedule run finished');

  const eventInput = (overrides: Data = {}) => ({
    title: { sl: 'Srečanje kreativcev in industrije', en: 'Creatives meet industry' },
    venueName: 'Kovačnica', venueAddress: 'Kranj', eventDate: day,
    registrationOpensAt: new Date(Date.now() - 60_000).toISOString(), registrationClosesAt: localTime(day, '08:00').toISOString(),
    capacity: 10, participationTypes: ['COMPANY', 'CREATIVE'], maxRequestsPerParticipant: 2, maxMeetingsPerSession: 3,
    contactRules: [{ from: 'COMPANY', to: 'CREATIVE' }, { from: 'CREATIVE', to: 'COMPANY' }],
    sessions: [
      { name: 'Dopoldne', startsAt: localTime(day, '09:00').toISOString(), endsAt: localTime(day, '10:40').toISOString(), slotMinutes: 20, tables: 2,
        breaks: [{ startsAt: localTime(day, '09:40').toISOString(), endsAt: localTime(day, '10:00').toISOString() }] },
      { name: 'Popoldne', startsAt: localTime(day, '13:00').toISOString(), endsAt: localTime(day, '14:00').toISOString(), slotMinutes: 20, tables: 2 },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    day = ljubljanaDay(new Date(Date.now() + 10 * 24 * 3_600_000));
    [organiser, company, meta, bor, cvet, outsider] = await Promise.all(
      ['organiser@bsc.example', 'owner@usnjarna.example', 'meta@studio.example', 'bor@studio.example', 'cvet@studio.example', 'outsider@example.si']
        .map((email) => verifiedUser(t.app, t.dataDir, email)),
    );
    await request(t.app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${OPERATOR_TOKEN}`)
      .send({ query: `mutation($a: ID!) { setPlatformRoles(accountId: $a, roles: [ORGANISER]) }`, variables: { a: organiser.accountId } }).expect(200);
    orgId = (await ok(company, `mutation { createOrganisation(input: { kind: COMPANY, name: "Usnjarna Žiri", municipality: "ziri" }) { id } }`)).createOrganisation.id;
    const profile = `mutation($n: String!, $m: [String!]) { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: $n, municipality: "kranj", domains: ["design-visual-arts"], materials: $m }) { id } }`;
    await ok(meta, profile, { n: 'Meta Modrotiskarka', m: ['leather'] });
    await ok(bor, profile, { n: 'Bor Oblikovalec', m: [] });
    await ok(cvet, profile, { n: 'Cvet Čevljar', m: ['leather'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses bad event definitions with the offending field, and keeps drafts to their organisers', async () => {
    const [morning, afternoon] = eventInput().sessions;
    const overlapping = await call(organiser, CREATE, { input: eventInput({ sessions: [morning, { ...afternoon, startsAt: localTime(day, '10:00').toISOString() }] }) });
    expect(overlapping.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(overlapping.errors?.[0].message).toMatch(/overlaps/);
    const otherDay = await call(organiser, CREATE, { input: eventInput({ sessions: [{ ...morning, startsAt: localTime(day, '09:00').toISOString().replace(/^\d{4}-\d{2}-\d{2}/, '2020-01-01') }] }) });
    expect(otherDay.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const breakOutside = await call(organiser, CREATE, { input: eventInput({ sessions: [{ ...morning, breaks: [{ startsAt: localTime(day, '12:00').toISOString(), endsAt: localTime(day, '12:20').toISOString() }] }] }) });
    expect(breakOutside.errors?.[0].message).toMatch(/outside its session/);
    expect(await code(company, CREATE, { input: eventInput() })).toBe('FORBIDDEN');
    expect(Number((await db().query(`SELECT count(*) FROM event`))[0].count)).toBe(0);

    const created = (await ok(organiser, CREATE, { input: eventInput() })).createEvent;
    eventId = created.id;
    slots = created.slots;
    // 09:00, 09:20, (break) 10:00, 10:20 | 13:00, 13:20, 13:40
    expect(slots.map((s: Data) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Ljubljana', hour: '2-digit', minute: '2-digit' }).format(new Date(s.startsAt))))
      .toEqual(['09:00', '09:20', '10:00', '10:20', '13:00', '13:20', '13:40']);
    expect(await code(outsider, `query($id: ID!) { event(id: $id) { id } }`, { id: eventId })).toBe('NOT_FOUND');
    expect(await code(null, REGISTER, { e: eventId, input: { organisationId: orgId, participationType: 'COMPANY' } })).toBe('UNAUTHENTICATED');
    await ok(organiser, `mutation($id: ID!) { publishEvent(id: $id) { status } }`, { id: eventId });
    expect((await ok(null, `query($id: ID!) { event(id: $id) { status venueName sessions { name } } }`, { id: eventId })).event).toMatchObject({ status: 'PUBLISHED', venueName: 'Kovačnica' });
    expect(await code(organiser, `mutation($id: ID!, $i: EventUpdateInput!) { updateEvent(id: $id, input: $i) { id } }`, { id: eventId, i: { sessions: [morning] } })).toBe('INVALID_STATE');
  });

  it('registers participants with their availability; refuses unknown slots, wrong types and doubles', async () => {
    const bad = await call(meta, REGISTER, { e: eventId, input: { creativeProfileId: (await ok(meta, `{ me { creativeProfileId } }`)).me.creativeProfileId, participationType: 'CREATIVE', availableSlotIds: [slots[1].id, '00000000-0000-4000-8000-000000000009'] } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors?.[0].message).toMatch(/not a slot of this event/);
    expect((await ok(meta, `query($e: ID!) { myEventParticipations(eventId: $e) { id } }`, { e: eventId })).myEventParticipations).toEqual([]);
    expect(await code(company, REGISTER, { e: eventId, input: { organisationId: orgId, participationType: 'CREATIVE' } })).toBe('BAD_USER_INPUT');
    expect(await code(outsider, REGISTER, { e: eventId, input: { organisationId: orgId, participationType: 'COMPANY' } })).toBe('FORBIDDEN');

    p.company = (await ok(company, REGISTER, { e: eventId, input: { organisationId: orgId, participationType: 'COMPANY', seeksText: 'Modrotisk na usnju za pohodne čevlje' } })).registerForEvent.id;
    const me = async (u: TestUser) => (await ok(u, `{ me { creativeProfileId } }`)).me.creativeProfileId as string;
    p.meta = (await ok(meta, REGISTER, { e: eventId, input: { creativeProfileId: await me(meta), participationType: 'CREATIVE', offersText: 'Modrotisk na usnju', availableSlotIds: slots.slice(1).map((s) => s.id) } })).registerForEvent.id;
    p.bor = (await ok(bor, REGISTER, { e: eventId, input: { creativeProfileId: await me(bor), participationType: 'CREATIVE', availableSlotIds: [slots[6].id] } })).registerForEvent.id;
    p.cvet = (await ok(cvet, REGISTER, { e: eventId, input: { creativeProfileId: await me(cvet), participationType: 'CREATIVE', offersText: 'Čevlji iz usnja' } })).registerForEvent.id;
    expect(await code(company, REGISTER, { e: eventId, input: { organisationId: orgId, participationType: 'COMPANY' } })).toBe('INVALID_STATE');
    const list = (await ok(organiser, `query($e: ID!) { eventParticipants(eventId: $e) { id name status availableSlotIds } }`, { e: eventId })).eventParticipants;
    expect(list.map((x: Data) => x.name).sort()).toEqual(['Bor Oblikovalec', 'Cvet Čevljar', 'Meta Modrotiskarka', 'Usnjarna Žiri']);
    expect(list.find((x: Data) => x.id === p.bor).availableSlotIds).toEqual([slots[6].id]);
    // Another participant sees the list, not the availability; an outsider sees nothing.
    const seen = (await ok(meta, `query($e: ID!) { eventParticipants(eventId: $e) { id availableSlotIds } }`, { e: eventId })).eventParticipants;
    expect(seen.find((x: Data) => x.id === p.bor).availableSlotIds).toBeNull();
    expect(await code(outsider, `query($e: ID!) { eventParticipants(eventId: $e) { id } }`, { e: eventId })).toBe('FORBIDDEN');
  });

  it('finds participants through the search port (without diacritics) and recommends whom to meet, with reasons', async () => {
    const found = await eventually(async () => {
      const r = (await ok(meta, `query($e: ID!) { searchEventParticipants(eventId: $e, text: "usnjarna ziri") { total participants { id name } } }`, { e: eventId })).searchEventParticipants;
      return r.participants.some((x: Data) => x.id === p.company) ? r : undefined;
    }, 20_000, 'company in the participant index');
    expect(found.participants[0].name).toBe('Usnjarna Žiri');
    const recs = (await ok(cvet, `query($e: ID!) { recommendedMeetings(eventId: $e) { score factors { factor contribution reason { en } } hints { en } participant { id name } } }`, { e: eventId })).recommendedMeetings;
    // Contact rules: a creative is recommended companies only.
    expect(recs.map((r: Data) => r.participant.id)).toEqual([p.company]);
    expect(recs[0].score).toBeGreaterThan(0);
    expect(recs[0].factors.length).toBeGreaterThan(0);
    expect(await code(outsider, `query($e: ID!) { searchEventParticipants(eventId: $e, text: "usnje") { total } }`, { e: eventId })).toBe('FORBIDDEN');

    // Engine data lost: the worker's start-up check notices and syncs every participant again.
    await eventually(async () => ((await t.app.get<SearchPort>(SEARCH_PORT).count(EVENT_PARTICIPANTS_INDEX.name)) === 4 ? true : undefined), 20_000, 'all four indexed');
    await t.app.get<SearchPort>(SEARCH_PORT).remove(EVENT_PARTICIPANTS_INDEX.name, [p.company]);
    expect(await t.app.get(ParticipantIndexSync).checkDrift()).toBe(4);
    await eventually(async () => ((await t.app.get<SearchPort>(SEARCH_PORT).count(EVENT_PARTICIPANTS_INDEX.name)) === 4 ? true : undefined), 20_000, 'company back in the index');
    expect(await t.app.get(ParticipantIndexSync).checkDrift()).toBe(0);
  });

  it('sends, accepts, declines and cancels requests; mutual interest; quotas and contact rules; bad requests change nothing', async () => {
    const toMeta = (await ok(company, SEND, { e: eventId, input: { toParticipantId: p.meta, message: 'Bi se pogovorili o modrotisku?' } })).sendMeetingRequest;
    expect(toMeta).toMatchObject({ status: 'PENDING', mutual: false });
    // Meta asks back: that is the company's request accepted, and the meeting is mutual.
    const back = (await ok(meta, SEND, { e: eventId, input: { toParticipantId: p.company } })).sendMeetingRequest;
    expect(back).toMatchObject({ id: toMeta.id, status: 'ACCEPTED', mutual: true });
    expect(await inbox(meta)).toContain('meeting-requested');
    expect(await inbox(company)).toContain('meeting-accepted');
    // The notification pipeline mails it at once (events are an instant category), in the recipient's language.
    const mail = await mailTo(t.dataDir, meta.email, 'A new meeting request: Creatives meet industry');
    expect(mail).toContain(`/events/${eventId}`);

    expect(await code(company, SEND, { e: eventId, input: { toParticipantId: p.company } })).toBe('BAD_USER_INPUT');
    expect(await code(meta, SEND, { e: eventId, input: { toParticipantId: p.bor } })).toBe('FORBIDDEN');
    expect(await code(company, SEND, { e: eventId, input: { toParticipantId: '00000000-0000-4000-8000-000000000009' } })).toBe('BAD_USER_INPUT');
    expect(await code(company, SEND, { e: eventId, input: { toParticipantId: p.meta } })).toBe('INVALID_STATE');
    expect(await code(outsider, SEND, { e: eventId, input: { toParticipantId: p.meta } })).toBe('INVALID_STATE');

    const toBor = (await ok(company, SEND, { e: eventId, input: { toParticipantId: p.bor } })).sendMeetingRequest.id;
    await ok(bor, `mutation($id: ID!) { acceptMeetingRequest(id: $id) { status } }`, { id: toBor });
    // Two live requests is this event's quota.
    expect(await code(company, SEND, { e: eventId, input: { toParticipantId: p.cvet } })).toBe('INVALID_STATE');
    const fromCvet = (await ok(cvet, SEND, { e: eventId, input: { toParticipantId: p.company, message: 'Izdelujem čevlje.' } })).sendMeetingRequest.id;
    expect(await code(cvet, `mutation($id: ID!) { acceptMeetingRequest(id: $id) { status } }`, { id: fromCvet })).toBe('FORBIDDEN');
    expect(await code(outsider, `mutation($id: ID!) { acceptMeetingRequest(id: $id) { status } }`, { id: fromCvet })).toBe('NOT_FOUND');
    await ok(company, `mutation($id: ID!) { declineMeetingRequest(id: $id) { status } }`, { id: fromCvet });
    expect(await inbox(cvet)).toContain('meeting-declined');
    expect(await code(company, `mutation($id: ID!) { acceptMeetingRequest(id: $id) { status } }`, { id: fromCvet })).toBe('INVALID_STATE');
    const requests = (await ok(organiser, `query($e: ID!) { meetingRequests(eventId: $e) { id status } }`, { e: eventId })).meetingRequests;
    expect(requests.map((r: Data) => r.status).sort()).toEqual(['ACCEPTED', 'ACCEPTED', 'DECLINED']);
  });

  it('schedules accepted meetings in a background run, reports its bound, and publishes agendas (GraphQL, iCal, CSV)', async () => {
    expect(await code(company, `mutation($e: ID!) { scheduleEventMeetings(eventId: $e) { id } }`, { e: eventId })).toBe('FORBIDDEN');
    const runId = (await ok(organiser, `mutation($e: ID!) { scheduleEventMeetings(eventId: $e) { id status } }`, { e: eventId })).scheduleEventMeetings.id;
    const run = await runToEnd(runId);
    expect(run).toMatchObject({ status: 'DONE', progress: 1, error: null });
    expect(run.report).toMatchObject({ scheduled: 2, ratio: 1, optimal: true, unscheduled: [] });
    expect(run.report.bound.best).toBe(2);
    expect(run.report.stats).toEqual({ min: 1, median: 1, max: 2 });
    expect(await inbox(organiser)).toContain('event-schedule-ready');

    const grid = (await ok(organiser, `query($e: ID!) { eventScheduleGrid(eventId: $e) { requestId slotId tableNo participantName withName } }`, { e: eventId })).eventScheduleGrid;
    expect(grid).toHaveLength(2);
    const borMeeting = grid.find((g: Data) => g.withName === 'Bor Oblikovalec');
    expect(borMeeting.slotId).toBe(slots[6].id);
    const metaMeeting = grid.find((g: Data) => g.withName === 'Meta Modrotiskarka');
    expect(metaMeeting.slotId).not.toBe(slots[0].id);
    expect(metaMeeting.slotId).not.toBe(borMeeting.slotId);

    // Before publication a participant sees no placements; after it, their agenda, and they are told.
    const AGENDA = `query($e: ID!) { eventAgenda(eventId: $e) { published meetings { requestId withName tableNo startsAt } } }`;
    expect((await ok(meta, AGENDA, { e: eventId })).eventAgenda).toEqual({ published: false, meetings: [] });
    await ok(organiser, `mutation($e: ID!) { publishEventSchedule(eventId: $e) { scheduleVersion } }`, { e: eventId });
    const agenda = (await ok(meta, AGENDA, { e: eventId })).eventAgenda;
    expect(agenda.meetings).toEqual([expect.objectContaining({ withName: 'Usnjarna Žiri', requestId: metaMeeting.requestId })]);
    expect(await inbox(meta)).toContain('event-agenda-published');

    const ics = await request(t.app.getHttpServer()).get(`/events/${eventId}/agenda.ics`).set('authorization', `Bearer ${meta.token}`).expect(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const start = new Date(agenda.meetings[0].startsAt).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(ics.text).toContain(`DTSTART:${start}`);
    expect(ics.text).toContain('Usnjarna Žiri');
    const csv = await request(t.app.getHttpServer()).get(`/events/${eventId}/schedule.csv`).set('authorization', `Bearer ${organiser.token}`).expect(200);
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('session,start,end,table 1,table 2');
    expect(rows).toHaveLength(1 + slots.length);
    expect(rows[7]).toContain('Usnjarna Žiri × Bor Oblikovalec');
    await request(t.app.getHttpServer()).get(`/events/${eventId}/schedule.csv`).set('authorization', `Bearer ${meta.token}`).expect(403);
  });

  it('keeps locked meetings and moves nothing when re-run after a cancellation; hand placement is checked', async () => {
    const grid = async () => (await ok(organiser, `query($e: ID!) { eventScheduleGrid(eventId: $e) { requestId slotId tableNo withName locked } }`, { e: eventId })).eventScheduleGrid as Data[];
    const before = await grid();
    const metaMeeting = before.find((g) => g.withName === 'Meta Modrotiskarka') as Data;
    const borMeeting = before.find((g) => g.withName === 'Bor Oblikovalec') as Data;
    await ok(organiser, `mutation($r: ID!) { lockMeeting(requestId: $r, locked: true) { locked } }`, { r: metaMeeting.requestId });
    await ok(bor, `mutation($id: ID!) { cancelMeetingRequest(id: $id) { status } }`, { id: borMeeting.requestId });
    expect(await inbox(company)).toContain('meeting-cancelled');
    expect((await grid()).map((g) => g.requestId)).toEqual([metaMeeting.requestId]);
    expect(await code(bor, `mutation($id: ID!) { acceptMeetingRequest(id: $id) { status } }`, { id: borMeeting.requestId })).toBe('INVALID_STATE');

    const toCvet = (await ok(company, SEND, { e: eventId, input: { toParticipantId: p.cvet } })).sendMeetingRequest.id;
    await ok(cvet, `mutation($id: ID!) { acceptMeetingRequest(id: $id) { status } }`, { id: toCvet });
    // By hand into the company's busy slot: refused, nothing placed.
    const busy = await call(organiser, `mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, slotId: $s, tableNo: 2) { slotId } }`, { r: toCvet, s: metaMeeting.slotId });
    expect(busy.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(busy.errors?.[0].message).toMatch(/already has a meeting/);
    expect(await code(organiser, `mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, slotId: $s, tableNo: 3) { slotId } }`, { r: toCvet, s: slots[4].id })).toBe('BAD_USER_INPUT');
    expect(await grid()).toHaveLength(1);

    const runId = (await ok(organiser, `mutation($e: ID!) { scheduleEventMeetings(eventId: $e) { id } }`, { e: eventId })).scheduleEventMeetings.id;
    const run = await runToEnd(runId);
    expect(run.report).toMatchObject({ scheduled: 2, moved: 0, optimal: true });
    const after = await grid();
    expect(after.find((g) => g.requestId === metaMeeting.requestId)).toMatchObject({ slotId: metaMeeting.slotId, tableNo: metaMeeting.tableNo, locked: true });
    expect(after.find((g) => g.requestId === toCvet)).toBeDefined();
  });

  it('takes over a run left RUNNING by a worker that died, and leaves a live one alone', async () => {
    const insert = async (startedAgo: string) => ((await db().query(
      `INSERT INTO schedule_run (event_id, status, started_at) VALUES ($1, 'RUNNING', now() - $2::interval) RETURNING id`, [eventId, startedAgo],
    )) as { id: string }[])[0].id;
    const live = await insert('10 seconds');
    expect(await t.app.get(ScheduleRunner).execute(live)).toBe(JobStatus.Skipped);
    expect((await ok(organiser, RUN, { id: live })).scheduleRun.status).toBe('RUNNING');
    await db().query(`UPDATE schedule_run SET status = 'FAILED' WHERE id = $1`, [live]);
    const orphan = await insert('5 minutes');
    const phases: string[] = [];
    expect(await t.app.get(ScheduleRunner).execute(orphan, (_, phase) => phases.push(phase))).toBe(JobStatus.Success);
    const run = (await ok(organiser, RUN, { id: orphan })).scheduleRun;
    expect(run).toMatchObject({ status: 'DONE', progress: 1, report: { scheduled: 2, moved: 0 } });
    expect(phases.length).toBeGreaterThan(0);
    // A finished run is never run twice (a redelivered job is skipped).
    expect(await t.app.get(ScheduleRunner).execute(orphan)).toBe(JobStatus.Skipped);
  });

  it('orders the objective as asked (validated), reports proof, progress and reasons, stops early on request, and re-publishing tells only those whose meetings changed', async () => {
    const START = `mutation($e: ID!, $o: [String!]) { scheduleEventMeetings(eventId: $e, objectiveOrder: $o) { id objectiveOrder stopRequested } }`;
    for (const bad of [['mutual', 'mutual', 'gaps'], ['requests', 'mutual', 'gaps'], ['mutual', 'gaps']]) {
      expect(await code(organiser, START, { e: eventId, o: bad })).toBe('BAD_USER_INPUT');
    }
    expect(await code(company, START, { e: eventId, o: ['fairness', 'mutual', 'gaps'] })).toBe('FORBIDDEN');
    const FULL = `query($id: ID!) { scheduleRun(id: $id) { status progress phase bestFound provenBound stopRequested objectiveOrder
      report { scheduled optimal proof provenBound gap objective stopped wallClockCapHit levels { level value bound proven status }
        unscheduled { requestId reason explanation { code displaced text { sl en } fixes { kind minutes text { sl en } } } } } } }`;
    const started = (await ok(organiser, START, { e: eventId, o: ['fairness', 'mutual', 'gaps'] })).scheduleEventMeetings;
    expect(started).toMatchObject({ objectiveOrder: ['fairness', 'mutual', 'gaps'], stopRequested: false });
    const done = await eventually(async () => {
      const run = (await ok(organiser, FULL, { id: started.id })).scheduleRun;
      return run.status === 'DONE' || run.status === 'FAILED' ? run : undefined;
    }, 30_000, 'ordered run finished');
    // A re-run: fewer changes comes right after (1), then the organiser's order.
    expect(done.report.objective).toEqual(['requests', 'changes', 'fairness', 'mutual', 'gaps']);
    expect(done.report).toMatchObject({ scheduled: 2, optimal: true, gap: 0, provenBound: 2, stopped: false, wallClockCapHit: false, unscheduled: [] });
    expect(['mip', 'bound']).toContain(done.report.proof);
    expect(done).toMatchObject({ status: 'DONE', phase: 'done', bestFound: 2, provenBound: 2 });

    // Stopping: a queued run asked to stop keeps the best schedule found (here the heuristic's first answer).
    const queued = ((await db().query(`INSERT INTO schedule_run (event_id, status) VALUES ($1, 'QUEUED') RETURNING id`, [eventId])) as { id: string }[])[0].id;
    expect(await code(company, `mutation($id: ID!) { stopScheduleRun(id: $id) { id } }`, { id: queued })).toBe('NOT_FOUND');
    expect((await ok(organiser, `mutation($id: ID!) { stopScheduleRun(id: $id) { stopRequested } }`, { id: queued })).stopScheduleRun.stopRequested).toBe(true);
    expect(await t.app.get(ScheduleRunner).execute(queued)).toBe(JobStatus.Success);
    const stopped = (await ok(organiser, FULL, { id: queued })).scheduleRun;
    expect(stopped.report).toMatchObject({ stopped: true, scheduled: 2 });

    // Re-publishing: Meta's meeting did not change since the first publication, Cvet's is new: only Cvet (and the
    // company, whose meetings changed) are told.
    const told = async (user: TestUser) => (await inbox(user)).filter((k) => k === 'event-agenda-published').length;
    const [metaBefore, cvetBefore] = [await told(meta), await told(cvet)];
    await ok(organiser, `mutation($e: ID!) { publishEventSchedule(eventId: $e) { scheduleVersion } }`, { e: eventId });
    expect(await told(meta)).toBe(metaBefore);
    expect(await told(cvet)).toBe(cvetBefore + 1);
  });

  it('on the day: check-in, held and no-show, feedback from each side, and the outcome funnel', async () => {
    // The event day arrives: only the passing of time is set in SQL.
    await db().query(`UPDATE event SET event_date = event_date - 11 WHERE id = $1`, [eventId]);
    await db().query(`UPDATE event_session SET starts_at = starts_at - interval '11 days', ends_at = ends_at - interval '11 days' WHERE event_id = $1`, [eventId]);
    await db().query(`UPDATE event_slot SET starts_at = starts_at - interval '11 days', ends_at = ends_at - interval '11 days' WHERE event_id = $1`, [eventId]);
    const grid = (await ok(organiser, `query($e: ID!) { eventScheduleGrid(eventId: $e) { requestId withName } }`, { e: eventId })).eventScheduleGrid as Data[];
    const metaMeeting = grid.find((g) => g.withName === 'Meta Modrotiskarka') as Data;
    const cvetMeeting = grid.find((g) => g.withName === 'Cvet Čevljar') as Data;

    expect((await ok(organiser, `mutation($p: ID!) { checkInParticipant(participantId: $p, present: true) { checkedInAt } }`, { p: p.meta })).checkInParticipant.checkedInAt).not.toBeNull();
    expect(await code(meta, `mutation($p: ID!) { checkInParticipant(participantId: $p, present: true) { checkedInAt } }`, { p: p.bor })).toBe('NOT_FOUND');
    await ok(organiser, `mutation($r: ID!) { markMeetingAttendance(requestId: $r, attendance: NO_SHOW) { attendance } }`, { r: cvetMeeting.requestId });
    expect(await code(cvet, `mutation($r: ID!) { leaveMeetingFeedback(requestId: $r, input: { followUp: true }) { followUp } }`, { r: cvetMeeting.requestId })).toBe('INVALID_STATE');
    const feedback = (await ok(meta, `mutation($r: ID!) { leaveMeetingFeedback(requestId: $r, input: { followUp: true, rating: 5, outcome: PROPOSAL, comment: "Pošljem predlog." }) { followUp outcome rating } }`, { r: metaMeeting.requestId })).leaveMeetingFeedback;
    expect(feedback).toEqual({ followUp: true, outcome: 'PROPOSAL', rating: 5 });
    expect(await code(meta, `mutation($r: ID!) { leaveMeetingFeedback(requestId: $r, input: { followUp: true, rating: 9 }) { followUp } }`, { r: metaMeeting.requestId })).toBe('BAD_USER_INPUT');
    await ok(company, `mutation($r: ID!) { leaveMeetingFeedback(requestId: $r, input: { followUp: true, outcome: CONTRACT }) { followUp } }`, { r: metaMeeting.requestId });
    expect(await code(outsider, `mutation($r: ID!) { leaveMeetingFeedback(requestId: $r, input: { followUp: false }) { followUp } }`, { r: metaMeeting.requestId })).toBe('NOT_FOUND');

    const funnel = (await ok(organiser, `query($e: ID!) { eventFunnel(eventId: $e) { participants checkedIn requests accepted scheduled held noShows followUps proposals contracts } }`, { e: eventId })).eventFunnel;
    expect(funnel).toEqual({ participants: 4, checkedIn: 1, requests: 4, accepted: 3, scheduled: 2, held: 1, noShows: 1, followUps: 1, proposals: 1, contracts: 1 });
    expect(await code(company, `query($e: ID!) { eventFunnel(eventId: $e) { requests } }`, { e: eventId })).toBe('FORBIDDEN');
  });

  it('exports a creative\'s participation with their messages, and erasing the account removes it everywhere, the directory included', async () => {
    const exported = await request(t.app.getHttpServer()).get('/account/export').set('authorization', `Bearer ${cvet.token}`).expect(200);
    const events = (JSON.parse(exported.text) as Data).events;
    expect(events.participations).toEqual([expect.objectContaining({ eventId, offersText: 'Čevlji iz usnja', participationType: 'CREATIVE' })]);
    expect(events.participations[0].meetingRequests.map((r: Data) => r.message)).toContain('Izdelujem čevlje.');
    await eventually(async () => {
      const r = (await ok(company, `query($e: ID!) { searchEventParticipants(eventId: $e, text: "cevljar") { participants { id } } }`, { e: eventId })).searchEventParticipants;
      return r.participants.some((x: Data) => x.id === p.cvet) ? true : undefined;
    }, 20_000, 'Cvet in the directory');

    const cancelledBefore = (await inbox(company)).filter((k) => k === 'meeting-cancelled').length;
    await ok(cvet, `mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD });
    // The company's accepted meeting with Cvet is off, and it is told so.
    expect((await inbox(company)).filter((k) => k === 'meeting-cancelled').length).toBe(cancelledBefore + 1);
    expect(Number((await db().query(`SELECT count(*) FROM event_participant WHERE id = $1`, [p.cvet]))[0].count)).toBe(0);
    expect(Number((await db().query(`SELECT count(*) FROM meeting_request WHERE from_participant_id = $1 OR to_participant_id = $1`, [p.cvet]))[0].count)).toBe(0);
    await eventually(async () => {
      const r = (await ok(company, `query($e: ID!) { searchEventParticipants(eventId: $e, text: "cevljar") { total } }`, { e: eventId })).searchEventParticipants;
      return r.total === 0 ? true : undefined;
    }, 20_000, 'Cvet gone from the directory index');
  });
});
