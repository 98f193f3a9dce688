import type { TFunction } from 'i18next';
import type { AppError } from '../../graphql/errors.js';
import { formatRelative } from '../../i18n/format.js';

export interface FormErrors {
  fields: Record<string, string>;
  general: string[];
}

/**
 * An AppError as the messages a form shows: field errors (translated per field, the same words
 * next to the field and in the summary) and general ones. `overrides` words the cases that mean
 * something specific on this page (a used link, a wrong password).
 */
export function describeError(t: TFunction, language: string, error: AppError, fields: readonly string[], overrides: Partial<Record<AppError['kind'] | 'token', string>> = {}): FormErrors {
  switch (error.kind) {
    case 'input': {
      const result: FormErrors = { fields: {}, general: [] };
      for (const name of Object.keys(error.fields)) {
        if (fields.includes(name)) result.fields[name] = t(`errors.field.${name}`);
        else if (name === 'token') result.general.push(overrides.token ?? t('account.link.invalid'));
        else result.general.push(overrides.input ?? t('errors.invalidInput'));
      }
      return result;
    }
    case 'rateLimited':
      return { fields: {}, general: [t('errors.rateLimited', { when: formatRelative(language, new Date(Date.now() + error.retryAfterSeconds * 1000)) })] };
    case 'notFound':
    case 'invalidState':
    case 'unauthenticated':
    case 'forbidden':
    case 'unavailable':
    case 'unexpected':
      return { fields: {}, general: [overrides[error.kind] ?? t(`errors.${error.kind}`)] };
  }
}
