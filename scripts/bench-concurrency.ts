import { mulberry32 } from '@app/events';
import { gqlOk, postGraphQL, type Product, type SignedIn, signUpVerified, startProduct } from './harness/product';

/**
 * npm run bench:concurrency [-- --clients 50 --seconds 60 --max-requests 100000 --seed N]
 *
 * The whole product (launcher, demo data) on 127.0.0.1; N signed-up clients, each with its own
 * creative profile, organisation, need, offer, proposal draft and demo-event registration, loop
 * for the given time mixing reads (searchChallenges, challenge, creativeProfiles, me,
 * myNotifications) with writes (own profile, proposal draft, Q&A questions, meeting requests at
 * the demo event, needs, offers). Every acknowledged write is remembered with the id it returned;
 * afterwards PostgreSQL must hold each of them (lost writes), and no answer may be an internal
 * error. Prints requests/s, p50/p95 per operation, internal errors, lost writes; exit 1 on any.
 */
const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const CLIENTS = Number(valueOf('--clients') ?? 50);
const SECONDS = Number(valueOf('--seconds') ?? 60);
const MAX_REQUESTS = Number(valueOf('--max-requests') ?? 100_000);
const SEED = Number(valueOf('--seed') ?? Date.now() % 2 ** 31);

/** mulberry32 (the scheduler's): the same mix for the same seed. */
const random = mulberry32;

interface Client {
  n: number;
  user: SignedIn;
  profile: string;
  organisation: string;
  need: string;
  offer: string;
  proposal: string | null;
  participant: string | null;
}

/** What the clients were told was stored; checked against PostgreSQL at the end. */
interface Ledger {
  /** Last acknowledged value per (table, id, column): single writer per row, so it must be the stored one. */
  lastValue: Map<string, { table: string; id: string; column: string; value: string; op: string }>;
  /** Rows whose creation was acknowledged (and not acknowledged as removed since). */
  created: Map<string, { table: string; id: string; op: string }>;
  /** Meeting requests acknowledged as cancelled. */
  cancelled: Set<string>;
  acknowledged: Map<string, number>;
}

interface OpStats { count: number; latencies: number[]; internal: number; rejected: number; samples: string[] }

async function main(): Promise<void> {
  for (const [name, v, lo, hi] of [['--clients', CLIENTS, 1, 500], ['--seconds', SECONDS, 1, 3600], ['--max-requests', MAX_REQUESTS, 1, 10_000_000]] as const) {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${name} must be an integer ${lo}..${hi}`);
  }
  console.log(`bench:concurrency: ${CLIENTS} clients for ${SECONDS} s (at most ${MAX_REQUESTS} requests), seed ${SEED}`);
  const product = await startProduct({ log: (l) => console.log(l) });
  const failed = await run(product).finally(() => product.stop());
  process.exit(failed ? 1 : 0);
}

async function run(product: Product): Promise<boolean> {
  const { base, db } = product;
  const event = (await db.query<{ id: string }>(`SELECT id FROM event WHERE is_demo ORDER BY created_at LIMIT 1`)).rows[0]?.id;
  const challenge = (await db.query<{ id: string }>(
    `SELECT id FROM challenge WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' AND (deadline IS NULL OR deadline > now() + interval '1 day') AND NOT two_stage ORDER BY id LIMIT 1`,
  )).rows[0]?.id;
  if (!event || !challenge) throw new Error('the demo data has no event or no open public challenge');
  const targets = (await db.query<{ id: string }>(`SELECT p.id FROM event_participant p WHERE p.event_id = $1 AND p.organisation_id IS NOT NULL AND p.status = 'APPROVED'`, [event])).rows.map((r) => r.id);
  const t0 = Date.now();
  const clients: Client[] = [];
  for (let start = 0; start < CLIENTS; start += 10) {
    const batch = await Promise.all(Array.from({ length: Math.min(10, CLIENTS - start) }, (_, i) => setUpClient(product, start + i)));
    clients.push(...batch);
  }
  const ledger: Ledger = { lastValue: new Map(), created: new Map(), cancelled: new Set(), acknowledged: new Map() };
  const stats = new Map<string, OpStats>();
  let requests = 0;
  let deadline = Number.POSITIVE_INFINITY;
  const call = async (op: string, token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, Record<string, unknown>> | null> => {
    requests++;
    const answer = await postGraphQL(base, JSON.stringify({ query, variables }), token, 60_000);
    const s = stats.get(op) ?? stats.set(op, { count: 0, latencies: [], internal: 0, rejected: 0, samples: [] }).get(op) as OpStats;
    s.count++;
    s.latencies.push(answer.ms);
    let json: { data?: Record<string, Record<string, unknown>> | null; errors?: { extensions?: { code?: string } }[] } = {};
    try {
      json = JSON.parse(answer.text) as typeof json;
    } catch {
      // not JSON: judged by the status
    }
    const internal = answer.status >= 500 || answer.status === 0 || (json.errors ?? []).some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
    if (internal) {
      s.internal++;
      if (s.samples.length < 3) s.samples.push(`HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    if (json.errors?.length || !json.data) {
      s.rejected++;
      return null;
    }
    return json.data;
  };
  const ack = (op: string) => ledger.acknowledged.set(op, (ledger.acknowledged.get(op) ?? 0) + 1);
  // All at once: the demo event takes creatives until it is full; the others do everything else.
  await Promise.all(clients.map(async (c) => {
    const data = await call('registerForEvent', c.user.token, `mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, input: { creativeProfileId: $p, participationType: CREATIVE }) { id status } }`, { e: event, p: c.profile });
    if (!data) return;
    ack('registerForEvent');
    c.participant = String(data.registerForEvent.id);
    ledger.created.set(`event_participant:${c.participant}`, { table: 'event_participant', id: c.participant, op: 'registerForEvent' });
  }));
  console.log(`${clients.length} clients signed up and set up in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${clients.filter((c) => c.participant).length} registered at the demo event (its capacity), ${targets.length} organisations there to ask for meetings`);

  const loop = async (c: Client) => {
    const rnd = random(SEED + c.n * 7919);
    const questions: string[] = [];
    const requestsSent: string[] = [];
    let k = 0;
    while (Date.now() < deadline && requests < MAX_REQUESTS) {
      k++;
      const tag = `c${c.n}-w${k}`;
      const r = rnd();
      const t = c.user.token;
      if (r < 0.12) await call('searchChallenges', t, `query($q: String) { searchChallenges(query: $q, first: 10) { totalCount nodes { id title { sl } } } }`, { q: rnd() < 0.5 ? 'modrotisk' : null });
      else if (r < 0.22) await call('challenge', t, `query($id: ID!) { challenge(id: $id) { id title { sl } status questions { id question } } }`, { id: challenge });
      else if (r < 0.32) await call('creativeProfiles', t, `{ creativeProfiles(first: 20) { totalCount nodes { id displayName } } }`, {});
      else if (r < 0.40) await call('me', t, `{ me { id email creativeProfileId } }`, {});
      else if (r < 0.48) await call('myNotifications', t, `{ myNotifications(first: 10) { totalCount nodes { id } } unreadNotificationCount }`, {});
      else if (r < 0.58) {
        const data = await call('updateCreativeProfile', t, `mutation($id: ID!, $bio: String!) { updateCreativeProfile(id: $id, input: { bio: { sl: $bio } }) { id } }`, { id: c.profile, bio: tag });
        if (data) {
          ack('updateCreativeProfile');
          ledger.lastValue.set(`creative_profile:${c.profile}:bio_sl`, { table: 'creative_profile', id: c.profile, column: 'bio_sl', value: tag, op: 'updateCreativeProfile' });
        }
      } else if (r < 0.66) {
        if (!c.proposal) {
          const data = await call('createProposal', t, `mutation($c: ID!, $t: String!) { createProposal(input: { challengeId: $c, title: { sl: $t } }) { id } }`, { c: challenge, t: tag });
          if (data) {
            ack('createProposal');
            c.proposal = String(data.createProposal.id);
            ledger.created.set(`proposal:${c.proposal}`, { table: 'proposal', id: c.proposal, op: 'createProposal' });
            ledger.lastValue.set(`proposal:${c.proposal}:title_sl`, { table: 'proposal', id: c.proposal, column: 'title_sl', value: tag, op: 'createProposal' });
          }
        } else {
          const data = await call('updateProposal', t, `mutation($id: ID!, $t: String!) { updateProposal(id: $id, input: { title: { sl: $t } }) { id } }`, { id: c.proposal, t: tag });
          if (data) {
            ack('updateProposal');
            ledger.lastValue.set(`proposal:${c.proposal}:title_sl`, { table: 'proposal', id: c.proposal, column: 'title_sl', value: tag, op: 'updateProposal' });
          }
        }
      } else if (r < 0.74) {
        if (questions.length >= 2) {
          const id = questions.shift() as string;
          const data = await call('removeChallengeQuestion', t, `mutation($id: ID!) { removeChallengeQuestion(id: $id) }`, { id });
          if (data) {
            ack('removeChallengeQuestion');
            ledger.created.delete(`challenge_question:${id}`);
          } else questions.push(id);
        } else {
          const data = await call('askChallengeQuestion', t, `mutation($c: ID!, $q: String!) { askChallengeQuestion(challengeId: $c, language: "sl", question: $q) { id } }`, { c: challenge, q: `Vprašanje ${tag}?` });
          if (data) {
            ack('askChallengeQuestion');
            const id = String(data.askChallengeQuestion.id);
            questions.push(id);
            ledger.created.set(`challenge_question:${id}`, { table: 'challenge_question', id, op: 'askChallengeQuestion' });
            ledger.lastValue.set(`challenge_question:${id}:question`, { table: 'challenge_question', id, column: 'question', value: `Vprašanje ${tag}?`, op: 'askChallengeQuestion' });
          }
        }
      } else if (r < 0.84) {
        if (!c.participant || targets.length === 0) continue;
        if (requestsSent.length >= 3 || (requestsSent.length > 0 && rnd() < 0.4)) {
          const id = requestsSent.shift() as string;
          const data = await call('cancelMeetingRequest', t, `mutation($id: ID!) { cancelMeetingRequest(id: $id) { id status } }`, { id });
          if (data) {
            ack('cancelMeetingRequest');
            ledger.cancelled.add(id);
          }
        } else {
          const to = targets[Math.floor(rnd() * targets.length)];
          const data = await call('sendMeetingRequest', t, `mutation($e: ID!, $to: ID!, $as: ID!, $m: String) { sendMeetingRequest(eventId: $e, input: { toParticipantId: $to, asParticipantId: $as, message: $m }) { id status } }`, { e: event, to, as: c.participant, m: tag });
          if (data) {
            ack('sendMeetingRequest');
            const id = String(data.sendMeetingRequest.id);
            requestsSent.push(id);
            ledger.created.set(`meeting_request:${id}`, { table: 'meeting_request', id, op: 'sendMeetingRequest' });
          }
        }
      } else if (r < 0.92) {
        const data = await call('updateNeed', t, `mutation($id: ID!, $t: String!) { updateNeed(id: $id, input: { title: { sl: $t } }) { id } }`, { id: c.need, t: tag });
        if (data) {
          ack('updateNeed');
          ledger.lastValue.set(`need:${c.need}:title_sl`, { table: 'need', id: c.need, column: 'title_sl', value: tag, op: 'updateNeed' });
        }
      } else {
        if (rnd() < 0.3) {
          const data = await call('createOffer', t, `mutation($p: ID!, $t: String!) { createOffer(input: { creativeProfileId: $p, kind: SERVICE, title: { sl: $t } }) { id } }`, { p: c.profile, t: tag });
          if (data) {
            ack('createOffer');
            const id = String(data.createOffer.id);
            ledger.created.set(`offer:${id}`, { table: 'offer', id, op: 'createOffer' });
            ledger.lastValue.set(`offer:${id}:title_sl`, { table: 'offer', id, column: 'title_sl', value: tag, op: 'createOffer' });
          }
        } else {
          const data = await call('updateOffer', t, `mutation($id: ID!, $t: String!) { updateOffer(id: $id, input: { title: { sl: $t } }) { id } }`, { id: c.offer, t: tag });
          if (data) {
            ack('updateOffer');
            ledger.lastValue.set(`offer:${c.offer}:title_sl`, { table: 'offer', id: c.offer, column: 'title_sl', value: tag, op: 'updateOffer' });
          }
        }
      }
    }
  };
  const started = Date.now();
  deadline = started + SECONDS * 1000;
  await Promise.all(clients.map(loop));
  const elapsed = (Date.now() - started) / 1000;

  // Every acknowledged write against PostgreSQL.
  const lost: string[] = [];
  for (const row of ledger.created.values()) {
    const found = (await db.query(`SELECT 1 FROM "${row.table}" WHERE id = $1`, [row.id])).rowCount;
    if (!found) lost.push(`${row.op}: ${row.table} ${row.id} missing`);
  }
  for (const v of ledger.lastValue.values()) {
    if (v.table === 'challenge_question' && !ledger.created.has(`challenge_question:${v.id}`)) continue; // removed on purpose, acknowledged
    const stored = (await db.query<{ value: string | null }>(`SELECT "${v.column}"::text AS value FROM "${v.table}" WHERE id = $1`, [v.id])).rows[0]?.value;
    if (stored !== v.value) lost.push(`${v.op}: ${v.table}.${v.column} of ${v.id} is ${JSON.stringify(stored ?? null)}, acknowledged ${JSON.stringify(v.value)}`);
  }
  for (const id of ledger.cancelled) {
    const status = (await db.query<{ status: string }>(`SELECT status FROM meeting_request WHERE id = $1`, [id])).rows[0]?.status;
    if (status !== 'CANCELLED') lost.push(`cancelMeetingRequest: meeting_request ${id} is ${status ?? 'missing'}, acknowledged CANCELLED`);
  }

  const pct = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
  };
  let internal = 0;
  console.log('\noperation                 requests  rejected  acknowledged   p50 ms   p95 ms  internal');
  for (const [op, s] of [...stats].sort()) {
    internal += s.internal;
    console.log(`${op.padEnd(24)} ${String(s.count).padStart(9)} ${String(s.rejected).padStart(9)} ${String(ledger.acknowledged.get(op) ?? '-').padStart(13)} ${pct(s.latencies, 50).toFixed(1).padStart(8)} ${pct(s.latencies, 95).toFixed(1).padStart(8)} ${String(s.internal).padStart(9)}`);
  }
  for (const [op, s] of stats) for (const sample of s.samples) console.log(`  internal error in ${op}: ${sample.replace(/\s+/g, ' ')}`);
  for (const l of lost.slice(0, 20)) console.log(`  lost: ${l}`);
  const acknowledged = [...ledger.acknowledged.values()].reduce((a, b) => a + b, 0);
  const all = [...stats.values()].flatMap((s) => s.latencies);
  console.log('\n==== bench:concurrency summary ====');
  console.log(`${clients.length} clients, ${elapsed.toFixed(1)} s, ${requests} requests: ${(requests / elapsed).toFixed(1)} requests/s; all operations p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms`);
  console.log(`acknowledged writes: ${acknowledged} (${ledger.created.size} rows created and kept, ${ledger.lastValue.size} last values, ${ledger.cancelled.size} cancellations checked)`);
  console.log(`internal errors (HTTP 5xx, no answer, INTERNAL_SERVER_ERROR): ${internal}`);
  console.log(`lost writes: ${lost.length}`);
  return internal > 0 || lost.length > 0;
}

async function setUpClient(product: Product, n: number): Promise<Client> {
  const user = await signUpVerified(product, `bench-${n}-${SEED}@example.com`, `Bench ${n}`);
  const as = async (query: string, variables: Record<string, unknown> = {}) => gqlOk<Record<string, { id: string }>>(product.base, query, variables, user.token);
  const profile = (await as(`mutation($n: String!) { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: $n, municipality: "kranj", domains: ["design-visual-arts"] }) { id } }`, { n: `Bench ${n}` })).createCreativeProfile.id;
  const organisation = (await as(`mutation($n: String!) { createOrganisation(input: { kind: COMPANY, name: $n, municipality: "kranj" }) { id } }`, { n: `Bench ${n} d.o.o.` })).createOrganisation.id;
  const need = (await as(`mutation($o: ID!) { createNeed(input: { ownerOrganisationId: $o, title: { sl: "Potreba" } }) { id } }`, { o: organisation })).createNeed.id;
  const offer = (await as(`mutation($p: ID!) { createOffer(input: { creativeProfileId: $p, kind: SERVICE, title: { sl: "Ponudba" } }) { id } }`, { p: profile })).createOffer.id;
  return { n, user, profile, organisation, need, offer, proposal: null, participant: null };
}

main().catch((error: unknown) => {
  console.error(`bench:concurrency failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
