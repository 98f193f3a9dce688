import { getDataSourceToken } from '@nestjs/typeorm';
import { hashPassword, SessionsService } from '@app/identity';
import type { AccountEntity } from '@app/database';
import type { DataSource } from 'typeorm';
import { localTime } from '@app/events';
import { gql } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, { id: string } & Record<string, unknown>>;

/**
 * Found by npm run bench:concurrency: 50 creatives registering for one event at once; 45 never got
 * an answer. Each registration held a pool connection inside its transaction and asked the pool
 * for a second one (the visibility check), so with as many registrations as connections (10) none finished.
 */
describe('registering for an event, many at once (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ worker: false });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers every one of 16 simultaneous registrations (more than the pool has connections)', async () => {
    const db = t.app.get<DataSource>(getDataSourceToken());
    const sessions = t.app.get(SessionsService);
    const passwordHash = await hashPassword('irrelevant-here-123');
    const signedIn = async (email: string): Promise<string> => {
      const [row] = (await db.query(`INSERT INTO account (email, password_hash, display_name, locale, email_verified_at) VALUES ($1, $2, $1, 'en', now()) RETURNING id`, [email, passwordHash])) as { id: string }[];
      return (await sessions.open(await db.getRepository<AccountEntity>('account').findOneByOrFail({ id: row.id }))).accessToken;
    };
    const ok = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await gql<Data>(t.app, query, variables, { token });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data as Data;
    };
    const owner = await signedIn('host-owner@example.si');
    const org = (await ok(owner, `mutation { createOrganisation(input: { kind: COMPANY, name: "Gostitelj d.o.o.", municipality: "kranj" }) { id } }`)).createOrganisation.id;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 20 * 86_400_000));
    const input = {
      title: { sl: 'Dogodek' }, venueName: 'Kovačnica', eventDate: day, hostOrganisationId: org, registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: localTime(day, '08:00').toISOString(), capacity: 100, requiresApproval: false, participationTypes: ['COMPANY', 'CREATIVE'],
      maxRequestsPerParticipant: 5, maxMeetingsPerSession: 3, sessions: [{ startsAt: localTime(day, '09:00').toISOString(), endsAt: localTime(day, '10:00').toISOString(), slotMinutes: 20, tables: 2 }],
    };
    const event = (await ok(owner, `mutation($i: EventInput!) { createEvent(input: $i) { id } }`, { i: input })).createEvent.id;
    await ok(owner, `mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: event });
    const creatives: { token: string; profile: string }[] = [];
    for (let n = 0; n < 16; n++) {
      const token = await signedIn(`creative-${n}@example.si`);
      const profile = (await ok(token, `mutation($n: String!) { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: $n, municipality: "kranj" }) { id } }`, { n: `Ustvarjalec ${n}` })).createCreativeProfile.id;
      // A new session carries the profile in its token.
      creatives.push({ token: (await sessions.open(await db.getRepository<AccountEntity>('account').findOneByOrFail({ email: `creative-${n}@example.si` }))).accessToken, profile });
      expect(token).not.toBe('');
    }
    const register = `mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, input: { creativeProfileId: $p, participationType: CREATIVE }) { id status } }`;
    const all = Promise.all(creatives.map((c) => gql<Data>(t.app, register, { e: event, p: c.profile }, { token: c.token })));
    const answers = await Promise.race([all, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000))]);
    expect(answers).not.toBeNull();
    expect(answers?.map((a) => a.errors ?? a.data?.registerForEvent.status)).toEqual(creatives.map(() => 'APPROVED'));
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM event_participant WHERE event_id = $1`, [event])) as { n: number }[];
    expect(n).toBe(16);

    // The same pattern in check-in: 16 at once by the organiser (before the day, so each is refused
    // with INVALID_STATE after its event check) must all be answered, none hang on a second connection.
    const participants = answers?.map((a) => a.data?.registerForEvent.id as string) ?? [];
    const checkIn = `mutation($p: ID!) { checkInParticipant(participantId: $p, present: true) { id } }`;
    const checkIns = Promise.all(participants.map((p) => gql<Data>(t.app, checkIn, { p }, { token: owner })));
    const refused = await Promise.race([checkIns, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000))]);
    expect(refused).not.toBeNull();
    expect(refused?.map((a) => a.errors?.[0].extensions.code)).toEqual(participants.map(() => 'INVALID_STATE'));
  }, 90_000);
});
