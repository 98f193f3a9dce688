/** The file types accepted, recognised by their first bytes (never by name or declared type). */
export const ACCEPTED_TYPES = [
  { contentType: 'application/pdf', extension: 'pdf', matches: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { contentType: 'image/png', extension: 'png', matches: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { contentType: 'image/jpeg', extension: 'jpg', matches: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { contentType: 'image/webp', extension: 'webp', matches: (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
] as const;

export function detectType(bytes: Buffer): (typeof ACCEPTED_TYPES)[number] | null {
  return ACCEPTED_TYPES.find((t) => t.matches(bytes)) ?? null;
}

/** A display name safe for headers and disks: no path, no control characters, at most 200 characters. */
export function safeFileName(name: string, extension: string): string {
  const last = (name.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const base = [...last].filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127 && !'"<>|:*?'.includes(ch)).join('').trim();
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 180) || 'file';
  return `${stem}.${extension}`;
}
