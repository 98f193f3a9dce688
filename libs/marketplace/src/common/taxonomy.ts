import {
  ALL_PLACES, CCS_DOMAINS, CRAFTS, LANGUAGE_CODES, MATERIALS, placeByCode, SKILLS, TECHNIQUES,
  type Label, type Municipality, type ReferenceTerm,
} from '../reference/index.js';
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
const LANGUAGES = new Set<string>(LANGUAGE_CODES);

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

  /** Accepts the original codes and every municipality of the gazetteer (not settlements). */
  municipality(code: string, field: string): string {
    if (!PLACES.has(code) && placeByCode(code)?.kind !== 'municipality') throw MarketplaceException.invalid(field, `unknown municipality code '${code}'`);
    return code;
  },

  languages(codes: readonly string[] | undefined, field: string): string[] {
    const unique = [...new Set((codes ?? []).map((c) => c.trim().toLowerCase()))];
    const bad = unique.find((c) => !LANGUAGES.has(c));
    if (bad !== undefined) throw MarketplaceException.invalid(field, `unsupported language code '${bad}'`);
    return unique;
  },
};
