import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getConfig } from '@app/config';
import type { ChallengeEntity, CreativeProfileEntity, OrganisationEntity } from '@app/database';
import {
  bestMatches, challengeDemand, codeRarity, CREATIVES_INDEX, creativeDocument, creativeSupply, DEFAULT_MATCH_WEIGHTS, DEMO_CHALLENGES, DEMO_CREATIVE_PROFILES, DEMO_ORGANISATIONS,
  demandText, labelOf, MatchAudience, MatchRetrieval, scoreMatch, Taxonomy, Vocabulary,
} from '@app/marketplace';
import { OramaSearchEngine } from '@app/search';
import { MATCHING_LABELS } from './bench-data/matching-labels';

/**
 * npm run bench:matching:latency [-- --profiles 100000 --queries 200 --verbose]
 * (The relevance figures through the GraphQL API on the independent set: npm run bench:matching.)
 * 1. Relevance on the labelled set (scripts/bench-data/matching-labels.ts): nDCG@10 and recall@50
 *    of the full scorer (MATCH_WEIGHTS applied) and of a text-only baseline (the engine's text
 *    relevance alone), both over the same first-stage retrieval on the embedded engine.
 * 2. Latency: top-20 matches for the seed challenges against N generated profiles on the embedded
 *    engine (retrieval + scoring; the PostgreSQL read of the ~100-300 candidate rows is not included).
 */
const args = process.argv.slice(2);
const PROFILES = Number(valueOf('--profiles') ?? 100_000);
const QUERIES = Number(valueOf('--queries') ?? 200);
const VERBOSE = args.includes('--verbose');
const CANDIDATES_PER_QUERY = 100;

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

type Ranked = { id: string; score: number }[];

async function main(): Promise<void> {
  if (!Number.isInteger(PROFILES) || PROFILES < 100 || PROFILES > 200_000) throw new Error('--profiles must be 100..200000');
  if (!Number.isInteger(QUERIES) || QUERIES < 10 || QUERIES > 5000) throw new Error('--queries must be 10..5000');
  const weights = { ...DEFAULT_MATCH_WEIGHTS, ...getConfig().matching.weights };
  console.log(`weights: ${JSON.stringify(weights)}`);

  // 1. Relevance on the demo catalogue.
  const demo = DEMO_CREATIVE_PROFILES.map((p, n) => profileEntity(p, n));
  const byName = new Map(demo.map((p) => [p.displayName, p]));
  const engine = new OramaSearchEngine();
  await engine.ensureIndex(CREATIVES_INDEX);
  await engine.upsert(CREATIVES_INDEX.name, demo.map((p) => creativeDocument(p)));
  const retrieval = new MatchRetrieval(engine);
  const rarityOf = async (search: OramaSearchEngine) => {
    const r = await search.search(CREATIVES_INDEX.name, { facets: ['domains'], limit: 0 });
    return codeRarity(r.facets.domains ?? {}, r.total);
  };
  const domainWeights = await rarityOf(engine);
  const rows: { key: string; full: [number, number]; text: [number, number] }[] = [];
  for (const [key, labels] of Object.entries(MATCHING_LABELS)) {
    const { challenge, owner } = challengeEntity(key);
    const gains = new Map(labels.map((l) => {
      const profile = byName.get(l.creative);
      if (!profile) throw new Error(`label for unknown creative ${l.creative}`);
      return [profile.id, l.grade] as const;
    }));
    const candidates = await retrieval.candidates(CREATIVES_INDEX, { codes: { domains: challenge.domains, techniques: challenge.techniques, materials: challenge.materials }, text: demandText(challenge) }, CANDIDATES_PER_QUERY);
    const profiles = demo.filter((p) => candidates.has(p.id));
    const demand = { ...challengeDemand(challenge, owner), domainWeights };
    const full = rank(profiles.map((p) => ({ id: p.id, score: scoreMatch(demand, creativeSupply(p), candidates.get(p.id) ?? 0, weights, labelOf, MatchAudience.Organisation).score })));
    const text = rank(profiles.map((p) => ({ id: p.id, score: candidates.get(p.id) ?? 0 })));
    if (VERBOSE) {
      const name = new Map(demo.map((p) => [p.id, p.displayName]));
      console.log(`\n${key}\n  full:      ${full.slice(0, 10).map((r) => `${name.get(r.id)} (${gains.get(r.id) ?? 0})`).join(', ')}\n  text-only: ${text.slice(0, 10).map((r) => `${name.get(r.id)} (${gains.get(r.id) ?? 0})`).join(', ')}`);
    }
    rows.push({ key, full: [ndcg(full, gains, 10), recall(full, gains, 50)], text: [ndcg(text, gains, 10), recall(text, gains, 50)] });
  }
  const mean = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0) / rows.length;
  console.log('\nrelevance (labelled set: 6 seed challenges x 60 demo profiles, graded 0-3)');
  console.log('challenge'.padEnd(38), 'full nDCG@10', 'recall@50', '| text-only nDCG@10', 'recall@50');
  for (const r of rows) console.log(r.key.padEnd(38), f(r.full[0]).padStart(12), f(r.full[1]).padStart(9), '|', f(r.text[0]).padStart(18), f(r.text[1]).padStart(9));
  console.log('MEAN'.padEnd(38), f(mean((r) => r.full[0])).padStart(12), f(mean((r) => r.full[1])).padStart(9), '|', f(mean((r) => r.text[0])).padStart(18), f(mean((r) => r.text[1])).padStart(9));

  // 2. Latency at scale.
  const big = new OramaSearchEngine();
  await big.ensureIndex(CREATIVES_INDEX);
  const t0 = performance.now();
  const generated: CreativeProfileEntity[] = [];
  for (let n = 0; n < PROFILES; n += 1) generated.push(generatedProfile(n));
  for (let from = 0; from < generated.length; from += 5000) await big.upsert(CREATIVES_INDEX.name, generated.slice(from, from + 5000).map((p) => creativeDocument(p)));
  console.log(`\nindexed ${PROFILES} generated profiles in ${((performance.now() - t0) / 1000).toFixed(1)} s (embedded engine, in memory)`);
  const byId = new Map(generated.map((p) => [p.id, p]));
  const bigRetrieval = new MatchRetrieval(big);
  const bigWeights = await rarityOf(big);
  const keys = Object.keys(MATCHING_LABELS);
  const latencies: number[] = [];
  let candidateCount = 0;
  for (let q = 0; q < QUERIES; q += 1) {
    const { challenge, owner } = challengeEntity(keys[q % keys.length]);
    const start = performance.now();
    const candidates = await bigRetrieval.candidates(CREATIVES_INDEX, { codes: { domains: challenge.domains, techniques: challenge.techniques, materials: challenge.materials }, text: demandText(challenge) }, CANDIDATES_PER_QUERY);
    const demand = { ...challengeDemand(challenge, owner), domainWeights: bigWeights };
    // As MatchingService does: every candidate ranked by its score, the 20 shown explained.
    const top = bestMatches(demand, [...candidates].map(([id, textScore]) => ({ subject: id, supply: creativeSupply(byId.get(id) as CreativeProfileEntity), textScore })), weights, labelOf, 20, MatchAudience.Organisation);
    latencies.push(performance.now() - start);
    candidateCount += candidates.size;
    if (top.length === 0) throw new Error('no matches at all: the generator and the retrieval disagree');
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  console.log(`match query (top 20 of ${PROFILES}): p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms over ${QUERIES} queries; ${Math.round(candidateCount / QUERIES)} candidates scored per query on average`);
}

function rank(scored: Ranked): Ranked {
  return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** nDCG@k with gains 2^grade - 1. */
function ndcg(ranked: Ranked, gains: ReadonlyMap<string, number>, k: number): number {
  const dcg = (grades: number[]) => grades.slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...gains.values()].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((r) => gains.get(r.id) ?? 0)) / ideal;
}

function recall(ranked: Ranked, gains: ReadonlyMap<string, number>, k: number): number {
  const found = ranked.slice(0, k).filter((r) => (gains.get(r.id) ?? 0) > 0).length;
  return gains.size === 0 ? 0 : found / gains.size;
}

function f(n: number): string {
  return n.toFixed(3);
}

function challengeEntity(key: string): { challenge: ChallengeEntity; owner: OrganisationEntity } {
  const c = DEMO_CHALLENGES.find((x) => x.key === key);
  if (!c) throw new Error(`no demo challenge ${key}`);
  const o = DEMO_ORGANISATIONS.find((x) => x.key === c.ownerKey);
  return {
    challenge: {
      id: randomUUID(), titleSl: c.title.sl, titleEn: c.title.en, briefSl: c.brief.sl, briefEn: c.brief.en,
      domains: c.domains, techniques: c.techniques, materials: c.materials,
    } as ChallengeEntity,
    owner: { municipality: o?.municipality ?? 'kranj' } as OrganisationEntity,
  };
}

function profileEntity(p: (typeof DEMO_CREATIVE_PROFILES)[number], n: number): CreativeProfileEntity {
  return {
    id: uuidOf(n), kind: p.kind, displayName: p.displayName, bioSl: p.bio.sl, bioEn: p.bio.en, domains: p.domains, crafts: p.crafts, techniques: p.techniques,
    materials: p.materials, skills: p.skills, freeCrafts: [], freeSkills: [], freeTechniques: [], freeMaterials: [], municipality: p.municipality, languages: p.languages, portfolioLinks: [], accountId: null,
    availability: 'AVAILABLE', matchingConsentAt: new Date(), erasedAt: null, isDemo: true, createdAt: new Date(), updatedAt: new Date(),
  };
}

/** Deterministic pseudo-random profiles: 1-3 codes per vocabulary, a short bio from the labels. */
function generatedProfile(n: number): CreativeProfileEntity {
  let seed = n * 2654435761;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (vocabulary: Vocabulary, max: number) => {
    const terms = Taxonomy.terms(vocabulary);
    return [...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => terms[Math.floor(next() * terms.length)].code))];
  };
  const places = Taxonomy.places();
  const [domains, crafts, techniques, materials, skills] = [pick(Vocabulary.Domain, 2), pick(Vocabulary.Craft, 2), pick(Vocabulary.Technique, 2), pick(Vocabulary.Material, 3), pick(Vocabulary.Skill, 3)];
  const words = [...crafts, ...techniques, ...materials].map((c) => labelOf(c));
  return {
    id: uuidOf(1_000_000 + n), kind: 'INDIVIDUAL', displayName: `Ustvarjalec ${n}`, bioSl: `Delam: ${words.map((w) => w.sl).join(', ')}.`, bioEn: `I work with ${words.map((w) => w.en).join(', ')}.`,
    domains, crafts, techniques, materials, skills, freeCrafts: [], freeSkills: [], freeTechniques: [], freeMaterials: [], municipality: places[Math.floor(next() * places.length)].code, languages: ['sl'], portfolioLinks: [], accountId: null,
    availability: 'AVAILABLE', matchingConsentAt: new Date(), erasedAt: null, isDemo: false, createdAt: new Date(), updatedAt: new Date(),
  };
}

function uuidOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
