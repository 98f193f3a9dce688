import DataLoader from 'dataloader';
import type { AttachmentEntity, ChallengeCriterionEntity, ChallengeRewardEntity, CreativeProfileEntity, OrganisationEntity } from '@app/database';
import type { AttachmentsService, ChallengesService, CreativesService, OrganisationsService, PartnerWithOrganisation } from '@app/marketplace';

/** Per-request batching: a page of challenges loads its owners in one query, not one each. */
export interface Loaders {
  organisation: DataLoader<string, OrganisationEntity | null>;
  creative: DataLoader<string, CreativeProfileEntity | null>;
  challengePartners: DataLoader<string, PartnerWithOrganisation[]>;
  challengeRewards: DataLoader<string, ChallengeRewardEntity[]>;
  challengeCriteria: DataLoader<string, ChallengeCriterionEntity[]>;
  challengeAttachments: DataLoader<string, AttachmentEntity[]>;
}

/** Rows of many parents in one query, grouped back by parent id. */
function byParent<T>(load: (ids: readonly string[]) => Promise<T[]>, parentId: (row: T) => string): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (ids) => {
    const groups = new Map<string, T[]>();
    for (const row of await load(ids)) groups.set(parentId(row), [...(groups.get(parentId(row)) ?? []), row]);
    return ids.map((id) => groups.get(id) ?? []);
  });
}

function byId<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

export interface LoaderServices {
  organisations: OrganisationsService;
  creatives: CreativesService;
  challenges: ChallengesService;
  attachments: AttachmentsService;
}

export function createLoaders({ organisations, creatives, challenges, attachments }: LoaderServices): Loaders {
  return {
    organisation: byId((ids) => organisations.getMany(ids)),
    creative: byId((ids) => creatives.getMany(ids)),
    challengePartners: byParent((ids) => challenges.partnersOf(ids), (r) => r.challengeId),
    challengeRewards: byParent((ids) => challenges.rewardsOf(ids), (r) => r.challengeId),
    challengeCriteria: byParent((ids) => challenges.criteriaOf(ids), (r) => r.challengeId),
    challengeAttachments: byParent((ids) => attachments.forChallenges(ids), (r) => r.ownerId),
  };
}
