import { type QueueBackendName, runFanOut } from './harness/fanout';

/**
 * npm run bench:fanout [-- --recipients 10000 --backend redis|postgres|both]
 * Publishes one challenge that matches N creatives and prints the time until every inbox row is
 * written and every mail reached the local SMTP sink, mails/s, duplicates and lost, per queue backend.
 */
const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const RECIPIENTS = Number(valueOf('--recipients') ?? 10_000);
const BACKENDS: QueueBackendName[] = (valueOf('--backend') ?? 'both') === 'both' ? ['redis', 'postgres'] : [valueOf('--backend') as QueueBackendName];

async function main(): Promise<void> {
  if (!Number.isInteger(RECIPIENTS) || RECIPIENTS < 10 || RECIPIENTS > 50_000) throw new Error('--recipients must be 10..50000');
  for (const backend of BACKENDS) {
    const r = await runFanOut({ backend, recipients: RECIPIENTS, killAt: null, log: (line) => console.log(line) });
    console.log(
      `${backend.padEnd(8)} recipients ${r.recipients}: inbox rows persisted in ${(r.persistedMs / 1000).toFixed(1)} s, all mailed in ${(r.mailedMs / 1000).toFixed(1)} s `
      + `(${r.mailsPerSecond} mails/s); delivered ${r.delivered}, lost ${r.lost}, duplicate inbox rows ${r.duplicateInboxRows}, resent copies ${r.resentCopies}, wrong recipients ${r.wrongRecipients}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(`bench:fanout failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
