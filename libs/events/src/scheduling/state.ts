import type { Model } from './model';

/**
 * A mutable partial schedule (meeting → slot; tables are numbered only at the end, since any k ≤ tables meetings
 * of a slot can always be given distinct tables). Every change goes through `setSlot`, which writes an undo journal:
 * the local search tries a chain of moves and rolls it back to a mark when the chain fails.
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  /** busy[p * S + t] = meeting of p in slot t, or -1. */
  readonly busy: Int32Array;
  readonly load: Int32Array;
  /** Meetings per participant and session: sess[p * sessions + s]. */
  readonly sess: Int32Array;
  readonly total: Int32Array;
  /** Meetings in each slot (unordered; posInSlot gives each meeting's index for O(1) removal). */
  readonly members: number[][];
  private readonly posInSlot: Int32Array;
  private readonly journal: number[] = [];
  weight = 0;
  count = 0;
  /** Meetings with a previous placement that are not in their previous slot (objective 4, tables aside). */
  displaced = 0;
  private readonly ns: number;

  constructor(readonly m: Model) {
    this.slotOf = new Int32Array(m.E).fill(-1);
    this.busy = new Int32Array(m.P * m.S).fill(-1);
    this.load = new Int32Array(m.S);
    this.ns = Math.max(1, m.sessionCount);
    this.sess = new Int32Array(m.P * this.ns);
    this.total = new Int32Array(m.P);
    this.members = Array.from({ length: m.S }, () => []);
    this.posInSlot = new Int32Array(m.E).fill(-1);
    for (let e = 0; e < m.E; e++) this.displaced += m.hadPrevious[e];
  }

  sessCount(p: number, t: number): number {
    return this.sess[p * this.ns + this.m.slotSession[t]];
  }

  sessCap(p: number, t: number): number {
    return this.m.capSession[p * this.ns + this.m.slotSession[t]];
  }

  /** Whether meeting e (unplaced) fits in slot t without moving anything. */
  canPlace(e: number, t: number): boolean {
    const m = this.m;
    const a = m.ma[e];
    const b = m.mb[e];
    const s = m.slotSession[t];
    return this.load[t] < m.tables[t]
      && this.busy[a * m.S + t] < 0 && this.busy[b * m.S + t] < 0
      && this.sess[a * this.ns + s] < m.capSession[a * this.ns + s] && this.sess[b * this.ns + s] < m.capSession[b * this.ns + s]
      && this.total[a] < m.capTotal[a] && this.total[b] < m.capTotal[b];
  }

  /** Moves meeting e to slot t (-1 = unschedule); the caller guarantees feasibility. */
  setSlot(e: number, t: number): void {
    const old = this.slotOf[e];
    if (old === t) return;
    this.journal.push(e, old);
    if (old >= 0) this.detach(e, old);
    if (t >= 0) this.attach(e, t);
  }

  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const old = this.journal.pop() ?? -1;
      const e = this.journal.pop() ?? 0;
      const cur = this.slotOf[e];
      if (cur >= 0) this.detach(e, cur);
      if (old >= 0) this.attach(e, old);
    }
  }

  /** Forget the journal (after a committed improvement) so it does not grow without bound. */
  commit(): void {
    this.journal.length = 0;
  }

  snapshot(): Int32Array {
    return Int32Array.from(this.slotOf);
  }

  restore(slots: Int32Array): void {
    for (let e = 0; e < this.m.E; e++) if (this.slotOf[e] >= 0 && slots[e] !== this.slotOf[e]) this.detach(e, this.slotOf[e]);
    for (let e = 0; e < this.m.E; e++) if (slots[e] >= 0 && this.slotOf[e] !== slots[e]) this.attach(e, slots[e]);
    this.journal.length = 0;
  }

  private attach(e: number, t: number): void {
    const m = this.m;
    const a = m.ma[e];
    const b = m.mb[e];
    const s = m.slotSession[t];
    this.slotOf[e] = t;
    this.busy[a * m.S + t] = e;
    this.busy[b * m.S + t] = e;
    this.load[t]++;
    this.sess[a * this.ns + s]++;
    this.sess[b * this.ns + s]++;
    this.total[a]++;
    this.total[b]++;
    this.posInSlot[e] = this.members[t].length;
    this.members[t].push(e);
    this.weight += m.weight[e];
    this.count++;
    if (m.hadPrevious[e] && m.prevSlot[e] === t) this.displaced--;
  }

  private detach(e: number, t: number): void {
    const m = this.m;
    const a = m.ma[e];
    const b = m.mb[e];
    const s = m.slotSession[t];
    this.slotOf[e] = -1;
    this.busy[a * m.S + t] = -1;
    this.busy[b * m.S + t] = -1;
    this.load[t]--;
    this.sess[a * this.ns + s]--;
    this.sess[b * this.ns + s]--;
    this.total[a]--;
    this.total[b]--;
    const list = this.members[t];
    const i = this.posInSlot[e];
    const last = list[list.length - 1];
    list[i] = last;
    this.posInSlot[last] = i;
    list.pop();
    this.posInSlot[e] = -1;
    this.weight -= m.weight[e];
    this.count--;
    if (m.hadPrevious[e] && m.prevSlot[e] === t) this.displaced++;
  }
}

/** Idle gaps of participant p: per session, empty positions between the first and the last meeting. */
export function participantGaps(state: ScheduleState, p: number): number {
  const m = state.m;
  let gaps = 0;
  for (let s = 0; s < m.sessionCount; s++) {
    let lo = Infinity;
    let hi = -Infinity;
    let n = 0;
    for (let t = 0; t < m.S; t++) {
      if (m.slotSession[t] !== s || state.busy[p * m.S + t] < 0) continue;
      lo = Math.min(lo, m.slotPos[t]);
      hi = Math.max(hi, m.slotPos[t]);
      n++;
    }
    if (n > 0) gaps += hi - lo + 1 - n;
  }
  return gaps;
}
