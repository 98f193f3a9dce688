import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import highsLoader from 'highs';
import { mulberry32, scheduleMeetings, type ScheduleInput, type ScheduleMeeting, type ScheduleResult } from '@app/events';

/**
 * npm run bench:scheduler [-- --instances 3 --family <name> --check-seconds 30 --no-load --verbose]
 *
 * Generated instance families for the meeting scheduler (issue 16). Per instance: meetings requested, scheduled,
 * the proven maximum (the scheduler's own proof: HiGHS closed level (1), or the count reached a certified bound),
 * whether optimality was proven, an INDEPENDENT exact check (a separately written MIP solved with HiGHS from LP text,
 * and brute force on tiny instances) confirming every claim, the time, and determinism: the same instance is run a
 * second time while a CPU load generator (a child process busy-looping, killed by pid when the run ends, never
 * longer than the run) competes for the cores; the two schedules must be identical. Times: wall clock and this
 * process's CPU time (the machine may be shared; CPU time is what the run itself needed).
 *
 * Prints figures; exits 1 if a schedule is invalid, an optimality claim is false, or two runs differ.
 */
const args = process.argv.slice(2);
const INSTANCES = Number(valueOf('--instances') ?? 3);
const ONLY = valueOf('--family');
const CHECK_SECONDS = Number(valueOf('--check-seconds') ?? 30);
const LOAD = !args.includes('--no-load');
const VERBOSE = args.includes('--verbose');

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

type Random = () => number;

interface Family {
  name: string;
  count: number;
  make: (random: Random) => ScheduleInput;
}

const slotsOf = (n: number, tables: number | ((i: number) => number), sessions = 1) => {
  const per = Math.ceil(n / sessions);
  return Array.from({ length: n }, (_, i) => ({ id: `s${i}`, sessionId: `x${Math.floor(i / per)}`, index: i, tables: typeof tables === 'number' ? tables : tables(i) }));
};
const everyone = (slots: { id: string }[]) => slots.map((s) => s.id);
const shuffle = <T>(xs: T[], random: Random): T[] => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};

function pairs(list: [number, number][], random: Random, mutualShare = 0.4): ScheduleMeeting[] {
  const seen = new Set<string>();
  const out: ScheduleMeeting[] = [];
  for (const [a, b] of list) {
    if (a === b) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: `m${out.length}`, a: `p${a}`, b: `p${b}`, mutual: random() < mutualShare });
  }
  return out;
}

function randomPairs(P: number, n: number, random: Random, bipartite?: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n * 3 && out.length < n; i++) {
    if (bipartite !== undefined) out.push([Math.floor(random() * bipartite), bipartite + Math.floor(random() * (P - bipartite))]);
    else out.push([Math.floor(random() * P), Math.floor(random() * P)]);
  }
  return out;
}

const FAMILIES: Family[] = [
  {
    // Peer-to-peer staircase: each person's availability is a window sliding with their number, and each asks the
    // next few people; the windows overlap like stairs, so greedy choices early block later steps.
    name: 'p2p-staircase', count: INSTANCES,
    make: (random) => {
      const P = 30 + Math.floor(random() * 10);
      const slots = slotsOf(10, 8);
      const participants = Array.from({ length: P }, (_, p) => {
        const start = Math.floor((p * 7) / P);
        return { id: `p${p}`, available: slots.slice(start, start + 4).map((s) => s.id), capPerSession: 3 };
      });
      const list: [number, number][] = [];
      for (let p = 0; p < P; p++) for (let d = 1; d <= 3; d++) if (p + d < P && random() < 0.8) list.push([p, p + d]);
      return { slots, participants, meetings: pairs(list, random) };
    },
  },
  {
    // Disjoint odd cliques (5 or 7 people, everyone asks everyone) sharing few slots: an odd clique's slot can hold
    // only ⌊k/2⌋ of its meetings, which LP relaxations overestimate.
    name: 'odd-cliques', count: INSTANCES,
    make: (random) => {
      const cliques = 4 + Math.floor(random() * 3);
      const slots = slotsOf(3, 6);
      const participants: ScheduleInput['participants'][number][] = [];
      const list: [number, number][] = [];
      for (let c = 0; c < cliques; c++) {
        const k = random() < 0.5 ? 5 : 7;
        const base = participants.length;
        for (let i = 0; i < k; i++) participants.push({ id: `p${base + i}`, available: everyone(slots), capPerSession: 3 });
        for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) list.push([base + i, base + j]);
      }
      return { slots, participants, meetings: pairs(list, random) };
    },
  },
  {
    // Hubs: a few participants everyone asks for, with far more requests than slots.
    name: 'hubs', count: INSTANCES,
    make: (random) => {
      const P = 40;
      const hubs = 4;
      const slots = slotsOf(8, 10, 2);
      const participants = Array.from({ length: P }, (_, p) => ({
        id: `p${p}`, available: p < hubs ? everyone(slots) : shuffle(everyone(slots), random).slice(0, 5), capPerSession: p < hubs ? 4 : 2,
      }));
      const list: [number, number][] = [];
      for (let p = hubs; p < P; p++) {
        for (let h = 0; h < hubs; h++) if (random() < 0.7) list.push([p, h]);
        if (random() < 0.5) list.push([p, hubs + Math.floor(random() * (P - hubs))]);
      }
      return { slots, participants, meetings: pairs(list, random) };
    },
  },
  {
    name: 'single-slot', count: INSTANCES,
    make: (random) => {
      const P = 24;
      const slots = slotsOf(1, 5);
      const participants = Array.from({ length: P }, (_, p) => ({ id: `p${p}`, available: everyone(slots), capPerSession: 1 }));
      return { slots, participants, meetings: pairs(randomPairs(P, 40, random), random) };
    },
  },
  {
    name: 'single-table', count: INSTANCES,
    make: (random) => {
      const P = 16;
      const slots = slotsOf(8, 1);
      const participants = Array.from({ length: P }, (_, p) => ({ id: `p${p}`, available: shuffle(everyone(slots), random).slice(0, 4), capPerSession: 3 }));
      return { slots, participants, meetings: pairs(randomPairs(P, 30, random), random) };
    },
  },
  {
    // Availability that leaves exactly one common slot per requested pair (the pair is built around it).
    name: 'one-common-slot', count: INSTANCES,
    make: (random) => {
      const P = 30;
      const S = 8;
      const slots = slotsOf(S, 5);
      const own = Array.from({ length: P }, () => new Set<number>());
      const list: [number, number][] = [];
      for (let i = 0; i < 60; i++) {
        const a = Math.floor(random() * P);
        const b = Math.floor(random() * P);
        if (a === b) continue;
        const shared = [...own[a]].filter((t) => own[b].has(t));
        if (shared.length > 1) continue;
        const t = shared.length === 1 ? shared[0] : Math.floor(random() * S);
        own[a].add(t);
        own[b].add(t);
        list.push([a, b]);
      }
      // Keep only pairs that ended with exactly one common slot.
      const kept = list.filter(([a, b]) => [...own[a]].filter((t) => own[b].has(t)).length === 1);
      const participants = Array.from({ length: P }, (_, p) => ({ id: `p${p}`, available: [...own[p]].sort((x, y) => x - y).map((t) => `s${t}`), capPerSession: 6 }));
      return { slots, participants, meetings: pairs(kept, random) };
    },
  },
  {
    name: 'bipartite-dense', count: INSTANCES,
    make: (random) => {
      const L = 15;
      const R = 25;
      const slots = slotsOf(10, 12, 2);
      const participants = Array.from({ length: L + R }, (_, p) => ({ id: `p${p}`, available: shuffle(everyone(slots), random).slice(0, 7), capPerSession: 4 }));
      const list: [number, number][] = [];
      for (let a = 0; a < L; a++) for (let b = L; b < L + R; b++) if (random() < 0.45) list.push([a, b]);
      return { slots, participants, meetings: pairs(list, random) };
    },
  },
  {
    name: 'bipartite-sparse', count: INSTANCES,
    make: (random) => {
      const L = 40;
      const R = 60;
      const slots = slotsOf(12, 20, 2);
      const participants = Array.from({ length: L + R }, (_, p) => ({ id: `p${p}`, available: shuffle(everyone(slots), random).slice(0, 6), capPerSession: 3 }));
      return { slots, participants, meetings: pairs(randomPairs(L + R, 300, random, L), random) };
    },
  },
  {
    name: 'p2p-partial-availability', count: INSTANCES,
    make: (random) => {
      const P = 60;
      const slots = slotsOf(10, 12, 2);
      const participants = Array.from({ length: P }, (_, p) => ({ id: `p${p}`, available: shuffle(everyone(slots), random).slice(0, 5), capPerSession: 3 }));
      return { slots, participants, meetings: pairs(randomPairs(P, 220, random), random) };
    },
  },
  {
    // The old bench's hard case: 120 peers, ~600 requests, 12 slots in 2 sessions, 40 tables, 60% availability.
    name: 'p2p-large-60%', count: 1,
    make: (random) => {
      const P = 120;
      const slots = slotsOf(12, 40, 2);
      const participants = Array.from({ length: P }, (_, p) => ({ id: `p${p}`, available: shuffle(everyone(slots), random).slice(0, 7), capPerSession: 5 }));
      return { slots, participants, meetings: pairs(randomPairs(P, 600, random), random, 0.5) };
    },
  },
  {
    // The same with 150 tables: tables no longer bind, so the proof must come from availability and caps.
    name: '500-participants-loose', count: 1,
    make: (random) => {
      const slots = slotsOf(20, 150, 2);
      const participants = Array.from({ length: 500 }, (_, p) => ({ id: `p${p}`, available: shuffle(everyone(slots), random).slice(0, 10), capPerSession: 8 }));
      return { slots, participants, meetings: pairs(randomPairs(500, 2500, random, 200), random, 0.3) };
    },
  },
  {
    // 500 participants (200 companies × 300 creatives), 2,500 requests, 20 slots in 2 sessions, 85 tables (binding).
    name: '500-participants', count: 1,
    make: (random) => {
      const slots = slotsOf(20, 85, 2);
      const participants = Array.from({ length: 500 }, (_, p) => ({ id: `p${p}`, available: shuffle(everyone(slots), random).slice(0, 10), capPerSession: 8 }));
      return { slots, participants, meetings: pairs(randomPairs(500, 2500, random, 200), random, 0.3) };
    },
  },
];

/** Independent validity check of a schedule (written separately from the scheduler). */
function invalid(input: ScheduleInput, result: ScheduleResult): string | null {
  const slot = new Map(input.slots.map((s) => [s.id, s]));
  const person = new Map(input.participants.map((p) => [p.id, { cap: p.capPerSession, avail: new Set(p.available) }]));
  const meeting = new Map(input.meetings.map((m) => [m.id, m]));
  const seat = new Set<string>();
  const busy = new Set<string>();
  const perSession = new Map<string, number>();
  const seen = new Set<string>();
  for (const a of result.assignments) {
    const m = meeting.get(a.meetingId);
    const s = slot.get(a.slotId);
    if (!m || !s || seen.has(a.meetingId)) return `bad assignment ${JSON.stringify(a)}`;
    seen.add(a.meetingId);
    if (a.table < 1 || a.table > s.tables || seat.has(`${s.id}/${a.table}`)) return `table ${a.table} in ${s.id}`;
    seat.add(`${s.id}/${a.table}`);
    for (const p of [m.a, m.b]) {
      const who = person.get(p);
      if (!who?.avail.has(s.id) || busy.has(`${p}/${s.id}`)) return `${p} in ${s.id}`;
      busy.add(`${p}/${s.id}`);
      const key = `${p}/${s.sessionId}`;
      perSession.set(key, (perSession.get(key) ?? 0) + 1);
      if ((perSession.get(key) ?? 0) > who.cap) return `${p} over cap in ${s.sessionId}`;
    }
  }
  return null;
}

/** Independent exact maximum of objective (1): a MIP written here as LP text, solved by HiGHS (bench only: a time cap). */
async function independentMaximum(input: ScheduleInput, seconds: number): Promise<{ value: number; proven: boolean }> {
  const highs = await highsLoader();
  const cols: { m: number; s: string; sessionId: string; a: string; b: string }[] = [];
  const avail = new Map(input.participants.map((p) => [p.id, new Set(p.available)]));
  input.meetings.forEach((m, i) => {
    for (const s of input.slots) if (s.tables > 0 && avail.get(m.a)?.has(s.id) && avail.get(m.b)?.has(s.id)) cols.push({ m: i, s: s.id, sessionId: s.sessionId, a: m.a, b: m.b });
  });
  if (cols.length === 0) return { value: 0, proven: true };
  const group = (key: (c: (typeof cols)[number]) => string[]) => {
    const map = new Map<string, number[]>();
    cols.forEach((c, k) => {
      for (const g of key(c)) map.set(g, [...(map.get(g) ?? []), k]);
    });
    return map;
  };
  const rows: string[] = [];
  const add = (name: string, ks: number[], rhs: number) => {
    if (ks.length <= rhs) return;
    for (let i = 0; i < ks.length; i += 10) rows.push(`${i === 0 ? ` ${name}: ` : ' '}${ks.slice(i, i + 10).map((k) => `+ y${k}`).join(' ')}`);
    rows.push(` <= ${rhs}`);
  };
  for (const [g, ks] of group((c) => [`m${c.m}`])) add(g.replace(/[^a-z0-9]/gi, '_'), ks, 1);
  for (const [g, ks] of group((c) => [`${c.a}@${c.s}`, `${c.b}@${c.s}`])) add(`ps_${g.replace(/[^a-z0-9]/gi, '_')}`, ks, 1);
  const tables = new Map(input.slots.map((s) => [s.id, s.tables]));
  for (const [g, ks] of group((c) => [c.s])) add(`t_${g.replace(/[^a-z0-9]/gi, '_')}`, ks, tables.get(g) ?? 0);
  const cap = new Map(input.participants.map((p) => [p.id, p.capPerSession]));
  for (const [g, ks] of group((c) => [`${c.a}#${c.sessionId}`, `${c.b}#${c.sessionId}`])) add(`c_${g.replace(/[^a-z0-9]/gi, '_')}`, ks, cap.get(g.split('#')[0]) ?? 0);
  const names = cols.map((_, k) => `y${k}`);
  const text = ['Maximize', ' obj: ' + names.slice(0, 1).join(''), ...chunk(names.slice(1), 10).map((c) => ` + ${c.join(' + ')}`), 'Subject To', ...rows, 'Binary', ...chunk(names, 10).map((c) => ` ${c.join(' ')}`), 'End'].join('\n');
  const solved = highs.solve(text, { output_flag: false, time_limit: seconds, mip_rel_gap: 0, mip_abs_gap: 0.99 });
  const value = Math.round(solved.Status === 'Optimal' || solved.Status === 'Time limit reached' ? Number(solved.ObjectiveValue) : 0);
  return { value, proven: solved.Status === 'Optimal' };
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** Exhaustive maximum for tiny instances (≤ 12 meetings). */
function bruteMaximum(input: ScheduleInput): number | null {
  if (input.meetings.length > 12) return null;
  const avail = new Map(input.participants.map((p) => [p.id, new Set(p.available)]));
  const cap = new Map(input.participants.map((p) => [p.id, p.capPerSession]));
  const busy = new Set<string>();
  const load = new Map<string, number>();
  const sess = new Map<string, number>();
  let best = 0;
  const go = (i: number, n: number): void => {
    if (n + input.meetings.length - i <= best) return;
    if (i === input.meetings.length) {
      best = n;
      return;
    }
    const m = input.meetings[i];
    for (const s of input.slots) {
      const ok = (load.get(s.id) ?? 0) < s.tables && [m.a, m.b].every((p) => avail.get(p)?.has(s.id) && !busy.has(`${p}/${s.id}`) && (sess.get(`${p}/${s.sessionId}`) ?? 0) < (cap.get(p) ?? 0));
      if (!ok) continue;
      const d = (x: number) => {
        load.set(s.id, (load.get(s.id) ?? 0) + x);
        for (const p of [m.a, m.b]) {
          if (x > 0) busy.add(`${p}/${s.id}`);
          else busy.delete(`${p}/${s.id}`);
          sess.set(`${p}/${s.sessionId}`, (sess.get(`${p}/${s.sessionId}`) ?? 0) + x);
        }
      };
      d(1);
      go(i + 1, n + 1);
      d(-1);
    }
    go(i + 1, n);
  };
  go(0, 0);
  return best;
}

/** A busy-looping child process competing for the CPU; it ends by itself after `ms` at most and is killed by pid. */
function loadGenerator(ms: number): { stop: () => void } {
  const child = spawn(process.execPath, ['-e', `const end = Date.now() + ${Math.round(ms)}; while (Date.now() < end) {}`], { stdio: 'ignore' });
  return {
    stop: () => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    },
  };
}

const fingerprint = (r: ScheduleResult) => JSON.stringify(r.assignments);

async function main(): Promise<void> {
  console.log(`scheduler bench (issue 16): ${INSTANCES} instances per family (1 for 500 participants); determinism under a CPU load generator: ${LOAD ? 'on' : 'off'}`);
  console.log(['instance'.padEnd(28), 'req'.padStart(5), 'sched'.padStart(6), 'max'.padStart(6), 'proven'.padStart(7), 'proof'.padStart(6), 'indep'.padStart(8), 'claim ok'.padStart(9), 'ms'.padStart(7), 'cpu ms'.padStart(7), 'ms(load)'.padStart(9), 'same'.padStart(5), 'unmet: why'].join(' '));
  const rows: string[] = [];
  let failures = 0;
  for (const family of FAMILIES) {
    if (ONLY && family.name !== ONLY) continue;
    const stats = { n: 0, atMax: 0, proven: 0, claimsOk: 0, same: 0, ms: 0, maxMs: 0, cpu: 0, maxCpu: 0, gap: 0 };
    for (let i = 1; i <= family.count; i++) {
      const input = family.make(mulberry32(1000 * i + family.name.length));
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const first = await scheduleMeetings(input, { seed: 1 });
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const generator = LOAD ? loadGenerator(Math.max(1000, ms * 3)) : null;
      const t1 = performance.now();
      let second: ScheduleResult;
      try {
        second = await scheduleMeetings(input, { seed: 1 });
      } finally {
        generator?.stop();
      }
      const msLoad = performance.now() - t1;
      const same = fingerprint(first) === fingerprint(second);
      const bad = invalid(input, first);
      const brute = bruteMaximum(input);
      const indep = brute !== null ? { value: brute, proven: true } : await independentMaximum(input, CHECK_SECONDS);
      // Every claim must hold: a claimed optimum equals the independent optimum; the proven maximum is never below it.
      const claimOk = bad === null && first.scheduled <= (indep.proven ? indep.value : Infinity)
        && (!indep.proven || first.provenBound >= indep.value)
        && (!first.optimal || !indep.proven || first.scheduled === indep.value);
      const why = new Map<string, number>();
      for (const u of first.unscheduled) why.set(u.explanation?.code ?? u.reason, (why.get(u.explanation?.code ?? u.reason) ?? 0) + 1);
      stats.n++;
      if (first.optimal) stats.proven++;
      if (first.scheduled === first.provenBound) stats.atMax++;
      if (claimOk) stats.claimsOk++;
      if (same) stats.same++;
      stats.ms += ms;
      stats.maxMs = Math.max(stats.maxMs, ms);
      stats.cpu += cpuMs;
      stats.maxCpu = Math.max(stats.maxCpu, cpuMs);
      stats.gap += first.gap;
      if (!claimOk || !same || bad) failures++;
      console.log([
        `${family.name}#${i}`.padEnd(28), String(input.meetings.length).padStart(5), String(first.scheduled).padStart(6), String(first.provenBound).padStart(6),
        (first.optimal ? 'yes' : 'no').padStart(7), String(first.proof ?? '-').padStart(6), `${indep.value}${indep.proven ? '' : '?'}`.padStart(8), (claimOk ? 'yes' : 'NO').padStart(9),
        String(Math.round(ms)).padStart(7), String(Math.round(cpuMs)).padStart(7), String(Math.round(msLoad)).padStart(9), (same ? 'yes' : 'NO').padStart(5), [...why].map(([k, v]) => `${k} ${v}`).join(', ') || '-',
      ].join(' '));
      if (bad) console.log(`   INVALID: ${bad}`);
      if (VERBOSE) {
        for (const level of first.levels) console.log(`   level ${level.level}: ${level.value} (bound ${level.bound ?? '-'}, ${level.proven ? 'proven' : 'not proven'}, ${level.status}, ${level.nodes} nodes, ${level.lpIterations} LP iterations)`);
        for (const note of first.notes) console.log(`   note: ${note}`);
      }
    }
    rows.push(`| ${family.name} | ${stats.n} | ${stats.atMax}/${stats.n} | ${stats.proven}/${stats.n} | ${stats.gap} | ${stats.claimsOk}/${stats.n} | ${Math.round(stats.ms / stats.n)} / ${Math.round(stats.maxMs)} | ${Math.round(stats.cpu / stats.n)} / ${Math.round(stats.maxCpu)} | ${stats.same}/${stats.n} |`);
  }
  console.log('\nper family (max = proven maximum; "at max" = scheduled equals it; gap = meetings that might still fit, summed)');
  console.log('| family | instances | at proven max | optimality proven | total gap | claims true (independent check) | wall ms avg / max | CPU ms avg / max | identical under load |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  if (failures > 0) {
    console.log(`\n${failures} instance(s) with an invalid schedule, a false claim or differing runs`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
