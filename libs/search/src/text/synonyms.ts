import { analyse } from './tokens.js';

/**
 * Domain vocabulary that must match across Slovenian and English. The first entry of a group
 * names it: its normalised form is the group's canonical token. Inflected forms the stemmer
 * cannot join (fleeting vowels: čevelj/čevlji, oblikovalec/oblikovalca) are listed explicitly.
 */
const RAW_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['modrotisk', 'modri tisk', 'blueprint', 'blue print', 'blaudruck', 'indigo print', 'indigo printing', 'indigo tisk'],
  ['usnje', 'usnjen', 'leather'],
  ['usnjarstvo', 'leatherwork', 'leathercraft'],
  ['tekstil', 'tekstilen', 'tekstilni', 'textile', 'tkanina', 'fabric'],
  ['keramika', 'keramičen', 'keramični', 'ceramics', 'ceramic', 'pottery', 'lončarstvo'],
  ['oblikovanje', 'design', 'dizajn'],
  ['oblikovalec', 'oblikovalca', 'oblikovalci', 'oblikovalka', 'designer'],
  ['grafično oblikovanje', 'graphic design'],
  ['čevlji', 'čevelj', 'obutev', 'shoes', 'shoe', 'footwear'],
  ['predpasnik', 'apron'],
  ['kovaštvo', 'kovač', 'kovaški', 'blacksmithing', 'blacksmith', 'smithing', 'ironwork'],
  ['fotografija', 'fotografiranje', 'photography'],
  ['fotograf', 'fotografinja', 'photographer'],
  ['arhitektura', 'architecture'],
  ['arhitekt', 'arhitektka', 'architect'],
  ['čipka', 'klekljanje', 'lace', 'bobbin lace', 'lacemaking'],
  ['les', 'lesen', 'wood', 'wooden'],
  ['mizarstvo', 'mizar', 'carpentry', 'carpenter', 'joinery', 'woodworking'],
  ['nakit', 'jewellery', 'jewelry'],
  ['ilustracija', 'illustration'],
  ['ilustrator', 'ilustratorka', 'illustrator'],
  ['slikarstvo', 'painting'],
  ['kiparstvo', 'sculpture', 'sculpting'],
  ['tisk', 'tiskanje', 'print', 'printing'],
  ['steklo', 'steklarstvo', 'glass', 'glassmaking'],
  ['pletenje', 'knitting'],
  ['tkanje', 'weaving'],
  ['vezenje', 'embroidery'],
  ['šivanje', 'sewing'],
  ['torba', 'torbica', 'bag', 'handbag'],
  ['oblačila', 'oblačilo', 'clothing', 'clothes', 'garment'],
  ['pohištvo', 'furniture'],
  ['spominek', 'spominki', 'souvenir'],
  ['delavnica', 'workshop'],
  ['razstava', 'exhibition'],
  ['dediščina', 'heritage'],
  ['trajnost', 'trajnostno', 'trajnosten', 'sustainable', 'sustainability'],
  ['čebelarstvo', 'beekeeping'],
  ['embalaža', 'packaging'],
];

export interface SynonymGroup {
  /** The single token every term of the group is indexed and queried as. */
  readonly canonical: string;
  /** Normalised terms (stemmed tokens joined by one space; several tokens = a phrase). */
  readonly terms: readonly string[];
}

interface Phrase {
  readonly tokens: readonly string[];
  readonly canonical: string;
}

function buildGroups(): SynonymGroup[] {
  const owner = new Map<string, string>();
  return RAW_SYNONYM_GROUPS.map((raw) => {
    const terms = [...new Set(raw.map((term) => analyse(term).join(' ')))];
    const canonical = terms[0].replace(/ /g, '');
    for (const term of terms) {
      const previous = owner.get(term);
      if (term === '' || (previous !== undefined && previous !== canonical)) {
        throw new Error(`Synonym term "${term}" is empty or belongs to two groups (${previous ?? '-'}, ${canonical})`);
      }
      owner.set(term, canonical);
    }
    return { canonical, terms };
  });
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = buildGroups();

/** First token → phrases starting with it, longest first (so "modr tisk" wins over "tisk"). */
const PHRASES_BY_FIRST_TOKEN: ReadonlyMap<string, readonly Phrase[]> = (() => {
  const map = new Map<string, Phrase[]>();
  for (const group of SYNONYM_GROUPS) {
    for (const term of group.terms) {
      const tokens = term.split(' ');
      const list = map.get(tokens[0]) ?? [];
      list.push({ tokens, canonical: group.canonical });
      map.set(tokens[0], list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return map;
})();

function phrasesAt(tokens: readonly string[], start: number): Phrase[] {
  const candidates = PHRASES_BY_FIRST_TOKEN.get(tokens[start]) ?? [];
  return candidates.filter((p) => p.tokens.every((t, i) => tokens[start + i] === t));
}

/** Index side: the canonical token of every synonym occurring anywhere (overlaps included). */
export function synonymCanonicals(tokens: readonly string[]): string[] {
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of phrasesAt(tokens, i)) found.add(phrase.canonical);
  }
  return [...found];
}

/** Query side: replace each synonym (longest match first, left to right) by its canonical token. */
export function canonicaliseTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const [longest] = phrasesAt(tokens, i);
    if (longest) {
      out.push(longest.canonical);
      i += longest.tokens.length;
    } else {
      out.push(tokens[i]);
      i += 1;
    }
  }
  return out;
}
