import { performance } from 'node:perf_hooks';
import { greedySchedule, mulberry32, scheduleMeetings, type ScheduleInput, type ScheduleMeeting, type ScheduleResult } from '@app/events';

/**
 * npm run bench:scheduler [-- --instances 10 --big 5 --time 8000 --family name --mutual-weight 2 --verbose]
 * Seeded instance families for the meeting scheduler; per instance: meetings, scheduled, the bounds (⌊LP⌋ and the
 * combinatorial min(flow, slot, capacity)), ratio = scheduled / best bound, the plain greedy's ratio against the
 * same bound, runtime. Then per family the average and worst ratio. Prints figures only; it asserts nothing.
 */
const args = process.argv.slice(2);
const INSTANCES = Number(valueOf('--instances') ?? 10);
const BIG = Number(valueOf('--big') ?? 5);
const TIME = Number(valueOf('--time') ?? 8000);
const ONLY = valueOf('--family');
const VERBOSE = args.includes('--verbose');
const MUTUAL_WEIGHT = Number(valueOf('--mutual-weight') ?? 2);

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

const rng = mulberry32;

interface FamilySpec {
  name: string;
  count: number;
  /** Bipartite sides (companies, creatives); `peers` instead makes everyone meet anyone (non-bipartite). */
  sides?: [number, number];
  peers?: number;
  slots: number;
  sessions: number;
  tables: number;
  meetings: number;
  availability: number;
  capPerSession: number;
  mutualShare: number;
}

function generate(spec: FamilySpec, seed: number): ScheduleInput {
  const random = rng(seed);
  const perSession = Math.ceil(spec.slots / spec.sessions);
  const slots = Array.from({ length: spec.slots }, (_, i) => ({
    id: `s${i}`, sessionId: `session${Math.floor(i / perSession)}`, index: i, tables: spec.tables,
  }));
  const [left, right] = spec.sides ?? [spec.peers ?? 0, 0];
  const P = left + right;
  const participants = Array.from({ length: P }, (_, p) => {
    const ids = slots.map((s) => s.id);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    const available = spec.availability >= 1 ? ids : ids.slice(0, Math.max(1, Math.round(spec.slots * spec.availability)));
    return { id: `p${p}`, available, capPerSession: spec.capPerSession };
  });
  const meetings: ScheduleMeeting[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (meetings.length < spec.meetings && guard++ < spec.meetings * 50) {
    let a: number;
    let b: number;
    if (spec.sides) {
      a = Math.floor(random() * left);
      b = left + Math.floor(random() * right);
    } else {
      a = Math.floor(random() * P);
      b = Math.floor(random() * P);
      if (a === b) continue;
      if (a > b) [a, b] = [b, a];
    }
    const key = `${a}-${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    meetings.push({ id: `m${meetings.length}`, a: `p${a}`, b: `p${b}`, mutual: random() < spec.mutualShare });
  }
  return { slots, participants, meetings };
}

const FAMILIES: FamilySpec[] = [
  { name: '500p-50%-tables-loose', count: BIG, sides: [200, 300], slots: 20, sessions: 2, tables: 150, meetings: 2500, availability: 0.5, capPerSession: 8, mutualShare: 0.3 },
  { name: '500p-50%-tables-binding', count: BIG, sides: [200, 300], slots: 20, sessions: 2, tables: 85, meetings: 2500, availability: 0.5, capPerSession: 8, mutualShare: 0.3 },
  { name: 'konig-full-avail', count: INSTANCES, sides: [60, 120], slots: 12, sessions: 1, tables: 50, meetings: 900, availability: 1, capPerSession: 10, mutualShare: 0.3 },
  { name: 'small-70%-avail', count: INSTANCES, sides: [15, 35], slots: 10, sessions: 2, tables: 14, meetings: 200, availability: 0.7, capPerSession: 4, mutualShare: 0.3 },
  { name: 'medium-50%-avail', count: INSTANCES, sides: [40, 80], slots: 16, sessions: 2, tables: 40, meetings: 700, availability: 0.5, capPerSession: 6, mutualShare: 0.3 },
  { name: 'peer-to-peer-60%', count: INSTANCES, peers: 120, slots: 12, sessions: 2, tables: 40, meetings: 600, availability: 0.6, capPerSession: 5, mutualShare: 0.5 },
];

const fmt = (x: number) => x.toFixed(4);

/**
 * A lower bound on idle gaps for the schedule's own meeting counts: per participant and session, k meetings need at
 * least k available slots, and the tightest window of the session holding k available slots has (length - k) holes.
 * Shows how much of the reported gaps is forced by scattered availability.
 */
function gapFloor(input: ScheduleInput, result: ScheduleResult): number {
  const slotById = new Map(input.slots.map((s) => [s.id, s]));
  const meetingById = new Map(input.meetings.map((m) => [m.id, m]));
  const count = new Map<string, number>();
  for (const a of result.assignments) {
    const m = meetingById.get(a.meetingId);
    const s = slotById.get(a.slotId);
    if (!m || !s) continue;
    for (const p of [m.a, m.b]) count.set(`${p}|${s.sessionId}`, (count.get(`${p}|${s.sessionId}`) ?? 0) + 1);
  }
  const sessions = new Map<string, string[]>();
  for (const s of [...input.slots].sort((x, y) => x.index - y.index)) sessions.set(s.sessionId, [...(sessions.get(s.sessionId) ?? []), s.id]);
  let floor = 0;
  for (const p of input.participants) {
    const available = new Set(p.available);
    for (const [sessionId, ids] of sessions) {
      const k = count.get(`${p.id}|${sessionId}`) ?? 0;
      if (k < 2) continue;
      const positions = ids.map((id, i) => (available.has(id) ? i : -1)).filter((i) => i >= 0);
      let best = Infinity;
      for (let i = 0; i + k - 1 < positions.length; i++) best = Math.min(best, positions[i + k - 1] - positions[i] + 1 - k);
      if (Number.isFinite(best)) floor += best;
    }
  }
  return floor;
}

/** Re-run check on the first 500-participant instance: cancel 5% of the meetings, reschedule with `previous`. */
async function rerun(spec: FamilySpec): Promise<void> {
  const input = generate(spec, 1);
  const first = await scheduleMeetings(input, { timeLimitMs: TIME, seed: 1, mutualWeight: MUTUAL_WEIGHT });
  const placed = new Map(first.assignments.map((a) => [a.meetingId, a]));
  const random = rng(99);
  const meetings = input.meetings.filter(() => random() >= 0.05).map((m) => {
    const at = placed.get(m.id);
    return at ? { ...m, previous: { slotId: at.slotId, table: at.table } } : m;
  });
  const again = await scheduleMeetings({ ...input, meetings }, { timeLimitMs: TIME, seed: 1, mutualWeight: MUTUAL_WEIGHT });
  const now = new Map(again.assignments.map((a) => [a.meetingId, a]));
  let dropped = 0;
  let otherSlot = 0;
  let otherTable = 0;
  for (const m of meetings) {
    if (!m.previous) continue;
    const at = now.get(m.id);
    if (!at) dropped++;
    else if (at.slotId !== m.previous.slotId) otherSlot++;
    else if (at.table !== m.previous.table) otherTable++;
  }
  console.log(`\nre-run after cancelling ${input.meetings.length - meetings.length} of ${input.meetings.length} meetings (${spec.name} #1): scheduled ${first.scheduled} -> ${again.scheduled}, moved ${again.moved} (${otherSlot} to another slot, ${otherTable} to another table, ${dropped} dropped for heavier ones), runtime ${again.runtimeMs} ms`);
  if (VERBOSE) for (const note of again.notes) console.log(`   note: ${note}`);
}

async function main(): Promise<void> {
  console.log(`mutualWeight ${MUTUAL_WEIGHT}; time limit ${TIME} ms per run; ${INSTANCES} instances per small family, ${BIG} per 500-participant family`);
  console.log(['instance'.padEnd(30), 'meetings', 'sched', 'lp'.padStart(6), 'comb'.padStart(6), 'ratio'.padStart(7), 'greedy'.padStart(7), 'w/wLP'.padStart(7), 'gaps/floor'.padStart(10), 'min/med/max'.padStart(12), 'ms'.padStart(6), 'method'].join(' '));
  const summary: string[] = [];
  for (const spec of FAMILIES) {
    if (ONLY && spec.name !== ONLY) continue;
    const ratios: number[] = [];
    const greedyRatios: number[] = [];
    const times: number[] = [];
    for (let i = 1; i <= spec.count; i++) {
      const input = generate(spec, i * 7919 + spec.name.length);
      const t0 = performance.now();
      const result: ScheduleResult = await scheduleMeetings(input, { timeLimitMs: TIME, seed: i, mutualWeight: MUTUAL_WEIGHT });
      const ms = performance.now() - t0;
      const greedy = await greedySchedule(input, { seed: i, lpBound: false, mutualWeight: MUTUAL_WEIGHT });
      const greedyRatio = result.bound.best === 0 ? 1 : greedy.scheduled / result.bound.best;
      const comb = Math.min(result.bound.flow, result.bound.slot, result.bound.capacity);
      ratios.push(result.ratio);
      greedyRatios.push(greedyRatio);
      times.push(ms);
      const s = result.stats;
      console.log([
        `${spec.name}#${i}`.padEnd(30), String(input.meetings.length).padStart(8), String(result.scheduled).padStart(5),
        String(result.bound.lp ?? '-').padStart(6), String(comb).padStart(6), fmt(result.ratio).padStart(7), fmt(greedyRatio).padStart(7), (result.bound.weightedLp ? fmt(result.weight / result.bound.weightedLp) : '-').padStart(7),
        `${result.idleGaps.total}/${gapFloor(input, result)}`.padStart(10), `${s.min}/${s.median}/${s.max}`.padStart(12), String(Math.round(ms)).padStart(6), result.method,
      ].join(' '));
      for (const note of result.notes) if (VERBOSE || note.startsWith("LP bound unavailable")) console.log(`   note: ${note}`);
    }
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    summary.push(`${spec.name.padEnd(26)} avg ratio ${fmt(avg(ratios))}  worst ${fmt(Math.min(...ratios))}  | greedy avg ${fmt(avg(greedyRatios))} worst ${fmt(Math.min(...greedyRatios))} | runtime avg ${Math.round(avg(times))} ms max ${Math.round(Math.max(...times))} ms`);
  }
  console.log('\nper family');
  for (const line of summary) console.log(line);
  if (!ONLY || ONLY === 'rerun') await rerun(FAMILIES[0]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
