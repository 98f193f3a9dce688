/**
 * When started by the launcher (with an IPC channel), shut down if the launcher disappears,
 * even by SIGKILL, so no orphan keeps running.
 */
export function exitWithParent(close: () => Promise<void>): void {
  if (!process.send) return;
  process.on('disconnect', () => {
    void close().finally(() => process.exit(0));
  });
}
