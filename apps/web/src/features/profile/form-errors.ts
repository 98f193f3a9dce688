import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { fromCode, toAppError } from '../../graphql/errors.js';
import { formatRelative } from '../../i18n/format.js';

export interface FormErrors {
  fields: Record<string, string>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/**
 * The API's field path as this feature's field name: `input.bio.sl` → `bioSl`, `input.title.en`
 * → `titleEn`, `input.municipality` → `municipality` (the shared errors.ts keeps only the last
 * segment, which cannot tell `bio.sl` from `title.sl`).
 */
export function fieldOf(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'input' && !/^\d+$/.test(p));
  return parts.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('');
}

/** Field paths named by BAD_USER_INPUT errors (class-validator details or a domain `field`). */
function inputPaths(error: CombinedError): string[] {
  const paths: string[] = [];
  for (const e of error.graphQLErrors) {
    if (e.extensions.code !== 'BAD_USER_INPUT') continue;
    const details = e.extensions.details;
    if (details && typeof details === 'object') paths.push(...Object.keys(details));
    else paths.push(typeof e.extensions.field === 'string' ? e.extensions.field : 'input');
  }
  return paths;
}

/**
 * A failed request as the messages a form shows: known fields get this feature's words (`profile.error.<field>`,
 * the same next to the field and in the summary); anything else a general message in the user's language.
 */
export function describe(t: TFunction, language: string, error: CombinedError | undefined, known: readonly string[], overrides: { invalidState?: string } = {}): FormErrors {
  if (!error) return NO_ERRORS;
  const paths = inputPaths(error);
  if (paths.length > 0) return fieldErrors(t, paths.map(fieldOf), known);
  const app = toAppError(error);
  return general(t, language, app ?? fromCode(undefined), overrides);
}

export function fieldErrors(t: TFunction, fields: readonly string[], known: readonly string[]): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  for (const field of fields) {
    // Both title languages answer to one rule ("give it in at least one language").
    const name = field === 'title' ? 'titleSl' : field === 'description' ? 'descriptionSl' : field === 'bio' ? 'bioSl' : field;
    if (known.includes(name)) result.fields[name] = t(`profile.error.${name}`);
    else if (!result.general.includes(t('errors.invalidInput'))) result.general.push(t('errors.invalidInput'));
  }
  return result;
}

export function general(t: TFunction, language: string, error: ReturnType<typeof fromCode>, overrides: { invalidState?: string } = {}): FormErrors {
  switch (error.kind) {
    case 'rateLimited':
      return { fields: {}, general: [t('errors.rateLimited', { when: formatRelative(language, new Date(Date.now() + error.retryAfterSeconds * 1000)) })] };
    case 'invalidState':
      return { fields: {}, general: [overrides.invalidState ?? t('errors.invalidState')] };
    case 'input':
      return { fields: {}, general: [t('errors.invalidInput')] };
    case 'forbidden':
    case 'notFound':
    case 'unauthenticated':
    case 'unavailable':
    case 'unexpected':
      return { fields: {}, general: [t(`errors.${error.kind}`)] };
  }
}
