import { performance } from 'node:perf_hooks';
import { combinatorialBounds, type CombinatorialBounds } from './bounds';
import { construct, greedyFill, placeLocked } from './greedy';
import { improveSlotOrder, konigApplies, konigSchedule } from './konig';
import { lpBound, mipSchedule } from './lp-bound';
import { buildModel, type Model } from './model';
import { fillFreeRoom, raiseMinimum, reduceGaps, reduceGapsWithSwaps, restorePrevious } from './polish';
import { buildResult } from './result';
import { Rng } from './rng';
import type { ScheduleBound, ScheduleInput, ScheduleMethod, ScheduleOptions, SchedulePhase, ScheduleResult } from './scheduling.types';
import { EjectionSearch, yieldToEventLoop } from './search';
import { ScheduleState } from './state';

const DEFAULT_TIME_LIMIT_MS = 8000;
/** Share of the time limit the LP bound may use before the heuristic gets the rest. */
const LP_SHARE = 0.4;
/** Above this many (meeting, slot) columns the weighted LP (a second solve, ~0.5-1 s at 12,500 columns) is skipped. */
const WEIGHTED_LP_MAX_COLUMNS = 20000;
/**
 * Up to this many (meeting, slot) columns an exact MIP (HiGHS branch-and-cut) gets the time the search leaves when
 * the search stops short of the bound; beyond it HiGHS rarely finishes within seconds in WebAssembly.
 */
const MIP_MAX_COLUMNS = 8000;

function bestBound(comb: CombinatorialBounds, lp: number | null, weightedLp: number | null): ScheduleBound {
  const best = Math.min(comb.flow, comb.slot, comb.capacity, lp ?? Infinity);
  return { lp, flow: comb.flow, slot: comb.slot, capacity: comb.capacity, best, weightedLp };
}

function columnCount(m: Model): number {
  let n = 0;
  for (let e = 0; e < m.E; e++) n += m.cand[e].length;
  return n;
}

/**
 * Schedules accepted meetings into (slot, table) pairs. Lexicographic objective: (1) Σ weights (mutual meetings
 * weigh `mutualWeight`), (4) fewest moved meetings on re-runs, (2) fewest idle gaps, (3) highest minimum of meetings
 * per participant. (4) is ranked before (2) and (3) on purpose: see `restorePrevious`.
 *
 * One deliberate exception to (1) on re-runs: a meeting of the published schedule (one with `previous`) may be moved
 * to make room, but is never dropped to make room for a heavier (mutual) one — for the two people concerned that
 * would be a cancellation of a confirmed meeting, which no weight gain justifies. It is left out only when the search
 * cannot fit it back at all (e.g. a side's availability shrank and the other slots are full).
 *
 * Method: the König construction when its exactness conditions hold (provably optimal); otherwise the LP relaxation
 * (HiGHS) for the bound and as a guide, an LP-guided greedy construction, an ejection-chain local search until the
 * bound or its share of the time limit, on small instances an exact MIP with the time left when the search stopped
 * short, then passes for disruption, gaps and fairness that never lower objective (1).
 *
 * Deterministic for a given seed as long as the time limit does not cut the search or the MIP short (on large
 * instances it usually does: the result then depends on machine speed).
 *
 * Throws SchedulingInputError on invalid input. HiGHS solves are synchronous WebAssembly: the LP blocks the event loop
 * for up to 40% of the time limit and the MIP for the rest, so run this in a worker (BullMQ job), never in a request
 * handler.
 */
export async function scheduleMeetings(input: ScheduleInput, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  const started = performance.now();
  const now = () => performance.now();
  const limit = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const deadline = started + limit;
  const progress = (fraction: number, phase: SchedulePhase) => options.onProgress?.(Math.min(1, Math.max(0, fraction)), phase);
  // Phases are synchronous; yielding after each lets the caller's progress writes go out while the run continues.
  const phase = async (fraction: number, name: SchedulePhase) => {
    progress(fraction, name);
    await yieldToEventLoop();
  };
  const notes: string[] = [];
  progress(0, 'validate');
  const m = buildModel(input, options.mutualWeight ?? 2);
  const rng = new Rng(options.seed ?? 1);

  await phase(0.05, 'bounds');
  const comb = combinatorialBounds(m);

  const konig = konigApplies(m);
  let konigState: ScheduleState | null = null;
  if (konig.ok) {
    konigState = new ScheduleState(m);
    const slots = konigSchedule(m, konig.side);
    for (let e = 0; e < m.E && konigState; e++) {
      if (slots[e] < 0) continue;
      if (konigState.canPlace(e, slots[e])) konigState.setSlot(e, slots[e]);
      else konigState = null;
    }
    if (!konigState) notes.push('König construction produced an invalid schedule; fell back to the general method');
  }
  let hasPrevious = false;
  for (let e = 0; e < m.E; e++) if (m.hadPrevious[e]) hasPrevious = true;
  if (konigState && !hasPrevious) {
    konigState.commit();
    notes.push('König case (bipartite, full availability, equal tables, caps that cannot bind): provably optimal; LP bound not needed');
    await phase(0.6, 'polish');
    improveSlotOrder(konigState, deadline, now);
    const blockers = new EjectionSearch(konigState, rng);
    reduceGaps(konigState, deadline, now);
    reduceGapsWithSwaps(konigState, (e, t) => blockers.blockers(e, t), deadline, now);
    raiseMinimum(konigState, (e, t) => blockers.blockers(e, t), deadline, now);
    reduceGaps(konigState, deadline, now);
    fillFreeRoom(konigState);
    progress(1, 'done');
    return buildResult(konigState, bestBound(comb, null, null), 'konig', konigState.count === Math.min(comb.flow, comb.capacity), started, now(), notes);
  }

  let lp: number | null = null;
  let weightedLp: number | null = null;
  let guide: Awaited<ReturnType<typeof lpBound>>['columns'] = null;
  if (konigState) {
    notes.push('König case on a re-run: the general method starts from the previous schedule and is kept if it matches the König optimum with fewer moves');
  } else if (options.lpBound !== false) {
    await phase(0.1, 'lp-bound');
    const result = await lpBound(m, null, Math.max(50, Math.min(limit * LP_SHARE, deadline - now())));
    lp = result.bound;
    guide = result.columns;
    if (result.note) notes.push(result.note);
    if (lp !== null && columnCount(m) <= WEIGHTED_LP_MAX_COLUMNS && deadline - now() > limit * 0.5) {
      const weighted = await lpBound(m, m.weight, Math.min(limit * 0.1, deadline - now()));
      weightedLp = weighted.bound;
      if (weighted.note) notes.push(`weighted ${weighted.note}`);
      // Objective (1) is the weight: when the weighted LP is there, its solution is the better guide.
      if (weighted.columns) guide = weighted.columns;
    }
  } else notes.push('LP bound disabled by options');
  const bound = bestBound(comb, lp, weightedLp);

  const tLp = now();
  await phase(0.45, 'construct');
  const state = new ScheduleState(m);
  placeLocked(state);
  construct(state, rng, guide);
  state.commit();

  await phase(0.5, 'search');
  const searchStart = now();
  const polishReserve = Math.min(2000, Math.max(0, (deadline - searchStart) * 0.2));
  const mipEligible = options.mip !== false && columnCount(m) <= MIP_MAX_COLUMNS;
  const search = new EjectionSearch(state, rng);
  const constructed = state.count;
  await search.run({
    deadline: mipEligible ? searchStart + (deadline - polishReserve - searchStart) * 0.35 : deadline - polishReserve,
    upper: konigState ? konigState.count : bound.best,
    weightTarget: konigState ? konigState.weight : weightedLp,
    now,
    tick: (fraction) => progress(0.5 + 0.4 * Math.min(1, fraction), 'search'),
  });

  let method: ScheduleMethod = guide ? 'lp-guided+search' : 'greedy+search';
  let final = state;
  const target = konigState ? konigState.count : bound.best;
  let mipOptimal = false;
  if (mipEligible && state.count < target && deadline - polishReserve - now() > 200) {
    await phase(0.7, 'search');
    const better = await mipCandidate(m, state, deadline - polishReserve - now());
    if (better) {
      mipOptimal = better.optimal;
      final = better.state;
      method = 'mip';
      notes.push(`exact MIP (HiGHS) beat the search: ${better.state.count} meetings (search: ${state.count})${better.optimal ? ', proven optimal' : ''}`);
    }
  }
  const tSearch = now();
  await phase(0.9, 'polish');
  if (konigState && betterSchedule(konigState, state)) {
    final = konigState;
    method = 'konig';
    notes.push('the König schedule holds more than the search reached from the previous schedule: kept it');
  }
  const restored = restorePrevious(final);
  const repaired = hasPrevious ? new EjectionSearch(final, rng).repairDisplaced(deadline - polishReserve / 2, now) : 0;
  if (restored + repaired > 0) notes.push(`${restored + repaired} meetings moved back to their previous slot after the search`);
  reduceGaps(final, deadline, now);
  reduceGapsWithSwaps(final, (e, t) => search.blockers(e, t), deadline, now);
  raiseMinimum(final, (e, t) => search.blockers(e, t), deadline, now);
  reduceGaps(final, deadline, now);
  fillFreeRoom(final);
  const end = now();
  notes.push(`timings: bounds+LP ${Math.round(tLp - started)} ms, construction ${Math.round(searchStart - tLp)} ms (${constructed} meetings), search ${Math.round(tSearch - searchStart)} ms (${search.rounds} rounds, ${final.count} meetings), polish ${Math.round(end - tSearch)} ms`);
  progress(1, 'done');
  const proven = (konigState !== null && final.count === Math.min(comb.flow, comb.capacity)) || (method === 'mip' && mipOptimal);
  return buildResult(final, bound, method, proven, started, now(), notes);
}

/**
 * The exact MIP's schedule as a state, if HiGHS found one that beats `current` on (weight, fewer displaced). The
 * objective is w_e·K + [t = previous slot] with K = (meetings with a previous placement) + 1, so objective (1)
 * strictly dominates (4), as in the heuristic.
 */
async function mipCandidate(m: Model, current: ScheduleState, timeLimitMs: number): Promise<{ state: ScheduleState; optimal: boolean } | null> {
  let anchored = 0;
  for (let e = 0; e < m.E; e++) anchored += m.prevSlot[e] >= 0 ? 1 : 0;
  const K = anchored + 1;
  // Published meetings first (never dropped, as in the search), then weight, then staying in the previous slot.
  let total = 0;
  for (let e = 0; e < m.E; e++) total += m.weight[e] * K + 1;
  const published = (e: number) => (m.hadPrevious[e] ? total + 1 : 0);
  const result = await mipSchedule(m, (e, t) => published(e) + m.weight[e] * K + (m.prevSlot[e] === t ? 1 : 0), timeLimitMs);
  if (!result) return null;
  const state = new ScheduleState(m);
  placeLocked(state);
  for (let e = 0; e < m.E; e++) {
    const t = result.slots[e];
    if (t < 0 || state.slotOf[e] === t) continue;
    if (state.slotOf[e] >= 0 || !state.canPlace(e, t)) return null; // defensive: never trust a solver blindly
    state.setSlot(e, t);
  }
  state.commit();
  return betterSchedule(state, current) ? { state, optimal: result.optimal } : null;
}

/** Published meetings kept (re-runs), then weight, then fewer meetings away from their previous slot. */
function betterSchedule(x: ScheduleState, y: ScheduleState): boolean {
  const published = (s: ScheduleState) => {
    let n = 0;
    for (let e = 0; e < s.m.E; e++) if (s.m.hadPrevious[e] && s.slotOf[e] >= 0) n++;
    return n;
  };
  const px = published(x);
  const py = published(y);
  if (px !== py) return px > py;
  if (Math.abs(x.weight - y.weight) > 1e-9) return x.weight > y.weight;
  return x.displaced < y.displaced;
}

/**
 * Plain greedy baseline (most constrained meeting first, earliest feasible slot) for comparison in benchmarks.
 * Same validation and result shape; LP bound only when `lpBound: true` is passed.
 */
export async function greedySchedule(input: ScheduleInput, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  const started = performance.now();
  const m = buildModel(input, options.mutualWeight ?? 2);
  options.onProgress?.(0, 'validate');
  const comb = combinatorialBounds(m);
  let lp: number | null = null;
  const notes: string[] = [];
  if (options.lpBound === true) {
    const result = await lpBound(m, null, options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
    lp = result.bound;
    if (result.note) notes.push(result.note);
  }
  const state = new ScheduleState(m);
  placeLocked(state);
  greedyFill(state, new Rng(options.seed ?? 1));
  state.commit();
  options.onProgress?.(1, 'done');
  return buildResult(state, bestBound(comb, lp, null), 'greedy', false, started, performance.now(), notes);
}
