import { stem } from './stem.js';
import { tokenize } from './tokens.js';

/** Stem of a word as the index sees it (folded and lowercased first). */
const s = (word: string): string => stem(tokenize(word)[0] ?? '');

describe('stem: real Slovenian word forms meet', () => {
  it.each([
    // masculine nouns across cases and numbers (N, G, D/L, I; plural N, G, L, I; dual)
    [['podkast', 'podkasta', 'podkastu', 'podkastom', 'podkasti', 'podkastov', 'podkastih', 'podkaste']],
    [['modrotisk', 'modrotiska', 'modrotisku', 'modrotiskom', 'modrotiski', 'modrotiskov', 'modrotiskih']],
    [['kovač', 'kovača', 'kovaču', 'kovačem', 'kovači', 'kovačev', 'kovačih']],
    [['čevljar', 'čevljarja', 'čevljarju', 'čevljarjem', 'čevljarji', 'čevljarjev', 'čevljarjih']],
    [['mizar', 'mizarja', 'mizarji', 'mizarjev']],
    [['muzej', 'muzeja', 'muzeju', 'muzejem', 'muzejev', 'muzejih']],
    // fleeting vowel in -ec / -ek
    [['oblikovalec', 'oblikovalca', 'oblikovalcu', 'oblikovalcem', 'oblikovalci', 'oblikovalcev', 'oblikovalcih']],
    [['izdelek', 'izdelka', 'izdelku', 'izdelkom', 'izdelki', 'izdelkov', 'izdelkih']],
    [['spominek', 'spominka', 'spominki', 'spominkov']],
    [['kozolec', 'kozolca', 'kozolci', 'kozolcev']],
    // feminine nouns: -a/-e/-i/-o, plural and dual
    [['preja', 'preje', 'preji', 'prejo', 'prej', 'prejah', 'prejami']],
    [['zgodovina', 'zgodovine', 'zgodovini', 'zgodovino', 'zgodovinah', 'zgodovinami']],
    [['čipka', 'čipke', 'čipki', 'čipko', 'čipkah', 'čipkami']],
    [['delavnica', 'delavnice', 'delavnici', 'delavnico', 'delavnicah', 'delavnicami', 'delavnicama']],
    // neuter nouns
    [['usnje', 'usnja', 'usnju', 'usnjem']],
    [['kovanje', 'kovanja', 'kovanju', 'kovanjem']],
    [['železo', 'železa', 'železu', 'železom']],
    [['jeklo', 'jekla', 'jeklu', 'jeklom']],
    [['oblikovanje', 'oblikovanja', 'oblikovanju', 'oblikovanjem']],
    // adjectives in every gender, case and number
    [['usnjen', 'usnjena', 'usnjeno', 'usnjeni', 'usnjene', 'usnjenega', 'usnjenemu', 'usnjenem', 'usnjenim', 'usnjenih', 'usnjenimi', 'usnjenima']],
    [['kovan', 'kovana', 'kovano', 'kovani', 'kovanega', 'kovanemu', 'kovanih', 'kovanimi']],
    [['ustna', 'ustne', 'ustni', 'ustno', 'ustnih', 'ustnimi']],
    [['grafično', 'grafična', 'grafični', 'grafičnega', 'grafičnem', 'grafičnih']],
    [['modri', 'modra', 'modro', 'modrega', 'modrih', 'modrimi']],
    // possessive adjectives in -ov-/-ev- meet their noun
    [['kovačev', 'kovačevega', 'kovačevih', 'kovačevim']],
    [['macesnov', 'macesnova', 'macesnovega', 'macesnovih', 'macesnovo']],
    // nouns in -nos keep their s
    [['prenos', 'prenosa', 'prenosi', 'prenosov', 'prenosom']],
    [['odnos', 'odnosa', 'odnosi', 'odnosov']],
    // place names
    [['Škofja', 'Škofji', 'Škofjo', 'Škofje']],
    [['Jesenice', 'Jesenicah', 'Jesenic']],
    [['Žiri', 'Žireh', 'Žirov']],
    [['Gorenjska', 'Gorenjskem', 'Gorenjskega', 'Gorenjski']],
  ])('%j meet', (forms) => {
    const stems = new Set(forms.map(s));
    expect([...stems]).toHaveLength(1);
  });

  it('keeps derivations apart (the concept dictionary joins them): oblikovalec ≠ oblikovalka', () => {
    expect(s('oblikovalka')).toBe(s('oblikovalke'));
    expect(s('oblikovalka')).not.toBe(s('oblikovalec'));
  });

  it('keeps -ek roots whole (potek, človek, odsek)', () => {
    expect(s('potek')).toBe(s('poteka'));
    expect(s('človek')).toBe(s('človeka'));
    expect(s('odsek')).toBe(s('odseka'));
  });

  it('keeps unrelated words apart', () => {
    expect(s('les')).not.toBe(s('lesketajoč'));
    expect(s('Kranj')).not.toBe(s('Kranjska'));
    expect(s('tisk')).not.toBe(s('tiskarna'));
    expect(s('usnje')).not.toBe(s('usnjar'));
  });
});

describe('stem: English', () => {
  it.each([
    [['design', 'designs']],
    [['photo', 'photos']],
    [['textile', 'textiles']],
    [['podcast', 'podcasts']],
    [['story', 'stories']],
    [['box', 'boxes']],
    [['church', 'churches']],
  ])('%j meet', (forms) => {
    expect(new Set(forms.map(s)).size).toBe(1);
  });

  it('does not over-stem English words', () => {
    for (const word of ['printing', 'forging', 'printed', 'process', 'business', 'glass', 'status', 'canvas', 'basis']) {
      expect(s(word).length).toBeGreaterThanOrEqual(word.length - 2);
    }
    expect(s('printing')).toBe('printing');
    expect(s('glass')).toBe('glass');
    expect(s('process')).toBe('process');
  });
});
