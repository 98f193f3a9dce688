import {
  CCS_DOMAINS, CRAFTS, MATERIALS, SKILLS, TECHNIQUES,
} from '../../../marketplace/src/reference/index.js';
import { normaliseForIndex } from '../text/normalise.js';
import {
  broaderOf, conceptById, conceptDictionaryIssues, conceptsIn, conceptTerms, CONCEPTS, specificity, suggestCodes,
} from './concepts.js';

const ids = (text: string): string[] => conceptsIn(text).map((h) => h.id);

/** Reference codes as the dictionary writes them: "<vocabulary>:<code>". */
const REFERENCE_CODES = new Set<string>([
  ...CRAFTS.map((t) => `crafts:${t.code}`),
  ...TECHNIQUES.map((t) => `techniques:${t.code}`),
  ...MATERIALS.map((t) => `materials:${t.code}`),
  ...SKILLS.map((t) => `skills:${t.code}`),
  ...CCS_DOMAINS.map((t) => `domains:${t.code}`),
]);

describe('concept data', () => {
  it('has at least 350 concepts with unique kebab-case English ids, sl and en terms', () => {
    expect(CONCEPTS.length).toBeGreaterThanOrEqual(350);
    expect(new Set(CONCEPTS.map((c) => c.id)).size).toBe(CONCEPTS.length);
    for (const c of CONCEPTS) {
      expect(c.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(c.sl.length).toBeGreaterThan(0);
      expect(c.en.length).toBeGreaterThan(0);
    }
  });

  it('is consistent: broader ids exist, no cycles, no term owned by two concepts', () => {
    expect(conceptDictionaryIssues()).toEqual([]);
    const known = new Set(CONCEPTS.map((c) => c.id));
    for (const c of CONCEPTS) {
      for (const b of c.broader ?? []) expect(known.has(b)).toBe(true);
      expect(broaderOf(c.id)).not.toContain(c.id);
    }
  });

  it('links only to codes that exist in the marketplace reference lists', () => {
    const used = CONCEPTS.flatMap((c) => c.codes ?? []);
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((code) => !REFERENCE_CODES.has(code))).toEqual([]);
  });

  it('covers every craft, technique and material code of the reference lists', () => {
    const used = new Set(CONCEPTS.flatMap((c) => c.codes ?? []));
    const reference = [...REFERENCE_CODES].filter((code) => !code.startsWith('skills:') && !code.startsWith('domains:'));
    expect(reference.filter((code) => !used.has(code))).toEqual([]);
  });

  it('finds every concept by its own terms (each lemma and form reaches its concept)', () => {
    const missed: string[] = [];
    for (const c of CONCEPTS) {
      for (const term of [...c.sl, ...c.en, ...(c.forms ?? [])]) {
        const text = term.replace(/^=/, '');
        if (!ids(text).includes(c.id)) missed.push(`${c.id}: ${text} → ${ids(text).join(',')}`);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('conceptsIn: real word forms', () => {
  it.each([
    // Pairs named by issue 13
    ['preja', 'yarn'], ['preje', 'yarn'], ['s prejo', 'yarn'], ['yarn', 'yarn'], ['yarns', 'yarn'],
    ['železo', 'iron-steel'], ['železa', 'iron-steel'], ['iz železa', 'iron-steel'], ['jeklo', 'iron-steel'], ['jekla', 'iron-steel'],
    ['jeklenih', 'iron-steel'], ['iron', 'iron-steel'], ['steel', 'iron-steel'], ['stainless steel', 'iron-steel'],
    ['kovanje', 'forging'], ['kovanja', 'forging'], ['s kovanjem', 'forging'], ['kovanega', 'forging'], ['kovani', 'forging'],
    ['forging', 'forging'], ['forged', 'forging'], ['hand-forged', 'forging'],
    ['podkast', 'podcast'], ['podkastov', 'podcast'], ['v podkastu', 'podcast'], ['podkasti', 'podcast'], ['podcast', 'podcast'], ['podcasts', 'podcast'],
    ['ustna zgodovina', 'oral-history'], ['ustne zgodovine', 'oral-history'], ['z ustno zgodovino', 'oral-history'], ['oral history', 'oral-history'], ['oral histories', 'oral-history'],
    // The brief's examples
    ['modrotiskom', 'blueprint-print'], ['modrotiska', 'blueprint-print'], ['Modrotisk', 'blueprint-print'], ['Blueprint-printed', 'blueprint-print'],
    ['modri tisk', 'blueprint-print'], ['MODROTISKI', 'blueprint-print'], ['modrotiskarka', 'blueprint-print'],
    ['usnjenih čevljev', 'leather'], ['usnjenih čevljev', 'footwear'], ['usnja', 'leather'], ['na usnju', 'leather'], ['z usnjem', 'leather'],
    ['čevelj', 'footwear'], ['čevlji', 'footwear'], ['čevljev', 'footwear'], ['v čevljih', 'footwear'], ['hiking boots', 'footwear'],
    ['čevljar', 'shoemaking'], ['čevljarja', 'shoemaking'], ['čevljarji', 'shoemaking'], ['čevljarstvo', 'shoemaking'],
    ['kovač', 'blacksmithing'], ['kovača', 'blacksmithing'], ['kovači', 'blacksmithing'], ['kovaški', 'blacksmithing'], ['blacksmiths', 'blacksmithing'],
    ['klekljanje', 'bobbin-lace'], ['klekljane čipke', 'bobbin-lace'], ['čipk', 'bobbin-lace'], ['klekljaric', 'bobbin-lace'], ['bobbin lace', 'bobbin-lace'],
    ['lončarstvo', 'pottery'], ['lončarji', 'pottery'], ['lončarski', 'pottery'], ['pottery', 'pottery'],
    ['pletarstvo', 'basketry'], ['košare', 'basketry'], ['baskets', 'basketry'],
    ['rezbarstvo', 'woodcarving'], ['rezbarja', 'woodcarving'], ['rezbarjeni', 'woodcarving'], ['wood carving', 'woodcarving'],
    ['tkanje', 'weaving'], ['tkalka', 'weaving'], ['na statvah', 'weaving'], ['woven', 'weaving'], ['weaver', 'weaving'],
    ['lect', 'gingerbread'], ['lectova srca', 'gingerbread'], ['medičarstva', 'gingerbread'], ['dražgoških kruhkov', 'gingerbread'],
    ['suho robo', 'woodware'], ['suhe robe', 'woodware'],
    ['slikanih panjskih končnic', 'beehive-panels'], ['panjske končnice', 'beehive-panels'],
    ['volne', 'wool'], ['volneni', 'wool'], ['iz lesa', 'wood'], ['lesenih', 'wood'], ['macesnovega lesa', 'larch'],
    ['glino', 'clay'], ['steklenih', 'glass'], ['papirja', 'paper'], ['filca', 'felt'], ['lanenem platnu', 'linen-flax'], ['lanu', 'linen-flax'],
    ['lasersko rezanje', 'laser-cutting'], ['laser-cut', 'laser-cutting'], ['CNC rezkanje', 'cnc'], ['3D-tisk', '3d-printing'], ['3D printed', '3d-printing'],
    ['sitotiskom', 'screen-printing'], ['screen-printed', 'screen-printing'], ['risografijo', 'risography'], ['lesorezi', 'woodcut'],
    ['vezenine', 'embroidery'], ['barvanje z indigom', 'indigo-dyeing'],
    ['podkastov in videov', 'video'], ['animacije', 'animation'], ['spletne strani', 'website'], ['mobilno aplikacijo', 'mobile-app'],
    ['UX', 'ux-design'], ['AR/VR', 'ar-vr'], ['navidezni resničnosti', 'ar-vr'], ['videoiger', 'games'],
    ['etnologije', 'ethnology'], ['v muzeju', 'museum'], ['muzejev', 'museum'], ['arhivskega gradiva', 'archive'], ['arhivu', 'archive'],
    ['urbane opreme', 'urban-furniture'], ['signalizacijo', 'wayfinding'], ['krajinske arhitekture', 'landscape-architecture'], ['otroških igral', 'playground'],
    ['doživetij', 'tourism-experience'], ['spominkov', 'souvenirs'], ['spominek', 'souvenirs'], ['kulinarike', 'culinary'], ['kolesarskih poti', 'cycling-routes'],
    ['produktno oblikovanje', 'product-design'], ['grafičnega oblikovanja', 'graphic-design'], ['modnega oblikovanja', 'fashion-design'],
    ['tekstilno oblikovanje', 'textile-design'], ['celostno grafično podobo', 'brand-identity'], ['brand identity', 'brand-identity'], ['embalaže', 'packaging'],
    ['oblikovalec', 'design'], ['oblikovalca', 'design'], ['oblikovalcev', 'design'], ['oblikovalka', 'design'], ['designers', 'design'],
    ['fotografa', 'photography'], ['fotografij', 'photography'], ['photographs', 'photography'],
    ['plesalci', 'dance'], ['gledališča', 'theatre'], ['glasbenikov', 'music'], ['copywriter', 'copywriting'], ['pisanje besedil', 'copywriting'],
    ['delavnic', 'workshops'], ['workshops', 'workshops'], ['z otroki', 'children-youth'], ['skupnosti', 'community'],
    ['krožnega gospodarstva', 'circular-economy'], ['upcycled', 'upcycling'], ['trajnostnih', 'sustainability'],
  ])('%s → %s', (text, expected) => {
    expect(ids(text)).toContain(expected);
  });

  it('matches phrases as phrases: the longest wins and its words are not reused', () => {
    expect(ids('grafično oblikovanje')).toEqual(['graphic-design']);
    expect(ids('graphic design')).toEqual(['graphic-design']);
    expect(ids('krajinska arhitektura')).toEqual(['landscape-architecture']);
    expect(ids('Blueprint-printed')).toEqual(['blueprint-print']);
    expect(ids('oblikovanje in arhitektura')).toEqual(['design', 'architecture']);
  });

  it('reports distinct ids in text order with the surface as written', () => {
    expect(conceptsIn('Iščemo MODROTISK na usnju za usnjene čevlje; modrotisk!')).toEqual([
      { id: 'blueprint-print', surface: 'MODROTISK' },
      { id: 'leather', surface: 'usnju' },
      { id: 'footwear', surface: 'čevlje' },
    ]);
    expect(conceptsIn('delavnica bo v Škofji Loki, ustne zgodovine')).toEqual([
      { id: 'workshops', surface: 'delavnica' },
      { id: 'oral-history', surface: 'ustne zgodovine' },
    ]);
  });

  it('ignores diacritics and case', () => {
    expect(ids('cevljarstvo, CIPKE, zelezo, Dražgoški KRUHKI')).toEqual(['shoemaking', 'bobbin-lace', 'iron-steel', 'gingerbread']);
  });

  it.each([
    ['tisk', 'blueprint-print'],
    ['tiskarna', 'blueprint-print'],
    ['lesketajoč', 'wood'],
    ['Lesce', 'wood'],
    ['lani smo', 'linen-flax'],
    ['kosilo', 'cutlery-tools'],
    ['med ljudmi', 'beekeeping'],
    ['v šoli', 'sole-making'],
    ['printing', 'blueprint-print'],
    ['design', 'graphic-design'],
    ['oblikovanje', 'product-design'],
  ])('%j does not mean %s', (text, forbidden) => {
    expect(ids(text)).not.toContain(forbidden);
  });

  it('finds nothing in text without domain words', () => {
    expect(ids('')).toEqual([]);
    expect(ids('Dober dan, hvala za hitro pošto in lep pozdrav.')).toEqual([]);
    expect(ids('v na in the of')).toEqual([]);
  });
});

describe('broaderOf / specificity / conceptById', () => {
  it('walks broader links transitively, nearest first', () => {
    const chain = broaderOf('blueprint-print');
    expect(chain.slice(0, 2)).toEqual(['textile-printing', 'indigo-dyeing']);
    expect(chain).toContain('printing');
    expect(chain).toContain('textile');
    expect(chain.indexOf('textile-printing')).toBeLessThan(chain.indexOf('textile'));
    expect(broaderOf('textile')).toEqual([]);
    expect(broaderOf('no-such-concept')).toEqual([]);
  });

  it('rates leaves 1 and broad concepts lower, always in (0, 1]', () => {
    expect(specificity('blueprint-print')).toBe(1);
    expect(specificity('textile')).toBeLessThan(specificity('textile-printing'));
    expect(specificity('textile-printing')).toBeLessThan(specificity('blueprint-print'));
    expect(specificity('design')).toBeLessThan(0.5);
    for (const c of CONCEPTS) {
      expect(specificity(c.id)).toBeGreaterThan(0);
      expect(specificity(c.id)).toBeLessThanOrEqual(1);
    }
    expect(specificity('no-such-concept')).toBe(0);
  });

  it('looks concepts up by id', () => {
    expect(conceptById('podcast')?.en).toContain('podcast');
    expect(conceptById('nope')).toBeNull();
  });
});

describe('conceptTerms', () => {
  it('gives the normalised index tokens of each lemma and phrase', () => {
    const terms = conceptTerms('oral-history');
    expect(terms.sl).toContain('ustn zgodovin');
    expect(terms.en).toContain('oral history');
    expect(conceptTerms('nope')).toEqual({ sl: [], en: [] });
  });

  it('gives exactly the tokens the index holds for each written term (already normalised: do not stem them again)', () => {
    for (const id of ['yarn', 'iron-steel', 'forging', 'podcast', 'blueprint-print', 'footwear']) {
      const concept = conceptById(id);
      const written = [...(concept?.sl ?? []), ...(concept?.forms ?? []), ...(concept?.en ?? [])];
      const indexed = new Set(written.map((t) => ` ${normaliseForIndex(t)} `));
      const { sl, en } = conceptTerms(id);
      for (const term of [...sl, ...en]) {
        expect([...indexed].some((i) => i.includes(` ${term} `))).toBe(true);
      }
    }
  });
});

describe('suggestCodes', () => {
  it('suggests the reference codes of the concepts a profile mentions', () => {
    const codes = suggestCodes('Ročno kujem nože in delam modrotisk na usnju; izdelujem tudi podkaste.');
    expect(codes).toEqual(expect.arrayContaining(['techniques:hand-forging', 'techniques:blueprint', 'materials:leather', 'domains:media']));
    for (const code of codes) expect(REFERENCE_CODES.has(code)).toBe(true);
  });

  it('falls back to the nearest ancestor with codes', () => {
    expect(suggestCodes('lesorezi')).toEqual(['crafts:printmaking']);
  });

  it('suggests nothing for text without concepts', () => {
    expect(suggestCodes('Lep pozdrav iz pisarne.')).toEqual([]);
  });
});
