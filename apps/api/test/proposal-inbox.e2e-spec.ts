import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listCaught, type MailCatcher, startMailCatcher } from '@app/notifications';
import { eventually } from '@app/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { linkTokenIn, mailTo, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What the organisation behind a challenge hears and sees (issue 15, items 4 and 7): an inbox row
 * and (by preference) a mail for every member when a proposal is submitted or withdrawn or a
 * question is asked, with a title in the reader's language; proposal counts for members only; the
 * jury page: a blind queue with conflicts taken off and progress, the chair's ranking with
 * disagreements, and nothing for outsiders.
 */
describe('proposals received and the jury page (e2e, worker and real SMTP)', () => {
  let t: TestApp;
  let catcher: MailCatcher;
  let dataDir: string;
  let owner: TestUser, editor: TestUser, reviewer: TestUser, author: TestUser, rival: TestUser, juror: TestUser, juror2: TestUser, stranger: TestUser;
  let orgId: string, challengeId: string, proposalId: string;
  const { ok, code } = caller(() => t.app);
  const db = () => t.app.get<DataSource>(getDataSourceToken());
  const mailDir = () => path.join(dataDir, 'mail');
  const caught = async (to: string, subject: string) => (await listCaught(mailDir())).filter((m) => m.to.includes(to) && m.subject.includes(subject));
  const inbox = async (user: TestUser, kind: string) =>
    ((await ok(user, `{ myNotifications(first: 50) { nodes { kind subjectType subjectId subjectChallengeId title sl: title(locale: sl) en: title(locale: en) emailState } } }`)).myNotifications.nodes as Data[])
      .filter((n) => n.kind === kind);
  const join = async (user: TestUser, role: 'EDITOR' | 'REVIEWER') => {
    await ok(owner, `mutation($o: ID!, $e: String!, $r: OrganisationRole!) { inviteOrganisationMember(organisationId: $o, email: $e, role: $r, locale: en) { id } }`, { o: orgId, e: user.email, r: role });
    await ok(user, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: linkTokenIn(await mailTo(dataDir, user.email, 'invitations/accept'), 'invitations/accept') });
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-received-'));
    catcher = await startMailCatcher({ smtpPort: 0, webPort: 0, dir: path.join(dataDir, 'mail') });
    t = await startTestApp({ worker: true, env: { SMTP_URL: catcher.smtpUrl, DATA_DIR: dataDir } });
    [owner, editor, reviewer, author, rival, juror, juror2, stranger] = await Promise.all(
      ['owner@lectar.example', 'editor@lectar.example', 'reviewer@lectar.example', 'author@studio.example', 'rival@studio.example', 'juror@jury.example', 'juror2@jury.example', 'stranger@example.si']
        .map((email) => verifiedUser(t.app, dataDir, email)),
    );
    orgId = (await ok(owner, `mutation { createOrganisation(input: { kind: COMPANY, name: "Lectar (test)", municipality: "radovljica" }) { id } }`)).createOrganisation.id;
    await join(editor, 'EDITOR');
    await join(reviewer, 'REVIEWER');
    // The owner reads Slovenian; the editor wants no mail about received proposals.
    await ok(owner, `mutation { updateMyAccount(input: { locale: sl }) { id } }`);
    await ok(editor, `mutation { setNotificationPreference(category: RECEIVED, mode: OFF) { category } }`);
    for (const [user, name] of [[author, 'Ana Avtorica'], [rival, 'Rok Tekmec']] as const) {
      await ok(user, `mutation($n: String!) { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: $n, municipality: "kranj" }) { id } }`, { n: name });
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await catcher?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells every member of the organisation about a proposal submitted and withdrawn, and a question asked; mail by preference', async () => {
    challengeId = (await ok(owner, `mutation($o: ID!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: "Lectova srca", en: "Gingerbread hearts" }, brief: { sl: "Lectova srca za darila." }, deadline: "2099-01-01T00:00:00Z" }) { id } }`, { o: orgId })).createChallenge.id;
    await ok(owner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: challengeId });
    const draft = (await ok(author, `mutation($c: ID!) { createProposal(input: { challengeId: $c, title: { sl: "Srce" }, body: { sl: "Lect z modrotiskom." } }) { id } }`, { c: challengeId })).createProposal.id;
    // A draft is the authors' own: nobody is told, and a draft withdrawn unsubmitted stays theirs.
    await ok(author, `mutation($id: ID!) { withdrawProposal(id: $id) { status } }`, { id: draft });
    proposalId = (await ok(author, `mutation($c: ID!) { createProposal(input: { challengeId: $c, title: { sl: "Srce 2" }, body: { sl: "Lect z modrotiskom." } }) { id } }`, { c: challengeId })).createProposal.id;
    await ok(author, `mutation($id: ID!) { submitProposal(id: $id) { status } }`, { id: proposalId });

    for (const member of [owner, editor, reviewer]) {
      const [row] = await eventually(async () => {
        const rows = await inbox(member, 'proposal-submitted');
        return rows.length > 0 && rows[0].emailState ? rows : undefined;
      }, 30_000, `${member.email} hears of the proposal`);
      expect(row).toMatchObject({
        subjectType: 'proposal', subjectId: proposalId, subjectChallengeId: challengeId,
        sl: 'Prejeli ste nov predlog: Lectova srca', en: 'A new proposal arrived: Gingerbread hearts',
      });
      // Without a locale: the reader's own language.
      expect(row.title).toBe(member === owner ? row.sl : row.en);
    }
    expect((await inbox(editor, 'proposal-submitted'))[0].emailState).toBe('off');
    // The mail leads to the organisation's page of the proposal, in each reader's language.
    const [toOwner] = await eventually(async () => {
      const m = await caught(owner.email, 'Prejeli ste nov predlog');
      return m.length > 0 ? m : undefined;
    }, 30_000, 'the owner is mailed');
    const raw = fs.readFileSync(path.join(mailDir(), toOwner.file), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(raw).toContain(`/me/challenges/${challengeId}/proposals/${proposalId}`);
    await eventually(async () => ((await caught(reviewer.email, 'A new proposal arrived')).length === 1 ? true : undefined), 30_000, 'the reviewer is mailed');
    expect(await caught(editor.email, 'proposal')).toEqual([]);
    // Only one proposal was ever submitted: the withdrawn draft told no one.
    expect((await db().query(`SELECT count(*)::int AS n FROM notification WHERE subject_id = $1`, [draft]))[0].n).toBe(0);
    expect(await code(owner, `query($id: ID!) { proposal(id: $id) { id } }`, { id: draft })).toBe('NOT_FOUND');

    await ok(rival, `mutation($c: ID!) { askChallengeQuestion(challengeId: $c, language: "sl", question: "Kako velika?") { id } }`, { c: challengeId });
    for (const member of [owner, editor, reviewer]) {
      await eventually(async () => ((await inbox(member, 'challenge-question')).length === 1 ? true : undefined), 30_000, `${member.email} hears of the question`);
    }
    await eventually(async () => ((await caught(reviewer.email, 'A new question')).length === 1 ? true : undefined), 30_000, 'the reviewer is mailed the question');

    await ok(author, `mutation($id: ID!) { withdrawProposal(id: $id) { status } }`, { id: proposalId });
    for (const member of [owner, editor, reviewer]) {
      const [row] = await eventually(async () => {
        const rows = await inbox(member, 'proposal-withdrawn');
        return rows.length > 0 ? rows : undefined;
      }, 30_000, `${member.email} hears of the withdrawal`);
      expect(row.en).toBe('A proposal was withdrawn: Gingerbread hearts');
    }
    await eventually(async () => ((await caught(owner.email, 'Predlog je bil umaknjen')).length === 1 ? true : undefined), 30_000, 'the owner is mailed the withdrawal');
    // Creatives hear nothing of these.
    expect(await inbox(author, 'proposal-submitted')).toEqual([]);
    expect(await inbox(rival, 'challenge-question')).toEqual([]);
  }, 120_000);

  it('counts proposals by state for the members only', async () => {
    const COUNTS = `query($id: ID!) { challenge(id: $id) { proposalCounts { submitted withdrawn shortlisted awarded } } }`;
    expect((await ok(reviewer, COUNTS, { id: challengeId })).challenge.proposalCounts).toEqual({ submitted: 0, withdrawn: 1, shortlisted: 0, awarded: 0 });
    for (const outsider of [null, author, stranger]) expect((await ok(outsider, COUNTS, { id: challengeId })).challenge.proposalCounts).toBeNull();
  });

  it('gives jurors a blind queue with conflicts off and progress, the chair a ranking with disagreements, and outsiders nothing', async () => {
    const created = await ok(owner, `mutation($o: ID!, $d: DateTime!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: "Modri lect" }, brief: { sl: "Lect z modrotiskom." }, deadline: $d,
      criteria: [{ name: { sl: "Zamisel", en: "Idea" }, weight: 60 }, { name: { sl: "Izvedba", en: "Craft" }, weight: 40 }] }) { id evaluationCriteria { id } } }`, { o: orgId, d: new Date(Date.now() + 8000).toISOString() });
    const jury = created.createChallenge.id as string;
    const [idea, craft] = (created.createChallenge.evaluationCriteria as { id: string }[]).map((c) => c.id);
    await ok(owner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: jury });
    const ids: string[] = [];
    for (const user of [author, rival]) {
      const id = (await ok(user, `mutation($c: ID!) { createProposal(input: { challengeId: $c, title: { sl: "Predlog" }, body: { sl: "Besedilo." } }) { id } }`, { c: jury })).createProposal.id as string;
      await ok(user, `mutation($id: ID!) { submitProposal(id: $id) { id } }`, { id });
      ids.push(id);
    }
    const upload = await request(t.app.getHttpServer()).post(`/proposals/${ids[0]}/attachments`).set('authorization', `Bearer ${author.token}`)
      .attach('file', Buffer.from('%PDF-1.4\n% Ana Avtorica\n'), 'Ana-Avtorica-skice.pdf');
    expect(upload.status).toBe(201);
    for (const user of [juror, juror2]) {
      await ok(owner, `mutation($c: ID!, $e: String!) { inviteJuror(challengeId: $c, email: $e, locale: en) { id } }`, { c: jury, e: user.email });
      await ok(user, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: linkTokenIn(await mailTo(dataDir, user.email, 'invitations/accept'), 'invitations/accept') });
    }
    const ROOM = `query($c: ID!) { juryRoom(challengeId: $c) { isJuror canRank canDecide conflictCount scoredCount
      queue { declared scored scores { criterionId score } proposal { id blindCode viewerRole submittedAt authors { role } attachments { fileName } } }
      ranking { rank disagreement scoreSpread jurorCount proposal { id authors { role } } } } }`;
    // Before the deadline: a seat, an empty queue. Review starts straight after the deadline, without waiting for the sweep.
    expect((await ok(juror, ROOM, { c: jury })).juryRoom).toMatchObject({ isJuror: true, canRank: false, canDecide: false, queue: [], ranking: null });
    expect(await code(owner, `mutation($id: ID!) { startChallengeReview(id: $id) { status } }`, { id: jury })).toBe('INVALID_STATE');
    await new Promise((resolve) => setTimeout(resolve, 8500));
    expect((await ok(owner, `mutation($id: ID!) { startChallengeReview(id: $id) { status submissionsClosedAt } }`, { id: jury })).startChallengeReview.status).toBe('IN_REVIEW');

    // Blind: no authors, no submission time, blind file names; and no name anywhere in the answer.
    const room = (await ok(juror, ROOM, { c: jury })).juryRoom;
    expect(room).toMatchObject({ isJuror: true, canRank: false, canDecide: false, conflictCount: 0, scoredCount: 0, ranking: null });
    expect(room.queue).toHaveLength(2);
    for (const entry of room.queue) expect(entry.proposal).toMatchObject({ viewerRole: 'juror', submittedAt: null, authors: [] });
    const first = room.queue.find((e: Data) => e.proposal.id === ids[0]);
    expect(first.proposal.attachments).toEqual([{ fileName: `${first.proposal.blindCode}-1.pdf` }]);
    expect(JSON.stringify(room)).not.toMatch(/Ana|Avtorica|Rok|Tekmec/);

    // A conflict takes the proposal off the queue; the other is declared and scored: "1 of 1".
    await ok(juror, `mutation($p: ID!) { declareConflictOfInterest(proposalId: $p, hasConflict: true, reason: "Poznam avtorja") }`, { p: ids[0] });
    await ok(juror, `mutation($p: ID!) { declareConflictOfInterest(proposalId: $p, hasConflict: false) }`, { p: ids[1] });
    const SCORE = `mutation($p: ID!, $s: [RubricScoreInput!]!) { scoreProposal(proposalId: $p, scores: $s) { score } }`;
    await ok(juror, SCORE, { p: ids[1], s: [{ criterionId: idea, score: 9 }, { criterionId: craft, score: 9 }] });
    const after = (await ok(juror, ROOM, { c: jury })).juryRoom;
    expect(after).toMatchObject({ conflictCount: 1, scoredCount: 1 });
    expect(after.queue.map((e: Data) => [e.proposal.id, e.declared, e.scored])).toEqual([[ids[1], true, true]]);

    // The second juror scores both, far apart from the first on the shared one: a disagreement for the chair.
    for (const p of ids) await ok(juror2, `mutation($p: ID!) { declareConflictOfInterest(proposalId: $p, hasConflict: false) }`, { p });
    await ok(juror2, SCORE, { p: ids[0], s: [{ criterionId: idea, score: 8 }, { criterionId: craft, score: 8 }] });
    await ok(juror2, SCORE, { p: ids[1], s: [{ criterionId: idea, score: 2 }, { criterionId: craft, score: 3 }] });
    const chair = (await ok(owner, ROOM, { c: jury })).juryRoom;
    expect(chair).toMatchObject({ isJuror: false, canRank: true, canDecide: true, queue: [] });
    const disputed = chair.ranking.find((r: Data) => r.proposal.id === ids[1]);
    expect(disputed).toMatchObject({ jurorCount: 2, disagreement: true });
    expect(disputed.scoreSpread).toBeCloseTo(9 - 2.4, 3);
    expect(chair.ranking.find((r: Data) => r.proposal.id === ids[0])).toMatchObject({ jurorCount: 1, disagreement: false, proposal: { authors: [{ role: 'LEAD' }] } });
    expect((await ok(reviewer, ROOM, { c: jury })).juryRoom).toMatchObject({ canRank: true, canDecide: false });

    // Outsiders: FORBIDDEN (they see the public challenge), NOT_FOUND for a random id.
    for (const outsider of [author, stranger]) expect(await code(outsider, ROOM, { c: jury })).toBe('FORBIDDEN');
    expect(await code(null, ROOM, { c: jury })).toBe('UNAUTHENTICATED');
    expect(await code(stranger, ROOM, { c: '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab' })).toBe('NOT_FOUND');
  }, 120_000);
});
