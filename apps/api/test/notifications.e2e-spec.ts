import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JobName } from '@app/jobs';
import { MatchNotificationsHandler } from '@app/marketplace';
import { listCaught, type MailCatcher, NotificationMailHandlers, startMailCatcher } from '@app/notifications';
import { eventually } from '@app/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller, OPERATOR_TOKEN } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PROFILE = `mutation($n: String!, $t: [String!], $m: [String!]) { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: $n, municipality: "ziri", techniques: $t, materials: $m, domains: ["design-visual-arts"], languages: ["sl"], bio: { sl: "Modrotisk in usnje." } }) { id } }`;

/**
 * Match notifications from publication to the mailbox, through real SMTP into the local mail
 * catcher: fan-out to consenting creatives, instant mails and digests by preference, the inbox,
 * one-click unsubscribe, idempotent re-runs, deadline reminders, failed mails and their retry.
 */
describe('notifications (e2e, real SMTP into the mail catcher)', () => {
  let t: TestApp;
  let catcher: MailCatcher;
  let dataDir: string;
  let owner: TestUser, instant: TestUser, digest: TestUser, shy: TestUser;
  let challengeId: string;
  const { ok, code, call } = caller(() => t.app);
  const db = () => t.app.get<DataSource>(getDataSourceToken());
  const mailDir = () => path.join(dataDir, 'mail');
  const caught = async (to: string) => (await listCaught(mailDir())).filter((m) => m.to.includes(to));
  const raw = (file: string) => fs.readFileSync(path.join(mailDir(), file), 'utf8');
  /** The message with its header lines unfolded (RFC 5322 folds long ones). */
  const unfolded = (file: string) => raw(file).replace(/\r?\n[ \t]+/g, ' ');
  const rows = async (accountId: string) =>
    (await db().query(`SELECT id, kind, email_state, reason_en FROM notification WHERE account_id = $1 AND subject_id = $2`, [accountId, challengeId])) as { id: string; kind: string; email_state: string | null; reason_en: string | null }[];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-notify-'));
    catcher = await startMailCatcher({ smtpPort: 0, webPort: 0, dir: path.join(dataDir, 'mail') });
    t = await startTestApp({ worker: true, env: { SMTP_URL: catcher.smtpUrl, DATA_DIR: dataDir } });
    [owner, instant, digest, shy] = await Promise.all(['owner@alpina.example', 'instant@studio.example', 'digest@studio.example', 'shy@studio.example'].map((e) => verifiedUser(t.app, dataDir, e)));
    for (const [user, name] of [[instant, 'Takojšnja Modrinjak'], [digest, 'Povzetka Usnjevec'], [shy, 'Zadržani Tiskar']] as const) {
      await ok(user, PROFILE, { n: name, t: ['blueprint'], m: ['leather'] });
    }
    await ok(instant, `mutation { setMatchingConsent(consent: true) { id } }`);
    await ok(digest, `mutation { setMatchingConsent(consent: true) { id } }`);
    await ok(instant, `mutation { setNotificationPreference(category: MATCHES, mode: INSTANT) { category mode } }`);
    await eventually(async () => ((await ok(null, `{ searchCreatives(query: "modrotisk") { totalCount } }`)).searchCreatives.totalCount >= 3 ? true : undefined), 20_000, 'profiles indexed');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await catcher?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells every consenting creative a new challenge matches, by their preference, with reasons, escaped, once', async () => {
    const orgId = (await ok(owner, `mutation { createOrganisation(input: { kind: COMPANY, name: "Alpina (test)", municipality: "ziri" }) { id } }`)).createOrganisation.id;
    challengeId = (await ok(owner, `mutation($o: ID!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: "Modrotisk <b>na</b> usnju" }, brief: { sl: "Modrotisk na usnju za pohodne čevlje." }, techniques: ["blueprint"], materials: ["leather"], domains: ["design-visual-arts"], deadline: "2099-01-01T00:00:00Z" }) { id } }`, { o: orgId })).createChallenge.id;
    await ok(owner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: challengeId });

    // Instant: one mail, in the reader's language (English here), plain text and HTML, the title escaped, one-click unsubscribe.
    const [mail] = await eventually(async () => {
      const m = await caught(instant.email);
      return m.some((x) => x.subject.includes('A new challenge')) ? m.filter((x) => x.subject.includes('A new challenge')) : undefined;
    }, 30_000, 'instant match mail');
    const message = unfolded(mail.file);
    expect(message).toMatch(/^List-Unsubscribe: <http:\/\/[^>]+\/notifications\/unsubscribe\?token=[^>]+>$/m);
    expect(message).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(message).toContain('Content-Type: text/plain');
    expect(message).toContain('Content-Type: text/html');
    const decoded = message.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(decoded).toContain('Modrotisk &lt;b&gt;na&lt;/b&gt; usnju');
    expect(decoded).not.toContain('<b>na</b> usnju</a>');

    // Digest by default; nothing for the creative who never agreed to be matched.
    await eventually(async () => ((await rows(digest.accountId))[0]?.email_state === 'digest' ? true : undefined), 20_000, 'digest planned');
    expect(await rows(shy.accountId)).toEqual([]);
    const [row] = await rows(instant.accountId);
    expect(row).toMatchObject({ kind: 'challenge-match', email_state: 'sent' });
    expect(row.reason_en).toMatch(/^Match \d+ %\./);

    // A re-run of the fan-out (a retried job) adds nothing and mails nothing.
    await t.app.get(MatchNotificationsHandler).challengePublished({ id: challengeId, upToOutboxId: '0' });
    await t.app.get(NotificationMailHandlers).dispatch();
    expect(await rows(instant.accountId)).toHaveLength(1);
    expect((await caught(instant.email)).filter((m) => m.subject.includes('A new challenge'))).toHaveLength(1);
    expect((await listCaught(mailDir())).filter((m) => m.duplicate)).toEqual([]);
  });

  it('sends a digest once per period, grouped, each item with its reason', async () => {
    const handlers = t.app.get(NotificationMailHandlers);
    await handlers.digests({ trigger: 'test' });
    const mails = await eventually(async () => {
      const m = (await caught(digest.email)).filter((x) => x.subject.includes('digest'));
      return m.length > 0 ? m : undefined;
    }, 10_000, 'digest mail');
    expect(mails).toHaveLength(1);
    const decoded = raw(mails[0].file).replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    expect(decoded).toContain('Why: Match');
    expect((await rows(digest.accountId))[0].email_state).toBe('digested');
    await handlers.digests({ trigger: 'test' });
    expect((await caught(digest.email)).filter((x) => x.subject.includes('digest'))).toHaveLength(1);
  });

  it('keeps an inbox: list, unread count, mark read', async () => {
    const page = (await ok(instant, `{ myNotifications(first: 10) { totalCount nodes { id kind category reason { sl en } read emailState } } unreadNotificationCount }`));
    expect(page.myNotifications.nodes).toContainEqual(expect.objectContaining({ kind: 'challenge-match', category: 'MATCHES', read: false, emailState: 'sent' }));
    expect(page.unreadNotificationCount).toBeGreaterThanOrEqual(1);
    expect((await ok(instant, `mutation { markNotificationsRead }`)).markNotificationsRead).toBe(0);
    expect((await ok(instant, `{ unreadNotificationCount }`)).unreadNotificationCount).toBe(0);
    expect(await code(null, `{ unreadNotificationCount }`)).toBe('UNAUTHENTICATED');
  });

  it('unsubscribes with the link in the mail, without signing in; a forged link does nothing', async () => {
    const [mail] = (await caught(instant.email)).filter((x) => x.subject.includes('A new challenge'));
    const link = /^List-Unsubscribe: <([^>]+)>$/m.exec(unfolded(mail.file))?.[1] as string;
    const url = new URL(link);
    const server = t.app.getHttpServer();
    const shown = await request(server).get(`${url.pathname}${url.search}`);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('Odjavi me');
    // Opening the link changes nothing (mail scanners open links).
    expect((await ok(instant, `{ myNotificationPreferences { category mode } }`)).myNotificationPreferences).toContainEqual({ category: 'MATCHES', mode: 'INSTANT' });
    const forged = url.search.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await request(server).post(`${url.pathname}${forged}`)).status).toBe(400);
    const done = await request(server).post(`${url.pathname}${url.search}`).type('form').send('List-Unsubscribe=One-Click');
    expect(done.status).toBe(200);
    expect((await ok(instant, `{ myNotificationPreferences { category mode isDefault } }`)).myNotificationPreferences).toContainEqual({ category: 'MATCHES', mode: 'OFF', isDefault: false });
  });

  it('reminds authors of draft proposals before the deadline, once', async () => {
    const orgId = (await ok(owner, `{ me { memberships { organisation { id } } } }`)).me.memberships[0].organisation.id;
    const soon = (await ok(owner, `mutation($o: ID!, $d: DateTime!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: "Kmalu" }, brief: { sl: "Rok je blizu." }, deadline: $d }) { id } }`, { o: orgId, d: new Date(Date.now() + 3 * 24 * 3600_000).toISOString() })).createChallenge.id;
    await ok(owner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: soon });
    const proposal = (await ok(shy, `mutation($c: ID!) { createProposal(input: { challengeId: $c, title: { sl: "Osnutek" } }) { id } }`, { c: soon })).createProposal.id;
    const handler = t.app.get(MatchNotificationsHandler);
    await handler.deadlineReminders({ trigger: 'test' });
    await handler.deadlineReminders({ trigger: 'test' });
    const reminders = (await db().query(`SELECT kind FROM notification WHERE account_id = $1 AND subject_id = $2`, [shy.accountId, proposal])) as { kind: string }[];
    expect(reminders).toEqual([{ kind: 'deadline-7d' }]);
    await eventually(async () => ((await caught(shy.email)).some((m) => m.subject.includes('7 days left')) ? true : undefined), 20_000, 'deadline mail');
  });

  it('lists mails that failed for good to admins, and sends them again on request', async () => {
    const [row] = await rows(digest.accountId);
    await db().query(`UPDATE notification SET email_state = 'failed', email_attempts = 5, email_error = 'connection refused' WHERE id = $1`, [row.id]);
    expect(await code(digest, `{ failedNotificationMails { id } }`)).toBe('FORBIDDEN');
    const failed = (await call({ token: OPERATOR_TOKEN }, `{ failedNotificationMails { id attempts error kind } }`)).data?.failedNotificationMails as Data[];
    expect(failed).toContainEqual({ id: row.id, attempts: 5, error: 'connection refused', kind: 'challenge-match' });
    const retried = (await call({ token: OPERATOR_TOKEN }, `mutation($ids: [ID!]!) { retryFailedNotificationMails(ids: $ids) }`, { ids: [row.id] })).data?.retryFailedNotificationMails;
    expect(retried).toBe(1);
    await eventually(async () => ((await rows(digest.accountId))[0].email_state === 'sent' ? true : undefined), 20_000, 'retried mail sent');
    expect(JobName.SendNotificationEmail).toBe('send-notification-email');
  });
});
