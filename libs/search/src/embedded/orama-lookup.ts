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
  /** Also match words one edit (insertion, deletion or substitution) away from the term. */
  typo: boolean;
  /** Only documents whose internal id is set here (the filters), when given. */
  within?: Uint8Array;
}

export interface TermScores {
  /** Internal ids of the matching documents, each once, in no particular order. */
  ids: Int32Array;
  /** By internal id: the BM25 score summed over every matched word and property, times the property boost. */
  score: Float64Array;
  /** By internal id: MATCHED, plus EXACT when the document has the term itself as a word. */
  flags: Uint8Array;
}

/**
 * Documents matching one query term: every indexed word that starts with the term and, with
 * `typo`, every word at Levenshtein distance 1 from it adds its BM25 score, as in Orama. The
 * arrays returned are the workspace's `${slot}-…` ones.
 *
 * The term frequency is taken as 1 / field length, which is what Orama stores in `frequencies`
 * when the tokenizer de-duplicates tokens (Orama's default one does, and so does ours); reading
 * it from the per-document maps cost more than half the time of a lookup.
 */
export function scoreTerm(db: AnyOrama, index: OramaIndexStore, query: TermQuery, workspace = new Workspace(), slot = 'term'): TermScores {
  const size = idSpace(db);
  const score = workspace.float64(`${slot}-score`, size);
  const flags = workspace.uint8(`${slot}-flags`, size);
  const ids = workspace.int32(`${slot}-ids`, size);
  let found = 0;
  const docsCount = count(db);
  const { term, within } = query;
  const { k, b, d } = BM25;
  for (const [prop, boost] of Object.entries(query.boost)) {
    const tree = index.indexes[prop];
    if (tree?.type !== 'Radix') continue;
    const words = new Set<RadixNode>();
    prefixWords(tree.node, term, words);
    if (query.typo) wordsWithinOneEdit(tree.node, term, words);
    const avgFieldLength = index.avgFieldLength[prop];
    const fieldLengths = index.fieldLengths[prop];
    const occurrences = index.tokenOccurrences[prop];
    for (const node of words) {
      const word = node.w;
      const occurrence = occurrences[word];
      const matching = typeof occurrence === 'number' ? occurrence : 0;
      const idf = Math.log(1 + (docsCount - matching + 0.5) / (matching + 0.5));
      const flag = word === term ? MATCHED | EXACT : MATCHED;
      // forEach rather than for-of: the for-of iterator allocated an object per document.
      node.d.forEach((id) => {
        if (within && within[id] === 0) return;
        const length = fieldLengths[id] as number;
        const tf = 1 / length;
        const bm25 = (idf * (d + tf * (k + 1))) / (tf + k * (1 - b + (b * length) / avgFieldLength));
        if (flags[id] === 0) ids[found++] = id;
        flags[id] |= flag;
        score[id] += bm25 * boost;
      });
    }
  }
  return { ids: ids.subarray(0, found), score, flags };
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

/** Every word node under the place where `term` ends (the term itself included): Orama's `find` without tolerance. */
function prefixWords(root: RadixNode, term: string, out: Set<RadixNode>): void {
  let node = root;
  let i = 0;
  while (i < term.length) {
    const child = node.c.get(term[i]);
    if (!child) return;
    const edge = child.s;
    let j = 0;
    while (j < edge.length && i + j < term.length && edge[j] === term[i + j]) j++;
    // The edge and the term part ways: no word starts with the term.
    if (j < edge.length && i + j < term.length) return;
    node = child;
    i += j;
  }
  const stack = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.e) out.add(next);
    for (const child of next.c.values()) stack.push(child);
  }
}

/** Word nodes at Levenshtein distance at most 1 from `term`: a depth-first walk carrying one row of the distance matrix. */
function wordsWithinOneEdit(root: RadixNode, term: string, out: Set<RadixNode>): void {
  const m = term.length;
  const stack: [RadixNode, number[]][] = [[root, Array.from({ length: m + 1 }, (_, j) => j)]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, row] = entry;
    for (const child of node.c.values()) {
      let current: number[] | undefined = row;
      for (let c = 0; c < child.s.length && current; c++) {
        const ch = child.s[c];
        const next: number[] = [current[0] + 1];
        let min = next[0];
        for (let j = 1; j <= m; j++) {
          const cost = Math.min(current[j] + 1, next[j - 1] + 1, current[j - 1] + (term[j - 1] === ch ? 0 : 1));
          next.push(cost);
          if (cost < min) min = cost;
        }
        // Every word below is at least `min` edits away.
        current = min > 1 ? undefined : next;
      }
      if (!current) continue;
      if (child.e && current[m] <= 1) out.add(child);
      stack.push([child, current]);
    }
  }
}
