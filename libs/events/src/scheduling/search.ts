import { gapDelta } from './greedy';
import type { Rng } from './rng';
import type { ScheduleState } from './state';

export interface SearchOptions {
  deadline: number;
  /** Known upper bound on the number of meetings: stop early once reached (and nothing heavier waits). */
  upper: number;
  /** Known upper bound (or target) on the total weight: stop once reached. */
  weightTarget?: number | null;
  /** Called now and then with the fraction of the search budget used. */
  tick?: (fraction: number) => void;
  now: () => number;
}

/**
 * Ejection-chain local search. For a waiting meeting e and a common slot t, the "blockers" are the placed meetings
 * that must leave for e to fit: the other meetings of e's two sides in t, one meeting of a side that is at its cap
 * in t's session (or overall), one meeting of slot t when all its tables are taken. The chain removes the blockers,
 * places e, and recursively re-inserts every blocker elsewhere (depth-limited, each blocker barred from the slot it
 * left); a failed chain is rolled back through the state's journal. Chains that end with lighter meetings out than
 * the one put in are accepted as gains; when nothing improves, equal-weight swaps (plateau moves) perturb the
 * schedule, and the best schedule seen is kept. This is the classic remedy for what greedy leaves: a meeting whose
 * every common slot is taken by a meeting that could have gone elsewhere.
 */
/** Rounds of weight-improving swaps allowed once the number of meetings equals the upper bound. */
const MAX_ROUNDS_AT_BOUND = 15;

/** Lets pending I/O callbacks (progress writes, lock renewals) run before the next round. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class EjectionSearch {
  private readonly inChain: Uint8Array;
  private readonly barredSlot: Int32Array;
  private nodes = 0;
  private nodeBudget = 0;
  private maxBlockers = 2;
  /** Rounds run by the last `run` (for the notes). */
  rounds = 0;

  constructor(
    private readonly state: ScheduleState,
    private readonly rng: Rng,
  ) {
    this.inChain = new Uint8Array(state.m.E);
    this.barredSlot = new Int32Array(state.m.E).fill(-1);
  }

  /**
   * Runs until the deadline, the bound, or no progress. Async only to yield to the event loop every ~100 ms, so a
   * BullMQ worker can renew its lock and send the progress updates while the search works.
   */
  async run(options: SearchOptions): Promise<void> {
    let lastYield = options.now();
    const { state, rng } = this;
    const m = state.m;
    const start = options.now();
    const span = Math.max(1, options.deadline - start);
    let best = state.snapshot();
    let bestWeight = state.weight;
    let bestDisplaced = state.displaced;
    const better = () => state.weight > bestWeight + 1e-9 || (state.weight > bestWeight - 1e-9 && state.displaced < bestDisplaced);
    const keep = () => {
      best = state.snapshot();
      bestWeight = state.weight;
      bestDisplaced = state.displaced;
    };
    let depth = 2;
    let stale = 0;
    const waiting = (): number[] => {
      const list: number[] = [];
      for (let e = 0; e < m.E; e++) if (state.slotOf[e] < 0 && m.cand[e].length > 0) list.push(e);
      return rng.shuffle(list).sort((x, y) => m.weight[y] - m.weight[x]);
    };
    let roundsAtBound = 0;
    while (options.now() < options.deadline) {
      this.rounds++;
      // Once the count bound is reached only 1-for-1 weight swaps are left; a fixed number of rounds for them keeps
      // the run deterministic (ending on work done, not on the clock) and short.
      if (state.count >= options.upper && ++roundsAtBound > MAX_ROUNDS_AT_BOUND) break;
      if (this.done(options.upper)) break;
      if (options.weightTarget != null && state.weight >= options.weightTarget - 1e-9 && state.displaced === 0) break;
      let improved = false;
      for (const e of waiting()) {
        if (state.slotOf[e] >= 0) continue;
        if (options.now() >= options.deadline) break;
        const before = state.weight;
        const mark = state.mark();
        this.nodes = 0;
        this.nodeBudget = 400 * depth;
        if (this.insert(e, depth) || this.gainSwap(e, depth)) {
          if (state.weight > before + 1e-9) {
            state.commit();
            improved = true;
          } else state.rollback(mark);
        }
      }
      options.tick?.((options.now() - start) / span);
      if (options.now() - lastYield > 100) {
        await yieldToEventLoop();
        lastYield = options.now();
      }
      if (better()) {
        keep();
        stale = 0;
      }
      if (improved) continue;
      if (depth < 6) {
        depth++;
        continue;
      }
      stale++;
      if (stale > 40 || (state.count >= options.upper && stale > 5)) break;
      // Plateau: equal-weight swaps move the search to a neighbouring schedule of the same value.
      if (stale % 8 === 0) {
        state.restore(best);
      }
      this.plateau(waiting());
      depth = 3;
      if (better()) keep();
    }
    if (state.weight < bestWeight - 1e-9 || (state.weight < bestWeight + 1e-9 && state.displaced > bestDisplaced)) state.restore(best);
    state.commit();
  }

  /**
   * Objective (4) after the fact: for every meeting that sits elsewhere than its previous slot, try to put it back,
   * moving the meetings in the way along ejection chains; kept only when the weight does not drop and fewer meetings
   * end up away from their previous slot. The search accepts whatever chain first makes room, so on re-runs it moves
   * more meetings than needed; this undoes the unnecessary part.
   */
  repairDisplaced(deadline: number, now: () => number): number {
    const { state } = this;
    const m = state.m;
    let repaired = 0;
    for (let round = 0; round < 3; round++) {
      let changed = false;
      for (let e = 0; e < m.E; e++) {
        if ((e & 15) === 0 && now() >= deadline) return repaired;
        const prev = m.prevSlot[e];
        const cur = state.slotOf[e];
        if (prev < 0 || cur < 0 || cur === prev || m.lockedSlot[e] >= 0 || !m.cand[e].includes(prev)) continue;
        const weight = state.weight;
        const displaced = state.displaced;
        const mark = state.mark();
        state.setSlot(e, -1);
        const out = this.blockers(e, prev);
        if (!out) {
          state.rollback(mark);
          continue;
        }
        for (const f of out) state.setSlot(f, -1);
        state.setSlot(e, prev);
        this.inChain[e] = 1;
        let ok = true;
        for (const f of out) {
          this.barredSlot[f] = prev;
          this.nodes = 0;
          this.nodeBudget = 300;
          const placed = this.insert(f, 2);
          this.barredSlot[f] = -1;
          if (!placed) {
            ok = false;
            break;
          }
        }
        this.inChain[e] = 0;
        if (ok && state.weight > weight - 1e-9 && state.displaced < displaced) {
          state.commit();
          repaired++;
          changed = true;
        } else state.rollback(mark);
      }
      if (!changed) break;
    }
    return repaired;
  }

  /** Count bound reached and no waiting meeting is heavier than the lightest placed one: no 1-for-1 gain is left. */
  private done(upper: number): boolean {
    const { state } = this;
    const m = state.m;
    if (state.count < upper) return false;
    let lightestPlaced = Infinity;
    let heaviestWaiting = -Infinity;
    for (let e = 0; e < m.E; e++) {
      if (state.slotOf[e] >= 0) {
        if (m.lockedSlot[e] < 0) lightestPlaced = Math.min(lightestPlaced, m.weight[e]);
      } else if (m.cand[e].length > 0) heaviestWaiting = Math.max(heaviestWaiting, m.weight[e]);
    }
    return heaviestWaiting <= lightestPlaced;
  }

  /**
   * Meetings that must leave slot t for e to fit there, or null when a locked meeting is in the way or more than
   * `maxBlockers` would have to leave.
   */
  blockers(e: number, t: number): number[] | null {
    const { state } = this;
    const m = state.m;
    if (m.tables[t] === 0) return null;
    const out: number[] = [];
    const add = (f: number): boolean => {
      if (f < 0 || out.includes(f)) return true;
      if (m.lockedSlot[f] >= 0 || this.inChain[f]) return false;
      out.push(f);
      return true;
    };
    const a = m.ma[e];
    const b = m.mb[e];
    if (!add(state.busy[a * m.S + t]) || !add(state.busy[b * m.S + t])) return null;
    const s = m.slotSession[t];
    for (const p of [a, b]) {
      let inSession = state.sessCount(p, t);
      let overall = state.total[p];
      for (const f of out) {
        if (m.ma[f] !== p && m.mb[f] !== p) continue;
        overall--;
        if (m.slotSession[state.slotOf[f]] === s) inSession--;
      }
      if (inSession >= state.sessCap(p, t)) {
        const victim = this.pickVictim(m.byParticipant[p], (f) => m.slotSession[state.slotOf[f]] === s && !out.includes(f));
        if (victim < 0 || !add(victim)) return null;
        overall--;
      }
      if (overall >= m.capTotal[p]) {
        const victim = this.pickVictim(m.byParticipant[p], (f) => !out.includes(f));
        if (victim < 0 || !add(victim)) return null;
      }
    }
    let freed = 0;
    for (const f of out) if (state.slotOf[f] === t) freed++;
    if (state.load[t] - freed >= m.tables[t]) {
      const victim = this.pickVictim(state.members[t], (f) => !out.includes(f));
      if (victim < 0 || !add(victim)) return null;
    }
    if (out.length > this.maxBlockers) return null;
    return out;
  }

  /** A random placed, unlocked meeting (not in the current chain) among `pool` that passes `ok`, or -1. */
  private pickVictim(pool: readonly number[], ok: (f: number) => boolean): number {
    const { state } = this;
    const m = state.m;
    let chosen = -1;
    let seen = 0;
    let anchored = -1;
    let seenAnchored = 0;
    for (const f of pool) {
      if (state.slotOf[f] < 0 || m.lockedSlot[f] >= 0 || this.inChain[f] || !ok(f)) continue;
      if (m.prevSlot[f] === state.slotOf[f]) {
        seenAnchored++;
        if (this.rng.int(seenAnchored) === 0) anchored = f;
        continue;
      }
      seen++;
      if (this.rng.int(seen) === 0) chosen = f;
    }
    // Meetings still where the published schedule had them are moved only when nothing else can make room.
    return chosen >= 0 ? chosen : anchored;
  }

  /** Places waiting meeting e, moving others along an ejection chain; leaves the state unchanged when it fails. */
  private insert(e: number, depth: number): boolean {
    const { state } = this;
    const m = state.m;
    const cand = m.cand[e];
    const n = cand.length;
    if (n === 0) return false;
    const offset = this.rng.int(n);
    // Of the slots where e fits as things stand, take the one that adds the fewest idle gaps to its two sides.
    let free = -1;
    let freeGaps = Infinity;
    for (let i = 0; i < n; i++) {
      const t = cand[(i + offset) % n];
      if (t === this.barredSlot[e] || !state.canPlace(e, t)) continue;
      const gaps = gapDelta(state, m.ma[e], t) + gapDelta(state, m.mb[e], t);
      if (gaps < freeGaps) {
        freeGaps = gaps;
        free = t;
      }
    }
    if (free >= 0) {
      state.setSlot(e, free);
      return true;
    }
    if (depth === 0) return false;
    for (let i = 0; i < n; i++) {
      if (++this.nodes > this.nodeBudget) return false;
      const t = cand[(i + offset) % n];
      if (t === this.barredSlot[e]) continue;
      const out = this.blockers(e, t);
      if (!out || out.length === 0) continue;
      const mark = state.mark();
      for (const f of out) state.setSlot(f, -1);
      state.setSlot(e, t);
      this.inChain[e] = 1;
      let ok = true;
      const barred = out.map((f) => this.barredSlot[f]);
      for (const f of out) this.barredSlot[f] = t;
      for (const f of out) {
        if (!this.insert(f, depth - 1)) {
          ok = false;
          break;
        }
      }
      out.forEach((f, j) => (this.barredSlot[f] = barred[j]));
      this.inChain[e] = 0;
      if (ok) return true;
      state.rollback(mark);
    }
    return false;
  }

  /**
   * Puts e in where the blockers weigh less than e (a net gain even if they cannot all be re-placed), re-placing
   * what it can.
   */
  private gainSwap(e: number, depth: number): boolean {
    const { state } = this;
    const m = state.m;
    for (const t of m.cand[e]) {
      const out = this.blockers(e, t);
      if (!out || out.length === 0) continue;
      let w = 0;
      for (const f of out) w += m.weight[f];
      // A meeting of the published schedule is moved if need be, never dropped for a heavier one (see scheduler.ts).
      if (w >= m.weight[e] || out.some((f) => m.hadPrevious[f])) continue;
      for (const f of out) state.setSlot(f, -1);
      state.setSlot(e, t);
      this.inChain[e] = 1;
      for (const f of out) {
        this.barredSlot[f] = t;
        this.nodes = 0;
        this.insert(f, Math.max(0, depth - 1));
        this.barredSlot[f] = -1;
      }
      this.inChain[e] = 0;
      return true;
    }
    return false;
  }

  /** Random equal-weight 1-for-1 swaps: e goes in, its single blocker of the same weight waits. */
  private plateau(waiting: number[]): void {
    const { state } = this;
    const m = state.m;
    let budget = Math.max(3, Math.ceil(waiting.length * 0.2));
    for (const e of waiting) {
      if (budget <= 0) break;
      if (state.slotOf[e] >= 0) continue;
      const cand = m.cand[e];
      if (cand.length === 0) continue;
      const t = cand[this.rng.int(cand.length)];
      const out = this.blockers(e, t);
      if (!out || out.length !== 1 || m.weight[out[0]] !== m.weight[e] || m.hadPrevious[out[0]]) continue;
      state.setSlot(out[0], -1);
      state.setSlot(e, t);
      // The evicted meeting may fit somewhere right away.
      this.nodes = 0;
      this.nodeBudget = 200;
      this.insert(out[0], 1);
      budget--;
    }
    state.commit();
  }
}
