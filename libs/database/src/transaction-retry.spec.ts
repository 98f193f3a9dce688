import { QueryFailedError } from 'typeorm';
import { DEFAULT_TRANSACTION_RETRY, isRetryableTransactionError, retryDelayMs, sqlStateOf, type TransactionRetryPolicy, withTransactionRetry } from './transaction-retry.js';

/** A failure as TypeORM reports it: the pg error (with its SQLSTATE) inside a QueryFailedError. */
const failed = (code: string) => new QueryFailedError('UPDATE t SET v = v + 1', [], Object.assign(new Error(`pg error ${code}`), { code }));
const policy: TransactionRetryPolicy = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 35 };

describe('transaction retry policy', () => {
  it('retries serialisation failures and deadlocks only, as TypeORM and pg report them', () => {
    expect(sqlStateOf(failed('40P01'))).toBe('40P01');
    expect(isRetryableTransactionError(failed('40001'))).toBe(true);
    expect(isRetryableTransactionError(failed('40P01'))).toBe(true);
    expect(isRetryableTransactionError(Object.assign(new Error('raw pg'), { code: '40P01' }))).toBe(true);
    for (const other of [failed('23505'), failed('55P03'), failed('40002'), new Error('40001'), null, undefined, '40001', { driverError: { code: 40001 } }]) {
      expect(isRetryableTransactionError(other)).toBe(false);
    }
  });

  it('waits a full-jitter exponential backoff: uniform below min(cap, base·2^(retry-1))', () => {
    const almostOne = () => 0.999999;
    expect([1, 2, 3, 4, 5].map((retry) => retryDelayMs(retry, policy, almostOne))).toEqual([9, 19, 34, 34, 34]);
    expect([1, 2, 3].map((retry) => retryDelayMs(retry, policy, () => 0))).toEqual([0, 0, 0]);
    expect(retryDelayMs(2, policy, () => 0.5)).toBe(10);
    // With the real random source, every wait stays within its window.
    for (let retry = 1; retry <= 8; retry++) {
      const cap = Math.min(DEFAULT_TRANSACTION_RETRY.maxDelayMs, DEFAULT_TRANSACTION_RETRY.baseDelayMs * 2 ** (retry - 1));
      for (let i = 0; i < 50; i++) {
        const delay = retryDelayMs(retry, DEFAULT_TRANSACTION_RETRY);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(cap);
      }
    }
  });

  it('runs the work again after a retryable failure and answers its result', async () => {
    const waits: number[] = [];
    const attempts: number[] = [];
    const result = await withTransactionRetry(async (n) => {
      attempts.push(n);
      if (n < 3) throw failed(n === 1 ? '40P01' : '40001');
      return 'done';
    }, policy, { sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
    expect(result).toBe('done');
    expect(attempts).toEqual([1, 2, 3]);
    expect(waits).toEqual([5, 10]);
  });

  it('does not retry any other error', async () => {
    let attempts = 0;
    const unique = failed('23505');
    await expect(withTransactionRetry(async () => {
      attempts++;
      throw unique;
    }, policy, { sleep: async () => undefined })).rejects.toBe(unique);
    expect(attempts).toBe(1);
  });

  it('gives up after maxAttempts and throws the last failure', async () => {
    const seen: number[] = [];
    const retried: { state: string; attempt: number }[] = [];
    const errors = [1, 2, 3, 4, 5].map(() => failed('40001'));
    await expect(withTransactionRetry(async (n) => {
      seen.push(n);
      throw errors[n - 1];
    }, policy, { sleep: async () => undefined, onRetry: ({ state, attempt }) => retried.push({ state, attempt }) })).rejects.toBe(errors[3]);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(retried).toEqual([1, 2, 3].map((attempt) => ({ state: '40001', attempt })));
  });
});
