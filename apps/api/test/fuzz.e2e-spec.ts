import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Client } from 'pg';
import { casesFor, ENTITY_TABLES, type FuzzCase, judge, operationsOf, orderForFuzzing } from '../../../scripts/harness/graphql-fuzz.js';
import { changedTables, postGraphQL, tableChecksums } from '../../../scripts/harness/product.js';
import { buildWorld, type World } from '../../../scripts/harness/world.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * The bounded, CI-sized version of `npm run fuzz`: every query and mutation of the schema, every
 * argument and input field, a few hostile payload classes, each case as one of three callers
 * (anonymous, a signed-up creative, a signed-up organisation owner). No answer may be an HTTP 500,
 * an INTERNAL_SERVER_ERROR or carry a stack trace or SQL, and replaying the rejected writes
 * must leave every table as it was. Fixed seed, so a failure repeats.
 */
const SEED = 20261203;
/** One of each kind: explicit null, text (empty, NUL, lone surrogate), out-of-range Int, impossible date, wrong enum, bad id. */
const CLASSES = new Set(['no-arguments', 'null', 'null-for-required', 'empty', 'nul', 'lone-high-surrogate', 'int-2^31', 'negative', 'date-2027-02-30', 'wrong-enum', 'not-a-uuid', 'empty-list']);
/** Written on purpose by a rejected request: failed sign-ins are counted for the rate limit. */
const RECORDED_ON_REJECTION = new Set(['login_attempt']);
type Role = 'anonymous' | 'creative' | 'owner';

describe('schema-wide fuzzing (e2e)', () => {
  let testApp: TestApp;
  let app: INestApplication;
  let base: string;
  let db: Client;
  let world: World;
  const sent: { c: FuzzCase; role: Role; token?: string; status: number; text: string }[] = [];

  beforeAll(async () => {
    testApp = await startTestApp({ worker: true });
    ({ app } = testApp);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    db = new Client({ connectionString: app.get<AppConfig>(APP_CONFIG).database.url as string });
    await db.connect();
    world = await buildWorld({ base, dataDir: testApp.dataDir }, 'e2e');
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await testApp?.close();
  });

  it('no internal error, stack trace or SQL for any operation, argument and payload class', async () => {
    const ops = orderForFuzzing(operationsOf(app.get(GraphQLSchemaHost).schema));
    const anyIds: Record<string, string> = {};
    for (const [entity, table] of Object.entries(ENTITY_TABLES)) {
      const row = (await db.query<{ id: string }>(`SELECT id::text AS id FROM "${table}" ORDER BY id LIMIT 1`)).rows[0];
      if (row) anyIds[entity] = row.id;
    }
    const i = world.ids;
    const own: Record<Role, Record<string, string>> = {
      anonymous: {},
      creative: { Account: world.creative.accountId, EventParticipant: i.creativeParticipant },
      owner: { Account: world.owner.accountId, EventParticipant: i.ownerParticipant },
    };
    const shared: Record<string, string> = {
      Event: i.event, Slot: i.slot, MeetingRequest: i.meetingRequest, Challenge: i.challenge, ChallengeQuestion: i.question, Need: i.need, Offer: i.offer,
      Proposal: i.proposal, Organisation: i.organisation, CreativeProfile: i.profile,
    };
    const tokens: Record<Role, string | undefined> = { anonymous: undefined, creative: world.creative.token, owner: world.owner.token };
    const roles: Role[] = ['owner', 'creative', 'anonymous'];
    let unique = 0;
    const plan: { c: FuzzCase; role: Role }[] = [];
    for (const op of ops) {
      casesFor(op, { id: (e) => (e ? own.owner[e] ?? shared[e] ?? anyIds[e] : undefined), unique: () => ++unique }, { big: false, generated: 0, seed: SEED })
        .filter((c) => CLASSES.has(c.payload.cls))
        // Each case as one caller, in turn, so all three reach every operation and the run stays short.
        .forEach((c, n) => plan.push({ c, role: roles[n % 3] }));
    }
    expect(ops.length).toBeGreaterThan(100);
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < plan.length) {
        const { c, role } = plan[next++];
        const answer = await postGraphQL(base, c.body, tokens[role]);
        sent.push({ c, role, token: tokens[role], status: answer.status, text: answer.text });
      }
    }));
    const bad = sent
      .map((s) => ({ s, v: judge(s.status, s.text, s.c.op.name) }))
      .filter(({ v }) => v.http500 || v.internal || v.stackTrace || v.noAnswer)
      .map(({ s }) => `${s.c.op.name} ${s.c.path.join('.')} [${s.c.payload.cls}] as ${s.role}: HTTP ${s.status} ${s.text.slice(0, 160)}`);
    expect(new Set(sent.map((s) => s.c.op.name)).size).toBe(ops.length);
    expect(bad).toEqual([]);
  }, 120_000);

  it('rejected writes change no row', async () => {
    const rejected = sent.filter((s) => s.c.op.kind === 'mutation' && !judge(s.status, s.text, s.c.op.name).accepted);
    expect(rejected.length).toBeGreaterThan(500);
    // Background work of the accepted writes first (outbox, notifications): two equal snapshots in a row.
    const skip = new Set(RECORDED_ON_REJECTION);
    let before = await tableChecksums(db, skip);
    for (let n = 0; n < 20; n++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = await tableChecksums(db, skip);
      if (changedTables(before, now).length === 0) break;
      before = now;
    }
    // Tables that still change with no request at all are written on a schedule (job bookkeeping): named, not compared.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const idle = await tableChecksums(db, skip);
    const scheduled = changedTables(before, idle);
    if (scheduled.length) console.log(`not compared, written on a schedule with no request: ${scheduled.join(', ')}`);
    for (const t of scheduled) skip.add(t);
    before = await tableChecksums(db, skip);
    const acceptedOnReplay: string[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < rejected.length) {
        const s = rejected[next++];
        const answer = await postGraphQL(base, s.c.body, s.token);
        if (judge(answer.status, answer.text, s.c.op.name).accepted) acceptedOnReplay.push(`${s.c.op.name} ${s.c.path.join('.')} [${s.c.payload.cls}] as ${s.role}, first answered ${judge(s.status, s.text, s.c.op.name).codes.join('+') || `HTTP ${s.status}`}`);
      }
    }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(acceptedOnReplay).toEqual([]);
    expect(changedTables(before, await tableChecksums(db, skip))).toEqual([]);
  }, 60_000);
});
