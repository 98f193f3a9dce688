import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeeder } from '@app/marketplace';
import { eventually } from '@app/testing';
import { login, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MATCH = `score factors { factor score reason { sl en } } hints { sl en }`;

/**
 * Profiles written only in people's own words are found for the brief they fit; eligibility keeps
 * out whom the owner did not open the challenge to; one pair has one score in every list and
 * detail, with reasons written to whoever reads them.
 */
describe('matching on free text, eligibility and one score per pair (e2e)', () => {
  let t: TestApp;
  const { ok, code } = caller(() => t.app);
  let alpina: TestUser;
  let organisationId: string;
  const people = new Map<string, { user: TestUser; profileId: string }>();

  /** A creative who writes only words (no reference code anywhere), with one portfolio item. */
  async function creative(key: string, input: Data, item: Data | null): Promise<void> {
    const user = await verifiedUser(t.app, t.dataDir, `${key.toLowerCase().replace(/\s+/g, '.')}@primer.si`, key);
    const profileId = (await ok(user, `mutation($input: CreateCreativeProfileInput!) { createCreativeProfile(input: $input) { id } }`, { input })).createCreativeProfile.id as string;
    user.token = (await login(t.app, user.email)).token; // the new token knows the profile
    if (item) await ok(user, `mutation($input: PortfolioItemInput!) { addPortfolioItem(input: $input) { id } }`, { input: item });
    await ok(user, `mutation { setMatchingConsent(consent: true) { matchingConsent } }`);
    people.set(key, { user, profileId });
  }

  async function challenge(input: Data): Promise<string> {
    const id = (await ok(alpina, `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`, { input: { ownerOrganisationId: organisationId, deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(), ...input } })).createChallenge.id as string;
    await ok(alpina, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id });
    return id;
  }

  const matchedNames = async (id: string, first = 50) =>
    ((await ok(alpina, `query($id: ID!, $first: Int) { matchesForChallenge(id: $id, first: $first) { creative { displayName } score } }`, { id, first })).matchesForChallenge as Data[]).map((m) => m.creative.displayName as string);

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    await t.app.get(DemoSeeder).seedOnce({ activity: true });
    const account = DEMO_ACCOUNTS.find((a) => a.key === 'alpina');
    alpina = await login(t.app, account?.email ?? '', DEMO_PASSWORD);
    organisationId = (await ok(alpina, `{ me { memberships { organisation { id } } } }`)).me.memberships[0].organisation.id;
    await creative('Ana Indigo', {
      kind: 'INDIVIDUAL', displayName: 'Ana Indigo', municipality: 'skofja loka', languages: ['sl'],
      crafts: ['ročni modrotisk', 'tiskanje z lesenimi modeli'], skills: ['risanje vzorcev'], bio: { sl: 'Ukvarjam se s tekstilom in barvanjem.' },
    }, { title: { sl: 'Modrotisk na usnju' }, description: { sl: 'Potiskala sem usnje z indigom za lokalnega čevljarja.' }, year: 2024, client: 'Čevljarstvo Žiri' });
    await creative('Bor Student', {
      kind: 'STUDENT', displayName: 'Bor Student', municipality: 'kranj', languages: ['sl', 'en'],
      crafts: ['blueprint printing on textiles'], bio: { en: 'Design student; I print indigo blueprint patterns on linen and leather.' },
    }, null);
    await creative('Cene Sofa', {
      kind: 'STUDIO_OR_FIRM', displayName: 'Cene Sofa', municipality: 'Ljubljana', languages: ['sl'],
      crafts: ['oblazinjenje pohištva'], bio: { sl: 'Oblazinjamo sedežne garniture v usnju.' },
    }, { title: { sl: 'Usnjena sedežna' }, description: { sl: 'Oblazinjenje kavča z usnjem.' }, year: 2023, client: 'Hotel' });
    // The worker indexes the profiles through the outbox.
    await eventually(async () => ((await ok(null, `{ searchCreatives(query: "Ana Indigo", first: 5) { nodes { displayName } } }`)).searchCreatives.nodes.length > 0 ? true : undefined), 60_000, 'profiles indexed');
    await eventually(async () => ((await ok(null, `{ searchCreatives(query: "Cene Sofa", first: 5) { nodes { displayName } } }`)).searchCreatives.nodes.length > 0 ? true : undefined), 60_000, 'profiles indexed');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('keeps what people write: own words beside codes, the municipality by name, portfolio year and client', async () => {
    const ana = people.get('Ana Indigo');
    const profile = (await ok(ana?.user ?? null, `query($id: ID!) { creativeProfile(id: $id) { crafts { code } freeCrafts freeSkills municipality { code name } portfolioItems { year client } } }`, { id: ana?.profileId })).creativeProfile;
    expect(profile.freeCrafts).toEqual(['ročni modrotisk', 'tiskanje z lesenimi modeli']);
    expect(profile.freeSkills).toEqual(['risanje vzorcev']);
    expect(profile.municipality).toEqual({ code: 'skofja-loka', name: 'Škofja Loka' });
    expect(profile.portfolioItems).toEqual([{ year: 2024, client: 'Čevljarstvo Žiri' }]);
    // Codes are suggested from the words, for the creative to confirm; nobody else sees them.
    const suggested = (await ok(ana?.user ?? null, `query($id: ID!) { creativeProfile(id: $id) { suggestedCodes { vocabulary code because } } }`, { id: ana?.profileId })).creativeProfile.suggestedCodes as Data[];
    expect(suggested).toContainEqual({ vocabulary: 'techniques', code: 'blueprint', because: expect.stringMatching(/modrotisk/i) });
    expect((await ok(alpina, `query($id: ID!) { creativeProfile(id: $id) { suggestedCodes { code } } }`, { id: ana?.profileId })).creativeProfile.suggestedCodes).toBeNull();
    // A label typed as it is written becomes its code.
    await ok(ana?.user ?? null, `mutation($id: ID!) { updateCreativeProfile(id: $id, input: { crafts: ["usnjarstvo in obdelava usnja", "ročni modrotisk"] }) { id } }`, { id: ana?.profileId });
    const updated = (await ok(ana?.user ?? null, `query($id: ID!) { creativeProfile(id: $id) { crafts { code } freeCrafts } }`, { id: ana?.profileId })).creativeProfile;
    expect(updated).toEqual({ crafts: [{ code: 'leatherwork' }], freeCrafts: ['ročni modrotisk'] });
    expect(await code(ana?.user ?? null, `mutation($id: ID!) { updateCreativeProfile(id: $id, input: { municipality: "Atlantida" }) { id } }`, { id: ana?.profileId })).toBe('BAD_USER_INPUT');
  });

  it('finds profiles written only in their own words, in either language, and ranks the printer above the upholsterer', async () => {
    const id = await challenge({ title: { sl: 'Modrotisk na usnju za pohodne čevlje' }, brief: { sl: 'Iščemo sodobno interpretacijo modrotiska na usnju za zgornji del pohodnega čevlja.' } });
    const names = await eventually(async () => {
      const found = await matchedNames(id);
      return found.includes('Ana Indigo') && found.includes('Bor Student') ? found : undefined;
    }, 30_000, 'free-text creatives matched');
    expect(names.indexOf('Ana Indigo')).toBeLessThan(names.indexOf('Cene Sofa') === -1 ? Infinity : names.indexOf('Cene Sofa'));
    expect(names.indexOf('Bor Student')).toBeLessThan(names.indexOf('Cene Sofa') === -1 ? Infinity : names.indexOf('Cene Sofa'));
  });

  it('never proposes a creative the owner did not open the challenge to', async () => {
    const id = await challenge({
      title: { sl: 'Študentski natečaj: modrotisk' }, brief: { sl: 'Natečaj za študente oblikovanja: modrotisk na usnju.' }, eligibility: { creativeKinds: ['STUDENT'] },
    });
    const names = await eventually(async () => {
      const found = await matchedNames(id);
      return found.includes('Bor Student') ? found : undefined;
    }, 30_000, 'student matched');
    expect(names).not.toContain('Ana Indigo');
    expect(names).not.toContain('Cene Sofa');
    const ana = people.get('Ana Indigo');
    const verdict = (await ok(ana?.user ?? null, `query($c: ID!) { myMatchWithChallenge(challengeId: $c) { matched reasons { en } } }`, { c: id })).myMatchWithChallenge;
    expect(verdict.matched).toBe(false);
    expect(verdict.reasons.map((r: Data) => r.en)).toContain('Entries are open to students only.');
    const challengeRules = (await ok(alpina, `query($id: ID!) { challenge(id: $id) { eligibility { creativeKinds onSite municipalities { code } } } }`, { id })).challenge;
    expect(challengeRules.eligibility).toEqual({ creativeKinds: ['STUDENT'], onSite: false, municipalities: [] });
    const region = await challenge({ title: { sl: 'Modrotisk za regijo' }, brief: { sl: 'Modrotisk na usnju.' }, eligibility: { municipalities: ['Gorenjska'] } });
    const inRegion = await eventually(async () => {
      const found = await matchedNames(region);
      return found.includes('Ana Indigo') ? found : undefined;
    }, 30_000, 'regional match');
    expect(inRegion).not.toContain('Cene Sofa'); // Ljubljana is not in Gorenjska
  });

  it('gives one pair one score everywhere, with reasons phrased for each reader', async () => {
    const id = await challenge({ title: { sl: 'Modrotisk na usnju, drugič' }, brief: { sl: 'Modrotisk na usnju za torbice.' } });
    const ana = people.get('Ana Indigo');
    const forOwner = await eventually(async () => {
      const list = (await ok(alpina, `query($id: ID!) { matchesForChallenge(id: $id, first: 50) { creative { id } ${MATCH} } }`, { id })).matchesForChallenge as Data[];
      return list.find((m) => m.creative.id === ana?.profileId);
    }, 30_000, 'Ana matched');
    const verdict = (await ok(ana?.user ?? null, `query($c: ID!) { myMatchWithChallenge(challengeId: $c) { ${MATCH} } }`, { c: id })).myMatchWithChallenge;
    const forCreative = await eventually(async () => ((await ok(ana?.user ?? null, `query($id: ID!) { matchesForCreative(id: $id, first: 50) { challenge { id } ${MATCH} } }`, { id: ana?.profileId })).matchesForCreative as Data[])
      .find((m) => m.challenge.id === id), 30_000, 'the challenge among the creative\'s matches');
    expect(verdict.score).toBeCloseTo(forOwner.score, 10);
    expect(forCreative?.score).toBeCloseTo(forOwner.score, 10);
    const crafts = (m: Data) => m.factors.find((f: Data) => f.factor === 'crafts').reason.en as string;
    expect(crafts(forOwner)).toMatch(/their portfolio shows “Modrotisk na usnju \(Čevljarstvo Žiri, 2024\)”/);
    expect(crafts(verdict)).toMatch(/your portfolio shows “Modrotisk na usnju \(Čevljarstvo Žiri, 2024\)”/);
    expect(forOwner.factors.map((f: Data) => f.reason.en).join(' ')).not.toMatch(/\byour?\b/i);
    expect(forOwner.hints).toEqual([]);
  });

  it('pages past the first page with cursors, with filters, on the same scores', async () => {
    const id = await challenge({ title: { sl: 'Oblikovanje in modrotisk' }, brief: { sl: 'Oblikovanje, tekstil, usnje, modrotisk, grafično oblikovanje, fotografija.' } });
    const all = await eventually(async () => {
      const list = (await ok(alpina, `query($id: ID!) { matchesForChallenge(id: $id, first: 50) { creative { id } score } }`, { id })).matchesForChallenge as Data[];
      return list.length >= 6 ? list : undefined;
    }, 30_000, 'several matches');
    const pageQuery = `query($id: ID!, $after: String, $filter: CreativeMatchFilterInput) { challengeMatches(id: $id, first: 3, after: $after, filter: $filter) { totalCount nodes { creative { id kind } score } pageInfo { endCursor hasNextPage } } }`;
    const first = (await ok(alpina, pageQuery, { id })).challengeMatches;
    const second = (await ok(alpina, pageQuery, { id, after: first.pageInfo.endCursor })).challengeMatches;
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect([...first.nodes, ...second.nodes].map((n: Data) => n.creative.id)).toEqual(all.slice(0, 6).map((m) => m.creative.id));
    expect(second.nodes[0].score).toBeCloseTo(all[3].score, 10);
    const students = (await ok(alpina, pageQuery, { id, filter: { kinds: ['STUDENT'] } })).challengeMatches;
    expect(students.nodes.length).toBeGreaterThan(0);
    expect(students.nodes.every((n: Data) => n.creative.kind === 'STUDENT')).toBe(true);
    expect(await code(alpina, pageQuery, { id, after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
  });
});
