import type { Label } from '../reference/index.js';

/**
 * The second stage of matching: explainable scoring in domain code, the one place a pair's score
 * is computed (every list and detail calls it, so every screen shows the same number). Each factor
 * gives a score in [0, 1] with a reason quoting the evidence it came from, written to the reader:
 * to the creative ("your portfolio shows…") or to the organisation ("their portfolio shows…"). The
 * match score is the weighted mean over the factors that apply (a factor the demand says nothing
 * about is left out, not counted as a miss). Eligibility is not a factor: an ineligible creative is
 * never proposed (see `eligibility`). Weights come from configuration (MATCH_WEIGHTS).
 */
export enum MatchFactor {
  Domains = 'domains',
  /** What the work is made of and with: concepts of the brief evidenced by the profile (crafts, techniques, materials, media). */
  Crafts = 'crafts',
  Skills = 'skills',
  Text = 'text',
  Location = 'location',
  Languages = 'languages',
  Availability = 'availability',
  PastOutcomes = 'pastOutcomes',
}

export type MatchWeights = Readonly<Record<MatchFactor, number>>;

/** Defaults tuned on the labelled set's tuning split (npm run bench:matching); override with MATCH_WEIGHTS. */
export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  [MatchFactor.Domains]: 0.08,
  [MatchFactor.Crafts]: 0.42,
  [MatchFactor.Skills]: 0.04,
  [MatchFactor.Text]: 0.28,
  [MatchFactor.Location]: 0.02,
  [MatchFactor.Languages]: 0.03,
  [MatchFactor.Availability]: 0.04,
  [MatchFactor.PastOutcomes]: 0.04,
};

/** On-site work: distance weighs at least this much (whatever the configured weight), and counts within ON_SITE_RANGE_KM. */
export const ON_SITE_LOCATION_WEIGHT = 0.25;

export enum Availability {
  Available = 'AVAILABLE',
  Limited = 'LIMITED',
  Unavailable = 'UNAVAILABLE',
}

/** Who reads a match: reasons and hints are phrased for them. */
export enum MatchAudience {
  Creative = 'creative',
  Organisation = 'organisation',
}

export interface Place {
  lat: number;
  lon: number;
  name: string;
}

/** A concept the demand asks for, weighted by how specific it is and where it is said (title > brief). */
export interface DemandConcept {
  id: string;
  weight: number;
  label: Label;
  /** The concept's ancestors, nearest first (blueprint print → textile printing → textile). */
  broader: readonly string[];
  /**
   * Its direct broader concepts that are not roots (packaging → graphic design, product design; not
   * "design"): retrieval also fetches the work under them (broader and related work).
   */
  parents?: readonly string[];
}

/** What is asked for: a challenge or a need. */
export interface Demand {
  domains: readonly string[];
  concepts: readonly DemandConcept[];
  /** Normalised tokens of the title and brief (for skills the text asks for). */
  textTokens: ReadonlySet<string>;
  municipality: Place | null;
  /** The work happens at the owner's place: distance weighs more, and counts within a shorter range. */
  onSite: boolean;
  /** Languages the work is done in (the brief's languages when not stated). */
  languages: readonly string[];
  /** Hard filters: kinds of creatives and municipality codes ('gorenjska': the region); empty: anyone. */
  eligibleKinds: readonly string[];
  eligibleMunicipalities: readonly string[];
  /**
   * How telling each domain is (e.g. inverse document frequency among the creatives): sharing a
   * rare domain says more than sharing one nearly everybody lists. Missing codes weigh 1.
   */
  domainWeights?: ReadonlyMap<string, number>;
}

/** Where a profile shows a concept: shown work counts more than a list of claims or a description. */
export enum EvidenceSource {
  Portfolio = 'portfolio',
  Listed = 'listed',
  Statement = 'statement',
}

export interface Evidence {
  source: EvidenceSource;
  /** The words it came from, as written (a portfolio title with client and year, a listed entry, a phrase), or a code's label. */
  quote: Label;
}

/** How much each kind of evidence proves. */
const EVIDENCE_STRENGTH: Readonly<Record<EvidenceSource, number>> = {
  [EvidenceSource.Portfolio]: 1,
  [EvidenceSource.Listed]: 0.85,
  [EvidenceSource.Statement]: 0.7,
};

/** What is offered: a creative profile (with an offer's own codes where matching an offer). */
export interface Supply {
  domains: readonly string[];
  /** Concept id → the strongest evidence of it. */
  concepts: ReadonlyMap<string, Evidence>;
  /** Ancestor concept id → the supply's concepts under it (to credit narrower work). */
  under: ReadonlyMap<string, readonly string[]>;
  /** Listed skills (codes with the normalised tokens of their labels, or own words tokenised). */
  skills: readonly { name: Label; tokens: readonly (readonly string[])[] }[];
  municipality: Place | null;
  municipalityCode: string;
  inGorenjska: boolean;
  kind: string;
  languages: readonly string[];
  availability: Availability;
  /** Proposals in progress (drafts and submitted, undecided): a busy creative is less available. */
  openProposals: number;
  /** Awards won and outcomes that followed (contracts, production, jobs, exhibitions). */
  awards: number;
  outcomes: number;
}

export interface FactorScore {
  factor: MatchFactor;
  /** [0, 1] */
  score: number;
  weight: number;
  /** weight × score / sum of the applicable weights: the points this factor adds to the match score. */
  contribution: number;
  reason: Label;
}

export interface MatchExplanation {
  /** [0, 1] */
  score: number;
  factors: FactorScore[];
  /** What would raise the score: for the creative only (empty for an organisation). */
  hints: Label[];
}

/** Labels of codes, for reasons and hints. */
export type LabelOf = (code: string) => Label;

/** Distance at which location stops counting (about the width of Gorenjska), and for on-site work. */
const LOCATION_RANGE_KM = 60;
const ON_SITE_RANGE_KM = 35;

/** Why a creative may not enter (null: eligible). Kinds and places are hard rules of the owner. */
export function ineligibility(demand: Demand, supply: Supply): Label | null {
  if (demand.eligibleKinds.length > 0 && !demand.eligibleKinds.includes(supply.kind)) {
    return { sl: `Prijave so odprte samo za: ${demand.eligibleKinds.map((k) => KIND_LABEL[k]?.sl ?? k).join(', ')}.`, en: `Entries are open to ${demand.eligibleKinds.map((k) => KIND_LABEL[k]?.en ?? k).join(', ')} only.` };
  }
  if (demand.eligibleMunicipalities.length > 0) {
    const inside = demand.eligibleMunicipalities.some((m) => m === supply.municipalityCode || (m === 'gorenjska' && supply.inGorenjska));
    if (!inside) return { sl: 'Prijave so odprte samo za ustvarjalce iz določenih občin.', en: 'Entries are open to creatives from certain municipalities only.' };
  }
  return null;
}

const KIND_LABEL: Readonly<Record<string, Label>> = {
  STUDENT: { sl: 'študente', en: 'students' },
  INDIVIDUAL: { sl: 'posameznike', en: 'individuals' },
  SOLE_PROPRIETOR: { sl: 'samostojne podjetnike', en: 'sole proprietors' },
  STUDIO_OR_FIRM: { sl: 'studie in podjetja', en: 'studios and firms' },
  COLLECTIVE: { sl: 'kolektive', en: 'collectives' },
};

interface ConceptFit {
  concept: DemandConcept;
  /** [0, 1] */
  fit: number;
  /** The supply's concept that gave the fit, and its evidence. */
  via: string | null;
  evidence: Evidence | null;
  relation: 'same' | 'narrower' | 'broader' | 'none';
}

/**
 * Credit for broader work one level up and further up. Related work (a sibling under a shared
 * parent: brand identity for packaging) gets none: on the TUNE split, crediting it at 0.15, 0.25
 * or 0.35 of a full fit lowered nDCG@10 (0.733, 0.729, 0.712 against 0.736); such profiles are
 * retrieved (DemandConcept.parents) and ranked by their other factors.
 */
const BROADER_FIT = 0.45;
const FAR_BROADER_FIT = 0.2;

/** How well the supply shows one concept: itself, narrower work under it, or only broader work. */
function conceptFit(concept: DemandConcept, supply: Supply): ConceptFit {
  const own = supply.concepts.get(concept.id);
  if (own) return { concept, fit: EVIDENCE_STRENGTH[own.source], via: concept.id, evidence: own, relation: 'same' };
  let best: ConceptFit = { concept, fit: 0, via: null, evidence: null, relation: 'none' };
  for (const narrower of supply.under.get(concept.id) ?? []) {
    const evidence = supply.concepts.get(narrower);
    const fit = evidence ? 0.85 * EVIDENCE_STRENGTH[evidence.source] : 0;
    if (evidence && fit > best.fit) best = { concept, fit, via: narrower, evidence, relation: 'narrower' };
  }
  if (best.fit > 0) return best;
  // Broader work only (textile printing for blueprint print): some credit, less the further up.
  concept.broader.forEach((ancestor, depth) => {
    const evidence = supply.concepts.get(ancestor);
    const fit = evidence ? (depth === 0 ? BROADER_FIT : FAR_BROADER_FIT) * EVIDENCE_STRENGTH[evidence.source] : 0;
    if (evidence && fit > best.fit) best = { concept, fit, via: ancestor, evidence, relation: 'broader' };
  });
  return best;
}

/** Share of the concept score that goes to the brief's core concepts (the rest: the ones it names in passing). */
const CORE_SHARE = 0.75;
/** A concept is core when it weighs at least this share of the brief's heaviest one (at most MAX_CORE of them). */
const CORE_RELATIVE_WEIGHT = 0.5;
const MAX_CORE = 4;

/**
 * How a juror reads a brief: what it is about (its core concepts: the title's, the owner's codes,
 * the most specific ones) decides most; what it names in passing (a museum, tourism, education)
 * adds a little. Each part is the weighted share of its concepts the profile shows.
 */
function conceptScore(concepts: readonly DemandConcept[], supply: Supply, fits: ConceptFit[] | null): number {
  const sorted = [...concepts].sort((a, b) => b.weight - a.weight);
  const cut = sorted[0].weight * CORE_RELATIVE_WEIGHT;
  let coreAll = 0;
  let coreGot = 0;
  let restAll = 0;
  let restGot = 0;
  sorted.forEach((concept, i) => {
    const fit = conceptFit(concept, supply);
    fits?.push(fit);
    if (i < MAX_CORE && concept.weight >= cut) {
      coreAll += concept.weight;
      coreGot += concept.weight * fit.fit;
    } else {
      restAll += concept.weight;
      restGot += concept.weight * fit.fit;
    }
  });
  const core = coreAll > 0 ? coreGot / coreAll : 0;
  return restAll > 0 ? CORE_SHARE * core + (1 - CORE_SHARE) * (restGot / restAll) : core;
}

/** What a brief is about: its core concepts, heaviest first (retrieval filters on these). */
export function coreConcepts(concepts: readonly DemandConcept[]): DemandConcept[] {
  const sorted = [...concepts].sort((a, b) => b.weight - a.weight);
  return sorted.filter((c, i) => i < MAX_CORE && c.weight >= sorted[0].weight * CORE_RELATIVE_WEIGHT);
}

interface Scored {
  factor: MatchFactor;
  score: number;
  weight: number;
}

/** The numbers only: which factors apply, their scores and weights. Shared by scoreMatch and matchScore. */
function factorScores(demand: Demand, supply: Supply, textScore: number | null, weights: MatchWeights, fits: ConceptFit[] | null): Scored[] {
  const out: Scored[] = [];
  const add = (factor: MatchFactor, score: number, weight = weights[factor]) => out.push({ factor, score: clamp(score), weight });
  if (demand.domains.length > 0) {
    let all = 0;
    let shared = 0;
    for (const d of demand.domains) {
      const weight = demand.domainWeights?.get(d) ?? 1;
      all += weight;
      if (supply.domains.includes(d)) shared += weight;
    }
    add(MatchFactor.Domains, all > 0 ? shared / all : 0);
  }
  if (demand.concepts.length > 0) add(MatchFactor.Crafts, conceptScore(demand.concepts, supply, fits));
  if (supply.skills.length > 0 && demand.textTokens.size > 0) add(MatchFactor.Skills, Math.min(1, askedSkills(demand, supply).length / 2));
  if (textScore !== null) add(MatchFactor.Text, textScore);
  if (demand.municipality && supply.municipality) {
    const km = distanceKm(demand.municipality, supply.municipality);
    if (demand.onSite) add(MatchFactor.Location, 1 - km / ON_SITE_RANGE_KM, Math.max(weights[MatchFactor.Location], ON_SITE_LOCATION_WEIGHT));
    else add(MatchFactor.Location, 1 - km / LOCATION_RANGE_KM);
  }
  if (demand.languages.length > 0) {
    add(MatchFactor.Languages, supply.languages.length === 0 ? 0.5 : demand.languages.some((l) => supply.languages.includes(l)) ? 1 : 0);
  }
  add(MatchFactor.Availability, AVAILABILITY_SCORE[supply.availability] * busyness(supply.openProposals));
  add(MatchFactor.PastOutcomes, Math.min(1, (supply.awards + 0.5 * supply.outcomes) / 2));
  return out;
}

/** Each proposal in progress takes a little availability away, never more than half. */
function busyness(openProposals: number): number {
  return Math.max(0.5, 1 - 0.1 * openProposals);
}

function askedSkills(demand: Demand, supply: Supply) {
  return supply.skills.filter((s) => s.tokens.some((tokens) => tokens.length > 0 && tokens.every((t) => demand.textTokens.has(t))));
}

function weightedMean(scored: readonly Scored[]): { score: number; total: number } {
  let total = 0;
  for (const s of scored) total += s.weight;
  let score = 0;
  for (const s of scored) score += total > 0 ? (s.weight * s.score) / total : 0;
  return { score, total };
}

/**
 * The score of scoreMatch alone, without reasons or hints: the same factors and weighted mean (so
 * the same number to the last bit; a test holds them equal). Ranking hundreds or thousands of
 * candidates needs only this.
 */
export function matchScore(demand: Demand, supply: Supply, textScore: number | null, weights: MatchWeights): number {
  return weightedMean(factorScores(demand, supply, textScore, weights, null)).score;
}

export function scoreMatch(demand: Demand, supply: Supply, textScore: number | null, weights: MatchWeights, labelOf: LabelOf, audience: MatchAudience): MatchExplanation {
  const fits: ConceptFit[] = [];
  const scored = factorScores(demand, supply, textScore, weights, fits);
  const { score, total } = weightedMean(scored);
  const creative = audience === MatchAudience.Creative;
  const say = (toCreative: Label, toOrganisation: Label): Label => (creative ? toCreative : toOrganisation);
  const hints: Label[] = [];
  const factors: FactorScore[] = scored.map((s) => ({ ...s, contribution: total > 0 ? (s.weight * s.score) / total : 0, reason: { sl: '', en: '' } }));
  const reasonOf = (factor: MatchFactor, reason: Label) => {
    const found = factors.find((f) => f.factor === factor);
    if (found) found.reason = reason;
  };

  if (demand.domains.length > 0) {
    const shared = demand.domains.filter((d) => supply.domains.includes(d));
    reasonOf(MatchFactor.Domains, shared.length
      ? { sl: `Skupna področja: ${list(shared.map((c) => labelOf(c).sl))}.`, en: `Shared domains: ${list(shared.map((c) => labelOf(c).en))}.` }
      : say({ sl: 'Nobeno področje izziva ni med vašimi.', en: 'None of the domains asked for is among yours.' }, { sl: 'Nobeno področje izziva ni med njegovimi.', en: 'None of the domains asked for is among theirs.' }));
    const missing = demand.domains.filter((d) => !supply.domains.includes(d)).slice(0, 2);
    if (missing.length) hints.push({ sl: `Dodajte področje ${or(missing.map((c) => labelOf(c).sl), 'ali')}, če v njem delate.`, en: `Add the domain ${or(missing.map((c) => labelOf(c).en), 'or')} if you work in it.` });
  }

  if (demand.concepts.length > 0) {
    const shown = fits.filter((f) => f.fit > 0).sort((a, b) => b.concept.weight * b.fit - a.concept.weight * a.fit).slice(0, 3);
    reasonOf(MatchFactor.Crafts, shown.length ? evidenceReason(shown, creative) : say(
      { sl: 'V vašem profilu ni dela, ki bi ga izziv iskal.', en: 'Nothing in your profile shows the work the brief asks for.' },
      { sl: 'V profilu ni dela, ki ga izziv išče.', en: 'Nothing in the profile shows the work the brief asks for.' },
    ));
    const missing = fits.filter((f) => f.relation !== 'same' || f.evidence?.source !== EvidenceSource.Portfolio)
      .sort((a, b) => b.concept.weight - a.concept.weight).slice(0, 2).map((f) => f.concept.label);
    if (missing.length) {
      hints.push({
        sl: `Če delate s področja ${or(missing.map((l) => `»${l.sl}«`), 'ali')}, to pokažite z delom v portfelju.`,
        en: `If you do ${or(missing.map((l) => `“${l.en}”`), 'or')} work, show it in your portfolio.`,
      });
    }
  }

  if (factors.some((f) => f.factor === MatchFactor.Skills)) {
    const asked = askedSkills(demand, supply);
    reasonOf(MatchFactor.Skills, asked.length
      ? say({ sl: `Izziv omenja vaša znanja: ${list(asked.map((s) => s.name.sl))}.`, en: `The brief mentions your skills: ${list(asked.map((s) => s.name.en))}.` },
        { sl: `Izziv omenja njegova znanja: ${list(asked.map((s) => s.name.sl))}.`, en: `The brief mentions their skills: ${list(asked.map((s) => s.name.en))}.` })
      : say({ sl: 'Izziv ne omenja vaših znanj.', en: 'The brief does not mention your skills.' }, { sl: 'Izziv ne omenja njegovih znanj.', en: 'The brief does not mention their skills.' }));
  }

  if (textScore !== null) {
    const strength = textScore >= 0.5 ? 'well' : textScore > 0 ? 'partly' : 'not';
    reasonOf(MatchFactor.Text, {
      well: say({ sl: 'Besedilo vašega profila se dobro ujema z besedilom izziva.', en: 'Your profile’s text matches the brief well.' }, { sl: 'Besedilo profila se dobro ujema z besedilom izziva.', en: 'The profile’s text matches the brief well.' }),
      partly: say({ sl: 'Besedilo vašega profila se delno ujema z besedilom izziva.', en: 'Your profile’s text partly matches the brief.' }, { sl: 'Besedilo profila se delno ujema z besedilom izziva.', en: 'The profile’s text partly matches the brief.' }),
      not: say({ sl: 'Besedilo vašega profila se ne ujema z besedilom izziva.', en: 'Your profile’s text does not match the brief.' }, { sl: 'Besedilo profila se ne ujema z besedilom izziva.', en: 'The profile’s text does not match the brief.' }),
    }[strength]);
    if (textScore < 0.5) hints.push({ sl: 'Opišite v profilu ali portfelju dela, podobna temu izzivu.', en: 'Describe work like this in your profile or portfolio.' });
  }

  if (demand.municipality && supply.municipality) {
    const km = distanceKm(demand.municipality, supply.municipality);
    const where = km < 1
      ? { sl: `Oba v kraju ${supply.municipality.name}.`, en: `Both in ${supply.municipality.name}.` }
      : { sl: `${supply.municipality.name} je približno ${Math.round(km)} km od kraja ${demand.municipality.name}.`, en: `${supply.municipality.name} is about ${Math.round(km)} km from ${demand.municipality.name}.` };
    reasonOf(MatchFactor.Location, demand.onSite ? { sl: `Delo poteka na kraju samem. ${where.sl}`, en: `The work is on site. ${where.en}` } : where);
  }

  if (demand.languages.length > 0) {
    const spoken = demand.languages.filter((l) => supply.languages.includes(l));
    const unknown = supply.languages.length === 0;
    reasonOf(MatchFactor.Languages, unknown
      ? say({ sl: 'Jezikov niste navedli.', en: 'You list no languages.' }, { sl: 'Jezikov ni navedel.', en: 'No languages listed.' })
      : spoken.length
        ? say({ sl: `Govorite delovni jezik (${spoken.join(', ')}).`, en: `You speak the working language (${spoken.join(', ')}).` }, { sl: `Govori delovni jezik (${spoken.join(', ')}).`, en: `Speaks the working language (${spoken.join(', ')}).` })
        : say({ sl: `Delovni jezik je ${demand.languages.join(', ')}, ki ga ne navajate.`, en: `The work is in ${demand.languages.join(', ')}, which you do not list.` },
          { sl: `Delovni jezik je ${demand.languages.join(', ')}, ki ga ne navaja.`, en: `The work is in ${demand.languages.join(', ')}, which they do not list.` }));
    const missing = demand.languages.filter((l) => !supply.languages.includes(l));
    if (missing.length && !unknown && spoken.length === 0) hints.push({ sl: `Dodajte jezik ${missing.join(', ')}, če ga govorite.`, en: `Add ${missing.join(', ')} to your languages if you speak it.` });
  }

  const busy = supply.openProposals > 0
    ? say({ sl: ` Predlogov v delu: ${supply.openProposals}.`, en: ` Proposals in progress: ${supply.openProposals}.` }, { sl: ` Predlogov v delu: ${supply.openProposals}.`, en: ` Proposals in progress: ${supply.openProposals}.` })
    : { sl: '', en: '' };
  const available = {
    [Availability.Available]: { sl: 'Na voljo za nove projekte.', en: 'Available for new work.' },
    [Availability.Limited]: { sl: 'Omejeno na voljo.', en: 'Limited availability.' },
    [Availability.Unavailable]: { sl: 'Trenutno ni na voljo.', en: 'Not available at the moment.' },
  }[supply.availability];
  reasonOf(MatchFactor.Availability, { sl: available.sl + busy.sl, en: available.en + busy.en });

  const track = supply.awards + 0.5 * supply.outcomes;
  reasonOf(MatchFactor.PastOutcomes, track > 0
    ? { sl: `Nagrade na platformi: ${supply.awards}, izvedeni rezultati: ${supply.outcomes}.`, en: `Awards on the platform: ${supply.awards}; outcomes that followed: ${supply.outcomes}.` }
    : { sl: 'Še brez nagrad na platformi.', en: 'No awards on the platform yet.' });

  return { score, factors, hints: creative ? hints : [] };
}

/** "Your portfolio shows blueprint print: “Modrotisk na usnju (Alpina, 2023)”." — or, to the organisation, "Portfolio shows…". */
function evidenceReason(shown: readonly ConceptFit[], creative: boolean): Label {
  const parts = shown.map((f) => {
    const evidence = f.evidence as Evidence;
    const what = f.concept.label;
    const quote = { sl: `»${evidence.quote.sl}«`, en: `“${evidence.quote.en}”` };
    const near = f.relation === 'broader' ? { sl: ' (širše področje)', en: ' (broader work)' } : { sl: '', en: '' };
    const source = {
      [EvidenceSource.Portfolio]: creative ? { sl: 'vaš portfelj kaže', en: 'your portfolio shows' } : { sl: 'portfelj kaže', en: 'their portfolio shows' },
      [EvidenceSource.Listed]: creative ? { sl: 'navajate', en: 'you list' } : { sl: 'navaja', en: 'they list' },
      [EvidenceSource.Statement]: creative ? { sl: 'vaš opis omenja', en: 'your description mentions' } : { sl: 'opis omenja', en: 'their description mentions' },
    }[evidence.source];
    return { sl: `${what.sl}${near.sl}: ${source.sl} ${quote.sl}`, en: `${what.en}${near.en}: ${source.en} ${quote.en}` };
  });
  return { sl: `${capitalise(parts.map((p) => p.sl).join('; '))}.`, en: `${capitalise(parts.map((p) => p.en).join('; '))}.` };
}

/** A candidate for ranking: what it is, what it offers, the engine's text relevance (null: none). */
export interface Scorable<T> {
  subject: T;
  supply: Supply;
  textScore: number | null;
}

/**
 * The `first` best eligible candidates after `offset`, best first, each with its full explanation:
 * all are ranked by matchScore, only the ones shown are explained (equal scores keep the order).
 */
export function bestMatches<T>(
  demand: Demand, candidates: readonly Scorable<T>[], weights: MatchWeights, labelOf: LabelOf, first: number, audience: MatchAudience, offset = 0,
): { subject: T; explanation: MatchExplanation }[] {
  return rankMatches(demand, candidates, weights)
    .slice(offset, offset + Math.max(0, first))
    .map(({ candidate }) => ({ subject: candidate.subject, explanation: scoreMatch(demand, candidate.supply, candidate.textScore, weights, labelOf, audience) }));
}

/** Eligible candidates with their scores, best first. */
export function rankMatches<T>(demand: Demand, candidates: readonly Scorable<T>[], weights: MatchWeights): { candidate: Scorable<T>; score: number }[] {
  return candidates
    .filter((candidate) => ineligibility(demand, candidate.supply) === null)
    .map((candidate) => ({ candidate, score: matchScore(demand, candidate.supply, candidate.textScore, weights) }))
    .sort((a, b) => b.score - a.score);
}

const AVAILABILITY_SCORE: Readonly<Record<Availability, number>> = { [Availability.Available]: 1, [Availability.Limited]: 0.5, [Availability.Unavailable]: 0 };

/** Great-circle distance (haversine), in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function or(items: readonly string[], word: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** Inverse document frequency of codes, from how many of `total` documents list each one. */
export function codeRarity(counts: Readonly<Record<string, number>>, total: number): Map<string, number> {
  return new Map(Object.entries(counts).map(([code, n]) => [code, Math.log(1 + total / Math.max(1, n))]));
}
