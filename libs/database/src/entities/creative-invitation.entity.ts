import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an imported row holds until the person accepts: the fields as typed, never validated codes. */
export interface CreativeInvitationData {
  displayName: string;
  kind: string;
  municipality: string;
  languages: string[];
  bioSl: string | null;
  bioEn: string | null;
  crafts: string[];
  skills: string[];
  techniques: string[];
  materials: string[];
  portfolioLinks: string[];
}

/**
 * An imported creative, invited by mail to become a profile (see the migration
 * CreativeInvitations1763902400000). Email, data and note are set only while pending.
 */
@Entity({ name: 'creative_invitation' })
export class CreativeInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** pending, accepted, declined or expired. */
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'jsonb', nullable: true }) data: CreativeInvitationData | null;
  /** The importer's words to the person (why they were imported), shown in the mail and on the page. */
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'imported_by', type: 'uuid', nullable: true }) importedBy: string | null;
  /** Rows imported by one call share it. */
  @Column({ name: 'import_id', type: 'uuid' }) importId: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  /** After acceptance: the account and profile it became. */
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ name: 'creative_profile_id', type: 'uuid', nullable: true }) creativeProfileId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
