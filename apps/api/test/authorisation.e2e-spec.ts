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
  ...ORGANISATION_ROWS(),
];

/** Organisations (issue 15 item 1): logo, invitations. */
function ORGANISATION_ROWS(): Row[] {
  return [
    { name: "remove an organisation's logo", query: `mutation($id: ID!) { removeOrganisationLogo(id: $id) { id } }`, vars: (i) => ({ id: i.org }), target: (i) => i.org, hidden: false },
    { name: "list an organisation's open invitations", query: `query($o: ID!) { organisationInvitations(organisationId: $o) { id } }`, vars: (i) => ({ o: i.org }), target: (i) => i.org, hidden: false },
    { name: 'resend an organisation invitation', query: `mutation($id: ID!) { resendInvitation(id: $id) { id } }`, vars: (i) => ({ id: i.invitation }), target: (i) => i.invitation, hidden: true },
    { name: 'revoke an organisation invitation', query: `mutation($id: ID!) { revokeInvitation(id: $id) { id } }`, vars: (i) => ({ id: i.invitation }), target: (i) => i.invitation, hidden: true },
    { name: "change a member's role", query: `mutation($o: ID!, $a: ID!) { changeMemberRole(organisationId: $o, accountId: $a, role: REVIEWER) }`, vars: (i) => ({ o: i.org, a: i.ownerAccount }), target: (i) => i.org, hidden: false },
    { name: 'remove a member', query: `mutation($o: ID!, $a: ID!) { removeMember(organisationId: $o, accountId: $a) }`, vars: (i) => ({ o: i.org, a: i.ownerAccount }), target: (i) => i.org, hidden: false },
  ];
}

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
    ids.invitation = (await as('owner A', `mutation($o: ID!) { inviteOrganisationMember(organisationId: $o, email: "invited-a@example.si", role: EDITOR, locale: sl) { id } }`, { o: ids.org })).inviteOrganisationMember.id;
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

  describe('organisations (issue 15 item 1): public fields show only public data', () => {
    const PAGE = `query($id: ID!) { organisation(id: $id) { challenges { id } needs { id } awards { challengeId } } }`;
    for (const who of OUTSIDERS) {
      it(`${who} sees no draft or invite-only challenge and no draft need of organisation A`, async () => {
        const page = (await gql<Data>(t.app, PAGE, { id: ids.org }, { token: tokens.get(who) ?? undefined })).data?.organisation;
        expect(page.challenges.map((c: Data) => c.id)).toEqual([ids.open]);
        expect(page.needs).toEqual([]);
        expect(page.awards).toEqual([]);
      });
    }
    it("creative A, invited, sees the invite-only challenge; A's reviewers see drafts too", async () => {
      const as = async (who: string) => (await gql<Data>(t.app, PAGE, { id: ids.org }, { token: tokens.get(who) ?? undefined })).data?.organisation;
      expect((await as('creative A')).challenges.map((c: Data) => c.id).sort()).toEqual([ids.open, ids.inviteOnly].sort());
      const reviewer = await as('reviewer A');
      expect(reviewer.challenges.map((c: Data) => c.id).sort()).toEqual([ids.draft, ids.open, ids.inviteOnly].sort());
      expect(reviewer.needs).toEqual([{ id: ids.need }]);
    });
  });
});

/**
 * Support measures (issue 15 item 8): written only by organisers who are owners or editors of the
 * provider. Drafts are hidden from everyone else (NOT_FOUND as for a random id); published ones
 * are public, so outsiders get FORBIDDEN on changes. Members of the provider without the
 * organiser role and organisers of other organisations are outsiders too.
 */
describe('authorisation: support measures (e2e, table-driven)', () => {
  let t: TestApp;
  const tokens = new Map<string, string | null>();
  const ids: Ids = {};
  const RANDOM = '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab';
  const SUPPORT_ROWS: Row[] = [
    { name: 'read a draft support measure', query: `query($id: ID!) { supportMeasure(id: $id) { id title { sl } } }`, vars: (i) => ({ id: i.draft }), target: (i) => i.draft, hidden: true, allows: ['editor without the organiser role'] },
    { name: 'update a draft support measure', query: `mutation($id: ID!) { updateSupportMeasure(id: $id, input: { title: { sl: "x" } }) { id } }`, vars: (i) => ({ id: i.draft }), target: (i) => i.draft, hidden: true, sees: ['editor without the organiser role'] },
    { name: 'publish a draft support measure', query: `mutation($id: ID!) { publishSupportMeasure(id: $id) { id } }`, vars: (i) => ({ id: i.draft }), target: (i) => i.draft, hidden: true, sees: ['editor without the organiser role'] },
    { name: 'update a published support measure', query: `mutation($id: ID!) { updateSupportMeasure(id: $id, input: { amountMaxEur: 1 }) { id } }`, vars: (i) => ({ id: i.published }), target: (i) => i.published, hidden: false },
    { name: 'close a published support measure', query: `mutation($id: ID!) { closeSupportMeasure(id: $id) { id } }`, vars: (i) => ({ id: i.published }), target: (i) => i.published, hidden: false },
    { name: 'create a support measure for another organisation', query: `mutation($o: ID!) { createSupportMeasure(input: { providerOrganisationId: $o, title: { sl: "x" }, eligibility: { creativeKinds: [STUDENT] } }) { id } }`, vars: (i) => ({ o: i.provider }), target: (i) => i.provider, hidden: false },
  ];
  const OUTSIDERS_HERE = ['anonymous', 'creative', 'organiser elsewhere', 'editor without the organiser role'] as const;

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
    const organiser = await account('organiser-a@example.si', [PlatformRole.Organiser]);
    await signIn('organiser A', organiser);
    ids.provider = (await as('organiser A', `mutation { createOrganisation(input: { kind: DEVELOPMENT_AGENCY, name: "Agencija A", municipality: "kranj" }) { id } }`)).createOrganisation.id;
    await signIn('organiser A', organiser);
    const editor = await account('editor-a@example.si');
    await db.query(`INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, 'editor')`, [ids.provider, editor.id]);
    await signIn('editor without the organiser role', editor);
    const elsewhere = await account('organiser-b@example.si', [PlatformRole.Organiser]);
    await signIn('organiser elsewhere', elsewhere);
    await as('organiser elsewhere', `mutation { createOrganisation(input: { kind: DEVELOPMENT_AGENCY, name: "Agencija B", municipality: "bled" }) { id } }`);
    await signIn('organiser elsewhere', elsewhere);
    const creative = await account('creative-s@example.si');
    await signIn('creative', creative);
    await as('creative', `mutation { createCreativeProfile(input: { kind: STUDENT, displayName: "Študent", municipality: "kranj" }) { id } }`);
    await signIn('creative', creative);
    const create = (title: string) => as('organiser A', `mutation($o: ID!, $t: String!) { createSupportMeasure(input: { providerOrganisationId: $o, title: { sl: $t }, summary: { sl: "Za študente." }, eligibility: { creativeKinds: [STUDENT] } }) { id } }`, { o: ids.provider, t: title });
    ids.draft = (await create('Osnutek ukrepa')).createSupportMeasure.id;
    ids.published = (await create('Objavljen ukrep')).createSupportMeasure.id;
    await as('organiser A', `mutation($id: ID!) { publishSupportMeasure(id: $id) { id } }`, { id: ids.published });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets the rightful callers through (positive controls)', async () => {
    const read = async (who: string, query: string, vars: Record<string, unknown>) => gql<Data>(t.app, query, vars, { token: tokens.get(who) ?? undefined });
    expect((await read('organiser A', SUPPORT_ROWS[0].query, SUPPORT_ROWS[0].vars(ids))).data?.supportMeasure.id).toBe(ids.draft);
    expect((await read('editor without the organiser role', SUPPORT_ROWS[0].query, SUPPORT_ROWS[0].vars(ids))).data?.supportMeasure.id).toBe(ids.draft);
    expect((await read('anonymous', `query($id: ID!) { supportMeasure(id: $id) { id } }`, { id: ids.published })).data?.supportMeasure.id).toBe(ids.published);
    expect((await read('organiser A', SUPPORT_ROWS[3].query, SUPPORT_ROWS[3].vars(ids))).data?.updateSupportMeasure.id).toBe(ids.published);
    expect((await gql<Data>(t.app, `query($id: ID!) { supportMeasure(id: $id) { id } }`, { id: ids.draft }, { token: OPERATOR_TOKEN })).data?.supportMeasure.id).toBe(ids.draft);
    expect((await read('anonymous', `{ supportMeasuresForMe { score } }`, {})).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await read('anonymous', `{ mySupportMeasures { id } }`, {})).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await read('creative', `{ mySupportMeasures { id } mySupportMeasureProviders { id } }`, {})).data).toEqual({ mySupportMeasures: [], mySupportMeasureProviders: [] });
    expect((await read('editor without the organiser role', `{ mySupportMeasureProviders { id } }`, {})).data).toEqual({ mySupportMeasureProviders: [] });
  });

  for (const row of SUPPORT_ROWS) {
    for (const who of OUTSIDERS_HERE.filter((w) => !row.allows?.includes(w))) {
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
        const target = row.target(ids);
        const vars = JSON.parse(JSON.stringify(row.vars(ids)).split(target).join(RANDOM)) as Record<string, unknown>;
        const random = await gql<Data>(t.app, row.query, vars, { token: tokens.get(who) ?? undefined });
        expect(random.errors?.[0].extensions.code).toBe(error?.extensions.code);
        expect(random.errors?.[0].message.split(RANDOM).join('<id>')).toBe(error?.message.split(target).join('<id>'));
      });
    }
  }
});

/**
 * Issue 15, items 5 and 6 (needs and municipalities): the same table for the operations added there,
 * with its own fixtures (a municipality organisation M and a company C with a published need).
 */
describe('authorisation: needs and municipalities (issue 15, items 5 and 6)', () => {
  let t: TestApp;
  const tokens = new Map<string, string | null>();
  const ids: Ids = {};
  const RANDOM = '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab';
  const MUNICIPAL_ROWS: Row[] = [
    { name: "read a municipality's yearly status", query: `query($o: ID!) { municipalComplianceStatus(organisationId: $o) { year row { compliant } } }`, vars: (i) => ({ o: i.municipality }), target: (i) => i.municipality, hidden: false, allows: ['organiser'] },
    { name: "start a municipality's yearly challenge", query: `mutation($o: ID!) { startYearlyChallenge(organisationId: $o) { id } }`, vars: (i) => ({ o: i.municipality }), target: (i) => i.municipality, hidden: false },
    { name: "list an organisation's needs with drafts", query: `query($o: ID!) { organisationNeeds(organisationId: $o) { totalCount } }`, vars: (i) => ({ o: i.company }), target: (i) => i.company, hidden: false },
    { name: 'contact a creative about a published need', query: `mutation($n: ID!, $p: ID!) { contactCreativeAboutNeed(needId: $n, creativeProfileId: $p) }`, vars: (i) => ({ n: i.need, p: i.profile }), target: (i) => i.need, hidden: false },
    { name: 'contact a creative about a draft need', query: `mutation($n: ID!, $p: ID!) { contactCreativeAboutNeed(needId: $n, creativeProfileId: $p) }`, vars: (i) => ({ n: i.draftNeed, p: i.profile }), target: (i) => i.draftNeed, hidden: true },
  ];
  const MUNICIPAL_OUTSIDERS = ['anonymous', 'creative', 'other municipality owner', 'other company owner', 'organiser'] as const;

  beforeAll(async () => {
    t = await startTestApp({ worker: false });
    const db = t.app.get<DataSource>(getDataSourceToken());
    const sessions = t.app.get(SessionsService);
    const passwordHash = await hashPassword('irrelevant-here-123');
    const account = async (name: string, roles: PlatformRole[] = []): Promise<AccountEntity> => {
      const [row] = (await db.query(
        `INSERT INTO account (email, password_hash, display_name, locale, platform_roles, email_verified_at) VALUES ($1, $2, $1, 'en', $3, now()) RETURNING id`,
        [`${name.replace(/\W+/g, '-')}@example.si`, passwordHash, roles],
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
    for (const name of ['municipality owner', 'other municipality owner', 'company owner', 'other company owner', 'creative']) await signIn(name, await account(name));
    await signIn('organiser', await account('organiser', [PlatformRole.Organiser]));
    ids.municipality = (await as('municipality owner', `mutation { createOrganisation(input: { kind: MUNICIPALITY, name: "Občina Jezersko", municipality: "jezersko" }) { id } }`)).createOrganisation.id;
    await as('other municipality owner', `mutation { createOrganisation(input: { kind: MUNICIPALITY, name: "Občina Bohinj", municipality: "bohinj" }) { id } }`);
    ids.company = (await as('company owner', `mutation { createOrganisation(input: { kind: COMPANY, name: "C d.o.o.", municipality: "kranj" }) { id } }`)).createOrganisation.id;
    await as('other company owner', `mutation { createOrganisation(input: { kind: COMPANY, name: "D d.o.o.", municipality: "bled" }) { id } }`);
    const need = (title: string) => as('company owner', `mutation($o: ID!, $t: String!) { createNeed(input: { ownerOrganisationId: $o, title: { sl: $t }, description: { sl: "Opis." } }) { id } }`, { o: ids.company, t: title });
    ids.need = (await need('Objavljena')).createNeed.id;
    ids.draftNeed = (await need('Osnutek')).createNeed.id;
    await as('company owner', `mutation($id: ID!) { publishNeed(id: $id) { id } }`, { id: ids.need });
    ids.profile = (await as('creative', `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Creative", municipality: "kranj" }) { id } }`)).createCreativeProfile.id;
    await signIn('creative', await db.getRepository<AccountEntity>('account').findOneByOrFail({ email: 'creative@example.si' }));
    await as('creative', `mutation { setMatchingConsent(consent: true) { id } }`);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets the rightful callers through (positive controls)', async () => {
    const read = async (who: string, row: Row) => gql<Data>(t.app, row.query, row.vars(ids), { token: tokens.get(who) ?? undefined });
    expect((await read('municipality owner', MUNICIPAL_ROWS[0])).data?.municipalComplianceStatus.row.compliant).toBe(false);
    expect((await read('organiser', MUNICIPAL_ROWS[0])).data?.municipalComplianceStatus.year).toBeGreaterThan(2025);
    expect((await read('company owner', MUNICIPAL_ROWS[2])).data?.organisationNeeds.totalCount).toBe(2);
    expect((await read('company owner', MUNICIPAL_ROWS[3])).data?.contactCreativeAboutNeed).toBe(true);
    expect((await read('municipality owner', MUNICIPAL_ROWS[1])).data?.startYearlyChallenge.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  for (const row of MUNICIPAL_ROWS) {
    for (const who of MUNICIPAL_OUTSIDERS.filter((w) => !row.allows?.includes(w))) {
      it(`${who} cannot ${row.name}`, async () => {
        const res = await gql<Data>(t.app, row.query, row.vars(ids), { token: tokens.get(who) ?? undefined });
        expect(res.data).toBeNull();
        const error = res.errors?.[0];
        if (who === 'anonymous') {
          expect(error?.extensions.code).toBe('UNAUTHENTICATED');
          return;
        }
        if (!row.hidden) {
          expect(error?.extensions.code).toBe('FORBIDDEN');
          return;
        }
        expect(error?.extensions.code).toBe('NOT_FOUND');
        const target = row.target(ids);
        const vars = JSON.parse(JSON.stringify(row.vars(ids)).split(target).join(RANDOM)) as Record<string, unknown>;
        const random = await gql<Data>(t.app, row.query, vars, { token: tokens.get(who) ?? undefined });
        expect(random.errors?.[0].extensions.code).toBe(error?.extensions.code);
        expect(random.errors?.[0].message.split(RANDOM).join('<id>')).toBe(error?.message.split(target).join('<id>'));
      });
    }
  }
});

/**
 * Issue 15, items 4 and 7 (proposals received, jury page): the jury page and the proposal counts
 * of organisation A's challenges, for every outsider role.
 */
describe('authorisation: proposals received and the jury page (e2e)', () => {
  let t: TestApp;
  const tokens = new Map<string, string | null>();
  const ids: Ids = {};
  const RANDOM = '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab';
  const as = (who: string, query: string, variables: Record<string, unknown> = {}) => gql<Data>(t.app, query, variables, { token: tokens.get(who) ?? undefined });
  const ROOM = `query($c: ID!) { juryRoom(challengeId: $c) { isJuror canRank queue { proposal { id } } ranking { rank } } }`;
  const COUNTS = `query($c: ID!) { challenge(id: $c) { proposalCounts { submitted } } }`;

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
    const ok = async (who: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await as(who, query, variables);
      if (res.errors) throw new Error(`${who}: ${JSON.stringify(res.errors)}`);
      return res.data as Data;
    };
    tokens.set('anonymous', null);
    await signIn('owner A', await account('owner-a@example.si'));
    ids.org = (await ok('owner A', `mutation { createOrganisation(input: { kind: COMPANY, name: "A d.o.o.", municipality: "kranj" }) { id } }`)).createOrganisation.id;
    const reviewer = await account('reviewer-a@example.si');
    await db.query(`INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, 'reviewer')`, [ids.org, reviewer.id]);
    await signIn('reviewer A', reviewer);
    await signIn('other company owner', await account('owner-b@example.si'));
    await ok('other company owner', `mutation { createOrganisation(input: { kind: COMPANY, name: "B d.o.o.", municipality: "bled" }) { id } }`);
    await signIn('organiser', await account('organiser@example.si', [PlatformRole.Organiser]));
    await signIn('creative A', await account('creative-a@example.si'));
    await ok('creative A', `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Creative A", municipality: "kranj" }) { id } }`);
    await signIn('other creative', await account('creative-b@example.si'));
    await ok('other creative', `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Creative B", municipality: "bled" }) { id } }`);
    const jurorA = await account('juror-a@example.si');
    await signIn('juror A', jurorA);
    const jurorElsewhere = await account('juror@example.si');
    await signIn('juror elsewhere', jurorElsewhere);
    const challenge = async (title: string) => (await ok('owner A', `mutation($o: ID!, $t: String!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: $t }, brief: { sl: "Kratek opis." } }) { id } }`, { o: ids.org, t: title })).createChallenge.id as string;
    ids.draft = await challenge('Osnutek');
    ids.open = await challenge('Odprt');
    await ok('owner A', `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: ids.open });
    const proposal = (await ok('creative A', `mutation($c: ID!) { createProposal(input: { challengeId: $c, title: { sl: "Predlog" }, body: { sl: "Besedilo" } }) { id } }`, { c: ids.open })).createProposal.id;
    await ok('creative A', `mutation($id: ID!) { submitProposal(id: $id) { id } }`, { id: proposal });
    await db.query(`INSERT INTO jury_member (challenge_id, account_id) VALUES ($1, $2)`, [ids.open, jurorA.id]);
    const other = (await ok('other company owner', `{ me { memberships { organisation { id } } } }`)).me.memberships[0].organisation.id;
    const elsewhere = (await ok('other company owner', `mutation($o: ID!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: "Drugje" } }) { id } }`, { o: other })).createChallenge.id;
    await db.query(`INSERT INTO jury_member (challenge_id, account_id) VALUES ($1, $2)`, [elsewhere, jurorElsewhere.id]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets the members and the jury in (positive controls)', async () => {
    expect((await as('owner A', ROOM, { c: ids.open })).data?.juryRoom).toMatchObject({ isJuror: false, canRank: true });
    expect((await as('reviewer A', ROOM, { c: ids.open })).data?.juryRoom).toMatchObject({ isJuror: false, canRank: true });
    // A juror before submissions close: a seat, no queue yet, never the ranking.
    expect((await as('juror A', ROOM, { c: ids.open })).data?.juryRoom).toEqual({ isJuror: true, canRank: false, queue: [], ranking: null });
    expect((await as('reviewer A', COUNTS, { c: ids.open })).data?.challenge.proposalCounts).toEqual({ submitted: 1 });
    expect((await as('juror A', COUNTS, { c: ids.open })).data?.challenge.proposalCounts).toBeNull();
  });

  for (const who of OUTSIDERS) {
    it(`${who} cannot open the jury page of a challenge (FORBIDDEN) nor of a draft (NOT_FOUND, as a random id)`, async () => {
      const open = await as(who, ROOM, { c: ids.open });
      expect(open.data).toBeNull();
      expect(open.errors?.[0].extensions.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      if (who === 'anonymous') return;
      const draft = await as(who, ROOM, { c: ids.draft });
      const random = await as(who, ROOM, { c: RANDOM });
      expect(draft.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(random.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(random.errors?.[0].message.split(RANDOM).join('<id>')).toBe(draft.errors?.[0].message.split(ids.draft).join('<id>'));
    });

    it(`${who} sees no proposal counts of a public challenge`, async () => {
      const res = await as(who, COUNTS, { c: ids.open });
      expect(res.errors).toBeUndefined();
      expect(res.data?.challenge.proposalCounts).toBeNull();
    });
  }
});

/** Issue 15, challenge editor and matching creatives: the work list and "invite to apply". */
describe('authorisation: challenge editor and matching creatives (e2e)', () => {
  let t: TestApp;
  const tokens = new Map<string, string | null>();
  const ids: Ids = {};
  const MINE = `{ myOrganisationChallenges(first: 50) { totalCount nodes { id } } }`;
  const INVITE = `mutation($c: ID!, $p: ID!) { inviteCreatives(challengeId: $c, creativeProfileIds: [$p]) }`;
  const MATCHES = `query($id: ID!) { challengeMatches(id: $id) { totalCount } }`;
  const INVITED = `query($id: ID!) { challenge(id: $id) { invitedCreatives { id } } }`;
  const as = (who: string, query: string, variables: Record<string, unknown> = {}) => gql<Data>(t.app, query, variables, { token: tokens.get(who) ?? undefined });

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
    const ok = async (who: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await as(who, query, variables);
      if (res.errors) throw new Error(`${who}: ${JSON.stringify(res.errors)}`);
      return res.data as Data;
    };
    tokens.set('anonymous', null);
    await signIn('owner A', await account('owner-a@example.si'));
    ids.org = (await ok('owner A', `mutation { createOrganisation(input: { kind: COMPANY, name: "A d.o.o.", municipality: "kranj" }) { id } }`)).createOrganisation.id;
    for (const [name, role] of [['editor A', OrganisationRole.Editor], ['reviewer A', OrganisationRole.Reviewer]] as const) {
      const a = await account(`${role}-a@example.si`);
      await db.query(`INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, $3)`, [ids.org, a.id, role]);
      await signIn(name, a);
    }
    await signIn('other company owner', await account('owner-b@example.si'));
    await ok('other company owner', `mutation { createOrganisation(input: { kind: COMPANY, name: "B d.o.o.", municipality: "bled" }) { id } }`);
    await signIn('organiser', await account('organiser@example.si', [PlatformRole.Organiser]));
    await signIn('creative A', await account('creative-a@example.si'));
    ids.profile = (await ok('creative A', `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Creative A", municipality: "kranj" }) { id } }`)).createCreativeProfile.id;
    await ok('creative A', `mutation { setMatchingConsent(consent: true) { matchingConsent } }`);
    await signIn('other creative', await account('creative-b@example.si'));
    ids.draft = (await ok('owner A', `mutation { createChallenge(input: { ownerOrganisationId: "${ids.org}", title: { sl: "Osnutek" } }) { id } }`)).createChallenge.id;
    ids.open = (await ok('owner A', `mutation { createChallenge(input: { ownerOrganisationId: "${ids.org}", title: { sl: "Odprt" }, brief: { sl: "Opis." } }) { id } }`)).createChallenge.id;
    await ok('owner A', `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: ids.open });
  });

  afterAll(async () => {
    await t?.close();
  });

  it("lists an organisation's challenges (drafts too) to its members only", async () => {
    for (const who of ['owner A', 'editor A', 'reviewer A']) {
      expect((await as(who, MINE)).data?.myOrganisationChallenges.nodes.map((n: Data) => n.id).sort()).toEqual([ids.draft, ids.open].sort());
    }
    for (const who of ['other company owner', 'organiser', 'creative A', 'other creative']) {
      expect((await as(who, MINE)).data?.myOrganisationChallenges).toEqual({ totalCount: 0, nodes: [] });
    }
    expect((await as('anonymous', MINE)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lets owners and editors invite to apply; reviewers and outsiders are refused', async () => {
    for (const who of ['reviewer A', 'other company owner', 'organiser', 'creative A', 'other creative']) {
      const res = await as(who, INVITE, { c: ids.open, p: ids.profile });
      expect(res.data).toBeNull();
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    // A draft is hidden from outsiders: the same answer as for an id that does not exist.
    for (const who of ['other company owner', 'creative A']) {
      const draft = await as(who, INVITE, { c: ids.draft, p: ids.profile });
      const random = await as(who, INVITE, { c: '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab', p: ids.profile });
      expect(draft.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(random.errors?.[0].extensions.code).toBe('NOT_FOUND');
    }
    expect((await as('anonymous', INVITE, { c: ids.open, p: ids.profile })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await as('editor A', INVITE, { c: ids.open, p: ids.profile })).data?.inviteCreatives).toEqual([ids.profile]);
  });

  it("shows whom the company invited and its matches to the company's members only", async () => {
    expect((await as('reviewer A', INVITED, { id: ids.open })).data?.challenge.invitedCreatives).toEqual([{ id: ids.profile }]);
    for (const who of ['anonymous', 'other company owner', 'organiser', 'creative A']) {
      expect((await as(who, INVITED, { id: ids.open })).data?.challenge.invitedCreatives).toBeNull();
    }
    expect((await as('reviewer A', MATCHES, { id: ids.open })).errors).toBeUndefined();
    for (const who of ['anonymous', 'other company owner', 'organiser', 'creative A']) {
      const res = await as(who, MATCHES, { id: ids.open });
      expect(res.data).toBeNull();
      expect(['FORBIDDEN', ...(who === 'anonymous' ? ['UNAUTHENTICATED'] : [])]).toContain(res.errors?.[0].extensions.code);
    }
  });
});
