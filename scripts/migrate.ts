import { createAppLogger, getConfigOrExit } from '@app/config';
import { runMigrations } from '@app/database';

/** Applies pending migrations to DATABASE_URL (deployments run this before api and worker). */
async function main(): Promise<void> {
  const config = getConfigOrExit('migrate');
  const logger = createAppLogger(config, 'migrate');
  if (!config.database.url) {
    logger.error('DATABASE_URL is not set (with embedded defaults, `npm start` migrates by itself)');
    process.exit(78);
  }
  const applied = await runMigrations(config.database.url);
  logger.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
