import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A support measure or call for funding of the region (see migration 1763903500000). */
@Entity({ name: 'support_measure' })
export class SupportMeasureEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'provider_organisation_id', type: 'uuid' }) providerOrganisationId: string;
  /** DRAFT, PUBLISHED or CLOSED. */
  @Column({ type: 'text', default: 'DRAFT' }) status: string;
  @Column({ name: 'title_sl', type: 'text', nullable: true }) titleSl: string | null;
  @Column({ name: 'title_en', type: 'text', nullable: true }) titleEn: string | null;
  @Column({ name: 'summary_sl', type: 'text', nullable: true }) summarySl: string | null;
  @Column({ name: 'summary_en', type: 'text', nullable: true }) summaryEn: string | null;
  @Column({ name: 'text_sl', type: 'text', nullable: true }) textSl: string | null;
  @Column({ name: 'text_en', type: 'text', nullable: true }) textEn: string | null;
  /** Creative profile kinds that may apply (empty: no creative). */
  @Column({ name: 'eligible_creative_kinds', type: 'text', array: true, default: () => "'{}'" }) eligibleCreativeKinds: string[];
  /** Organisation kinds that may apply (empty: no organisation). */
  @Column({ name: 'eligible_organisation_kinds', type: 'text', array: true, default: () => "'{}'" }) eligibleOrganisationKinds: string[];
  @Column({ name: 'amount_min_eur', type: 'integer', nullable: true }) amountMinEur: number | null;
  @Column({ name: 'amount_max_eur', type: 'integer', nullable: true }) amountMaxEur: number | null;
  /** null: a rolling call. */
  @Column({ type: 'timestamptz', nullable: true }) deadline: Date | null;
  @Column({ name: 'call_url', type: 'text', nullable: true }) callUrl: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'is_demo', type: 'boolean', default: false }) isDemo: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
