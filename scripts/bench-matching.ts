import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MATCH_FACTOR_KEYS } from '@app/config';
import { BRIEFS } from './bench-data/matching-set/briefs.js';
import { HELD_OUT, LABELS, TUNE } from './bench-data/matching-set/labels.js';
import { bm25Rankings, figures, fold, type Figures } from './bench-data/matching-set/metrics.js';
import { PROFILES } from './bench-data/matching-set/profiles.js';
import { crossValidate, objective, rerank, tune, type PoolRow, type Split, type Weights } from './bench-data/matching-set/reweight.js';
import { PLACES, type BenchBrief, type BenchProfile } from './bench-data/matching-set/types.js';
import { PASSWORD, postGraphQL, signIn, startProduct, type Product } from './harness/product.js';

/**
 * npm run bench:matching [-- --url http://127.0.0.1:3000] [--ablations] [--verbose] [--concurrency 4]
 *
 * Relevance of matching on the independent set (scripts/bench-data/matching-set, rubric.md),
 * loaded through the public GraphQL API the way people would: every creative signs up, follows the
 * mailed verification link, signs in, creates their profile, agrees to be matched and adds their
 * portfolio; one account per organisation creates it, creates the challenge and publishes it. Then,
 * as the organisation, the matches for each challenge are read (challengeMatches when the API has
 * it, else matchesForChallenge first: 50). Prints nDCG@10, recall@50 (grade ≥ 2), grade-3 recall@50,
 * MAP and the top-10 slots that went to grade-0 profiles, for TUNE, HELD_OUT and all, for
 * (a) the product, (b) BM25 over the same texts (implemented here), and with --ablations (c) the
 * product restarted on the same data with MATCH_WEIGHTS=<factor>=0, factor by factor.
 *
 * --cv [k] reads each challenge's whole ranked pool with every factor's score (challengeMatches,
 * all pages), checks that re-weighting offline reproduces the product's order, then tunes the
 * factor weights by coordinate ascent with k-fold cross-validation on TUNE (default k 5), prints
 * each fold's weights and left-out figures, tunes once on all of TUNE and prints HELD_OUT under
 * those weights (HELD_OUT is measured, never tuned on) and the MATCH_WEIGHTS line to try.
 *
 * Without --url it starts the product like `npm start` (throwaway data directory and PostgreSQL,
 * own ports on 127.0.0.1, SEED_DEMO_DATA=false, stopped by pid). With --url it uses a running one
 * (mail read from --mail-dir <DATA_DIR>/mail; no ablations). Figures only: nothing is asserted.
 * The per-pair latency benchmark is `npm run bench:matching:latency`.
 */
const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const URL_ARG = valueOf('--url');
const MAIL_DIR_ARG = valueOf('--mail-dir');
const ABLATIONS = args.includes('--ablations');
/**
 * --try "MATCH_WEIGHTS=text=0.3,crafts=0.5;MATCH_WEIGHTS=text=0.2" — configurations to compare, each
 * a restart on the same data with those variables (';' between configurations, ' ' between
 * variables). For tuning on the TUNE split; the HELD_OUT line is printed but is not to be tuned on.
 */
const TRIES = (() => {
  const i = args.indexOf('--try');
  return i >= 0 ? (args[i + 1] ?? '').split(';').map((c) => c.trim()).filter(Boolean) : [];
})();
const VERBOSE = args.includes('--verbose');
const CV_FOLDS = args.includes('--cv') ? Number(/^\d+$/.test(valueOf('--cv') ?? '') ? valueOf('--cv') : 5) : 0;
const CONCURRENCY = Number(valueOf('--concurrency') ?? 4);
/** Loading gives up after this long (the whole set), and each request after 30 s. */
const LOAD_BUDGET_MS = 30 * 60_000;

type Json = Record<string, unknown>;
interface GqlAnswer { data: Json | null; errors?: { message: string; extensions?: { code?: string } }[] }

class GqlError extends Error {
  constructor(readonly op: string, readonly answer: GqlAnswer | string) {
    super(`${op}: ${typeof answer === 'string' ? answer : JSON.stringify(answer.errors).slice(0, 600)}`);
  }
}

async function gql(base: string, op: string, query: string, variables: Json = {}, token?: string): Promise<Json> {
  const answer = await postGraphQL(base, JSON.stringify({ query, variables }), token, 30_000);
  let json: GqlAnswer;
  try {
    json = JSON.parse(answer.text) as GqlAnswer;
  } catch {
    throw new GqlError(op, `HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  }
  if (!json.data || json.errors) throw new GqlError(op, json);
  return json.data;
}

/** What today's schema has of the planned API (introspected once). */
interface Capabilities {
  portfolioYearClient: boolean;
  eligibility: boolean;
  workingLanguages: boolean;
  challengeMatches: boolean;
  /** Probed with the first profile: free-text crafts/skills/techniques and municipality accepted. */
  freeTextTerms: boolean;
  freeTextMunicipality: boolean;
}

async function introspect(base: string): Promise<Omit<Capabilities, 'freeTextTerms' | 'freeTextMunicipality'>> {
  const fieldsOf = async (name: string) => {
    const data = await gql(base, 'introspection', `query($n: String!) { __type(name: $n) { inputFields { name } fields { name } } }`, { n: name });
    const type = data.__type as { inputFields: { name: string }[] | null; fields: { name: string }[] | null } | null;
    return new Set([...(type?.inputFields ?? []), ...(type?.fields ?? [])].map((f) => f.name));
  };
  const portfolio = await fieldsOf('PortfolioItemInput');
  const challenge = await fieldsOf('CreateChallengeInput');
  const query = await fieldsOf('Query');
  return {
    portfolioYearClient: portfolio.has('year') && portfolio.has('client'),
    eligibility: challenge.has('eligibility'),
    workingLanguages: challenge.has('workingLanguages'),
    challengeMatches: query.has('challengeMatches'),
  };
}

/** The reference lists, for today's API (codes only): free text that is exactly a code or a label is kept as that code. */
interface Reference { municipalities: { code: string; name: string }[]; terms: Record<'crafts' | 'skills' | 'techniques' | 'materials' | 'domains', Map<string, string>> }

async function reference(base: string): Promise<Reference> {
  const term = `code label { sl en }`;
  const data = (await gql(base, 'referenceData', `{ referenceData { municipalities { code name } crafts { ${term} } skills { ${term} } techniques { ${term} } materials { ${term} } domains { ${term} } } }`)).referenceData as Record<string, unknown>;
  const terms = (key: string) => {
    const map = new Map<string, string>();
    for (const t of data[key] as { code: string; label: { sl: string; en: string } }[]) for (const s of [t.code, t.label.sl, t.label.en]) if (s) map.set(fold(s), t.code);
    return map;
  };
  return {
    municipalities: data.municipalities as { code: string; name: string }[],
    terms: { crafts: terms('crafts'), skills: terms('skills'), techniques: terms('techniques'), materials: terms('materials'), domains: terms('domains') },
  };
}

/** Today's API: a typed municipality to a code, as a person picking from the list would (else the nearest listed: Ljubljana). */
function municipalityCode(ref: Reference, typed: string, fallbackName: string, tally: Map<string, number>): string {
  const clean = (s: string) => fold(s).replace(/^(v|na|pri)\s+/, '').replace(/[,(/].*$/, '').trim();
  const find = (s: string) => {
    const c = clean(s);
    return ref.municipalities.find((m) => fold(m.name) === c) ?? ref.municipalities.find((m) => fold(m.name).startsWith(`${c} `)) ?? ref.municipalities.find((m) => c.startsWith(`${fold(m.name)} `));
  };
  const typedHit = find(typed);
  const hit = typedHit ?? find(fallbackName);
  const how = typedHit ? 'typed name found' : hit ? 'typed name not found, real place picked' : 'not listed, nearest listed picked';
  tally.set(how, (tally.get(how) ?? 0) + 1);
  return hit?.code ?? ref.municipalities.find((m) => m.code === 'ljubljana')?.code ?? ref.municipalities[0].code;
}

/** A mail drop reader that reads each .eml once (the set signs up hundreds of accounts). */
class MailDrop {
  private readonly seen = new Map<string, string>();
  constructor(private readonly dir: string) {}
  async verificationToken(to: string): Promise<string> {
    const addressed = new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}$`, 'mi');
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (fs.existsSync(this.dir)) {
        for (const file of fs.readdirSync(this.dir)) {
          if (!file.endsWith('.eml') || this.seen.has(file)) continue;
          this.seen.set(file, fs.readFileSync(path.join(this.dir, file), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '='));
        }
        for (const [file, text] of this.seen) {
          const match = /\/verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(text);
          if (match && addressed.test(text)) {
            this.seen.set(file, '');
            return match[1];
          }
        }
      }
      if (Date.now() > deadline) throw new Error(`no verification mail to ${to} within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

async function signUpVerified(base: string, mail: MailDrop, email: string, displayName: string): Promise<string> {
  await gql(base, 'signUp', `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { email, password: PASSWORD, displayName, locale: 'sl' } });
  await gql(base, 'verifyEmail', `mutation($token: String!) { verifyEmail(token: $token) }`, { token: await mail.verificationToken(email) });
  return (await signIn(base, email, PASSWORD)).token;
}

const texts = (t: { sl?: string; en?: string }) => Object.fromEntries(Object.entries(t).filter(([, v]) => v));

interface Loader {
  base: string;
  mail: MailDrop;
  caps: Capabilities;
  ref: Reference;
  run: string;
  tally: { municipality: Map<string, number>; termsSent: number; termsDropped: number; portfolioItems: number };
}

/** A profile's crafts/skills/techniques as sent: free text (planned API), or only what is exactly a code (today's). */
function terms(l: Loader, p: BenchProfile): Json {
  if (l.caps.freeTextTerms) return { crafts: p.crafts, skills: p.skills, techniques: p.techniques };
  const out: Record<string, string[]> = {};
  for (const key of ['crafts', 'skills', 'techniques'] as const) {
    const codes = p[key].map((s) => l.ref.terms[key].get(fold(s)));
    l.tally.termsSent += codes.filter(Boolean).length;
    l.tally.termsDropped += codes.filter((c) => !c).length;
    out[key] = [...new Set(codes.filter((c): c is string => Boolean(c)))];
  }
  return out;
}

const CREATE_PROFILE = `mutation($input: CreateCreativeProfileInput!) { createCreativeProfile(input: $input) { id } }`;

function profileInput(l: Loader, p: BenchProfile): Json {
  return {
    displayName: p.displayName, kind: p.kind, languages: p.languages, availability: p.availability, bio: texts(p.bio),
    municipality: l.caps.freeTextMunicipality ? p.municipality : municipalityCode(l.ref, p.municipality, PLACES[p.truth.place].name, l.tally.municipality),
    ...terms(l, p),
  };
}

/** One creative, as a person would: sign up, verify, sign in, profile, consent, portfolio. Returns the profile id. */
async function loadCreative(l: Loader, p: BenchProfile): Promise<string> {
  const token = await signUpVerified(l.base, l.mail, `${p.key}.${l.run}@bench.modrotisk.test`, p.displayName);
  const id = ((await gql(l.base, 'createCreativeProfile', CREATE_PROFILE, { input: profileInput(l, p) }, token)).createCreativeProfile as { id: string }).id;
  await gql(l.base, 'setMatchingConsent', `mutation { setMatchingConsent(consent: true) { id } }`, {}, token);
  for (const item of p.portfolio) {
    const input: Json = { title: texts(item.title), ...(item.description ? { description: texts(item.description) } : {}), ...(item.link ? { link: item.link } : {}) };
    if (l.caps.portfolioYearClient) Object.assign(input, { ...(item.year ? { year: item.year } : {}), ...(item.client ? { client: item.client } : {}) });
    await gql(l.base, 'addPortfolioItem', `mutation($input: PortfolioItemInput!) { addPortfolioItem(input: $input) { id } }`, { input }, token);
    l.tally.portfolioItems += 1;
  }
  return id;
}

/**
 * The first profile decides what today's API accepts: free text everywhere (planned), else codes for
 * the terms, else codes for the municipality too. The probes are throwaway accounts, not in the set.
 */
async function probeFreeText(l: Loader, p: BenchProfile): Promise<void> {
  const attempts: [boolean, boolean][] = [[true, true], [false, true], [true, false], [false, false]];
  for (const [n, [terms, municipality]] of attempts.entries()) {
    l.caps.freeTextTerms = terms;
    l.caps.freeTextMunicipality = municipality;
    const token = await signUpVerified(l.base, l.mail, `probe${n}.${l.run}@bench.modrotisk.test`, `Probe ${n}`);
    try {
      await gql(l.base, 'createCreativeProfile (probe)', CREATE_PROFILE, { input: { ...profileInput(l, p), displayName: `Probe ${n}`, crafts: terms ? ['ročni tisk z indigom na usnje'] : [] } }, token);
      // A probe profile never consents, so it is never matched.
      return;
    } catch (error) {
      if (!(error instanceof GqlError)) throw error;
      if (VERBOSE) console.log(`  probe free-text terms=${terms} municipality=${municipality}: ${error.message.slice(0, 200)}`);
    }
  }
  throw new Error('the API accepted no form of the first profile');
}

async function inBatches<T, R>(items: readonly T[], size: number, deadline: number, work: (item: T) => Promise<R>, progress: (done: number) => void): Promise<R[]> {
  const out: R[] = [];
  for (let from = 0; from < items.length; from += size) {
    if (Date.now() > deadline) throw new Error(`loading took longer than ${LOAD_BUDGET_MS / 60_000} min; stopped after ${from} of ${items.length}`);
    out.push(...(await Promise.all(items.slice(from, from + size).map(work))));
    progress(out.length);
  }
  return out;
}

const DEADLINE_DAYS = 60;

/** One account per organisation: creates it, the challenge, publishes it. Returns the challenge id and the owner's e-mail. */
async function loadBrief(l: Loader, b: BenchBrief): Promise<{ id: string; email: string }> {
  const email = `org-${b.key}.${l.run}@bench.modrotisk.test`;
  const token = await signUpVerified(l.base, l.mail, email, b.organisation.name);
  const municipality = municipalityCode(l.ref, PLACES[b.organisation.place].name, PLACES[b.organisation.place].name, new Map());
  const org = ((await gql(l.base, 'createOrganisation', `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
    { i: { name: b.organisation.name, kind: b.organisation.kind, municipality } }, token)).createOrganisation as { id: string }).id;
  const codes = (key: 'techniques' | 'materials' | 'domains') => (b.codes?.[key] ?? []).map((c) => l.ref.terms[key].get(fold(c))).filter((c): c is string => Boolean(c));
  const input: Json = {
    ownerOrganisationId: org, kind: b.challengeKind, title: texts(b.title), brief: texts(b.brief),
    criteria: b.criteria.map((c) => ({ name: texts(c.name), weight: c.weight })),
    deadline: new Date(Date.now() + DEADLINE_DAYS * 86_400_000).toISOString(),
    techniques: codes('techniques'), materials: codes('materials'), domains: codes('domains'),
  };
  if (l.caps.eligibility && b.eligibility) {
    input.eligibility = {
      ...(b.eligibility.creativeKinds ? { creativeKinds: b.eligibility.creativeKinds } : {}),
      ...(b.eligibility.municipalities ? { municipalities: b.eligibility.municipalities.map((k) => PLACES[k].name) } : {}),
      ...(b.eligibility.onSite ? { onSite: true } : {}),
    };
  }
  if (l.caps.workingLanguages && b.workingLanguages) input.workingLanguages = b.workingLanguages;
  const id = ((await gql(l.base, 'createChallenge', `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`, { i: input }, token)).createChallenge as { id: string }).id;
  await gql(l.base, 'publishChallenge', `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id }, token);
  return { id, email };
}

/** The product's ranking for a challenge, as its organisation reads it (up to 100 with challengeMatches, else 50). */
async function productRanking(base: string, caps: Capabilities, challenge: { id: string; token: string }): Promise<string[]> {
  if (!caps.challengeMatches) {
    const data = await gql(base, 'matchesForChallenge', `query($id: ID!) { matchesForChallenge(id: $id, first: 50) { score creative { id } } }`, { id: challenge.id }, challenge.token);
    return (data.matchesForChallenge as { creative: { id: string } }[]).map((m) => m.creative.id);
  }
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 4 && ids.length < 100; page += 1) {
    const data = await gql(base, 'challengeMatches', `query($id: ID!, $after: String) { challengeMatches(id: $id, first: 50, after: $after) { nodes { score creative { id } } pageInfo { endCursor hasNextPage } } }`,
      { id: challenge.id, after }, challenge.token);
    const r = data.challengeMatches as { nodes: { creative: { id: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
    ids.push(...r.nodes.map((n) => n.creative.id));
    if (!r.pageInfo.hasNextPage) break;
    after = r.pageInfo.endCursor;
  }
  return ids;
}

/** The challenge's whole ranked pool with every factor's score and weight (all pages, at most 40). */
async function productPool(base: string, challenge: { id: string; token: string }): Promise<{ id: string; factors: PoolRow['factors'] }[]> {
  const rows: { id: string; factors: PoolRow['factors'] }[] = [];
  let after: string | null = null;
  for (let page = 0; page < 40; page += 1) {
    const data = await gql(base, 'challengeMatches', `query($id: ID!, $after: String) { challengeMatches(id: $id, first: 50, after: $after) { nodes { creative { id } factors { factor score weight } } pageInfo { endCursor hasNextPage } } }`,
      { id: challenge.id, after }, challenge.token);
    const r = data.challengeMatches as { nodes: { creative: { id: string }; factors: PoolRow['factors'] }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
    rows.push(...r.nodes.map((n) => ({ id: n.creative.id, factors: n.factors })));
    if (!r.pageInfo.hasNextPage) break;
    after = r.pageInfo.endCursor;
  }
  return rows;
}

/** The weight the product applied to most rows, per factor (the configured one; on-site location may be floored above it). */
function configuredWeights(pools: Iterable<readonly PoolRow[]>): Record<string, number> {
  const seen = new Map<string, Map<number, number>>();
  for (const pool of pools) for (const row of pool) for (const f of row.factors) {
    const m = seen.get(f.factor) ?? new Map<number, number>();
    m.set(f.weight, (m.get(f.weight) ?? 0) + 1);
    seen.set(f.factor, m);
  }
  return Object.fromEntries([...seen].map(([factor, m]) => [factor, [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0]]));
}

/** The factors the product applied somewhere in the set, with their weights (a factor never applied cannot be tuned here). */
const showWeights = (w: Weights) => MATCH_FACTOR_KEYS.filter((f) => f in w).map((f) => `${f}=${+w[f].toFixed(3)}`).join(',');

function crossValidation(pools: ReadonlyMap<string, readonly PoolRow[]>, k: number): void {
  const configured = configuredWeights(pools.values());
  const split: Split = { keys: BRIEFS.map((b) => b.key), pools, labels: LABELS };
  let reproduced = 0;
  for (const b of BRIEFS) {
    const pool = pools.get(b.key) ?? [];
    if (rerank(pool, configured, configured).every((key, i) => key === pool[i].key)) reproduced += 1;
  }
  console.log(`\ncross-validation of the weights (offline re-ranking of each challenge's whole pool; the product's weights: ${showWeights(configured)})`);
  console.log(`  re-ranking under the product's own weights reproduces its order for ${reproduced} of ${BRIEFS.length} challenges`);
  for (const [name, keys] of [['TUNE', TUNE], ['HELD_OUT', HELD_OUT]] as const) {
    let inPool = 0;
    let relevant = 0;
    for (const key of keys) {
      const members = new Set((pools.get(key) ?? []).map((r) => r.key));
      for (const [profile, g] of Object.entries(LABELS[key])) if (g >= 2) {
        relevant += 1;
        if (members.has(profile)) inPool += 1;
      }
    }
    console.log(`  ${name}: ${inPool} of ${relevant} relevant (grade ≥ 2) pairs are in the pools (pool recall ${(inPool / Math.max(1, relevant)).toFixed(3)}); mean pool size ${(keys.reduce((s, key) => s + (pools.get(key)?.length ?? 0), 0) / keys.length).toFixed(0)}`);
  }
  const factors = MATCH_FACTOR_KEYS.filter((f) => f in configured);
  const unused = MATCH_FACTOR_KEYS.filter((f) => !(f in configured));
  if (unused.length > 0) console.log(`  never applied in this set, so not tuned: ${unused.join(', ')}`);
  if (VERBOSE) {
    const name = new Map(PROFILES.map((p) => [p.key, p.displayName]));
    for (const key of TUNE) {
      const members = new Set((pools.get(key) ?? []).map((r) => r.key));
      const missing = Object.entries(LABELS[key]).filter(([profile, g]) => g >= 2 && !members.has(profile));
      if (missing.length > 0) console.log(`  ${key}: not retrieved ${missing.map(([profile, g]) => `${name.get(profile) ?? profile} [${profile}] (${g})`).join(', ')}`);
    }
  }
  const folds = crossValidate(split, TUNE, k, factors, configured, configured);
  for (const f of folds) {
    const base = objective(split, f.held, configured, configured);
    console.log(`  fold (left out ${f.held.length}: ${f.held.join(', ')})\n    tuned ${showWeights(f.weights)}\n    left-out nDCG@10 ${f.ndcg10.toFixed(3)} recall@50 ${f.recall50.toFixed(3)} (product's weights: ${base.ndcg10.toFixed(3)} / ${base.recall50.toFixed(3)})`);
  }
  const mean = (pick: (f: (typeof folds)[number]) => number) => (folds.reduce((s, f) => s + pick(f) * f.held.length, 0) / folds.reduce((s, f) => s + f.held.length, 0)).toFixed(3);
  const baseAll = objective(split, TUNE, configured, configured);
  console.log(`  ${k}-fold CV on TUNE: left-out nDCG@10 ${mean((f) => f.ndcg10)} recall@50 ${mean((f) => f.recall50)} (product's weights on TUNE: ${baseAll.ndcg10.toFixed(3)} / ${baseAll.recall50.toFixed(3)})`);
  const final = tune(split, TUNE, factors, configured, configured);
  for (const [name, keys] of [['TUNE', TUNE], ['HELD_OUT', HELD_OUT]] as const) {
    const now = objective(split, keys, configured, configured);
    const tuned = objective(split, keys, final, configured);
    console.log(`  tuned on all of TUNE → ${name}: nDCG@10 ${tuned.ndcg10.toFixed(3)} recall@50 ${tuned.recall50.toFixed(3)} (product's weights: ${now.ndcg10.toFixed(3)} / ${now.recall50.toFixed(3)})`);
  }
  console.log(`  MATCH_WEIGHTS=${showWeights(final)}`);
}

function report(name: string, rankings: ReadonlyMap<string, readonly string[]>): void {
  for (const [split, keys] of [['TUNE', TUNE], ['HELD_OUT', HELD_OUT], ['all', BRIEFS.map((b) => b.key)]] as const) {
    const rows = keys.map((k) => figures(rankings.get(k) ?? [], LABELS[k]));
    const mean = (pick: (f: Figures) => number) => (rows.reduce((s, r) => s + pick(r), 0) / rows.length).toFixed(3);
    const zero = rows.reduce((s, r) => s + r.zeroInTop10, 0);
    const slots = keys.length * 10;
    const filled = rows.reduce((s, r) => s + r.top10Slots, 0);
    console.log(`${name.padEnd(26)} ${split.padEnd(9)} nDCG@10 ${mean((f) => f.ndcg10)}  recall@50 ${mean((f) => f.recall50)}  grade-3 recall@50 ${mean((f) => f.recall50Ideal)}  MAP ${mean((f) => f.map)}  grade-0 in top 10: ${zero} of ${slots} slots${filled < slots ? ` (${slots - filled} empty)` : ''}`);
  }
}

async function main(): Promise<void> {
  if (!Number.isInteger(CONCURRENCY) || CONCURRENCY < 1 || CONCURRENCY > 16) throw new Error('--concurrency must be 1..16');
  if (URL_ARG && !MAIL_DIR_ARG) throw new Error('--url needs --mail-dir <DATA_DIR of that product>/mail to read the verification mails');
  if (URL_ARG && (ABLATIONS || TRIES.length > 0)) throw new Error('--ablations restarts the product: not with --url');
  console.log(`bench:matching: ${BRIEFS.length} briefs (${TUNE.length} TUNE, ${HELD_OUT.length} HELD_OUT) × ${PROFILES.length} profiles, every pair graded 0-3 (rubric.md)`);

  const bm25 = bm25Rankings(BRIEFS, PROFILES);
  report('BM25 (title+brief vs texts)', bm25);

  const started = performance.now();
  const product: Pick<Product, 'base' | 'dataDir' | 'restart' | 'stop'> = URL_ARG
    ? { base: URL_ARG, dataDir: path.dirname(MAIL_DIR_ARG as string), restart: () => Promise.reject(new Error('no restart with --url')), stop: () => Promise.resolve() }
    : await startProduct({ seedDemoData: false, log: (line) => console.log(line) });
  try {
    console.log(`product ready after ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const caps: Capabilities = { ...(await introspect(product.base)), freeTextTerms: false, freeTextMunicipality: false };
    const l: Loader = {
      base: product.base, mail: new MailDrop(MAIL_DIR_ARG ?? path.join(product.dataDir, 'mail')), caps, ref: await reference(product.base),
      run: Date.now().toString(36), tally: { municipality: new Map(), termsSent: 0, termsDropped: 0, portfolioItems: 0 },
    };
    await probeFreeText(l, PROFILES[0]);
    console.log(`API: free-text crafts/skills/techniques ${caps.freeTextTerms ? 'sent' : 'NOT accepted (only exact codes sent)'}; ` +
      `municipality ${caps.freeTextMunicipality ? 'sent as typed' : 'NOT accepted as typed (mapped to a listed code)'}; ` +
      `portfolio year/client ${caps.portfolioYearClient ? 'sent' : 'not in schema'}; eligibility ${caps.eligibility ? 'sent' : 'not in schema'}; ` +
      `workingLanguages ${caps.workingLanguages ? 'sent' : 'not in schema'}; ranking read with ${caps.challengeMatches ? 'challengeMatches (up to 100)' : 'matchesForChallenge first: 50'}`);

    const loadStart = performance.now();
    const deadline = Date.now() + LOAD_BUDGET_MS;
    const tick = (what: string, total: number) => (done: number) => {
      if (done % 40 < CONCURRENCY || done === total) console.log(`  ${what}: ${done}/${total} (${((performance.now() - loadStart) / 1000).toFixed(0)} s)`);
    };
    const ids = await inBatches(PROFILES, CONCURRENCY, deadline, (p) => loadCreative(l, p), tick('creatives', PROFILES.length));
    const keyOf = new Map(ids.map((id, i) => [id, PROFILES[i].key]));
    const challenges = await inBatches(BRIEFS, CONCURRENCY, deadline, (b) => loadBrief(l, b), tick('challenges', BRIEFS.length));
    const byBrief = new Map(BRIEFS.map((b, i) => [b.key, challenges[i]]));
    console.log(`loaded ${PROFILES.length} creatives (${l.tally.portfolioItems} portfolio items) and ${BRIEFS.length} challenges in ${((performance.now() - loadStart) / 1000).toFixed(0)} s`);
    if (!caps.freeTextTerms) console.log(`  crafts/skills/techniques: ${l.tally.termsSent} kept as codes, ${l.tally.termsDropped} free-text entries dropped (no code)`);
    if (!caps.freeTextMunicipality) console.log(`  municipality: ${[...l.tally.municipality].map(([how, n]) => `${n} ${how}`).join(', ')}`);

    // The worker indexes profiles through the outbox: wait until every one is searchable (bounded).
    const indexStart = performance.now();
    let indexed = 0;
    for (let i = 0; i < 240; i += 1) {
      indexed = ((await gql(product.base, 'searchCreatives', `{ searchCreatives(first: 1) { totalCount } }`)).searchCreatives as { totalCount: number }).totalCount;
      if (indexed >= PROFILES.length) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    console.log(`${indexed} creatives searchable after ${((performance.now() - indexStart) / 1000).toFixed(0)} s more`);

    // Signed in afresh for each read (access tokens last 15 minutes; loading and restarts take longer).
    const readAll = async () => {
      const out = new Map<string, string[]>();
      for (const b of BRIEFS) {
        const { id, email } = byBrief.get(b.key) as { id: string; email: string };
        const ranked = await productRanking(product.base, caps, { id, token: (await signIn(product.base, email, PASSWORD)).token });
        out.set(b.key, ranked.map((id) => keyOf.get(id) ?? `unknown:${id}`));
      }
      return out;
    };
    const queryStart = performance.now();
    const pipeline = await readAll();
    console.log(`read ${BRIEFS.length} rankings in ${((performance.now() - queryStart) / 1000).toFixed(1)} s\n`);
    report('BM25 (title+brief vs texts)', bm25);
    report('product (GraphQL)', pipeline);
    if (VERBOSE) {
      const name = new Map(PROFILES.map((p) => [p.key, p.displayName]));
      for (const b of BRIEFS) {
        const show = (r: readonly string[]) => r.slice(0, 10).map((k) => `${name.get(k) ?? k} (${LABELS[b.key][k] ?? '?'})`).join(', ');
        console.log(`\n${b.key}${HELD_OUT.includes(b.key) ? ' [held out]' : ''}\n  product: ${show(pipeline.get(b.key) ?? [])}\n  BM25:    ${show(bm25.get(b.key) ?? [])}`);
      }
    }
    for (const configuration of TRIES) {
      const env = Object.fromEntries(configuration.split(' ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
      await product.restart(env);
      report(`try ${configuration}`, await readAll());
    }
    if (TRIES.length > 0) await product.restart({});
    if (CV_FOLDS > 0) {
      const pools = new Map<string, PoolRow[]>();
      for (const b of BRIEFS) {
        const { id, email } = byBrief.get(b.key) as { id: string; email: string };
        const rows = await productPool(product.base, { id, token: (await signIn(product.base, email, PASSWORD)).token });
        pools.set(b.key, rows.map((r) => ({ key: keyOf.get(r.id) ?? `unknown:${r.id}`, factors: r.factors })));
      }
      crossValidation(pools, CV_FOLDS);
    }
    if (ABLATIONS) {
      console.log('\nablations (restart on the same data with one factor weighted 0):');
      for (const factor of MATCH_FACTOR_KEYS) {
        const t0 = performance.now();
        await product.restart({ MATCH_WEIGHTS: `${factor}=0` });
        report(`without ${factor}`, await readAll());
        if (VERBOSE) console.log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
      await product.restart({});
    }
  } finally {
    await product.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
