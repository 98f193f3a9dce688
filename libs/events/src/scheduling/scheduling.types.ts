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
  /** How the organiser reads the slot (e.g. "10:20"), used in explanations. Default the id. */
  label?: string;
  /** Length of the slot in minutes (used to say by how much extending the event would help). Default 20. */
  minutes?: number;
}

export interface ScheduleParticipant {
  id: string;
  /** How the organiser reads the participant (a name), used in explanations. Default the id. */
  label?: string;
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

/** What the run has reached so far: best number of meetings found and the best proven upper bound. */
export interface ScheduleProgressDetail {
  best: number | null;
  bound: number | null;
}

export type ScheduleProgress = (fraction: number, phase: SchedulePhase, detail: ScheduleProgressDetail) => void;

export type SchedulePhase = 'validate' | 'bounds' | 'lp-bound' | 'construct' | 'search' | 'polish' | 'exact' | 'explain' | 'done';

/**
 * The levels of the lexicographic objective: (1) accepted requests that get a meeting, (2) mutual-interest meetings,
 * (3) fairness (raise the fewest meetings of anyone who asked), (4) fewer idle gaps, (5) on a re-run fewer changes
 * to the published schedule.
 */
export type ObjectiveLevel = 'requests' | 'mutual' | 'fairness' | 'gaps' | 'changes';

/** Per level of the exact phase: value reached (maximised: gaps and changes negated), HiGHS's bound, proof. */
export interface ExactLevelReport {
  level: ObjectiveLevel;
  value: number;
  bound: number | null;
  /** Optimal given the levels before it at their reported values. */
  proven: boolean;
  status: string;
  nodes: number;
  lpIterations: number;
}

/** Deterministic work limits (solver work, not time). */
export interface ScheduleWork {
  /** Local-search work steps (each a bounded amount of chain search). Default 10,000. */
  searchSteps?: number;
  /** HiGHS LP iterations for level (1). Default 100,000. */
  mipLpIterations?: number;
  /** HiGHS branch-and-bound nodes for level (1). Default 5,000. */
  mipNodes?: number;
  /** HiGHS LP iterations for each later level. Default 10,000. */
  lowerLpIterations?: number;
  /** HiGHS nodes for each later level. Default 200. */
  lowerNodes?: number;
}

export interface ScheduleOptions {
  /**
   * Weight of a mutual meeting in the heuristic's internal score (others weigh 1). Default 1 + 1/(meetings + 1), which
   * makes that score lexicographic: more meetings first, then more mutual ones.
   */
  mutualWeight?: number;
  /** Order of levels (2)-(4) of the objective: a permutation of mutual, fairness, gaps. Default as listed. */
  objectiveOrder?: readonly string[];
  /**
   * On a re-run (some meeting has `previous`), rank fewer changes right after (1): keep what is placed, maximise (1)
   * again, then move as little as possible, then (2)-(4). Default true; false puts changes last, as level (5).
   */
  minimalDisruption?: boolean;
  /**
   * Last-resort wall-clock cap in milliseconds for the whole run. The run stops on work limits (`work`), not on time;
   * if this cap cuts it short, the result says so (`wallClockCapHit`) because it may then depend on machine speed.
   * Default 300000.
   */
  timeLimitMs?: number;
  /** Deterministic work limits. */
  work?: ScheduleWork;
  /** Called at least once per phase with the overall fraction done (0..1) and the best found / proven bound. */
  onProgress?: ScheduleProgress;
  /** Polled at work checkpoints (search rounds, HiGHS callbacks): true stops early and keeps the best found. */
  shouldStop?: () => boolean;
  /** Run the exact lexicographic MIP after the heuristic. Default true. */
  exact?: boolean;
  /** Compute explanations (reason, fix) for unscheduled meetings. Default true. */
  explain?: boolean;
  /** Seed of every random choice; the same input, options and seed give the same schedule. Default 1. */
  seed?: number;
  /** Compute the LP relaxation bound with HiGHS. Default true. */
  lpBound?: boolean;
}

export type UnscheduledReason = 'NO_COMMON_SLOT' | 'CAP_REACHED' | 'NO_TABLE' | 'BOTH_BUSY';

export interface Assignment {
  meetingId: string;
  slotId: string;
  table: number;
}

/** Why an accepted request got no meeting, in the organiser's words. */
export type ExplanationCode = 'NO_COMMON_SLOT' | 'ONE_SIDE_FULL' | 'WOULD_DISPLACE';

/** A change to the event that would let the meeting in, verified by building that schedule (one more meeting). */
export interface ScheduleFix {
  kind: 'ADD_TABLE' | 'EXTEND_EVENT';
  /** ADD_TABLE: the slot that needs one more table. */
  slotId?: string;
  /** EXTEND_EVENT: minutes to add after the last slot (one more slot, both sides assumed free then). */
  minutes?: number;
  text: { sl: string; en: string };
}

export interface UnscheduledExplanation {
  code: ExplanationCode;
  /** WOULD_DISPLACE: the fewest scheduled meetings that would have to leave any one common slot. */
  displaced?: number;
  /** ONE_SIDE_FULL: the participant(s) at their cap in every common slot. */
  full?: string[];
  text: { sl: string; en: string };
  fixes: ScheduleFix[];
}

export interface UnscheduledMeeting {
  meetingId: string;
  reason: UnscheduledReason;
  explanation?: UnscheduledExplanation;
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

/** How level (1) was proven: HiGHS closed the MIP, or the count reached a certified upper bound. */
export type OptimalityProof = 'mip' | 'bound' | null;

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
  /**
   * Proven optimal for objective (1), the number of meetings: HiGHS proved the MIP optimal (and the schedule passed
   * the feasibility check here), or the count equals a certified upper bound (`proof` says which).
   */
  optimal: boolean;
  proof: OptimalityProof;
  /** The best proven upper bound on objective (1) (HiGHS's dual bound or `bound.best`, whichever is smaller). */
  provenBound: number;
  /** provenBound − scheduled: at most this many more meetings could exist. */
  gap: number;
  /** The objective order used, (1) first. */
  objective: ObjectiveLevel[];
  /** Per level of the exact phase (empty when it did not run). */
  levels: ExactLevelReport[];
  /** The last-resort wall-clock cap cut the run short: the result may depend on machine speed. */
  wallClockCapHit: boolean;
  /** The organiser stopped the run early; this is the best schedule found by then. */
  stopped: boolean;
  /** Work done, for reproducibility: heuristic search steps, HiGHS nodes and LP iterations. */
  work: { searchSteps: number; mipNodes: number; mipLpIterations: number };
  runtimeMs: number;
  method: ScheduleMethod;
  notes: string[];
}
