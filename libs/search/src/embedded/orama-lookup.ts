/**
 * Term and filter lookups over the index that Orama keeps (radix trees, BM25 statistics, value
 * trees), read through the types Orama exports for its default index component.
 *
 * Why not Orama's own `search`: in Orama 3.1.18 it is far too slow for common words, and its
 * typo matching is unreliable:
 * - `RadixNode.findAllWords` de-duplicates each word's documents with `Array.includes`, which is
 *   quadratic in the number of documents holding the word: a word in 40k of 100k documents took
 *   over ten seconds per search;
 * - the `tolerance: 1` walk (`_findLevenshtein`) loses its place on multi-letter edges of the
 *   radix tree: for about one term in ten it misses words one edit away, sometimes even the
 *   exact word (cf. oramasearch/orama#744);
 * - every search scores and sorts all matches and materialises as many documents as the limit.
 * The lookups here give the scores Orama's `search` gives (`threshold: 1`, default BM25
 * parameters) for the words its `tolerance` is documented to find; `orama-lookup.spec.ts` checks
 * them against Orama's `search`, so an Orama upgrade that changes the index layout fails there.
 */
import { count, type AnyOrama, type components } from '@orama/orama';
import { radix } from '@orama/orama/trees';

/** Orama's default index store. */
export type OramaIndexStore = components.index.Index;
type RadixNode = Extract<components.index.Tree, { type: 'Radix' }>['node'];

/** Orama's default BM25 parameters (`defaultBM25Params`). */
const BM25 = { k: 1.2, b: 0.75, d: 0.5 };

/** Bits of `TermScores.flags`. */
export const MATCHED = 1;
export const EXACT = 2;

/**
 * Work arrays indexed by internal id, reused from one lookup to the next: `float64` and `uint8`
 * return the named array cleared, `int32` as it is; an array stays valid until its name is asked
 * for again. Fresh arrays for every query would be quick to make, but at 100k documents a match
 * query would allocate megabytes of them, and the collections that follow pause every search.
 */
export class Workspace {
  private readonly floats = new Map<string, Float64Array>();
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly ints = new Map<string, Int32Array>();

  float64(name: string, size: number): Float64Array {
    return take(this.floats, name, size, (n) => new Float64Array(n)).fill(0, 0, size);
  }

  uint8(name: string, size: number): Uint8Array {
    return take(this.bytes, name, size, (n) => new Uint8Array(n)).fill(0, 0, size);
  }

  int32(name: string, size: number): Int32Array {
    return take(this.ints, name, size, (n) => new Int32Array(n));
  }
}

function take<T extends Float64Array | Uint8Array | Int32Array>(arrays: Map<string, T>, name: string, size: number, make: (n: number) => T): T {
  let array = arrays.get(name);
  if (!array || array.length < size) {
    // Room to grow, so that an index filling up does not reallocate on every query.
    array = make(Math.ceil(size * 1.25) + 1024);
    arrays.set(name, array);
  }
  return array;
}

/** One more than the highest internal id Orama has handed out: the length of arrays indexed by internal id. */
export function idSpace(db: AnyOrama): number {
  return db.internalDocumentIDStore.internalIdToId.length + 1;
}

/** The document id Orama knows by this internal id. */
export function documentId(db: AnyOrama, internalId: number): string {
  return db.internalDocumentIDStore.internalIdToId[internalId - 1];
}

export interface TermQuery {
  term: string;
  /** Searchable properties and their boosts. */
  boost: Readonly<Record<string, number>>;
  /**
   * Typo budget (0, 1 or 2), Meilisearch's rules: Damerau-Levenshtein distance (a transposition
   * of adjacent letters is one typo), and a word whose first letter differs from the term's costs
   * two typos (with distance 1) or is not matched (a budget under 2).
   */
  maxTypos: number;
  /** Also match words that start with the term (Meilisearch: only for the last query word). */
  prefix: boolean;
  /** Only documents whose internal id is set here (the filters), when given. */
  within?: Uint8Array;
  /**
   * Every word of every searchable property, when the caller keeps one: typo derivations are
   * then found in one walk (and cached) instead of one walk per property.
   */
  vocabulary?: Vocabulary;
}

export interface TermScores {
  /** Internal ids of the matching documents, each once, in no particular order. */
  ids: Int32Array;
  /** By internal id: the BM25 score summed over every matched word and property, times the property boost. */
  score: Float64Array;
  /** By internal id: MATCHED, plus EXACT when the document has the term itself as a word. */
  flags: Uint8Array;
  /** By internal id: 1 + the fewest typos with which the document matches the term (0: no match). */
  typos: Uint8Array;
  /** By internal id: 1 + the position in `boost` of the first property where the term matches (0: no match). */
  field: Uint8Array;
}

/**
 * Documents matching one query term: the term itself, with `prefix` every indexed word that
 * starts with it, and every word within the typo budget (see `TermQuery.maxTypos`); each matched
 * word adds its BM25 score, as in Orama. The arrays returned are the workspace's `${slot}-…` ones.
 *
 * The term frequency is taken as 1 / field length, which is what Orama stores in `frequencies`
 * when the tokenizer de-duplicates tokens (Orama's default one does, and so does ours); reading
 * it from the per-document maps cost more than half the time of a lookup.
 */
export function scoreTerm(db: AnyOrama, index: OramaIndexStore, query: TermQuery, workspace = new Workspace(), slot = 'term'): TermScores {
  const size = idSpace(db);
  const score = workspace.float64(`${slot}-score`, size);
  const flags = workspace.uint8(`${slot}-flags`, size);
  const typos = workspace.uint8(`${slot}-typos`, size);
  const field = workspace.uint8(`${slot}-field`, size);
  const ids = workspace.int32(`${slot}-ids`, size);
  let found = 0;
  const docsCount = count(db);
  const { term, within } = query;
  const { k, b, d } = BM25;
  Object.entries(query.boost).forEach(([prop, boost], position) => {
    const tree = index.indexes[prop];
    if (tree?.type !== 'Radix') return;
    const words = new Map<RadixNode, number>();
    if (query.prefix) prefixWords(tree.node, term, words);
    else exactWord(tree.node, term, words);
    if (query.maxTypos > 0) {
      const maxTypos = Math.min(query.maxTypos, 2);
      if (query.vocabulary) {
        for (const [word, typos] of query.vocabulary.derivations(term, maxTypos, query.prefix)) {
          const node = nodeOf(tree.node, word);
          if (node?.e && node.w === word && (words.get(node) ?? Infinity) > typos) words.set(node, typos);
        }
      } else {
        wordsWithinTypos(tree.node, term, maxTypos, query.prefix, words);
      }
    }
    const avgFieldLength = index.avgFieldLength[prop];
    const fieldLengths = index.fieldLengths[prop];
    const occurrences = index.tokenOccurrences[prop];
    for (const [node, wordTypos] of words) {
      const word = node.w;
      const occurrence = occurrences[word];
      const matching = typeof occurrence === 'number' ? occurrence : 0;
      const idf = Math.log(1 + (docsCount - matching + 0.5) / (matching + 0.5));
      const flag = word === term ? MATCHED | EXACT : MATCHED;
      const typo = wordTypos + 1;
      // forEach rather than for-of: the for-of iterator allocated an object per document.
      node.d.forEach((id) => {
        if (within && within[id] === 0) return;
        const length = fieldLengths[id] as number;
        const tf = 1 / length;
        const bm25 = (idf * (d + tf * (k + 1))) / (tf + k * (1 - b + (b * length) / avgFieldLength));
        if (flags[id] === 0) ids[found++] = id;
        flags[id] |= flag;
        score[id] += bm25 * boost;
        if (typos[id] === 0 || typo < typos[id]) typos[id] = typo;
        if (field[id] === 0 || position + 1 < field[id]) field[id] = position + 1;
      });
    }
  });
  return { ids: ids.subarray(0, found), score, flags, typos, field };
}

export interface Filtered {
  /** Internal ids of the documents passing every filter, each once, in no particular order. */
  ids: Int32Array;
  /** By internal id: 1 when the document passes. */
  mask: Uint8Array;
}

/**
 * Documents having, for every property, at least one of the values listed for it: Orama's
 * `where: { prop: { containsAny: values } }` on `enum[]` properties, without the copies of every
 * id set that Orama makes on the way. The arrays returned are the workspace's `filter-…` ones.
 */
export function filterDocuments(
  db: AnyOrama,
  index: OramaIndexStore,
  filters: ReadonlyArray<readonly [string, readonly string[]]>,
  workspace = new Workspace(),
): Filtered {
  const size = idSpace(db);
  const mask = workspace.uint8('filter-mask', size);
  const ids = workspace.int32('filter-ids', size);
  let found = 0;
  // passed[id]: how many of the filters so far the document passes (all of them, or it dropped out).
  const passed = workspace.uint8('filter-passed', size);
  filters.forEach(([prop, values], f) => {
    const tree = index.indexes[prop];
    if (tree?.type !== 'Flat') throw new Error(`"${prop}" is not an enum[] property of the Orama index`);
    const last = f === filters.length - 1;
    for (const value of values) {
      tree.node.numberToDocumentId.get(value)?.forEach((id) => {
        if (passed[id] !== f) return;
        passed[id] = f + 1;
        if (last) {
          ids[found++] = id;
          mask[id] = 1;
        }
      });
    }
  });
  return { ids: ids.subarray(0, found), mask };
}

/** The shape of a radix tree node that the walks below read (Orama's, and `Vocabulary`'s). */
interface WalkNode {
  /** The edge's letters from the parent. */
  s: string;
  /** A word ends here. */
  e: boolean;
  /** That word. */
  w: string;
  c: Map<string, WalkNode>;
}

/**
 * Every word indexed in any searchable property, in a letter trie of our own, so that typo
 * derivations take one walk per query term instead of one per property, and are cached: a
 * matching run sends many queries sharing words. Words are never removed (a stale word finds no
 * document in the property trees); the cache is dropped whenever a new word arrives.
 */
export class Vocabulary {
  /** Orama's radix tree (compressed edges), holding words only: every word node carries the same dummy document. */
  private readonly root = new radix.RadixTree();
  private readonly cache = new Map<string, readonly (readonly [string, number])[]>();
  private static readonly CACHE_SIZE = 20_000;

  add(word: string): void {
    const node = nodeOf(this.root, word);
    if (node?.e && node.w === word) return;
    this.root.insert(word, 1);
    this.cache.clear();
  }

  /** Words within the typo budget of `term` (prefix: also words with such a prefix), with their typo counts; 0-typo prefix matches left out. */
  derivations(term: string, maxTypos: number, prefix: boolean): readonly (readonly [string, number])[] {
    const key = `${maxTypos}${prefix ? 'p' : 'w'}${term}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Refresh its place: the Map keeps insertion order, the oldest entry goes first.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const found = new Map<RadixNode, number>();
    wordsWithinTypos(this.root, term, maxTypos, prefix, found);
    const list = [...found].filter(([, typos]) => typos > 0).map(([node, typos]) => [node.w, typos] as const);
    if (this.cache.size >= Vocabulary.CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, list);
    return list;
  }
}

/** The node where `term` ends, if any (the term may still not be a word). */
function nodeOf<N extends WalkNode>(root: N, term: string): N | undefined {
  let node = root;
  let i = 0;
  while (i < term.length) {
    const child = node.c.get(term[i]) as N | undefined;
    if (!child) return undefined;
    const edge = child.s;
    let j = 0;
    while (j < edge.length && i + j < term.length && edge[j] === term[i + j]) j++;
    // The edge and the term part ways: no word starts with the term.
    if (j < edge.length && i + j < term.length) return undefined;
    node = child;
    i += j;
  }
  return node;
}

/** The term itself, when it is an indexed word (0 typos). */
function exactWord(root: RadixNode, term: string, out: Map<RadixNode, number>): void {
  const node = nodeOf(root, term);
  if (node?.e && node.w === term) out.set(node, 0);
}

/** Every word node under the place where `term` ends (the term itself included), 0 typos: Orama's `find` without tolerance. */
function prefixWords(root: RadixNode, term: string, out: Map<RadixNode, number>): void {
  const node = nodeOf(root, term);
  if (node) everyWordBelow(node, 0, out);
}

function everyWordBelow<N extends WalkNode>(start: N, typos: number, out: Map<N, number>): void {
  const stack = [start];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.e && (out.get(next) ?? Infinity) > typos) out.set(next, typos);
    for (const child of next.c.values()) stack.push(child as N);
  }
}

/** Typos Meilisearch counts for a word at `distance` whose first letter is or is not the term's (undefined: no match). */
function countTypos(distance: number, sameFirstLetter: boolean, maxTypos: number): number | undefined {
  if (sameFirstLetter) return distance <= maxTypos ? distance : undefined;
  return maxTypos >= 2 && distance <= 1 ? 2 : undefined;
}

/**
 * Word nodes within `maxTypos` of `term` by Meilisearch's rules (see `TermQuery.maxTypos`), with
 * `prefix` also the words having such a prefix; keeps the fewest typos per word.
 *
 * A depth-first walk of the radix tree carrying the rows of the (optimal string alignment)
 * Damerau-Levenshtein matrix, one row per letter walked, in one reused array. Only the band of
 * cells within `maxTypos` of the diagonal is computed (cells outside it are over the budget), and
 * a subtree is left as soon as a row's minimum is over the budget: row minima never decrease along
 * a path (a row's minimum exceeds the one before by at most 1, so a transposition, which adds 1 to
 * the row before that, cannot go under it either). Words whose first letter is not the term's may
 * differ by one edit only (they count two typos), so their subtrees are walked with a budget of 1.
 */
function wordsWithinTypos<N extends WalkNode>(root: N, term: string, maxTypos: number, prefix: boolean, out: Map<N, number>): void {
  const m = term.length;
  const width = m + 1;
  const over = maxTypos + 1;
  // Rows deeper than m + maxTypos + 1 are all over the budget, so the walk never goes further.
  const depthCap = m + maxTypos + 2;
  const rows = new Int32Array((depthCap + 1) * width).fill(over);
  for (let j = 0; j <= m; j++) rows[j] = Math.min(j, over);
  const letters: string[] = new Array<string>(depthCap + 1).fill('');

  const keep = (node: N, typos: number) => {
    if ((out.get(node) ?? Infinity) > typos) out.set(node, typos);
  };

  /** `budget`: the most edits this subtree may have (1 under a different first letter). */
  const visit = (node: N, depth: number, sameFirst: boolean, budget: number, best: number): void => {
    for (const value of node.c.values()) {
      const child = value as N;
      let d = depth;
      let same = sameFirst;
      let limit = budget;
      let bestHere = best;
      let alive = true;
      const edge = child.s;
      for (let c = 0; c < edge.length; c++) {
        const ch = edge[c];
        d += 1;
        if (d === 1) {
          same = ch === term[0];
          limit = same ? maxTypos : maxTypos >= 2 ? 1 : -1;
          if (limit < 0) {
            alive = false;
            break;
          }
        }
        letters[d] = ch;
        const row = d * width;
        const up = row - width;
        const up2 = row - 2 * width;
        rows[row] = Math.min(d, over);
        let min = rows[row];
        const lo = Math.max(1, d - limit);
        const hi = Math.min(m, d + limit);
        if (lo - 1 >= 1) rows[row + lo - 1] = over;
        for (let j = lo; j <= hi; j++) {
          let cost = Math.min(rows[up + j] + 1, rows[row + j - 1] + 1, rows[up + j - 1] + (term[j - 1] === ch ? 0 : 1));
          if (d > 1 && j > 1 && term[j - 1] === letters[d - 1] && term[j - 2] === ch) cost = Math.min(cost, rows[up2 + j - 2] + 1);
          if (cost > over) cost = over;
          rows[row + j] = cost;
          if (cost < min) min = cost;
        }
        if (hi + 1 <= m) rows[row + hi + 1] = over;
        if (prefix && hi === m && rows[row + m] < bestHere) bestHere = rows[row + m];
        if (min > limit || d >= depthCap) {
          alive = false;
          break;
        }
      }
      if (!alive) {
        // Prefix mode: the words below still carry the best prefix found on the way.
        const typos = prefix && limit >= 0 ? countTypos(bestHere, same, maxTypos) : undefined;
        if (typos !== undefined) everyWordBelow(child, typos, out);
        continue;
      }
      if (child.e) {
        const distance = prefix ? Math.min(bestHere, rows[d * width + m]) : rows[d * width + m];
        const typos = countTypos(distance, same, maxTypos);
        if (typos !== undefined) keep(child, typos);
      }
      visit(child, d, same, limit, bestHere);
    }
  };
  visit(root, 0, false, maxTypos, Infinity);
}
