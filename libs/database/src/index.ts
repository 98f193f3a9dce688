export * from './entities/index.js';
export { MIGRATIONS } from './migrations/index.js';
export { dataSourceOptions, runMigrations } from './data-source.js';
export { DatabaseModule } from './database.module.js';
export { startEmbeddedPostgres, type EmbeddedPostgresHandle, type EmbeddedPostgresOptions } from './embedded/embedded-postgres.js';
export { freePort } from './embedded/free-port.js';
