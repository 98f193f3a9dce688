import type { TFunction } from 'i18next';
import type { AppError } from '../../graphql/errors.js';
import { formatRelative } from '../../i18n/format.js';

export interface Failure {
  /** Form field -> translated message (the same words next to the field and in the summary). */
  fields: Record<string, string>;
  general: string[];
}

/** The form fields of this feature that have their own message (proposals.errors.<field>). */
const FIELD_MESSAGES = ['title', 'titleSl', 'workingTitle', 'body', 'bodySl', 'requestedEur', 'coAuthors', 'question'] as const;

/**
 * An API error as messages: `fieldMap` names the form field for an API field (`title` ->
 * `titleSl`); input errors on unmapped fields and every other kind become general messages.
 * `overrides` words what a kind means on this page (INVALID_STATE: "submissions are closed").
 */
export function describeFailure(
  t: TFunction,
  language: string,
  error: AppError,
  fieldMap: Record<string, string>,
  overrides: Partial<Record<AppError['kind'], string>> = {},
): Failure {
  switch (error.kind) {
    case 'input': {
      const out: Failure = { fields: {}, general: [] };
      for (const apiField of Object.keys(error.fields)) {
        const field = fieldMap[/^\d+$/.test(apiField) ? 'coAuthorIds' : apiField];
        if (field && (FIELD_MESSAGES as readonly string[]).includes(field)) out.fields[field] = t(`proposals.errors.${field as (typeof FIELD_MESSAGES)[number]}`);
        else out.general.push(overrides.input ?? t('errors.invalidInput'));
      }
      return out;
    }
    case 'rateLimited':
      return { fields: {}, general: [t('errors.rateLimited', { when: formatRelative(language, new Date(Date.now() + error.retryAfterSeconds * 1000)) })] };
    case 'invalidState':
      return { fields: {}, general: [overrides.invalidState ?? t('proposals.errors.closed')] };
    case 'notFound':
    case 'unauthenticated':
    case 'forbidden':
    case 'unavailable':
    case 'unexpected':
      return { fields: {}, general: [overrides[error.kind] ?? t(`errors.${error.kind}`)] };
  }
}
