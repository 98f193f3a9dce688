import { performance } from 'node:perf_hooks';
import { combinatorialBounds, type CombinatorialBounds } from './bounds';
import { columnCount, solveExact, stateOf, type ExactResult } from './exact';
import { explainUnscheduled } from './explain';
import { construct, greedyFill, placeLocked } from './greedy';
import { improveSlotOrder, konigApplies, konigSchedule } from './konig';
import { lpBound } from './lp-bound';
import { buildModel } from './model';
import { askers, compareLevels, levelValues, objectiveOrder } from './objective';
import { fillFreeRoom, raiseMinimum, reduceGaps, reduceGapsWithSwaps, restorePrevious } from './polish';
import { buildResult, type ResultExtras } from './result';
import { Rng } from './rng';
import type { ScheduleBound, ScheduleInput, ScheduleMethod, ScheduleOptions, SchedulePhase, ScheduleResult } from './scheduling.types';
import { EjectionSearch, yieldToEventLoop } from './search';
import { ScheduleState } from './state';
/** Last-resort wall-clock cap; runs end on work limits long before it on every bench instance. */
const DEFAULT_WALL_CLOCK_CAP_MS = 300_000;
/** Deterministic work limits (see ScheduleWork). */
const DEFAULT_SEARCH_STEPS = 10_000;
const DEFAULT_MIP_LP_ITERATIONS = 100_000;
const DEFAULT_MIP_NODES = 5_000;
const DEFAULT_LOWER_LP_ITERATIONS = 10_000;
const DEFAULT_LOWER_NODES = 200;
/**
 * Levels (2)-(5) are solved exactly only up to this many (meeting, slot) columns: their models carry the earlier
 * levels as dense rows, which makes every LP iteration expensive on big models (22,000 iterations took ~20 s of CPU
 * at 12,500 columns). Beyond it those levels come from the heuristic's passes (reported as skipped).
 */
const LOWER_LEVELS_MAX_COLUMNS = 6_000;
/** With level (1) unproven (a hard instance), levels (2)-(5) are solved exactly only up to this many columns. */
const LOWER_LEVELS_MAX_COLUMNS_WHEN_OPEN = 1_500;
/**
 * The gaps level's model adds three columns and five rows per participant and position, and its root (cuts,
 * propagation) is slow beyond the LP iterations: at 500 columns a solve with 3,300 LP iterations ran for minutes on a
 * loaded machine. Above this it is left to the heuristic gap passes (reported as skipped).
 */
const GAPS_MAX_COLUMNS = 300;
/** With an explicit `mutualWeight`, the weighted LP (a second solve) guides the construction up to this many columns. */
const WEIGHTED_LP_MAX_COLUMNS = 20000;

function bestBound(comb: CombinatorialBounds, lp: number | null, weightedLp: number | null): ScheduleBound {
  const best = Math.min(comb.flow, comb.slot, comb.capacity, lp ?? Infinity);
  return { lp, flow: comb.flow, slot: comb.slot, capacity: comb.capacity, best, weightedLp };
}

/**
 * Schedules accepted meetings into (slot, table) pairs with the lexicographic objective of `objective.ts`:
 * (1) requests met, (2) mutual meetings, (3) fairness, (4) fewer idle gaps, (5) on re-runs fewer changes; locked
 * meetings never move. (2)-(4) may be reordered (`objectiveOrder`).
 *
 * Method: first a heuristic answer (the König construction when its exactness conditions hold; otherwise an
 * LP-guided construction and an ejection-chain local search whose internal score is lexicographic in (1) then (2),
 * then passes for disruption, gaps and fairness). Then the exact phase: the time-indexed MIP solved with HiGHS level
 * by level, warm-started with the heuristic's schedule (see `exact.ts`). The heuristic stays the fallback: whatever
 * HiGHS returns is checked here and kept only when it is feasible and lexicographically at least as good.
 *
 * `optimal` is true only with a proof for (1): HiGHS closed the MIP, or the count equals a certified upper bound.
 * Otherwise `provenBound` and `gap` say how many more meetings could at most exist.
 *
 * Deterministic: every limit is work (search steps, HiGHS nodes and LP iterations, one thread, fixed seeds), so the
 * same input and options give the same schedule on any machine and under any load. `timeLimitMs` is only a
 * last-resort wall-clock cap; `wallClockCapHit` reports when it cut the run short.
 *
 * Throws SchedulingInputError on invalid input. HiGHS solves are synchronous WebAssembly: run this in the worker app
 * (BullMQ job), never in a request handler.
 */
export async function scheduleMeetings(input: ScheduleInput, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  const started = performance.now();
  const capMs = options.timeLimitMs ?? DEFAULT_WALL_CLOCK_CAP_MS;
  const wallDeadline = started + capMs;
  const work = options.work ?? {};
  let steps = 0;
  let wallClockCapHit = false;
  let stopped = false;
  const checkLimits = () => {
    if (!stopped && options.shouldStop?.()) stopped = true;
    if (!wallClockCapHit && performance.now() > wallDeadline) wallClockCapHit = true;
    return stopped || wallClockCapHit;
  };
  /** The heuristic's clock: work steps, not milliseconds (Infinity once stopped or past the wall-clock cap). */
  const now = () => {
    steps++;
    if ((steps & 63) === 0) checkLimits();
    return stopped || wallClockCapHit ? Infinity : steps;
  };
  let best: number | null = null;
  let proven: number | null = null;
  const progress = (fraction: number, name: SchedulePhase) => options.onProgress?.(Math.min(1, Math.max(0, fraction)), name, { best, bound: proven });
  // Phases are synchronous; yielding after each lets the caller's progress writes go out while the run continues.
  const phase = async (fraction: number, name: SchedulePhase) => {
    progress(fraction, name);
    await yieldToEventLoop();
    checkLimits();
  };
  const notes: string[] = [];
  progress(0, 'validate');
  const rerun = input.meetings.some((meeting) => meeting.previous !== undefined);
  const order = objectiveOrder(options.objectiveOrder, rerun && options.minimalDisruption !== false);
  const m = buildModel(input, options.mutualWeight ?? 1 + 1 / (input.meetings.length + 1));
  const rng = new Rng(options.seed ?? 1);
  const who = askers(m);

  await phase(0.05, 'bounds');
  const comb = combinatorialBounds(m);
  proven = Math.min(comb.flow, comb.slot, comb.capacity);

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

  let heuristic: ScheduleState;
  let bound: ScheduleBound;
  let method: ScheduleMethod;
  let searchSteps = 0;
  const searchBudget = work.searchSteps ?? DEFAULT_SEARCH_STEPS;
  if (konigState && !hasPrevious) {
    konigState.commit();
    notes.push('König case (bipartite, full availability, equal tables, caps that cannot bind): the heuristic schedule is provably optimal for (1)');
    await phase(0.3, 'polish');
    const polishEnd = steps + searchBudget;
    improveSlotOrder(konigState, polishEnd, now);
    const blockers = new EjectionSearch(konigState, rng);
    reduceGaps(konigState, polishEnd, now);
    reduceGapsWithSwaps(konigState, (e, t) => blockers.blockers(e, t), polishEnd, now);
    raiseMinimum(konigState, (e, t) => blockers.blockers(e, t), polishEnd, now);
    reduceGaps(konigState, polishEnd, now);
    fillFreeRoom(konigState);
    heuristic = konigState;
    bound = bestBound(comb, null, null);
    method = 'konig';
  } else {
    let lp: number | null = null;
    let weightedLp: number | null = null;
    let guide: Awaited<ReturnType<typeof lpBound>>['columns'] = null;
    if (konigState) {
      notes.push('König case on a re-run: the general method starts from the previous schedule and is kept if it matches the König optimum with fewer moves');
    } else if (options.lpBound !== false) {
      await phase(0.1, 'lp-bound');
      const result = await lpBound(m, null, Math.max(100, wallDeadline - performance.now()));
      lp = result.bound;
      guide = result.columns;
      if (result.note) notes.push(result.note);
      if (lp !== null && options.mutualWeight !== undefined && columnCount(m) <= WEIGHTED_LP_MAX_COLUMNS) {
        const weighted = await lpBound(m, m.weight, Math.max(100, wallDeadline - performance.now()));
        weightedLp = weighted.bound;
        if (weighted.note) notes.push(`weighted ${weighted.note}`);
        if (weighted.columns) guide = weighted.columns;
      }
    } else notes.push('LP bound disabled by options');
    bound = bestBound(comb, lp, weightedLp);
    proven = bound.best;

    await phase(0.2, 'construct');
    const state = new ScheduleState(m);
    placeLocked(state);
    construct(state, rng, guide);
    state.commit();
    best = state.count;

    await phase(0.25, 'search');
    const searchStart = steps;
    const search = new EjectionSearch(state, rng);
    const constructed = state.count;
    await search.run({
      deadline: searchStart + searchBudget,
      upper: konigState ? konigState.count : bound.best,
      weightTarget: konigState ? konigState.weight : weightedLp,
      now,
      tick: (fraction) => progress(0.25 + 0.2 * Math.min(1, fraction), 'search'),
    });
    searchSteps = steps - searchStart;
    method = guide ? 'lp-guided+search' : 'greedy+search';
    let final = state;
    await phase(0.45, 'polish');
    if (konigState && konigState.count > state.count) {
      final = konigState;
      method = 'konig';
      notes.push('the König schedule holds more than the search reached from the previous schedule: kept it');
    }
    const polishEnd = steps + searchBudget;
    const restored = restorePrevious(final);
    const repaired = hasPrevious ? new EjectionSearch(final, rng).repairDisplaced(polishEnd, now) : 0;
    if (restored + repaired > 0) notes.push(`${restored + repaired} meetings moved back to their previous slot after the search`);
    reduceGaps(final, polishEnd, now);
    reduceGapsWithSwaps(final, (e, t) => search.blockers(e, t), polishEnd, now);
    raiseMinimum(final, (e, t) => search.blockers(e, t), polishEnd, now);
    reduceGaps(final, polishEnd, now);
    fillFreeRoom(final);
    notes.push(`heuristic: construction ${constructed} meetings, search ${search.rounds} rounds / ${searchSteps} steps → ${final.count} meetings`);
    heuristic = final;
  }
  best = heuristic.count;
  checkLimits();

  // Exact phase.
  let exact: ExactResult | null = null;
  let chosen = heuristic;
  const heuristicValues = levelValues(heuristic, order, who);
  const konigProof = method === 'konig' && heuristic.count === Math.min(comb.flow, comb.capacity);
  const boundProof = heuristic.count >= bound.best || konigProof;
  if (options.exact !== false && !stopped && !wallClockCapHit) {
    await phase(0.5, 'exact');
    exact = await solveExact(m, heuristic.snapshot(), {
      order,
      first: { lpIterations: work.mipLpIterations ?? DEFAULT_MIP_LP_ITERATIONS, nodes: work.mipNodes ?? DEFAULT_MIP_NODES },
      rest: { lpIterations: work.lowerLpIterations ?? DEFAULT_LOWER_LP_ITERATIONS, nodes: work.lowerNodes ?? DEFAULT_LOWER_NODES },
      wallClockCapMs: Math.max(0, wallDeadline - performance.now()),
      shouldStop: () => {
        if (!stopped && options.shouldStop?.()) stopped = true;
        return stopped;
      },
      requestsKnown: boundProof ? heuristic.count : null,
      maxColumnsForLowerLevels: LOWER_LEVELS_MAX_COLUMNS,
      maxColumnsForGaps: GAPS_MAX_COLUMNS,
      maxColumnsWhenOpen: LOWER_LEVELS_MAX_COLUMNS_WHEN_OPEN,
      onProgress: (level, value, levelBound) => {
        if (level === 'requests') {
          best = Math.max(best ?? 0, value);
          if (levelBound !== null) proven = Math.min(proven ?? Infinity, levelBound);
        }
        progress(0.5 + 0.4 * (order.indexOf(level) + 1) / order.length, 'exact');
      },
    });
    notes.push(...exact.notes);
    if (exact.wallClockCapHit) wallClockCapHit = true;
    if (exact.stopped) stopped = true;
    if (exact.slots) {
      const candidate = stateOf(m, exact.slots);
      // Gap passes never worsen any level (same meetings, nothing leaves its previous slot); keep them if they help.
      const blockers = new EjectionSearch(candidate, rng);
      const polishEnd = steps + searchBudget;
      reduceGaps(candidate, polishEnd, now);
      reduceGapsWithSwaps(candidate, (e, t) => blockers.blockers(e, t), polishEnd, now);
      fillFreeRoom(candidate);
      candidate.commit();
      const polished = levelValues(candidate, order, who);
      const raw = stateOf(m, exact.slots);
      const pick = compareLevels(polished, levelValues(raw, order, who)) >= 0 ? candidate : raw;
      if (compareLevels(levelValues(pick, order, who), heuristicValues) > 0) {
        chosen = pick;
        method = 'mip';
        notes.push(`exact phase improved on the heuristic: levels ${order.join(' > ')} from [${heuristicValues.join(', ')}] to [${levelValues(pick, order, who).join(', ')}]`);
      }
    }
  }
  if (wallClockCapHit) notes.push(`the wall-clock cap (${capMs} ms) cut the run short: this result may depend on machine speed`);
  if (stopped) notes.push('stopped early by the organiser: the best schedule found so far');

  const exactBound = exact?.requestsBound ?? null;
  const provenBound = Math.max(chosen.count, Math.min(bound.best, exactBound ?? Infinity));
  let proof: ResultExtras['proof'] = null;
  const solverProved = exact !== null && exact.requestsProven && exact.levels[0]?.status !== 'proven by bound';
  if (solverProved || (exactBound !== null && chosen.count >= exactBound && chosen.count < bound.best)) proof = 'mip';
  else if (chosen.count >= bound.best || konigProof) proof = 'bound';
  await phase(0.95, 'explain');
  const explanations = options.explain === false ? null : explainUnscheduled(chosen, input, (t) => input.slots.find((s) => s.id === m.slotIds[t])?.minutes ?? 20);
  progress(1, 'done');
  const extras: ResultExtras = {
    proof,
    provenBound,
    objective: order,
    levels: exact?.levels ?? [],
    wallClockCapHit,
    stopped,
    work: {
      searchSteps,
      mipNodes: (exact?.levels ?? []).reduce((sum, l) => sum + l.nodes, 0),
      mipLpIterations: (exact?.levels ?? []).reduce((sum, l) => sum + l.lpIterations, 0),
    },
    explanations,
  };
  return buildResult(chosen, bound, method, extras, started, performance.now(), notes);
}

/**
 * Plain greedy baseline (most constrained meeting first, earliest feasible slot) for comparison in benchmarks.
 * Same validation and result shape; LP bound only when `lpBound: true` is passed.
 */
export async function greedySchedule(input: ScheduleInput, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  const started = performance.now();
  const m = buildModel(input, options.mutualWeight ?? 1 + 1 / (input.meetings.length + 1));
  const order = objectiveOrder(options.objectiveOrder);
  options.onProgress?.(0, 'validate', { best: null, bound: null });
  const comb = combinatorialBounds(m);
  let lp: number | null = null;
  const notes: string[] = [];
  if (options.lpBound === true) {
    const result = await lpBound(m, null, options.timeLimitMs ?? DEFAULT_WALL_CLOCK_CAP_MS);
    lp = result.bound;
    if (result.note) notes.push(result.note);
  }
  const state = new ScheduleState(m);
  placeLocked(state);
  greedyFill(state, new Rng(options.seed ?? 1));
  state.commit();
  const bound = bestBound(comb, lp, null);
  options.onProgress?.(1, 'done', { best: state.count, bound: bound.best });
  return buildResult(state, bound, 'greedy', {
    proof: state.count >= bound.best ? 'bound' : null, provenBound: bound.best, objective: order, levels: [], wallClockCapHit: false, stopped: false,
    work: { searchSteps: 0, mipNodes: 0, mipLpIterations: 0 }, explanations: null,
  }, started, performance.now(), notes);
}
