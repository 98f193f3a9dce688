import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity.js';

@Entity({ name: 'challenge' })
export class ChallengeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'owner_organisation_id', type: 'uuid' }) ownerOrganisationId: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_organisation_id' })
  owner?: OrganisationEntity;
  @Column({ type: 'text', default: 'INDUSTRY' }) kind: string;
  @Column({ name: 'title_sl', type: 'text', nullable: true }) titleSl: string | null;
  @Column({ name: 'title_en', type: 'text', nullable: true }) titleEn: string | null;
  @Column({ name: 'brief_sl', type: 'text', nullable: true }) briefSl: string | null;
  @Column({ name: 'brief_en', type: 'text', nullable: true }) briefEn: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) domains: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) techniques: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) materials: string[];
  @Column({ name: 'reward_sl', type: 'text', nullable: true }) rewardSl: string | null;
  @Column({ name: 'reward_en', type: 'text', nullable: true }) rewardEn: string | null;
  @Column({ type: 'timestamptz', nullable: true }) deadline: Date | null;
  @Column({ type: 'text', default: 'DRAFT' }) status: string;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'submissions_closed_at', type: 'timestamptz', nullable: true }) submissionsClosedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'cancellation_reason_sl', type: 'text', nullable: true }) cancellationReasonSl: string | null;
  @Column({ name: 'cancellation_reason_en', type: 'text', nullable: true }) cancellationReasonEn: string | null;
  @Column({ name: 'total_budget_eur', type: 'integer', nullable: true }) totalBudgetEur: number | null;
  @Column({ name: 'awards_count', type: 'integer', nullable: true }) awardsCount: number | null;
  @Column({ name: 'ip_terms', type: 'text', nullable: true }) ipTerms: string | null;
  @Column({ name: 'ip_details_sl', type: 'text', nullable: true }) ipDetailsSl: string | null;
  @Column({ name: 'ip_details_en', type: 'text', nullable: true }) ipDetailsEn: string | null;
  @Column({ name: 'two_stage', type: 'boolean', default: false }) twoStage: boolean;
  @Column({ name: 'shortlist_size', type: 'integer', nullable: true }) shortlistSize: number | null;
  @Column({ name: 'shortlist_fee_eur', type: 'integer', nullable: true }) shortlistFeeEur: number | null;
  /** PUBLIC, or INVITE_ONLY: seen only by the owner's members, invited creatives and jurors. */
  @Column({ type: 'text', default: 'PUBLIC' }) visibility: string;
  /** 1, or 2 once a two-stage challenge's shortlist develops full proposals. */
  @Column({ type: 'smallint', default: 1 }) stage: number;
  @Column({ name: 'stage_two_opened_at', type: 'timestamptz', nullable: true }) stageTwoOpenedAt: Date | null;
  @Column({ name: 'awarded_at', type: 'timestamptz', nullable: true }) awardedAt: Date | null;
  @Column({ name: 'decision_sl', type: 'text', nullable: true }) decisionSl: string | null;
  @Column({ name: 'decision_en', type: 'text', nullable: true }) decisionEn: string | null;
  /** Who may enter: kinds of creatives and municipalities (empty: anyone). Hard filters in matching. */
  @Column({ name: 'eligible_kinds', type: 'text', array: true, default: () => "'{}'" }) eligibleKinds: string[];
  @Column({ name: 'eligible_municipalities', type: 'text', array: true, default: () => "'{}'" }) eligibleMunicipalities: string[];
  /** The work happens at the owner's place: distance counts. */
  @Column({ name: 'on_site', type: 'boolean', default: false }) onSite: boolean;
  /** ISO 639-1 codes of the languages the work is done in (empty: the brief's languages). */
  @Column({ name: 'working_languages', type: 'text', array: true, default: () => "'{}'" }) workingLanguages: string[];
  @Column({ name: 'is_demo', type: 'boolean', default: false }) isDemo: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
