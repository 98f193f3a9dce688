import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import {
  casesFor, ENTITY_TABLES, type FuzzCase, judge, operationsOf, orderForFuzzing, rankOf, type Verdict,
} from './harness/graphql-fuzz';
import { changedTables, gqlOk, postGraphQL, type Product, startProduct, tableChecksums } from './harness/product';
import { sleep } from './harness/launcher';
import { buildWorld, type World } from './harness/world';

/**
 * npm run fuzz [-- --quick] [--seconds 300] [--max-requests 60000] [--seed N] [--concurrency 6]
 *
 * Starts the whole product (demo data seeded), signs up a creative and an organisation owner
 * through the API, reads the schema by introspection and sends, for every query and mutation
 * argument and every field of their input objects, each hostile payload class of its type, as
 * anonymous, the creative and the owner; then REST inputs. Counts HTTP 500s, INTERNAL_SERVER_ERROR
 * codes and answers with stack traces, and checks that the rejected requests change no row
 * (per-table count and md5, before and after replaying only the rejected ones). Exit 1 if any count is not zero.
 */
const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const QUICK = args.includes('--quick');
const SECONDS = Number(valueOf('--seconds') ?? (QUICK ? 60 : 300));
const MAX_REQUESTS = Number(valueOf('--max-requests') ?? (QUICK ? 10_000 : 60_000));
const SEED = Number(valueOf('--seed') ?? Date.now() % 2 ** 31);
const CONCURRENCY = Number(valueOf('--concurrency') ?? 6);
/** Written by design on a rejected request: failed sign-ins are recorded for the rate limit. */
/** --quick: one or two classes of each kind (text, number, date, enum, list, null). */
const QUICK_CLASSES = new Set(['no-arguments', 'null', 'null-for-required', 'empty', 'nul', 'lone-high-surrogate', 'bidi', 'sql', 'negative', 'int-2^31', 'float', 'date-2027-02-30', 'date-max', 'wrong-enum', 'empty-list', 'not-a-uuid']);
const RECORDED_ON_REJECTION = new Set(['login_attempt']);

type Role = 'anonymous' | 'creative' | 'owner';

interface Sent {
  role: Role;
  c: FuzzCase;
  token?: string;
  status: number;
  verdict: Verdict;
  excerpt: string;
}

interface Stats { sent: number; rejected: number; accepted: number; http500: number; internal: number; stack: number; noAnswer: number }
const emptyStats = (): Stats => ({ sent: 0, rejected: 0, accepted: 0, http500: 0, internal: 0, stack: 0, noAnswer: 0 });
const add = (s: Stats, v: Verdict) => {
  s.sent++;
  if (v.accepted) s.accepted++;
  else s.rejected++;
  if (v.http500) s.http500++;
  if (v.internal) s.internal++;
  if (v.stackTrace) s.stack++;
  if (v.noAnswer) s.noAnswer++;
};

async function main(): Promise<void> {
  const started = Date.now();
  // Set-up (product start, sign-ups) is not part of the budget; the budget bounds the requests and the data check.
  for (const [name, v, lo, hi] of [['--seconds', SECONDS, 10, 1800], ['--max-requests', MAX_REQUESTS, 10, 1_000_000], ['--concurrency', CONCURRENCY, 1, 64]] as const) {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${name} must be an integer ${lo}..${hi}`);
  }
  console.log(`fuzz: seed ${SEED} (repeat with --seed ${SEED}), budget ${SECONDS} s, at most ${MAX_REQUESTS} requests, ${CONCURRENCY} at a time${QUICK ? ', quick' : ''}`);
  const product = await startProduct({ log: (l) => console.log(`${l} after ${((Date.now() - started) / 1000).toFixed(1)} s`) });
  const failed = await run(product).finally(() => product.stop());
  console.log(`fuzz: done in ${((Date.now() - started) / 1000).toFixed(1)} s${failed ? ' — FAILED (a count above is not zero)' : ''}`);
  process.exit(failed ? 1 : 0);
}

async function run(product: Product): Promise<boolean> {
  const world = await buildWorld(product, `f${SEED}`);
  const intro = await gqlOk<IntrospectionQuery>(product.base, getIntrospectionQuery(), {}, product.adminToken);
  const schema = buildClientSchema(intro);
  const ops = orderForFuzzing(operationsOf(schema));
  const anyIds = await realIds(product);
  const tokens: Record<Role, string | undefined> = { anonymous: undefined, creative: world.creative.token, owner: world.owner.token };
  let counter = 0;
  const contextFor = (role: Role) => ({
    id: (entity: string | undefined) => (entity ? ownIds(world, role)[entity] ?? anyIds[entity] : undefined),
    unique: () => ++counter,
  });
  const options = { big: !QUICK, generated: QUICK ? 0 : 2, seed: SEED };
  const roles: Role[] = ['anonymous', 'creative', 'owner'];
  const perOp = ops.map((op) => roles.flatMap((role) =>
    // The 1 MB and 10,000-item payloads once per position (as the owner, who gets furthest), not three times.
    casesFor(op, contextFor(role), { ...options, big: options.big && role === 'owner' })
      .filter((c) => !QUICK || QUICK_CLASSES.has(c.payload.cls))
      .map((c) => ({ role, c }))));
  // Round robin over the operations of each group (queries, creating writes, other writes, then ending writes), so a budget cut leaves none out.
  const plan: { role: Role; c: FuzzCase }[] = [];
  for (const group of [0, 1, 2, 3]) {
    const queues = perOp.filter((_, i) => rankOf(ops[i]) === group).map((q) => [...q]);
    while (queues.some((q) => q.length)) for (const q of queues) if (q.length) plan.push(q.shift() as { role: Role; c: FuzzCase });
  }
  console.log(`fuzz: ${ops.length} operations (${ops.filter((o) => o.kind === 'query').length} queries, ${ops.filter((o) => o.kind === 'mutation').length} mutations), ${plan.length} GraphQL cases planned over 3 roles`);

  const budgetEnd = Date.now() + SECONDS * 1000;
  const sendEnd = budgetEnd - Math.min(60_000, SECONDS * 250);
  const sent: Sent[] = [];
  let next = 0;
  const worker = async () => {
    while (next < plan.length && sent.length < MAX_REQUESTS && Date.now() < sendEnd) {
      const { role, c } = plan[next++];
      const token = tokens[role];
      const answer = await postGraphQL(product.base, c.body, token, 60_000);
      sent.push({ role, c, token, status: answer.status, verdict: judge(answer.status, answer.text, c.op.name), excerpt: answer.text.slice(0, 300) });
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const gqlSeconds = (Date.now() - t0) / 1000;
  const complete = next >= plan.length;

  const rest = await fuzzRest(product, world, tokens);

  // Data unchanged by rejected requests: replay only the rejected writes between two snapshots.
  const rejectedWrites = sent.filter((s) => s.c.op.kind === 'mutation' && !s.verdict.accepted && !s.verdict.noAnswer);
  const restRejectedWrites = rest.filter((r) => r.method !== 'GET' && r.status >= 400);
  const dataCheck = await replayRejected(product, rejectedWrites, restRejectedWrites, budgetEnd);

  // Report.
  const byKind = { query: emptyStats(), mutation: emptyStats() };
  const byOp = new Map<string, Stats>();
  const byClass = new Map<string, Stats>();
  for (const s of sent) {
    add(byKind[s.c.op.kind], s.verdict);
    add(byOp.get(s.c.op.name) ?? byOp.set(s.c.op.name, emptyStats()).get(s.c.op.name) as Stats, s.verdict);
    add(byClass.get(s.c.payload.cls) ?? byClass.set(s.c.payload.cls, emptyStats()).get(s.c.payload.cls) as Stats, s.verdict);
  }
  const restStats = emptyStats();
  for (const r of rest) add(restStats, r.verdict);
  const total = emptyStats();
  for (const s of [byKind.query, byKind.mutation, restStats]) for (const k of Object.keys(total) as (keyof Stats)[]) total[k] += s[k];
  const line = (name: string, s: Stats) => `${name.padEnd(34)} sent ${String(s.sent).padStart(6)}  rejected ${String(s.rejected).padStart(6)}  accepted ${String(s.accepted).padStart(5)}  500 ${s.http500}  INTERNAL ${s.internal}  stack ${s.stack}  no answer ${s.noAnswer}`;
  console.log('\nper payload class:');
  for (const [cls, s] of [...byClass].sort()) console.log(`  ${line(cls, s)}`);
  console.log('\nper operation with a finding:');
  for (const [name, s] of [...byOp].sort()) if (s.http500 || s.internal || s.stack || s.noAnswer) console.log(`  ${line(name, s)}`);
  const findings = sent.filter((s) => s.verdict.http500 || s.verdict.internal || s.verdict.stackTrace || s.verdict.noAnswer);
  const seen = new Set<string>();
  console.log('\nfindings (first per operation, argument and payload class):');
  for (const f of findings) {
    const key = `${f.c.op.name}|${f.c.path.join('.')}|${f.c.payload.cls}`;
    if (seen.has(key)) continue;
    seen.add(key);
    console.log(`  ${f.c.op.kind} ${f.c.op.name} ${f.c.path.join('.')} [${f.c.payload.cls}] as ${f.role}: HTTP ${f.status} ${f.excerpt.replace(/\s+/g, ' ').slice(0, 220)}`);
  }
  for (const r of rest.filter((x) => x.verdict.http500 || x.verdict.internal || x.verdict.stackTrace || x.verdict.noAnswer)) {
    console.log(`  REST ${r.method} ${r.label} as ${r.role}: HTTP ${r.status} ${r.excerpt.replace(/\s+/g, ' ').slice(0, 220)}`);
  }
  const queriesCovered = new Set(sent.map((s) => s.c.op.name));
  const uncovered = ops.filter((o) => !queriesCovered.has(o.name)).map((o) => o.name);
  console.log('\n==== fuzz summary ====');
  console.log(`seed ${SEED}; ${ops.length} operations, ${queriesCovered.size} reached${uncovered.length ? ` (not reached in the budget: ${uncovered.join(', ')})` : ''}; plan ${complete ? 'complete' : `cut at ${next} of ${plan.length} cases`} in ${gqlSeconds.toFixed(1)} s (${Math.round(sent.length / gqlSeconds)} req/s)`);
  console.log(line('requests: queries', byKind.query));
  console.log(line('requests: mutations', byKind.mutation));
  console.log(line('requests: REST', restStats));
  console.log(`HTTP 500 responses:                 ${total.http500}`);
  console.log(`INTERNAL_SERVER_ERROR codes:        ${total.internal}`);
  console.log(`responses with a stack trace/SQL:   ${total.stack}`);
  console.log(`requests without an answer:         ${total.noAnswer}`);
  console.log(`data changed by rejected requests:  ${dataCheck.changed.length} tables${dataCheck.changed.length ? ` (${dataCheck.changed.join(', ')}; by ${dataCheck.culprits.join(', ') || 'unknown'})` : ''} — ${dataCheck.replayed} rejected writes replayed between snapshots of ${dataCheck.tables} tables${dataCheck.acceptedOnReplay ? `, ${dataCheck.acceptedOnReplay} accepted on replay (their writes count in the comparison)` : ''}; not compared: ${[...RECORDED_ON_REJECTION].join(', ')} (failed sign-ins are recorded by design)${dataCheck.noisy.length ? `, ${dataCheck.noisy.join(', ')} (written on a schedule with no request)` : ''}${dataCheck.checked ? '' : '; CHECK DID NOT RUN'}`);
  return total.http500 + total.internal + total.stack + total.noAnswer + dataCheck.changed.length > 0 || !dataCheck.checked;
}

/** The role's own objects first (so the bad value reaches an owner's or author's path). */
function ownIds(world: World, role: Role): Record<string, string> {
  const i = world.ids;
  const shared = { Event: i.event, Slot: i.slot, MeetingRequest: i.meetingRequest, Challenge: i.challenge, ChallengeQuestion: i.question, Need: i.need, Offer: i.offer, Proposal: i.proposal, Organisation: i.organisation, CreativeProfile: i.profile };
  if (role === 'owner') return { ...shared, Account: world.owner.accountId, EventParticipant: i.ownerParticipant };
  if (role === 'creative') return { ...shared, Account: world.creative.accountId, EventParticipant: i.creativeParticipant };
  return shared;
}

async function realIds(product: Product): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [entity, table] of Object.entries(ENTITY_TABLES)) {
    const row = (await product.db.query<{ id: string }>(`SELECT id::text AS id FROM "${table}" ORDER BY id LIMIT 1`)).rows[0];
    if (row) out[entity] = row.id;
  }
  return out;
}

interface RestSent { method: string; label: string; role: Role; status: number; verdict: Verdict; excerpt: string; send: () => Promise<{ status: number; text: string }> }

/** Path, query and multipart inputs of the REST endpoints. */
async function fuzzRest(product: Product, world: World, tokens: Record<Role, string | undefined>): Promise<RestSent[]> {
  const base = product.base;
  const bad = ['%00', 'a%00b', '%ED%A0%80', '%E2%80%AE', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', `${'a'.repeat(5000)}`, '..%2F..%2Fetc%2Fpasswd', '%27%3B%20DROP%20TABLE%20account%3B--', '%F0%9F%A7%B5', '-1', '2147483648'];
  const unsubscribe = ['token=a&token=b', 'token[x]=y', 'token[]=a', 'token=%00', 'token=%ED%A0%80', 'token=%E2%80%AE', '', 'token=', `token=${'a'.repeat(8000)}`, 'token=a.b.c', 'token=00000000-0000-0000-0000-000000000000.AAAA'];
  const requests: { method: string; label: string; path: string; role: Role; body?: () => FormData }[] = [];
  for (const q of unsubscribe) for (const method of ['GET', 'POST']) requests.push({ method, label: `/notifications/unsubscribe?${q.slice(0, 40)}`, path: `/notifications/unsubscribe?${q}`, role: 'anonymous' });
  for (const role of ['anonymous', 'creative', 'owner'] as Role[]) {
    for (const id of [...bad, world.ids.event]) {
      requests.push({ method: 'GET', label: `/events/${id.slice(0, 30)}/agenda.ics`, path: `/events/${id}/agenda.ics`, role });
      requests.push({ method: 'GET', label: `/events/${id.slice(0, 30)}/schedule.csv`, path: `/events/${id}/schedule.csv`, role });
      requests.push({ method: 'GET', label: `/attachments/${id.slice(0, 30)}`, path: `/attachments/${id}`, role });
      requests.push({ method: 'DELETE', label: `/attachments/${id.slice(0, 30)}`, path: `/attachments/${id}`, role });
    }
    for (const q of ['participantId[x]=y', 'participantId=a&participantId=b', 'participantId=%00', 'participantId=not-a-uuid']) {
      requests.push({ method: 'GET', label: `/events/:event/agenda.ics?${q}`, path: `/events/${world.ids.event}/agenda.ics?${q}`, role });
    }
    for (const q of ['year=abc', 'year=2026&year=2027', 'year[x]=1', 'year=99999', 'year=-1', 'year=%00', 'year=0000']) requests.push({ method: 'GET', label: `/reports/outcomes.csv?${q}`, path: `/reports/outcomes.csv?${q}`, role });
    requests.push({ method: 'GET', label: '/account/export?x[y]=z', path: '/account/export?x[y]=z', role });
    const uploads: [string, () => FormData][] = [
      ['NUL in filename', () => form('file', 'a\u0000b.pdf', 'application/pdf', '%PDF-1.4\n')],
      ['bidi filename', () => form('file', 'invoice\u202Efdp.exe', 'application/pdf', '%PDF-1.4\n')],
      ['lone surrogate filename', () => form('file', 'a\uD800.pdf', 'application/pdf', '%PDF-1.4\n')],
      ['path traversal filename', () => form('file', '../../../etc/passwd', 'text/plain', 'x')],
      ['10k filename', () => form('file', `${'ž'.repeat(10_000)}.pdf`, 'application/pdf', '%PDF-1.4\n')],
      ['empty filename', () => form('file', '', 'application/pdf', '%PDF-1.4\n')],
      ['empty file', () => form('file', 'empty.pdf', 'application/pdf', '')],
      ['wrong field name', () => form('document', 'a.pdf', 'application/pdf', '%PDF-1.4\n')],
      ['two files', () => { const f = form('file', 'a.pdf', 'application/pdf', '%PDF-1.4\n'); f.append('file', new Blob(['%PDF-1.4\n'], { type: 'application/pdf' }), 'b.pdf'); return f; }],
      ['html as pdf', () => form('file', 'x.pdf', 'application/pdf', '<script>alert(1)</script>')],
      ['ics as text', () => form('file', 'x.ics', 'text/calendar', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR')],
      ['six fields', () => { const f = form('file', 'a.pdf', 'application/pdf', '%PDF-1.4\n'); for (let i = 0; i < 6; i++) f.append(`f${i}`, 'x'); return f; }],
    ];
    for (const [label, body] of uploads) {
      requests.push({ method: 'POST', label: `/challenges/:own/attachments ${label}`, path: `/challenges/${world.ids.draftChallenge}/attachments`, role, body });
      requests.push({ method: 'POST', label: `/proposals/:own/attachments ${label}`, path: `/proposals/${world.ids.proposal}/attachments`, role, body });
    }
    for (const id of bad.slice(0, 6)) {
      requests.push({ method: 'POST', label: `/challenges/${id.slice(0, 20)}/attachments`, path: `/challenges/${id}/attachments`, role, body: () => form('file', 'a.pdf', 'application/pdf', '%PDF-1.4\n') });
    }
  }
  const out: RestSent[] = [];
  for (const r of requests) {
    const send = async () => {
      try {
        const res = await fetch(`${base}${r.path}`, { method: r.method, headers: tokens[r.role] ? { authorization: `Bearer ${tokens[r.role]}` } : {}, body: r.body?.(), signal: AbortSignal.timeout(30_000) });
        return { status: res.status, text: await res.text() };
      } catch (error) {
        return { status: 0, text: String(error) };
      }
    };
    const answer = await send();
    const v = judge(answer.status, answer.text, '');
    // A REST answer is accepted when 2xx; "internal" is the filter's INTERNAL_SERVER_ERROR body.
    out.push({ method: r.method, label: r.label, role: r.role, status: answer.status, excerpt: answer.text.slice(0, 300), send, verdict: { ...v, accepted: answer.status >= 200 && answer.status < 300, internal: answer.text.includes('INTERNAL_SERVER_ERROR') } });
  }
  return out;
}

function form(field: string, fileName: string, type: string, content: string): FormData {
  const f = new FormData();
  f.append(field, new Blob([content], { type }), fileName);
  return f;
}

interface DataCheck { checked: boolean; tables: number; replayed: number; acceptedOnReplay: number; changed: string[]; culprits: string[]; noisy: string[] }

/**
 * Waits until the background jobs of the accepted writes are done: snapshots 2.5 s apart until
 * only tables that also change with no request at all differ (bookkeeping of scheduled jobs);
 * those are named and left out of the comparison.
 */
async function quiet(product: Product, deadline: number): Promise<{ before: Map<string, string>; noisy: Set<string> } | null> {
  const skip = new Set(RECORDED_ON_REJECTION);
  let last = await tableChecksums(product.db, skip);
  const changes = new Map<string, number>();
  while (Date.now() < deadline) {
    await sleep(2500);
    const now = await tableChecksums(product.db, skip);
    const changed = changedTables(last, now);
    if (changed.length === 0) return { before: now, noisy: new Set() };
    for (const t of changed) changes.set(t, (changes.get(t) ?? 0) + 1);
    // A table that changed in every one of 4 idle rounds is written on a schedule, not by the fuzz.
    const rounds = Math.max(...changes.values());
    if (rounds >= 4) {
      const noisy = new Set([...changes].filter(([, n]) => n >= 4).map(([t]) => t));
      for (const t of noisy) skip.add(t);
      const others = changed.filter((t) => !noisy.has(t));
      if (others.length === 0) return { before: await tableChecksums(product.db, skip), noisy };
    }
    last = now;
  }
  return null;
}

async function replayRejected(product: Product, writes: Sent[], restWrites: RestSent[], budgetEnd: number): Promise<DataCheck> {
  const deadline = Math.max(budgetEnd, Date.now() + 30_000);
  const rest = await quiet(product, deadline);
  if (!rest) {
    console.log('fuzz: the database did not come to rest (background jobs kept writing); the rejected-writes check could not run');
    return { checked: false, tables: 0, replayed: 0, acceptedOnReplay: 0, changed: [], culprits: [], noisy: [] };
  }
  const { before, noisy } = rest;
  const skip = new Set([...RECORDED_ON_REJECTION, ...noisy]);
  let acceptedOnReplay = 0;
  const accepted = new Set<string>();
  let replayed = 0;
  const replayOne = async (s: Sent) => {
    const answer = await postGraphQL(product.base, s.c.body, s.token, 60_000);
    replayed++;
    if (judge(answer.status, answer.text, s.c.op.name).accepted) {
      acceptedOnReplay++;
      accepted.add(s.c.op.name);
    }
  };
  let index = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (index < writes.length) await replayOne(writes[index++]);
  }));
  for (const r of restWrites) {
    await r.send();
    replayed++;
  }
  await sleep(2500);
  const after = await tableChecksums(product.db, skip);
  const changed = changedTables(before, after);
  const culprits: string[] = [];
  if (changed.length) {
    // Which operations: replay each one's rejected writes alone between snapshots.
    const names = [...new Set(writes.map((w) => w.c.op.name))];
    for (const name of names) {
      if (Date.now() > deadline + 60_000) break;
      const start = await tableChecksums(product.db, skip);
      for (const w of writes.filter((x) => x.c.op.name === name)) await replayOne(w);
      await sleep(500);
      const diff = changedTables(start, await tableChecksums(product.db, skip));
      if (diff.length) culprits.push(`${name} (${diff.join('/')}${accepted.has(name) ? ', some accepted on replay' : ''})`);
    }
  }
  return { checked: true, tables: before.size, replayed, acceptedOnReplay, changed, culprits, noisy: [...noisy] };
}

main().catch((error: unknown) => {
  console.error(`fuzz failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
