import { ChallengesService, ERASED_ACCOUNT_NAME, ERASED_AUTHOR_NAME, PERSONAL_DATA_TABLES } from '@app/marketplace';
import { eventually } from '@app/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { linkTokenIn, mailTo, PASSWORD, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller, OPERATOR_TOKEN } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CREATIVE_EMAIL = 'vesna.indigovka@example.si';
/** In the creative's email, names and links only: the residual scan looks for it everywhere after erasure. */
const MARKER = 'indigovka';
const DELETE_ME = `mutation($p: String!) { deleteMyAccount(password: $p) }`;
const PDF = Buffer.from('%PDF-1.4\n% portfolio sheet\n%%EOF\n');

/**
 * GDPR: a person downloads everything the platform holds about them, and erases their account
 * everywhere it is copied (PostgreSQL, search, files, mail drop), keeping only what public funds
 * require: awarded proposals of published decisions (anonymised) and the jury records behind them.
 */
describe('personal data: export and erasure (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let owner: TestUser, reviewer: TestUser, creative: TestUser, juror: TestUser, solo: TestUser;
  let orgId: string, awardedChallenge: string, openChallenge: string, profileId: string, offerId: string;
  let awardedProposal: string, draftProposal: string, awardedFile: string, draftFile: string, unanswered: string, answered: string;
  const { call, ok, code } = caller(() => t.app);
  const count = async (sql: string, params: unknown[]) => Number(((await db.query(sql, params)) as { n: string }[])[0].n);
  const exportOf = async (token: string) => request(t.app.getHttpServer()).get('/account/export').set('authorization', `Bearer ${token}`);
  const upload = async (user: TestUser, proposalId: string, name: string) =>
    (await request(t.app.getHttpServer()).post(`/proposals/${proposalId}/attachments`).set('authorization', `Bearer ${user.token}`).attach('file', PDF, name)).body.id as string;
  const mailsTo = (email: string) => {
    const dir = path.join(t.dataDir, 'mail');
    return fs.readdirSync(dir).filter((f) => new RegExp(`^To: ${email.replace(/[.+]/g, '\\$&')}$`, 'mi').test(fs.readFileSync(path.join(dir, f), 'utf8')));
  };
  const searchCount = async (index: 'searchCreatives' | 'searchOffers', query: string) =>
    (await ok(null, `query($q: String!) { ${index}(query: $q) { totalCount } }`, { q: query }))[index].totalCount as number;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    db = t.app.get<DataSource>(getDataSourceToken());
    [owner, reviewer, juror, solo] = await Promise.all(
      ['owner@predilnica.example', 'reviewer@predilnica.example', 'juror@jury.example', 'solo@studio.example'].map((email) => verifiedUser(t.app, t.dataDir, email)),
    );
    creative = await verifiedUser(t.app, t.dataDir, CREATIVE_EMAIL, 'Vesna Indigovka');

    // An organisation whose owner has a reviewer, and two challenges: one to be awarded, one open.
    orgId = (await ok(owner, `mutation { createOrganisation(input: { kind: COMPANY, name: "Predilnica (test)", municipality: "kranj" }) { id } }`)).createOrganisation.id;
    await ok(owner, `mutation($o: ID!) { inviteOrganisationMember(organisationId: $o, email: "reviewer@predilnica.example", role: REVIEWER, locale: en) { id } }`, { o: orgId });
    await ok(reviewer, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: linkTokenIn(await mailTo(t.dataDir, reviewer.email, 'invitations/accept'), 'invitations/accept') });
    const CREATE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id evaluationCriteria { id } } }`;
    const y = (await ok(owner, CREATE, { input: {
      ownerOrganisationId: orgId, title: { sl: 'Modra nit' }, brief: { sl: 'Modrotisk na volni.' }, deadline: new Date(Date.now() + 2 * 3_600_000).toISOString(),
      totalBudgetEur: 3000, awardsCount: 1, criteria: [{ name: { en: 'Idea' }, weight: 100 }],
    } })).createChallenge;
    awardedChallenge = y.id;
    openChallenge = (await ok(owner, CREATE, { input: {
      ownerOrganisationId: orgId, title: { sl: 'Odprt natečaj' }, brief: { sl: 'Tkanine za hotel.' }, deadline: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    } })).createChallenge.id;
    for (const id of [awardedChallenge, openChallenge]) await ok(owner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id });

    // The creative: a profile, a published offer, a submitted proposal that will be awarded, a draft, questions.
    profileId = (await ok(creative, `mutation($i: CreateCreativeProfileInput!) { createCreativeProfile(input: $i) { id } }`, { i: {
      kind: 'INDIVIDUAL', displayName: 'Vesna Indigovka', municipality: 'zelezniki', bio: { sl: 'Tiskam modrotisk v Železnikih.' },
      portfolioLinks: ['https://indigovka.example/portfolio'], techniques: ['blueprint'],
    } })).createCreativeProfile.id;
    offerId = (await ok(creative, `mutation($i: CreateOfferInput!) { createOffer(input: $i) { id } }`, { i: {
      creativeProfileId: profileId, kind: 'SERVICE', title: { sl: 'Tisk po naročilu Indigovka' }, description: { sl: 'Ročni tisk na lan.' },
    } })).createOffer.id;
    await ok(creative, `mutation($id: ID!) { publishOffer(id: $id) { id } }`, { id: offerId });
    const PROPOSE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;
    awardedProposal = (await ok(creative, PROPOSE, { input: { challengeId: awardedChallenge, title: { sl: 'Modri vzorci' }, body: { sl: 'Šablone iz hruškovega lesa za volno.' } } })).createProposal.id;
    awardedFile = await upload(creative, awardedProposal, 'skice.pdf');
    await ok(creative, `mutation($id: ID!) { submitProposal(id: $id) { id } }`, { id: awardedProposal });
    draftProposal = (await ok(creative, PROPOSE, { input: { challengeId: openChallenge, title: { sl: 'Osnutek za hotel' }, body: { sl: 'Zavese z vzorcem lectovega srca.' } } })).createProposal.id;
    draftFile = await upload(creative, draftProposal, 'zavese.pdf');
    const ASK = `mutation($c: ID!, $q: String!) { askChallengeQuestion(challengeId: $c, language: "sl", question: $q) { id } }`;
    unanswered = (await ok(creative, ASK, { c: openChallenge, q: 'Kakšne mere imajo okna?' })).askChallengeQuestion.id;
    answered = (await ok(creative, ASK, { c: openChallenge, q: 'Ali je lan obvezen?' })).askChallengeQuestion.id;
    await ok(owner, `mutation($id: ID!) { answerChallengeQuestion(id: $id, answer: { sl: "Ne." }) { id } }`, { id: answered });

    // The jury scores, the owner awards and publishes: the creative is notified (inbox, via the outbox).
    await ok(owner, `mutation($c: ID!, $e: String!) { inviteJuror(challengeId: $c, email: $e, locale: en) { id } }`, { c: awardedChallenge, e: juror.email });
    await ok(juror, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: linkTokenIn(await mailTo(t.dataDir, juror.email, 'invitations/accept'), 'invitations/accept') });
    await t.app.get(ChallengesService).closeDueSubmissions(new Date(Date.now() + 5 * 3_600_000));
    await ok(owner, `mutation($id: ID!) { startChallengeReview(id: $id) { status } }`, { id: awardedChallenge });
    await ok(juror, `mutation($p: ID!) { declareConflictOfInterest(proposalId: $p, hasConflict: false) }`, { p: awardedProposal });
    await ok(juror, `mutation($p: ID!, $s: [RubricScoreInput!]!) { scoreProposal(proposalId: $p, scores: $s) { score } }`,
      { p: awardedProposal, s: [{ criterionId: y.evaluationCriteria[0].id, score: 9, comment: 'Lepa izvedba.' }] });
    await ok(owner, `mutation($p: ID!) { awardProposal(proposalId: $p, amountEur: 3000, reason: { sl: "Najboljša ideja." }) { id } }`, { p: awardedProposal });
    await ok(owner, `mutation($c: ID!) { publishAwardDecision(challengeId: $c, decision: { sl: "Nagrajen en predlog." }) { status } }`, { c: awardedChallenge });
    await eventually(async () => ((await count(`SELECT count(*) AS n FROM notification WHERE account_id = $1 AND kind = 'proposal-awarded'`, [creative.accountId])) > 0 ? true : undefined), 20_000, 'award notification');
    await eventually(async () => ((await searchCount('searchCreatives', 'Indigovka')) === 1 && (await searchCount('searchOffers', 'Indigovka')) === 1 ? true : undefined), 20_000, 'profile and offer indexed');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('downloads the export only with an access token of an account', async () => {
    expect((await request(t.app.getHttpServer()).get('/account/export')).status).toBe(401);
    expect((await exportOf('not-a-token')).status).toBe(401);
    // The operator token is nobody's account, so there is nothing personal to export.
    expect((await exportOf(OPERATOR_TOKEN)).status).toBe(401);
    expect(await code(null, `{ myDataExport }`)).toBe('UNAUTHENTICATED');
  });

  it('exports the profile, offers, proposals with texts and files, notifications and jury work, and no secret', async () => {
    // Let the mail pipeline settle first: the two exports compared below must see the same states.
    await eventually(async () => ((await count(`SELECT count(*) AS n FROM notification WHERE account_id = $1 AND (email_state IS NULL OR email_state = 'pending')`, [creative.accountId])) === 0 ? true : undefined), 20_000, 'mails settled');
    const res = await exportOf(creative.token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="modrotisk-export-(\d{4}-\d{2}-\d{2})\.json"; filename\*=UTF-8''modrotisk-export-\1\.json$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    const doc = JSON.parse(res.text) as Data;
    expect(doc).toMatchObject({
      format: 'modrotisk.personal-data.v1',
      account: { id: creative.accountId, email: CREATIVE_EMAIL, displayName: 'Vesna Indigovka', locale: 'en', platformRoles: [] },
      creativeProfile: { id: profileId, displayName: 'Vesna Indigovka', bioSl: 'Tiskam modrotisk v Železnikih.', portfolioLinks: ['https://indigovka.example/portfolio'] },
    });
    expect(doc.account.emailVerifiedAt).toEqual(expect.any(String));
    expect(doc.creativeProfile.offers).toEqual([expect.objectContaining({ id: offerId, titleSl: 'Tisk po naročilu Indigovka', status: 'PUBLISHED' })]);
    const awarded = doc.proposals.find((p: Data) => p.id === awardedProposal);
    expect(awarded).toMatchObject({ myRole: 'LEAD', bodySl: 'Šablone iz hruškovega lesa za volno.', outcome: 'AWARDED', awardEur: 3000, authors: [{ displayName: 'Vesna Indigovka', role: 'LEAD' }] });
    expect(awarded.attachments).toEqual([expect.objectContaining({ id: awardedFile, fileName: 'skice.pdf', contentType: 'application/pdf' })]);
    expect(doc.proposals.find((p: Data) => p.id === draftProposal)).toMatchObject({ status: 'DRAFT', bodySl: 'Zavese z vzorcem lectovega srca.' });
    expect(doc.notifications.items).toContainEqual(expect.objectContaining({ kind: 'proposal-awarded', subjectId: awardedProposal }));
    expect(doc.questions.map((q: Data) => q.question).sort()).toEqual(['Ali je lan obvezen?', 'Kakšne mere imajo okna?']);
    expect(doc.sessions.length).toBeGreaterThan(0);
    expect(Object.keys(doc.sessions[0]).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'revokedAt']);
    expect(doc.mailedLinks).toContainEqual(expect.objectContaining({ purpose: 'verify-email' }));
    // Every section of the inventory is in the document.
    for (const entry of Object.values(PERSONAL_DATA_TABLES)) if ('section' in entry.export) expect(doc).toHaveProperty(entry.export.section);

    // No secret: no argon2 hash, no refresh-token hash, no mailed-link secret.
    expect(res.text).not.toContain('$argon2');
    const hashes = (await db.query(`SELECT refresh_hash FROM account_session WHERE account_id = $1`, [creative.accountId])) as { refresh_hash: string }[];
    expect(hashes.length).toBeGreaterThan(0);
    for (const { refresh_hash } of hashes) expect(res.text).not.toContain(refresh_hash);
    expect(res.text).not.toMatch(/passwordHash|refreshHash|token=/i);

    // GraphQL gives the same document.
    const viaGraphQL = JSON.parse((await ok(creative, `{ myDataExport }`)).myDataExport as string) as Data;
    expect({ ...viaGraphQL, exportedAt: null }).toEqual({ ...doc, exportedAt: null });

    // A juror's export holds their declarations and scores (by blind code); the owner's their organisation.
    const jurorDoc = JSON.parse((await exportOf(juror.token)).text) as Data;
    expect(jurorDoc.jury).toEqual([expect.objectContaining({
      challengeId: awardedChallenge, challengeStatus: 'AWARDED',
      conflictDeclarations: [expect.objectContaining({ hasConflict: false })], scores: [expect.objectContaining({ criterion: 'Idea', score: 9, comment: 'Lepa izvedba.' })],
    })]);
    expect(jurorDoc.invitations.received).toEqual([expect.objectContaining({ kind: 'jury', challengeId: awardedChallenge, email: juror.email })]);
    const ownerDoc = JSON.parse((await exportOf(owner.token)).text) as Data;
    expect(ownerDoc.memberships).toEqual([expect.objectContaining({ organisationId: orgId, organisationName: 'Predilnica (test)', role: 'owner' })]);
    expect(ownerDoc.invitations.sent.map((i: Data) => i.email).sort()).toEqual([juror.email, reviewer.email].sort());
    expect(ownerDoc.creativeProfile).toBeNull();
  });

  it('keeps the data inventory in line with the schema: every table pointing at a person is exported or excluded with a reason', async () => {
    const pointing = ((await db.query(`
      SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema = 'public' AND (c.column_name IN ('account_id', 'creative_profile_id') OR c.column_name LIKE '%\\_creative\\_profile\\_id')
      UNION
      SELECT tc.table_name FROM information_schema.table_constraints tc
        JOIN information_schema.constraint_column_usage cu ON cu.constraint_schema = tc.constraint_schema AND cu.constraint_name = tc.constraint_name
       WHERE tc.table_schema = 'public' AND tc.constraint_type = 'FOREIGN KEY' AND cu.table_name IN ('account', 'creative_profile')`)) as { table_name: string }[])
      .map((r) => r.table_name);
    // The check itself works: it finds the tables known to point at people.
    expect(pointing).toEqual(expect.arrayContaining(['account_session', 'creative_profile', 'offer', 'proposal', 'proposal_author', 'review_score', 'invitation', 'award_outcome']));
    const missing = pointing.filter((table) => !(table in PERSONAL_DATA_TABLES)).sort();
    expect({ tablesNeitherExportedNorExcluded: missing }).toEqual({ tablesNeitherExportedNorExcluded: [] });

    const tables = new Set(((await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)) as { table_name: string }[]).map((r) => r.table_name));
    for (const [table, entry] of Object.entries(PERSONAL_DATA_TABLES)) {
      expect({ table, exists: tables.has(table) }).toEqual({ table, exists: true });
      if ('excluded' in entry.export) expect(entry.export.excluded.length).toBeGreaterThan(20);
      expect(entry.erasure.length).toBeGreaterThan(5);
    }
  });

  it('changes nothing when the password is wrong, and answers like changePassword does', async () => {
    const wrong = await call(creative, DELETE_ME, { p: 'not-my-password-at-all' });
    const changeWrong = await call(creative, `mutation { changePassword(currentPassword: "not-my-password-at-all", newPassword: "a-new-long-passphrase") }`);
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: changeWrong.errors?.[0].extensions.code, field: 'password' });
    expect(wrong.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await ok(creative, `{ me { id creativeProfileId } }`)).me).toEqual({ id: creative.accountId, creativeProfileId: profileId });
    expect(await count(`SELECT count(*) AS n FROM proposal WHERE id = ANY($1::uuid[])`, [[draftProposal, awardedProposal]])).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM offer WHERE id = $1`, [offerId])).toBe(1);
  });

  it('refuses while the person is the only owner of an organisation others belong to', async () => {
    const refused = await call(owner, DELETE_ME, { p: PASSWORD });
    expect(refused.errors?.[0].extensions.code).toBe('INVALID_STATE');
    expect(refused.errors?.[0].message).toContain('Predilnica (test)');
    expect(refused.errors?.[0].message).toContain('changeMemberRole');
    expect((await ok(owner, `query($o: ID!) { organisationMembers(organisationId: $o) { accountId role } }`, { o: orgId })).organisationMembers).toHaveLength(2);
  });

  it('erases a creative everywhere, keeping the awarded proposal under an anonymised author', async () => {
    expect(mailsTo(CREATIVE_EMAIL).length).toBeGreaterThan(0);
    const unknown = await call(null, `mutation { login(email: "nobody-here@example.si", password: "whatever-long-enough") { accessToken } }`);
    expect(await ok(creative, DELETE_ME, { p: PASSWORD })).toEqual({ deleteMyAccount: true });

    // PostgreSQL: the account, the draft with its file, the offer and the unanswered question are gone.
    expect(await count(`SELECT count(*) AS n FROM account WHERE id = $1`, [creative.accountId])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM proposal WHERE id = $1`, [draftProposal])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM attachment WHERE id = $1`, [draftFile])).toBe(0);
    expect(fs.existsSync(path.join(t.dataDir, 'attachments', draftFile))).toBe(false);
    expect(await count(`SELECT count(*) AS n FROM offer WHERE id = $1`, [offerId])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM challenge_question WHERE id = $1`, [unanswered])).toBe(0);
    const kept = (await db.query(`SELECT account_id FROM challenge_question WHERE id = $1`, [answered])) as { account_id: string | null }[];
    expect(kept).toEqual([{ account_id: null }]);

    // The award stays public, with its file, under the anonymised profile.
    expect(await count(`SELECT count(*) AS n FROM proposal WHERE id = $1`, [awardedProposal])).toBe(1);
    expect(fs.existsSync(path.join(t.dataDir, 'attachments', awardedFile))).toBe(true);
    const profile = ((await db.query(`SELECT display_name, bio_sl, portfolio_links, account_id, erased_at FROM creative_profile WHERE id = $1`, [profileId])) as Data[])[0];
    expect(profile).toMatchObject({ display_name: ERASED_AUTHOR_NAME, bio_sl: null, portfolio_links: [], account_id: null, erased_at: expect.any(Date) });
    const pub = await ok(null, `query($id: ID!) { challenge(id: $id) { status awards { authors amountEur } } }`, { id: awardedChallenge });
    expect(pub.challenge).toEqual({ status: 'AWARDED', awards: [{ authors: [ERASED_AUTHOR_NAME], amountEur: 3000 }] });

    // Every public path to the erased creative, and the owner's view of the award, in full: only
    // "removed participant" (both languages), nothing of theirs (name, kind, municipality, texts,
    // links, techniques, availability, dates), in the API and in the row itself.
    expect(ERASED_AUTHOR_NAME).toBe('Odstranjen udeleženec / Removed participant');
    const PROFILE = `id kind displayName bio { sl en } domains { code } crafts { code } techniques { code } materials { code } skills { code }
      municipality { code name } languages portfolioLinks availability matchingConsent isDemo createdAt updatedAt erased`;
    const removed = {
      id: profileId, kind: null, displayName: ERASED_AUTHOR_NAME, bio: { sl: null, en: null }, domains: [], crafts: [], techniques: [], materials: [], skills: [],
      municipality: null, languages: [], portfolioLinks: [], availability: null, matchingConsent: null, isDemo: false, createdAt: expect.any(String), updatedAt: expect.any(String), erased: true,
    };
    const publicView = await ok(null, `query($c: ID!, $p: ID!) {
      challenge(id: $c) { awards { proposalTitle { sl en } authors amountEur reason { sl en } } }
      creativeProfile(id: $p) { ${PROFILE} }
      creativeProfiles(first: 50) { totalCount edges { node { id } } }
    }`, { c: awardedChallenge, p: profileId });
    const award = { proposalTitle: { sl: 'Modri vzorci', en: null }, authors: [ERASED_AUTHOR_NAME], amountEur: 3000, reason: { sl: 'Najboljša ideja.', en: null } };
    expect(publicView.challenge.awards).toEqual([award]);
    expect(publicView.creativeProfile).toEqual(removed);
    expect(new Date(publicView.creativeProfile.createdAt).getTime()).toBeGreaterThan(Date.now() - 120_000);
    expect(publicView.creativeProfiles.edges.map((e: Data) => e.node.id)).not.toContain(profileId);
    const ownerView = await ok(owner, `query($p: ID!) { proposal(id: $p) { id title { sl } authors { role creativeProfile { ${PROFILE} } } } }`, { p: awardedProposal });
    expect(ownerView.proposal.authors).toEqual([{ role: 'LEAD', creativeProfile: { ...removed, matchingConsent: null } }]);
    const everything = JSON.stringify([publicView, ownerView]);
    for (const personal of ['Vesna', MARKER, 'zelezniki', 'Železniki', 'INDIVIDUAL', 'blueprint', 'Tiskam', 'AVAILABLE', 'Izbrisan']) expect(everything.toLowerCase()).not.toContain(personal.toLowerCase());
    const row = ((await db.query(`SELECT kind, municipality, availability, is_demo, languages, techniques FROM creative_profile WHERE id = $1`, [profileId])) as Data[])[0];
    // The columns that cannot be empty hold the same values for every erased profile.
    expect(row).toEqual({ kind: 'INDIVIDUAL', municipality: '', availability: 'UNAVAILABLE', is_demo: false, languages: [], techniques: [] });

    // Search: neither the profile nor the offer is found any more (removed through the outbox).
    await eventually(async () => ((await searchCount('searchCreatives', 'Indigovka')) === 0 && (await searchCount('searchOffers', 'Indigovka')) === 0 ? true : undefined), 20_000, 'removed from search');
    expect(await searchCount('searchCreatives', ERASED_AUTHOR_NAME)).toBe(0);

    // The mail drop keeps nothing addressed to them; others' mail stays.
    expect(mailsTo(CREATIVE_EMAIL)).toEqual([]);
    expect(mailsTo(owner.email).length).toBeGreaterThan(0);

    // The session is over; the old credentials fail exactly like an unknown account.
    expect(await code(creative, `{ me { id } }`)).toBe('UNAUTHENTICATED');
    const again = await call(null, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: CREATIVE_EMAIL, p: PASSWORD });
    expect(again.errors?.[0]).toMatchObject({ message: unknown.errors?.[0].message, extensions: { code: 'UNAUTHENTICATED' } });

    // Nothing in any table (the queue's included) still holds the email, the names or the links.
    const tables = (await db.query(`
      SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`)) as { name: string }[];
    const residual: string[] = [];
    for (const { name } of tables) {
      if ((await count(`SELECT count(*) AS n FROM ${name} r WHERE r::text ILIKE $1`, [`%${MARKER}%`])) > 0) residual.push(name);
    }
    expect(residual).toEqual([]);

    // The address is free again.
    const back = await verifiedUser(t.app, t.dataDir, CREATIVE_EMAIL, 'Vesna');
    expect(back.accountId).not.toBe(creative.accountId);
    expect((await ok(back, `{ me { email creativeProfileId } }`)).me).toEqual({ email: CREATIVE_EMAIL, creativeProfileId: null });
  });

  it('keeps a juror of a published decision as a tombstone, so the scores behind it stay', async () => {
    expect(await ok(juror, DELETE_ME, { p: PASSWORD })).toEqual({ deleteMyAccount: true });
    const row = ((await db.query(`SELECT email, display_name, password_hash, erased_at FROM account WHERE id = $1`, [juror.accountId])) as Data[])[0];
    expect(row).toEqual({ email: `erased:${juror.accountId}`, display_name: ERASED_ACCOUNT_NAME, password_hash: null, erased_at: expect.any(Date) });
    expect(await count(`SELECT count(*) AS n FROM review_score WHERE account_id = $1 AND comment = 'Lepa izvedba.'`, [juror.accountId])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM account_session WHERE account_id = $1`, [juror.accountId])).toBe(0);
    expect((await ok(owner, `query($c: ID!) { challengeJurors(challengeId: $c) { accountId displayName } }`, { c: awardedChallenge })).challengeJurors)
      .toEqual([{ accountId: juror.accountId, displayName: ERASED_ACCOUNT_NAME }]);
    expect(await code(juror, `{ me { id } }`)).toBe('UNAUTHENTICATED');
    expect(await code(null, `mutation($e: String!) { login(email: $e, password: "${PASSWORD}") { accessToken } }`, { e: juror.email })).toBe('UNAUTHENTICATED');
    expect(mailsTo(juror.email)).toEqual([]);
  });

  it('lets the last member go: the organisation stays, without them', async () => {
    const soloOrg = (await ok(solo, `mutation { createOrganisation(input: { kind: COMPANY, name: "Samostojni studio", municipality: "bled" }) { id } }`)).createOrganisation.id;
    expect(await ok(solo, DELETE_ME, { p: PASSWORD })).toEqual({ deleteMyAccount: true });
    expect((await ok(null, `query($id: ID!) { organisation(id: $id) { name } }`, { id: soloOrg })).organisation).toEqual({ name: 'Samostojni studio' });
    expect(await count(`SELECT count(*) AS n FROM membership WHERE organisation_id = $1`, [soloOrg])).toBe(0);

    // Once the reviewer is gone, the owner is alone in theirs and may leave too.
    expect(await ok(reviewer, DELETE_ME, { p: PASSWORD })).toEqual({ deleteMyAccount: true });
    expect(await ok(owner, DELETE_ME, { p: PASSWORD })).toEqual({ deleteMyAccount: true });
    expect((await ok(null, `query($id: ID!) { challenge(id: $id) { status owner { name } } }`, { id: awardedChallenge })).challenge).toEqual({ status: 'AWARDED', owner: { name: 'Predilnica (test)' } });
  });
  it('deletes a creative profile alone by the same rules: its draft proposals and their files go, the account stays', async () => {
    const maker = await verifiedUser(t.app, t.dataDir, 'profil@studio.example', 'Profil Brisalec');
    const id = (await ok(maker, `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Profil Brisalec", municipality: "bled" }) { id } }`)).createCreativeProfile.id;
    const draft = (await ok(maker, `mutation($c: ID!) { createProposal(input: { challengeId: $c, title: { sl: "Kratek osnutek" } }) { id } }`, { c: openChallenge })).createProposal.id;
    const file = await upload(maker, draft, 'osnutek.pdf');
    expect(fs.existsSync(path.join(t.dataDir, 'attachments', file))).toBe(true);
    const stranger = await verifiedUser(t.app, t.dataDir, 'tuj@studio.example');
    expect(await code(stranger, `mutation($id: ID!) { deleteCreativeProfile(id: $id) }`, { id })).toBe('FORBIDDEN');
    expect(await ok(maker, `mutation($id: ID!) { deleteCreativeProfile(id: $id) }`, { id })).toEqual({ deleteCreativeProfile: true });
    expect(await count(`SELECT count(*) AS n FROM proposal WHERE id = $1`, [draft])).toBe(0);
    expect(fs.existsSync(path.join(t.dataDir, 'attachments', file))).toBe(false);
    expect(await count(`SELECT count(*) AS n FROM account WHERE id = $1`, [maker.accountId])).toBe(1);
  });
});
