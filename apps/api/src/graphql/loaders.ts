import DataLoader from 'dataloader';
import type { ChallengeCriterionEntity, ChallengeRewardEntity, CreativeProfileEntity, OrganisationEntity } from '@app/database';
import type { ChallengesService, CreativesService, OrganisationsService, PartnerWithOrganisation } from '@app/marketplace';

/** Per-request batching: a page of challenges loads its owners in one query, not one each. */
export interface Loaders {
  organisation: DataLoader<string, OrganisationEntity | null>;
  creative: DataLoader<string, CreativeProfileEntity | null>;
  challengePartners: DataLoader<string, PartnerWithOrganisation[]>;
  challengeRewards: DataLoader<string, ChallengeRewardEntity[]>;
  challengeCriteria: DataLoader<string, ChallengeCriterionEntity[]>;
}

/** Rows of many parents in one query, grouped back by parent id. */
function byParent<T extends { challengeId: string }>(load: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (ids) => {
    const groups = new Map<string, T[]>();
    for (const row of await load(ids)) groups.set(row.challengeId, [...(groups.get(row.challengeId) ?? []), row]);
    return ids.map((id) => groups.get(id) ?? []);
  });
}

function byId<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

export function createLoaders(organisations: OrganisationsService, creatives: CreativesService, challenges: ChallengesService): Loaders {
  return {
    organisation: byId((ids) => organisations.getMany(ids)),
    creative: byId((ids) => creatives.getMany(ids)),
    challengePartners: byParent((ids) => challenges.partnersOf(ids)),
    challengeRewards: byParent((ids) => challenges.rewardsOf(ids)),
    challengeCriteria: byParent((ids) => challenges.criteriaOf(ids)),
  };
}
