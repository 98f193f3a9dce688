import highsLoader, { type Highs } from 'highs';
import type { Model } from './model';

let highsPromise: Promise<Highs> | undefined;

/** HiGHS is WebAssembly with an async initialisation: load it once per process and share the instance. */
export function loadHighs(): Promise<Highs> {
  highsPromise ??= highsLoader().catch((error: unknown) => {
    highsPromise = undefined;
    throw error;
  });
  return highsPromise;
}

export interface LpBoundResult {
  /** ⌊certified LP value⌋, or null when HiGHS failed or ran out of time. */
  bound: number | null;
  /** LP solution per column (meeting, slot), when solved; guides the construction. */
  columns: { e: Int32Array; t: Int32Array; x: Float64Array } | null;
  note: string | null;
}

interface Row {
  cols: number[];
  rhs: number;
}

/** Column names for the General (integer) section, a few per line. */
function nameLines(cols: number[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < cols.length; i += TERMS_PER_LINE) lines.push(` ${cols.slice(i, i + TERMS_PER_LINE).map((k) => `x${k}`).join(' ')}`);
  return lines;
}

/** Terms per line: HiGHS reads LP files line by line and long lines are a known source of trouble. */
const TERMS_PER_LINE = 8;

function linearLines(cols: number[], coef: ((k: number) => number) | null): string[] {
  const lines: string[] = [];
  for (let i = 0; i < cols.length; i += TERMS_PER_LINE) {
    const terms = cols.slice(i, i + TERMS_PER_LINE).map((k, j) => `${i + j === 0 ? '' : '+ '}${coef ? `${coef(k)} ` : ''}x${k}`);
    lines.push(` ${terms.join(' ')}`);
  }
  return lines;
}

/**
 * LP relaxation of the time-indexed model: x[e,t] ∈ [0,1] for each meeting e and common slot t with tables;
 * Σ_t x[e,t] ≤ 1; per participant and slot Σ ≤ 1; per slot Σ ≤ tables; per participant and session Σ ≤ cap;
 * overall Σ ≤ capTotal; locked meetings fixed to 1. Maximise Σ c_e x[e,t] (c = 1 for the count bound).
 *
 * The reported bound is not HiGHS's objective value but a dual certificate recomputed here: for any y ≥ 0,
 * yᵀb + Σ_j max(0, c_j − (Aᵀy)_j)·u_j (+ fixed columns) ≥ every feasible objective, so tolerances in the solver cannot
 * make the bound unsound. Solved with HiGHS's interior-point method without crossover through the persistent API
 * (about 1 s on the 500-participant bench model, against 3-5 s with crossover or simplex): its dual iterate, once
 * certified, is all the bound needs.
 */
interface TimeIndexedModel {
  text: string;
  rows: Row[];
  colE: number[];
  colT: number[];
  cost: (k: number) => number;
  lower: (k: number) => number;
  n: number;
}

/** The time-indexed model in CPLEX LP format (columns x0..x{n-1} in order of appearance, rows in `rows` order). */
function timeIndexedModel(m: Model, weights: ((e: number, t: number) => number) | null, integer: boolean): TimeIndexedModel {
  const colE: number[] = [];
  const colT: number[] = [];
  const byMeeting: number[][] = [];
  const byPersonSlot = new Map<number, number[]>();
  const bySlot: number[][] = Array.from({ length: m.S }, () => []);
  const byPersonSession = new Map<number, number[]>();
  const byPerson: number[][] = Array.from({ length: m.P }, () => []);
  const push = <K>(map: Map<K, number[]>, key: K, k: number) => {
    const list = map.get(key);
    if (list) list.push(k);
    else map.set(key, [k]);
  };
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
        push(byPersonSession, p * m.sessionCount + m.slotSession[t], k);
        byPerson[p].push(k);
      }
    }
    byMeeting.push(own);
  }
  const n = colE.length;
  const rows: Row[] = [];
  for (const cols of byMeeting) if (cols.length > 1) rows.push({ cols, rhs: 1 });
  for (const cols of byPersonSlot.values()) if (cols.length > 1) rows.push({ cols, rhs: 1 });
  bySlot.forEach((cols, t) => {
    if (cols.length > m.tables[t]) rows.push({ cols, rhs: m.tables[t] });
  });
  for (const [key, cols] of byPersonSession) {
    const cap = m.capSession[key];
    if (cols.length > cap) rows.push({ cols, rhs: cap });
  }
  byPerson.forEach((cols, p) => {
    if (cols.length > m.capTotal[p]) rows.push({ cols, rhs: m.capTotal[p] });
  });
  const cost = (k: number) => (weights ? weights(colE[k], colT[k]) : 1);
  const lower = (k: number) => (m.lockedSlot[colE[k]] === colT[k] ? 1 : 0);
  const allCols = Array.from({ length: n }, (_, k) => k);
  const text = [
    'Maximize',
    ' obj:',
    ...linearLines(allCols, weights ? cost : null),
    'Subject To',
    ...rows.flatMap((row, i) => [` r${i}:`, ...linearLines(row.cols, null), ` <= ${row.rhs}`]),
    'Bounds',
    ...allCols.map((k) => ` ${lower(k)} <= x${k} <= 1`),
    ...(integer ? ['General', ...nameLines(allCols)] : []),
    'End',
    '',
  ].join('\n');
  return { text, rows, colE, colT, cost, lower, n };

}

export async function lpBound(m: Model, weights: Float64Array | null, timeLimitMs: number): Promise<LpBoundResult> {
  const { text, rows, colE, colT, cost, lower, n } = timeIndexedModel(m, weights ? (e) => weights[e] : null, false);
  if (n === 0) return { bound: 0, columns: { e: new Int32Array(0), t: new Int32Array(0), x: new Float64Array(0) }, note: null };
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch (error) {
    return { bound: null, columns: null, note: `LP bound unavailable: HiGHS did not load (${String(error)})` };
  }
  let solved: { status: number; rowDual: Float64Array; colValue: Float64Array };
  try {
    solved = highs.withModel({ format: 'lp', data: text }, (model) => {
      // Work limit (IPM iterations), one thread, fixed seed: deterministic; the time limit is only a last-resort cap.
      model.options.set({ solver: 'ipm', run_crossover: 'off', ipm_iteration_limit: 400, random_seed: 1, time_limit: Math.max(0.05, timeLimitMs / 1000), output_flag: false, log_to_console: false });
      model.run();
      const solution = model.getSolution();
      return { status: model.getModelStatus(), rowDual: solution.rowDual, colValue: solution.colValue };
    });
  } catch (error) {
    return { bound: null, columns: null, note: `LP bound unavailable: HiGHS failed (${String(error)})` };
  }
  // 7 = optimal; 15 = "unknown", which the interior-point method reports without crossover even when it converged
  // (its dual iterate is what we need, and the certificate below makes any dual iterate safe to use).
  if (solved.status !== highs.constants.modelStatus.optimal && solved.status !== highs.constants.modelStatus.unknown) {
    const why = solved.status === highs.constants.modelStatus.timeLimit ? `time limit ${Math.round(timeLimitMs)} ms reached` : `model status ${solved.status}`;
    return { bound: null, columns: null, note: `LP bound unavailable: HiGHS stopped (${why})` };
  }
  const duals = solved.rowDual;
  if (duals.length !== rows.length || duals.some((d) => !Number.isFinite(d))) {
    return { bound: null, columns: null, note: 'LP bound unavailable: HiGHS returned no dual solution' };
  }
  const certify = (sign: number): number => {
    const reduced = new Float64Array(n);
    for (let k = 0; k < n; k++) reduced[k] = cost(k);
    let value = 0;
    rows.forEach((row, i) => {
      const y = Math.max(0, sign * duals[i]);
      if (y === 0) return;
      value += y * row.rhs;
      for (const k of row.cols) reduced[k] -= y;
    });
    for (let k = 0; k < n; k++) value += reduced[k] > 0 ? reduced[k] : reduced[k] * lower(k);
    return value;
  };
  // The sign convention of row duals differs between solvers and senses; both signs give valid bounds, keep the lower.
  const certified = Math.min(certify(1), certify(-1));
  if (!Number.isFinite(certified)) return { bound: null, columns: null, note: 'LP bound unavailable: no finite dual certificate' };
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) x[k] = Number.isFinite(solved.colValue[k]) ? solved.colValue[k] : 0;
  return {
    bound: Math.floor(certified + 1e-6),
    columns: { e: Int32Array.from(colE), t: Int32Array.from(colT), x },
    note: null,
  };
}
