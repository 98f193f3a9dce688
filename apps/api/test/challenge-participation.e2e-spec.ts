import { ChallengesService, SearchDriftCheck } from '@app/marketplace';
import { eventually } from '@app/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { linkTokenIn, mailTo, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CREATE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishChallenge(id: $id) { status } }`;
const PROPOSE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitProposal(id: $id) { status } }`;
const AWARD = `mutation($p: ID!, $eur: Int!) { awardProposal(proposalId: $p, amountEur: $eur, reason: { en: "Best full proposal." }) { id } }`;
const SHORTLIST = `mutation($c: ID!, $p: [ID!]!, $d: DateTime!) { shortlistProposals(challengeId: $c, proposalIds: $p, stageTwoDeadline: $d) { status stage deadline } }`;

/**
 * How creatives take part before and around proposals: invite-only challenges, public questions
 * and answers, and the paid shortlist of two-stage challenges — as each kind of user, through GraphQL.
 */
describe('invite-only challenges, public Q&A, two-stage shortlists (e2e)', () => {
  let t: TestApp;
  let owner: TestUser, invited: TestUser, outsider: TestUser, third: TestUser;
  let orgId: string, invitedProfile: string;
  const { call, ok, code } = caller(() => t.app);
  const inbox = async (accountId: string, subjectId: string) => {
    const db = t.app.get<DataSource>(getDataSourceToken());
    return ((await db.query(`SELECT kind FROM notification WHERE account_id = $1 AND subject_id = $2 ORDER BY kind`, [accountId, subjectId])) as { kind: string }[]).map((r) => r.kind);
  };
  const hour = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
  /** The scheduled sweep, run as if the deadline had passed, then review starts. */
  const closeAndReview = async (challengeId: string) => {
    await t.app.get(ChallengesService).closeDueSubmissions(new Date(Date.now() + 5 * 3_600_000));
    await ok(owner, `mutation($id: ID!) { startChallengeReview(id: $id) { status } }`, { id: challengeId });
  };

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    [owner, invited, outsider, third] = await Promise.all(
      ['owner@obcina.example', 'invited@studio.example', 'outsider@example.si', 'third@example.si'].map((email) => verifiedUser(t.app, t.dataDir, email)),
    );
    orgId = (await ok(owner, `mutation { createOrganisation(input: { kind: MUNICIPALITY, name: "Občina Test", municipality: "radovljica" }) { id } }`)).createOrganisation.id;
    for (const [user, name] of [[invited, 'Studio Povabljeni'], [outsider, 'Zunanji Oblikovalec'], [third, 'Tretji Studio']] as const) {
      await ok(user, `mutation($n: String!) { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: $n, municipality: "bled" }) { id } }`, { n: name });
    }
    invitedProfile = (await ok(invited, `{ me { creativeProfileId } }`)).me.creativeProfileId;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows an invite-only challenge only to the owner, the invited creatives and its jury; never in search', async () => {
    const challengeId = (await ok(owner, CREATE, {
      input: { ownerOrganisationId: orgId, visibility: 'INVITE_ONLY', title: { sl: 'Zaprti natečaj lectarstvo' }, brief: { sl: 'Lectova srca za občinsko protokolarno darilo.' }, deadline: hour(2) },
    })).createChallenge.id;
    const publicId = (await ok(owner, CREATE, {
      input: { ownerOrganisationId: orgId, title: { sl: 'Odprti natečaj lectarstvo' }, brief: { sl: 'Lectova srca za vse.' }, deadline: hour(2) },
    })).createChallenge.id;
    // On a public challenge an invitation asks a matched creative to apply: only with matching consent (this profile has none).
    expect(await code(owner, `mutation($c: ID!, $p: [ID!]!) { inviteCreatives(challengeId: $c, creativeProfileIds: $p) }`, { c: publicId, p: [invitedProfile] })).toBe('BAD_USER_INPUT');
    expect(await code(invited, `mutation($c: ID!, $p: [ID!]!) { inviteCreatives(challengeId: $c, creativeProfileIds: $p) }`, { c: challengeId, p: [invitedProfile] })).toBe('NOT_FOUND');
    const unknown = await call(owner, `mutation($c: ID!, $p: [ID!]!) { inviteCreatives(challengeId: $c, creativeProfileIds: $p) }`, { c: challengeId, p: [invitedProfile, '00000000-0000-4000-8000-000000000001'] });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creativeProfileIds.1' });
    expect((await ok(owner, `mutation($c: ID!, $p: [ID!]!) { inviteCreatives(challengeId: $c, creativeProfileIds: $p) }`, { c: challengeId, p: [invitedProfile] })).inviteCreatives).toEqual([invitedProfile]);
    // Invited while a draft: not told yet, and cannot see it yet.
    expect(await inbox(invited.accountId, challengeId)).toEqual([]);
    expect(await code(invited, `query($id: ID!) { challenge(id: $id) { id } }`, { id: challengeId })).toBe('NOT_FOUND');
    await ok(owner, PUBLISH, { id: challengeId });
    await ok(owner, PUBLISH, { id: publicId });
    expect(await inbox(invited.accountId, challengeId)).toEqual(['challenge-invitation']);
    expect(await code(owner, `mutation($id: ID!) { updateChallenge(id: $id, input: { visibility: PUBLIC }) { id } }`, { id: challengeId })).toBe('INVALID_STATE');

    // Outsiders: not in the list, not by id, cannot propose; no existence leak.
    for (const user of [null, outsider]) {
      expect(await code(user, `query($id: ID!) { challenge(id: $id) { id } }`, { id: challengeId })).toBe('NOT_FOUND');
      const ids = (await ok(user, `{ challenges(first: 50) { nodes { id } } }`)).challenges.nodes.map((n: Data) => n.id);
      expect(ids).toContain(publicId);
      expect(ids).not.toContain(challengeId);
    }
    expect((await call(outsider, PROPOSE, { input: { challengeId, title: { sl: 'Vsiljivec' } } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.challengeId' });
    expect(await code(outsider, `mutation($c: ID!) { askChallengeQuestion(challengeId: $c, language: "sl", question: "Lahko sodelujem?") { id } }`, { c: challengeId })).toBe('NOT_FOUND');

    // The invited creative sees it, proposes; who else was invited stays with the owner.
    const seen = await ok(invited, `query($id: ID!) { challenge(id: $id) { visibility invitedCreatives { id } } }`, { id: challengeId });
    expect(seen.challenge).toEqual({ visibility: 'INVITE_ONLY', invitedCreatives: null });
    expect((await ok(invited, `{ challenges(first: 50) { nodes { id } } }`)).challenges.nodes.map((n: Data) => n.id)).toContain(challengeId);
    await ok(invited, PROPOSE, { input: { challengeId, title: { sl: 'Srce iz medu' } } });
    const ownerView = await ok(owner, `query($id: ID!) { challenge(id: $id) { invitedCreatives { displayName } } }`, { id: challengeId });
    expect(ownerView.challenge.invitedCreatives).toEqual([{ displayName: 'Studio Povabljeni' }]);

    // Search: the public one is indexed, the invite-only one never is.
    await eventually(async () => ((await ok(null, `{ searchChallenges(query: "lectarstvo") { nodes { id } } }`)).searchChallenges.nodes.some((n: Data) => n.id === publicId) ? true : undefined), 20_000, 'public indexed');
    expect((await ok(null, `{ searchChallenges(query: "lectarstvo") { nodes { id } } }`)).searchChallenges.nodes.map((n: Data) => n.id)).not.toContain(challengeId);
    // …and the worker's drift check agrees with the index (no endless reindexing over hidden challenges).
    await eventually(async () => ((await t.app.get(SearchDriftCheck).check()).length === 0 ? true : undefined), 20_000, 'no drift');

    // A juror of the challenge sees it too.
    const juror = await verifiedUser(t.app, t.dataDir, 'juror@jury.example');
    await ok(owner, `mutation($c: ID!, $e: String!) { inviteJuror(challengeId: $c, email: $e, locale: sl) { id } }`, { c: challengeId, e: juror.email });
    expect(await code(juror, `query($id: ID!) { challenge(id: $id) { id } }`, { id: challengeId })).toBe('NOT_FOUND');
    await ok(juror, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: linkTokenIn(await mailTo(t.dataDir, juror.email, 'invitations/accept'), 'invitations/accept') });
    expect((await ok(juror, `query($id: ID!) { challenge(id: $id) { id } }`, { id: challengeId })).challenge.id).toBe(challengeId);

    // Taking the invitation back closes the door at once (the proposal stays with its authors).
    await ok(owner, `mutation($c: ID!, $p: ID!) { uninviteCreative(challengeId: $c, creativeProfileId: $p) }`, { c: challengeId, p: invitedProfile });
    expect(await code(invited, `query($id: ID!) { challenge(id: $id) { id } }`, { id: challengeId })).toBe('NOT_FOUND');
    expect((await ok(invited, `{ myProposals { title { sl } } }`)).myProposals).toEqual([{ title: { sl: 'Srce iz medu' } }]);
  });

  it('runs public Q&A: creatives ask, the owner answers for everyone, the asker is never shown', async () => {
    const challengeId = (await ok(owner, CREATE, {
      input: { ownerOrganisationId: orgId, title: { sl: 'Klopi za park' }, brief: { sl: 'Klopi iz lokalnega lesa.' }, deadline: hour(2) },
    })).createChallenge.id;
    const ASK = `mutation($c: ID!, $q: String!) { askChallengeQuestion(challengeId: $c, language: "sl", question: $q) { id question answer { sl } askedByMe } }`;
    const QUESTIONS = `query($id: ID!) { challenge(id: $id) { questions { id question answer { sl en } askedByMe } } }`;
    expect(await code(invited, ASK, { c: challengeId, q: 'Pred objavo?' })).toBe('NOT_FOUND');
    await ok(owner, PUBLISH, { id: challengeId });

    expect(await code(null, ASK, { c: challengeId, q: 'Anonimno?' })).toBe('UNAUTHENTICATED');
    expect(await code(owner, ASK, { c: challengeId, q: 'Sami sebi?' })).toBe('FORBIDDEN');
    expect((await call(invited, ASK, { c: challengeId, q: '   ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'question' });
    const asked = (await ok(invited, ASK, { c: challengeId, q: 'Ali je hrast dovoljen?' })).askChallengeQuestion;
    expect(asked).toMatchObject({ question: 'Ali je hrast dovoljen?', answer: null, askedByMe: true });
    expect(await inbox(owner.accountId, challengeId)).toContain('challenge-question');

    // Unanswered: the asker and the owner see it; others do not, and cannot answer or remove it.
    expect((await ok(outsider, QUESTIONS, { id: challengeId })).challenge.questions).toEqual([]);
    expect((await ok(null, QUESTIONS, { id: challengeId })).challenge.questions).toEqual([]);
    expect((await ok(owner, QUESTIONS, { id: challengeId })).challenge.questions).toEqual([{ id: asked.id, question: 'Ali je hrast dovoljen?', answer: null, askedByMe: false }]);
    expect(await code(outsider, `mutation($id: ID!) { answerChallengeQuestion(id: $id, answer: { sl: "Da." }) { id } }`, { id: asked.id })).toBe('NOT_FOUND');
    expect(await code(outsider, `mutation($id: ID!) { removeChallengeQuestion(id: $id) }`, { id: asked.id })).toBe('NOT_FOUND');

    // At most a few unanswered per asker.
    for (let i = 2; i <= 5; i += 1) await ok(invited, ASK, { c: challengeId, q: `Vprašanje ${i}?` });
    expect(await code(invited, ASK, { c: challengeId, q: 'Šesto?' })).toBe('INVALID_STATE');
    const mine = (await ok(invited, QUESTIONS, { id: challengeId })).challenge.questions as Data[];
    expect(mine).toHaveLength(5);
    expect(await ok(invited, `mutation($id: ID!) { removeChallengeQuestion(id: $id) }`, { id: mine[4].id })).toEqual({ removeChallengeQuestion: true });

    // Answered: public, in both languages, without who asked; the asker is told.
    expect((await call(owner, `mutation($id: ID!) { answerChallengeQuestion(id: $id, answer: { sl: " " }) { id } }`, { id: asked.id })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answer' });
    await ok(owner, `mutation($id: ID!) { answerChallengeQuestion(id: $id, answer: { sl: "Da, hrast je dovoljen.", en: "Yes, oak is allowed." }) { id } }`, { id: asked.id });
    const publicQa = (await ok(null, QUESTIONS, { id: challengeId })).challenge.questions;
    expect(publicQa).toEqual([{ id: asked.id, question: 'Ali je hrast dovoljen?', answer: { sl: 'Da, hrast je dovoljen.', en: 'Yes, oak is allowed.' }, askedByMe: false }]);
    expect(JSON.stringify(await call(null, `query($id: ID!) { challenge(id: $id) { questions { __typename } } }`, { id: challengeId }))).not.toContain(invited.email);
    expect(await inbox(invited.accountId, challengeId)).toContain('challenge-question-answered');
    expect(await code(invited, `mutation($id: ID!) { removeChallengeQuestion(id: $id) }`, { id: asked.id })).toBe('FORBIDDEN');
    expect(await code(outsider, `mutation($id: ID!) { answerChallengeQuestion(id: $id, answer: { sl: "Ne." }) { id } }`, { id: asked.id })).toBe('FORBIDDEN');

    // Questions close with submissions.
    await closeAndReview(challengeId);
    expect(await code(outsider, ASK, { c: challengeId, q: 'Prepozno?' })).toBe('INVALID_STATE');
  });

  it('pays a shortlist from the pool in a two-stage challenge, and awards only the shortlist', async () => {
    const challengeId = (await ok(owner, CREATE, {
      input: {
        ownerOrganisationId: orgId, kind: 'PUBLIC_SERVICE', title: { sl: 'Celostna podoba knjižnice' }, brief: { sl: 'Najprej kratek pristop, nato plačan ožji izbor.' },
        deadline: hour(2), totalBudgetEur: 5000, awardsCount: 1, twoStage: { shortlistSize: 2, shortlistFeeEur: 500 },
      },
    })).createChallenge.id;
    await ok(owner, PUBLISH, { id: challengeId });
    const [a, b, c] = await Promise.all([[invited, 'Pristop A'], [outsider, 'Pristop B'], [third, 'Pristop C']].map(async ([user, title]) => {
      const id = (await ok(user as TestUser, PROPOSE, { input: { challengeId, title: { sl: title }, body: { sl: 'Kratek pristop.' } } })).createProposal.id as string;
      await ok(user as TestUser, SUBMIT, { id });
      return id;
    }));
    await closeAndReview(challengeId);

    // No award before the second stage; the shortlist is bounded, in the future, and the owner's.
    expect(await code(owner, AWARD, { p: a, eur: 1000 })).toBe('INVALID_STATE');
    expect((await call(owner, SHORTLIST, { c: challengeId, p: [a, b, c], d: hour(4) })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'proposalIds' });
    expect((await call(owner, SHORTLIST, { c: challengeId, p: [a, b], d: hour(-1) })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stageTwoDeadline' });
    expect(await code(invited, SHORTLIST, { c: challengeId, p: [a], d: hour(4) })).toBe('FORBIDDEN');
    const opened = (await ok(owner, SHORTLIST, { c: challengeId, p: [a, b], d: hour(4) })).shortlistProposals;
    expect(opened).toMatchObject({ status: 'PUBLISHED', stage: 2 });
    expect(await code(owner, SHORTLIST, { c: challengeId, p: [a, b], d: hour(4) })).toBe('INVALID_STATE');
    const pool = (await ok(null, `query($id: ID!) { challenge(id: $id) { budgetPool { totalEur shortlistFeesEur remainingEur } } }`, { id: challengeId })).challenge.budgetPool;
    expect(pool).toEqual({ totalEur: 5000, shortlistFeesEur: 1000, remainingEur: 4000 });

    // Stage two: only the shortlist develops its proposals; nobody new joins.
    await ok(invited, `mutation($id: ID!) { updateProposal(id: $id, input: { body: { sl: "Celoten predlog s skicami." } }) { id } }`, { id: a });
    expect(await code(third, `mutation($id: ID!) { updateProposal(id: $id, input: { body: { sl: "Še jaz." } }) { id } }`, { id: c })).toBe('INVALID_STATE');
    const late = await verifiedUser(t.app, t.dataDir, 'late@example.si');
    await ok(late, `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Pozni", municipality: "bled" }) { id } }`);
    expect(await code(late, PROPOSE, { input: { challengeId, title: { sl: 'Pozen' } } })).toBe('INVALID_STATE');
    expect((await ok(invited, `query($id: ID!) { proposal(id: $id) { shortlistedAt } }`, { id: a })).proposal.shortlistedAt).not.toBeNull();

    // Every stage-one author hears the shortlist decision once.
    await eventually(async () => ((await inbox(third.accountId, c)).length > 0 && (await inbox(invited.accountId, a)).length > 0 ? true : undefined), 20_000, 'shortlist notifications');
    expect(await inbox(invited.accountId, a)).toEqual(['proposal-shortlisted']);
    expect(await inbox(third.accountId, c)).toEqual(['proposal-not-shortlisted']);

    // Review of the full proposals: awards come from what the fees left, for the shortlist only.
    await closeAndReview(challengeId);
    expect(await code(owner, AWARD, { p: c, eur: 1000 })).toBe('INVALID_STATE');
    const over = await call(owner, AWARD, { p: a, eur: 4500 });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountEur' });
    expect(over.errors?.[0].message).toContain('4000 EUR left of 5000 EUR');
    await ok(owner, AWARD, { p: a, eur: 4000 });
    await ok(owner, `mutation($c: ID!) { publishAwardDecision(challengeId: $c, decision: { sl: "Izbran je predlog A." }) { status } }`, { c: challengeId });
    const decided = await ok(owner, `query($c: ID!) { challengeProposals(challengeId: $c) { id outcome } }`, { c: challengeId });
    expect(Object.fromEntries(decided.challengeProposals.map((p: Data) => [p.id, p.outcome]))).toEqual({ [a]: 'AWARDED', [b]: 'NOT_AWARDED', [c]: null });
    await eventually(async () => ((await inbox(outsider.accountId, b)).length === 2 ? true : undefined), 20_000, 'decision notifications');
    expect(await inbox(outsider.accountId, b)).toEqual(['proposal-not-awarded', 'proposal-shortlisted']);
    expect(await inbox(third.accountId, c)).toEqual(['proposal-not-shortlisted']);
  });
});
