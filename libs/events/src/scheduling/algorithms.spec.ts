import fc from 'fast-check';
import { colourBipartiteEdges, equalizeColourClasses } from './edge-colouring';
import { FlowNetwork } from './max-flow';
import { maximumMatching } from './matching';

function adjacency(n: number, edges: [number, number][]): number[][] {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [u, v] of edges) {
    adj[u].push(v);
    adj[v].push(u);
  }
  return adj;
}

/** Exact maximum matching by trying every subset of edges (tiny graphs). */
function bruteMatching(n: number, edges: [number, number][]): number {
  let best = 0;
  const used = new Uint8Array(n);
  const go = (i: number, size: number) => {
    if (size + (edges.length - i) <= best) return;
    if (i === edges.length) {
      best = Math.max(best, size);
      return;
    }
    const [u, v] = edges[i];
    if (u !== v && !used[u] && !used[v]) {
      used[u] = used[v] = 1;
      go(i + 1, size + 1);
      used[u] = used[v] = 0;
    }
    go(i + 1, size);
  };
  go(0, 0);
  return best;
}

describe('maximumMatching (blossom)', () => {
  it('handles odd cycles and the Petersen graph', () => {
    expect(maximumMatching(3, adjacency(3, [[0, 1], [1, 2], [2, 0]]))).toBe(1);
    expect(maximumMatching(5, adjacency(5, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0]]))).toBe(2);
    const petersen: [number, number][] = [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0], [0, 5], [1, 6], [2, 7], [3, 8], [4, 9], [5, 7], [7, 9], [9, 6], [6, 8], [8, 5]];
    expect(maximumMatching(10, adjacency(10, petersen))).toBe(5);
  });

  it('equals brute force on random small graphs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 14 }))), ([n, edges]) => {
        expect(maximumMatching(n, adjacency(n, edges))).toBe(bruteMatching(n, edges));
      }),
      { numRuns: 200, seed: 1 },
    );
  });
});

describe('FlowNetwork (Dinic)', () => {
  it('finds the max flow of a small network', () => {
    const net = new FlowNetwork(4);
    net.addArc(0, 1, 3);
    net.addArc(0, 2, 2);
    net.addArc(1, 2, 1);
    net.addArc(1, 3, 2);
    net.addArc(2, 3, 3);
    expect(net.maxFlow(0, 3)).toBe(5);
  });
});

describe('bipartite edge colouring (König) and equitable recolouring', () => {
  it('uses Δ colours, is proper, and balances classes to within one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (left, right, raw, extra) => {
        const edges = raw.map(([u, v]) => [u % left, left + (v % right)] as const);
        const n = left + right;
        const degree = new Int32Array(n);
        for (const [u, v] of edges) {
          degree[u]++;
          degree[v]++;
        }
        const K = Math.max(1, ...degree) + extra;
        const eu = Int32Array.from(edges.map((e) => e[0]));
        const ev = Int32Array.from(edges.map((e) => e[1]));
        const colour = colourBipartiteEdges(n, eu, ev, K);
        equalizeColourClasses(n, eu, ev, K, colour);
        const seen = new Set<string>();
        const size = new Int32Array(K);
        edges.forEach(([u, v], i) => {
          expect(colour[i]).toBeGreaterThanOrEqual(0);
          expect(colour[i]).toBeLessThan(K);
          for (const x of [u, v]) {
            expect(seen.has(`${x}/${colour[i]}`)).toBe(false);
            seen.add(`${x}/${colour[i]}`);
          }
          size[colour[i]]++;
        });
        expect(Math.max(...size) - Math.min(...size)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200, seed: 2 },
    );
  });
});
