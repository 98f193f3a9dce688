import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import nodemailer from 'nodemailer';
import { type MailCatcher, startMailCatcher } from './mail-catcher.server.js';

describe('mail catcher (real SMTP in, web view out)', () => {
  let catcher: MailCatcher;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-catcher-'));
    catcher = await startMailCatcher({ smtpPort: 0, webPort: 0, dir });
  });
  afterAll(async () => {
    await catcher.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps what nodemailer sends over SMTP, flags a second copy of a Message-ID, and shows it escaped', async () => {
    expect(catcher.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    const transport = nodemailer.createTransport(catcher.smtpUrl);
    const mail = {
      from: 'Modrotisk <no-reply@modrotisk.localhost>', to: 'ana@example.si', subject: 'Nov izziv: modrotisk na usnju',
      text: 'Pozdravljeni <script>alert(1)</script>', html: '<p>Pozdravljeni</p><script>alert(1)</script>', messageId: '<n-123@modrotisk>',
    };
    await transport.sendMail(mail);
    await transport.sendMail(mail);
    transport.close();

    const list = (await (await fetch(`${catcher.webUrl}/api/messages`)).json()) as { file: string; duplicate: boolean; subject: string; to: string }[];
    expect(list.map((m) => m.duplicate).sort()).toEqual([false, true]);
    expect(list[0]).toMatchObject({ subject: 'Nov izziv: modrotisk na usnju', to: 'ana@example.si' });

    const index = await (await fetch(catcher.webUrl)).text();
    expect(index).toContain('Nov izziv: modrotisk na usnju');
    expect(index).toContain('duplicate');
    const original = list.find((m) => !m.duplicate) as { file: string };
    const view = await fetch(`${catcher.webUrl}/messages/${encodeURIComponent(original.file)}`);
    const body = await view.text();
    expect(body).toContain('Pozdravljeni &lt;script&gt;');
    expect(body).not.toContain('<script>alert');
    expect(view.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await fetch(`${catcher.webUrl}/messages/${encodeURIComponent(original.file)}/html`);
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect((await fetch(`${catcher.webUrl}/messages/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});
