import { addToInbox } from '@app/marketplace';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const INBOX = `{ myNotifications(first: 50) { nodes { kind subjectType subjectId subjectTitle { sl en } subjectChallengeId } } }`;

/**
 * The inbox names what each notification is about (Notification.subjectTitle), read now and as
 * the reader may see it: a draft, a hidden proposal or a deleted record has no title, so an
 * inbox row never leaks what its reader may not see.
 */
describe('notification subjects in the inbox (e2e)', () => {
  let t: TestApp;
  let owner: TestUser, creative: TestUser, outsider: TestUser;
  let orgId: string, openId: string, draftId: string, proposalId: string;
  const { ok } = caller(() => t.app);
  const db = () => t.app.get<DataSource>(getDataSourceToken());
  const notify = (user: TestUser, kind: string, subjectType: string, subjectId: string) =>
    addToInbox(db().manager, [user.accountId], { kind, subjectType, subjectId, idempotencyKey: `test:${kind}:${subjectId}:${user.accountId}` });
  const about = async (user: TestUser, subjectId: string) => ((await ok(user, INBOX)).myNotifications.nodes as Data[]).filter((n) => n.subjectId === subjectId);

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    [owner, creative, outsider] = await Promise.all(['owner@lectar.example', 'creative@studio.example', 'outsider@example.si'].map((e) => verifiedUser(t.app, t.dataDir, e)));
    orgId = (await ok(owner, `mutation { createOrganisation(input: { kind: COMPANY, name: "Lectar d.o.o.", municipality: "radovljica" }) { id } }`)).createOrganisation.id;
    await ok(creative, `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Studio Lect", municipality: "bled" }) { id } }`);
    const create = (title: string) => ok(owner, `mutation($o: ID!, $t: String!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: $t, en: "Gingerbread hearts" }, brief: { sl: "Lectova srca." }, deadline: "2099-01-01T00:00:00Z" }) { id } }`, { o: orgId, t: title });
    openId = (await create('Lectova srca')).createChallenge.id;
    draftId = (await create('Skrivni osnutek')).createChallenge.id;
    await ok(owner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: openId });
    proposalId = (await ok(creative, `mutation($c: ID!) { createProposal(input: { challengeId: $c, title: { sl: "Moj predlog" } }) { id } }`, { c: openId })).createProposal.id;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('names the challenge of a question and of its answer, for the owner and for the asker', async () => {
    const question = (await ok(creative, `mutation($c: ID!) { askChallengeQuestion(challengeId: $c, language: "sl", question: "Kakšna velikost?") { id } }`, { c: openId })).askChallengeQuestion.id;
    expect(await about(owner, openId)).toEqual([{ kind: 'challenge-question', subjectType: 'challenge', subjectId: openId, subjectTitle: { sl: 'Lectova srca', en: 'Gingerbread hearts' }, subjectChallengeId: openId }]);
    await ok(owner, `mutation($id: ID!) { answerChallengeQuestion(id: $id, answer: { sl: "Dlan." }) { id } }`, { id: question });
    expect(await about(creative, openId)).toEqual([expect.objectContaining({ kind: 'challenge-question-answered', subjectTitle: { sl: 'Lectova srca', en: 'Gingerbread hearts' }, subjectChallengeId: openId })]);
  });

  it('gives no title of a draft challenge to anyone but its owner, and none of a record that is gone', async () => {
    await notify(creative, 'challenge-match', 'challenge', draftId);
    await notify(owner, 'profile-matches', 'challenge', draftId);
    const missing = '00000000-0000-4000-8000-000000000001';
    await notify(creative, 'challenge-match', 'challenge', missing);
    expect(await about(creative, draftId)).toEqual([expect.objectContaining({ subjectTitle: null, subjectChallengeId: null })]);
    expect(await about(owner, draftId)).toEqual([expect.objectContaining({ subjectTitle: { sl: 'Skrivni osnutek', en: 'Gingerbread hearts' }, subjectChallengeId: draftId })]);
    expect(await about(creative, missing)).toEqual([expect.objectContaining({ subjectTitle: null, subjectChallengeId: null })]);
  });

  it('names a proposal by its challenge for its author only', async () => {
    await notify(creative, 'proposal-awarded', 'proposal', proposalId);
    await notify(outsider, 'proposal-awarded', 'proposal', proposalId);
    // A draft is its authors' alone: not even the owner organisation sees it yet.
    await notify(owner, 'proposal-awarded', 'proposal', proposalId);
    expect(await about(creative, proposalId)).toEqual([expect.objectContaining({ subjectTitle: { sl: 'Lectova srca', en: 'Gingerbread hearts' }, subjectChallengeId: openId })]);
    expect(await about(outsider, proposalId)).toEqual([expect.objectContaining({ subjectTitle: null, subjectChallengeId: null })]);
    expect(await about(owner, proposalId)).toEqual([expect.objectContaining({ subjectTitle: null, subjectChallengeId: null })]);
  });

  it('names organisations, and answers a page of mixed subjects in one request', async () => {
    await notify(owner, 'municipal-yearly-reminder', 'organisation', orgId);
    expect(await about(owner, orgId)).toEqual([expect.objectContaining({ subjectTitle: { sl: 'Lectar d.o.o.', en: 'Lectar d.o.o.' }, subjectChallengeId: null })]);
    const all = (await ok(owner, INBOX)).myNotifications.nodes as Data[];
    expect(all.length).toBeGreaterThanOrEqual(4);
  });
});
