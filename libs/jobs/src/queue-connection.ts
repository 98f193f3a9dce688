import type { AppConfig } from '@app/config';
import { createPostgresBackend, type DefaultJobOptions, type QueueOptions, type WorkerOptions } from 'bullmq';

/**
 * Connection settings for one BullMQ backend, chosen by QUEUE_BACKEND: PostgreSQL (zero-setup
 * default, BullMQ 6's own backend, migrating its `bullmq` schema itself) or Redis (production).
 */
export interface QueueBackend {
  kind: 'postgres' | 'redis';
  queueOptions(): QueueOptions;
  workerOptions(concurrency: number): WorkerOptions;
  /** Third constructor argument of Queue/Worker; undefined means BullMQ's default (Redis). */
  factory: typeof createPostgresBackend | undefined;
}

/** Retries with exponential backoff; completed jobs kept a day, failed ones two weeks (ids only). */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

export function queueBackend(config: AppConfig): QueueBackend {
  if (config.queue.backend === 'redis') {
    const connection = redisConnection(config.queue.redisUrl);
    return {
      kind: 'redis',
      factory: undefined,
      // Producers fail fast while Redis is away (the outbox keeps the event); workers wait and reconnect.
      queueOptions: () => ({ connection: { ...connection, enableOfflineQueue: false }, prefix: config.queue.namespace, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
      workerOptions: (concurrency) => ({ connection, prefix: config.queue.namespace, concurrency }),
    };
  }
  const connectionString = config.queue.connectionString ?? config.database.url;
  if (!connectionString) throw new Error('QUEUE_BACKEND=postgres needs DATABASE_URL (set by `npm start` when embedded)');
  const connection = { connectionString, schema: `bullmq_${config.queue.namespace}`, migrate: true, max: 4, application_name: 'modrotisk-queue' };
  return {
    kind: 'postgres',
    factory: createPostgresBackend,
    queueOptions: () => ({ connection, defaultJobOptions: DEFAULT_JOB_OPTIONS }) as unknown as QueueOptions,
    workerOptions: (concurrency) => ({ connection, concurrency }) as unknown as WorkerOptions,
  };
}

function redisConnection(url: string): NonNullable<QueueOptions['connection']> {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
