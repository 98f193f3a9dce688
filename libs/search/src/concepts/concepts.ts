/**
 * The concept dictionary at run time: finding concepts in free text (either language, any case,
 * with or without diacritics, inflected), walking broader links, and the terms and reference codes
 * a concept stands for. Everything is pure and built once, lazily, on first use.
 *
 * Matching works on the same token stream as the search index (`tokenize` + stop words + `stem`),
 * so a term matches exactly the inflections the index joins: "modrotiskom" → modrotisk,
 * "ustne zgodovine" → "ustn zgodovin". Terms are matched as whole tokens, never as prefixes, so
 * "les" (wood) does not fire inside "lesketajoč" or "Lesce". Phrases are matched as phrases,
 * left to right, longest first, and the tokens of a match are consumed: "grafično oblikovanje" is
 * graphic-design only, not also design.
 */
import { CONCEPTS, type Concept } from './concepts.data.js';
import { stem, STOP_WORDS } from '../text/stem.js';
import { tokenize } from '../text/tokens.js';

export { CONCEPTS, type Concept, type ConceptKind } from './concepts.data.js';

/** One concept found in a text. */
export interface ConceptHit {
  readonly id: string;
  /** The words as written in the text (first occurrence), e.g. "usnjenih čevljev". */
  readonly surface: string;
}

interface Pattern {
  readonly id: string;
  /** Stemmed tokens, or raw folded tokens when `exact`. */
  readonly keys: readonly string[];
  readonly exact: boolean;
}

interface Dictionary {
  readonly byId: ReadonlyMap<string, Concept>;
  /** First key → patterns starting with it, longest first. */
  readonly byFirstKey: ReadonlyMap<string, readonly Pattern[]>;
  readonly ancestors: ReadonlyMap<string, readonly string[]>;
  readonly specificity: ReadonlyMap<string, number>;
  readonly issues: readonly string[];
}

interface TextToken {
  readonly raw: string;
  readonly stemmed: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const PLAIN_WORD = /^[a-z0-9]+$/;

/** stem() of recent tokens: briefs and profiles repeat their words; bounded so it cannot grow. */
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function cachedStem(raw: string): string {
  let stemmed = STEM_CACHE.get(raw);
  if (stemmed === undefined) {
    if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
    stemmed = stem(raw);
    STEM_CACHE.set(raw, stemmed);
  }
  return stemmed;
}

/** Folded, lowercased, stop-word-free tokens of `text` with their positions in `text`. */
function textTokens(text: string): TextToken[] {
  const out: TextToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const lower = match[0].toLowerCase();
    // Same result as tokenize() (fold + lowercase + split), without Unicode normalisation for plain words.
    const raws = PLAIN_WORD.test(lower) ? [lower] : tokenize(match[0]);
    for (const raw of raws) {
      if (!STOP_WORDS.has(raw)) out.push({ raw, stemmed: cachedStem(raw), start, end });
    }
  }
  return out;
}

/** A term as the matcher sees it: "=lan" → exact ["lan"]; "Modri tisk" → ["modr", "tisk"]. */
function termPattern(id: string, term: string): Pattern | null {
  const exact = term.startsWith('=');
  const raw = tokenize(exact ? term.slice(1) : term).filter((t) => !STOP_WORDS.has(t));
  if (raw.length === 0) return null;
  return { id, exact, keys: exact ? raw : raw.map(stem) };
}

/**
 * Regular English inflections of a term's last word (print → prints, printed, printing;
 * forge → forged, forging; knit → knitted, knitting; dye → dyes, dyed, dyeing). They only fill
 * keys no explicit term owns.
 */
function englishVariants(term: string): string[] {
  const words = term.split(/\s+/);
  const last = words[words.length - 1].toLowerCase();
  if (!/^[a-z]{3,}$/.test(last) || /(?:ing|ed|s)$/.test(last)) return [];
  const head = words.slice(0, -1).join(' ');
  const forms: string[] = [];
  if (last.endsWith('e')) {
    forms.push(`${last}s`, `${last}d`, last.endsWith('ee') || last.endsWith('ye') ? `${last}ing` : `${last.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(last)) {
    forms.push(`${last.slice(0, -1)}ies`, `${last.slice(0, -1)}ied`, `${last}ing`);
  } else if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(last)) {
    // one syllable ending consonant-vowel-consonant doubles: knit → knitted, knitting (not "knited")
    const doubled = `${last}${last.at(-1) ?? ''}`;
    forms.push(`${last}s`, `${doubled}ed`, `${doubled}ing`);
  } else {
    forms.push(/(?:x|sh|ch)$/.test(last) ? `${last}es` : `${last}s`, `${last}ed`, `${last}ing`);
  }
  return forms.map((f) => (head ? `${head} ${f}` : f));
}

function patternKey(p: Pattern): string {
  return `${p.exact ? '=' : ''}${p.keys.join(' ')}`;
}

function build(): Dictionary {
  const issues: string[] = [];
  const byId = new Map<string, Concept>();
  for (const concept of CONCEPTS) {
    if (byId.has(concept.id)) issues.push(`duplicate id ${concept.id}`);
    byId.set(concept.id, concept);
  }

  // Explicit terms first (a key owned by two concepts is an issue), then English variants where free.
  const owner = new Map<string, Pattern>();
  for (const concept of CONCEPTS) {
    for (const term of [...concept.sl, ...concept.en, ...(concept.forms ?? [])]) {
      const pattern = termPattern(concept.id, term);
      if (pattern === null) {
        issues.push(`${concept.id}: term "${term}" has no searchable word`);
        continue;
      }
      const key = patternKey(pattern);
      const previous = owner.get(key);
      if (previous !== undefined && previous.id !== concept.id) {
        issues.push(`term "${term}" (${key}) belongs to ${previous.id} and ${concept.id}`);
      } else {
        owner.set(key, pattern);
      }
    }
  }
  for (const concept of CONCEPTS) {
    for (const term of concept.en) {
      if (term.startsWith('=')) continue;
      for (const variant of englishVariants(term)) {
        const pattern = termPattern(concept.id, variant);
        if (pattern !== null && !owner.has(patternKey(pattern))) owner.set(patternKey(pattern), pattern);
      }
    }
  }
  const byFirstKey = new Map<string, Pattern[]>();
  for (const pattern of owner.values()) {
    const first = `${pattern.exact ? '=' : ''}${pattern.keys[0]}`;
    const list = byFirstKey.get(first) ?? [];
    list.push(pattern);
    byFirstKey.set(first, list);
  }
  for (const list of byFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);

  // Broader links: every id must exist, no cycles; ancestors nearest first (breadth-first).
  const ancestors = new Map<string, string[]>();
  for (const concept of CONCEPTS) {
    const seen: string[] = [];
    let frontier = [...(concept.broader ?? [])];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        if (id === concept.id) {
          issues.push(`cycle through ${concept.id}`);
          continue;
        }
        if (seen.includes(id)) continue;
        const parent = byId.get(id);
        if (parent === undefined) {
          issues.push(`${concept.id}: unknown broader id ${id}`);
          continue;
        }
        seen.push(id);
        next.push(...(parent.broader ?? []));
      }
      frontier = next;
    }
    ancestors.set(concept.id, seen);
  }

  // Specificity = breadth × depth. breadth = 1 / (1 + ½·ln(1 + descendants)): a leaf is 1, a concept
  // with 1 descendant 0.74, 10 → 0.45, 50 → 0.34. depth = 0.7 for a root (no broader concept),
  // 0.85 one level down, 1 from two levels down: roots name fields ("tourism", "industry") even when
  // nothing in the dictionary specialises them.
  const descendants = new Map<string, number>(CONCEPTS.map((c) => [c.id, 0]));
  for (const list of ancestors.values()) for (const id of list) descendants.set(id, (descendants.get(id) ?? 0) + 1);
  const specificity = new Map<string, number>();
  for (const [id, d] of descendants) {
    const depth = Math.min(2, (byId.get(id)?.broader ?? []).length > 0 ? depthOf(id, byId) : 0);
    specificity.set(id, (1 / (1 + 0.5 * Math.log(1 + d))) * (0.7 + 0.15 * depth));
  }

  return { byId, byFirstKey, ancestors, specificity, issues };
}

/** Length of the shortest broader chain up to a root (0 for a root); cycles are cut. */
function depthOf(id: string, byId: ReadonlyMap<string, Concept>): number {
  let frontier = [id];
  const seen = new Set<string>(frontier);
  for (let depth = 0; depth < 50; depth++) {
    const next: string[] = [];
    for (const current of frontier) {
      const broader = byId.get(current)?.broader ?? [];
      if (broader.length === 0) return depth;
      for (const b of broader) if (!seen.has(b) && byId.has(b)) { seen.add(b); next.push(b); }
    }
    if (next.length === 0) return depth;
    frontier = next;
  }
  return 0;
}

let dictionary: Dictionary | null = null;
function dict(): Dictionary {
  dictionary ??= build();
  return dictionary;
}

function keyOf(token: TextToken, exact: boolean): string {
  return exact ? token.raw : token.stemmed;
}

function longestAt(tokens: readonly TextToken[], start: number, d: Dictionary): Pattern | null {
  const first = tokens[start];
  let best: Pattern | null = null;
  for (const candidates of [d.byFirstKey.get(first.stemmed), d.byFirstKey.get(`=${first.raw}`)]) {
    if (candidates === undefined) continue;
    for (const p of candidates) {
      if (best !== null && p.keys.length <= best.keys.length) break; // lists are longest first
      if (start + p.keys.length > tokens.length) continue;
      let all = true;
      for (let k = 1; k < p.keys.length && all; k++) all = keyOf(tokens[start + k], p.exact) === p.keys[k];
      if (all && keyOf(first, p.exact) === p.keys[0]) best = p;
    }
  }
  return best;
}

/**
 * Every concept mentioned in `text`, distinct ids in order of first mention, each with the words
 * as written. Longest phrase wins and consumes its words.
 */
export function conceptsIn(text: string): ConceptHit[] {
  const d = dict();
  const tokens = textTokens(text);
  const hits: ConceptHit[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const pattern = longestAt(tokens, i, d);
    if (pattern === null) {
      i += 1;
      continue;
    }
    const last = tokens[i + pattern.keys.length - 1];
    if (!seen.has(pattern.id)) {
      seen.add(pattern.id);
      hits.push({ id: pattern.id, surface: text.slice(tokens[i].start, last.end) });
    }
    i += pattern.keys.length;
  }
  return hits;
}

export function conceptById(id: string): Concept | null {
  return dict().byId.get(id) ?? null;
}

/** Transitive broader concepts, nearest first (breadth-first over `broader`), without `id`. */
export function broaderOf(id: string): string[] {
  return [...(dict().ancestors.get(id) ?? [])];
}

/**
 * How specific a concept is, in (0, 1]: breadth × depth, where breadth = 1 / (1 + ½·ln(1 + number
 * of transitive narrower concepts)) and depth = 0.7 for a root, 0.85 one level below a root, 1 from
 * two levels down (shortest chain). A leaf two levels down ("blueprint-print") is 1; "textile" or
 * "design", roots that many concepts specialise, are near 0.25; a lone root ("tourism" with its
 * few children, "critical-thinking") stays at or below 0.7. Unknown ids: 0.
 */
export function specificity(id: string): number {
  return dict().specificity.get(id) ?? 0;
}

/**
 * Normalised search terms of a concept (the index's token form, one per lemma, phrase or listed
 * form; phrases are space-separated tokens), for query expansion.
 */
export function conceptTerms(id: string): { sl: string[]; en: string[] } {
  const concept = dict().byId.get(id);
  if (concept === undefined) return { sl: [], en: [] };
  const normalise = (terms: readonly string[]): string[] => [
    ...new Set(terms.map((t) => termPattern(id, t.replace(/^=/, ''))?.keys.join(' ') ?? '').filter((t) => t !== '')),
  ];
  return { sl: normalise([...concept.sl, ...(concept.forms ?? [])]), en: normalise(concept.en) };
}

/**
 * Reference codes ("<vocabulary>:<code>", e.g. "crafts:shoemaking", "materials:leather") suggested
 * for a free text: the codes of every concept found; a concept without codes of its own lends those
 * of its nearest ancestor that has some ("lesorez" → printmaking's "crafts:printmaking").
 * Distinct, in order of first mention.
 */
export function suggestCodes(text: string): string[] {
  const d = dict();
  const codes = new Set<string>();
  for (const hit of conceptsIn(text)) {
    const chain = [hit.id, ...(d.ancestors.get(hit.id) ?? [])];
    const withCodes = chain.map((id) => d.byId.get(id)).find((c) => (c?.codes?.length ?? 0) > 0);
    for (const code of withCodes?.codes ?? []) codes.add(code);
  }
  return [...codes];
}

/** Problems in the data (duplicate ids or terms, unknown broader ids, cycles); empty when valid. */
export function conceptDictionaryIssues(): string[] {
  return [...dict().issues];
}
