import { create, insert, search, type AnyOrama, type Tokenizer } from '@orama/orama';
import { documentId, EXACT, filterDocuments, scoreTerm, Vocabulary, type OramaIndexStore } from './orama-lookup.js';

/**
 * The lookups must give what Orama's own `search` gives (scores included), for the words Orama's
 * `tolerance` is meant to find. If an Orama upgrade changes the index layout, this fails.
 */

const VOCABULARY = [
  'tekstil', 'tekstilni', 'tekstilij', 'tekstol', 'tkanina', 'tkanin', 'keramika', 'keramik', 'kermika', 'kranj', 'kranjska',
  'modrotisk', 'modrotiskom', 'modrotsk', 'usnje', 'usnja', 'usnjen', 'les', 'lesen', 'leseni', 'steklo', 'steklar', 'steklarstvo',
  'klop', 'klobuk', 'klobucevin', 'klobucarstv', 'graficnoblikovanj', 'grafik', 'graficn', 'oblikovanj', 'gorenjsk', 'dye', 'dyeing',
];
const PROPS = ['title', 'tags', 'body'] as const;
const BOOST: Record<string, number> = { title: 3, tags: 2, body: 1 };
const CODES = ['a', 'b', 'c', 'd', 'e', 'f'];

const tokenizer: Tokenizer = {
  language: 'test',
  normalizationCache: new Map(),
  tokenize: (raw: string) => [...new Set(String(raw).split(/\s+/).filter(Boolean))],
};

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Doc {
  id: string;
  title: string;
  tags: string;
  body: string;
  kind: string[];
  codes: string[];
}

function documents(count: number): Doc[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const words = (max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => (next() < 0.8 ? pick(VOCABULARY) : `w${Math.floor(next() * 50)}`)).join(' ');
  return Array.from({ length: count }, (_, n) => ({
    id: `d${String(n).padStart(4, '0')}`,
    title: words(3),
    tags: words(5),
    body: words(12),
    kind: [pick(['x', 'y'])],
    codes: [...new Set([pick(CODES), pick(CODES)])],
  }));
}

/** Orama's search, synchronous as it is without async components. */
function oramaSearch(db: AnyOrama, params: Parameters<typeof search>[1]): Awaited<ReturnType<typeof search>> {
  const result = search(db, params);
  if (result instanceof Promise) throw new Error('Orama search returned a Promise');
  return result;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring), the plain way. */
function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Meilisearch's typo count for `word` against the query term (undefined: no match), prefix or not, by brute force. */
function meiliTypos(term: string, word: string, maxTypos: number, prefix: boolean): number | undefined {
  const candidates = prefix ? Array.from({ length: word.length }, (_, n) => word.slice(0, n + 1)) : [word];
  let best: number | undefined;
  for (const candidate of candidates) {
    const distance = osaDistance(term, candidate);
    const typos = candidate[0] === term[0] ? (distance <= maxTypos ? distance : undefined) : maxTypos >= 2 && distance <= 1 ? 2 : undefined;
    if (typos !== undefined && (best === undefined || typos < best)) best = typos;
  }
  if (prefix && word.startsWith(term)) best = 0;
  return best;
}

describe('Orama lookups', () => {
  const docs = documents(500);
  const db: AnyOrama = create({
    schema: { title: 'string', tags: 'string', body: 'string', kind: 'enum[]', codes: 'enum[]' },
    components: { tokenizer },
  });
  for (const doc of docs) {
    if (insert(db, { ...doc }) instanceof Promise) throw new Error('Orama insert returned a Promise');
  }
  const index = db.data.index as OramaIndexStore;
  const terms = [...new Set([...VOCABULARY, ...VOCABULARY.map((w) => w.slice(0, 3)), ...VOCABULARY.map((w) => w.slice(0, -1)), 'w1', 'w4', 'zzz', 'tekstilx', 'ekstil'])];

  function oramaScores(term: string, tolerance: number): Map<string, number> {
    const result = oramaSearch(db, { term, properties: [...PROPS], tolerance, boost: BOOST, threshold: 1, limit: docs.length });
    return new Map(result.hits.map((h) => [String(h.id), h.score]));
  }

  function ourScores(term: string, typo: boolean, within?: Uint8Array): Map<string, number> {
    const { ids, score } = scoreTerm(db, index, { term, boost: BOOST, maxTypos: typo ? 1 : 0, prefix: true, within });
    return new Map(Array.from(ids, (id) => [documentId(db, id), score[id]]));
  }

  function expectSameScores(actual: Map<string, number>, expected: Map<string, number>): void {
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, score] of expected) expect(actual.get(id)).toBeCloseTo(score, 10);
  }

  it('scores prefix matches exactly as Orama search with tolerance 0', () => {
    let compared = 0;
    for (const term of terms) {
      const expected = oramaScores(term, 0);
      compared += expected.size;
      expectSameScores(ourScores(term, false), expected);
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('finds the words Meilisearch would, with its typo count, for every budget, with and without prefix', () => {
    const words = new Map(docs.map((doc) => [doc.id, new Set(PROPS.flatMap((p) => tokenizer.tokenize(doc[p]) as string[]))]));
    const vocabulary = [...new Set([...words.values()].flatMap((set) => [...set]))];
    const vocabularyOfAll = new Vocabulary();
    for (const w of vocabulary) vocabularyOfAll.add(w);
    let matched = 0;
    for (const term of terms) {
      for (const maxTypos of [0, 1, 2]) {
        for (const prefix of [false, true]) {
          const typosOf = new Map(vocabulary.map((w) => [w, meiliTypos(term, w, maxTypos, prefix)] as const).filter(([, t]) => t !== undefined));
          const expected = new Map<string, number>();
          for (const doc of docs) {
            for (const w of words.get(doc.id) ?? []) {
              const t = typosOf.get(w);
              if (t !== undefined && (expected.get(doc.id) ?? Infinity) > t) expected.set(doc.id, t);
            }
          }
          for (const shared of [undefined, vocabularyOfAll]) {
            const found = scoreTerm(db, index, { term, boost: BOOST, maxTypos, prefix, vocabulary: shared });
            const actual = new Map(Array.from(found.ids, (id) => [documentId(db, id), found.typos[id] - 1] as const));
            expect([...actual.entries()].sort()).toEqual([...expected.entries()].sort());
            matched += actual.size;
          }
        }
      }
    }
    expect(matched).toBeGreaterThan(20_000);
  });

  it('scores typo matches as Orama search with tolerance 1 does, where Orama finds the same words', () => {
    let compared = 0;
    for (const term of terms) {
      const sameWords = PROPS.every((p) => {
        const tree = index.indexes[p];
        if (tree.type !== 'Radix') return false;
        const vocabulary = Object.keys(tree.node.find({ term: '', tolerance: 0 }));
        const wanted = vocabulary.filter((w) => meiliTypos(term, w, 1, true) !== undefined).sort();
        return JSON.stringify(Object.keys(tree.node.find({ term, tolerance: 1 })).sort()) === JSON.stringify(wanted);
      });
      if (!sameWords) continue;
      compared += 1;
      expectSameScores(ourScores(term, true), oramaScores(term, 1));
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('marks the documents that have the term itself as a word', () => {
    for (const term of ['tekstil', 'kranj', 'les', 'klobuk']) {
      const { ids, flags } = scoreTerm(db, index, { term, boost: BOOST, maxTypos: 1, prefix: true });
      const exact = Array.from(ids).filter((id) => flags[id] & EXACT).map((id) => documentId(db, id)).sort();
      expect(exact).toEqual(docs.filter((d) => PROPS.some((p) => d[p].split(' ').includes(term))).map((d) => d.id));
    }
  });

  it('filters as Orama where containsAny does, AND across properties', () => {
    const cases: [string, string[]][][] = [
      [['codes', ['a']]],
      [['codes', ['a', 'c', 'f']]],
      [['codes', ['nope']]],
      [['kind', ['x']], ['codes', ['b', 'e']]],
      [['codes', ['b', 'e']], ['kind', ['y', 'nope']]],
    ];
    for (const filters of cases) {
      const where = Object.fromEntries(filters.map(([p, values]) => [p, { containsAny: values }]));
      const expected = oramaSearch(db, { term: '', where, limit: docs.length }).hits.map((h) => String(h.id));
      const { ids, mask } = filterDocuments(db, index, filters);
      expect(Array.from(ids, (id) => documentId(db, id)).sort()).toEqual(expected.sort());
      expect(mask.reduce((n, v) => n + v, 0)).toBe(expected.length);

      const within = ourScores('tekstil', true, mask);
      expect([...within.keys()].sort()).toEqual([...ourScores('tekstil', true).keys()].filter((id) => expected.includes(id)).sort());
    }
  });
});
