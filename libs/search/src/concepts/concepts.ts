/**
 * PROVISIONAL (replaced by the reviewed dictionary in concepts.data.ts): concepts from the
 * synonym groups, with the API matching uses. Each group is one concept; no broader links.
 */
import { analyse } from '../text/tokens.js';
import { SYNONYM_GROUPS } from '../text/synonyms.js';

export type ConceptKind = 'craft' | 'material' | 'technique' | 'medium' | 'discipline' | 'heritage' | 'place-type' | 'topic';

export interface Concept {
  id: string;
  sl: readonly string[];
  en: readonly string[];
  kind: ConceptKind;
  broader?: readonly string[];
  codes?: readonly string[];
  forms?: readonly string[];
}

export interface ConceptHit {
  id: string;
  surface: string;
}

const CONCEPTS: readonly Concept[] = SYNONYM_GROUPS.map((g) => ({ id: g.canonical, sl: [g.terms[0]], en: g.terms.slice(1), kind: 'topic' as const }));
const BY_ID = new Map(CONCEPTS.map((c) => [c.id, c]));
const PHRASES = SYNONYM_GROUPS.flatMap((g) => g.terms.map((t) => ({ tokens: t.split(' '), id: g.canonical }))).sort((a, b) => b.tokens.length - a.tokens.length);

export function conceptsIn(text: string): ConceptHit[] {
  const words = text.split(/\s+/).filter(Boolean);
  const tokens = analyse(text);
  const found = new Map<string, ConceptHit>();
  let i = 0;
  while (i < tokens.length) {
    const phrase = PHRASES.find((p) => p.tokens.every((t, k) => tokens[i + k] === t));
    if (phrase) {
      if (!found.has(phrase.id)) found.set(phrase.id, { id: phrase.id, surface: words.slice(i, i + phrase.tokens.length).join(' ') || phrase.id });
      i += phrase.tokens.length;
    } else i += 1;
  }
  return [...found.values()];
}

export function conceptById(id: string): Concept | null {
  return BY_ID.get(id) ?? null;
}

export function broaderOf(id: string): string[] {
  return [...(BY_ID.get(id)?.broader ?? [])];
}

export function specificity(id: string): number {
  return BY_ID.has(id) ? 1 : 0.5;
}

export function conceptTerms(id: string): { sl: string[]; en: string[] } {
  const c = BY_ID.get(id);
  return { sl: [...(c?.sl ?? [])], en: [...(c?.en ?? [])] };
}

export function suggestCodes(text: string): string[] {
  return conceptsIn(text).flatMap((h) => [...(BY_ID.get(h.id)?.codes ?? [])]);
}
