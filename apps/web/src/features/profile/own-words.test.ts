import { describe, expect, it } from 'vitest';
import { addWord, MAX_ENTRIES, MAX_LENGTH, optionNamed, remaining, removeWords } from './own-words.js';

describe('own words of the profile editor', () => {
  it('adds an entry as written, spaces collapsed', () => {
    expect(addWord(['kvačkanje'], '  ročni   modrotisk ')).toEqual({ kind: 'added', words: ['kvačkanje', 'ročni modrotisk'], entry: 'ročni modrotisk' });
    expect(addWord([], '   ')).toEqual({ kind: 'empty' });
  });

  it('ignores a duplicate in any case, also of a chosen code’s label, and names the entry already there', () => {
    expect(addWord(['Ročni modrotisk'], 'ROČNI MODROTISK')).toEqual({ kind: 'duplicate', entry: 'Ročni modrotisk' });
    expect(addWord([], 'modrotisk', 1, ['Modrotisk'])).toEqual({ kind: 'duplicate', entry: 'Modrotisk' });
    // As the API compares them: diacritics and punctuation do not make another entry.
    expect(addWord(['Ročni modrotisk'], 'rocni-modrotisk')).toEqual({ kind: 'duplicate', entry: 'Ročni modrotisk' });
    expect(addWord(['kovanje'], 'kovanje železa').kind).toBe('added');
  });

  it('refuses an entry longer than the limit, and one more than the limit beside the chosen codes', () => {
    expect(addWord([], 'a'.repeat(MAX_LENGTH)).kind).toBe('added');
    expect(addWord([], 'a'.repeat(MAX_LENGTH + 1))).toEqual({ kind: 'tooLong', length: MAX_LENGTH + 1 });
    const full = Array.from({ length: MAX_ENTRIES - 3 }, (_, i) => `beseda ${i}`);
    expect(addWord(full, 'še ena', 2).kind).toBe('added');
    expect(addWord(full, 'še ena', 3)).toEqual({ kind: 'tooMany' });
    expect(remaining(full, 2)).toBe(1);
    expect(remaining(full, 5)).toBe(0);
  });

  it('removes entries by their key, in any case', () => {
    expect(removeWords(['Preja', 'kovanje', 'podkast'], new Set(['preja', 'podkast']))).toEqual(['kovanje']);
  });

  it('finds the list option a typed entry names (label or code, any case, without diacritics), as the API would', () => {
    const options = [{ code: 'blueprint', label: 'Modrotisk' }, { code: 'wood-carving', label: 'Rezbarstvo' }];
    expect(optionNamed(options, ' modrotisk ')?.code).toBe('blueprint');
    expect(optionNamed(options, 'WOOD-CARVING')?.code).toBe('wood-carving');
    expect(optionNamed(options, 'rezbarstvo v lesu')).toBeNull();
    expect(optionNamed(options, '  ')).toBeNull();
  });
});
