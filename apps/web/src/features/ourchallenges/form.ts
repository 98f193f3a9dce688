/**
 * The challenge editor's model: what the form holds, how it becomes an updateChallenge input, what
 * is still missing before publishing, and which step a server error belongs to. Pure functions, so
 * the rules are tested without a browser (form.test.ts).
 */

export const STEPS = ['basics', 'brief', 'partners', 'rewards', 'ip', 'criteria', 'timeline', 'eligibility', 'attachments', 'visibility', 'questions', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** Steps whose values are autosaved together with updateChallenge (attachments and questions save by themselves). */
export type Group = 'basics' | 'brief' | 'partners' | 'rewards' | 'ip' | 'criteria' | 'timeline' | 'eligibility' | 'visibility';
export const GROUPS: readonly Group[] = ['basics', 'brief', 'partners', 'rewards', 'ip', 'criteria', 'timeline', 'eligibility', 'visibility'];

export const CHALLENGE_KINDS = ['INDUSTRY', 'TOURISM', 'PUBLIC_SERVICE', 'STUDENT_CONTEST', 'YOUTH_COMMUNITY'] as const;
export const REWARD_KINDS = ['PRIZE_MONEY', 'GRANT', 'JOB_OFFER', 'PRODUCTION', 'EXHIBITION', 'MENTORING'] as const;
export const MONEY_REWARDS: readonly string[] = ['PRIZE_MONEY', 'GRANT'];
export const CREATIVE_KINDS = ['INDIVIDUAL', 'SOLE_PROPRIETOR', 'STUDIO_OR_FIRM', 'COLLECTIVE', 'STUDENT'] as const;
export const WORKING_LANGUAGES = ['sl', 'en', 'de', 'it', 'hr'] as const;

export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];
export type RewardKind = (typeof REWARD_KINDS)[number];
export type CreativeKind = (typeof CREATIVE_KINDS)[number];

export interface Bilingual {
  sl: string;
  en: string;
}

export interface Draft {
  title: Bilingual;
  kind: ChallengeKind;
  domains: string[];
  /** Techniques and materials from the reference lists: matching reads them with the brief. */
  techniques: string[];
  materials: string[];
  brief: Bilingual;
  partners: { organisationId: string; name: string; role: Bilingual }[];
  totalBudgetEur: string;
  awardsCount: string;
  rewards: { kind: RewardKind; amountEur: string; description: Bilingual }[];
  rewardText: Bilingual;
  twoStage: boolean;
  shortlistSize: string;
  shortlistFeeEur: string;
  ipKind: '' | 'LICENCE' | 'ASSIGNMENT';
  ipDetails: Bilingual;
  criteria: { name: Bilingual; weight: string }[];
  /** YYYY-MM-DD and HH:MM in Slovenian time; empty: no deadline. */
  deadlineDate: string;
  deadlineTime: string;
  creativeKinds: CreativeKind[];
  municipalities: string[];
  onSite: boolean;
  workingLanguages: string[];
  visibility: 'PUBLIC' | 'INVITE_ONLY';
}

type Text = { sl?: string | null; en?: string | null } | null | undefined;
const bi = (value: Text): Bilingual => ({ sl: value?.sl ?? '', en: value?.en ?? '' });
const num = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export interface ChallengeData {
  title: Text;
  brief: Text;
  kind: string;
  domains: readonly { code: string }[];
  techniques?: readonly { code: string }[];
  materials?: readonly { code: string }[];
  partners: readonly { organisation: { id: string; name: string }; role: Text }[];
  totalBudgetEur: number | null;
  awardsCount: number | null;
  rewards: readonly { kind: string; amountEur: number | null; description: Text }[];
  reward: Text;
  twoStage: { shortlistSize: number; shortlistFeeEur: number } | null;
  ipTerms: { kind: string; details: Text } | null;
  evaluationCriteria: readonly { name: Text; weight: number }[];
  deadline: string | null;
  eligibility: { creativeKinds: readonly string[]; municipalities: readonly { code: string }[]; onSite: boolean };
  workingLanguages: readonly string[];
  visibility: string;
}

/** The stored challenge as the form's values. */
export function fromChallenge(c: ChallengeData): Draft {
  const deadline = c.deadline ? ljubljanaParts(new Date(c.deadline)) : null;
  return {
    title: bi(c.title),
    kind: (CHALLENGE_KINDS as readonly string[]).includes(c.kind) ? (c.kind as ChallengeKind) : 'INDUSTRY',
    domains: c.domains.map((d) => d.code),
    techniques: (c.techniques ?? []).map((d) => d.code),
    materials: (c.materials ?? []).map((d) => d.code),
    brief: bi(c.brief),
    partners: c.partners.map((p) => ({ organisationId: p.organisation.id, name: p.organisation.name, role: bi(p.role) })),
    totalBudgetEur: num(c.totalBudgetEur),
    awardsCount: num(c.awardsCount),
    rewards: c.rewards.map((r) => ({ kind: r.kind as RewardKind, amountEur: num(r.amountEur), description: bi(r.description) })),
    rewardText: bi(c.reward),
    twoStage: c.twoStage !== null,
    shortlistSize: num(c.twoStage?.shortlistSize),
    shortlistFeeEur: num(c.twoStage?.shortlistFeeEur),
    ipKind: c.ipTerms?.kind === 'LICENCE' || c.ipTerms?.kind === 'ASSIGNMENT' ? c.ipTerms.kind : '',
    ipDetails: bi(c.ipTerms?.details),
    criteria: c.evaluationCriteria.map((k) => ({ name: bi(k.name), weight: String(k.weight) })),
    deadlineDate: deadline?.date ?? '',
    deadlineTime: deadline?.time ?? '',
    creativeKinds: c.eligibility.creativeKinds.filter((k): k is CreativeKind => (CREATIVE_KINDS as readonly string[]).includes(k)),
    municipalities: c.eligibility.municipalities.map((m) => m.code),
    onSite: c.eligibility.onSite,
    workingLanguages: [...c.workingLanguages],
    visibility: c.visibility === 'INVITE_ONLY' ? 'INVITE_ONLY' : 'PUBLIC',
  };
}

const text = (value: Bilingual) => ({ sl: value.sl.trim() || null, en: value.en.trim() || null });
/** A number field: empty is null; anything else is sent as typed so the server can refuse it with its field. */
const integer = (value: string): number | null => {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : NaN;
};

/** The updateChallenge input for the groups given (lists replace the stored ones). */
export function toInput(d: Draft, groups: readonly Group[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const group of groups) {
    switch (group) {
      case 'basics':
        input.title = text(d.title);
        input.kind = d.kind;
        input.domains = d.domains;
        input.techniques = d.techniques;
        input.materials = d.materials;
        break;
      case 'brief':
        input.brief = text(d.brief);
        break;
      case 'partners':
        input.partners = d.partners.map((p) => ({ organisationId: p.organisationId, role: text(p.role) }));
        break;
      case 'rewards':
        input.totalBudgetEur = integer(d.totalBudgetEur);
        input.awardsCount = integer(d.awardsCount);
        input.rewards = d.rewards.map((r) => ({ kind: r.kind, amountEur: integer(r.amountEur), description: text(r.description) }));
        input.reward = text(d.rewardText);
        input.twoStage = d.twoStage ? { shortlistSize: integer(d.shortlistSize) ?? 0, shortlistFeeEur: integer(d.shortlistFeeEur) ?? 0 } : null;
        break;
      case 'ip':
        input.ipTerms = d.ipKind ? { kind: d.ipKind, details: text(d.ipDetails) } : null;
        break;
      case 'criteria':
        input.criteria = d.criteria.map((c) => ({ name: text(c.name), weight: integer(c.weight) ?? 0 }));
        break;
      case 'timeline':
        input.deadline = deadlineOf(d)?.toISOString() ?? null;
        break;
      case 'eligibility':
        input.eligibility = { creativeKinds: d.creativeKinds, municipalities: d.municipalities, onSite: d.onSite };
        input.workingLanguages = d.workingLanguages;
        break;
      case 'visibility':
        input.visibility = d.visibility;
        break;
    }
  }
  // NaN is not JSON: send it as a string-free invalid number the server refuses with its field.
  return JSON.parse(JSON.stringify(input, (_, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? -1 : v))) as Record<string, unknown>;
}

/** The deadline the form holds, as an instant (Slovenian wall-clock time); null when none or not a date. */
export function deadlineOf(d: Pick<Draft, 'deadlineDate' | 'deadlineTime'>): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.deadlineDate)) return null;
  const time = /^\d{2}:\d{2}$/.test(d.deadlineTime) ? d.deadlineTime : '23:59';
  return fromLjubljana(d.deadlineDate, time);
}

/** An instant for a date and time on the wall clock in Ljubljana (CET/CEST). */
export function fromLjubljana(date: string, time: string): Date | null {
  const [y, m, day] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, day, h, min);
  if (Number.isNaN(guess)) return null;
  // The offset Ljubljana had at that moment (1 or 2 hours), found by reading the guess there.
  const parts = ljubljanaParts(new Date(guess));
  const [py, pm, pd] = parts.date.split('-').map(Number);
  const [ph, pmin] = parts.time.split(':').map(Number);
  const shown = Date.UTC(py, pm - 1, pd, ph, pmin);
  return new Date(guess - (shown - guess));
}

export function ljubljanaParts(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The timeline as the API checks it: a deadline must be a real date and, for publishing (and for
 * any change to a published challenge), later than now. Returns the field and why, or null.
 */
export function timelineProblem(d: Pick<Draft, 'deadlineDate' | 'deadlineTime'>, now: Date = new Date()): 'deadlineInvalid' | 'deadlinePast' | null {
  if (d.deadlineDate === '' && d.deadlineTime === '') return null;
  const deadline = deadlineOf(d);
  if (!deadline) return 'deadlineInvalid';
  if (deadline.getTime() <= now.getTime()) return 'deadlinePast';
  return null;
}

export function criteriaTotal(d: Pick<Draft, 'criteria'>): number {
  return d.criteria.reduce((sum, c) => sum + (integer(c.weight) ?? 0), 0);
}

/** One line of the publish checklist: `required` ones the server refuses to publish without. */
export interface ChecklistItem {
  key: 'title' | 'brief' | 'briefBoth' | 'deadline' | 'deadlineFuture' | 'criteria' | 'criteriaTotal' | 'rewards' | 'ip' | 'domains';
  step: Step;
  required: boolean;
}

/**
 * What is still missing. Required items mirror the server's publish rules (a brief; a deadline, if
 * any, in the future); the others are what creatives look for before they apply. The server
 * decides: publishing is never blocked here, and its refusal is shown on the step it concerns.
 */
export function checklist(d: Draft, now: Date = new Date()): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  if (!d.title.sl.trim() || !d.title.en.trim()) items.push({ key: 'title', step: 'basics', required: false });
  if (!d.brief.sl.trim() && !d.brief.en.trim()) items.push({ key: 'brief', step: 'brief', required: true });
  else if (!d.brief.sl.trim() || !d.brief.en.trim()) items.push({ key: 'briefBoth', step: 'brief', required: false });
  if (d.domains.length === 0) items.push({ key: 'domains', step: 'basics', required: false });
  if (d.rewards.length === 0 && !d.rewardText.sl.trim() && !d.rewardText.en.trim()) items.push({ key: 'rewards', step: 'rewards', required: false });
  if (!d.ipKind) items.push({ key: 'ip', step: 'ip', required: false });
  if (d.criteria.length === 0) items.push({ key: 'criteria', step: 'criteria', required: false });
  else if (criteriaTotal(d) !== 100) items.push({ key: 'criteriaTotal', step: 'criteria', required: false });
  const timeline = timelineProblem(d, now);
  if (timeline) items.push({ key: 'deadlineFuture', step: 'timeline', required: true });
  else if (!deadlineOf(d)) items.push({ key: 'deadline', step: 'timeline', required: false });
  return items;
}

/** The group (and step) a server field path belongs to, e.g. `input.criteria.1.weight` → criteria. */
export function groupOfField(path: string): Group | null {
  const first = path.replace(/^input\./, '').split('.')[0];
  switch (first) {
    case 'title':
    case 'kind':
    case 'domains':
    case 'techniques':
    case 'materials':
      return 'basics';
    case 'brief':
      return 'brief';
    case 'partners':
      return 'partners';
    case 'rewards':
    case 'reward':
    case 'totalBudgetEur':
    case 'awardsCount':
    case 'twoStage':
      return 'rewards';
    case 'ipTerms':
      return 'ip';
    case 'criteria':
      return 'criteria';
    case 'deadline':
      return 'timeline';
    case 'eligibility':
    case 'workingLanguages':
      return 'eligibility';
    case 'visibility':
      return 'visibility';
    default:
      return null;
  }
}

/** The message key (ourChallenges.errors.*) for a server field path. */
export function messageOfField(path: string): string {
  const p = path.replace(/^input\./, '');
  if (p === 'criteria') return 'criteriaTotal';
  if (p.startsWith('criteria.') && p.endsWith('.name')) return 'criterionName';
  if (p.startsWith('criteria.')) return 'criterionWeight';
  if (p.startsWith('rewards.') && p.endsWith('.amountEur')) return 'rewardAmount';
  if (p.startsWith('rewards')) return 'rewards';
  if (p.startsWith('partners')) return 'partner';
  if (p.startsWith('twoStage')) return 'shortlist';
  if (p.startsWith('eligibility')) return 'municipalities';
  const known = ['title', 'brief', 'deadline', 'totalBudgetEur', 'awardsCount', 'workingLanguages', 'visibility', 'kind', 'domains', 'techniques', 'materials', 'ipTerms'];
  const first = p.split('.')[0];
  return known.includes(first) ? first : 'generic';
}
