import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What an organisation needs from the creative sector (description, budget range, timeline). */
@Entity({ name: 'need' })
export class NeedEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'owner_organisation_id', type: 'uuid' }) ownerOrganisationId: string;
  @Column({ name: 'title_sl', type: 'text', nullable: true }) titleSl: string | null;
  @Column({ name: 'title_en', type: 'text', nullable: true }) titleEn: string | null;
  @Column({ name: 'description_sl', type: 'text', nullable: true }) descriptionSl: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) domains: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) techniques: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) materials: string[];
  @Column({ name: 'budget_min_eur', type: 'integer', nullable: true }) budgetMinEur: number | null;
  @Column({ name: 'budget_max_eur', type: 'integer', nullable: true }) budgetMaxEur: number | null;
  /** ISO dates (YYYY-MM-DD). */
  @Column({ name: 'timeline_start', type: 'date', nullable: true }) timelineStart: string | null;
  @Column({ name: 'timeline_end', type: 'date', nullable: true }) timelineEnd: string | null;
  @Column({ type: 'text', default: 'DRAFT' }) status: string;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'is_demo', type: 'boolean', default: false }) isDemo: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
