/**
 * Dinic's max-flow on an adjacency list of paired arcs (arc i and i^1 are each other's reverse). Used for the
 * b-matching bound (UB_flow) and, through `MinCostFlow`, for the König construction.
 */
export class FlowNetwork {
  readonly head: Int32Array;
  to: number[] = [];
  cap: number[] = [];
  next: number[] = [];

  constructor(readonly n: number) {
    this.head = new Int32Array(n).fill(-1);
  }

  /** Adds arc u→v with capacity c; returns its index (the reverse arc is index + 1). */
  addArc(u: number, v: number, c: number): number {
    const i = this.to.length;
    this.to.push(v, u);
    this.cap.push(c, 0);
    this.next.push(this.head[u], this.head[v]);
    this.head[u] = i;
    this.head[v] = i + 1;
    return i;
  }

  /** Flow currently on arc i (the capacity of its reverse arc). */
  flowOn(i: number): number {
    return this.cap[i ^ 1];
  }

  maxFlow(s: number, t: number): number {
    const level = new Int32Array(this.n);
    const iter = new Int32Array(this.n);
    const queue = new Int32Array(this.n);
    let flow = 0;
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++];
        for (let i = this.head[u]; i >= 0; i = this.next[i]) {
          const v = this.to[i];
          if (this.cap[i] > 0 && level[v] < 0) {
            level[v] = level[u] + 1;
            queue[qt++] = v;
          }
        }
      }
      if (level[t] < 0) return flow;
      iter.set(this.head);
      for (;;) {
        const pushed = this.augment(s, t, level, iter);
        if (pushed === 0) break;
        flow += pushed;
      }
    }
  }

  /** One blocking-flow augmentation by iterative DFS (recursion would overflow on long paths). */
  private augment(s: number, t: number, level: Int32Array, iter: Int32Array): number {
    const path: number[] = [];
    let u = s;
    for (;;) {
      if (u === t) {
        let f = Infinity;
        for (const i of path) f = Math.min(f, this.cap[i]);
        for (const i of path) {
          this.cap[i] -= f;
          this.cap[i ^ 1] += f;
        }
        return f;
      }
      let advanced = false;
      for (; iter[u] >= 0; iter[u] = this.next[iter[u]]) {
        const i = iter[u];
        const v = this.to[i];
        if (this.cap[i] > 0 && level[v] === level[u] + 1) {
          path.push(i);
          u = v;
          advanced = true;
          break;
        }
      }
      if (!advanced) {
        if (u === s) return 0;
        level[u] = -1;
        const i = path.pop() ?? 0;
        u = this.to[i ^ 1];
        iter[u] = this.next[iter[u]];
      }
    }
  }
}

/**
 * Successive shortest paths (Bellman-Ford queue) min-cost flow: the König case uses it to find, among the maximum
 * b-matchings, one of the greatest weight (costs are negated weights; no negative cycles at the start).
 */
export function minCostMaxFlow(net: FlowNetwork, cost: number[], s: number, t: number, limit: number): { flow: number; cost: number } {
  const n = net.n;
  const dist = new Float64Array(n);
  const inQueue = new Uint8Array(n);
  const prevArc = new Int32Array(n);
  let flow = 0;
  let total = 0;
  while (flow < limit) {
    dist.fill(Infinity);
    prevArc.fill(-1);
    dist[s] = 0;
    const queue: number[] = [s];
    inQueue[s] = 1;
    for (let qh = 0; qh < queue.length; qh++) {
      const u = queue[qh];
      inQueue[u] = 0;
      for (let i = net.head[u]; i >= 0; i = net.next[i]) {
        if (net.cap[i] <= 0) continue;
        const v = net.to[i];
        const d = dist[u] + cost[i];
        if (d < dist[v] - 1e-9) {
          dist[v] = d;
          prevArc[v] = i;
          if (!inQueue[v]) {
            inQueue[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    if (dist[t] === Infinity) break;
    let f = limit - flow;
    for (let v = t; v !== s; v = net.to[prevArc[v] ^ 1]) f = Math.min(f, net.cap[prevArc[v]]);
    for (let v = t; v !== s; v = net.to[prevArc[v] ^ 1]) {
      net.cap[prevArc[v]] -= f;
      net.cap[prevArc[v] ^ 1] += f;
    }
    flow += f;
    total += f * dist[t];
  }
  return { flow, cost: total };
}
