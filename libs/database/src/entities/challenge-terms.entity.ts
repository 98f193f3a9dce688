import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Another organisation taking part in a challenge (museum, school, tourist board, …), with its role. */
@Entity({ name: 'challenge_partner' })
export class ChallengePartnerEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' }) challengeId: string;
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ type: 'smallint' }) position: number;
  @Column({ name: 'role_sl', type: 'text', nullable: true }) roleSl: string | null;
  @Column({ name: 'role_en', type: 'text', nullable: true }) roleEn: string | null;
}

@Entity({ name: 'challenge_reward' })
export class ChallengeRewardEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'challenge_id', type: 'uuid' }) challengeId: string;
  @Column({ type: 'smallint' }) position: number;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'amount_eur', type: 'integer', nullable: true }) amountEur: number | null;
  @Column({ name: 'description_sl', type: 'text', nullable: true }) descriptionSl: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
}

/** One evaluation criterion; the weights of a challenge add up to 100. */
@Entity({ name: 'challenge_criterion' })
export class ChallengeCriterionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'challenge_id', type: 'uuid' }) challengeId: string;
  @Column({ type: 'smallint' }) position: number;
  @Column({ name: 'name_sl', type: 'text', nullable: true }) nameSl: string | null;
  @Column({ name: 'name_en', type: 'text', nullable: true }) nameEn: string | null;
  @Column({ type: 'integer' }) weight: number;
}

/** A creative invited to an invite-only challenge. */
@Entity({ name: 'challenge_invitee' })
export class ChallengeInviteeEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' }) challengeId: string;
  @PrimaryColumn({ name: 'creative_profile_id', type: 'uuid' }) creativeProfileId: string;
  @CreateDateColumn({ name: 'invited_at', type: 'timestamptz' }) invitedAt: Date;
}

/** A creative's question on a challenge; public (without the asker) once the owner answers. */
@Entity({ name: 'challenge_question' })
export class ChallengeQuestionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'challenge_id', type: 'uuid' }) challengeId: string;
  /** The asker; null once their account is erased. */
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ type: 'text' }) language: string;
  @Column({ type: 'text' }) question: string;
  @Column({ name: 'answer_sl', type: 'text', nullable: true }) answerSl: string | null;
  @Column({ name: 'answer_en', type: 'text', nullable: true }) answerEn: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
