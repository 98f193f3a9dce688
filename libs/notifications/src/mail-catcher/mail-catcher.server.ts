import * as crypto from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailCatcherOptions {
  host?: string;
  /** 0: any free port. */
  smtpPort: number;
  webPort: number;
  /** Where messages are kept, one .eml file each (the same directory as the mail drop). */
  dir: string;
  log?: (message: string) => void;
}

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  close(): Promise<void>;
}

export interface CaughtMessage {
  file: string;
  messageId: string | null;
  /** A message whose Message-ID was already caught: a duplicate delivery. */
  duplicate: boolean;
  receivedAt: string;
}

/** At most this many bytes per message (a notification is a few kB). */
const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

/**
 * The zero-setup stand-in for Mailpit: an SMTP server (smtp-server) that keeps every message as
 * an .eml file, and a small web view to read them in a browser. Messages are named by their
 * Message-ID, so a message delivered twice is kept twice and marked as a duplicate, never
 * silently merged. Listens on 127.0.0.1 only; it is a development and test tool, not a relay.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  await fs.mkdir(options.dir, { recursive: true, mode: 0o700 });

  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_MESSAGE_BYTES,
    banner: 'Modrotisk mail catcher (development only)',
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          done(Object.assign(new Error('message too big'), { responseCode: 552 }));
          return;
        }
        try {
          const saved = store(options.dir, Buffer.concat(chunks));
          log(`caught ${saved.file}${saved.duplicate ? ' (DUPLICATE Message-ID)' : ''}`);
          done();
        } catch (error) {
          done(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, host, () => resolve());
  });
  smtp.on('error', (error) => log(`smtp error: ${error.message}`));

  const web = http.createServer((req, res) => {
    void serve(options.dir, req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    web.once('error', reject);
    web.listen(options.webPort, host, () => resolve());
  });

  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const webPort = (web.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl: `http://${host}:${webPort}`,
    close: async () => {
      await Promise.all([new Promise<void>((resolve) => smtp.close(() => resolve())), new Promise<void>((resolve) => web.close(() => resolve()))]);
    },
  };
}

/**
 * Writes the message atomically, named by its Message-ID (a second copy gets a .dup-N name),
 * before the SMTP server answers, so an accepted message is on disk. Synchronous on purpose: the
 * same few syscalls cost this process 2-3 times more CPU through the promise API's thread pool
 * (measured on the 2-core development machine: ~0.7 ms against ~0.3 ms per message), and in a
 * fan-out the catcher shares those cores with the system it is measuring. Blocking the loop for
 * a fraction of a millisecond per message is fine for a development tool, and no two deliveries
 * of one Message-ID can now both find the name free and overwrite each other.
 */
function store(dir: string, raw: Buffer): CaughtMessage {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('utf8').split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const messageId = /^message-id:\s*(.+)$/im.exec(head)?.[1].trim() ?? null;
  const base = messageId ? messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9._@-]/g, '_').slice(0, 180) : `no-id-${crypto.randomUUID()}`;
  let name = `${base}.eml`;
  let duplicate = false;
  for (let n = 1; existsSync(path.join(dir, name)); n += 1) {
    duplicate = true;
    name = `${base}.dup-${n}.eml`;
  }
  const file = path.join(dir, name);
  writeFileSync(`${file}.tmp`, raw, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return { file: name, messageId, duplicate, receivedAt: new Date().toISOString() };
}

const esc = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Newest first, with what a list needs. */
export async function listCaught(dir: string): Promise<{ file: string; duplicate: boolean; subject: string; to: string; date: string }[]> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml'));
  const rows = await Promise.all(names.map(async (file) => {
    const [stat, raw] = await Promise.all([fs.stat(path.join(dir, file)), fs.readFile(path.join(dir, file))]);
    const head = raw.subarray(0, 16 * 1024).toString('utf8').split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
    const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1].trim() ?? '';
    return { file, duplicate: /\.dup-\d+\.eml$/.test(file), subject: decodeWords(header('subject')), to: header('to'), date: stat.mtime.toISOString() };
  }));
  return rows.sort((a, b) => b.date.localeCompare(a.date) || a.file.localeCompare(b.file));
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= / =?UTF-8?Q?...?=), enough for subjects in the list. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

async function serve(dir: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const page = (status: number, body: string) => res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    // Caught mail is untrusted: no scripts, no outside requests from this view.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'",
  }).end(body);
  if (req.method !== 'GET') {
    res.writeHead(405).end();
    return;
  }
  if (url.pathname === '/api/messages') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await listCaught(dir)));
    return;
  }
  if (url.pathname === '/') {
    const rows = await listCaught(dir);
    page(200, `<!doctype html><meta charset="utf-8"><title>Modrotisk mail catcher</title><body style="font-family:sans-serif;margin:2em">
<h1>Modrotisk mail catcher</h1><p>${rows.length} message(s) caught in ${esc(dir)}. Nothing here left this machine.</p>
<table cellpadding="6" style="border-collapse:collapse"><tr><th align="left">Received</th><th align="left">To</th><th align="left">Subject</th></tr>
${rows.map((r) => `<tr style="border-top:1px solid #ddd"><td>${esc(r.date)}</td><td>${esc(r.to)}</td><td><a href="/messages/${encodeURIComponent(r.file)}">${esc(r.subject || '(no subject)')}</a>${r.duplicate ? ' <b style="color:#b00">duplicate</b>' : ''}</td></tr>`).join('\n')}
</table></body>`);
    return;
  }
  const match = /^\/messages\/([^/]+?)(\/(raw|html))?$/.exec(url.pathname);
  const name = match ? decodeURIComponent(match[1]) : '';
  if (!match || !/^[A-Za-z0-9._@-]+\.eml$/.test(name)) {
    page(404, '<!doctype html><p>Not found.</p>');
    return;
  }
  const raw = await fs.readFile(path.join(dir, name)).catch(() => null);
  if (!raw) {
    page(404, '<!doctype html><p>Not found.</p>');
    return;
  }
  if (match[3] === 'raw') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(raw);
    return;
  }
  const parsed = await simpleParser(raw);
  if (match[3] === 'html') {
    // Shown inside a sandboxed frame: the message's HTML runs no scripts and loads nothing.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox" })
      .end(typeof parsed.html === 'string' ? parsed.html : '<p>(no HTML part)</p>');
    return;
  }
  const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
  const headers = ['list-unsubscribe', 'list-unsubscribe-post'].map((h) => [h, parsed.headers.get(h)] as const).filter(([, v]) => typeof v === 'string');
  page(200, `<!doctype html><meta charset="utf-8"><title>${esc(parsed.subject ?? '')}</title><body style="font-family:sans-serif;margin:2em">
<p><a href="/">&larr; all messages</a> · <a href="/messages/${encodeURIComponent(name)}/raw">raw</a></p>
<h1>${esc(parsed.subject ?? '(no subject)')}</h1>
<p><b>From</b> ${esc(parsed.from?.text ?? '')}<br><b>To</b> ${esc(to)}<br><b>Date</b> ${esc(parsed.date?.toISOString() ?? '')}<br><b>Message-ID</b> ${esc(parsed.messageId ?? '')}
${headers.map(([h, v]) => `<br><b>${esc(h)}</b> ${esc(String(v))}`).join('')}</p>
<h2>HTML</h2><iframe sandbox src="/messages/${encodeURIComponent(name)}/html" style="width:100%;height:24em;border:1px solid #ccc"></iframe>
<h2>Plain text</h2><pre style="white-space:pre-wrap;background:#f6f6f6;padding:1em">${esc(parsed.text ?? '')}</pre></body>`);
}
