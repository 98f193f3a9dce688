/**
 * Maximum matching in a general graph (Edmonds' blossom algorithm, O(V^3) worst case, far less in practice after a
 * greedy start). UB_slot needs ν(G_t) for every slot, and G_t is not bipartite when participants of one kind meet
 * each other (creative ↔ creative), so Hopcroft–Karp would not be sound there.
 *
 * `adj` is an adjacency list over vertices 0..n-1 (parallel edges and both directions allowed).
 */
export function maximumMatching(n: number, adj: number[][]): number {
  const match = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n);
  const base = new Int32Array(n);
  const used = new Uint8Array(n);
  const blossom = new Uint8Array(n);
  const onPath = new Uint8Array(n);
  const queue = new Int32Array(n);
  let qt = 0;

  let size = 0;
  for (let v = 0; v < n; v++) {
    if (match[v] >= 0) continue;
    for (const u of adj[v]) {
      if (u !== v && match[u] < 0) {
        match[u] = v;
        match[v] = u;
        size++;
        break;
      }
    }
  }

  const lca = (x: number, y: number): number => {
    onPath.fill(0);
    let a = x;
    for (;;) {
      a = base[a];
      onPath[a] = 1;
      if (match[a] < 0) break;
      a = parent[match[a]];
    }
    let b = y;
    for (;;) {
      b = base[b];
      if (onPath[b]) return b;
      b = parent[match[b]];
    }
  };
  const markPath = (x: number, b: number, child: number): void => {
    let v = x;
    let c = child;
    while (base[v] !== b) {
      blossom[base[v]] = 1;
      blossom[base[match[v]]] = 1;
      parent[v] = c;
      c = match[v];
      v = parent[match[v]];
    }
  };
  const findPath = (root: number): number => {
    used.fill(0);
    parent.fill(-1);
    for (let i = 0; i < n; i++) base[i] = i;
    used[root] = 1;
    let qh = 0;
    qt = 0;
    queue[qt++] = root;
    while (qh < qt) {
      const v = queue[qh++];
      for (const to of adj[v]) {
        if (base[v] === base[to] || match[v] === to) continue;
        if (to === root || (match[to] >= 0 && parent[match[to]] >= 0)) {
          const cur = lca(v, to);
          blossom.fill(0);
          markPath(v, cur, to);
          markPath(to, cur, v);
          for (let i = 0; i < n; i++) {
            if (blossom[base[i]]) {
              base[i] = cur;
              if (!used[i]) {
                used[i] = 1;
                queue[qt++] = i;
              }
            }
          }
        } else if (parent[to] < 0) {
          parent[to] = v;
          if (match[to] < 0) return to;
          used[match[to]] = 1;
          queue[qt++] = match[to];
        }
      }
    }
    return -1;
  };

  for (let v = 0; v < n; v++) {
    if (match[v] >= 0 || adj[v].length === 0) continue;
    let u = findPath(v);
    if (u < 0) continue;
    size++;
    while (u >= 0) {
      const pv = parent[u];
      const ppv = match[pv];
      match[u] = pv;
      match[pv] = u;
      u = ppv;
    }
  }
  return size;
}
