import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A creative's (or team's) answer to a challenge. Confidential: see ProposalsService. */
@Entity({ name: 'proposal' })
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'challenge_id', type: 'uuid' }) challengeId: string;
  @Column({ name: 'lead_creative_profile_id', type: 'uuid' }) leadCreativeProfileId: string;
  @Column({ type: 'text' }) status: string;
  /** What jurors see instead of the authors, e.g. "P-07". */
  @Column({ name: 'blind_code', type: 'text' }) blindCode: string;
  @Column({ name: 'title_sl', type: 'text', nullable: true }) titleSl: string | null;
  @Column({ name: 'title_en', type: 'text', nullable: true }) titleEn: string | null;
  @Column({ name: 'body_sl', type: 'text', nullable: true }) bodySl: string | null;
  @Column({ name: 'body_en', type: 'text', nullable: true }) bodyEn: string | null;
  @Column({ name: 'requested_eur', type: 'integer', nullable: true }) requestedEur: number | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  /** Chosen for the paid second stage of a two-stage challenge. */
  @Column({ name: 'shortlisted_at', type: 'timestamptz', nullable: true }) shortlistedAt: Date | null;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ name: 'award_eur', type: 'integer', nullable: true }) awardEur: number | null;
  @Column({ name: 'award_reason_sl', type: 'text', nullable: true }) awardReasonSl: string | null;
  @Column({ name: 'award_reason_en', type: 'text', nullable: true }) awardReasonEn: string | null;
  @Column({ name: 'is_demo', type: 'boolean', default: false }) isDemo: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'proposal_author' })
export class ProposalAuthorEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @PrimaryColumn({ name: 'creative_profile_id', type: 'uuid' }) creativeProfileId: string;
  @Column({ type: 'text' }) role: string;
}

@Entity({ name: 'jury_member' })
export class JuryMemberEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' }) challengeId: string;
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'conflict_declaration' })
export class ConflictDeclarationEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Column({ name: 'has_conflict', type: 'boolean' }) hasConflict: boolean;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'declared_at', type: 'timestamptz' }) declaredAt: Date;
}

@Entity({ name: 'review_score' })
export class ReviewScoreEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId: string;
  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' }) criterionId: string;
  @Column({ type: 'integer' }) score: number;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** What followed an award, for the organiser's reports to funders. */
@Entity({ name: 'award_outcome' })
export class AwardOutcomeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'value_eur', type: 'integer', nullable: true }) valueEur: number | null;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn: string;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One in-app inbox item; (account, idempotency key) is unique, so a retried job adds nothing twice. */
@Entity({ name: 'notification' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  /** Set when the delivery is planned (from kind); preferences are per category. */
  @Column({ type: 'text', nullable: true }) category: string | null;
  /** Why the person gets it (e.g. which of their skills matched), shown in the inbox and mails. */
  @Column({ name: 'reason_sl', type: 'text', nullable: true }) reasonSl: string | null;
  @Column({ name: 'reason_en', type: 'text', nullable: true }) reasonEn: string | null;
  /** null: not planned yet; pending (instant mail), digest, sent, digested, off, failed. */
  @Column({ name: 'email_state', type: 'text', nullable: true }) emailState: string | null;
  @Column({ name: 'email_attempts', type: 'integer', default: 0 }) emailAttempts: number;
  @Column({ name: 'email_error', type: 'text', nullable: true }) emailError: string | null;
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true }) emailedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** How one account wants one category of notifications: INSTANT, DAILY, WEEKLY or OFF. */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId: string;
  @PrimaryColumn({ type: 'text' }) category: string;
  @Column({ type: 'text' }) mode: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
