import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG } from '@app/config';
import { JobsWorkerModule } from '@app/jobs';
import { MarketplaceWorkerModule } from '@app/marketplace';
import { IdentityWorkerModule } from '@app/identity';
import { NotificationsWorkerModule } from '@app/notifications';
import { EventsWorkerModule } from '@app/events';
import { startEmbeddedSearchServer, type EmbeddedSearchServer } from '@app/search';
import { createTestDatabase, testConfig, type TestDatabase } from '@app/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppModule } from '../src/app.module.js';
import { configureHttp } from '../src/http/http-setup.js';

export interface TestApp {
  app: INestApplication;
  searchServer: EmbeddedSearchServer;
  /** DATA_DIR of this app: mail without SMTP lands in <dataDir>/mail. */
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The API on its own database, the BullMQ PostgreSQL backend and an embedded search server over
 * HTTP; with `worker`, the worker's processors run in the same process.
 */
export async function startTestApp(options: { worker: boolean; env?: Record<string, string> }): Promise<TestApp> {
  const db: TestDatabase = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-test-data-'));
  const searchServer = await startEmbeddedSearchServer({ host: '127.0.0.1', port: 0 });
  const config = testConfig(db.url, 'postgres', { EMBEDDED_SEARCH_URL: searchServer.url, DATA_DIR: dataDir, ...options.env });
  const imports = options.worker ? [AppModule, MarketplaceWorkerModule, IdentityWorkerModule, NotificationsWorkerModule, EventsWorkerModule, JobsWorkerModule] : [AppModule];
  const moduleRef = await Test.createTestingModule({ imports }).overrideProvider(APP_CONFIG).useValue(config).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureHttp(app, config);
  await app.init();
  return {
    app,
    searchServer,
    dataDir,
    close: async () => {
      await app.close();
      await searchServer.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
