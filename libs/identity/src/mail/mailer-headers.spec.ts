import { loadConfig } from '@app/config';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Mailer } from './mailer.js';

/**
 * Header injection: subjects carry titles people typed (challenge and event titles, names), the
 * recipient and the List-Unsubscribe header carry addresses and tokens. Whatever they hold, the
 * mail keeps exactly its own headers: a CR or LF never starts a header of its own (nodemailer
 * folds and encodes header values; this pins that down for the real Mailer, written to the drop).
 */
describe('mail headers', () => {
  let dir: string;
  let mailer: Mailer;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-mail-headers-'));
    mailer = new Mailer(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, MAIL_FROM: 'Modrotisk <noreply@modrotisk.si>' }));
  });

  afterAll(() => {
    mailer.onModuleDestroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const headerNames = (eml: string) => eml.split(/\r?\n\r?\n/)[0].split(/\r?\n/).filter((line) => !/^[ \t]/.test(line)).map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('\r', '\n', '\r\n', 'Bcc: victim@example.com', ':', ' ', 'Ž', '😀'), fc.string({ unit: 'grapheme', maxLength: 2 })), maxLength: 60 });

  it('keeps exactly its own headers whatever the subject and the header values hold', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(text, text, async (subject, token) => {
      const key = `headers-${n++}`;
      await mailer.send({ key, to: 'reader@example.si', subject, text: 'x', html: '<p>x</p>', headers: { 'List-Unsubscribe': `<https://modrotisk.si/u?token=${token}>` } });
      const eml = fs.readFileSync(path.join(dir, 'mail', `${key}.eml`), 'utf8');
      const names = headerNames(eml);
      const own = ['content-transfer-encoding', 'content-type', 'date', 'from', 'list-unsubscribe', 'message-id', 'mime-version', 'subject', 'to'];
      expect(names.filter((name) => !own.includes(name))).toEqual([]);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toEqual(expect.arrayContaining(['from', 'to', 'list-unsubscribe', 'message-id']));
      expect(eml.split(/\r?\n\r?\n/)[0]).not.toMatch(/^bcc:/im);
    }), { numRuns: 150 });
  });
});
