import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'creative_profile' })
export class CreativeProfileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ name: 'bio_sl', type: 'text', nullable: true }) bioSl: string | null;
  @Column({ name: 'bio_en', type: 'text', nullable: true }) bioEn: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) domains: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) crafts: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) techniques: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) materials: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) skills: string[];
  /** Crafts, skills, techniques and materials in the creative's own words (no reference code). */
  @Column({ name: 'free_crafts', type: 'text', array: true, default: () => "'{}'" }) freeCrafts: string[];
  @Column({ name: 'free_skills', type: 'text', array: true, default: () => "'{}'" }) freeSkills: string[];
  @Column({ name: 'free_techniques', type: 'text', array: true, default: () => "'{}'" }) freeTechniques: string[];
  @Column({ name: 'free_materials', type: 'text', array: true, default: () => "'{}'" }) freeMaterials: string[];
  @Column({ type: 'text' }) municipality: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) languages: string[];
  @Column({ name: 'portfolio_links', type: 'text', array: true, default: () => "'{}'" }) portfolioLinks: string[];
  /** The account that owns this profile (null: created by an operator, e.g. demo data). */
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  /** When the creative agreed to be matched and notified; null: never matched (the default). */
  @Column({ name: 'matching_consent_at', type: 'timestamptz', nullable: true }) matchingConsentAt: Date | null;
  /** AVAILABLE, LIMITED or UNAVAILABLE for new work. */
  @Column({ type: 'text', default: 'AVAILABLE' }) availability: string;
  /** Set when its creative erased their account but a published award keeps it: anonymised, unowned, out of search. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt: Date | null;
  @Column({ name: 'is_demo', type: 'boolean', default: false }) isDemo: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One piece of work on a creative's profile; its image, if any, is an attachment of owner type 'portfolio_item'. */
@Entity({ name: 'creative_portfolio_item' })
export class PortfolioItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'creative_profile_id', type: 'uuid' }) creativeProfileId: string;
  @Column({ name: 'title_sl', type: 'text', nullable: true }) titleSl: string | null;
  @Column({ name: 'title_en', type: 'text', nullable: true }) titleEn: string | null;
  /** Plain text (no markup). */
  @Column({ name: 'description_sl', type: 'text', nullable: true }) descriptionSl: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'text', nullable: true }) link: string | null;
  @Column({ type: 'integer', nullable: true }) year: number | null;
  @Column({ type: 'text', nullable: true }) client: string | null;
  @Column({ type: 'integer' }) position: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A matching-consent change: given or withdrawn, when, and the version of the explanation shown. */
@Entity({ name: 'matching_consent_event' })
export class MatchingConsentEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'creative_profile_id', type: 'uuid' }) creativeProfileId: string;
  @Column({ type: 'boolean' }) given: boolean;
  @Column({ name: 'explanation_version', type: 'text' }) explanationVersion: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
}
