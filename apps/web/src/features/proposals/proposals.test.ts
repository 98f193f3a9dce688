import { describe, expect, it } from 'vitest';
import { formatRemaining, isOpen } from './Countdown.js';
import { parseEuros } from './money.js';
import { uploadFailure } from './upload.js';

describe('proposal helpers', () => {
  it('words the time left per locale, with Slovenian dual and plural forms', () => {
    const day = 86_400_000;
    expect(formatRemaining('sl', 2 * day + 3 * 3_600_000 + 5_000)).toBe('2 dneva, 3 ure, 0 minut in 5 sekund');
    expect(formatRemaining('sl', day + 60_000)).toBe('1 dan, 0 ur, 1 minuta in 0 sekund');
    expect(formatRemaining('en', 2 * day + 3 * 3_600_000 + 5_000)).toBe('2 days, 3 hours, 0 minutes and 5 seconds');
    expect(formatRemaining('en', 59_000)).toBe('59 seconds');
    expect(formatRemaining('en', -5_000)).toBe('0 seconds');
  });

  it('is open only while published and before the deadline', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(isOpen({ status: 'PUBLISHED', deadline: '2026-12-03T12:00:01Z' }, now)).toBe(true);
    expect(isOpen({ status: 'PUBLISHED', deadline: '2026-12-03T12:00:00Z' }, now)).toBe(false);
    expect(isOpen({ status: 'PUBLISHED', deadline: null }, now)).toBe(true);
    expect(isOpen({ status: 'SUBMISSIONS_CLOSED', deadline: '2027-01-01T00:00:00Z' }, now)).toBe(false);
  });

  it('reads whole euros as people type them, and refuses anything else', () => {
    expect(parseEuros('')).toBeNull();
    expect(parseEuros('  ')).toBeNull();
    expect(parseEuros('4500')).toBe(4500);
    expect(parseEuros('4.500')).toBe(4500);
    expect(parseEuros('4,500')).toBe(4500);
    expect(parseEuros('4 500 €')).toBe(4500);
    expect(parseEuros('4.500,00')).toBe(4500);
    expect(parseEuros('45.5')).toBeNaN();
    expect(parseEuros('-3')).toBeNaN();
    expect(parseEuros('tisoč')).toBeNaN();
  });

  it('turns the upload endpoint’s JSON errors into reasons the page explains', () => {
    expect(uploadFailure(413, { error: 'BAD_USER_INPUT', message: 'File too large' })).toBe('tooLarge');
    expect(uploadFailure(400, { error: 'BAD_USER_INPUT', message: 'only PDF, PNG, JPG, WEBP files are accepted (recognised by content, not name)' })).toBe('type');
    expect(uploadFailure(400, { error: 'BAD_USER_INPUT', message: 'the file is empty' })).toBe('empty');
    expect(uploadFailure(400, { error: 'BAD_USER_INPUT', message: 'the file is larger than 20971520 bytes' })).toBe('tooLarge');
    expect(uploadFailure(409, { error: 'INVALID_STATE', message: 'a proposal has at most 20 attachments' })).toBe('tooMany');
    expect(uploadFailure(409, { error: 'INVALID_STATE', message: 'challenge x does not take submissions any more' })).toBe('closed');
    expect(uploadFailure(401, null)).toBe('signedOut');
    expect(uploadFailure(500, { error: 'INTERNAL_SERVER_ERROR' })).toBe('unexpected');
  });
});
