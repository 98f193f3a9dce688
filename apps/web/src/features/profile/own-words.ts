/**
 * The "in your own words" lists (crafts, techniques, materials, skills): what the creative typed,
 * kept as written. The API takes codes and words in one list of at most MAX_ENTRIES entries, each
 * at most MAX_LENGTH characters long, and drops duplicates case-insensitively; the editor enforces
 * the same before sending, so the person learns it while typing.
 */
export const MAX_ENTRIES = 40;
export const MAX_LENGTH = 120;

/** Spaces collapsed and trimmed, as the API stores an entry. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The comparison form, as the API compares entries: lower case, diacritics folded (č/c, š/s, ž/z),
 * anything but letters and digits as one space. "Ročni modrotisk" and "rocni-modrotisk" are one entry.
 */
export function sameKey(text: string): string {
  return text
    .toLocaleLowerCase('sl')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type AddResult =
  | { kind: 'added'; words: string[]; entry: string }
  | { kind: 'empty' }
  | { kind: 'duplicate'; entry: string }
  | { kind: 'tooLong'; length: number }
  | { kind: 'tooMany' };

/**
 * Adds what was typed to `words`, unless it is empty, already there (any case; also when it is
 * one of the chosen codes' labels, given in `taken`), longer than MAX_LENGTH or the list (with
 * `codes` chosen entries beside it) is full.
 */
export function addWord(words: readonly string[], typed: string, codes = 0, taken: readonly string[] = []): AddResult {
  const entry = normalise(typed);
  if (!entry) return { kind: 'empty' };
  const key = sameKey(entry);
  const existing = [...words, ...taken].find((w) => sameKey(w) === key);
  if (existing !== undefined) return { kind: 'duplicate', entry: existing };
  if (entry.length > MAX_LENGTH) return { kind: 'tooLong', length: entry.length };
  if (words.length + codes >= MAX_ENTRIES) return { kind: 'tooMany' };
  return { kind: 'added', words: [...words, entry], entry };
}

/** `words` without the given entries (the keys of removed chips). */
export function removeWords(words: readonly string[], removed: Iterable<string>): string[] {
  const gone = new Set([...removed].map(sameKey));
  return words.filter((w) => !gone.has(sameKey(w)));
}

/** How many more entries fit beside `codes` chosen codes. */
export function remaining(words: readonly string[], codes: number): number {
  return Math.max(0, MAX_ENTRIES - codes - words.length);
}

/**
 * The option whose label (or code) is what was typed, compared as the API compares them: the API
 * turns such an entry into that code, so the editor chooses it from the list instead.
 */
export function optionNamed<T extends { code: string; label: string }>(options: readonly T[], typed: string): T | null {
  const key = sameKey(typed);
  if (!key) return null;
  return options.find((o) => sameKey(o.label) === key || sameKey(o.code) === key) ?? null;
}
