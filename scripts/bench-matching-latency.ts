import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getConfig } from '@app/config';
import type { ChallengeEntity, CreativeProfileEntity, OrganisationEntity } from '@app/database';
import {
  bestMatches, challengeDemand, codeRarity, coreConcepts, CREATIVES_INDEX, creativeDocument, creativeSupply, DEFAULT_MATCH_WEIGHTS, DEMO_CHALLENGES, DEMO_ORGANISATIONS,
  demandText, labelOf, MatchAudience, MatchRetrieval, rankMatches, Taxonomy, Vocabulary,
} from '@app/marketplace';
import { OramaSearchEngine } from '@app/search';

/**
 * npm run bench:matching:latency [-- --profiles 100000 --queries 200]
 * (Relevance is measured through the GraphQL API on the labelled set: npm run bench:matching.)
 * Latency of one interactive match on the embedded engine, the path MatchingService takes: the
 * brief's concepts and whole text as queries (concept filter, code filters, OR chunks of the text in
 * one multi-search), every candidate's supply built and ranked, the best 20 explained. N generated
 * profiles with free-text crafts and a statement; the PostgreSQL read of the candidate rows and their
 * portfolios is not included (see bench:concurrency for the whole request).
 */
const args = process.argv.slice(2);
const PROFILES = Number(valueOf('--profiles') ?? 100_000);
const QUERIES = Number(valueOf('--queries') ?? 200);

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/** What people write about their practice, in both languages (the generator's free text). */
const OWN_WORDS = [
  'ročni modrotisk', 'tisk z lesenimi modeli', 'usnjeni izdelki', 'kovano železo', 'lončarstvo', 'pletenje iz volne', 'klekljana čipka', 'lesorez',
  'product design', 'podcast production', 'oral history interviews', 'wayfinding signage', 'glass blowing', 'screen printing', 'ilustracija za otroke', 'video montaža',
];

async function main(): Promise<void> {
  if (!Number.isInteger(PROFILES) || PROFILES < 100 || PROFILES > 200_000) throw new Error('--profiles must be 100..200000');
  if (!Number.isInteger(QUERIES) || QUERIES < 10 || QUERIES > 5000) throw new Error('--queries must be 10..5000');
  const weights = { ...DEFAULT_MATCH_WEIGHTS, ...getConfig().matching.weights };
  const engine = new OramaSearchEngine();
  await engine.ensureIndex(CREATIVES_INDEX);
  const t0 = performance.now();
  const generated: CreativeProfileEntity[] = [];
  for (let n = 0; n < PROFILES; n += 1) generated.push(generatedProfile(n));
  for (let from = 0; from < generated.length; from += 5000) await engine.upsert(CREATIVES_INDEX.name, generated.slice(from, from + 5000).map((p) => creativeDocument(p)));
  console.log(`indexed ${PROFILES} generated profiles in ${((performance.now() - t0) / 1000).toFixed(1)} s (embedded engine, in memory)`);
  const byId = new Map(generated.map((p) => [p.id, p]));
  const retrieval = new MatchRetrieval(engine);
  const rarity = await engine.search(CREATIVES_INDEX.name, { facets: ['domains'], limit: 0 });
  const domainWeights = codeRarity(rarity.facets.domains ?? {}, rarity.total);
  const latencies: number[] = [];
  const retrievals: number[] = [];
  let candidateCount = 0;
  for (let q = 0; q < QUERIES; q += 1) {
    const { challenge, owner } = challengeEntity(q % DEMO_CHALLENGES.length);
    const start = performance.now();
    const demand = { ...challengeDemand(challenge, owner), domainWeights };
    const candidates = await retrieval.candidates(CREATIVES_INDEX, {
      codes: { domains: challenge.domains, techniques: challenge.techniques, materials: challenge.materials }, concepts: coreConcepts(demand.concepts).map((c) => c.id), otherConcepts: demand.concepts.map((c) => c.id), text: demandText(challenge),
    });
    retrievals.push(performance.now() - start);
    const scorable = [...candidates].map(([id, textScore]) => ({ subject: id, supply: creativeSupply(byId.get(id) as CreativeProfileEntity), textScore }));
    const ranked = rankMatches(demand, scorable, weights);
    const top = bestMatches(demand, ranked.map((r) => r.candidate), weights, labelOf, 20, MatchAudience.Organisation);
    latencies.push(performance.now() - start);
    candidateCount += candidates.size;
    if (top.length === 0) throw new Error('no matches at all: the generator and the retrieval disagree');
  }
  const pct = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))].toFixed(1);
  console.log(`match query (top 20 of ${PROFILES}): p50 ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, max ${pct(latencies, 100)} ms over ${QUERIES} queries; ${Math.round(candidateCount / QUERIES)} candidates scored per query on average`);
  console.log(`  of which retrieval (the engine): p50 ${pct(retrievals, 50)} ms, p95 ${pct(retrievals, 95)} ms`);
}

function challengeEntity(n: number): { challenge: ChallengeEntity; owner: OrganisationEntity } {
  const c = DEMO_CHALLENGES[n];
  const o = DEMO_ORGANISATIONS.find((x) => x.key === c.ownerKey);
  return {
    challenge: {
      id: randomUUID(), titleSl: c.title.sl, titleEn: c.title.en, briefSl: c.brief.sl, briefEn: c.brief.en, domains: c.domains, techniques: c.techniques, materials: c.materials,
      onSite: false, workingLanguages: [], eligibleKinds: [], eligibleMunicipalities: [],
    } as unknown as ChallengeEntity,
    owner: { municipality: o?.municipality ?? 'kranj' } as OrganisationEntity,
  };
}

/** Deterministic pseudo-random profiles: 1-3 codes per vocabulary, own words, a short statement. */
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
  const own = [OWN_WORDS[Math.floor(next() * OWN_WORDS.length)], OWN_WORDS[Math.floor(next() * OWN_WORDS.length)]];
  return {
    id: uuidOf(1_000_000 + n), kind: 'INDIVIDUAL', displayName: `Ustvarjalec ${n}`, bioSl: `Delam: ${words.map((w) => w.sl).join(', ')}; ${own.join(', ')}.`, bioEn: `I work with ${words.map((w) => w.en).join(', ')}.`,
    domains, crafts, techniques, materials, skills, freeCrafts: own, freeSkills: [], freeTechniques: [], freeMaterials: [], municipality: places[Math.floor(next() * places.length)].code, languages: ['sl'],
    portfolioLinks: [], accountId: null, availability: 'AVAILABLE', matchingConsentAt: new Date(), erasedAt: null, isDemo: false, createdAt: new Date(), updatedAt: new Date(),
  };
}

function uuidOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
