import type { CreativeProfileEntity, PortfolioItemEntity } from '@app/database';
import { conceptsIn, suggestCodes as codesFor } from '@app/search';
import { Taxonomy, Vocabulary } from '../common/taxonomy.js';
import type { Label } from '../reference/index.js';

/** A reference code the creative's own words point to, for them to confirm (never added by itself). */
export interface CodeSuggestion {
  vocabulary: Vocabulary;
  code: string;
  label: Label;
  /** The words it was found in, as written. */
  because: string;
}

/**
 * Auto-tagging: the concepts of the dictionary found in what the creative wrote (own words, statement,
 * portfolio), mapped to the reference codes they stand for, minus the codes already on the profile.
 */
export function suggestCodes(profile: CreativeProfileEntity, portfolio: readonly PortfolioItemEntity[]): CodeSuggestion[] {
  const listed = new Set([...profile.domains, ...profile.crafts, ...profile.techniques, ...profile.materials, ...profile.skills]);
  const texts = [
    ...profile.freeCrafts, ...profile.freeTechniques, ...profile.freeMaterials, ...profile.freeSkills,
    profile.bioSl, profile.bioEn,
    ...portfolio.flatMap((i) => [i.titleSl, i.titleEn, i.descriptionSl, i.descriptionEn]),
  ].filter((t): t is string => Boolean(t));
  const found = new Map<string, CodeSuggestion>();
  for (const text of texts) {
    for (const hit of conceptsIn(text)) {
      // "crafts:shoemaking": the dictionary names the vocabulary with the code.
      for (const qualified of codesFor(hit.surface)) {
        const [prefix, code] = qualified.split(':') as [string, string | undefined];
        const vocabulary = Object.values(Vocabulary).find((v) => v === prefix) ?? null;
        const label = vocabulary && code ? Taxonomy.label(vocabulary, code) : null;
        if (!vocabulary || !code || !label || listed.has(code) || found.has(qualified)) continue;
        found.set(qualified, { vocabulary, code, label, because: hit.surface });
      }
    }
  }
  return [...found.values()];
}
