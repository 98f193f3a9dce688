import { ValidateBy, type ValidationOptions } from 'class-validator';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * Checks every string and date that arrives at the edge (GraphQL arguments, REST params, query
 * strings, bodies and upload file names) before anything reaches a service or PostgreSQL.
 *
 * Refused in every string, with BAD_USER_INPUT naming the field:
 * - NUL (U+0000): PostgreSQL text cannot hold it;
 * - lone UTF-16 surrogates: not Unicode text, cannot be stored as UTF-8;
 * - bidirectional control characters U+202A–U+202E and U+2066–U+2069: they reorder how a name or
 *   title is shown (file-name and title spoofing, "Trojan Source"). Refused rather than stripped so
 *   that what is stored is exactly what was sent. RTL letters (Arabic, Hebrew) and the implicit
 *   marks U+200E/U+200F are ordinary text and pass.
 *
 * Dates: see `parseStrictDateTime`.
 */

/** Years a date-time argument may fall in (UTC calendar of the given components). */
export const DATE_YEAR_RANGE = { min: 1900, max: 2200 } as const;

export interface UnsafeInput {
  /** Absolute field path, as in the validation pipe's errors: `input.title.sl`, `ids.1`. */
  path: string;
  message: string;
}

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** With the `u` flag a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;
/** GraphQL input values are trees a few levels deep; anything deeper is refused, not walked. */
const MAX_DEPTH = 32;

export const INVALID_DATE_MESSAGE = `must be a real calendar date-time in ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss[.fff]][Z|±HH:mm]) with a year from ${DATE_YEAR_RANGE.min} to ${DATE_YEAR_RANGE.max}`;

/** Why a string is refused, or undefined if it is acceptable text. */
export function stringProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it contains a lone UTF-16 surrogate)';
  if (BIDI_CONTROL.test(value)) return 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)';
  return undefined;
}

/** The first unsafe string or invalid date anywhere in `value` (objects, arrays, nested inputs). */
export function findUnsafeInput(value: unknown, path: string, depth = 0): UnsafeInput | undefined {
  if (typeof value === 'string') {
    const message = stringProblem(value);
    return message ? { path: path || 'input', message } : undefined;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { path: path || 'input', message: INVALID_DATE_MESSAGE } : undefined;
  }
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return undefined;
  if (depth >= MAX_DEPTH) return { path: path || 'input', message: 'is nested too deeply' };
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const keyProblem = stringProblem(key);
    const itemPath = path ? `${path}.${key}` : key;
    if (keyProblem) return { path: path || 'input', message: `field names ${keyProblem}` };
    const found = findUnsafeInput(item, itemPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-](\d{2}):(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Strict ISO 8601: four-digit year in DATE_YEAR_RANGE, a day that exists in its month (no
 * `2027-02-30` rolled over into March), hours 0–23, minutes and seconds 0–59, offset up to ±14:00.
 * A date alone is midnight UTC; a date-time without an offset is read as JavaScript reads it.
 * Answers undefined when the text is not such a date-time.
 */
export function parseStrictDateTime(text: string): Date | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < DATE_YEAR_RANGE.min || year > DATE_YEAR_RANGE.max || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return undefined;
  if (m[9] !== undefined && (Number(m[9]) > 14 || Number(m[10]) > 59)) return undefined;
  if (m[4] === undefined) return new Date(Date.UTC(year, month - 1, day));
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** True for `YYYY-MM-DD` naming a real day within DATE_YEAR_RANGE. */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseStrictDateTime(text) !== undefined;
}

/** class-validator: a `YYYY-MM-DD` string naming a real day (see isCalendarDate). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
      defaultMessage: () => `$property must be a real calendar date YYYY-MM-DD with a year from ${DATE_YEAR_RANGE.min} to ${DATE_YEAR_RANGE.max}`,
    },
  }, options);
}

/**
 * The API's `DateTime` scalar (replaces @nestjs/graphql's GraphQLISODateTime, which is `new Date(x)`).
 * A string that is not a strict date-time becomes an Invalid Date, which the validation pipe refuses
 * with BAD_USER_INPUT naming the argument path; a non-string is a type error like any other scalar's.
 */
export const StrictDateTimeScalar = new GraphQLScalarType<Date | null, string | null>({
  name: 'DateTime',
  // The description of the scalar it replaces, so the schema does not change.
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue(value: unknown): Date {
    if (typeof value !== 'string') throw new GraphQLError('DateTime must be an ISO 8601 string');
    return parseStrictDateTime(value) ?? new Date(Number.NaN);
  },
  parseLiteral(ast): Date {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO 8601 string');
    return parseStrictDateTime(ast.value) ?? new Date(Number.NaN);
  },
  serialize(value: unknown): string | null {
    return value instanceof Date ? value.toISOString() : null;
  },
});
