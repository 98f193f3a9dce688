import { stem, STOP_WORDS } from './stem.js';

/** Letters that Unicode decomposition does not reduce to a base letter plus a mark. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', ẞ: 'SS',
  æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D',
};
const UNDECOMPOSABLE_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** "Škofja Loka, Đakovo, café" → "Skofja Loka, Dakovo, cafe". Case is kept. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE_PATTERN, (ch) => UNDECOMPOSABLE[ch] ?? ch);
}

/** Folded, lowercased words; punctuation and whitespace separate them. No stemming. */
export function tokenize(text: string): string[] {
  return foldDiacritics(text).toLowerCase().split(NON_WORD).filter((t) => t.length > 0);
}

/** tokenize + drop stop words + stem: the token stream both index and query sides use. */
export function analyse(text: string): string[] {
  return tokenize(text)
    .filter((t) => !STOP_WORDS.has(t))
    .map(stem);
}
