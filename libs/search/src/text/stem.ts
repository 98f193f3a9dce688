/**
 * A deliberately light stemmer for mixed Slovenian/English text. It only has to be consistent:
 * the same function runs on indexed text and on queries, so two inflections meet when they
 * reduce to the same stem (Kranj/Kranju/Kranja → kranj, Žiri/Žireh → zir, shoes/shoe → sho).
 * Input tokens are already folded (no diacritics) and lowercased.
 */

/** A stem is never shorter than this, so short words (les, vas, bled) stay whole. */
export const MIN_STEM_LENGTH = 3;

/**
 * Slovenian case/number endings, longest first (nouns and adjectives; verbs are left alone).
 * Adjective endings: -ega/-emu/-em/-ih/-im/-imi/-ima/-a/-e/-i/-o ("kovanega", "usnjenih",
 * "modrimi"); noun endings: -ov/-ev/-ih/-om/-em/-ami/-ah/-eh/-ama/-a/-e/-i/-o/-u
 * ("podkastov", "čevljev"); the -j- of nouns in -r goes too (čevljarja → čevljar). Not handled:
 * -mi ("z nitmi"), masculine dual -oma ("podkastoma": "diploma"/"diplomo" would part).
 * Possessive/relational adjectives in -ov-/-ev- ("kovačevega", "Prešernovih") lose the whole
 * ending so they meet their noun.
 */
const SLOVENIAN_SUFFIXES = [
  'ovega', 'evega', 'ovemu', 'evemu',
  'ovih', 'evih', 'ovim', 'evim',
  'imi', 'ega', 'emu', 'ami', 'ama', 'ima', 'ovi', 'evi', 'ova', 'eva', 'ovo', 'evo', 'ove', 'eve',
  'ov', 'ev', 'ih', 'im', 'om', 'em', 'eh', 'ah',
  'a', 'e', 'i', 'o', 'u',
] as const;

/**
 * Fleeting vowel: nouns in -ec and -ek drop the "e" once an ending follows (oblikovalec →
 * oblikovalca, izdelek → izdelki, spominek → spominka), so the bare form's "e" is dropped too
 * and all forms meet on "oblikovalc", "izdelk", "spomink". Words whose -ek is a root
 * (potek/poteka, človek/človeka, odsek) keep it. Derivations (oblikovalec ↔ oblikovalka) are
 * NOT joined by the stemmer: the concept dictionary lists them as forms.
 */
const FLEETING_EK_KEEP: ReadonlySet<string> = new Set([
  'clovek', 'potek', 'iztek', 'pretek', 'dotek', 'natek', 'odtek', 'pritek', 'zatek', 'obtek', 'vtek', 'stek',
  'odsek', 'presek', 'posek', 'vsek', 'zasek', 'prisek', 'cek', 'trek', 'geek', 'check', 'seek', 'week',
]);

function dropFleetingVowel(token: string): string {
  const n = token.length;
  if (n < 5 || FLEETING_EK_KEEP.has(token)) return token;
  if (/[^aeiou]e[ck]$/.test(token)) return `${token.slice(0, -2)}${token[n - 1]}`;
  return token;
}

/**
 * Closed-class words that carry no meaning for search. Dropping them matters for AND semantics:
 * "v Škofji Loki" must not require a document to contain "v".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // Slovenian (folded)
  'a', 'ali', 'brez', 'cez', 'da', 'do', 'h', 'i', 'in', 'iz', 'je', 'k', 'ki', 'ko', 'med', 'na', 'nad', 'o',
  'ob', 'od', 'pa', 'po', 'pod', 'pred', 'pri', 's', 'se', 'so', 'ter', 'v', 'z', 'za',
  // English
  'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'with',
]);

/**
 * English plurals. Only patterns that rarely end a Slovenian word are touched: "-as", "-is", "-us",
 * "-ss" and "-nos" stay (čas, opis, avtobus, prenos, odnos), "-es"/"-os" lose only the "s"
 * (textiles → textile, photos → photo), and the Slovenian pass then treats the rest alike.
 * Known cost: Slovenian "-es" nouns (proces/procesi, interes/interesi) do not meet.
 */
function stripEnglishPlural(token: string): string {
  const n = token.length;
  if (n < 4 || !token.endsWith('s')) return token;
  if (n >= 5 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.endsWith('sses')) return token.slice(0, -2);
  if (n >= 5 && /(?:ch|sh|x)es$/.test(token)) return token.slice(0, -2);
  const before = token[n - 2];
  // Slovenian nouns in -nos (prenos, odnos, vnos, nanos) keep their "s": odnos/odnosi must meet.
  if (token.endsWith('nos')) return token;
  if (before === 'e' || before === 'o') return n >= 5 ? token.slice(0, -1) : token;
  if (/[aius]/.test(before)) return token;
  return token.slice(0, -1);
}

function stripSlovenianEnding(token: string): string {
  for (const suffix of SLOVENIAN_SUFFIXES) {
    if (token.endsWith(suffix) && token.length - suffix.length >= MIN_STEM_LENGTH) {
      const rest = token.slice(0, -suffix.length);
      // Masculine nouns in -r take -j- before an ending (čevljar → čevljarja, mizar → mizarjem).
      return rest.endsWith('rj') && rest.length > MIN_STEM_LENGTH ? rest.slice(0, -1) : rest;
    }
  }
  return dropFleetingVowel(token);
}

/** Stem one folded, lowercased token. Tokens containing digits are returned unchanged. */
export function stem(token: string): string {
  if (token.length <= MIN_STEM_LENGTH || /\d/.test(token)) return token;
  return stripSlovenianEnding(stripEnglishPlural(token));
}
