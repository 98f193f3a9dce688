import * as path from 'node:path';
import { createAppLogger, exitWithParent, getConfigOrExit } from '@app/config';
import { startEmbeddedSearchServer } from '@app/search';

/**
 * The embedded search engine (Orama, in this process) behind a small HTTP API: the zero-setup
 * stand-in for the Meilisearch container, so the API and the worker share one index. It is not
 * Meilisearch; production sets SEARCH_BACKEND=meilisearch instead.
 */
async function main(): Promise<void> {
  const config = getConfigOrExit('embedded-search');
  const logger = createAppLogger(config, 'embedded-search');
  if (config.search.backend !== 'embedded') {
    logger.error('SEARCH_BACKEND is not "embedded": this process is not needed');
    process.exit(78);
  }
  const url = new URL(config.search.url);
  const server = await startEmbeddedSearchServer({
    host: url.hostname,
    port: Number(url.port),
    dataDir: path.join(config.dataDir, 'search'),
    log: (message: string) => logger.log(message),
  });
  logger.log(`embedded search engine (Orama) on ${server.url}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  exitWithParent(() => server.close());
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded-search failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
