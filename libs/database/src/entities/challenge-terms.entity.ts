import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

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
