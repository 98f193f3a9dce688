/**
 * Public types of the meeting scheduler for match-making events. Everything is plain data with string ids,
 * so the GraphQL service can build an input from its rows and store the result as it is.
 */

/** One time slot of the event. Breaks are not slots: they simply have no entry. */
export interface ScheduleSlot {
  id: string;
  /** Sessions group slots (e.g. morning / afternoon); caps per session and idle gaps are counted within a session. */
  sessionId: string;
  /** Position in the event's time order (any increasing numbers). */
  index: number;
  /**
   * Position within the session, used to count idle gaps. Consecutive numbers mean consecutive slots, so two slots
   * separated by a coffee break still count as adjacent when their orders are consecutive. Defaults to the rank of
   * `index` within the session.
   */
  order?: number;
  /** Tables (rooms) available in this slot; table numbers are 1..tables. */
  tables: number;
}

export interface ScheduleParticipant {
  id: string;
  /** Ids of the slots this participant can attend. */
  available: readonly string[];
  /** Most meetings this participant may have in any one session. */
  capPerSession: number;
  /** Per-session caps by session id, overriding `capPerSession` for those sessions (ids of sessions without slots are ignored). */
  capBySession?: Readonly<Record<string, number>>;
  /** Optional most meetings over the whole event. */
  capTotal?: number;
}

export interface MeetingPlacement {
  slotId: string;
  /** 1-based table number within the slot. */
  table: number;
}

/** An accepted meeting request between participants `a` and `b`. */
export interface ScheduleMeeting {
  id: string;
  a: string;
  b: string;
  /** Both sides asked for the meeting; weighs `mutualWeight` in the objective. */
  mutual: boolean;
  /** Pinned by the organiser: must stay exactly here (validated; an invalid lock is an input error). */
  locked?: MeetingPlacement;
  /**
   * Where the meeting was in the last published schedule; re-runs try to keep it there. A previous slot that no
   * longer exists is accepted (the meeting then necessarily counts as moved).
   */
  previous?: MeetingPlacement;
}

export interface ScheduleInput {
  slots: readonly ScheduleSlot[];
  participants: readonly ScheduleParticipant[];
  meetings: readonly ScheduleMeeting[];
}

export type ScheduleProgress = (fraction: number, phase: SchedulePhase) => void;

export type SchedulePhase = 'validate' | 'bounds' | 'lp-bound' | 'construct' | 'search' | 'polish' | 'done';

export interface ScheduleOptions {
  /** Weight of a mutual meeting in objective (1); others weigh 1. Default 2. */
  mutualWeight?: number;
  /** Wall-clock budget in milliseconds for the whole run, LP bound included. Default 8000. */
  timeLimitMs?: number;
  /** Called at least once per phase with the overall fraction done (0..1). */
  onProgress?: ScheduleProgress;
  /** Seed of every random choice; the same input, options and seed give the same schedule. Default 1. */
  seed?: number;
  /** Compute the LP relaxation bound with HiGHS. Default true. */
  lpBound?: boolean;
  /**
   * Let an exact MIP (HiGHS) try small instances (up to ~8,000 meeting×slot pairs) when the search stops short of the
   * bound. Default true.
   */
  mip?: boolean;
}

export type UnscheduledReason = 'NO_COMMON_SLOT' | 'CAP_REACHED' | 'NO_TABLE' | 'BOTH_BUSY';

export interface Assignment {
  meetingId: string;
  slotId: string;
  table: number;
}

export interface UnscheduledMeeting {
  meetingId: string;
  reason: UnscheduledReason;
}

/** Upper bounds on the number of meetings any valid schedule can hold (locks respected by `lp` only). */
export interface ScheduleBound {
  /** ⌊LP relaxation⌋ of the time-indexed model (certified through its dual), or null when HiGHS failed or timed out. */
  lp: number | null;
  /** Maximum b-matching (max-flow on the bipartite double cover, halved), b_v = what v can attend at most. */
  flow: number;
  /** Σ_t min(tables_t, ν(G_t)) with G_t the requested pairs both available in slot t. */
  slot: number;
  /** Σ_t tables_t. */
  capacity: number;
  /** The smallest of the valid bounds above. */
  best: number;
  /** ⌊LP⌋ of the weighted objective (1), when it was computed (small instances), else null. */
  weightedLp: number | null;
}

export interface ScheduleStats {
  min: number;
  median: number;
  max: number;
}

export type ScheduleMethod = 'konig' | 'lp-guided+search' | 'greedy+search' | 'mip' | 'greedy';

export interface ScheduleResult {
  assignments: Assignment[];
  unscheduled: UnscheduledMeeting[];
  /** Number of scheduled meetings. */
  scheduled: number;
  /** Σ weights of the scheduled meetings (objective 1). */
  weight: number;
  bound: ScheduleBound;
  /** scheduled / bound.best (1 when the bound is 0). */
  ratio: number;
  idleGaps: { total: number; perParticipant: Record<string, number> };
  /** Meetings per participant (every participant, 0 included). */
  perParticipant: Record<string, number>;
  /** Over participants with at least one meeting request. */
  stats: ScheduleStats;
  /** Meetings with a `previous` placement that are now elsewhere (other slot or table) or unscheduled. */
  moved: number;
  /** Proven optimal for the number of meetings: scheduled equals an upper bound, or the König construction applied. */
  optimal: boolean;
  runtimeMs: number;
  method: ScheduleMethod;
  notes: string[];
}
