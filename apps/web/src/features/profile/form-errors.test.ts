import type { TFunction } from 'i18next';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { describe as describeError, fieldOf } from './form-errors.js';

const t = ((key: string) => key) as unknown as TFunction;
const inputError = (extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT', ...extensions } }] });

describe('form errors of the profile editor', () => {
  it('names fields by their whole path, so bio.sl and title.sl stay apart', () => {
    expect(fieldOf('input.bio.sl')).toBe('bioSl');
    expect(fieldOf('input.title.en')).toBe('titleEn');
    expect(fieldOf('input.municipality')).toBe('municipality');
    expect(fieldOf('input.domains.3')).toBe('domains');
    expect(fieldOf('link')).toBe('link');
  });

  it('puts known fields next to the field and anything else in the summary', () => {
    expect(describeError(t, 'sl', inputError({ field: 'input.link' }), ['link'])).toEqual({ fields: { link: 'profile.error.link' }, general: [] });
    expect(describeError(t, 'sl', inputError({ field: 'input.bio.en', details: { 'input.bio.en': ['too long'], 'input.website': ['x'] } }), ['bioEn'])).toEqual({
      fields: { bioEn: 'profile.error.bioEn' },
      general: ['errors.invalidInput'],
    });
    // "a title in some language" answers on the field path `title`: shown on the Slovenian title.
    expect(describeError(t, 'sl', inputError({ field: 'input.title' }), ['titleSl', 'titleEn']).fields).toEqual({ titleSl: 'profile.error.titleSl' });
  });

  it('words other failures for the summary', () => {
    const state = new CombinedError({ graphQLErrors: [{ message: 'cap', extensions: { code: 'INVALID_STATE' } }] });
    expect(describeError(t, 'en', state, [], { invalidState: 'full' })).toEqual({ fields: {}, general: ['full'] });
    const limited = new CombinedError({ graphQLErrors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 120 } }] });
    expect(describeError(t, 'en', limited, []).general).toEqual(['errors.rateLimited']);
  });
});
