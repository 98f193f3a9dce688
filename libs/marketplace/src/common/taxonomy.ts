import {
  ALL_PLACES, CCS_DOMAINS, CRAFTS, LANGUAGE_CODES, MATERIALS, MUNICIPALITIES, PLACE_ALIASES, placeByCode, resolvePlace, SKILLS, TECHNIQUES,
  type Label, type Municipality, type ReferenceTerm,
} from '../reference/index.js';
import { foldDiacritics } from '@app/search';
import { MarketplaceException } from './marketplace.errors.js';

export enum Vocabulary {
  Domain = 'domains',
  Craft = 'crafts',
  Technique = 'techniques',
  Material = 'materials',
  Skill = 'skills',
}

const LISTS: Readonly<Record<Vocabulary, readonly ReferenceTerm[]>> = {
  [Vocabulary.Domain]: CCS_DOMAINS,
  [Vocabulary.Craft]: CRAFTS,
  [Vocabulary.Technique]: TECHNIQUES,
  [Vocabulary.Material]: MATERIALS,
  [Vocabulary.Skill]: SKILLS,
};

const BY_CODE = new Map<Vocabulary, Map<string, ReferenceTerm>>(
  Object.values(Vocabulary).map((v) => [v, new Map(LISTS[v].map((t) => [t.code, t]))]),
);
const PLACES = new Map(ALL_PLACES.map((p) => [p.code, p]));

/** Lowercased, diacritics folded, runs of anything but letters and digits as one space. */
function key(text: string): string {
  return foldDiacritics(text.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Each vocabulary's codes by the folded form of the code and of both labels ("Usnjarstvo" → leatherwork). */
const BY_WORDING = new Map<Vocabulary, Map<string, string>>(
  Object.values(Vocabulary).map((v) => [v, new Map(LISTS[v].flatMap((t) => [[key(t.code), t.code], [key(t.label.sl), t.code], [key(t.label.en), t.code]] as const))]),
);

/** "Šk. Loka", "Lj. - Šiška": abbreviations people use in place names. */
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [[/(^|\s)šk\.\s*/giu, '$1Škofja '], [/(^|\s)lj\.\s*/giu, '$1Ljubljana '], [/(^|\s)sp\.\s*/giu, '$1Spodnja '], [/(^|\s)zg\.\s*/giu, '$1Zgornja ']];

/** One typed place → a municipality code (a settlement stands for its municipality), or null. */
function placeOf(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (PLACES.has(trimmed)) return trimmed;
  return PLACE_ALIASES[key(trimmed)] ?? resolvePlace(trimmed)?.municipalityCode ?? PLACE_BY_NAME.get(key(trimmed)) ?? null;
}

/**
 * A place as people type it: "Škofja Loka", "v Kranju", "Kropa" (its municipality), "Šk. Loka", "MB",
 * "Poljanska dolina", "Voklo, Šenčur", "Kranj (Primskovo)", "Stražišče pri Kranju", "Dunaj".
 * The whole text first, then its parts (the first part that is a known place wins), then the place
 * after "pri".
 */
function placeFromTyped(input: string): string | null {
  const expanded = ABBREVIATIONS.reduce((text, [pattern, full]) => text.replace(pattern, full), input).replace(/\s+/g, ' ');
  const parts = expanded.split(/[,;()/]|\s[-–—]\s/).map((p) => p.trim()).filter(Boolean);
  for (const candidate of [input, expanded, ...parts, ...parts.flatMap((p) => p.split(/\s+pri\s+/i))]) {
    const code = placeOf(candidate);
    if (code) return code;
  }
  return null;
}

/** An eligibility rule naming the whole region instead of municipalities. */
export const REGION_GORENJSKA = 'gorenjska';
const GORENJSKA = new Set(MUNICIPALITIES.map((m) => m.code));

/** At most this many entries per list, each at most this long (after trimming). */
export const MAX_FREE_TERMS = 40;
export const MAX_FREE_TERM_LENGTH = 120;
const LANGUAGES = new Set<string>(LANGUAGE_CODES);
const PLACE_BY_NAME = new Map(ALL_PLACES.flatMap((p) => [[key(p.code), p.code], [key(p.name), p.code]] as const));

/** Controlled vocabularies: validation of codes and their bilingual labels. */
export const Taxonomy = {
  terms(vocabulary: Vocabulary): readonly ReferenceTerm[] {
    return LISTS[vocabulary];
  },

  label(vocabulary: Vocabulary, code: string): Label | null {
    return BY_CODE.get(vocabulary)?.get(code)?.label ?? null;
  },

  /** A place by code: the original list first, then any municipality or settlement of the gazetteer (places.ts). */
  place(code: string): Municipality | null {
    const known = PLACES.get(code);
    if (known) return known;
    const place = placeByCode(code);
    return place ? { code: place.code, name: place.name, lat: place.lat, lon: place.lon, namedInSeeds: false } : null;
  },

  /** "Gorenjska", "gorenjska", "Gorenjsko", "regija Gorenjska": the region, not one municipality. */
  isRegion(input: string): boolean {
    return /^(regija )?gorenjsk[aoie]( regija)?$/.test(key(input));
  },

  /** Whether a municipality (code) lies in Gorenjska. */
  inGorenjska(code: string): boolean {
    return GORENJSKA.has(code) || placeByCode(code)?.region === 'gorenjska';
  },

  places(): readonly Municipality[] {
    return ALL_PLACES;
  },

  /** Deduplicates and checks every code; throws INVALID_INPUT naming `field` and the bad code. */
  codes(vocabulary: Vocabulary, codes: readonly string[] | undefined, field: string): string[] {
    const unique = [...new Set((codes ?? []).map((c) => c.trim()))];
    const known = BY_CODE.get(vocabulary) as Map<string, ReferenceTerm>;
    const bad = unique.find((c) => !known.has(c));
    if (bad !== undefined) throw MarketplaceException.invalid(field, `unknown ${vocabulary} code '${bad}'`);
    return unique;
  },

  /**
   * What a person listed, as they wrote it: an entry that is a code or a label of the vocabulary
   * (any case, with or without diacritics) becomes the code; anything else is kept as written
   * (spaces collapsed), so nothing a creative writes is dropped. Duplicates go, case-insensitively.
   */
  codesOrText(vocabulary: Vocabulary, entries: readonly string[] | undefined, field: string): { codes: string[]; free: string[] } {
    const codes = new Set<string>();
    const free = new Map<string, string>();
    const byWording = BY_WORDING.get(vocabulary) as Map<string, string>;
    const list = entries ?? [];
    if (list.length > MAX_FREE_TERMS) throw MarketplaceException.invalid(field, `at most ${MAX_FREE_TERMS} entries in ${field}`);
    for (const entry of list) {
      const text = entry.replace(/\s+/g, ' ').trim();
      if (!text) continue;
      if (text.length > MAX_FREE_TERM_LENGTH) throw MarketplaceException.invalid(field, `an entry of ${field} is longer than ${MAX_FREE_TERM_LENGTH} characters: '${text.slice(0, 40)}…'`);
      // Text in another script folds to nothing: it is then its own key (lowercased).
      const folded = key(text) || text.toLowerCase();
      const code = byWording.get(folded);
      if (code) codes.add(code);
      else if (!free.has(folded)) free.set(folded, text);
    }
    return { codes: [...codes], free: [...free.values()] };
  },

  /**
   * A municipality from its code or its name as people type it ("Škofja Loka", "skofja loka",
   * "Gorenja vas - Poljane"); throws INVALID_INPUT naming `field` when no place matches.
   */
  municipality(input: string, field: string): string {
    const code = placeFromTyped(input);
    if (!code) throw MarketplaceException.invalid(field, `unknown municipality '${input}': give its name (e.g. Škofja Loka) or code`);
    return code;
  },

  languages(codes: readonly string[] | undefined, field: string): string[] {
    const unique = [...new Set((codes ?? []).map((c) => c.trim().toLowerCase()))];
    const bad = unique.find((c) => !LANGUAGES.has(c));
    if (bad !== undefined) throw MarketplaceException.invalid(field, `unsupported language code '${bad}'`);
    return unique;
  },
};
