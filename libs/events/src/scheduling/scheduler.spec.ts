import fc from 'fast-check';
import { greedySchedule, scheduleMeetings } from './scheduler';
import { SchedulingInputError } from './scheduling.errors';
import { bruteForceOptimum, type InstanceParams, randomInstance, violations } from './scheduling.test-utils';
import type { ScheduleInput } from './scheduling.types';

const params = (over: Partial<Record<keyof InstanceParams, fc.Arbitrary<number> | fc.Arbitrary<boolean>>> = {}) => fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  participants: fc.integer({ min: 2, max: 30 }),
  slots: fc.integer({ min: 1, max: 10 }),
  sessions: fc.integer({ min: 1, max: 2 }),
  maxTables: fc.integer({ min: 0, max: 8 }),
  availability: fc.double({ min: 0.2, max: 1, noNaN: true }),
  meetings: fc.integer({ min: 0, max: 60 }),
  cap: fc.integer({ min: 1, max: 5 }),
  bipartite: fc.boolean(),
  locks: fc.integer({ min: 0, max: 4 }),
  ...over,
}) as fc.Arbitrary<InstanceParams>;

describe('scheduleMeetings on random instances (fast-check)', () => {
  it('respects every hard constraint, reports true reasons and valid bounds', async () => {
    await fc.assert(
      fc.asyncProperty(params(), async (q) => {
        const input = randomInstance(q);
        const result = await scheduleMeetings(input, { timeLimitMs: 300, seed: q.seed });
        expect(violations(input, result)).toEqual([]);
        expect(result.ratio).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });

  it('the greedy baseline is valid too and never beats the bound', async () => {
    await fc.assert(
      fc.asyncProperty(params(), async (q) => {
        const input = randomInstance(q);
        const result = await greedySchedule(input, { seed: q.seed });
        expect(violations(input, result)).toEqual([]);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('bounds are >= the exact optimum and the schedule is <= it (tiny instances, brute force)', async () => {
    let equal = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(params({ participants: fc.integer({ min: 2, max: 7 }), slots: fc.integer({ min: 1, max: 4 }), meetings: fc.integer({ min: 0, max: 8 }), maxTables: fc.integer({ min: 1, max: 3 }), cap: fc.integer({ min: 1, max: 3 }), locks: fc.integer({ min: 0, max: 2 }) }), async (q) => {
        const input = randomInstance(q);
        const opt = bruteForceOptimum(input);
        const result = await scheduleMeetings(input, { seed: 3 });
        expect(violations(input, result)).toEqual([]);
        expect(result.scheduled).toBeLessThanOrEqual(opt);
        expect(result.bound.best).toBeGreaterThanOrEqual(opt);
        expect(result.bound.flow).toBeGreaterThanOrEqual(opt);
        expect(result.bound.slot).toBeGreaterThanOrEqual(opt);
        if (result.bound.lp !== null) expect(result.bound.lp).toBeGreaterThanOrEqual(opt);
        runs++;
        if (result.scheduled === opt) equal++;
      }),
      { numRuns: 150, seed: 11 },
    );
    // On instances this small the search should essentially always find the optimum.
    expect(equal / runs).toBeGreaterThanOrEqual(0.95);
  });

  it('König case: bipartite, full availability, one session → scheduled equals the bound, optimal', async () => {
    await fc.assert(
      fc.asyncProperty(params({ sessions: fc.constant(1), locks: fc.constant(0), bipartite: fc.constant(true), fullAvailability: fc.constant(true), meetings: fc.integer({ min: 1, max: 80 }), maxTables: fc.integer({ min: 1, max: 6 }) }), async (q) => {
        const input = randomInstance(q);
        // Equal tables in every slot: the exactness theorem's setting.
        const slots = input.slots.map((s) => ({ ...s, tables: input.slots[0].tables }));
        const equalTables = { ...input, slots };
        const result = await scheduleMeetings(equalTables, { timeLimitMs: 1000, seed: 5 });
        expect(violations(equalTables, result)).toEqual([]);
        if (result.method !== 'konig') return; // e.g. no meeting at all
        expect(result.scheduled).toBe(result.bound.best);
        expect(result.optimal).toBe(true);
        expect(result.ratio).toBe(1);
      }),
      { numRuns: 40, seed: 13 },
    );
  });

  it('is deterministic for a given seed', async () => {
    const input = randomInstance({ seed: 42, participants: 25, slots: 8, sessions: 2, maxTables: 5, availability: 0.6, meetings: 60, cap: 3, bipartite: false, locks: 2 });
    const one = await scheduleMeetings(input, { seed: 9 });
    const two = await scheduleMeetings(input, { seed: 9 });
    expect(two.assignments).toEqual(one.assignments);
    expect(two.unscheduled).toEqual(one.unscheduled);
  });
});

describe('scheduleMeetings on concrete cases', () => {
  const slots = (n: number, tables: number, session = 'am') => Array.from({ length: n }, (_, i) => ({ id: `${session}${i}`, sessionId: session, index: i + (session === 'am' ? 0 : 100), tables }));

  it('prefers the mutual meeting when only one of two fits', async () => {
    const input: ScheduleInput = {
      slots: slots(1, 1),
      participants: [{ id: 'a', available: ['am0'], capPerSession: 5 }, { id: 'b', available: ['am0'], capPerSession: 5 }, { id: 'c', available: ['am0'], capPerSession: 5 }],
      meetings: [{ id: 'one-sided', a: 'a', b: 'b', mutual: false }, { id: 'mutual', a: 'a', b: 'c', mutual: true }],
    };
    const result = await scheduleMeetings(input, { timeLimitMs: 500 });
    expect(result.assignments.map((a) => a.meetingId)).toEqual(['mutual']);
    expect(result.unscheduled.map(({ meetingId, reason }) => ({ meetingId, reason }))).toEqual([{ meetingId: 'one-sided', reason: 'BOTH_BUSY' }]);
    expect(result.unscheduled[0].explanation).toMatchObject({ code: 'WOULD_DISPLACE', displaced: 1 });
  });

  it('on a re-run never drops a published meeting for a heavier one', async () => {
    const input: ScheduleInput = {
      slots: slots(1, 1),
      participants: [{ id: 'a', available: ['am0'], capPerSession: 5 }, { id: 'b', available: ['am0'], capPerSession: 5 }, { id: 'c', available: ['am0'], capPerSession: 5 }, { id: 'd', available: ['am0'], capPerSession: 5 }],
      meetings: [{ id: 'published', a: 'a', b: 'b', mutual: false, previous: { slotId: 'am0', table: 1 } }, { id: 'mutual', a: 'c', b: 'd', mutual: true }],
    };
    const result = await scheduleMeetings(input, { timeLimitMs: 500 });
    expect(result.assignments).toEqual([{ meetingId: 'published', slotId: 'am0', table: 1 }]);
    expect(result.unscheduled.map(({ meetingId, reason }) => ({ meetingId, reason }))).toEqual([{ meetingId: 'mutual', reason: 'NO_TABLE' }]);
    // Only the table is missing: one more table in am0 would fit it.
    expect(result.unscheduled[0].explanation?.fixes.map((f) => f.kind)).toContain('ADD_TABLE');
    expect(result.moved).toBe(0);
  });

  it('names the reasons: no common slot, cap reached, no table', async () => {
    const input: ScheduleInput = {
      slots: slots(2, 1),
      participants: [
        { id: 'a', available: ['am0'], capPerSession: 5 },
        { id: 'b', available: ['am1'], capPerSession: 5 },
        { id: 'c', available: ['am0', 'am1'], capPerSession: 1 },
        { id: 'd', available: ['am0', 'am1'], capPerSession: 5 },
        { id: 'e', available: ['am0', 'am1'], capPerSession: 5 },
        { id: 'f', available: ['am1'], capPerSession: 5 },
      ],
      meetings: [
        { id: 'ab', a: 'a', b: 'b', mutual: false },
        { id: 'cd', a: 'c', b: 'd', mutual: true, locked: { slotId: 'am0', table: 1 } },
        { id: 'ce', a: 'c', b: 'e', mutual: false },
        { id: 'ef', a: 'e', b: 'f', mutual: true, locked: { slotId: 'am1', table: 1 } },
        { id: 'db', a: 'd', b: 'b', mutual: false },
      ],
    };
    const result = await scheduleMeetings(input, { timeLimitMs: 500 });
    const reason = Object.fromEntries(result.unscheduled.map((u) => [u.meetingId, u.reason]));
    expect(reason).toEqual({ ab: 'NO_COMMON_SLOT', ce: 'CAP_REACHED', db: 'NO_TABLE' });
    expect(violations(input, result)).toEqual([]);
  });

  it.each([
    ['partial availability (general method)', 0.8, false],
    ['full availability (König case)', 1, true],
  ])('re-run after cancellations keeps every meeting where it was (0 moves): %s', async (_name, availability, full) => {
    const raw = randomInstance({ seed: 5, participants: 30, slots: 10, sessions: 2, maxTables: 12, availability, meetings: 45, cap: 5, bipartite: true, locks: 0, fullAvailability: full });
    const input = { ...raw, slots: raw.slots.map((s) => ({ ...s, tables: 20 })), participants: raw.participants.map((p) => ({ ...p, capPerSession: 10 })) };
    const first = await scheduleMeetings(input, { seed: 1, timeLimitMs: 2000 });
    expect(first.unscheduled.filter((u) => u.reason !== 'NO_COMMON_SLOT')).toEqual([]);
    const at = new Map(first.assignments.map((a) => [a.meetingId, a]));
    const meetings = input.meetings
      .filter((_, i) => i % 7 !== 3)
      .map((m) => {
        const placed = at.get(m.id);
        return placed ? { ...m, previous: { slotId: placed.slotId, table: placed.table } } : m;
      });
    const again = await scheduleMeetings({ ...input, meetings }, { seed: 2, timeLimitMs: 2000 });
    expect(again.unscheduled.filter((u) => u.reason !== 'NO_COMMON_SLOT')).toEqual([]);
    expect(again.moved).toBe(0);
  });

  it('re-run with room for previously waiting meetings moves only a few', async () => {
    const input = randomInstance({ seed: 8, participants: 30, slots: 8, sessions: 2, maxTables: 6, availability: 0.6, meetings: 120, cap: 3, bipartite: false, locks: 0 });
    const first = await scheduleMeetings(input, { seed: 1, timeLimitMs: 1500 });
    const at = new Map(first.assignments.map((a) => [a.meetingId, a]));
    const cancelled = new Set(first.assignments.filter((_, i) => i % 10 === 0).map((a) => a.meetingId));
    const meetings = input.meetings.filter((m) => !cancelled.has(m.id)).map((m) => {
      const placed = at.get(m.id);
      return placed ? { ...m, previous: { slotId: placed.slotId, table: placed.table } } : m;
    });
    const again = await scheduleMeetings({ ...input, meetings }, { seed: 1, timeLimitMs: 1500 });
    expect(violations({ ...input, meetings }, again)).toEqual([]);
    expect(again.scheduled).toBeGreaterThanOrEqual(first.scheduled - cancelled.size);
    const added = again.scheduled - (first.scheduled - cancelled.size);
    // Each newly placed meeting may push a short chain of others; nothing else should move.
    expect(again.moved).toBeLessThanOrEqual(3 * added);
  });

  it('reports progress per phase, ending at 1', async () => {
    const calls: [number, string][] = [];
    const input = randomInstance({ seed: 3, participants: 12, slots: 6, sessions: 2, maxTables: 3, availability: 0.6, meetings: 25, cap: 2, bipartite: false, locks: 1 });
    await scheduleMeetings(input, { timeLimitMs: 500, onProgress: (f, phase) => calls.push([f, phase]) });
    expect(calls[0]).toEqual([0, 'validate']);
    expect(calls[calls.length - 1]).toEqual([1, 'done']);
    expect(new Set(calls.map((c) => c[1]))).toEqual(new Set(['validate', 'bounds', 'lp-bound', 'construct', 'search', 'polish', 'exact', 'explain', 'done']));
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThanOrEqual(calls[i - 1][0]);
  });

  it('yields to the event loop between phases, so progress writes go out during the run', async () => {
    const input = randomInstance({ seed: 6, participants: 20, slots: 6, sessions: 2, maxTables: 4, availability: 0.7, meetings: 50, cap: 3, bipartite: false, locks: 0 });
    let ran = 0;
    const seenAtCall: number[] = [];
    await scheduleMeetings(input, {
      timeLimitMs: 500,
      onProgress: () => {
        seenAtCall.push(ran);
        setImmediate(() => ran++);
      },
    });
    // Callbacks queued by earlier progress calls have run by the time of the last one.
    expect(seenAtCall[seenAtCall.length - 1]).toBeGreaterThanOrEqual(seenAtCall.length - 2);
  });

  it('LP bound can be switched off and is then null with a note', async () => {
    const input = randomInstance({ seed: 4, participants: 10, slots: 4, sessions: 1, maxTables: 2, availability: 0.7, meetings: 15, cap: 2, bipartite: false, locks: 0 });
    const result = await scheduleMeetings(input, { timeLimitMs: 300, lpBound: false });
    expect(result.bound.lp).toBeNull();
    expect(result.notes.join(' ')).toContain('LP bound disabled');
  });
});

describe('invalid input → SchedulingInputError with a code', () => {
  const base = (): ScheduleInput => ({
    slots: [{ id: 's1', sessionId: 'am', index: 0, tables: 2 }, { id: 's2', sessionId: 'am', index: 1, tables: 2 }],
    participants: [{ id: 'a', available: ['s1', 's2'], capPerSession: 3 }, { id: 'b', available: ['s2'], capPerSession: 3 }, { id: 'c', available: ['s1', 's2'], capPerSession: 1 }],
    meetings: [{ id: 'm1', a: 'a', b: 'b', mutual: true }],
  });
  const cases: [string, (i: ScheduleInput) => ScheduleInput, string][] = [
    ['lock outside availability', (i) => ({ ...i, meetings: [{ id: 'm1', a: 'a', b: 'b', mutual: true, locked: { slotId: 's1', table: 1 } }] }), 'INVALID_LOCK'],
    ['lock to a table out of range', (i) => ({ ...i, meetings: [{ id: 'm1', a: 'a', b: 'b', mutual: true, locked: { slotId: 's2', table: 3 } }] }), 'INVALID_LOCK'],
    ['two locks on one table', (i) => ({ ...i, meetings: [{ id: 'm1', a: 'a', b: 'b', mutual: true, locked: { slotId: 's2', table: 1 } }, { id: 'm2', a: 'c', b: 'b', mutual: true, locked: { slotId: 's2', table: 1 } }] }), 'INVALID_LOCK'],
    ['a participant locked twice in a slot', (i) => ({ ...i, meetings: [{ id: 'm1', a: 'a', b: 'b', mutual: true, locked: { slotId: 's2', table: 1 } }, { id: 'm2', a: 'a', b: 'c', mutual: true, locked: { slotId: 's2', table: 2 } }] }), 'INVALID_LOCK'],
    ['locks over a cap', (i) => ({ ...i, meetings: [{ id: 'm1', a: 'c', b: 'a', mutual: true, locked: { slotId: 's1', table: 1 } }, { id: 'm2', a: 'c', b: 'b', mutual: true, locked: { slotId: 's2', table: 1 } }] }), 'INVALID_LOCK'],
    ['lock to an unknown slot', (i) => ({ ...i, meetings: [{ id: 'm1', a: 'a', b: 'b', mutual: true, locked: { slotId: 'nope', table: 1 } }] }), 'UNKNOWN_SLOT'],
    ['unknown participant in a meeting', (i) => ({ ...i, meetings: [{ id: 'm1', a: 'a', b: 'zed', mutual: true }] }), 'UNKNOWN_PARTICIPANT'],
    ['unknown slot in availability', (i) => ({ ...i, participants: [...i.participants, { id: 'd', available: ['s9'], capPerSession: 1 }] }), 'UNKNOWN_SLOT'],
    ['self-meeting', (i) => ({ ...i, meetings: [{ id: 'm1', a: 'a', b: 'a', mutual: true }] }), 'SELF_MEETING'],
    ['duplicate meeting id', (i) => ({ ...i, meetings: [...i.meetings, { id: 'm1', a: 'a', b: 'c', mutual: false }] }), 'DUPLICATE_ID'],
    ['duplicate participant id', (i) => ({ ...i, participants: [...i.participants, { id: 'a', available: [], capPerSession: 1 }] }), 'DUPLICATE_ID'],
    ['duplicate slot id', (i) => ({ ...i, slots: [...i.slots, { id: 's1', sessionId: 'pm', index: 5, tables: 1 }] }), 'DUPLICATE_ID'],
    ['negative tables', (i) => ({ ...i, slots: [{ id: 's1', sessionId: 'am', index: 0, tables: -1 }, i.slots[1]] }), 'INVALID_VALUE'],
  ];
  it.each(cases)('%s', async (_name, mutate, code) => {
    const promise = scheduleMeetings(mutate(base()), { timeLimitMs: 200 });
    await expect(promise).rejects.toBeInstanceOf(SchedulingInputError);
    await expect(promise).rejects.toMatchObject({ code });
  });
});
