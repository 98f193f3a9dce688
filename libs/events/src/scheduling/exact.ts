import type { Highs, ModelData } from 'highs';
import { loadHighs } from './lp-bound';
import type { Model } from './model';
import { askers, levelValue } from './objective';
import type { ExactLevelReport, ObjectiveLevel } from './scheduling.types';
import { placeLocked } from './greedy';
import { ScheduleState } from './state';

/**
 * Exact lexicographic optimisation with HiGHS on the time-indexed model, level by level.
 *
 * Columns x[e,t] ∈ {0,1} for meeting e and a common slot t with tables (a locked meeting only its locked slot, fixed
 * to 1). Rows: each meeting at most once; each participant at most once per slot; at most `tables` meetings per slot;
 * per participant and session at most the cap; per participant at most the overall cap. Tables are interchangeable:
 * the model counts meetings per slot and never names a table (any k ≤ T meetings of a slot fit T tables, numbered
 * afterwards), so there is no table symmetry at all.
 *
 * Level k is solved with the levels before it fixed at their values (the proven optimum, or the best value found
 * when the work limit stopped the solve first, so nothing already achieved is ever given up). Every level is
 * warm-started with the best schedule so far (the heuristic's for level 1), passed to HiGHS as a starting solution.
 *
 * Limits are solver work, not time: a node limit (`mip_max_nodes`) and an LP-iteration budget enforced from HiGHS's
 * interrupt callbacks, a fixed random seed, so the same input gives the same schedule on any machine and
 * under any load. A wall-clock cap exists only as a last resort; hitting it is reported.
 */

export interface ExactWork {
  /** LP (simplex) iterations per level; the deterministic work limit. */
  lpIterations: number;
  /** Branch-and-bound nodes per level. */
  nodes: number;
}

export interface ExactOptions {
  order: readonly ObjectiveLevel[];
  /** Work per level: `requests` gets `first`, every later level `rest`. */
  first: ExactWork;
  rest: ExactWork;
  /** Last-resort wall-clock cap for the whole exact phase (ms). */
  wallClockCapMs: number;
  /** Checked at every solver checkpoint: true stops the solve and keeps the best schedule found. */
  shouldStop?: () => boolean;
  /** Called after each level and at each new incumbent of level (1). */
  onProgress?: (level: ObjectiveLevel, best: number, bound: number | null) => void;
  /** Objective (1) already proven optimal at this value (the count reached a certified bound): not solved again. */
  requestsKnown: number | null;
  /** Levels after (1) are skipped on models with more columns than this (their solves would not get anywhere). */
  maxColumnsForLowerLevels: number;
  /** The same for the gaps level, whose model adds three columns per participant and position. */
  maxColumnsForGaps: number;
  /** The same when level (1) was not proven. */
  maxColumnsWhenOpen: number;
}

export interface ExactResult {
  /** Slot per meeting (-1 = not scheduled), verified feasible here; null when no level produced a verified schedule. */
  slots: Int32Array | null;
  levels: ExactLevelReport[];
  /** HiGHS's proven upper bound on objective (1), ⌊dual bound⌋, or null when level (1) was not solved. */
  requestsBound: number | null;
  /** Level (1) proven optimal by HiGHS (status optimal, incumbent verified). */
  requestsProven: boolean;
  wallClockCapHit: boolean;
  stopped: boolean;
  notes: string[];
}

interface Row {
  idx: number[];
  val: number[];
  lo: number;
  hi: number;
}

interface Built {
  data: ModelData;
  /** Number of x columns (they come first). */
  nx: number;
  colE: Int32Array;
  colT: Int32Array;
  /** Aux columns' values for a given schedule (the warm start). */
  start: (slots: Int32Array) => Float64Array;
  /** The objective's value for a given schedule, in the direction solved (maximise). */
  objective: (slots: Int32Array) => number;
}

interface GapBlock {
  /** First aux column of this participant-session: u, v, g for each position. */
  base: number;
  p: number;
  /** x columns per position (index = position - lo). */
  cols: number[][];
}

/** The base time-indexed columns and rows (shared by every level). */
function baseModel(m: Model): { colE: number[]; colT: number[]; rows: Row[]; byPerson: number[][] } {
  const colE: number[] = [];
  const colT: number[] = [];
  const byMeeting: number[][] = [];
  const byPersonSlot = new Map<number, number[]>();
  const bySlot: number[][] = Array.from({ length: m.S }, () => []);
  const byPersonSession = new Map<number, number[]>();
  const byPerson: number[][] = Array.from({ length: m.P }, () => []);
  const push = (map: Map<number, number[]>, key: number, k: number) => {
    const list = map.get(key);
    if (list) list.push(k);
    else map.set(key, [k]);
  };
  const ns = Math.max(1, m.sessionCount);
  for (let e = 0; e < m.E; e++) {
    const own: number[] = [];
    for (const t of m.cand[e]) {
      if (m.tables[t] === 0) continue;
      if (m.lockedSlot[e] >= 0 && m.lockedSlot[e] !== t) continue;
      const k = colE.length;
      colE.push(e);
      colT.push(t);
      own.push(k);
      bySlot[t].push(k);
      for (const p of [m.ma[e], m.mb[e]]) {
        push(byPersonSlot, p * m.S + t, k);
        push(byPersonSession, p * ns + m.slotSession[t], k);
        byPerson[p].push(k);
      }
    }
    byMeeting.push(own);
  }
  const rows: Row[] = [];
  const le = (idx: number[], hi: number) => rows.push({ idx, val: idx.map(() => 1), lo: -Infinity, hi });
  for (const cols of byMeeting) if (cols.length > 1) le(cols, 1);
  for (const cols of byPersonSlot.values()) if (cols.length > 1) le(cols, 1);
  bySlot.forEach((cols, t) => {
    if (cols.length > m.tables[t]) le(cols, m.tables[t]);
  });
  for (const [key, cols] of byPersonSession) if (cols.length > m.capSession[key]) le(cols, m.capSession[key]);
  byPerson.forEach((cols, p) => {
    if (cols.length > m.capTotal[p]) le(cols, m.capTotal[p]);
  });
  return { colE, colT, rows, byPerson };
}

/**
 * Gap blocks: per participant and session where two or more meetings are possible, positions lo..hi of its candidate
 * slots. u_i (started by i) ≥ y_i, u_i ≥ u_{i-1}; v_i (not finished by i) ≥ y_i, v_i ≥ v_{i+1};
 * g_i ≥ u_i + v_i − 1 − y_i, g_i ≥ 0. With y integer the least u, v, g are integral and Σ g is exactly the idle
 * positions between the first and the last meeting (what `participantGaps` counts).
 */
function gapBlocks(m: Model, colE: number[], colT: number[], byPerson: number[][], firstAux: number): GapBlock[] {
  const blocks: GapBlock[] = [];
  let next = firstAux;
  const ns = Math.max(1, m.sessionCount);
  for (let p = 0; p < m.P; p++) {
    for (let s = 0; s < m.sessionCount; s++) {
      if (m.capSession[p * ns + s] < 2 || m.capTotal[p] < 2) continue;
      const mine = byPerson[p].filter((k) => m.slotSession[colT[k]] === s);
      const positions = new Set(mine.map((k) => m.slotPos[colT[k]]));
      if (positions.size < 2 || new Set(mine.map((k) => colE[k])).size < 2) continue;
      const lo = Math.min(...positions);
      const hi = Math.max(...positions);
      const cols: number[][] = Array.from({ length: hi - lo + 1 }, () => []);
      for (const k of mine) cols[m.slotPos[colT[k]] - lo].push(k);
      blocks.push({ base: next, p, cols });
      next += 3 * cols.length;
    }
  }
  return blocks;
}

/** The model for one level: base rows, the earlier levels fixed, this level's objective (maximised). */
function buildLevel(
  m: Model,
  highs: Highs,
  level: ObjectiveLevel,
  fixed: readonly { level: ObjectiveLevel; value: number }[],
  who: readonly number[],
): Built {
  const { colE, colT, rows, byPerson } = baseModel(m);
  const nx = colE.length;
  const needGaps = level === 'gaps' || fixed.some((f) => f.level === 'gaps');
  const needZ = level === 'fairness';
  const blocks = needGaps ? gapBlocks(m, colE, colT, byPerson, nx) : [];
  let n = nx;
  for (const b of blocks) n += 3 * b.cols.length;
  const zCol = needZ ? n++ : -1;

  const allRows = [...rows];
  for (const b of blocks) {
    const L = b.cols.length;
    for (let i = 0; i < L; i++) {
      const u = b.base + 3 * i;
      const v = u + 1;
      const g = u + 2;
      const y = b.cols[i];
      // u_i - y_i >= 0, v_i - y_i >= 0
      allRows.push({ idx: [u, ...y], val: [1, ...y.map(() => -1)], lo: 0, hi: Infinity });
      allRows.push({ idx: [v, ...y], val: [1, ...y.map(() => -1)], lo: 0, hi: Infinity });
      if (i > 0) allRows.push({ idx: [u, u - 3], val: [1, -1], lo: 0, hi: Infinity });
      if (i < L - 1) allRows.push({ idx: [v, v + 3], val: [1, -1], lo: 0, hi: Infinity });
      // g_i - u_i - v_i + y_i >= -1
      allRows.push({ idx: [g, u, v, ...y], val: [1, -1, -1, ...y.map(() => 1)], lo: -1, hi: Infinity });
    }
  }
  const gapCols = (): number[] => blocks.flatMap((b) => b.cols.map((_, i) => b.base + 3 * i + 2));
  const levelTerms = (l: ObjectiveLevel): { idx: number[]; val: number[] } | null => {
    switch (l) {
      case 'requests': {
        const idx = Array.from({ length: nx }, (_, k) => k);
        return { idx, val: idx.map(() => 1) };
      }
      case 'mutual': {
        const idx: number[] = [];
        for (let k = 0; k < nx; k++) if (m.mutual[colE[k]]) idx.push(k);
        return { idx, val: idx.map(() => 1) };
      }
      case 'changes': {
        // Kept = meetings in their previous slot; maximising kept = minimising changes (−moved = kept − #previous).
        const idx: number[] = [];
        for (let k = 0; k < nx; k++) if (m.hadPrevious[colE[k]] && m.prevSlot[colE[k]] === colT[k]) idx.push(k);
        return { idx, val: idx.map(() => 1) };
      }
      case 'gaps': {
        const idx = gapCols();
        return { idx, val: idx.map(() => -1) };
      }
      case 'fairness':
        return null;
    }
  };
  let previous = 0;
  for (let e = 0; e < m.E; e++) previous += m.hadPrevious[e];
  for (const f of fixed) {
    if (f.level === 'fairness') {
      // min over askers ≥ value: every asker keeps at least `value` meetings.
      if (f.value > 0) for (const p of who) allRows.push({ idx: byPerson[p], val: byPerson[p].map(() => 1), lo: f.value, hi: Infinity });
      continue;
    }
    const terms = levelTerms(f.level);
    if (!terms) continue;
    // Values are in "maximise" terms: changes = kept − previous, gaps = −Σ g.
    const rhs = f.level === 'changes' ? f.value + previous : f.value;
    allRows.push({ idx: terms.idx, val: terms.val, lo: rhs - 1e-6, hi: Infinity });
  }
  const cost = new Float64Array(n);
  if (level === 'fairness') {
    cost[zCol] = 1;
    for (const p of who) allRows.push({ idx: [zCol, ...byPerson[p]], val: [1, ...byPerson[p].map(() => -1)], lo: -Infinity, hi: 0 });
  } else {
    const terms = levelTerms(level);
    if (terms) terms.idx.forEach((k, i) => (cost[k] += terms.val[i]));
  }
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n).fill(1);
  for (let k = 0; k < nx; k++) if (m.lockedSlot[colE[k]] === colT[k]) colLower[k] = 1;
  if (zCol >= 0) colUpper[zCol] = m.E;
  const integrality = new Int32Array(n);
  for (let k = 0; k < nx; k++) integrality[k] = 1;

  const starts = new Int32Array(allRows.length + 1);
  let nnz = 0;
  allRows.forEach((r, i) => {
    nnz += r.idx.length;
    starts[i + 1] = nnz;
  });
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  for (const r of allRows) {
    for (let j = 0; j < r.idx.length; j++) {
      indices[at] = r.idx[j];
      values[at++] = r.val[j];
    }
  }
  const inf = highs.infinity;
  const data: ModelData = {
    numCols: n,
    numRows: allRows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(allRows, (r) => (r.lo === -Infinity ? -inf : r.lo)),
    rowUpper: Float64Array.from(allRows, (r) => (r.hi === Infinity ? inf : r.hi)),
    matrix: { format: 'csr', numRows: allRows.length, numCols: n, starts, indices, values },
    integrality,
  };
  const colOf = new Map<number, number>();
  for (let k = 0; k < nx; k++) colOf.set(colE[k] * m.S + colT[k], k);
  const start = (slots: Int32Array): Float64Array => {
    const x = new Float64Array(n);
    for (let e = 0; e < m.E; e++) {
      if (slots[e] < 0) continue;
      const k = colOf.get(e * m.S + slots[e]);
      if (k !== undefined) x[k] = 1;
    }
    for (const b of blocks) {
      const y = b.cols.map((cols) => cols.reduce((sum, k) => sum + x[k], 0));
      const L = y.length;
      let u = 0;
      for (let i = 0; i < L; i++) {
        u = Math.max(u, y[i]);
        x[b.base + 3 * i] = u;
      }
      let v = 0;
      for (let i = L - 1; i >= 0; i--) {
        v = Math.max(v, y[i]);
        x[b.base + 3 * i + 1] = v;
      }
      for (let i = 0; i < L; i++) x[b.base + 3 * i + 2] = Math.max(0, x[b.base + 3 * i] + x[b.base + 3 * i + 1] - 1 - y[i]);
    }
    if (zCol >= 0) {
      let z = Infinity;
      for (const p of who) z = Math.min(z, byPerson[p].reduce((sum, k) => sum + x[k], 0));
      x[zCol] = Number.isFinite(z) ? z : 0;
    }
    return x;
  };
  const objective = (slots: Int32Array): number => {
    const x = start(slots);
    let value = 0;
    for (let k = 0; k < n; k++) value += cost[k] * x[k];
    return value;
  };
  return { data, nx, colE: Int32Array.from(colE), colT: Int32Array.from(colT), start, objective };
}

/** The schedule of a column vector, checked constraint by constraint here (null if HiGHS's answer is not feasible). */
export function verifiedSlots(m: Model, colE: Int32Array, colT: Int32Array, x: Float64Array): Int32Array | null {
  const state = new ScheduleState(m);
  placeLocked(state);
  for (let k = 0; k < colE.length; k++) {
    if (x[k] < 0.5) continue;
    const e = colE[k];
    const t = colT[k];
    if (state.slotOf[e] === t && m.lockedSlot[e] === t) continue;
    if (state.slotOf[e] >= 0 || !state.canPlace(e, t)) return null;
    state.setSlot(e, t);
  }
  for (let e = 0; e < m.E; e++) if (m.lockedSlot[e] >= 0 && state.slotOf[e] !== m.lockedSlot[e]) return null;
  return state.snapshot();
}

/** The state of a slot vector (assumed feasible). */
export function stateOf(m: Model, slots: Int32Array): ScheduleState {
  const state = new ScheduleState(m);
  state.restore(slots);
  return state;
}

export function columnCount(m: Model): number {
  let n = 0;
  for (let e = 0; e < m.E; e++) {
    for (const t of m.cand[e]) if (m.tables[t] > 0 && (m.lockedSlot[e] < 0 || m.lockedSlot[e] === t)) n++;
  }
  return n;
}

interface LevelSolve {
  x: Float64Array | null;
  status: number;
  dualBound: number | null;
  nodes: number;
  lpIterations: number;
  interruptedBy: 'work' | 'stop' | 'wall-clock' | null;
}

function solveLevel(highs: Highs, built: Built, warm: Int32Array, work: ExactWork, capSeconds: number, shouldStop: () => boolean, onIncumbent?: (value: number, bound: number | null) => void): LevelSolve {
  let interruptedBy: LevelSolve['interruptedBy'] = null;
  let lastIterations = 0;
  return highs.withModel(built.data, (model) => {
    model.options.set({
      output_flag: false,
      log_to_console: false,
      random_seed: 1,
      mip_rel_gap: 0,
      // Every level's objective is integral on integral schedules: a gap below 1 proves optimality.
      mip_abs_gap: 0.99,
      mip_max_nodes: work.nodes,
      time_limit: Math.max(0.1, capSeconds),
    });
    model.setSolution({ colValue: built.start(warm) });
    const lpCheck = (iterations: number, event: { interrupt(): void }) => {
      if (shouldStop()) {
        interruptedBy = 'stop';
        event.interrupt();
      } else if (iterations > work.lpIterations) {
        interruptedBy = 'work';
        event.interrupt();
      }
    };
    const types = highs.constants.callbackType;
    model.run({
      [types.mipInterrupt](event) {
        const it = Number(event.data.mip_total_lp_iterations ?? 0);
        lastIterations = it;
        lpCheck(it, event);
      },
      [types.simplexInterrupt](event) {
        lpCheck(lastIterations + Number(event.data.simplex_iteration_count ?? 0), event);
      },
      [types.mipImprovingSolution](event) {
        const value = event.data.objective_function_value;
        const bound = event.data.mip_dual_bound;
        if (typeof value === 'number') onIncumbent?.(value, typeof bound === 'number' && Number.isFinite(bound) ? bound : null);
      },
    });
    const status = model.getModelStatus();
    if (status === highs.constants.modelStatus.timeLimit) interruptedBy = 'wall-clock';
    const hasPrimal = Number(model.info.get('primal_solution_status')) === 2;
    const bound = Number(model.info.get('mip_dual_bound'));
    return {
      x: hasPrimal ? model.getSolution().colValue : null,
      status,
      dualBound: Number.isFinite(bound) ? bound : null,
      nodes: Number(model.info.get('mip_node_count')),
      lpIterations: Number(model.info.get('simplex_iteration_count')),
      interruptedBy,
    };
  });
}

const STATUS_NAMES: Record<number, string> = { 7: 'optimal', 8: 'infeasible', 13: 'time limit', 14: 'iteration limit', 15: 'unknown', 17: 'interrupted' };

/**
 * Runs the levels in order from the starting schedule `warm` (feasible, e.g. the heuristic's). Returns the best
 * verified schedule and per-level reports. Never throws for solver trouble: a level that fails keeps the schedule
 * of the level before.
 */
export async function solveExact(m: Model, warm: Int32Array, options: ExactOptions): Promise<ExactResult> {
  const notes: string[] = [];
  const levels: ExactLevelReport[] = [];
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch (error) {
    return { slots: null, levels, requestsBound: null, requestsProven: false, wallClockCapHit: false, stopped: false, notes: [`exact MIP unavailable: HiGHS did not load (${String(error)})`] };
  }
  const started = performance.now();
  const who = askers(m);
  const fixed: { level: ObjectiveLevel; value: number }[] = [];
  let best: Int32Array = Int32Array.from(warm);
  let requestsBound: number | null = null;
  let requestsProven = false;
  let wallClockCapHit = false;
  let stopped = false;
  const ncols = columnCount(m);
  for (const level of options.order) {
    // Between levels, let the caller's I/O run (progress writes, a stop request read from the database).
    await new Promise((resolve) => setImmediate(resolve));
    if (level === 'changes' && !m.hadPrevious.some((x) => x === 1)) continue;
    if (level === 'requests' && options.requestsKnown !== null) {
      levels.push({ level, value: options.requestsKnown, bound: options.requestsKnown, proven: true, status: 'proven by bound', nodes: 0, lpIterations: 0 });
      requestsBound = options.requestsKnown;
      requestsProven = true;
      fixed.push({ level, value: options.requestsKnown });
      continue;
    }
    // When level (1) stayed open on a big model, the lower levels (which carry it as a dense row) would not get
    // anywhere either: they come from the heuristic passes.
    const limit = level === 'gaps' ? options.maxColumnsForGaps : requestsProven ? options.maxColumnsForLowerLevels : options.maxColumnsWhenOpen;
    if (level !== 'requests' && ncols > limit) {
      levels.push({ level, value: levelValue(stateOf(m, best), level, who), bound: null, proven: false, status: `skipped (${ncols} columns > ${limit}${requestsProven || level === 'gaps' ? '' : ', level (1) open'}: heuristic passes only)`, nodes: 0, lpIterations: 0 });
      fixed.push({ level, value: levelValue(stateOf(m, best), level, who) });
      continue;
    }
    const capLeft = options.wallClockCapMs - (performance.now() - started);
    if (stopped || capLeft <= 0) {
      if (capLeft <= 0) wallClockCapHit = true;
      const value = levelValue(stateOf(m, best), level, who);
      levels.push({ level, value, bound: null, proven: false, status: stopped ? 'not run (stopped)' : 'not run (wall-clock cap)', nodes: 0, lpIterations: 0 });
      fixed.push({ level, value });
      continue;
    }
    const built = buildLevel(m, highs, level, fixed, who);
    const warmValue = built.objective(best);
    let solve: LevelSolve;
    try {
      solve = solveLevel(highs, built, best, level === 'requests' ? options.first : options.rest, capLeft / 1000, () => options.shouldStop?.() ?? false,
        level === 'requests' ? (value, bound) => options.onProgress?.(level, Math.round(value), bound === null ? null : Math.floor(bound + 1e-6)) : undefined);
    } catch (error) {
      notes.push(`exact MIP level ${level}: HiGHS failed (${String(error)})`);
      const value = levelValue(stateOf(m, best), level, who);
      levels.push({ level, value, bound: null, proven: false, status: 'solver error', nodes: 0, lpIterations: 0 });
      fixed.push({ level, value });
      continue;
    }
    if (solve.interruptedBy === 'stop') stopped = true;
    if (solve.interruptedBy === 'wall-clock') wallClockCapHit = true;
    let candidate: Int32Array | null = null;
    if (solve.x) {
      candidate = verifiedSlots(m, built.colE, built.colT, solve.x);
      if (!candidate) notes.push(`exact MIP level ${level}: HiGHS's schedule failed the feasibility check; kept the previous one`);
    }
    // Accept the solver's schedule only when it is at least as good on this level (earlier levels hold by the rows).
    if (candidate && built.objective(candidate) >= warmValue - 1e-6) best = candidate;
    const state = stateOf(m, best);
    const value = levelValue(state, level, who);
    // Bound on this level in "maximise" units; for changes convert kept to −moved.
    let previousCount = 0;
    for (let e = 0; e < m.E; e++) previousCount += m.hadPrevious[e];
    const rawBound = solve.dualBound === null ? null : Math.floor(solve.dualBound + 1e-6);
    const bound = rawBound === null ? null : level === 'changes' ? rawBound - previousCount : rawBound;
    const optimalStatus = solve.status === highs.constants.modelStatus.optimal;
    const proven = (optimalStatus && candidate !== null && best === candidate) || (bound !== null && value >= bound);
    levels.push({
      level, value, bound: bound === null ? null : Math.max(bound, value), proven,
      status: `${STATUS_NAMES[solve.status] ?? `status ${solve.status}`}${solve.interruptedBy ? ` (${solve.interruptedBy} limit)` : ''}`,
      nodes: solve.nodes, lpIterations: solve.lpIterations,
    });
    if (level === 'requests') {
      requestsBound = bound === null ? null : Math.max(bound, value);
      requestsProven = proven;
    }
    options.onProgress?.(level, value, bound);
    fixed.push({ level, value });
  }
  return { slots: best, levels, requestsBound, requestsProven, wallClockCapHit, stopped, notes };
}
