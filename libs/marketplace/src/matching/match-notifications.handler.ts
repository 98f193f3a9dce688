import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, Clock, type AppConfig } from '@app/config';
import { JobName, JobQueues, JobStatus, OnJob, OutboxStore, OutboxTopic, type JobDataOf } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { addToInboxWithReasons, organisationEditors } from '../common/inbox.js';
import { CreativeProfileRepository } from '../creatives/creative-profile.repository.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { ineligibility, type MatchExplanation } from './match-scoring.js';

import { challengeDemand } from './match-subjects.js';
import { MatchingService } from './matching.service.js';

/** Inbox rows written per statement in a fan-out. */
const FAN_OUT_BATCH = 1000;
const PROFILE_BATCH_MARKER = 'profile-matches-batch-at';

/** Why this person is told: the two factors that added most, in both languages. */
export function reasonOf(e: MatchExplanation): { sl: string; en: string } {
  const top = [...e.factors].sort((a, b) => b.contribution - a.contribution).slice(0, 2);
  const score = `${Math.round(e.score * 100)} %`;
  return { sl: `Ujemanje ${score}. ${top.map((f) => f.reason.sl).join(' ')}`, en: `Match ${score}. ${top.map((f) => f.reason.en).join(' ')}` };
}

/**
 * The marketplace's notification triggers (worker side). Each writes inbox rows with an
 * idempotency key per (recipient, event), so a retried or redelivered job adds nothing twice; the
 * notifications pipeline then mails them by each person's preference.
 */
@Injectable()
export class MatchNotificationsHandler {
  private readonly logger = new Logger(MatchNotificationsHandler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
    private readonly challenges: ChallengeRepository,
    private readonly creatives: CreativeProfileRepository,
    private readonly organisations: OrganisationRepository,
    private readonly outbox: OutboxStore,
    private readonly queues: JobQueues,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.FanOutChallengeMatches)
  async challengePublished(data: JobDataOf<JobName.FanOutChallengeMatches>): Promise<JobStatus> {
    const added = await this.fanOut('challenge', data.id, 'challenge-match');
    await this.outbox.markProcessed(OutboxTopic.ChallengePublished, 'challenge', data.id, data.upToOutboxId);
    return added > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  @OnJob(JobName.FanOutNeedMatches)
  async needPublished(data: JobDataOf<JobName.FanOutNeedMatches>): Promise<JobStatus> {
    const added = await this.fanOut('need', data.id, 'need-match');
    await this.outbox.markProcessed(OutboxTopic.NeedPublished, 'need', data.id, data.upToOutboxId);
    return added > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  /** One inbox row per matching creative, in batches; the key makes a re-run add only what is missing. */
  private async fanOut(type: 'challenge' | 'need', id: string, kind: string): Promise<number> {
    const subject = await this.matching.demandOf(type, id);
    if (!subject?.open) return 0;
    const audience = await this.matching.audience(subject.demand, subject.text);
    let added = 0;
    for (let from = 0; from < audience.length; from += FAN_OUT_BATCH) {
      const batch = audience.slice(from, from + FAN_OUT_BATCH);
      added += await addToInboxWithReasons(this.dataSource.manager, batch.map((m) => ({ accountId: m.subject.accountId as string, reason: reasonOf(m.explanation) })), {
        kind, subjectType: type, subjectId: id, idempotencyKey: `${kind}:${id}`,
      });
    }
    this.logger.log(`${type} ${id}: ${audience.length} matching creative(s), ${added} new inbox row(s)`);
    // Plan their mail now rather than at the next 2-second sweep (which still covers a failure here).
    if (added > 0) await this.queues.queue({ name: JobName.NotificationDispatch, data: { trigger: 'manual' } });
    return added;
  }

  /** 7 days and 1 day before the deadline (by the injected clock), the authors of draft proposals hear it (once each). */
  @OnJob(JobName.DeadlineReminders)
  async deadlineReminders(_data: JobDataOf<JobName.DeadlineReminders>): Promise<JobStatus> {
    const now = this.clock.now();
    const rows = (await this.dataSource.query(
      `SELECT p.id AS proposal_id, cp.account_id, c.deadline <= $1::timestamptz + interval '1 day' AS last_day
         FROM proposal p JOIN challenge c ON c.id = p.challenge_id
         JOIN proposal_author pa ON pa.proposal_id = p.id JOIN creative_profile cp ON cp.id = pa.creative_profile_id
        WHERE p.status = 'DRAFT' AND c.status = 'PUBLISHED' AND cp.account_id IS NOT NULL
          AND c.deadline > $1 AND c.deadline <= $1::timestamptz + interval '7 days'`,
      [now],
    )) as { proposal_id: string; account_id: string; last_day: boolean }[];
    let added = 0;
    for (const r of rows) {
      const kind = r.last_day ? 'deadline-1d' : 'deadline-7d';
      added += await addToInboxWithReasons(this.dataSource.manager, [{ accountId: r.account_id, reason: { sl: 'Vaš predlog je še osnutek.', en: 'Your proposal is still a draft.' } }], {
        kind, subjectType: 'proposal', subjectId: r.proposal_id, idempotencyKey: `${kind}:${r.proposal_id}`,
      });
    }
    return added > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  /**
   * Creatives who joined or changed since the last run, matched against every open public
   * challenge: each challenge's owners and editors get one inbox row per run listing the new
   * matches (a batch, not one mail per profile). The time is the injected clock's.
   */
  @OnJob(JobName.ProfileMatchesBatch)
  async profileMatches(_data: JobDataOf<JobName.ProfileMatchesBatch>): Promise<JobStatus> {
    const now = this.clock.now();
    const [marker] = (await this.dataSource.query(`SELECT value FROM app_meta WHERE key = $1`, [PROFILE_BATCH_MARKER])) as { value: string }[];
    const since = marker ? new Date(marker.value) : new Date(now.getTime() - 15 * 60_000);
    const changed = await this.creatives.matchableChangedSince(since, now);
    let added = 0;
    if (changed.length > 0) {
      const open = await this.challenges.openPublic();
      const owners = new Map((await this.organisations.findByIds([...new Set(open.map((c) => c.ownerOrganisationId))])).map((o) => [o.id, o]));
      const supplies = await this.matching.supplies(changed);
      for (const challenge of open) {
        const demand = challengeDemand(challenge, owners.get(challenge.ownerOrganisationId) ?? null);
        const matched = supplies.filter(({ supply }) => ineligibility(demand, supply) === null && this.matching.scoreWithoutText(demand, supply).score >= this.config.matching.threshold).map((s) => s.profile);
        if (matched.length === 0) continue;
        const names = matched.slice(0, 5).map((p) => p.displayName).join(', ') + (matched.length > 5 ? ' …' : '');
        const editors = await organisationEditors(this.dataSource.manager, challenge.ownerOrganisationId);
        added += await addToInboxWithReasons(this.dataSource.manager, editors.map((accountId) => ({
          accountId, reason: { sl: `Novi ustvarjalci, ki ustrezajo izzivu (${matched.length}): ${names}.`, en: `New creatives who match the challenge (${matched.length}): ${names}.` },
        })), { kind: 'profile-matches', subjectType: 'challenge', subjectId: challenge.id, idempotencyKey: `profile-matches:${challenge.id}:${now.toISOString()}` });
      }
    }
    await this.dataSource.query(`INSERT INTO app_meta (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [PROFILE_BATCH_MARKER, now.toISOString()]);
    return added > 0 ? JobStatus.Success : JobStatus.Skipped;
  }
}
