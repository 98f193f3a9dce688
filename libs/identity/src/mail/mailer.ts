import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  /** Stable per logical message: a retried job rewrites the same drop file / Message-ID. */
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/**
 * Sends mail through SMTP_URL. Without it (the embedded default) each message is written as an
 * .eml file into DATA_DIR/mail, named by its key, so nothing is sent to the outside world.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly drop: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.drop = config.mail.smtpUrl === null;
    this.transport = this.drop ? nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }) : nodemailer.createTransport(pooled(config.mail.smtpUrl as string));
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      messageId: `<${mail.key}@modrotisk>`,
    })) as { message?: Buffer };
    if (this.drop && info.message) {
      await fs.mkdir(this.config.mail.dropDir, { recursive: true, mode: 0o700 });
      const file = path.join(this.config.mail.dropDir, `${mail.key.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`);
      await fs.writeFile(`${file}.tmp`, info.message, { mode: 0o600 });
      await fs.rename(`${file}.tmp`, file);
      this.logger.debug(`mail written to ${file}`);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/** Reuses SMTP connections (a fan-out sends thousands of mails); an explicit pool=… in SMTP_URL wins. */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) {
    url.searchParams.set('pool', 'true');
    url.searchParams.set('maxConnections', '8');
  }
  return url.toString();
}
