import request from 'supertest';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Integrators get a GraphiQL page at GET /graphql in development (issue 12, item 17); production
 * has no landing page there. The web app's SPA fallback never answers /graphql.
 */
describe.each([
  ['development', true],
  ['production', false],
] as const)('GET /graphql with NODE_ENV=%s (e2e)', (nodeEnv, servesGraphiql) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ worker: false, env: { NODE_ENV: nodeEnv } });
  });

  afterAll(async () => {
    await t?.close();
  });

  it(servesGraphiql ? 'serves the GraphiQL page, with a policy that lets it load' : 'serves no landing page', async () => {
    const res = await request(t.app.getHttpServer()).get('/graphql').set('Accept', 'text/html');
    const isGraphiql = res.status === 200 && /text\/html/.test(String(res.headers['content-type'])) && /graphiql/i.test(res.text);
    expect(isGraphiql).toBe(servesGraphiql);
    // Never the web app's shell (the SPA fallback leaves /graphql alone).
    expect(res.text).not.toContain('id="app"');
    if (servesGraphiql) {
      expect(res.headers['content-security-policy']).toContain('https://unpkg.com');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('keeps the strict policy everywhere else and answers POSTed queries', async () => {
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.headers['content-security-policy']).not.toContain('unpkg');
    const post = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect(post.body).toEqual({ data: { __typename: 'Query' } });
    expect(post.headers['content-security-policy']).not.toContain('unpkg');
  });
});
