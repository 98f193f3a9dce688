import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG } from '@app/config';
import { IdentityWorkerModule, REFRESH_GRACE_MS } from '@app/identity';
import { JobsWorkerModule } from '@app/jobs';
import { MarketplaceWorkerModule } from '@app/marketplace';
import { NotificationsWorkerModule } from '@app/notifications';
import { EventsWorkerModule } from '@app/events';
import { startEmbeddedSearchServer, type EmbeddedSearchServer } from '@app/search';
import { createTestDatabase, testConfig, type TestDatabase } from '@app/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { REFRESH_COOKIE } from '../src/accounts/browser-session.controller.js';
import { configureHttp } from '../src/http/http-setup.js';
import { WEB_ROOT } from '../src/web/web-app.js';
import { PASSWORD, verifiedUser } from './accounts-helpers.js';
import { gql } from './graphql-client.js';

/** The API with a built web app of its own (a small index.html and one asset in a temporary folder). */
describe('the web app on the API origin: browser sessions and the SPA fallback (e2e)', () => {
  let app: INestApplication;
  let db: TestDatabase;
  let search: EmbeddedSearchServer;
  let dataDir: string;
  let webRoot: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-web-data-'));
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-web-root-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(
      path.join(webRoot, 'index.html'),
      '<!doctype html><html lang="sl"><head><title>Modrotisk</title><!--og--><meta property="og:title" content="Modrotisk" /><!--/og--></head><body><div id="app"></div><script type="module" src="/assets/index-abc.js"></script></body></html>',
    );
    fs.writeFileSync(path.join(webRoot, 'assets', 'index-abc.js'), 'console.log("web");');
    fs.writeFileSync(path.join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    search = await startEmbeddedSearchServer({ host: '127.0.0.1', port: 0 });
    const config = testConfig(db.url, 'postgres', { EMBEDDED_SEARCH_URL: search.url, DATA_DIR: dataDir });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule, MarketplaceWorkerModule, IdentityWorkerModule, NotificationsWorkerModule, EventsWorkerModule, JobsWorkerModule] })
      .overrideProvider(APP_CONFIG).useValue(config)
      .overrideProvider(WEB_ROOT).useValue(webRoot)
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureHttp(app, config);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await search?.close();
    await db?.drop();
    for (const dir of [dataDir, webRoot]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer();
  const cookieOf = (res: request.Response): string | undefined => {
    const header = res.headers['set-cookie'] as unknown as string[] | undefined;
    return header?.find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  };
  const valueOf = (cookie: string | undefined) => cookie?.split(';')[0] ?? '';
  const signIn = (email: string, password = PASSWORD) => request(server()).post('/auth/session').set('content-type', 'application/json').send({ email, password });
  const refresh = (cookie: string) => request(server()).post('/auth/session/refresh').set('content-type', 'application/json').set('cookie', cookie).send({});

  it('signs in with the refresh token only in an HttpOnly, SameSite=Lax cookie on /auth/session', async () => {
    const user = await verifiedUser(app, dataDir, 'ana.brower@example.si', 'Ana Brower');
    const res = await signIn(user.email);
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/; Path=\/auth\/session/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/; Secure/); // http://127.0.0.1 in tests; Secure when PUBLIC_URL is https
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Object.keys(res.body as object).sort()).toEqual(['accessToken', 'accessTokenExpiresAt', 'account']);
    expect(res.body).toMatchObject({ account: { id: user.accountId, displayName: 'Ana Brower', email: 'ana.brower@example.si', emailVerified: true } });
    const me = await gql(app, `{ me { id } }`, {}, { token: (res.body as { accessToken: string }).accessToken });
    expect(me.data).toEqual({ me: { id: user.accountId } });
  });

  it('rotates on refresh; the token just replaced still buys an access token for a few seconds, without a new cookie', async () => {
    await verifiedUser(app, dataDir, 'two.tabs@example.si');
    const first = valueOf(cookieOf(await signIn('two.tabs@example.si')));
    const rotated = await refresh(first);
    expect(rotated.status).toBe(200);
    const second = valueOf(cookieOf(rotated));
    expect(second).not.toBe(first);

    // A second tab that raced the rotation presents the old cookie: access, no new cookie, session alive.
    const raced = await refresh(first);
    expect(raced.status).toBe(200);
    expect(cookieOf(raced)).toBeUndefined();
    expect((await gql(app, `{ me { email } }`, {}, { token: (raced.body as { accessToken: string }).accessToken })).data).toEqual({ me: { email: 'two.tabs@example.si' } });
    const next = await refresh(second);
    expect(next.status).toBe(200);
    expect(valueOf(cookieOf(next))).not.toBe(second);
  });

  it('still ends the session when a replaced token comes back after the grace window', async () => {
    await verifiedUser(app, dataDir, 'late.replay@example.si');
    const first = valueOf(cookieOf(await signIn('late.replay@example.si')));
    const second = valueOf(cookieOf(await refresh(first)));
    // The rotation happened longer ago than the grace window.
    await app.get(DataSource).query(`UPDATE account_session SET last_used_at = now() - make_interval(secs => $1) WHERE id = $2`, [REFRESH_GRACE_MS / 1000 + 1, first.split('=')[1].split('.')[0]]);
    const replay = await refresh(first);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: 'UNAUTHENTICATED' });
    expect(cookieOf(replay)).toMatch(/^modrotisk_refresh=;/); // cleared
    expect((await refresh(second)).status).toBe(401); // the whole session ended
  });

  it('keeps the GraphQL refresh for API clients strict: a replayed refresh token ends the session at once', async () => {
    await verifiedUser(app, dataDir, 'api.client@example.si');
    const login = await gql<{ login: { refreshToken: string } }>(app, `mutation { login(email: "api.client@example.si", password: "${PASSWORD}") { refreshToken } }`);
    const old = login.data?.login.refreshToken ?? '';
    const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }`;
    const fresh = await gql<{ refreshSession: { refreshToken: string } }>(app, REFRESH, { t: old });
    expect(fresh.errors).toBeUndefined();
    expect((await gql(app, REFRESH, { t: old })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(app, REFRESH, { t: fresh.data?.refreshSession.refreshToken })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    await verifiedUser(app, dataDir, 'leaving@example.si');
    const cookie = valueOf(cookieOf(await signIn('leaving@example.si')));
    const end = await request(server()).post('/auth/session/end').set('content-type', 'application/json').set('cookie', cookie).send({});
    expect(end.status).toBe(204);
    expect(cookieOf(end)).toMatch(/^modrotisk_refresh=;.*Path=\/auth\/session/);
    expect((await refresh(cookie)).status).toBe(401);
  });

  it('answers wrong passwords, missing cookies and non-JSON requests with JSON errors', async () => {
    const wrong = await signIn('nobody@example.si', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'UNAUTHENTICATED' });
    expect(cookieOf(wrong)).toBeDefined(); // cleared
    const noCookie = await request(server()).post('/auth/session/refresh').set('content-type', 'application/json').send({});
    expect(noCookie.status).toBe(401);
    // A cross-site form post (no preflight) cannot be JSON: refused before any cookie is read.
    const form = await request(server()).post('/auth/session').type('form').send('email=a@b.si&password=x');
    expect(form.status).toBe(415);
  });

  it('serves the web app for every path that is not the API, with assets and the API untouched', async () => {
    for (const pathname of ['/', '/sign-in', '/verify-email?token=abc', '/reset-password?token=abc', '/invitations/accept?token=x', '/challenges/not-a-uuid', '/organisations/1']) {
      const res = await request(server()).get(pathname).set('accept', 'text/html');
      expect([pathname, res.status, res.headers['content-type']]).toEqual([pathname, 200, 'text/html; charset=utf-8']);
      expect(res.text).toContain('<div id="app"></div>');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
    const asset = await request(server()).get('/assets/index-abc.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(server()).get('/favicon.svg')).status).toBe(200);
    expect((await request(server()).get('/assets/missing.js')).status).toBe(404);
    expect((await request(server()).get('/assets/../index.html')).text).not.toContain('<div id="app">');

    // The API keeps its own answers.
    expect((await request(server()).get('/health')).body).toMatchObject({ status: 'ok' });
    expect((await request(server()).get('/account/export').set('accept', 'text/html')).status).toBe(401);
    expect((await request(server()).get('/attachments/00000000-0000-4000-8000-000000000000').set('accept', 'text/html')).headers['content-type']).toMatch(/json/);
    expect((await request(server()).get('/notifications/unsubscribe?token=x').set('accept', 'text/html')).text).not.toContain('<div id="app">');
    expect((await request(server()).get('/events/00000000-0000-4000-8000-000000000000/agenda.ics?token=x')).text).not.toContain('<div id="app">');
    expect((await request(server()).post('/sign-in').set('content-type', 'application/json').send({})).status).toBe(404);
  });

  it('puts a public challenge’s title and brief into the Open Graph tags of its page', async () => {
    const op = { asOperator: true };
    const org = await gql<{ createOrganisation: { id: string } }>(app, `mutation { createOrganisation(input: { kind: COMPANY, name: "Tiskarna Modro", municipality: "kranj" }) { id } }`, {}, op);
    const created = await gql<{ createChallenge: { id: string } }>(
      app,
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`,
      { i: { ownerOrganisationId: org.data?.createOrganisation.id, title: { sl: 'Modrotisk & "usnje"' }, brief: { sl: 'Vzorec   za pohodne čevlje.' } } },
      op,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.createChallenge.id ?? '';
    // A draft is not public: the plain shell, nothing of it leaks.
    const draft = await request(server()).get(`/challenges/${id}`);
    expect(draft.text).toContain('<meta property="og:title" content="Modrotisk" />');
    expect(draft.text).not.toContain('usnje');

    expect((await gql(app, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id }, op)).errors).toBeUndefined();
    const page = await request(server()).get(`/challenges/${id}`);
    expect(page.text).toContain('<meta property="og:title" content="Modrotisk &amp; &quot;usnje&quot;" />');
    expect(page.text).toContain('<meta property="og:description" content="Vzorec za pohodne čevlje." />');
    expect(page.text).toContain('<title>Modrotisk &amp; &quot;usnje&quot; – Modrotisk</title>');
  });
});
