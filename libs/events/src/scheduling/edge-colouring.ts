/**
 * Proper edge colouring of a bipartite multigraph with K ≥ Δ colours (König's theorem), by alternating-path colour
 * swaps: for edge uv take a colour α free at u and β free at v; if α is taken at v, swap α/β along the alternating
 * path from v (it cannot reach u in a bipartite graph), which frees α at v. O(E·V).
 *
 * Returns colour[e] in 0..K-1. Throws if some vertex has degree > K (caller bug).
 */
export function colourBipartiteEdges(n: number, eu: Int32Array, ev: Int32Array, K: number): Int32Array {
  const E = eu.length;
  const colour = new Int32Array(E).fill(-1);
  const at = new Int32Array(n * K).fill(-1);
  const freeColour = (x: number): number => {
    for (let c = 0; c < K; c++) if (at[x * K + c] < 0) return c;
    throw new Error(`edge colouring: vertex ${x} has degree above ${K}`);
  };
  const other = (e: number, x: number): number => (eu[e] === x ? ev[e] : eu[e]);
  for (let e = 0; e < E; e++) {
    const u = eu[e];
    const v = ev[e];
    const alpha = freeColour(u);
    if (at[v * K + alpha] >= 0) {
      const beta = freeColour(v);
      const path: number[] = [];
      let x = v;
      let c = alpha;
      for (;;) {
        const f = at[x * K + c];
        if (f < 0) break;
        path.push(f);
        x = other(f, x);
        c = c === alpha ? beta : alpha;
      }
      for (const f of path) {
        at[eu[f] * K + colour[f]] = -1;
        at[ev[f] * K + colour[f]] = -1;
      }
      for (const f of path) {
        colour[f] = colour[f] === alpha ? beta : alpha;
        at[eu[f] * K + colour[f]] = f;
        at[ev[f] * K + colour[f]] = f;
      }
    }
    colour[e] = alpha;
    at[u * K + alpha] = e;
    at[v * K + alpha] = e;
  }
  return colour;
}

/**
 * Equitable recolouring (de Werra / McDiarmid): while the largest colour class A exceeds the smallest B by more than
 * one, the A∪B subgraph is a union of alternating paths and even cycles, so some path has one more A edge than B
 * edges; swapping its colours moves one edge from A to B. Ends with every class of size ⌊m/K⌋ or ⌈m/K⌉.
 * Works in place on `colour`.
 */
export function equalizeColourClasses(n: number, eu: Int32Array, ev: Int32Array, K: number, colour: Int32Array): void {
  const E = eu.length;
  if (K === 0) return;
  const at = new Int32Array(n * K).fill(-1);
  const size = new Int32Array(K);
  for (let e = 0; e < E; e++) {
    at[eu[e] * K + colour[e]] = e;
    at[ev[e] * K + colour[e]] = e;
    size[colour[e]]++;
  }
  const other = (e: number, x: number): number => (eu[e] === x ? ev[e] : eu[e]);
  for (;;) {
    let A = 0;
    let B = 0;
    for (let c = 1; c < K; c++) {
      if (size[c] > size[A]) A = c;
      if (size[c] < size[B]) B = c;
    }
    if (size[A] - size[B] <= 1) return;
    let swapped = false;
    for (let start = 0; start < n && !swapped; start++) {
      // A path with more A edges starts (and ends) at a vertex with an A edge and no B edge.
      if (at[start * K + A] < 0 || at[start * K + B] >= 0) continue;
      const path: number[] = [];
      let x = start;
      let c = A;
      for (;;) {
        const f = at[x * K + c];
        if (f < 0) break;
        path.push(f);
        x = other(f, x);
        c = c === A ? B : A;
      }
      if (path.length % 2 === 0) continue;
      for (const f of path) {
        at[eu[f] * K + colour[f]] = -1;
        at[ev[f] * K + colour[f]] = -1;
      }
      for (const f of path) {
        colour[f] = colour[f] === A ? B : A;
        at[eu[f] * K + colour[f]] = f;
        at[ev[f] * K + colour[f]] = f;
      }
      size[A]--;
      size[B]++;
      swapped = true;
    }
    if (!swapped) throw new Error('equitable recolouring: no unbalanced alternating path (graph not bipartite?)');
  }
}
