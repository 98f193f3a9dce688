import { createAppLogger, exitWithParent, getConfigOrExit } from '@app/config';
import { startMailCatcher } from '@app/notifications';

/**
 * The local mail catcher `npm start` runs when SMTP_URL is unset: the worker sends real SMTP to
 * it, and people read what was sent at the web view. Production sends through SMTP_URL (compose:
 * Mailpit) and does not run this process.
 */
async function main(): Promise<void> {
  const config = getConfigOrExit('mail-catcher');
  const logger = createAppLogger(config, 'mail-catcher');
  const catcher = await startMailCatcher({
    smtpPort: config.mailCatcher.smtpPort,
    webPort: config.mailCatcher.webPort,
    dir: config.mail.dropDir,
    log: (message) => logger.log(message),
  });
  logger.log(`mail catcher: SMTP ${catcher.smtpUrl}, web view ${catcher.webUrl}`);
  const stop = async () => {
    await catcher.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  exitWithParent(() => catcher.close());
}

main().catch((error: unknown) => {
  process.stderr.write(`mail-catcher failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
