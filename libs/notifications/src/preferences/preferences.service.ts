import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TOKEN_SECRET } from '@app/identity';
import type { DataSource } from 'typeorm';
import { DEFAULT_MODES, DeliveryMode, NotificationCategory } from '../notification-categories.js';
import { NotificationStore } from '../delivery/notification-store.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

export interface Preference {
  category: NotificationCategory;
  mode: DeliveryMode;
  /** true: no choice stored, this is the default. */
  isDefault: boolean;
}

export class PreferenceError extends Error {}

/** Per account and category: instant, daily digest, weekly digest or off. */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TOKEN_SECRET) private readonly secret: string,
    private readonly store: NotificationStore,
  ) {}

  async list(accountId: string): Promise<Preference[]> {
    const stored = await this.store.modes(this.dataSource.manager, [accountId]);
    return Object.values(NotificationCategory).map((category) => {
      const mode = stored.get(`${accountId}:${category}`);
      return { category, mode: mode ?? DEFAULT_MODES[category], isDefault: mode === undefined };
    });
  }

  async set(accountId: string, category: NotificationCategory, mode: DeliveryMode): Promise<Preference[]> {
    if (!Object.values(NotificationCategory).includes(category)) throw new PreferenceError(`unknown category '${String(category)}'`);
    if (!Object.values(DeliveryMode).includes(mode)) throw new PreferenceError(`unknown mode '${String(mode)}'`);
    await this.write(accountId, [category], mode);
    return this.list(accountId);
  }

  /** What a link would turn off (nothing is changed); null for a bad or forged token. */
  peek(token: string): NotificationCategory[] | null {
    return readUnsubscribeToken(this.secret, token)?.categories ?? null;
  }

  /** The mail link: turns the token's categories off; answers them, or null for a bad or forged token. */
  async unsubscribe(token: string): Promise<NotificationCategory[] | null> {
    const read = readUnsubscribeToken(this.secret, token);
    if (!read) return null;
    const exists = (await this.dataSource.query(`SELECT 1 FROM account WHERE id = $1 AND erased_at IS NULL`, [read.accountId])) as unknown[];
    if (exists.length === 0) return null;
    await this.write(read.accountId, read.categories, DeliveryMode.Off);
    return read.categories;
  }

  /** Also stops what is already waiting: pending and digest mails of those categories are not sent. */
  private async write(accountId: string, categories: readonly NotificationCategory[], mode: DeliveryMode): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO notification_preference (account_id, category, mode, updated_at) SELECT $1, c, $3, now() FROM unnest($2::text[]) AS c
         ON CONFLICT (account_id, category) DO UPDATE SET mode = EXCLUDED.mode, updated_at = now()`,
        [accountId, categories, mode],
      );
      if (mode === DeliveryMode.Off) {
        await m.query(`UPDATE notification SET email_state = 'off' WHERE account_id = $1 AND category = ANY($2::text[]) AND email_state IN ('pending', 'digest')`, [accountId, categories]);
      }
    });
  }
}
