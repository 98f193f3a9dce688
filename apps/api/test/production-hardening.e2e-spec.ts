import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG } from '@app/config';
import { startEmbeddedSearchServer } from '@app/search';
import { createTestDatabase, testConfig, type TestDatabase } from '@app/testing';
import { AppModule } from '../src/app.module.js';
import { gql } from './graphql-client.js';

/** With NODE_ENV=production the schema is not given away (OWASP GraphQL cheat sheet). */
describe('GraphQL in production mode (e2e)', () => {
  let db: TestDatabase;
  let searchServer: Awaited<ReturnType<typeof startEmbeddedSearchServer>>;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    searchServer = await startEmbeddedSearchServer({ host: '127.0.0.1', port: 0 });
    const config = testConfig(db.url, 'postgres', { NODE_ENV: 'production', EMBEDDED_SEARCH_URL: searchServer.url });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(APP_CONFIG).useValue(config).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await searchServer?.close();
    await db?.drop();
  });

  it('refuses introspection', async () => {
    const res = await gql(app, `{ __schema { types { name } } }`);
    expect(res.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.raw).not.toContain('CreativeProfile');
  });

  it('gives no field suggestions', async () => {
    const res = await gql(app, `{ creativeProfile(id: "x") { displayNam } }`);
    expect(res.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.raw).not.toMatch(/Did you mean/i);
  });

  it('still answers ordinary queries', async () => {
    const res = await gql<{ referenceData: { domains: unknown[] } }>(app, `{ referenceData { domains { code } } }`);
    expect(res.data?.referenceData.domains).toHaveLength(14);
  });
});
