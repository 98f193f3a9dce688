import { Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { DEFAULT_TRANSACTION_RETRY, type RetryHooks, type TransactionRetryPolicy, withTransactionRetry } from './transaction-retry.js';

type Work<T> = (manager: EntityManager) => Promise<T>;

/**
 * The one place where write transactions are retried. Every `dataSource.transaction(...)` in the
 * code base runs again, from the start and on a fresh transaction, when PostgreSQL aborts it with
 * a serialisation failure (40001) or as a deadlock victim (40P01): at most `policy.maxAttempts`
 * times, with exponential backoff and full jitter; every other error goes straight to the caller.
 *
 * Because a callback may run more than once, transaction callbacks must not have side effects
 * outside the database (no mail, no queue jobs, no files, no HTTP calls): record them in the same
 * transaction (the outbox, the inbox) or do them after the transaction committed.
 *
 * A transaction opened while another one's callback is running is not retried on its own: the
 * error reaches the outer callback, and the outer transaction (if it fails with it) is retried as
 * a whole.
 */
export class RetryingDataSource extends DataSource {
  private readonly retryLog = new Logger('Transaction');
  private readonly inside = new AsyncLocalStorage<{ open: boolean }>();
  /** Retries so far, by SQLSTATE (for health figures, and for tests that prove a path never needs one). */
  readonly retries = new Map<string, number>();

  constructor(
    options: DataSourceOptions,
    readonly retryPolicy: TransactionRetryPolicy = DEFAULT_TRANSACTION_RETRY,
    private readonly hooks: Omit<RetryHooks, 'onRetry'> = {},
  ) {
    super(options);
  }

  override transaction<T>(runInTransaction: Work<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, runInTransaction: Work<T>): Promise<T>;
  override async transaction<T>(isolationOrWork: IsolationLevel | Work<T>, maybeWork?: Work<T>): Promise<T> {
    const isolation = typeof isolationOrWork === 'string' ? isolationOrWork : undefined;
    const work = typeof isolationOrWork === 'function' ? isolationOrWork : maybeWork;
    if (!work) return super.transaction(isolationOrWork as IsolationLevel, maybeWork as Work<T>);
    const once = (): Promise<T> => (isolation ? super.transaction(isolation, work) : super.transaction(work));
    if (this.inside.getStore()?.open) return once();
    const marker = { open: true };
    try {
      return await this.inside.run(marker, () => withTransactionRetry(once, this.retryPolicy, {
        ...this.hooks,
        onRetry: ({ state, attempt, delayMs }) => {
          this.retries.set(state, (this.retries.get(state) ?? 0) + 1);
          this.retryLog.warn(`transaction aborted by PostgreSQL (SQLSTATE ${state}) on attempt ${attempt} of ${this.retryPolicy.maxAttempts}; retrying in ${delayMs} ms`);
        },
      }));
    } finally {
      marker.open = false;
    }
  }
}
