import { type AppConfig, loadConfig } from '@app/config';

export type QueueBackendName = 'postgres' | 'redis';

/** The queue backends this run can test: PostgreSQL always, Redis when the setup started one. */
export function availableQueueBackends(): QueueBackendName[] {
  return process.env.TEST_REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
}

/** Prints once per file why the Redis variants are not run. */
export function reportSkippedQueueBackends(suite: string): void {
  if (!process.env.TEST_REDIS_URL) {
    console.warn(`[${suite}] Redis variant skipped: redis-server is not installed (the PostgreSQL backend was tested)`);
  }
}

/** A validated config for tests, built like production's from an environment record. */
export function testConfig(databaseUrl: string, queue: QueueBackendName, extra: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    QUEUE_BACKEND: queue,
    QUEUE_NAMESPACE: `t${Math.random().toString(36).slice(2, 10)}`,
    ...(queue === 'redis' ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    OUTBOX_POLL_MS: '50',
    LOG_LEVEL: 'warn',
    ADMIN_API_TOKEN: 'test-operator-token-0123456789abcdef',
    AUTH_TOKEN_SECRET: 'test-token-secret-0123456789abcdefghijklmnop',
    SEED_DEMO_DATA: 'false',
    ...extra,
  });
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
