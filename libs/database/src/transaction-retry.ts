/** PostgreSQL SQLSTATEs after which the whole transaction may simply run again. */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

export interface TransactionRetryPolicy {
  /** Attempts in all, the first included (1 = no retry). */
  maxAttempts: number;
  /** The backoff cap before the first retry; it doubles with each further retry. */
  baseDelayMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_TRANSACTION_RETRY: TransactionRetryPolicy = { maxAttempts: 5, baseDelayMs: 20, maxDelayMs: 500 };

/**
 * The SQLSTATE of a failed statement: TypeORM wraps the driver's error in a QueryFailedError
 * (`driverError.code`); a raw `pg` error carries `code` itself.
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const driverError = (error as { driverError?: unknown }).driverError;
  const code = typeof driverError === 'object' && driverError !== null ? (driverError as { code?: unknown }).code : (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function isRetryableTransactionError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && RETRYABLE_SQLSTATES.has(state);
}

/**
 * "Full jitter" backoff: a uniformly random wait between 0 and min(maxDelayMs, baseDelayMs · 2^(retry-1)),
 * so transactions that collided once do not collide again in lock step. `retry` counts from 1.
 */
export function retryDelayMs(retry: number, policy: TransactionRetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * cap);
}

export interface RetryHooks {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before each retry (the SQLSTATE, the attempt that failed, the wait). */
  onRetry?: (info: { state: string; attempt: number; delayMs: number; error: unknown }) => void;
}

/**
 * Runs `attempt` until it succeeds, fails with an error that is not a serialisation failure or a
 * deadlock, or has failed `policy.maxAttempts` times (then the last error is thrown).
 */
export async function withTransactionRetry<T>(attempt: (n: number) => Promise<T>, policy: TransactionRetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= policy.maxAttempts || !isRetryableTransactionError(error)) throw error;
      const delayMs = retryDelayMs(n, policy, hooks.random);
      hooks.onRetry?.({ state: sqlStateOf(error) ?? '', attempt: n, delayMs, error });
      await sleep(delayMs);
    }
  }
}
