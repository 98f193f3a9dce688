/** The need form's own checks before it is sent (the API checks again and is the truth). */
export const MAX_EUR = 100_000_000;

export interface NeedValues {
  titleSl: string;
  titleEn: string;
  descriptionSl: string;
  descriptionEn: string;
  domains: string[];
  techniques: string[];
  budgetMinEur: string;
  budgetMaxEur: string;
  timelineStart: string;
  timelineEnd: string;
}

export type NeedField = keyof NeedValues;
export type NeedProblem = 'required' | 'euros' | 'budgetOrder' | 'date' | 'dateOrder';

const isEuros = (value: string) => /^\d+$/.test(value) && Number(value) <= MAX_EUR;

/** A calendar date that exists, as YYYY-MM-DD (what the API and <input type="date"> use). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Field name -> what is wrong: a title in one language at least, whole euros in order, real dates in order. */
export function checkNeed(values: NeedValues): Partial<Record<NeedField, NeedProblem>> {
  const problems: Partial<Record<NeedField, NeedProblem>> = {};
  if (!values.titleSl.trim() && !values.titleEn.trim()) problems.titleSl = 'required';
  const min = values.budgetMinEur.trim();
  const max = values.budgetMaxEur.trim();
  if (min && !isEuros(min)) problems.budgetMinEur = 'euros';
  if (max && !isEuros(max)) problems.budgetMaxEur = 'euros';
  else if (min && max && isEuros(min) && Number(max) < Number(min)) problems.budgetMaxEur = 'budgetOrder';
  const start = values.timelineStart.trim();
  const end = values.timelineEnd.trim();
  if (start && !isIsoDate(start)) problems.timelineStart = 'date';
  if (end && !isIsoDate(end)) problems.timelineEnd = 'date';
  else if (start && end && isIsoDate(start) && end < start) problems.timelineEnd = 'dateOrder';
  return problems;
}

/** The form as the API's input: empty fields are null (cleared), texts trimmed. */
export function needInput(values: NeedValues) {
  const text = (value: string) => value.trim() || null;
  const euros = (value: string) => (value.trim() ? Number(value.trim()) : null);
  return {
    title: { sl: text(values.titleSl), en: text(values.titleEn) },
    description: { sl: text(values.descriptionSl), en: text(values.descriptionEn) },
    domains: values.domains,
    techniques: values.techniques,
    budgetMinEur: euros(values.budgetMinEur),
    budgetMaxEur: euros(values.budgetMaxEur),
    timelineStart: text(values.timelineStart),
    timelineEnd: text(values.timelineEnd),
  };
}
