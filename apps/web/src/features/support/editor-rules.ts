/** The editor's values as typed, and the checks the API makes too (so most mistakes show before a round trip). */
export interface MeasureValues {
  providerOrganisationId: string;
  titleSl: string;
  titleEn: string;
  summarySl: string;
  summaryEn: string;
  textSl: string;
  textEn: string;
  creativeKinds: string[];
  organisationKinds: string[];
  amountMinEur: string;
  amountMaxEur: string;
  /** "2027-03-31" (a day in Slovenia) or empty: a rolling call. */
  deadline: string;
  callUrl: string;
}

export type MeasureField = 'providerOrganisationId' | 'titleSl' | 'summarySl' | 'creativeKinds' | 'amountMinEur' | 'amountMaxEur' | 'deadline' | 'callUrl';

const WHOLE = /^\d{1,9}$/;

export function amountOf(value: string): number | null {
  const trimmed = value.trim().replace(/[.\s]/g, '');
  return trimmed === '' ? null : WHOLE.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The end of a day in Slovenia (23:59 Europe/Ljubljana) as an instant; null for an empty or impossible date. */
export function endOfDayInLjubljana(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const guess = new Date(Date.UTC(y, m - 1, d, 23, 59));
  if (guess.getUTCDate() !== d || guess.getUTCMonth() !== m - 1) return null;
  // Ljubljana's offset at that moment (CET +1 or CEST +2), read back through Intl.
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Ljubljana', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', day: '2-digit' }).formatToParts(guess);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const localMinutes = (part('day') !== d ? 24 : 0) * 60 + part('hour') * 60 + part('minute');
  const offsetMinutes = localMinutes - (23 * 60 + 59);
  return new Date(guess.getTime() - offsetMinutes * 60_000);
}

/** "2027-03-31" for an instant, as the day it falls on in Slovenia (for the date field). */
export function dayInLjubljana(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Problems by field (empty: fine to send). */
export function checkMeasure(values: MeasureValues, now = new Date()): Partial<Record<MeasureField, true>> {
  const problems: Partial<Record<MeasureField, true>> = {};
  if (!values.providerOrganisationId) problems.providerOrganisationId = true;
  if (!values.titleSl.trim() && !values.titleEn.trim()) problems.titleSl = true;
  if (values.titleSl.trim().length > 200 || values.titleEn.trim().length > 200) problems.titleSl = true;
  if (values.creativeKinds.length + values.organisationKinds.length === 0) problems.creativeKinds = true;
  const min = amountOf(values.amountMinEur);
  const max = amountOf(values.amountMaxEur);
  if (min !== null && Number.isNaN(min)) problems.amountMinEur = true;
  if (max !== null && (Number.isNaN(max) || (min !== null && !Number.isNaN(min) && max < min))) problems.amountMaxEur = true;
  if (values.deadline.trim()) {
    const deadline = endOfDayInLjubljana(values.deadline);
    if (!deadline || deadline.getTime() <= now.getTime()) problems.deadline = true;
  }
  if (values.callUrl.trim() && !isHttpsUrl(values.callUrl.trim())) problems.callUrl = true;
  return problems;
}
