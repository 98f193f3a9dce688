import {
  foldDiacritics,
  normaliseForIndex,
  normaliseQuery,
  stem,
  SYNONYM_GROUPS,
  tokenize,
} from './normalise.js';

/** True when every query token occurs among the indexed tokens (what AND search needs). */
function matches(indexedText: string, query: string): boolean {
  const indexed = new Set(normaliseForIndex(indexedText).split(' '));
  return normaliseQuery(query).split(' ').every((t) => indexed.has(t));
}

describe('foldDiacritics', () => {
  it.each([
    ['Škofja Loka', 'Skofja Loka'],
    ['Žiri', 'Ziri'],
    ['čevlji ČŠŽ', 'cevlji CSZ'],
    ['Ćirić Đurđa', 'Ciric Durda'],
    ['café naïve Ålesund', 'cafe naive Alesund'],
    ['Straße Øl', 'Strasse Ol'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
});

describe('tokenize', () => {
  it('lowercases, folds and splits on punctuation', () => {
    expect(tokenize('Alpina Žiri: modrotisk/usnje, 2026!')).toEqual(['alpina', 'ziri', 'modrotisk', 'usnje', '2026']);
  });

  it('returns nothing for blank or punctuation-only text', () => {
    expect(tokenize('  \n ,;- ')).toEqual([]);
  });
});

describe('stem', () => {
  it.each([
    [['kranj', 'kranju', 'kranja', 'kranjem'], 'kranj'],
    [['skofja', 'skofji', 'skofjo'], 'skofj'],
    [['loka', 'loki', 'loko'], 'lok'],
    [['ziri', 'zireh', 'zirov'], 'zir'],
    [['usnje', 'usnju', 'usnjem'], 'usnj'],
    [['modrotisk', 'modrotiska', 'modrotiskom', 'modrotiski'], 'modrotisk'],
    [['trzic', 'trzicu', 'trzica'], 'trzic'],
    [['zelezniki', 'zeleznikih'], 'zeleznik'],
    [['gorenjska', 'gorenjskem', 'gorenjskega'], 'gorenjsk'],
    [['designs', 'design'], 'design'],
    [['textiles', 'textile'], 'textil'],
    [['shoes', 'shoe'], 'sho'],
    [['stories', 'story'], 'story'],
    [['boxes', 'box'], 'box'],
  ])('%j all stem to %s', (forms, expected) => {
    for (const form of forms) expect(stem(form)).toBe(expected);
  });

  it('keeps short words, numbers and Slovenian words ending in -as/-is/-us whole', () => {
    expect(stem('les')).toBe('les');
    expect(stem('vas')).toBe('vas');
    expect(stem('ples')).toBe('ples');
    expect(stem('opis')).toBe('opis');
    expect(stem('kompas')).toBe('kompas');
    expect(stem('2026a')).toBe('2026a');
  });

  it('never produces a stem shorter than three letters', () => {
    for (const word of ['loki', 'vasi', 'leso', 'kosa', 'bags']) expect(stem(word).length).toBeGreaterThanOrEqual(3);
  });
});

describe('normaliseQuery / normaliseForIndex', () => {
  it.each([
    ['Škofja Loka', 'Skofja Loka'],
    ['Škofja Loka', 'v Škofji Loki'],
    ['Žiri', 'Ziri'],
    ['Žiri', 'v Žireh'],
    ['Kranj', 'Kranju'],
    ['izdelki iz usnja', 'usnje'],
    ['Modrotisk na usnju', 'modrotiskom'],
    ['Črni lonci', 'crn'],
  ])('text %j is found by query %j', (text, query) => {
    expect(matches(text, query)).toBe(true);
  });

  it.each([
    ['Modrotisk iz Žirov', 'blueprint'],
    ['Modrotisk iz Žirov', 'indigo print'],
    ['Blueprint on linen', 'modrotisk'],
    ['Izdelki iz usnja', 'leather'],
    ['Leather bags', 'usnje'],
    ['Tekstil za dom', 'textiles'],
    ['Ceramics studio', 'keramika'],
    ['Ročni čevlji', 'footwear'],
    ['New shoes', 'čevelj'],
    ['Predpasniki za gostilno', 'apron'],
    ['Umetno kovaštvo', 'blacksmithing'],
    ['Product photography', 'fotografija'],
    ['Arhitektura kozolcev', 'architecture'],
    ['Grafično oblikovanje', 'graphic design'],
  ])('synonyms: text %j is found by query %j', (text, query) => {
    expect(matches(text, query)).toBe(true);
  });

  it.each([
    ['Keramika iz Kranja', 'usnje'],
    ['Škofja Loka', 'Kranj'],
    ['Tiskarna', 'blueprint'],
  ])('text %j is NOT found by query %j', (text, query) => {
    expect(matches(text, query)).toBe(false);
  });

  it('indexes stemmed tokens in order and appends canonical synonym tokens once', () => {
    expect(normaliseForIndex('Blueprint na usnju, blueprint!')).toBe('blueprint usnj blueprint modrotisk');
  });

  it('replaces query synonyms (longest phrase first) and drops stop words and duplicates', () => {
    expect(normaliseQuery('Blue print in the leather, leather')).toBe('modrotisk usnj');
    expect(normaliseQuery('modri tisk')).toBe('modrotisk');
    expect(normaliseQuery('tisk')).toBe('tisk');
    expect(normaliseQuery('v Škofji Loki')).toBe('skofj lok');
  });

  it('returns an empty string for empty or stop-word-only input', () => {
    expect(normaliseQuery('')).toBe('');
    expect(normaliseQuery(' v na the ')).toBe('');
    expect(normaliseForIndex('')).toBe('');
  });
});

describe('SYNONYM_GROUPS', () => {
  it('has between 20 and 60 groups with single-token canonicals', () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(20);
    expect(SYNONYM_GROUPS.length).toBeLessThanOrEqual(60);
    for (const group of SYNONYM_GROUPS) expect(group.canonical).toMatch(/^[a-z0-9]+$/);
  });

  it('maps every normalised term to exactly one group', () => {
    const seen = new Map<string, string>();
    for (const group of SYNONYM_GROUPS) {
      expect(group.terms.length).toBeGreaterThanOrEqual(2);
      for (const term of group.terms) {
        expect(seen.get(term) ?? group.canonical).toBe(group.canonical);
        seen.set(term, group.canonical);
      }
    }
  });

  it('holds normalised terms (normalising a term again changes nothing)', () => {
    for (const group of SYNONYM_GROUPS) {
      for (const term of group.terms) expect(normaliseQuery(term)).toBe(group.canonical);
    }
  });
});
