import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeeder } from '@app/marketplace';
import { eventually } from '@app/testing';
import { login, type TestUser } from './accounts-helpers.js';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MATCH = `factors { factor score weight contribution reason { sl en } } hints { sl en } score`;

/** Explained two-sided matching on the demo data, with consent, as each side. */
describe('matching (e2e)', () => {
  let t: TestApp;
  const users = new Map<string, TestUser>();
  const { ok, code } = caller(() => t.app);
  const as = (key: string) => users.get(key) as TestUser;
  let alpinaChallenge: string, metaProfile: string;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    await t.app.get(DemoSeeder).seedOnce({ activity: true });
    for (const account of DEMO_ACCOUNTS) users.set(account.key, await login(t.app, account.email, DEMO_PASSWORD));
    const nodes = (await ok(as('admin'), `{ challenges(first: 50) { nodes { id title { sl } } } }`)).challenges.nodes as Data[];
    alpinaChallenge = (nodes.find((n) => n.title.sl.startsWith('Modrotisk')) as Data).id;
    metaProfile = (await ok(as('meta'), `{ me { creativeProfileId } }`)).me.creativeProfileId;
    // The worker indexes the demo catalogue through the outbox.
    await eventually(async () => ((await ok(null, `{ searchCreatives(first: 1) { totalCount } }`)).searchCreatives.totalCount >= 50 ? true : undefined), 60_000, 'demo creatives indexed');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('proposes creatives for a challenge, best first, every factor explained in both languages', async () => {
    const matches = (await ok(as('alpina'), `query($id: ID!) { matchesForChallenge(id: $id, first: 10) { creative { displayName techniques { code } materials { code } } ${MATCH} } }`, { id: alpinaChallenge })).matchesForChallenge as Data[];
    expect(matches.length).toBeGreaterThanOrEqual(5);
    const scores = matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const best = matches[0];
    expect(best.factors.reduce((s: number, f: Data) => s + f.contribution, 0)).toBeCloseTo(best.score, 6);
    expect(best.factors.every((f: Data) => f.reason.sl && f.reason.en)).toBe(true);
    // The brief asks for blueprint print on leather: the best match works with one of them.
    const making = [...best.creative.techniques, ...best.creative.materials].map((c: Data) => c.code);
    expect(making.some((c: string) => ['blueprint', 'leather', 'indigo-dyeing'].includes(c))).toBe(true);
    expect(matches.map((m) => m.creative.displayName)).toContain('Meta Modrinjak');
  });

  it('stops matching a creative the moment consent is withdrawn, and tells them why', async () => {
    await ok(as('meta'), `mutation { setMatchingConsent(consent: false) { matchingConsent } }`);
    const names = (await ok(as('alpina'), `query($id: ID!) { matchesForChallenge(id: $id, first: 50) { creative { displayName } } }`, { id: alpinaChallenge })).matchesForChallenge.map((m: Data) => m.creative.displayName);
    expect(names).not.toContain('Meta Modrinjak');
    const verdict = (await ok(as('meta'), `query($c: ID!) { myMatchWithChallenge(challengeId: $c) { matched reasons { en } threshold ${MATCH} } }`, { c: alpinaChallenge })).myMatchWithChallenge;
    expect(verdict.matched).toBe(false);
    expect(verdict.reasons.map((r: Data) => r.en)).toContain('You have not agreed to be matched, so you are not proposed to anyone.');
    expect(verdict.factors.length).toBeGreaterThan(3);
    await ok(as('meta'), `mutation { setMatchingConsent(consent: true) { matchingConsent } }`);
    expect((await ok(as('meta'), `query($c: ID!) { myMatchWithChallenge(challengeId: $c) { matched } }`, { c: alpinaChallenge })).myMatchWithChallenge.matched).toBe(true);
    // Consent is the creative's own business.
    expect((await ok(as('alpina'), `query($id: ID!) { creativeProfile(id: $id) { matchingConsent } }`, { id: metaProfile })).creativeProfile.matchingConsent).toBeNull();
  });

  it('proposes open challenges to a creative, with hints on what would raise the score', async () => {
    const matches = (await ok(as('meta'), `query($id: ID!) { matchesForCreative(id: $id) { challenge { id status } ${MATCH} } }`, { id: metaProfile })).matchesForCreative as Data[];
    expect(matches.map((m) => m.challenge.id)).toContain(alpinaChallenge);
    expect(matches.every((m) => m.challenge.status === 'PUBLISHED')).toBe(true);
    expect(matches.some((m) => m.hints.length > 0)).toBe(true);
  });

  it('matches needs with offers both ways', async () => {
    const orgId = (await ok(as('alpina'), `{ me { memberships { organisation { id } } } }`)).me.memberships[0].organisation.id;
    const need = (await ok(as('alpina'), `mutation($o: ID!) { createNeed(input: { ownerOrganisationId: $o, title: { sl: "Usnjene etikete z modrotiskom" }, description: { sl: "Potrebujemo etikete iz usnja z modrotiskom." }, techniques: ["blueprint"], materials: ["leather"] }) { id } }`, { o: orgId })).createNeed.id;
    await ok(as('alpina'), `mutation($id: ID!) { publishNeed(id: $id) { id } }`, { id: need });
    const offer = (await ok(as('meta'), `mutation($p: ID!) { createOffer(input: { creativeProfileId: $p, kind: SERVICE, title: { sl: "Modrotisk na usnju po naročilu" }, description: { sl: "Ročni modrotisk na usnjenih izdelkih." }, techniques: ["blueprint"], materials: ["leather"] }) { id } }`, { p: metaProfile })).createOffer.id;
    await ok(as('meta'), `mutation($id: ID!) { publishOffer(id: $id) { id } }`, { id: offer });
    const forNeed = await eventually(async () => {
      const r = (await ok(as('alpina'), `query($id: ID!) { matchesForNeed(id: $id) { offers { offer { id } score } creatives { creative { displayName } } } }`, { id: need })).matchesForNeed;
      return r.offers.some((o: Data) => o.offer.id === offer) ? r : undefined;
    }, 20_000, 'offer matched to need');
    expect(forNeed.creatives.length).toBeGreaterThan(0);
    const forOffer = await eventually(async () => {
      const r = (await ok(as('meta'), `query($id: ID!) { matchesForOffer(id: $id) { need { id } ${MATCH} } }`, { id: offer })).matchesForOffer as Data[];
      return r.some((m) => m.need.id === need) ? r : undefined;
    }, 20_000, 'need matched to offer');
    expect(forOffer.find((m) => m.need.id === need)?.score).toBeGreaterThan(0.5);
  });

  it('shows matches only to the rightful side', async () => {
    expect(await code(as('meta'), `query($id: ID!) { matchesForChallenge(id: $id) { score } }`, { id: alpinaChallenge })).toBe('FORBIDDEN');
    expect(await code(as('neza'), `query($id: ID!) { matchesForCreative(id: $id) { score } }`, { id: metaProfile })).toBe('NOT_FOUND');
    expect(await code(null, `query($id: ID!) { matchesForChallenge(id: $id) { score } }`, { id: alpinaChallenge })).toBe('UNAUTHENTICATED');
  });

  it('finds matches for every demo challenge', async () => {
    const all = ((await ok(as('admin'), `{ challenges(first: 50) { nodes { id title { sl } } } }`)).challenges.nodes as Data[]);
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const c of all) {
      const matches = (await ok(as('admin'), `query($id: ID!) { matchesForChallenge(id: $id, first: 3) { score factors { factor } } }`, { id: c.id })).matchesForChallenge as Data[];
      expect({ challenge: c.title.sl, matches: matches.length }).toEqual({ challenge: c.title.sl, matches: 3 });
    }
  });
});
