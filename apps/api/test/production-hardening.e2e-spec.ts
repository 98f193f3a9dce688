import type { INestApplication } from '@nestjs/common';
import { gql } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/** With NODE_ENV=production the schema is not given away (OWASP GraphQL cheat sheet). */
describe('GraphQL in production mode (e2e)', () => {
  let testApp: TestApp;
  let app: INestApplication;

  beforeAll(async () => {
    testApp = await startTestApp({ worker: false, env: { NODE_ENV: 'production' } });
    ({ app } = testApp);
  });

  afterAll(async () => {
    await testApp?.close();
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
