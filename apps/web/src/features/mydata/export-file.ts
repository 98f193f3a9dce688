/** "modrotisk-export-2026-12-03.json" from Content-Disposition (filename* or filename), else by today's date. */
export function exportFileName(disposition: string | null, today: Date = new Date()): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1];
  return plain ?? `modrotisk-export-${today.toLocaleDateString('sv-SE', { timeZone: 'Europe/Ljubljana' })}.json`;
}
