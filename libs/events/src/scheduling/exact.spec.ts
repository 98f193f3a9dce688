import fc from 'fast-check';
import { scheduleMeetings } from './scheduler';
import { SchedulingInputError } from './scheduling.errors';
import { bruteForceOptimum, type InstanceParams, randomInstance, violations } from './scheduling.test-utils';
import type { ScheduleInput } from './scheduling.types';

const slots = (n: number, tables: number, session = 'am') => Array.from({ length: n }, (_, i) => ({ id: `${session}${i}`, sessionId: session, index: i, tables }));
const person = (id: string, available: string[], capPerSession = 5) => ({ id, available, capPerSession });

describe('exact lexicographic optimisation (HiGHS MIP)', () => {
  it('never gives up two meetings for one mutual one: (1) before (2)', async () => {
    // One slot, two tables: the mutual a–b alone, or the one-sided a–c and b–d together.
    const input: ScheduleInput = {
      slots: slots(1, 2),
      participants: ['a', 'b', 'c', 'd'].map((id) => person(id, ['am0'])),
      meetings: [{ id: 'ab', a: 'a', b: 'b', mutual: true }, { id: 'ac', a: 'a', b: 'c', mutual: false }, { id: 'bd', a: 'b', b: 'd', mutual: false }],
    };
    const result = await scheduleMeetings(input, { mutualWeight: 3 });
    expect(result.assignments.map((a) => a.meetingId).sort()).toEqual(['ac', 'bd']);
    expect(result.optimal).toBe(true);
    expect(result.gap).toBe(0);
  });

  it('odd clique: 5 people all asking each other in one slot hold 2 meetings, proven (the LP says 2.5)', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const meetings = ids.flatMap((x, i) => ids.slice(i + 1).map((y) => ({ id: `${x}${y}`, a: x, b: y, mutual: false })));
    const input: ScheduleInput = { slots: slots(1, 5), participants: ids.map((id) => person(id, ['am0'])), meetings };
    const result = await scheduleMeetings(input);
    expect(result.scheduled).toBe(2);
    expect(result.optimal).toBe(true);
    expect(result.provenBound).toBe(2);
  });

  it('the organiser may reorder (2)-(4): mutual first keeps both mutual meetings, fairness first gives everyone one', async () => {
    // Two slots with one table: {ab, ac} has 2 mutual meetings but d gets none; {ab, cd} gives every asker one.
    const input: ScheduleInput = {
      slots: slots(2, 1),
      participants: ['a', 'b', 'c', 'd'].map((id) => person(id, ['am0', 'am1'])),
      meetings: [{ id: 'ab', a: 'a', b: 'b', mutual: true }, { id: 'ac', a: 'a', b: 'c', mutual: true }, { id: 'cd', a: 'c', b: 'd', mutual: false }],
    };
    const byDefault = await scheduleMeetings(input);
    expect(byDefault.objective).toEqual(['requests', 'mutual', 'fairness', 'gaps', 'changes']);
    expect(byDefault.assignments.map((a) => a.meetingId).sort()).toEqual(['ab', 'ac']);
    const fairFirst = await scheduleMeetings(input, { objectiveOrder: ['fairness', 'mutual', 'gaps'] });
    expect(fairFirst.objective).toEqual(['requests', 'fairness', 'mutual', 'gaps', 'changes']);
    expect(fairFirst.assignments.map((a) => a.meetingId).sort()).toEqual(['ab', 'cd']);
    expect(fairFirst.stats.min).toBe(1);
  });

  it('rejects an objective order that is not a permutation of mutual, fairness, gaps', async () => {
    const input: ScheduleInput = { slots: slots(1, 1), participants: [person('a', ['am0']), person('b', ['am0'])], meetings: [] };
    for (const bad of [['mutual', 'mutual', 'gaps'], ['mutual', 'fairness'], ['requests', 'mutual', 'fairness'], ['mutual', 'fairness', 'gaps', 'changes']]) {
      await expect(scheduleMeetings(input, { objectiveOrder: bad })).rejects.toBeInstanceOf(SchedulingInputError);
    }
  });

  it('fewer idle gaps among schedules equal on (1)-(3)', async () => {
    // a meets b and c; with slots 0..2 free, the two meetings should sit next to each other.
    const input: ScheduleInput = {
      slots: slots(3, 1),
      participants: [person('a', ['am0', 'am1', 'am2']), person('b', ['am0', 'am1', 'am2']), person('c', ['am0', 'am2', 'am1'])],
      meetings: [{ id: 'ab', a: 'a', b: 'b', mutual: false }, { id: 'ac', a: 'a', b: 'c', mutual: false }],
    };
    const result = await scheduleMeetings(input);
    expect(result.scheduled).toBe(2);
    expect(result.idleGaps.total).toBe(0);
  });

  it('claims optimality only when true: tiny random instances against brute force', async () => {
    let proven = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.record({
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), participants: fc.integer({ min: 2, max: 7 }), slots: fc.integer({ min: 1, max: 4 }), sessions: fc.integer({ min: 1, max: 2 }),
        maxTables: fc.integer({ min: 1, max: 3 }), availability: fc.double({ min: 0.3, max: 1, noNaN: true }), meetings: fc.integer({ min: 0, max: 9 }), cap: fc.integer({ min: 1, max: 3 }),
        bipartite: fc.boolean(), locks: fc.integer({ min: 0, max: 2 }),
      }) as fc.Arbitrary<InstanceParams>, async (q) => {
        const input = randomInstance(q);
        const opt = bruteForceOptimum(input);
        const result = await scheduleMeetings(input, { seed: 3 });
        expect(violations(input, result)).toEqual([]);
        expect(result.scheduled).toBeLessThanOrEqual(opt);
        expect(result.provenBound).toBeGreaterThanOrEqual(opt);
        if (result.optimal) expect(result.scheduled).toBe(opt);
        expect(result.gap).toBe(result.provenBound - result.scheduled);
        runs++;
        if (result.optimal) proven++;
      }),
      { numRuns: 60, seed: 16 },
    );
    // HiGHS closes models this small: every run is proven (and, above, every proof is true).
    expect(proven).toBe(runs);
  });

  it('is deterministic: the same input gives the same schedule and the same work, and says no clock cut it short', async () => {
    const input = randomInstance({ seed: 21, participants: 24, slots: 8, sessions: 2, maxTables: 4, availability: 0.6, meetings: 70, cap: 3, bipartite: false, locks: 2 });
    const one = await scheduleMeetings(input, { seed: 4 });
    const two = await scheduleMeetings(input, { seed: 4 });
    expect(one.wallClockCapHit).toBe(false);
    expect(two.assignments).toEqual(one.assignments);
    expect(two.work).toEqual(one.work);
    expect(two.levels).toEqual(one.levels);
  });

  it('stops early when asked and keeps a valid schedule', async () => {
    const input = randomInstance({ seed: 22, participants: 24, slots: 8, sessions: 2, maxTables: 4, availability: 0.6, meetings: 70, cap: 3, bipartite: false, locks: 0 });
    const result = await scheduleMeetings(input, { shouldStop: () => true });
    expect(result.stopped).toBe(true);
    expect(violations(input, result)).toEqual([]);
    expect(result.notes.some((n) => n.includes('stopped early'))).toBe(true);
  });

  it('reports progress with the best found and the proven bound', async () => {
    const input = randomInstance({ seed: 23, participants: 14, slots: 6, sessions: 2, maxTables: 3, availability: 0.6, meetings: 30, cap: 2, bipartite: false, locks: 0 });
    const seen: { phase: string; best: number | null; bound: number | null }[] = [];
    const result = await scheduleMeetings(input, { onProgress: (_f, phase, detail) => seen.push({ phase, ...detail }) });
    const last = seen[seen.length - 1];
    expect(last.phase).toBe('done');
    expect(last.best).toBe(result.scheduled);
    expect(last.bound).toBeGreaterThanOrEqual(result.scheduled);
    expect(seen.some((s) => s.phase === 'exact')).toBe(true);
  });
});

describe('explanations of unmet requests', () => {
  it('no common free slot, one side full, would displace N, each with verified fixes', async () => {
    const input: ScheduleInput = {
      slots: [...slots(2, 1), { id: 'am2', sessionId: 'am', index: 2, tables: 1, minutes: 25 }],
      participants: [
        person('a', ['am0']), person('b', ['am1']),
        person('c', ['am0', 'am1'], 1), person('d', ['am0', 'am1', 'am2']), person('e', ['am0', 'am1']),
        person('f', ['am1', 'am2']), person('g', ['am2']), person('h', ['am2']),
      ],
      meetings: [
        { id: 'ab', a: 'a', b: 'b', mutual: false },
        { id: 'cd', a: 'c', b: 'd', mutual: true, locked: { slotId: 'am0', table: 1 } },
        { id: 'ce', a: 'c', b: 'e', mutual: false },
        { id: 'ef', a: 'e', b: 'f', mutual: true, locked: { slotId: 'am1', table: 1 } },
        { id: 'gh', a: 'g', b: 'h', mutual: true, locked: { slotId: 'am2', table: 1 } },
        { id: 'fg', a: 'f', b: 'g', mutual: false },
      ],
    };
    const result = await scheduleMeetings(input);
    expect(violations(input, result)).toEqual([]);
    const why = Object.fromEntries(result.unscheduled.map((u) => [u.meetingId, u.explanation]));
    expect(why.ab?.code).toBe('NO_COMMON_SLOT');
    expect(why.ab?.text.sl).toContain('skupnega prostega termina');
    expect(why.ce?.code).toBe('ONE_SIDE_FULL');
    expect(why.ce?.full).toEqual(['c']);
    // f and g share am2 only: g is busy there (locked gh) and the single table is taken: 1 meeting would have to go.
    expect(why.fg?.code).toBe('WOULD_DISPLACE');
    expect(why.fg?.displaced).toBe(1);
    // Extending by the last slot's 25 minutes fits fg (f and g are under their caps); no table would help fg.
    expect(why.fg?.fixes.map((f) => [f.kind, f.minutes])).toEqual([['EXTEND_EVENT', 25]]);
    expect(why.fg?.fixes[0].text.sl).toContain('25 minut');
  });

  it('every ADD_TABLE and EXTEND_EVENT fix really fits the meeting (checked by building that schedule)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10_000 }), async (seed) => {
        const input = randomInstance({ seed, participants: 14, slots: 4, sessions: 1, maxTables: 2, availability: 0.7, meetings: 30, cap: 3, bipartite: false, locks: 0 });
        const result = await scheduleMeetings(input, { seed: 1 });
        for (const u of result.unscheduled) {
          const meeting = input.meetings.find((m) => m.id === u.meetingId);
          for (const fix of u.explanation?.fixes ?? []) {
            if (!meeting) throw new Error('unknown meeting');
            let changed: ScheduleInput;
            let extra: { meetingId: string; slotId: string; table: number };
            if (fix.kind === 'ADD_TABLE') {
              const slot = input.slots.find((s) => s.id === fix.slotId);
              if (!slot) throw new Error('unknown slot');
              changed = { ...input, slots: input.slots.map((s) => (s.id === slot.id ? { ...s, tables: s.tables + 1 } : s)) };
              extra = { meetingId: meeting.id, slotId: slot.id, table: slot.tables + 1 };
            } else {
              const last = input.slots[input.slots.length - 1];
              const added = { id: 'extra', sessionId: last.sessionId, index: last.index + 1, tables: last.tables };
              changed = {
                ...input,
                slots: [...input.slots, added],
                participants: input.participants.map((p) => (p.id === meeting.a || p.id === meeting.b ? { ...p, available: [...p.available, 'extra'] } : p)),
              };
              extra = { meetingId: meeting.id, slotId: 'extra', table: 1 };
            }
            const assignments = [...result.assignments, extra];
            const withFix = { ...result, assignments, scheduled: assignments.length, unscheduled: [], bound: { ...result.bound, best: Infinity, flow: Infinity, slot: Infinity, capacity: Infinity, lp: null } };
            const problems = violations(changed, withFix).filter((v) => !v.includes('missing from the result') && !v.includes('bound.best'));
            expect(problems).toEqual([]);
          }
        }
      }),
      { numRuns: 15, seed: 5 },
    );
  });
});

describe('minimal-disruption rescheduling', () => {
  it('after a table is removed mid-event, keeps (1) at its maximum and moves only what must move', async () => {
    const input = randomInstance({ seed: 31, participants: 20, slots: 6, sessions: 1, maxTables: 1, availability: 0.8, meetings: 40, cap: 4, bipartite: false, locks: 0 });
    const roomy = { ...input, slots: input.slots.map((s) => ({ ...s, tables: 4 })) };
    const first = await scheduleMeetings(roomy, { seed: 1 });
    const at = new Map(first.assignments.map((a) => [a.meetingId, a]));
    const meetings = roomy.meetings.map((m) => {
      const placed = at.get(m.id);
      return placed ? { ...m, previous: { slotId: placed.slotId, table: placed.table } } : m;
    });
    // Slot 0 loses a table.
    const fewer = { ...roomy, meetings, slots: roomy.slots.map((s, i) => (i === 0 ? { ...s, tables: s.tables - 1 } : s)) };
    const again = await scheduleMeetings(fewer, { seed: 1 });
    expect(violations(fewer, again)).toEqual([]);
    expect(again.objective.slice(0, 2)).toEqual(['requests', 'changes']);
    expect(again.optimal).toBe(true);
    const inSlot0 = first.assignments.filter((a) => a.slotId === roomy.slots[0].id).length;
    // At most one meeting had to leave slot 0 (if it was full); the rest stay exactly where they were.
    const movedSlots = again.assignments.filter((a) => at.has(a.meetingId) && at.get(a.meetingId)?.slotId !== a.slotId).length;
    const dropped = [...at.keys()].filter((id) => !again.assignments.some((a) => a.meetingId === id)).length;
    expect(movedSlots + dropped).toBeLessThanOrEqual(inSlot0 === 4 ? 2 : 0);
  });
});
