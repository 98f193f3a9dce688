import { APP_CONFIG, type AppConfig } from '@app/config';
import { MunicipalComplianceService } from '@app/marketplace';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { mailTo, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller, OPERATOR_TOKEN } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The yearly reminder: from MUNICIPAL_REMINDER_DATE, municipalities without their public-service challenge hear it, once. */
describe('municipal yearly reminder (e2e)', () => {
  let t: TestApp;
  let kranjOwner: TestUser, kranjReviewer: TestUser, trzicOwner: TestUser;
  let kranj: string, trzic: string;
  const { ok } = caller(() => t.app);
  const db = () => t.app.get<DataSource>(getDataSourceToken());
  const reminders = async () => (await db().query(`SELECT account_id, subject_id FROM notification WHERE kind = 'municipal-yearly-reminder' ORDER BY account_id`)) as { account_id: string; subject_id: string }[];

  beforeAll(async () => {
    // 31 December: the worker's own scheduled run (real today) must not remind before the test does.
    t = await startTestApp({ worker: true, env: { MUNICIPAL_REMINDER_DATE: '12-31' } });
    [kranjOwner, kranjReviewer, trzicOwner] = await Promise.all(['kranj@obcina.example', 'pregled@obcina.example', 'trzic@obcina.example'].map((e) => verifiedUser(t.app, t.dataDir, e)));
    kranj = (await ok(kranjOwner, `mutation { createOrganisation(input: { kind: MUNICIPALITY, name: "Mestna občina Kranj (test)", municipality: "kranj" }) { id } }`)).createOrganisation.id;
    await db().query(`INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, 'reviewer')`, [kranj, kranjReviewer.accountId]);
    trzic = (await ok(trzicOwner, `mutation { createOrganisation(input: { kind: MUNICIPALITY, name: "Občina Tržič (test)", municipality: "trzic" }) { id } }`)).createOrganisation.id;
    const challenge = (await ok(trzicOwner, `mutation($o: ID!) { createChallenge(input: { ownerOrganisationId: $o, kind: PUBLIC_SERVICE, title: { sl: "Klopi" }, brief: { sl: "Klopi za park." } }) { id } }`, { o: trzic })).createChallenge.id;
    await ok(trzicOwner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: challenge });
    // A municipality on the platform without anyone to tell.
    await ok({ token: OPERATOR_TOKEN }, `mutation { createOrganisation(input: { kind: MUNICIPALITY, name: "Občina Jesenice (test)", municipality: "jesenice" }) { id } }`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads the date from configuration', () => {
    expect(t.app.get<AppConfig>(APP_CONFIG).compliance.reminderDate).toEqual({ month: 12, day: 31 });
  });

  it('waits for the configured date, then reminds owners and editors of non-compliant municipalities once', async () => {
    const compliance = t.app.get(MunicipalComplianceService);
    const year = new Date().getUTCFullYear();
    const before = await compliance.sendReminders(new Date(`${year}-12-30T12:00:00Z`));
    expect(before).toMatchObject({ due: false, newInboxRows: 0 });
    expect(await reminders()).toEqual([]);

    const report = await compliance.sendReminders(new Date(`${year}-12-31T08:00:00Z`));
    expect(report).toMatchObject({ due: true, organisationsReminded: 1, newInboxRows: 1 });
    expect(report.unreachable).toContain('jesenice');
    expect(report.unreachable).not.toContain('trzic');
    expect(await reminders()).toEqual([{ account_id: kranjOwner.accountId, subject_id: kranj }]);

    expect((await compliance.sendReminders(new Date(`${year}-12-31T20:00:00Z`))).newInboxRows).toBe(0);
    expect(await reminders()).toHaveLength(1);

    const board = (await ok({ token: OPERATOR_TOKEN }, `query($y: Int!) { municipalChallengeCompliance(year: $y) { rows { municipality { code } compliant remindedAt } } }`, { y: year })).municipalChallengeCompliance.rows as Data[];
    expect(board.find((r) => r.municipality.code === 'kranj')).toMatchObject({ compliant: false, remindedAt: expect.any(String) });
    expect(board.find((r) => r.municipality.code === 'trzic')).toMatchObject({ compliant: true, remindedAt: null });

    // The owner reads it in the inbox and gets it by mail (compliance mails are instant by default).
    expect((await ok(kranjOwner, `{ myNotifications { nodes { kind subjectId } } }`)).myNotifications.nodes).toContainEqual({ kind: 'municipal-yearly-reminder', subjectId: kranj });
    expect(await mailTo(t.dataDir, kranjOwner.email, 'public-service challenge is not published yet')).toContain('Mestna ob');
  });
});
