import type { Label } from '../reference/index.js';

/**
 * The second stage of matching: explainable scoring in domain code. Every factor gives a score in
 * [0, 1] with a reason in both languages; the match score is the weighted mean over the factors
 * that apply (a factor the demand says nothing about is left out, not counted as a miss). Weights
 * come from configuration (MATCH_WEIGHTS), not from here.
 */
export enum MatchFactor {
  Domains = 'domains',
  Crafts = 'crafts',
  Skills = 'skills',
  Text = 'text',
  Location = 'location',
  Languages = 'languages',
  Availability = 'availability',
  PastOutcomes = 'pastOutcomes',
}

export type MatchWeights = Readonly<Record<MatchFactor, number>>;

/** Defaults tuned on the labelled set (npm run bench:matching); override with MATCH_WEIGHTS. */
export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  [MatchFactor.Domains]: 0.2,
  [MatchFactor.Crafts]: 0.3,
  [MatchFactor.Skills]: 0.05,
  [MatchFactor.Text]: 0.25,
  [MatchFactor.Location]: 0.08,
  [MatchFactor.Languages]: 0.04,
  [MatchFactor.Availability]: 0.04,
  [MatchFactor.PastOutcomes]: 0.04,
};

export enum Availability {
  Available = 'AVAILABLE',
  Limited = 'LIMITED',
  Unavailable = 'UNAVAILABLE',
}

/** What is asked for: a challenge or a need. */
export interface Demand {
  domains: readonly string[];
  /** Techniques, materials (and crafts where known): what the work is made with. */
  making: readonly string[];
  /** Normalised tokens of the title and brief (for skills the text asks for). */
  textTokens: ReadonlySet<string>;
  municipality: { lat: number; lon: number; name: string } | null;
  /** Languages the brief is written in. */
  languages: readonly string[];
  /**
   * How telling each domain is (e.g. inverse document frequency among the creatives): sharing a
   * rare domain says more than sharing one nearly everybody lists. Missing codes weigh 1.
   */
  domainWeights?: ReadonlyMap<string, number>;
}

/** What is offered: a creative profile (with an offer's own codes where matching an offer). */
export interface Supply {
  domains: readonly string[];
  making: readonly string[];
  /** Skill codes with the normalised tokens of each of their labels (sl, en). */
  skills: readonly { code: string; labels: readonly (readonly string[])[] }[];
  municipality: { lat: number; lon: number; name: string } | null;
  languages: readonly string[];
  availability: Availability;
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
  /** What would raise the score, addressed to the supply side (e.g. the creative). */
  hints: Label[];
}

/** Labels of codes, for reasons and hints. */
export type LabelOf = (code: string) => Label;

/** Distance at which location stops counting (about the width of Gorenjska). */
const LOCATION_RANGE_KM = 60;

export function scoreMatch(demand: Demand, supply: Supply, textScore: number | null, weights: MatchWeights, labelOf: LabelOf): MatchExplanation {
  const partial: Omit<FactorScore, 'contribution'>[] = [];
  const hints: Label[] = [];
  const add = (factor: MatchFactor, score: number, reason: Label) => partial.push({ factor, score: clamp(score), weight: weights[factor], reason });

  if (demand.domains.length > 0) {
    const shared = demand.domains.filter((d) => supply.domains.includes(d));
    const weightOf = (d: string) => demand.domainWeights?.get(d) ?? 1;
    const sum = (codes: readonly string[]) => codes.reduce((s, d) => s + weightOf(d), 0);
    add(MatchFactor.Domains, sum(demand.domains) > 0 ? sum(shared) / sum(demand.domains) : 0, shared.length
      ? { sl: `Skupna področja: ${list(shared.map((c) => labelOf(c).sl))}.`, en: `Shared domains: ${list(shared.map((c) => labelOf(c).en))}.` }
      : { sl: 'Nobeno področje izziva ni med vašimi.', en: 'None of the domains asked for is among yours.' });
    const missing = demand.domains.filter((d) => !supply.domains.includes(d)).slice(0, 2);
    if (missing.length) hints.push({ sl: `Dodajte področje ${or(missing.map((c) => labelOf(c).sl), 'ali')}, če v njem delate.`, en: `Add the domain ${or(missing.map((c) => labelOf(c).en), 'or')} if you work in it.` });
  }

  if (demand.making.length > 0) {
    const shared = demand.making.filter((m) => supply.making.includes(m));
    add(MatchFactor.Crafts, shared.length / demand.making.length, shared.length
      ? { sl: `Tehnike in materiali: ${list(shared.map((c) => labelOf(c).sl))}.`, en: `Techniques and materials: ${list(shared.map((c) => labelOf(c).en))}.` }
      : { sl: 'Ne navajate tehnik ali materialov, ki jih izziv zahteva.', en: 'You list none of the techniques or materials asked for.' });
    const missing = demand.making.filter((m) => !supply.making.includes(m)).slice(0, 2);
    if (missing.length) {
      hints.push({
        sl: `Dodajte v portfelj delo s: ${or(missing.map((c) => labelOf(c).sl.toLowerCase()), 'ali')}.`,
        en: `Add ${or(missing.map((c) => labelOf(c).en.toLowerCase()), 'or')} work to your portfolio.`,
      });
    }
  }

  if (supply.skills.length > 0 && demand.textTokens.size > 0) {
    const asked = supply.skills.filter((s) => s.labels.some((tokens) => tokens.length > 0 && tokens.every((t) => demand.textTokens.has(t))));
    add(MatchFactor.Skills, Math.min(1, asked.length / 2), asked.length
      ? { sl: `Izziv omenja vaša znanja: ${list(asked.map((s) => labelOf(s.code).sl))}.`, en: `The brief mentions your skills: ${list(asked.map((s) => labelOf(s.code).en))}.` }
      : { sl: 'Izziv ne omenja vaših znanj.', en: 'The brief does not mention your skills.' });
  }

  if (textScore !== null) {
    add(MatchFactor.Text, textScore, textScore >= 0.5
      ? { sl: 'Vaš opis se dobro ujema z besedilom izziva.', en: 'Your description matches the brief well.' }
      : textScore > 0
        ? { sl: 'Vaš opis se delno ujema z besedilom izziva.', en: 'Your description partly matches the brief.' }
        : { sl: 'Vaš opis se ne ujema z besedilom izziva.', en: 'Your description does not match the brief.' });
    if (textScore < 0.5) hints.push({ sl: 'Opišite v profilu dela, podobna temu izzivu.', en: 'Describe work like this in your profile.' });
  }

  if (demand.municipality && supply.municipality) {
    const km = distanceKm(demand.municipality, supply.municipality);
    add(MatchFactor.Location, 1 - km / LOCATION_RANGE_KM, km < 1
      ? { sl: `Oba v kraju ${supply.municipality.name}.`, en: `Both in ${supply.municipality.name}.` }
      : { sl: `${supply.municipality.name} je približno ${Math.round(km)} km od kraja ${demand.municipality.name}.`, en: `${supply.municipality.name} is about ${Math.round(km)} km from ${demand.municipality.name}.` });
  }

  if (demand.languages.length > 0) {
    const spoken = demand.languages.filter((l) => supply.languages.includes(l));
    const unknown = supply.languages.length === 0;
    add(MatchFactor.Languages, unknown ? 0.5 : spoken.length / demand.languages.length, unknown
      ? { sl: 'Jezikov niste navedli.', en: 'You list no languages.' }
      : spoken.length
        ? { sl: `Govorite jezik izziva (${spoken.join(', ')}).`, en: `You speak the brief's language (${spoken.join(', ')}).` }
        : { sl: `Izziv je v jeziku ${demand.languages.join(', ')}, ki ga ne navajate.`, en: `The brief is in ${demand.languages.join(', ')}, which you do not list.` });
    const missing = demand.languages.filter((l) => !supply.languages.includes(l));
    if (missing.length && !unknown) hints.push({ sl: `Dodajte jezik ${missing.join(', ')}, če ga govorite.`, en: `Add ${missing.join(', ')} to your languages if you speak it.` });
  }

  const availability = { [Availability.Available]: 1, [Availability.Limited]: 0.5, [Availability.Unavailable]: 0 }[supply.availability];
  add(MatchFactor.Availability, availability, {
    [Availability.Available]: { sl: 'Na voljo za nove projekte.', en: 'Available for new work.' },
    [Availability.Limited]: { sl: 'Omejeno na voljo.', en: 'Limited availability.' },
    [Availability.Unavailable]: { sl: 'Trenutno ni na voljo.', en: 'Not available at the moment.' },
  }[supply.availability]);

  const track = supply.awards + 0.5 * supply.outcomes;
  add(MatchFactor.PastOutcomes, Math.min(1, track / 2), track > 0
    ? { sl: `Nagrade na platformi: ${supply.awards}, izvedeni rezultati: ${supply.outcomes}.`, en: `Awards on the platform: ${supply.awards}; outcomes that followed: ${supply.outcomes}.` }
    : { sl: 'Še brez nagrad na platformi.', en: 'No awards on the platform yet.' });

  const total = partial.reduce((sum, f) => sum + f.weight, 0);
  const factors = partial.map((f) => ({ ...f, contribution: total > 0 ? (f.weight * f.score) / total : 0 }));
  return { score: factors.reduce((sum, f) => sum + f.contribution, 0), factors, hints };
}

/**
 * The score of scoreMatch alone, without reasons or hints: the same factors, clamps and weighted
 * mean, in the same order (so the same number to the last bit; a test holds them equal). Ranking
 * hundreds or thousands of candidates needs only this; building every candidate's bilingual
 * reasons made scoring allocate so much that the garbage collector set the match latency's p95.
 */
export function matchScore(demand: Demand, supply: Supply, textScore: number | null, weights: MatchWeights): number {
  const scores: number[] = [];
  const used: number[] = [];
  const add = (factor: MatchFactor, score: number) => {
    scores.push(clamp(score));
    used.push(weights[factor]);
  };
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
  if (demand.making.length > 0) add(MatchFactor.Crafts, countOf(demand.making, (m) => supply.making.includes(m)) / demand.making.length);
  if (supply.skills.length > 0 && demand.textTokens.size > 0) {
    add(MatchFactor.Skills, Math.min(1, countOf(supply.skills, (s) => s.labels.some((tokens) => tokens.length > 0 && tokens.every((t) => demand.textTokens.has(t)))) / 2));
  }
  if (textScore !== null) add(MatchFactor.Text, textScore);
  if (demand.municipality && supply.municipality) add(MatchFactor.Location, 1 - distanceKm(demand.municipality, supply.municipality) / LOCATION_RANGE_KM);
  if (demand.languages.length > 0) {
    add(MatchFactor.Languages, supply.languages.length === 0 ? 0.5 : countOf(demand.languages, (l) => supply.languages.includes(l)) / demand.languages.length);
  }
  add(MatchFactor.Availability, AVAILABILITY_SCORE[supply.availability]);
  add(MatchFactor.PastOutcomes, Math.min(1, (supply.awards + 0.5 * supply.outcomes) / 2));
  let total = 0;
  for (const weight of used) total += weight;
  let score = 0;
  for (let i = 0; i < scores.length; i += 1) score += total > 0 ? (used[i] * scores[i]) / total : 0;
  return score;
}

/** A candidate for ranking: what it is, what it offers, the engine's text relevance (null: none). */
export interface Scorable<T> {
  subject: T;
  supply: Supply;
  textScore: number | null;
}

/**
 * The `first` best candidates, best first, each with its full explanation: all are ranked by
 * matchScore, only the ones shown are explained (equal scores keep the candidates' order).
 */
export function bestMatches<T>(demand: Demand, candidates: readonly Scorable<T>[], weights: MatchWeights, labelOf: LabelOf, first: number): { subject: T; explanation: MatchExplanation }[] {
  return candidates
    .map((candidate) => ({ candidate, score: matchScore(demand, candidate.supply, candidate.textScore, weights) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, first))
    .map(({ candidate }) => ({ subject: candidate.subject, explanation: scoreMatch(demand, candidate.supply, candidate.textScore, weights, labelOf) }));
}

const AVAILABILITY_SCORE: Readonly<Record<Availability, number>> = { [Availability.Available]: 1, [Availability.Limited]: 0.5, [Availability.Unavailable]: 0 };

function countOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (test(item)) n += 1;
  return n;
}

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

function or(items: readonly string[], word: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** Inverse document frequency of codes, from how many of `total` documents list each one. */
export function codeRarity(counts: Readonly<Record<string, number>>, total: number): Map<string, number> {
  return new Map(Object.entries(counts).map(([code, n]) => [code, Math.log(1 + total / Math.max(1, n))]));
}
