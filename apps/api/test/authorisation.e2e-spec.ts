import { getDataSourceToken } from '@nestjs/typeorm';
import { hashPassword, OrganisationRole, PlatformRole, SessionsService } from '@app/identity';
import type { AccountEntity } from '@app/database';
import type { DataSource } from 'typeorm';
import { localTime } from '@app/events';
import { gql, OPERATOR_TOKEN } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Ids = Record<string, string>;

/**
 * One table, growing with every resolver that takes an id: for each operation on something that
 * belongs to organisation A or creative A, every other kind of caller is refused, sees no data,
 * and (for confidential things) cannot tell it from an id that does not exist.
 */
interface Row {
  name: string;
  query: string;
  vars: (ids: Ids) => Record<string, unknown>;
  /** The id the operation is about (replaced by a random one for the existence-leak check). */
  target: (ids: Ids) => string;
  /** Confidential: outsiders get NOT_FOUND, exactly as for a random id. Otherwise FORBIDDEN. */
  hidden: boolean;
  /** Outsider roles this operation deliberately allows (e.g. organisers record outcomes for their reports). */
  allows?: readonly string[];
  /** Outsider roles that may see the thing (so they get FORBIDDEN, not NOT_FOUND), e.g. an event's organisers on its requests. */
  sees?: readonly string[];
}

const ROWS: Row[] = [
  { name: 'read a draft challenge', query: `query($id: ID!) { challenge(id: $id) { id title { sl } } }`, vars: (i) => ({ id: i.draft }), target: (i) => i.draft, hidden: true },
  { name: 'update a draft challenge', query: `mutation($id: ID!) { updateChallenge(id: $id, input: { title: { sl: "x" } }) { id } }`, vars: (i) => ({ id: i.draft }), target: (i) => i.draft, hidden: true },
  { name: 'publish a draft challenge', query: `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, vars: (i) => ({ id: i.draft }), target: (i) => i.draft, hidden: true },
  { name: 'cancel a published challenge', query: `mutation($id: ID!) { cancelChallenge(id: $id, reason: { sl: "x" }) { id } }`, vars: (i) => ({ id: i.open }), target: (i) => i.open, hidden: false },
  { name: 'start review of a challenge', query: `mutation($id: ID!) { startChallengeReview(id: $id) { id } }`, vars: (i) => ({ id: i.open }), target: (i) => i.open, hidden: false },
  { name: "list a challenge's proposals", query: `query($c: ID!) { challengeProposals(challengeId: $c) { id } }`, vars: (i) => ({ c: i.open }), target: (i) => i.open, hidden: false },
  { name: "read a challenge's ranking", query: `query($c: ID!) { challengeRanking(challengeId: $c) { entries { rank } } }`, vars: (i) => ({ c: i.open }), target: (i) => i.open, hidden: false },
  { name: "list a challenge's jurors", query: `query($c: ID!) { challengeJurors(challengeId: $c) { accountId } }`, vars: (i) => ({ c: i.open }), target: (i) => i.open, hidden: false },
  { name: 'invite a juror', query: `mutation($c: ID!) { inviteJuror(challengeId: $c, email: "x@example.si", locale: sl) { id } }`, vars: (i) => ({ c: i.open }), target: (i) => i.open, hidden: false },
  { name: 'read a draft need', query: `query($id: ID!) { need(id: $id) { id } }`, vars: (i) => ({ id: i.need }), target: (i) => i.need, hidden: true },
  { name: 'update a draft need', query: `mutation($id: ID!) { updateNeed(id: $id, input: { title: { sl: "x" } }) { id } }`, vars: (i) => ({ id: i.need }), target: (i) => i.need, hidden: true },
  { name: 'read a draft offer', query: `query($id: ID!) { offer(id: $id) { id } }`, vars: (i) => ({ id: i.offer }), target: (i) => i.offer, hidden: true },
  { name: 'publish a draft offer', query: `mutation($id: ID!) { publishOffer(id: $id) { id } }`, vars: (i) => ({ id: i.offer }), target: (i) => i.offer, hidden: true },
  { name: 'update an organisation', query: `mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "x" }) { id } }`, vars: (i) => ({ id: i.org }), target: (i) => i.org, hidden: false },
  { name: 'list organisation members', query: `query($o: ID!) { organisationMembers(organisationId: $o) { accountId } }`, vars: (i) => ({ o: i.org }), target: (i) => i.org, hidden: false },
  { name: 'invite an organisation member', query: `mutation($o: ID!) { inviteOrganisationMember(organisationId: $o, email: "x@example.si", role: OWNER, locale: sl) { id } }`, vars: (i) => ({ o: i.org }), target: (i) => i.org, hidden: false },
  { name: 'update a creative profile', query: `mutation($id: ID!) { updateCreativeProfile(id: $id, input: { displayName: "x" }) { id } }`, vars: (i) => ({ id: i.profile }), target: (i) => i.profile, hidden: false },
  { name: 'delete a creative profile', query: `mutation($id: ID!) { deleteCreativeProfile(id: $id) }`, vars: (i) => ({ id: i.profile }), target: (i) => i.profile, hidden: false },
  { name: 'read a draft proposal', query: `query($id: ID!) { proposal(id: $id) { id title { sl } } }`, vars: (i) => ({ id: i.draftProposal }), target: (i) => i.draftProposal, hidden: true },
  { name: 'read a submitted proposal', query: `query($id: ID!) { proposal(id: $id) { id title { sl } } }`, vars: (i) => ({ id: i.proposal }), target: (i) => i.proposal, hidden: true },
  { name: 'update a proposal', query: `mutation($id: ID!) { updateProposal(id: $id, input: { requestedEur: 1 }) { id } }`, vars: (i) => ({ id: i.draftProposal }), target: (i) => i.draftProposal, hidden: true },
  { name: 'submit a proposal', query: `mutation($id: ID!) { submitProposal(id: $id) { id } }`, vars: (i) => ({ id: i.draftProposal }), target: (i) => i.draftProposal, hidden: true },
  { name: 'withdraw a proposal', query: `mutation($id: ID!) { withdrawProposal(id: $id) { id } }`, vars: (i) => ({ id: i.proposal }), target: (i) => i.proposal, hidden: true },
  { name: 'award a proposal', query: `mutation($p: ID!) { awardProposal(proposalId: $p, amountEur: 1, reason: { sl: "x" }) { id } }`, vars: (i) => ({ p: i.proposal }), target: (i) => i.proposal, hidden: true },
  { name: 'record an award outcome', query: `mutation($p: ID!) { recordAwardOutcome(proposalId: $p, input: { kind: NOTHING, occurredOn: "2026-01-01" }) { id } }`, vars: (i) => ({ p: i.proposal }), target: (i) => i.proposal, hidden: true, allows: ['organiser'] },
  { name: 'score a proposal', query: `mutation($p: ID!) { scoreProposal(proposalId: $p, scores: [{ criterionId: "6f1c2d3e-4a5b-4c6d-8e7f-000000000000", score: 5 }]) { score } }`, vars: (i) => ({ p: i.proposal }), target: (i) => i.proposal, hidden: true },
  { name: 'revoke an award', query: `mutation($p: ID!) { revokeAward(proposalId: $p) { id } }`, vars: (i) => ({ p: i.proposal }), target: (i) => i.proposal, hidden: true },
  { name: 'publish an award decision', query: `mutation($c: ID!) { publishAwardDecision(challengeId: $c, decision: { sl: "x" }) { id } }`, vars: (i) => ({ c: i.open }), target: (i) => i.open, hidden: false },
  { name: 'remove a juror', query: `mutation($c: ID!, $a: ID!) { removeJuror(challengeId: $c, accountId: $a) }`, vars: (i) => ({ c: i.open, a: i.ownerAccount }), target: (i) => i.open, hidden: false },
  { name: 'shortlist proposals', query: `mutation($c: ID!, $p: ID!) { shortlistProposals(challengeId: $c, proposalIds: [$p], stageTwoDeadline: "2099-01-01T00:00:00Z") { id } }`, vars: (i) => ({ c: i.open, p: i.proposal }), target: (i) => i.open, hidden: false },
  { name: 'read an invite-only challenge', query: `query($id: ID!) { challenge(id: $id) { id title { sl } } }`, vars: (i) => ({ id: i.inviteOnly }), target: (i) => i.inviteOnly, hidden: true },
  { name: 'ask on an invite-only challenge', query: `mutation($c: ID!) { askChallengeQuestion(challengeId: $c, language: "sl", question: "x?") { id } }`, vars: (i) => ({ c: i.inviteOnly }), target: (i) => i.inviteOnly, hidden: true },
  { name: 'invite creatives to a challenge', query: `mutation($c: ID!, $p: ID!) { inviteCreatives(challengeId: $c, creativeProfileIds: [$p]) }`, vars: (i) => ({ c: i.inviteOnly, p: i.profile }), target: (i) => i.inviteOnly, hidden: true },
  { name: 'take back an invitation', query: `mutation($c: ID!, $p: ID!) { uninviteCreative(challengeId: $c, creativeProfileId: $p) }`, vars: (i) => ({ c: i.inviteOnly, p: i.profile }), target: (i) => i.inviteOnly, hidden: true },
  { name: 'answer an unanswered question', query: `mutation($id: ID!) { answerChallengeQuestion(id: $id, answer: { sl: "x" }) { id } }`, vars: (i) => ({ id: i.question }), target: (i) => i.question, hidden: true },
  { name: 'remove an unanswered question', query: `mutation($id: ID!) { removeChallengeQuestion(id: $id) }`, vars: (i) => ({ id: i.question }), target: (i) => i.question, hidden: true },
  { name: 'match creatives to a challenge', query: `query($id: ID!) { matchesForChallenge(id: $id) { score } }`, vars: (i) => ({ id: i.open }), target: (i) => i.open, hidden: false },
  { name: "match challenges to someone else's profile", query: `query($id: ID!) { matchesForCreative(id: $id) { score } }`, vars: (i) => ({ id: i.profile }), target: (i) => i.profile, hidden: true },
  { name: "match a draft need", query: `query($id: ID!) { matchesForNeed(id: $id) { offers { score } } }`, vars: (i) => ({ id: i.need }), target: (i) => i.need, hidden: true },
  { name: "match needs to someone else's offer", query: `query($id: ID!) { matchesForOffer(id: $id) { score } }`, vars: (i) => ({ id: i.offer }), target: (i) => i.offer, hidden: true },
  { name: 'declare a conflict on a proposal', query: `mutation($p: ID!) { declareConflictOfInterest(proposalId: $p, hasConflict: false) }`, vars: (i) => ({ p: i.proposal }), target: (i) => i.proposal, hidden: true },
  { name: 'read a draft event', query: `query($id: ID!) { event(id: $id) { id } }`, vars: (i) => ({ id: i.draftEvent }), target: (i) => i.draftEvent, hidden: true, allows: ['organiser'] },
  { name: 'update a draft event', query: `mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 20 }) { id } }`, vars: (i) => ({ id: i.draftEvent }), target: (i) => i.draftEvent, hidden: true, allows: ['organiser'] },
  { name: 'publish a draft event', query: `mutation($id: ID!) { publishEvent(id: $id) { id } }`, vars: (i) => ({ id: i.draftEvent }), target: (i) => i.draftEvent, hidden: true, allows: ['organiser'] },
  { name: "list an event's participants", query: `query($e: ID!) { eventParticipants(eventId: $e) { id } }`, vars: (i) => ({ e: i.event }), target: (i) => i.event, hidden: false, allows: ['organiser'] },
  { name: 'decide a registration', query: `mutation($p: ID!) { decideRegistration(participantId: $p, approve: true) { id } }`, vars: (i) => ({ p: i.pendingParticipant }), target: (i) => i.pendingParticipant, hidden: true, allows: ['organiser'] },
  { name: "change someone else's registration", query: `mutation($p: ID!) { updateRegistration(participantId: $p, input: { seeksText: "x" }) { id } }`, vars: (i) => ({ p: i.participant }), target: (i) => i.participant, hidden: true },
  { name: "withdraw someone else's registration", query: `mutation($p: ID!) { withdrawFromEvent(participantId: $p) { id } }`, vars: (i) => ({ p: i.participant }), target: (i) => i.participant, hidden: true },
  { name: 'check a participant in', query: `mutation($p: ID!) { checkInParticipant(participantId: $p, present: true) { id } }`, vars: (i) => ({ p: i.participant }), target: (i) => i.participant, hidden: true, allows: ['organiser'] },
  { name: "read someone else's agenda", query: `query($e: ID!, $p: ID!) { eventAgenda(eventId: $e, participantId: $p) { published } }`, vars: (i) => ({ e: i.event, p: i.participant }), target: (i) => i.participant, hidden: true, allows: ['organiser'] },
  { name: 'get recommendations as someone else', query: `query($e: ID!, $p: ID!) { recommendedMeetings(eventId: $e, asParticipantId: $p) { score } }`, vars: (i) => ({ e: i.event, p: i.participant }), target: (i) => i.participant, hidden: true },
  { name: "accept someone else's meeting request", query: `mutation($id: ID!) { acceptMeetingRequest(id: $id) { id } }`, vars: (i) => ({ id: i.meetingRequest }), target: (i) => i.meetingRequest, hidden: true, sees: ['organiser'] },
  { name: "cancel someone else's meeting request", query: `mutation($id: ID!) { cancelMeetingRequest(id: $id) { id } }`, vars: (i) => ({ id: i.meetingRequest }), target: (i) => i.meetingRequest, hidden: true, sees: ['organiser'] },
  { name: 'place a meeting by hand', query: `mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, slotId: $s, tableNo: 1) { slotId } }`, vars: (i) => ({ r: i.meetingRequest, s: i.slot }), target: (i) => i.meetingRequest, hidden: true, allows: ['organiser'] },
  { name: 'start the meeting scheduler', query: `mutation($e: ID!) { scheduleEventMeetings(eventId: $e) { id } }`, vars: (i) => ({ e: i.event }), target: (i) => i.event, hidden: false, allows: ['organiser'] },
  { name: 'read a schedule run', query: `query($id: ID!) { scheduleRun(id: $id) { status } }`, vars: (i) => ({ id: i.scheduleRun }), target: (i) => i.scheduleRun, hidden: true, allows: ['organiser'] },
  { name: 'stop a schedule run', query: `mutation($id: ID!) { stopScheduleRun(id: $id) { status } }`, vars: (i) => ({ id: i.scheduleRun }), target: (i) => i.scheduleRun, hidden: true, allows: ['organiser'] },
  { name: "read an event's schedule grid", query: `query($e: ID!) { eventScheduleGrid(eventId: $e) { requestId } }`, vars: (i) => ({ e: i.event }), target: (i) => i.event, hidden: false, allows: ['organiser'] },
  { name: "read an event's outcome funnel", query: `query($e: ID!) { eventFunnel(eventId: $e) { requests } }`, vars: (i) => ({ e: i.event }), target: (i) => i.event, hidden: false, allows: ['organiser'] },
  { name: 'publish an event schedule', query: `mutation($e: ID!) { publishEventSchedule(eventId: $e) { id } }`, vars: (i) => ({ e: i.event }), target: (i) => i.event, hidden: false, allows: ['organiser'] },
];

/** Callers with no right to anything of organisation A or creative A. */
const OUTSIDERS = ['anonymous', 'other creative', 'other company owner', 'juror elsewhere', 'organiser'] as const;

describe('authorisation: foreign ids, every outsider role (e2e, table-driven)', () => {
  let t: TestApp;
  const tokens = new Map<string, string | null>();
  const ids: Ids = {};
  const RANDOM = '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab';

  beforeAll(async () => {
    t = await startTestApp({ worker: false });
    const db = t.app.get<DataSource>(getDataSourceToken());
    const sessions = t.app.get(SessionsService);
    const passwordHash = await hashPassword('irrelevant-here-123');
    const account = async (email: string, roles: PlatformRole[] = []): Promise<AccountEntity> => {
      const [row] = (await db.query(
        `INSERT INTO account (email, password_hash, display_name, locale, platform_roles, email_verified_at) VALUES ($1, $2, $1, 'en', $3, now()) RETURNING id`,
        [email, passwordHash, roles],
      )) as { id: string }[];
      return db.getRepository<AccountEntity>('account').findOneByOrFail({ id: row.id });
    };
    const signIn = async (name: string, a: AccountEntity) => tokens.set(name, (await sessions.open(a)).accessToken);
    const as = async (name: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await gql<Data>(t.app, query, variables, { token: tokens.get(name) ?? undefined });
      if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
      return res.data as Data;
    };
    tokens.set('anonymous', null);
    const ownerA = await account('owner-a@example.si');
    await signIn('owner A', ownerA);
    ids.org = (await as('owner A', `mutation { createOrganisation(input: { kind: COMPANY, name: "A d.o.o.", municipality: "kranj" }) { id } }`)).createOrganisation.id;
    for (const [name, role] of [['editor A', OrganisationRole.Editor], ['reviewer A', OrganisationRole.Reviewer]] as const) {
      const a = await account(`${role}-a@example.si`);
      await db.query(`INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, $3)`, [ids.org, a.id, role]);
      await signIn(name, a);
    }
    const ownerB = await account('owner-b@example.si');
    await signIn('other company owner', ownerB);
    await as('other company owner', `mutation { createOrganisation(input: { kind: COMPANY, name: "B d.o.o.", municipality: "bled" }) { id } }`);
    await signIn('organiser', await account('organiser@example.si', [PlatformRole.Organiser]));
    const creativeA = await account('creative-a@example.si');
    await signIn('creative A', creativeA);
    ids.profile = (await as('creative A', `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Creative A", municipality: "kranj" }) { id } }`)).createCreativeProfile.id;
    await signIn('other creative', await account('creative-b@example.si'));
    await as('other creative', `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Creative B", municipality: "bled" }) { id } }`);
    const jurorElsewhere = await account('juror@example.si');
    await signIn('juror elsewhere', jurorElsewhere);

    const challenge = (title: string) => as('owner A', `mutation($o: ID!, $t: String!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: $t }, brief: { sl: "Kratek opis." } }) { id } }`, { o: ids.org, t: title });
    ids.draft = (await challenge('Osnutek')).createChallenge.id;
    ids.open = (await challenge('Odprt')).createChallenge.id;
    await as('owner A', `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: ids.open });
    const other = (await as('other company owner', `{ me { memberships { organisation { id } } } }`)).me.memberships[0].organisation.id;
    const elsewhere = (await as('other company owner', `mutation($o: ID!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: "Drugje" } }) { id } }`, { o: other })).createChallenge.id;
    await db.query(`INSERT INTO jury_member (challenge_id, account_id) VALUES ($1, $2)`, [elsewhere, jurorElsewhere.id]);
    ids.need = (await as('owner A', `mutation($o: ID!) { createNeed(input: { ownerOrganisationId: $o, title: { sl: "Potreba" } }) { id } }`, { o: ids.org })).createNeed.id;
    ids.offer = (await as('creative A', `mutation($p: ID!) { createOffer(input: { creativeProfileId: $p, kind: SERVICE, title: { sl: "Ponudba" }, description: { sl: "Opis" } }) { id } }`, { p: ids.profile })).createOffer.id;
    ids.proposal = (await as('creative A', `mutation($c: ID!) { createProposal(input: { challengeId: $c, title: { sl: "Predlog" }, body: { sl: "Besedilo" } }) { id } }`, { c: ids.open })).createProposal.id;
    await as('creative A', `mutation($id: ID!) { submitProposal(id: $id) { id } }`, { id: ids.proposal });
    // A second, draft proposal needs a second author (one live proposal per creative and challenge).
    const creativeC = await account('creative-c@example.si');
    await signIn('creative C', creativeC);
    await as('creative C', `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Creative C", municipality: "kranj" }) { id } }`);
    await signIn('creative C', creativeC);
    ids.ownerAccount = ownerA.id;
    // An invite-only challenge (creative A invited) and an unanswered question by creative A.
    ids.inviteOnly = (await as('owner A', `mutation($o: ID!) { createChallenge(input: { ownerOrganisationId: $o, visibility: INVITE_ONLY, title: { sl: "Zaprt" }, brief: { sl: "Opis." } }) { id } }`, { o: ids.org })).createChallenge.id;
    await as('owner A', `mutation($c: ID!, $p: ID!) { inviteCreatives(challengeId: $c, creativeProfileIds: [$p]) }`, { c: ids.inviteOnly, p: ids.profile });
    await as('owner A', `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: ids.inviteOnly });
    ids.question = (await as('creative A', `mutation($c: ID!) { askChallengeQuestion(challengeId: $c, language: "sl", question: "Ali velja?") { id } }`, { c: ids.open })).askChallengeQuestion.id;
    ids.draftProposal = (await as('creative C', `mutation($c: ID!) { createProposal(input: { challengeId: $c, title: { sl: "Osnutek predloga" } }) { id } }`, { c: ids.open })).createProposal.id;
    // Events hosted by organisation A (its owner runs them): a draft, and a published one with approval,
    // creative A and organisation A approved, a request from A's organisation to creative A, creative C pending, a queued run.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 20 * 86_400_000));
    const eventInput = {
      title: { sl: 'Dogodek' }, venueName: 'Kovačnica', eventDate: day, hostOrganisationId: ids.org, registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: localTime(day, '08:00').toISOString(), capacity: 10, requiresApproval: true, participationTypes: ['COMPANY', 'CREATIVE'],
      maxRequestsPerParticipant: 5, maxMeetingsPerSession: 3, sessions: [{ startsAt: localTime(day, '09:00').toISOString(), endsAt: localTime(day, '10:00').toISOString(), slotMinutes: 20, tables: 2 }],
    };
    ids.draftEvent = (await as('owner A', `mutation($i: EventInput!) { createEvent(input: $i) { id } }`, { i: eventInput })).createEvent.id;
    const published = (await as('owner A', `mutation($i: EventInput!) { createEvent(input: $i) { id slots { id } } }`, { i: eventInput })).createEvent;
    ids.event = published.id;
    ids.slot = published.slots[0].id;
    await as('owner A', `mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: ids.event });
    const register = `mutation($e: ID!, $i: RegistrationInput!) { registerForEvent(eventId: $e, input: $i) { id } }`;
    ids.participant = (await as('creative A', register, { e: ids.event, i: { creativeProfileId: ids.profile, participationType: 'CREATIVE' } })).registerForEvent.id;
    const company = (await as('owner A', register, { e: ids.event, i: { organisationId: ids.org, participationType: 'COMPANY' } })).registerForEvent.id;
    const profileC = (await as('creative C', `{ me { creativeProfileId } }`)).me.creativeProfileId;
    ids.pendingParticipant = (await as('creative C', register, { e: ids.event, i: { creativeProfileId: profileC, participationType: 'CREATIVE' } })).registerForEvent.id;
    for (const p of [ids.participant, company]) await as('owner A', `mutation($p: ID!) { decideRegistration(participantId: $p, approve: true) { id } }`, { p });
    ids.meetingRequest = (await as('owner A', `mutation($e: ID!, $to: ID!) { sendMeetingRequest(eventId: $e, input: { toParticipantId: $to }) { id } }`, { e: ids.event, to: ids.participant })).sendMeetingRequest.id;
    ids.scheduleRun = (await as('owner A', `mutation($e: ID!) { scheduleEventMeetings(eventId: $e) { id } }`, { e: ids.event })).scheduleEventMeetings.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every kind of id-taking operation listed, and the rightful callers pass (positive controls)', async () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(59);
    const read = async (who: string, query: string, vars: Record<string, unknown>) => gql<Data>(t.app, query, vars, { token: tokens.get(who) ?? undefined });
    expect((await read('reviewer A', ROWS[0].query, ROWS[0].vars(ids))).data?.challenge.id).toBe(ids.draft);
    expect((await read('creative A', `query($id: ID!) { proposal(id: $id) { id } }`, { id: ids.proposal })).data?.proposal.id).toBe(ids.proposal);
    expect((await read('creative A', `query($id: ID!) { challenge(id: $id) { id } }`, { id: ids.inviteOnly })).data?.challenge.id).toBe(ids.inviteOnly);
    expect((await read('reviewer A', `query($id: ID!) { challenge(id: $id) { questions { id } } }`, { id: ids.open })).data?.challenge.questions).toEqual([{ id: ids.question }]);
    expect((await read('reviewer A', `query($id: ID!) { proposal(id: $id) { id } }`, { id: ids.proposal })).data?.proposal.id).toBe(ids.proposal);
    expect((await read('editor A', `query($id: ID!) { need(id: $id) { id } }`, { id: ids.need })).data?.need.id).toBe(ids.need);
    expect((await gql<Data>(t.app, `query($id: ID!) { offer(id: $id) { id } }`, { id: ids.offer }, { token: OPERATOR_TOKEN })).data?.offer.id).toBe(ids.offer);
  });

  for (const row of ROWS) {
    for (const who of OUTSIDERS.filter((w) => !row.allows?.includes(w))) {
      it(`${who} cannot ${row.name}`, async () => {
        const res = await gql<Data>(t.app, row.query, row.vars(ids), { token: tokens.get(who) ?? undefined });
        expect(res.data).toBeNull();
        const error = res.errors?.[0];
        if (who === 'anonymous' && row.query.startsWith('mutation')) {
          expect(error?.extensions.code).toBe('UNAUTHENTICATED');
          return;
        }
        if (!row.hidden || row.sees?.includes(who)) {
          expect(['FORBIDDEN', ...(who === 'anonymous' ? ['UNAUTHENTICATED'] : [])]).toContain(error?.extensions.code);
          return;
        }
        expect(['NOT_FOUND', ...(who === 'anonymous' ? ['UNAUTHENTICATED'] : [])]).toContain(error?.extensions.code);
        // No existence leak: the same answer as for an id that does not exist.
        const target = row.target(ids);
        const vars = JSON.parse(JSON.stringify(row.vars(ids)).split(target).join(RANDOM)) as Record<string, unknown>;
        const random = await gql<Data>(t.app, row.query, vars, { token: tokens.get(who) ?? undefined });
        expect(random.errors?.[0].extensions.code).toBe(error?.extensions.code);
        expect(random.errors?.[0].message.split(RANDOM).join('<id>')).toBe(error?.message.split(target).join('<id>'));
      });
    }
  }
});
