import type { ChallengeEntity, CreativeProfileEntity, NeedEntity, OfferEntity, OrganisationEntity } from '@app/database';
import { normaliseQuery } from '@app/search';
import { Taxonomy, Vocabulary } from '../common/taxonomy.js';
import type { Label } from '../reference/index.js';
import { Availability, type Demand, type Supply } from './match-scoring.js';

/** The entities' side of matching: what a challenge or need asks for, what a creative or offer brings. */

export interface TrackRecord {
  awards: number;
  outcomes: number;
}

const NO_TRACK: TrackRecord = { awards: 0, outcomes: 0 };

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

/** Craft and technique codes with the normalised tokens of their labels (built once). */
let vocabulary: { code: string; labels: string[][] }[] | undefined;

/**
 * Codes a brief asks for in words without listing them ("photography and painting"): every
 * craft or technique whose Slovenian or English label appears in full in the text. Materials are
 * left out: a brief names them as context as often as it asks for them ("a former textile factory").
 */
export function mentionedCodes(textTokens: ReadonlySet<string>): string[] {
  vocabulary ??= [Vocabulary.Craft, Vocabulary.Technique].flatMap((v) =>
    Taxonomy.terms(v).map((t) => ({ code: t.code, labels: [[...tokens(t.label.sl)], [...tokens(t.label.en)]] })));
  return vocabulary.filter((v) => v.labels.some((l) => l.length > 0 && l.every((t) => textTokens.has(t)))).map((v) => v.code);
}

/** What the work is made with: the listed codes, and those the text names. */
function making(listed: readonly string[], textTokens: ReadonlySet<string>): string[] {
  return [...new Set([...listed, ...mentionedCodes(textTokens)])];
}

export function challengeDemand(c: ChallengeEntity, owner: OrganisationEntity | null): Demand {
  const textTokens = tokens(c.titleSl, c.titleEn, c.briefSl, c.briefEn);
  return {
    domains: c.domains,
    making: making([...c.techniques, ...c.materials], textTokens),
    textTokens,
    municipality: place(owner?.municipality),
    languages: languagesOf(c.briefSl ?? c.titleSl, c.briefEn ?? c.titleEn),
  };
}

export function needDemand(n: NeedEntity, owner: OrganisationEntity | null): Demand {
  const textTokens = tokens(n.titleSl, n.titleEn, n.descriptionSl, n.descriptionEn);
  return {
    domains: n.domains,
    making: making([...n.techniques, ...n.materials], textTokens),
    textTokens,
    municipality: place(owner?.municipality),
    languages: languagesOf(n.descriptionSl ?? n.titleSl, n.descriptionEn ?? n.titleEn),
  };
}

/**
 * A skill code with the normalised tokens of its labels, tokenised once per code: a match query
 * builds the supply of hundreds of candidates (a fan-out, thousands), and the labels are fixed.
 */
const skillTokens = new Map<string, Supply['skills'][number]>();
function skillOf(code: string): Supply['skills'][number] {
  let skill = skillTokens.get(code);
  if (!skill) {
    const label = labelOf(code);
    skill = { code, labels: [[...tokens(label.sl)], [...tokens(label.en)]] };
    skillTokens.set(code, skill);
  }
  return skill;
}

export function creativeSupply(p: CreativeProfileEntity, track: TrackRecord = NO_TRACK): Supply {
  return {
    domains: p.domains,
    making: [...p.techniques, ...p.materials, ...p.crafts],
    skills: p.skills.map(skillOf),
    municipality: place(p.municipality),
    languages: p.languages,
    availability: p.availability as Availability,
    awards: track.awards,
    outcomes: track.outcomes,
  };
}

/** An offer brings its own codes; the person behind it brings place, languages, availability, record. */
export function offerSupply(o: OfferEntity, creative: CreativeProfileEntity, track: TrackRecord = NO_TRACK): Supply {
  return { ...creativeSupply(creative, track), domains: o.domains, making: [...o.techniques, ...o.materials, ...o.crafts] };
}

/** Text to retrieve with, most telling first: what the work is made with, then the title. */
export function demandText(subject: { techniques: string[]; materials: string[]; titleSl: string | null; titleEn: string | null }): string[] {
  return [...[...subject.techniques, ...subject.materials].map((c) => labelOf(c).en), subject.titleSl ?? '', subject.titleEn ?? ''];
}

export function supplyText(subject: { techniques: string[]; materials: string[]; crafts: string[]; domains: string[] }): string[] {
  return [...subject.techniques, ...subject.materials, ...subject.crafts, ...subject.domains].map((c) => labelOf(c).en);
}
