import { type FanOutResult, type QueueBackendName, redisAvailable, runFanOut } from './harness/fanout';

/**
 * npm run test:crash [-- --recipients 1200 --backend redis|postgres]  (default: both, Redis where redis-server is installed)
 * Part of CI (npm run test:all): publishes a challenge matching ≥1,000 creatives, SIGKILLs the
 * worker while the mails go out, lets the launcher restart it, and fails unless every recipient
 * got exactly one inbox row and one message (by Message-ID), nobody else got anything, and none
 * was lost. Copies resent after the kill (same Message-ID) are printed, not hidden.
 */
const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const RECIPIENTS = Number(valueOf('--recipients') ?? 1200);
const BACKENDS = (valueOf('--backend') ? [valueOf('--backend')] : ['postgres', ...(redisAvailable() ? ['redis'] : [])]) as QueueBackendName[];

async function main(): Promise<void> {
  if (!Number.isInteger(RECIPIENTS) || RECIPIENTS < 1000 || RECIPIENTS > 20_000) throw new Error('--recipients must be 1000..20000');
  if (!BACKENDS.includes('redis')) console.log('[crash-test] Redis backend skipped: redis-server is not installed (apt-get install redis-server)');
  for (const backend of BACKENDS) {
    const result = await runFanOut({ backend, recipients: RECIPIENTS, killAt: 0.25, log: (line) => console.log(`[crash-test] ${line}`) });
    console.log(`[crash-test] ${JSON.stringify(result)}`);
    const problems = check(result);
    if (problems.length > 0) {
      console.error(`[crash-test] FAILED (${backend}): ${problems.join('; ')}`);
      process.exit(1);
    }
    console.log(`[crash-test] passed (${backend}): worker killed mid-fan-out, ${result.delivered} of ${result.recipients} delivered once each, 0 lost, 0 duplicate inbox rows, ${result.resentCopies} copies resent under the same Message-ID`);
  }
}

function check(r: FanOutResult): string[] {
  return [
    ...(r.killed ? [] : ['the worker was never killed (the fan-out finished too early?)']),
    ...(r.lost === 0 ? [] : [`${r.lost} recipient(s) got no mail`]),
    ...(r.inboxRows === r.recipients ? [] : [`${r.inboxRows} inbox rows for ${r.recipients} recipients`]),
    ...(r.duplicateInboxRows === 0 ? [] : [`${r.duplicateInboxRows} duplicate inbox rows`]),
    ...(r.wrongRecipients === 0 ? [] : [`${r.wrongRecipients} row(s) for creatives who did not consent or do not match`]),
    // Only a mail the SMTP server accepted while its row's transaction was still open can be sent
    // again; the worker's database pool (10 connections) bounds those transactions.
    ...(r.resentCopies <= 10 ? [] : [`${r.resentCopies} copies resent: more than the transactions that can be open at the kill`]),
  ];
}

main().catch((error: unknown) => {
  console.error(`[crash-test] failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
