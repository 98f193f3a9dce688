import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * The mail drop (DATA_DIR/mail, used when SMTP_URL is unset) holds a copy of every message,
 * recipient address included. Erasure removes the ones addressed to the erased person. With
 * SMTP, what the mail provider keeps is governed by its processor agreement, not by this code.
 */
@Injectable()
export class MailDrop {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Deletes every dropped message whose To header names `address`; answers how many. */
  async eraseMailTo(address: string): Promise<number> {
    const wanted = address.trim().toLowerCase();
    const dir = this.config.mail.dropDir;
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return 0;
    }
    let erased = 0;
    // `.eml.tmp`: a message the mailer was writing when it stopped; it names the recipient too.
    for (const name of names.filter((n) => n.endsWith('.eml') || n.endsWith('.eml.tmp'))) {
      const file = path.join(dir, name);
      const content = await fs.readFile(file, 'utf8').catch(() => '');
      if (!recipients(content).includes(wanted)) continue;
      await fs.rm(file, { force: true });
      erased += 1;
    }
    return erased;
  }
}

/** The addresses in the To header of an RFC 5322 message (folded lines joined), lower-cased. */
function recipients(message: string): string[] {
  const headers = message.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const to = /^To:(.*)$/im.exec(headers)?.[1] ?? '';
  return to.split(',').map((part) => (/<([^>]+)>/.exec(part)?.[1] ?? part).trim().toLowerCase()).filter(Boolean);
}
