/**
 * `Content-Disposition: attachment` for downloads (RFC 6266): an ASCII `filename` for old clients
 * and the exact name as `filename*=UTF-8''…` (RFC 8187, formerly 5987). The name is cleaned first:
 * no control characters (CR/LF cannot start a new header), no bidirectional overrides (a name
 * that displays as "exe.pdf"), no path separators, no leading dots, at most 150 characters.
 */
export function attachmentDisposition(fileName: string, fallback = 'download'): string {
  const name = safeFileName(fileName) || safeFileName(fallback) || 'download';
  // A name of combining marks only folds to nothing: the ASCII name is then the fallback's.
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_').trim() || fallback.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_') || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}

export function safeFileName(fileName: string): string {
  const cleaned = fileName
    .normalize('NFC')
    // Controls (C0, DEL, C1), format characters (bidi overrides, zero-width), line/paragraph separators, lone surrogates.
    .replace(/\p{Cc}|\p{Cf}|\p{Zl}|\p{Zp}|\p{Cs}/gu, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  return [...cleaned].slice(0, 150).join('').trim();
}

/** Percent-encoding with RFC 8187's attr-char set (encodeURIComponent leaves ' ( ) * ! as they are). */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
