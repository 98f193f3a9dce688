import { FlowNetwork } from './max-flow';
import { maximumMatching } from './matching';
import type { Model } from './model';

export interface CombinatorialBounds {
  flow: number;
  slot: number;
  capacity: number;
}

/**
 * b_v: the most meetings participant v can possibly attend. Per session it is at most min(capPerSession, the
 * session's slots where v has some meeting candidate with tables), summed over sessions, then capped by the overall
 * cap and by v's number of requests. Each term is a true limit of every schedule, so the sum is sound.
 */
export function attendanceLimits(m: Model): Int32Array {
  const limit = new Int32Array(m.P);
  const seen = new Uint8Array(m.S);
  const perSession = new Int32Array(Math.max(1, m.sessionCount));
  for (let p = 0; p < m.P; p++) {
    seen.fill(0);
    perSession.fill(0);
    for (const e of m.byParticipant[p]) {
      for (const t of m.cand[e]) {
        if (seen[t] || m.tables[t] === 0) continue;
        seen[t] = 1;
        perSession[m.slotSession[t]]++;
      }
    }
    let sum = 0;
    for (let s = 0; s < m.sessionCount; s++) sum += Math.min(m.capSession[p * m.sessionCount + s], perSession[s]);
    limit[p] = Math.min(sum, m.capTotal[p], m.byParticipant[p].length);
  }
  return limit;
}

/** Whether meeting e has at least one common slot with a table. */
export function placeable(m: Model, e: number): boolean {
  for (const t of m.cand[e]) if (m.tables[t] > 0) return true;
  return false;
}

/**
 * UB_flow: max-flow on the bipartite double cover (left copy of every participant → right copy of the other side,
 * both directions, capacities b_v). Any schedule gives a flow of twice its size, so ⌊flow/2⌋ bounds it, for
 * non-bipartite meeting graphs too (there it is the fractional b-matching bound). On a bipartite graph it equals the
 * maximum b-matching exactly.
 */
export function flowBound(m: Model, limits: Int32Array = attendanceLimits(m)): number {
  const source = 2 * m.P;
  const sink = source + 1;
  const net = new FlowNetwork(2 * m.P + 2);
  for (let p = 0; p < m.P; p++) {
    if (limits[p] === 0) continue;
    net.addArc(source, p, limits[p]);
    net.addArc(m.P + p, sink, limits[p]);
  }
  for (let e = 0; e < m.E; e++) {
    if (!placeable(m, e)) continue;
    net.addArc(m.ma[e], m.P + m.mb[e], 1);
    net.addArc(m.mb[e], m.P + m.ma[e], 1);
  }
  return Math.floor(net.maxFlow(source, sink) / 2);
}

/** UB_slot: Σ_t min(tables_t, ν(G_t)), G_t = requested pairs both available in t (any schedule's slot t is a matching of G_t). */
export function slotBound(m: Model): number {
  const edges: number[][] = Array.from({ length: m.S }, () => []);
  for (let e = 0; e < m.E; e++) for (const t of m.cand[e]) if (m.tables[t] > 0) edges[t].push(e);
  const local = new Int32Array(m.P).fill(-1);
  let bound = 0;
  for (let t = 0; t < m.S; t++) {
    if (edges[t].length === 0) continue;
    const vertices: number[] = [];
    for (const e of edges[t]) {
      for (const p of [m.ma[e], m.mb[e]]) {
        if (local[p] < 0) {
          local[p] = vertices.length;
          vertices.push(p);
        }
      }
    }
    const adj: number[][] = vertices.map(() => []);
    for (const e of edges[t]) {
      adj[local[m.ma[e]]].push(local[m.mb[e]]);
      adj[local[m.mb[e]]].push(local[m.ma[e]]);
    }
    const nu = maximumMatching(vertices.length, adj);
    bound += Math.min(m.tables[t], nu);
    for (const p of vertices) local[p] = -1;
  }
  return bound;
}

export function capacityBound(m: Model): number {
  let sum = 0;
  for (let t = 0; t < m.S; t++) sum += m.tables[t];
  return sum;
}

export function combinatorialBounds(m: Model): CombinatorialBounds {
  return { flow: flowBound(m), slot: slotBound(m), capacity: capacityBound(m) };
}
