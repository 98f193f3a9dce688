import type { ChallengeEntity, CreativeProfileEntity, NeedEntity, OfferEntity, OrganisationEntity, PortfolioItemEntity } from '@app/database';
import { broaderOf, conceptById, conceptsIn, conceptTerms, normaliseQuery, specificity } from '@app/search';
import { Taxonomy, Vocabulary } from '../common/taxonomy.js';
import type { Label } from '../reference/index.js';
import { Availability, coreConcepts, type Demand, type DemandConcept, type Evidence, EvidenceSource, type Supply } from './match-scoring.js';

/** The entities' side of matching: what a challenge or need asks for, what a creative or offer brings. */

export interface TrackRecord {
  awards: number;
  outcomes: number;
  /** Proposals in progress (draft or submitted, not decided). */
  openProposals: number;
}

const NO_TRACK: TrackRecord = { awards: 0, outcomes: 0, openProposals: 0 };

/** A code's label in whichever vocabulary knows it (techniques, materials and crafts share reasons). */
export function labelOf(code: string): Label {
  for (const vocabulary of [Vocabulary.Technique, Vocabulary.Material, Vocabulary.Craft, Vocabulary.Domain, Vocabulary.Skill]) {
    const label = Taxonomy.label(vocabulary, code);
    if (label) return label;
  }
  return { sl: code, en: code };
}

export function tokens(...texts: (string | null | undefined)[]): Set<string> {
  return new Set(normaliseQuery(texts.filter(Boolean).join(' ')).split(' ').filter(Boolean));
}

function place(code: string | null | undefined) {
  const found = code ? Taxonomy.place(code) : null;
  return found ? { lat: found.lat, lon: found.lon, name: found.name } : null;
}

function languagesOf(sl: string | null, en: string | null): string[] {
  return [...(sl ? ['sl'] : []), ...(en ? ['en'] : [])];
}

/** A reference code stands for the concepts its labels name; a code the dictionary does not know stands for itself. */
const conceptsOfCode = new Map<string, string[]>();
function codeConcepts(code: string): string[] {
  let ids = conceptsOfCode.get(code);
  if (!ids) {
    const label = labelOf(code);
    ids = [...new Set([...conceptsIn(label.sl), ...conceptsIn(label.en)].map((h) => h.id))];
    if (ids.length === 0) ids = [`code:${code}`];
    conceptsOfCode.set(code, ids);
  }
  return ids;
}

/** A concept's label for reasons: its first Slovenian and English term (a code's label for a bare code). */
export function conceptLabel(id: string): Label {
  if (id.startsWith('code:')) return labelOf(id.slice(5));
  const concept = conceptById(id);
  return { sl: concept?.sl[0] ?? id, en: concept?.en[0] ?? concept?.sl[0] ?? id };
}

function conceptAncestors(id: string): string[] {
  return id.startsWith('code:') ? [] : broaderOf(id);
}

/** Direct broader concepts that have broader concepts of their own (not the roots: design, heritage, digital…). */
function conceptParents(id: string): string[] {
  if (id.startsWith('code:')) return [];
  return (conceptById(id)?.broader ?? []).filter((parent) => (conceptById(parent)?.broader ?? []).length > 0);
}

function conceptWeight(id: string): number {
  return id.startsWith('code:') ? 1 : specificity(id);
}

/**
 * What a brief asks for, as weighted concepts: the title's count most, codes the owner chose next,
 * then the brief; each weighted by how specific it is (blueprint print says more than textile).
 */
function demandConcepts(title: string, body: string, codes: readonly string[]): DemandConcept[] {
  const weights = new Map<string, number>();
  const put = (id: string, factor: number) => weights.set(id, Math.max(weights.get(id) ?? 0, conceptWeight(id) * factor));
  for (const hit of conceptsIn(body)) put(hit.id, 1);
  for (const code of codes) for (const id of codeConcepts(code)) put(id, 1.2);
  for (const hit of conceptsIn(title)) put(hit.id, 1.5);
  // A broad concept the brief names beside a narrower one of its own adds nothing of its own.
  const named = [...weights.keys()];
  for (const id of named) for (const ancestor of conceptAncestors(id)) if (weights.has(ancestor)) weights.set(ancestor, (weights.get(ancestor) ?? 0) * 0.5);
  return [...weights].map(([id, weight]) => ({ id, weight, label: conceptLabel(id), broader: conceptAncestors(id), parents: conceptParents(id) }));
}

function joined(...texts: (string | null | undefined)[]): string {
  return texts.filter(Boolean).join('\n');
}

export function challengeDemand(c: ChallengeEntity, owner: OrganisationEntity | null): Demand {
  const textTokens = tokens(c.titleSl, c.titleEn, c.briefSl, c.briefEn);
  return {
    domains: c.domains,
    concepts: demandConcepts(joined(c.titleSl, c.titleEn), joined(c.briefSl, c.briefEn), [...c.techniques, ...c.materials]),
    textTokens,
    municipality: place(owner?.municipality),
    onSite: c.onSite,
    languages: c.workingLanguages.length > 0 ? c.workingLanguages : languagesOf(c.briefSl ?? c.titleSl, c.briefEn ?? c.titleEn),
    eligibleKinds: c.eligibleKinds,
    eligibleMunicipalities: c.eligibleMunicipalities,
  };
}

export function needDemand(n: NeedEntity, owner: OrganisationEntity | null): Demand {
  const textTokens = tokens(n.titleSl, n.titleEn, n.descriptionSl, n.descriptionEn);
  return {
    domains: n.domains,
    concepts: demandConcepts(joined(n.titleSl, n.titleEn), joined(n.descriptionSl, n.descriptionEn), [...n.techniques, ...n.materials]),
    textTokens,
    municipality: place(owner?.municipality),
    onSite: false,
    languages: languagesOf(n.descriptionSl ?? n.titleSl, n.descriptionEn ?? n.titleEn),
    eligibleKinds: [],
    eligibleMunicipalities: [],
  };
}

/** What a profile shows, concept by concept (strongest evidence kept), and its listed skills. */
interface ProfileEvidence {
  concepts: Map<string, Evidence>;
  under: Map<string, string[]>;
  skills: Supply['skills'];
}

const STRENGTH_ORDER: Readonly<Record<EvidenceSource, number>> = { [EvidenceSource.Portfolio]: 3, [EvidenceSource.Listed]: 2, [EvidenceSource.Statement]: 1 };

function portfolioQuote(item: PortfolioItemEntity): Label {
  const about = [item.client, item.year].filter((v) => v !== null && v !== '').join(', ');
  const withAbout = (title: string | null) => (title ? (about ? `${title} (${about})` : title) : null);
  const sl = withAbout(item.titleSl) ?? withAbout(item.titleEn) ?? '';
  return { sl, en: withAbout(item.titleEn) ?? sl };
}

/**
 * Evidence is worked out once per version of a profile (its row and its portfolio): matching reads
 * hundreds of profiles per query, and the text does not change between queries.
 */
const evidenceCache = new Map<string, ProfileEvidence>();
const EVIDENCE_CACHE_SIZE = 50_000;

function evidenceOf(p: CreativeProfileEntity, portfolio: readonly PortfolioItemEntity[], codes: { crafts: readonly string[]; techniques: readonly string[]; materials: readonly string[] }, free: readonly string[], freeSkills: readonly string[]): ProfileEvidence {
  // A profile's row changes (updatedAt) with any of its lists; portfolio items change on their own.
  let key = `${p.id}|${p.updatedAt?.getTime?.() ?? 0}|${codes.crafts.length}.${codes.techniques.length}.${codes.materials.length}.${free.length}`;
  for (const item of portfolio) key += `|${item.id}@${item.updatedAt?.getTime?.() ?? 0}`;
  const cached = evidenceCache.get(key);
  if (cached) return cached;
  const concepts = new Map<string, Evidence>();
  const note = (id: string, evidence: Evidence) => {
    const had = concepts.get(id);
    if (!had || STRENGTH_ORDER[evidence.source] > STRENGTH_ORDER[had.source]) concepts.set(id, evidence);
  };
  for (const hit of [...conceptsIn(joined(p.bioSl)), ...conceptsIn(joined(p.bioEn))]) note(hit.id, { source: EvidenceSource.Statement, quote: { sl: hit.surface, en: hit.surface } });
  for (const code of [...codes.crafts, ...codes.techniques, ...codes.materials]) for (const id of codeConcepts(code)) note(id, { source: EvidenceSource.Listed, quote: labelOf(code) });
  for (const entry of free) for (const hit of conceptsIn(entry)) note(hit.id, { source: EvidenceSource.Listed, quote: { sl: entry, en: entry } });
  for (const item of portfolio) {
    for (const hit of conceptsIn(joined(item.titleSl, item.titleEn, item.descriptionSl, item.descriptionEn, item.client))) note(hit.id, { source: EvidenceSource.Portfolio, quote: portfolioQuote(item) });
  }
  const under = new Map<string, string[]>();
  for (const id of concepts.keys()) for (const ancestor of conceptAncestors(id)) under.set(ancestor, [...(under.get(ancestor) ?? []), id]);
  const skills = [
    ...p.skills.map((code) => skillOf(code)),
    ...freeSkills.map((entry) => ({ name: { sl: entry, en: entry }, tokens: [[...tokens(entry)]] })),
  ];
  const evidence = { concepts, under, skills };
  if (evidenceCache.size >= EVIDENCE_CACHE_SIZE) evidenceCache.delete(evidenceCache.keys().next().value as string);
  evidenceCache.set(key, evidence);
  return evidence;
}

/** A skill code with its labels and their normalised tokens, tokenised once per code. */
const skillTokens = new Map<string, Supply['skills'][number]>();
function skillOf(code: string): Supply['skills'][number] {
  let skill = skillTokens.get(code);
  if (!skill) {
    const label = labelOf(code);
    skill = { name: label, tokens: [[...tokens(label.sl)], [...tokens(label.en)]] };
    skillTokens.set(code, skill);
  }
  return skill;
}

export function creativeSupply(p: CreativeProfileEntity, portfolio: readonly PortfolioItemEntity[] = [], track: TrackRecord = NO_TRACK): Supply {
  const evidence = evidenceOf(p, portfolio, p, [...p.freeCrafts, ...p.freeTechniques, ...p.freeMaterials], p.freeSkills);
  return {
    domains: p.domains,
    concepts: evidence.concepts,
    under: evidence.under,
    skills: evidence.skills,
    municipality: place(p.municipality),
    municipalityCode: p.municipality,
    inGorenjska: Taxonomy.inGorenjska(p.municipality),
    kind: p.kind,
    // The languages they list, and those they write their profile in.
    languages: [...new Set([...p.languages, ...languagesOf(p.bioSl, p.bioEn)])],
    availability: p.availability as Availability,
    openProposals: track.openProposals,
    awards: track.awards,
    outcomes: track.outcomes,
  };
}

/** An offer brings its own codes and text; the person behind it brings place, languages, availability, record. */
export function offerSupply(o: OfferEntity, creative: CreativeProfileEntity, track: TrackRecord = NO_TRACK): Supply {
  const base = creativeSupply(creative, [], track);
  const evidence = evidenceOf({ ...creative, id: `offer:${o.id}`, bioSl: o.descriptionSl, bioEn: o.descriptionEn, updatedAt: o.updatedAt }, [], o, [o.titleSl ?? '', o.titleEn ?? ''].filter(Boolean), []);
  return { ...base, domains: o.domains, concepts: evidence.concepts, under: evidence.under };
}

/** The whole text of a brief, for retrieval: title, brief, and the labels of the codes the owner chose. */
export function demandText(subject: { techniques: string[]; materials: string[]; titleSl: string | null; titleEn: string | null; briefSl?: string | null; briefEn?: string | null; descriptionSl?: string | null; descriptionEn?: string | null }): string[] {
  return [
    subject.titleSl ?? '', subject.titleEn ?? '',
    ...[...subject.techniques, ...subject.materials].flatMap((c) => [labelOf(c).sl, labelOf(c).en]),
    subject.briefSl ?? '', subject.briefEn ?? '', subject.descriptionSl ?? '', subject.descriptionEn ?? '',
  ].filter(Boolean);
}

/** What a creative or offer brings, for retrieving challenges and needs: codes' labels and their own words. */
export function supplyText(subject: { techniques: string[]; materials: string[]; crafts: string[]; domains: string[]; freeCrafts?: string[]; freeTechniques?: string[]; freeMaterials?: string[] }): string[] {
  return [
    ...[...subject.techniques, ...subject.materials, ...subject.crafts].map((c) => labelOf(c).en),
    ...(subject.freeCrafts ?? []), ...(subject.freeTechniques ?? []), ...(subject.freeMaterials ?? []),
    ...subject.domains.map((c) => labelOf(c).en),
  ];
}

/** The concept ids a profile shows and all their ancestors: the creatives index's `concepts` filter field. */
export function profileConceptIds(p: CreativeProfileEntity, portfolio: readonly PortfolioItemEntity[]): string[] {
  const evidence = evidenceOf(p, portfolio, p, [...p.freeCrafts, ...p.freeTechniques, ...p.freeMaterials], p.freeSkills);
  return [...new Set([...evidence.concepts.keys(), ...evidence.under.keys()])];
}

/** A demand's concepts and all their ancestors: the challenges index's `concepts` filter field. */
export function demandConceptIds(demand: Demand): string[] {
  return [...new Set(demand.concepts.flatMap((c) => [c.id, ...c.broader]))];
}

/** The concepts a profile shows itself (no ancestors): what it looks for among challenges. */
export function ownConceptIds(p: CreativeProfileEntity, portfolio: readonly PortfolioItemEntity[]): string[] {
  return [...evidenceOf(p, portfolio, p, [...p.freeCrafts, ...p.freeTechniques, ...p.freeMaterials], p.freeSkills).concepts.keys()];
}

/**
 * Words to search besides the brief's own: the terms of its core concepts in both languages, so a
 * Slovenian brief also finds the profile that says it in English (already in the index's form).
 */
/** The concept filters of a demand's retrieval: its core concepts, all it names, and the core concepts' parents (related work). */
export function demandConceptQuery(demand: Demand): { concepts: string[]; otherConcepts: string[]; relatedConcepts: string[] } {
  const core = coreConcepts(demand.concepts);
  return { concepts: core.map((c) => c.id), otherConcepts: demand.concepts.map((c) => c.id), relatedConcepts: [...new Set(core.flatMap((c) => c.parents ?? []))] };
}

export function demandExpansion(demand: Demand): string[] {
  return coreConcepts(demand.concepts).flatMap((c) => (c.id.startsWith('code:') ? [] : (() => {
    const terms = conceptTerms(c.id);
    return [...terms.sl, ...terms.en].flatMap((t) => t.split(' '));
  })()));
}

/**
 * What a support measure is about, as a demand: the concepts its title, summary and text name
 * (title first). No codes, place or languages: a measure fits by eligibility, then by its subject.
 */
export function supportMeasureDemand(m: { titleSl: string | null; titleEn: string | null; summarySl: string | null; summaryEn: string | null; textSl: string | null; textEn: string | null; eligibleCreativeKinds: string[] }): Demand {
  return {
    domains: [],
    concepts: demandConcepts(joined(m.titleSl, m.titleEn), joined(m.summarySl, m.summaryEn, m.textSl, m.textEn), []),
    textTokens: tokens(m.titleSl, m.titleEn, m.summarySl, m.summaryEn, m.textSl, m.textEn),
    municipality: null,
    onSite: false,
    languages: [],
    eligibleKinds: m.eligibleCreativeKinds,
    eligibleMunicipalities: [],
  };
}
