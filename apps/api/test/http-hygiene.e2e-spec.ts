import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * What every HTTP response carries (security headers, no X-Powered-By), and malformed query
 * strings: a repeated parameter (`?a=1&a=2`, an array to Express) or a structured one
 * (`a[b]=c`) on any REST route is a 400, never a 500; HTML on the unsubscribe page, JSON elsewhere.
 */
describe('HTTP hygiene (e2e)', () => {
  let t: TestApp;
  let app: INestApplication;

  beforeAll(async () => {
    t = await startTestApp({ worker: false });
    ({ app } = t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(app.getHttpServer());

  it('sends the security headers on every response, and no X-Powered-By', async () => {
    const responses = await Promise.all([
      http().get('/health'),
      http().get('/reports/no-such-report'), // an API path: 404 whether or not the web app is built (other paths serve its shell)
      http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' }),
      http().get('/account/export'),
      http().get('/notifications/unsubscribe?token=forged'),
      http().post('/graphql').set('content-type', 'application/json').send('{"query": '),
      http().get('/health?x=1&x=2'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 404, 200, 401, 400, 400, 400]);
    for (const res of responses) {
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      // The public URL of the test app is http: no HSTS, no upgrade of the page's form posts.
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    }
    // A same-origin React SPA may load its own scripts, and nothing else.
    expect(responses[0].headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(responses[0].headers['content-security-policy']).toMatch(/default-src 'self'/);
    // The unsubscribe page keeps its own, stricter policy: no scripts at all, forms to itself.
    expect(responses[4].headers['content-security-policy']).toMatch(/default-src 'none'.*form-action 'self'/);
  });

  it('answers a repeated or structured unsubscribe token with the 400 page, not a 500', async () => {
    for (const query of ['token=a&token=b', 'token[]=a', 'token[a]=b', 'token=a&token=a', 'x=1&x=2', 'token=%E0%A4%A', 'token=%ZZ', 'token', 'token=']) {
      for (const method of ['get', 'post'] as const) {
        const res = await http()[method](`/notifications/unsubscribe?${query}`);
        expect({ query, method, status: res.status, type: res.headers['content-type'] }).toEqual({ query, method, status: 400, type: 'text/html; charset=utf-8' });
        expect(res.text).toMatch(/This (unsubscribe )?link is not valid/);
      }
    }
  });

  it('answers a malformed query on every JSON route with a 400 in JSON', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const routes = [
      `/reports/outcomes.csv?year=2026&year=2027`, `/events/${id}/agenda.ics?participantId=a&participantId=b`,
      `/events/${id}/schedule.csv?x=1&x=2`, `/attachments/${id}?a=1&a=2`, `/attachments/${id}?a=%E0%A4%A&a=%ZZ`, `/account/export?a[b]=c&a[b]=d`, `/health?x=1&x=2`, `/ready?x=1&x=2`, `/graphql?query=a&query=b`,
    ];
    for (const route of routes) {
      const res = await http().get(route);
      expect({ route, status: res.status, error: (res.body as { error?: string }).error }).toEqual({ route, status: 400, error: 'BAD_USER_INPUT' });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
    // A malformed path is no 500 either.
    for (const route of ['/attachments/%E0%A4%A', '/attachments/%ZZ', `/events/%ZZ/agenda.ics`]) {
      const res = await http().get(route);
      expect({ route, status: res.status >= 400 && res.status < 500 }).toEqual({ route, status: true });
    }
  });
});
