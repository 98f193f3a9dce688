import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A service or product a creative offers. */
@Entity({ name: 'offer' })
export class OfferEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'creative_profile_id', type: 'uuid' }) creativeProfileId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'title_sl', type: 'text', nullable: true }) titleSl: string | null;
  @Column({ name: 'title_en', type: 'text', nullable: true }) titleEn: string | null;
  @Column({ name: 'description_sl', type: 'text', nullable: true }) descriptionSl: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) domains: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) crafts: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) techniques: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) materials: string[];
  @Column({ name: 'price_from_eur', type: 'integer', nullable: true }) priceFromEur: number | null;
  @Column({ type: 'text', default: 'DRAFT' }) status: string;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'is_demo', type: 'boolean', default: false }) isDemo: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
