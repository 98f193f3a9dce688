import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/identity';
import { MarketplaceErrorCode, MarketplaceException } from '../common/marketplace.errors.js';
import type { PersonalDataSection } from './personal-data.inventory.js';
import { PersonalDataRepository } from './personal-data.repository.js';

export const PERSONAL_DATA_FORMAT = 'modrotisk.personal-data.v1';

/** The export document: a header plus one entry per section of the data inventory. */
export type PersonalDataExport = { format: string; exportedAt: string; notes: Readonly<Record<string, string>> } & Record<PersonalDataSection, unknown>;

/** Read once by the person downloading the file: what it holds and what it deliberately does not. */
const NOTES = {
  organisations: 'Challenges and needs belong to organisations, not to you: "memberships" lists the organisations you belong to.',
  secrets: 'Your password and session tokens are stored only as one-way hashes, which are never exported.',
  loginAttempts: 'Failed sign-ins are counted under keyed hashes of the email and IP address for 15 minutes; they cannot be read back as your data.',
  confidentiality: 'Jury sections name proposals by blind code; proposal outcomes appear once the decision is published.',
} as const;

/**
 * The personal data export (GDPR Art. 15 access, Art. 20 portability): everything the platform
 * holds about the signed-in account, as one JSON document. This is the one place that assembles
 * it; the section list is typed from the data inventory, so a new section cannot be forgotten here.
 */
@Injectable()
export class PersonalDataService {
  constructor(private readonly rows: PersonalDataRepository) {}

  async export(actor: Actor, now = new Date()): Promise<PersonalDataExport> {
    const accountId = actor.accountId;
    if (!accountId) throw notSignedIn();
    const sections = await this.rows.snapshot(async (m) => {
      const account = await this.rows.account(m, accountId);
      if (!account) throw notSignedIn();
      const creativeProfile = await this.rows.creativeProfile(m, accountId);
      const profileId = creativeProfile ? (creativeProfile.id as string) : null;
      const all: Record<PersonalDataSection, unknown> = {
        account,
        sessions: await this.rows.sessions(m, accountId),
        mailedLinks: await this.rows.mailedLinks(m, accountId),
        memberships: await this.rows.memberships(m, accountId),
        invitations: {
          received: await this.rows.invitations(m, accountId, account.email as string, 'received'),
          sent: await this.rows.invitations(m, accountId, account.email as string, 'sent'),
        },
        creativeProfile,
        challengeInvitations: profileId ? await this.rows.challengeInvitations(m, profileId) : [],
        proposals: profileId ? await this.rows.proposals(m, profileId) : [],
        questions: await this.rows.questions(m, accountId),
        jury: await this.rows.jury(m, accountId),
        notifications: { items: await this.rows.notifications(m, accountId), preferences: await this.rows.notificationPreferences(m, accountId) },
        awardOutcomesRecorded: await this.rows.awardOutcomesRecorded(m, accountId),
        events: await this.rows.events(m, accountId, profileId),
      };
      return all;
    });
    return { format: PERSONAL_DATA_FORMAT, exportedAt: now.toISOString(), notes: NOTES, ...(camelKeys(sections) as Record<PersonalDataSection, unknown>) };
  }
}

function notSignedIn(): MarketplaceException {
  return new MarketplaceException(MarketplaceErrorCode.Unauthenticated, 'the export is of your own account: sign in with it');
}

/** snake_case keys (as PostgreSQL names columns) to camelCase, as everywhere else in the API; values untouched. */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()), camelKeys(v)]));
}
