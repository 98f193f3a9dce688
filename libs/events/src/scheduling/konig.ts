import { colourBipartiteEdges, equalizeColourClasses } from './edge-colouring';
import { FlowNetwork, minCostMaxFlow } from './max-flow';
import type { Model } from './model';
import { participantGaps, type ScheduleState } from './state';

/**
 * Side of each participant (0/1) when the meeting graph is bipartite, else null. Participants without meetings get 0.
 */
export function bipartition(m: Model): Uint8Array | null {
  const side = new Int8Array(m.P).fill(-1);
  const queue: number[] = [];
  for (let root = 0; root < m.P; root++) {
    if (side[root] >= 0) continue;
    side[root] = 0;
    queue.length = 0;
    queue.push(root);
    for (let qh = 0; qh < queue.length; qh++) {
      const p = queue[qh];
      for (const e of m.byParticipant[p]) {
        const q = m.ma[e] === p ? m.mb[e] : m.ma[e];
        if (side[q] < 0) {
          side[q] = 1 - side[p];
          queue.push(q);
        } else if (side[q] === side[p]) return null;
      }
    }
  }
  return Uint8Array.from(side);
}

/**
 * The exactness theorem's conditions (performance-and-reliability.md §5.4): bipartite meeting graph, everybody with
 * a request available in every slot, the same number of tables in every slot, no locks, and per-session caps that
 * cannot bind (one session, or caps ≥ the session's slot count) so that any S-edge-colouring respects them.
 */
export function konigApplies(m: Model): { ok: true; side: Uint8Array } | { ok: false; why: string } {
  if (m.S === 0 || m.E === 0) return { ok: false, why: 'no slots or no meetings' };
  for (let e = 0; e < m.E; e++) if (m.lockedSlot[e] >= 0) return { ok: false, why: 'locked meetings' };
  for (let t = 1; t < m.S; t++) if (m.tables[t] !== m.tables[0]) return { ok: false, why: 'tables differ between slots' };
  const sessionSize = new Int32Array(Math.max(1, m.sessionCount));
  for (let t = 0; t < m.S; t++) sessionSize[m.slotSession[t]]++;
  for (let p = 0; p < m.P; p++) {
    if (m.byParticipant[p].length === 0) continue;
    for (let t = 0; t < m.S; t++) if (!m.available[p * m.S + t]) return { ok: false, why: 'partial availability' };
    if (m.sessionCount > 1) {
      for (let s = 0; s < m.sessionCount; s++) if (m.capSession[p * m.sessionCount + s] < sessionSize[s]) return { ok: false, why: 'per-session caps bind across several sessions' };
    }
  }
  const side = bipartition(m);
  if (!side) return { ok: false, why: 'meeting graph is not bipartite' };
  return { ok: true, side };
}

/**
 * Provably optimal schedule in the König case: (1) a maximum b-matching H with b_v = min(cap_v, S), of the greatest
 * weight among maximum ones and at most tables·S edges (min-cost flow); (2) an S-edge-colouring of H (Δ(H) ≤ S);
 * (3) equitable recolouring so every class has ⌊|H|/S⌋ or ⌈|H|/S⌉ ≤ tables edges; (4) classes to slots, matching
 * previous placements where possible. Returns slot per meeting (-1 = not scheduled).
 */
export function konigSchedule(m: Model, side: Uint8Array): Int32Array {
  const S = m.S;
  const T = m.tables[0];
  const source = m.P;
  const sink = m.P + 1;
  const net = new FlowNetwork(m.P + 2);
  const cost: number[] = [];
  const arc = (u: number, v: number, c: number, w: number): number => {
    const i = net.addArc(u, v, c);
    cost.push(w, -w);
    return i;
  };
  const sessionSize = new Int32Array(Math.max(1, m.sessionCount));
  for (let t = 0; t < m.S; t++) sessionSize[m.slotSession[t]]++;
  for (let p = 0; p < m.P; p++) {
    if (m.byParticipant[p].length === 0) continue;
    let perSessions = 0;
    for (let s = 0; s < m.sessionCount; s++) perSessions += Math.min(m.capSession[p * m.sessionCount + s], sessionSize[s]);
    const b = Math.min(perSessions, m.capTotal[p], S);
    if (side[p] === 0) arc(source, p, b, 0);
    else arc(p, sink, b, 0);
  }
  const meetingArc = new Int32Array(m.E).fill(-1);
  for (let e = 0; e < m.E; e++) {
    const [u, v] = side[m.ma[e]] === 0 ? [m.ma[e], m.mb[e]] : [m.mb[e], m.ma[e]];
    meetingArc[e] = arc(u, v, 1, -m.weight[e]);
  }
  minCostMaxFlow(net, cost, source, sink, T * S);
  const chosen: number[] = [];
  for (let e = 0; e < m.E; e++) if (net.flowOn(meetingArc[e]) > 0) chosen.push(e);
  const eu = Int32Array.from(chosen.map((e) => m.ma[e]));
  const ev = Int32Array.from(chosen.map((e) => m.mb[e]));
  const colour = colourBipartiteEdges(m.P, eu, ev, S);
  equalizeColourClasses(m.P, eu, ev, S, colour);

  // Colour classes are interchangeable (full availability, equal tables, caps that cannot bind): map them to slots
  // so as many meetings as possible keep their previous slot (greedy on the class × slot overlap counts).
  const overlap: { c: number; t: number; n: number }[] = [];
  const counts = new Int32Array(S * S);
  chosen.forEach((e, i) => {
    if (m.prevSlot[e] >= 0) counts[colour[i] * S + m.prevSlot[e]]++;
  });
  for (let c = 0; c < S; c++) for (let t = 0; t < S; t++) if (counts[c * S + t] > 0) overlap.push({ c, t, n: counts[c * S + t] });
  overlap.sort((x, y) => y.n - x.n || x.c - y.c || x.t - y.t);
  const slotOfClass = new Int32Array(S).fill(-1);
  const classOfSlot = new Int32Array(S).fill(-1);
  for (const { c, t } of overlap) {
    if (slotOfClass[c] >= 0 || classOfSlot[t] >= 0) continue;
    slotOfClass[c] = t;
    classOfSlot[t] = c;
  }
  let nextSlot = 0;
  for (let c = 0; c < S; c++) {
    if (slotOfClass[c] >= 0) continue;
    while (classOfSlot[nextSlot] >= 0) nextSlot++;
    slotOfClass[c] = nextSlot;
    classOfSlot[nextSlot] = c;
  }
  const slotOf = new Int32Array(m.E).fill(-1);
  chosen.forEach((e, i) => (slotOf[e] = slotOfClass[colour[i]]));
  return slotOf;
}

/**
 * Idle gaps in the König case: with full availability, equal tables and caps that cannot bind, the contents of any
 * two slots can be exchanged without breaking anything, so hill-climb over such exchanges while the participants
 * involved lose idle gaps (the colouring fixes who meets in the same slot, not which slot that is).
 */
export function improveSlotOrder(state: ScheduleState, deadline: number, now: () => number): number {
  const m = state.m;
  let swaps = 0;
  const involved = (t1: number, t2: number): number[] => {
    const people = new Set<number>();
    for (const t of [t1, t2]) for (const e of state.members[t]) people.add(m.ma[e]).add(m.mb[e]);
    return [...people];
  };
  const exchange = (t1: number, t2: number): void => {
    const one = [...state.members[t1]];
    const two = [...state.members[t2]];
    for (const e of one) state.setSlot(e, -1);
    for (const e of two) state.setSlot(e, -1);
    for (const e of one) state.setSlot(e, t2);
    for (const e of two) state.setSlot(e, t1);
  };
  for (let pass = 0; pass < 20; pass++) {
    let improved = false;
    for (let t1 = 0; t1 < m.S; t1++) {
      for (let t2 = t1 + 1; t2 < m.S; t2++) {
        if (now() >= deadline) return swaps;
        if (m.slotSession[t1] !== m.slotSession[t2]) continue;
        const people = involved(t1, t2);
        const before = people.reduce((sum, p) => sum + participantGaps(state, p), 0);
        exchange(t1, t2);
        const after = people.reduce((sum, p) => sum + participantGaps(state, p), 0);
        if (after < before) {
          swaps++;
          improved = true;
        } else exchange(t1, t2);
      }
    }
    state.commit();
    if (!improved) break;
  }
  return swaps;
}
