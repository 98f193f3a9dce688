import { ChallengesService } from '@app/marketplace';
import { eventually } from '@app/testing';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { linkTokenIn, mailTo, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller, OPERATOR_TOKEN } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The whole challenge flow through GraphQL, as each kind of user: a company posts a call with a
 * budget pool and a rubric, creatives (one team) submit, a jury reviews blind with conflict
 * declarations, the owner awards within the pool and publishes, authors are notified, the
 * outcome is recorded and reported to the organiser.
 */
describe('proposals, jury and awards (e2e)', () => {
  let t: TestApp;
  let owner: TestUser, reviewer: TestUser, lead: TestUser, coAuthor: TestUser, rival: TestUser, juror1: TestUser, juror2: TestUser, stranger: TestUser;
  let challengeId: string, proposalA: string, proposalB: string, criteria: { id: string }[];
  const { call, ok, code } = caller(() => t.app);

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    [owner, reviewer, lead, coAuthor, rival, juror1, juror2, stranger] = await Promise.all(
      ['owner@alpina.example', 'reviewer@alpina.example', 'lead@studio.example', 'co@studio.example', 'rival@example.si', 'j1@jury.example', 'j2@jury.example', 'stranger@example.si']
        .map((email) => verifiedUser(t.app, t.dataDir, email)),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs a call from publication to an award within the pool, blind and confidential throughout', async () => {
    // The company and its call.
    const orgId = (await ok(owner, `mutation { createOrganisation(input: { kind: COMPANY, name: "Alpina (test)", municipality: "ziri" }) { id } }`)).createOrganisation.id;
    const invite = await ok(owner, `mutation($o: ID!) { inviteOrganisationMember(organisationId: $o, email: "reviewer@alpina.example", role: REVIEWER, locale: en) { id } }`, { o: orgId });
    expect(invite.inviteOrganisationMember.id).toBeTruthy();
    await ok(reviewer, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: linkTokenIn(await mailTo(t.dataDir, 'reviewer@alpina.example', 'invitations/accept'), 'invitations/accept') });
    const created = await ok(owner, `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id evaluationCriteria { id } } }`, {
      input: {
        ownerOrganisationId: orgId, title: { sl: 'Modrotisk na usnju' }, brief: { sl: 'Sodobna interpretacija modrotiska na usnju za pohodne čevlje.' },
        totalBudgetEur: 15000, awardsCount: 2, rewards: [{ kind: 'PRIZE_MONEY', amountEur: 15000 }],
        criteria: [{ name: { en: 'Idea' }, weight: 70 }, { name: { en: 'Craft' }, weight: 30 }],
      },
    });
    challengeId = created.createChallenge.id;
    criteria = created.createChallenge.evaluationCriteria;
    expect(await code(reviewer, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: challengeId })).toBe('FORBIDDEN');
    expect(await code(stranger, `query($id: ID!) { challenge(id: $id) { id } }`, { id: challengeId })).toBe('NOT_FOUND');
    await ok(owner, `mutation($id: ID!, $input: UpdateChallengeInput!) { updateChallenge(id: $id, input: $input) { id } }`, { id: challengeId, input: { deadline: new Date(Date.now() + 6000).toISOString() } });
    await ok(owner, `mutation($id: ID!) { publishChallenge(id: $id) { status } }`, { id: challengeId });

    // Creatives: a team of two, and a rival.
    for (const [user, name] of [[lead, 'Studio Indigo'], [coAuthor, 'Maja Co'], [rival, 'Rival Design']] as const) {
      await ok(user, `mutation($n: String!) { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: $n, municipality: "kranj" }) { id } }`, { n: name });
    }
    const coProfile = (await ok(coAuthor, `{ me { creativeProfileId } }`)).me.creativeProfileId;
    const a = await ok(lead, `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id status blindCode authors { role creativeProfile { displayName } } } }`, {
      input: { challengeId, title: { sl: 'Indigo gaz' }, body: { sl: 'Modrotisk s šablono na naravnem usnju.' }, coAuthorIds: [coProfile] },
    });
    proposalA = a.createProposal.id;
    expect(a.createProposal.authors).toEqual([{ role: 'LEAD', creativeProfile: { displayName: 'Studio Indigo' } }, { role: 'CO_AUTHOR', creativeProfile: { displayName: 'Maja Co' } }]);
    const upload = await request(t.app.getHttpServer()).post(`/proposals/${proposalA}/attachments`).set('authorization', `Bearer ${lead.token}`)
      .attach('file', Buffer.from('%PDF-1.4\n% Studio Indigo portfolio\n'), 'Studio-Indigo-portfolio.pdf');
    expect(upload.status).toBe(201);
    expect(await code(coAuthor, `mutation($id: ID!) { submitProposal(id: $id) { id } }`, { id: proposalA })).toBe('FORBIDDEN');
    await ok(coAuthor, `mutation($id: ID!) { updateProposal(id: $id, input: { requestedEur: 9000 }) { id } }`, { id: proposalA });
    await ok(lead, `mutation($id: ID!) { submitProposal(id: $id) { status } }`, { id: proposalA });
    proposalB = (await ok(rival, `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`, {
      input: { challengeId, title: { en: 'Blueprint tread' }, body: { en: 'Indigo resist print on the tongue.' } },
    })).createProposal.id;
    expect(await code(rival, `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`, { input: { challengeId, title: { en: 'Second' } } })).toBe('INVALID_STATE');
    await ok(rival, `mutation($id: ID!) { submitProposal(id: $id) { status } }`, { id: proposalB });

    // Confidential: never to other creatives or strangers; the owner's members see authors; only a count is public.
    expect(await code(rival, `query($id: ID!) { proposal(id: $id) { id } }`, { id: proposalA })).toBe('NOT_FOUND');
    expect(await code(stranger, `query($id: ID!) { proposal(id: $id) { id } }`, { id: proposalA })).toBe('NOT_FOUND');
    expect(await code(rival, `query($c: ID!) { challengeProposals(challengeId: $c) { id } }`, { c: challengeId })).toBe('FORBIDDEN');
    const asReviewer = await ok(reviewer, `query($c: ID!) { challengeProposals(challengeId: $c) { id authors { creativeProfile { displayName } } } }`, { c: challengeId });
    expect(asReviewer.challengeProposals).toHaveLength(2);
    expect((await ok(null, `query($id: ID!) { challenge(id: $id) { submittedProposalCount } }`, { id: challengeId })).challenge.submittedProposalCount).toBe(2);

    // The jury, invited by mail.
    for (const juror of [juror1, juror2]) {
      await ok(owner, `mutation($c: ID!, $e: String!) { inviteJuror(challengeId: $c, email: $e, locale: en) { id } }`, { c: challengeId, e: juror.email });
      await ok(juror, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: linkTokenIn(await mailTo(t.dataDir, juror.email, 'invitations/accept'), 'invitations/accept') });
    }
    expect(await code(juror1, `query($c: ID!) { challengeProposals(challengeId: $c) { id } }`, { c: challengeId })).toBe('FORBIDDEN');

    // The deadline passes: submissions close (the scheduled sweep), late changes are refused.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 6500)));
    await t.app.get(ChallengesService).closeDueSubmissions();
    expect(await code(lead, `mutation($id: ID!) { updateProposal(id: $id, input: { requestedEur: 1 }) { id } }`, { id: proposalA })).toBe('INVALID_STATE');
    expect(await code(owner, `mutation($p: ID!) { awardProposal(proposalId: $p, amountEur: 1, reason: { en: "early" }) { id } }`, { p: proposalA })).toBe('INVALID_STATE');
    await ok(owner, `mutation($id: ID!) { startChallengeReview(id: $id) { status } }`, { id: challengeId });

    // Blind review: no authors, no submission times, blind file names.
    const blind = await ok(juror1, `query($c: ID!) { challengeProposals(challengeId: $c) { id blindCode authors { role } submittedAt attachments { fileName } } }`, { c: challengeId });
    const blindA = blind.challengeProposals.find((p: Data) => p.id === proposalA);
    expect(blindA).toEqual({ id: proposalA, blindCode: expect.stringMatching(/^P-[A-Z2-9]{4}$/), authors: [], submittedAt: null, attachments: [{ fileName: `${blindA.blindCode}-1.pdf` }] });
    const file = await request(t.app.getHttpServer()).get(`/attachments/${upload.body.id}`).set('authorization', `Bearer ${juror1.token}`);
    expect(file.headers['content-disposition']).toContain(`${blindA.blindCode}-1.pdf`);
    expect(file.headers['content-disposition']).not.toContain('Indigo');
    expect((await request(t.app.getHttpServer()).get(`/attachments/${upload.body.id}`).set('authorization', `Bearer ${rival.token}`)).status).toBe(404);

    // Conflicts first, then a full rubric.
    const rubric = (idea: number, craft: number) => [{ criterionId: criteria[0].id, score: idea, comment: 'ok' }, { criterionId: criteria[1].id, score: craft }];
    const SCORE = `mutation($p: ID!, $s: [RubricScoreInput!]!) { scoreProposal(proposalId: $p, scores: $s) { score } }`;
    expect(await code(juror1, SCORE, { p: proposalA, s: rubric(9, 8) })).toBe('INVALID_STATE');
    for (const p of [proposalA, proposalB]) await ok(juror1, `mutation($p: ID!) { declareConflictOfInterest(proposalId: $p, hasConflict: false) }`, { p });
    expect((await call(juror1, SCORE, { p: proposalA, s: [{ criterionId: criteria[0].id, score: 9 }] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scores' });
    expect((await call(juror1, SCORE, { p: proposalA, s: rubric(11, 8) })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    await ok(juror1, SCORE, { p: proposalA, s: rubric(9, 8) });
    await ok(juror1, SCORE, { p: proposalB, s: rubric(6, 7) });
    expect(await code(juror2, `mutation($p: ID!) { declareConflictOfInterest(proposalId: $p, hasConflict: true) }`, { p: proposalA })).toBe('BAD_USER_INPUT');
    await ok(juror2, `mutation($p: ID!) { declareConflictOfInterest(proposalId: $p, hasConflict: true, reason: "I taught the lead author") }`, { p: proposalA });
    expect(await code(juror2, SCORE, { p: proposalA, s: rubric(1, 1) })).toBe('INVALID_STATE');
    await ok(juror2, `mutation($p: ID!) { declareConflictOfInterest(proposalId: $p, hasConflict: false) }`, { p: proposalB });
    await ok(juror2, SCORE, { p: proposalB, s: rubric(8, 8) });
    expect(await code(rival, SCORE, { p: proposalB, s: rubric(10, 10) })).toBe('FORBIDDEN');

    const RANKING = `query($c: ID!) { challengeRanking(challengeId: $c) { entries { rank rawScore normalisedScore jurorCount proposal { id blindCode authors { role } } } } }`;
    const ranking = (await ok(owner, RANKING, { c: challengeId })).challengeRanking.entries;
    expect(ranking.map((e: Data) => [e.proposal.id, e.jurorCount])).toEqual([[proposalA, 1], [proposalB, 2]]);
    expect(ranking[0].rawScore).toBeCloseTo(0.7 * 9 + 0.3 * 8, 3);
    expect((await ok(juror2, RANKING, { c: challengeId })).challengeRanking.entries.every((e: Data) => e.proposal.authors.length === 0)).toBe(true);
    expect(await code(rival, RANKING, { c: challengeId })).toBe('FORBIDDEN');

    // Awards within the pool: 10,000 + 6,000 > 15,000 is refused; 5,000 fits.
    const AWARD = `mutation($p: ID!, $eur: Int!) { awardProposal(proposalId: $p, amountEur: $eur, reason: { sl: "Izvirno in izvedljivo.", en: "Original and feasible." }) { outcome awardEur } }`;
    expect(await code(reviewer, AWARD, { p: proposalA, eur: 10000 })).toBe('FORBIDDEN');
    await ok(owner, AWARD, { p: proposalA, eur: 10000 });
    const over = await call(owner, AWARD, { p: proposalB, eur: 6000 });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountEur' });
    expect(over.errors?.[0].message).toContain('5000 EUR left of 15000 EUR');
    await ok(owner, AWARD, { p: proposalB, eur: 5000 });
    // Staged, not public: authors do not see an outcome yet.
    expect((await ok(lead, `query($id: ID!) { proposal(id: $id) { outcome } }`, { id: proposalA })).proposal.outcome).toBeNull();
    await ok(owner, `mutation($c: ID!) { publishAwardDecision(challengeId: $c, decision: { sl: "Žirija je izbrala dva predloga.", en: "The jury chose two proposals." }) { status } }`, { c: challengeId });

    const pub = await ok(null, `query($id: ID!) { challenge(id: $id) { status decision { en } budgetPool { totalEur awardedEur remainingEur awardsMade } awards { authors amountEur reason { en } } } }`, { id: challengeId });
    expect(pub.challenge).toMatchObject({ status: 'AWARDED', decision: { en: 'The jury chose two proposals.' }, budgetPool: { totalEur: 15000, awardedEur: 15000, remainingEur: 0, awardsMade: 2 } });
    expect(pub.challenge.awards).toContainEqual({ authors: ['Studio Indigo', 'Maja Co'], amountEur: 10000, reason: { en: 'Original and feasible.' } });
    expect((await ok(coAuthor, `query($id: ID!) { proposal(id: $id) { outcome awardEur } }`, { id: proposalA })).proposal).toEqual({ outcome: 'AWARDED', awardEur: 10000 });

    // Every author account is told once (the notification job), through the outbox. (The organisation's members heard of each submission: other kinds.)
    const db = t.app.get<DataSource>(getDataSourceToken());
    const rows = await eventually(async () => {
      const r = (await db.query(`SELECT account_id, kind FROM notification WHERE subject_id = ANY($1::uuid[]) AND kind IN ('proposal-awarded', 'proposal-not-awarded') ORDER BY kind`, [[proposalA, proposalB]])) as { account_id: string; kind: string }[];
      return r.length >= 3 ? r : undefined;
    }, 20_000, 'outcome notifications');
    expect(rows.map((r) => r.account_id).sort()).toEqual([lead.accountId, coAuthor.accountId, rival.accountId].sort());

    // Outcomes, and the organiser's yearly CSV.
    const today = new Date().toISOString().slice(0, 10);
    const OUTCOME = `mutation($p: ID!, $input: AwardOutcomeInput!) { recordAwardOutcome(proposalId: $p, input: $input) { kind } }`;
    expect(await code(rival, OUTCOME, { p: proposalA, input: { kind: 'CONTRACT', occurredOn: today } })).toBe('NOT_FOUND');
    await ok(owner, OUTCOME, { p: proposalA, input: { kind: 'CONTRACT', description: '=HYPERLINK("x") production run of 500 pairs', valueEur: 20000, occurredOn: today } });
    const year = new Date().getFullYear();
    expect((await request(t.app.getHttpServer()).get(`/reports/outcomes.csv?year=${year}`).set('authorization', `Bearer ${owner.token}`)).status).toBe(403);
    const csv = await request(t.app.getHttpServer()).get(`/reports/outcomes.csv?year=${year}`).set('authorization', `Bearer ${OPERATOR_TOKEN}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('challenge_id,challenge_title,challenge_kind,owner,decided_on,blind_code,proposal_title,lead_creative,award_eur,outcome,outcome_description,outcome_value_eur,outcome_on');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('Studio Indigo'))).toContain(`,10000,CONTRACT,"'=HYPERLINK(""x"") production run of 500 pairs",20000,${today}`);
  });
});
