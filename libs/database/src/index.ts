export * from './entities/index.js';
export { MIGRATIONS } from './migrations/index.js';
export { dataSourceOptions, runMigrations } from './data-source.js';
export { DatabaseModule } from './database.module.js';
export { RetryingDataSource } from './retrying-data-source.js';
export { DEFAULT_TRANSACTION_RETRY, isRetryableTransactionError, retryDelayMs, sqlStateOf, type TransactionRetryPolicy, withTransactionRetry } from './transaction-retry.js';
export { startEmbeddedPostgres, type EmbeddedPostgresHandle, type EmbeddedPostgresOptions } from './embedded/embedded-postgres.js';
export { freePort } from './embedded/free-port.js';
