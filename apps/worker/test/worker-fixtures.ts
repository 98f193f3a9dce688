import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type LoggerService } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@app/config';
import { OPERATOR } from '@app/identity';
import { ChallengesService, CreativeKind, CreativesService, NeedsService, OrganisationKind, OrganisationsService } from '@app/marketplace';
import { OramaSearchEngine, SEARCH_PORT } from '@app/search';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../src/worker.module.js';

/** Keeps what the worker logs, to assert on warnings and errors. */
export class CapturingLogger implements LoggerService {
  readonly lines: { level: string; message: string }[] = [];
  log(message: unknown): void { this.keep('log', message); }
  error(message: unknown): void { this.keep('error', message); }
  warn(message: unknown): void { this.keep('warn', message); }
  debug(message: unknown): void { this.keep('debug', message); }
  verbose(message: unknown): void { this.keep('verbose', message); }
  private keep(level: string, message: unknown): void {
    this.lines.push({ level, message: String(message) });
  }
}

/**
 * The worker app's own module (`WorkerModule`: every processor, the registry, the schedules and
 * the outbox relay) on a test database, with the in-process search engine and, if given, a clock
 * the test controls.
 */
export async function bootWorker(config: AppConfig, options: { clock?: Clock; logger?: LoggerService } = {}): Promise<TestingModule> {
  let builder = Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(APP_CONFIG).useValue(config)
    .overrideProvider(SEARCH_PORT).useValue(new OramaSearchEngine());
  if (options.clock) builder = builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  moduleRef.useLogger(options.logger ?? false);
  await moduleRef.init();
  return moduleRef;
}

/** Rows the jobs act on, written through the services where they exist (as the API would), else in SQL. */
export class WorkerFixtures {
  private n = 0;

  constructor(private readonly app: TestingModule) {}

  get db(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }

  private next(): number {
    this.n += 1;
    return this.n;
  }

  async account(name = 'Testna Oseba'): Promise<{ id: string; email: string }> {
    const email = `worker-${this.next()}-${Math.random().toString(36).slice(2, 8)}@studio.example`;
    const [row] = (await this.db.query(
      `INSERT INTO account (email, password_hash, display_name, locale, email_verified_at) VALUES ($1, 'nobody-signs-in-here', $2, 'en', now()) RETURNING id`,
      [email, name],
    )) as { id: string }[];
    return { id: row.id, email };
  }

  async organisation(): Promise<string> {
    const org = await this.app.get(OrganisationsService, { strict: false }).create(OPERATOR, { kind: OrganisationKind.Company, name: `Tovarna ${this.next()}`, municipality: 'ziri' });
    return org.id;
  }

  /** A creative who agreed to be matched, belonging to `accountId`. */
  async creative(accountId: string | null, name = 'Nika Modrotisk'): Promise<string> {
    const profile = await this.app.get(CreativesService, { strict: false }).create(OPERATOR, {
      kind: CreativeKind.Individual, displayName: name, bio: { sl: 'Modrotisk in usnje.' }, municipality: 'ziri', techniques: ['blueprint'], materials: ['leather'],
    });
    await this.db.query(`UPDATE creative_profile SET account_id = $2, matching_consent_at = now() WHERE id = $1`, [profile.id, accountId]);
    return profile.id;
  }

  async publishedChallenge(organisationId: string, deadline: Date | null): Promise<string> {
    const challenges = this.app.get(ChallengesService, { strict: false });
    const draft = await challenges.create(OPERATOR, {
      ownerOrganisationId: organisationId, title: { sl: `Izziv ${this.next()}` }, brief: { sl: 'Modrotisk na usnju.' }, techniques: ['blueprint'], materials: ['leather'], deadline,
    });
    await challenges.publish(OPERATOR, draft.id);
    return draft.id;
  }

  async publishedNeed(organisationId: string): Promise<string> {
    const needs = this.app.get(NeedsService, { strict: false });
    const need = await needs.create(OPERATOR, { ownerOrganisationId: organisationId, title: { sl: `Potreba ${this.next()}` }, description: { sl: 'Iščemo modrotisk na usnju.' }, techniques: ['blueprint'], materials: ['leather'] });
    await needs.publish(OPERATOR, need.id);
    return need.id;
  }

  /** A draft proposal whose lead author is `creativeId`. */
  async draftProposal(challengeId: string, creativeId: string): Promise<string> {
    const [row] = (await this.db.query(
      `INSERT INTO proposal (challenge_id, lead_creative_profile_id, blind_code, title_sl) VALUES ($1, $2, $3, 'Osnutek') RETURNING id`,
      [challengeId, creativeId, `B${this.next()}`],
    )) as { id: string }[];
    await this.db.query(`INSERT INTO proposal_author (proposal_id, creative_profile_id, role) VALUES ($1, $2, 'LEAD')`, [row.id, creativeId]);
    return row.id;
  }

  /** An inbox row waiting for the account's daily digest (category profiles: no consent needed). */
  async digestItem(accountId: string, challengeId: string): Promise<string> {
    const [row] = (await this.db.query(
      `INSERT INTO notification (account_id, kind, subject_type, subject_id, idempotency_key, category, email_state, reason_en, reason_sl)
       VALUES ($1, 'profile-matches', 'challenge', $2, $3, 'PROFILES', 'digest', 'New creatives match.', 'Novi ustvarjalci.') RETURNING id`,
      [accountId, challengeId, `test-digest:${this.next()}`],
    )) as { id: string }[];
    return row.id;
  }

  /** When the account's last digest of this cadence went out. */
  async lastDigest(accountId: string, cadence: 'DAILY' | 'WEEKLY', at: Date): Promise<void> {
    await this.db.query(`INSERT INTO notification_digest (account_id, cadence, last_sent_at) VALUES ($1, $2, $3)`, [accountId, cadence, at]);
  }

  /** A new inbox row, not yet planned (the dispatch sweep decides instant or digest). */
  async unplannedItem(accountId: string, proposalId: string): Promise<string> {
    const [row] = (await this.db.query(
      `INSERT INTO notification (account_id, kind, subject_type, subject_id, idempotency_key) VALUES ($1, 'proposal-awarded', 'proposal', $2, $3) RETURNING id`,
      [accountId, proposalId, `test-item:${this.next()}`],
    )) as { id: string }[];
    return row.id;
  }

  async verifyEmailToken(accountId: string): Promise<string> {
    const [row] = (await this.db.query(
      `INSERT INTO account_token (account_id, purpose, expires_at) VALUES ($1, 'verify-email', now() + interval '1 day') RETURNING id`,
      [accountId],
    )) as { id: string }[];
    return row.id;
  }

  /** A published event with one approved participant (an organisation) and a queued schedule run. */
  async eventWithRun(organisationId: string, accountId: string): Promise<{ participantId: string; runId: string }> {
    const [event] = (await this.db.query(
      `INSERT INTO event (title_sl, venue_name, event_date, registration_opens_at, registration_closes_at, capacity, participation_types,
                          max_requests_per_participant, max_meetings_per_session, status, published_at, created_by_account_id)
       VALUES ('Srečanje', 'Kovačnica', (now() + interval '30 days')::date, now() - interval '1 day', now() + interval '20 days', 20, '{COMPANY}', 5, 3, 'PUBLISHED', now(), $1)
       RETURNING id`,
      [accountId],
    )) as { id: string }[];
    const [participant] = (await this.db.query(
      `INSERT INTO event_participant (event_id, organisation_id, participation_type, status, decided_at) VALUES ($1, $2, 'COMPANY', 'APPROVED', now()) RETURNING id`,
      [event.id, organisationId],
    )) as { id: string }[];
    const [run] = (await this.db.query(
      `INSERT INTO schedule_run (event_id, requested_by_account_id, status) VALUES ($1, $2, 'QUEUED') RETURNING id`,
      [event.id, accountId],
    )) as { id: string }[];
    return { participantId: participant.id, runId: run.id };
  }
}
