import DataLoader from 'dataloader';
import type {
  AttachmentEntity, ChallengeCriterionEntity, ChallengeEntity, ChallengeQuestionEntity, ChallengeRewardEntity, CreativeProfileEntity, NeedEntity, OrganisationEntity, ProposalEntity,
} from '@app/database';
import type {
  AttachmentsService, AwardsService, ChallengeQuestionsService, ChallengesService, CreativesService, OrganisationsService, PartnerWithOrganisation, PortfolioItemWithImage,
  PortfolioService, ProposalAuthorRow, ProposalsService, ProposalStatusCounts,
} from '@app/marketplace';

/** Per-request batching: a page of challenges loads its owners in one query, not one each. */
export interface Loaders {
  organisation: DataLoader<string, OrganisationEntity | null>;
  /** Raw rows, no visibility check: only for parents the caller was already allowed to see. */
  challenge: DataLoader<string, ChallengeEntity | null>;
  creative: DataLoader<string, CreativeProfileEntity | null>;
  challengePartners: DataLoader<string, PartnerWithOrganisation[]>;
  challengeRewards: DataLoader<string, ChallengeRewardEntity[]>;
  challengeCriteria: DataLoader<string, ChallengeCriterionEntity[]>;
  challengeAttachments: DataLoader<string, AttachmentEntity[]>;
  /** Every question; resolvers filter with ChallengeQuestionsService.visibleTo. */
  challengeQuestions: DataLoader<string, ChallengeQuestionEntity[]>;
  submittedProposalCount: DataLoader<string, number>;
  /** By state; only for parents whose organisation the caller belongs to. */
  proposalCounts: DataLoader<string, ProposalStatusCounts>;
  awardedTotals: DataLoader<string, { awardedEur: number; awardsMade: number; shortlistFeesEur: number }>;
  proposalAuthors: DataLoader<string, ProposalAuthorRow[]>;
  proposalAttachments: DataLoader<string, AttachmentEntity[]>;
  /** Portfolio items of creative profiles, in order, with their images. */
  portfolioItems: DataLoader<string, PortfolioItemWithImage[]>;
  /** Raw rows (every status): resolvers filter with OrganisationsService.visibleChallenges / visibleNeeds. */
  organisationChallenges: DataLoader<string, ChallengeEntity[]>;
  organisationNeeds: DataLoader<string, NeedEntity[]>;
  organisationLogo: DataLoader<string, AttachmentEntity | null>;
  /** Awarded proposals per challenge: only for AWARDED challenges the caller may see. */
  challengeAwardedProposals: DataLoader<string, ProposalEntity[]>;
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
  proposals: ProposalsService;
  awards: AwardsService;
  questions: ChallengeQuestionsService;
  portfolio: PortfolioService;
}

function byKey<V>(load: (ids: readonly string[]) => Promise<Map<string, V>>, missing: V): DataLoader<string, V> {
  return new DataLoader<string, V>(async (ids) => {
    const found = await load(ids);
    return ids.map((id) => found.get(id) ?? missing);
  });
}

export function createLoaders({ organisations, creatives, challenges, attachments, proposals, awards, questions, portfolio }: LoaderServices): Loaders {
  return {
    organisation: byId((ids) => organisations.getMany(ids)),
    challenge: byId((ids) => challenges.getMany(ids)),
    creative: byId((ids) => creatives.getMany(ids)),
    challengePartners: byParent((ids) => challenges.partnersOf(ids), (r) => r.challengeId),
    challengeRewards: byParent((ids) => challenges.rewardsOf(ids), (r) => r.challengeId),
    challengeCriteria: byParent((ids) => challenges.criteriaOf(ids), (r) => r.challengeId),
    challengeAttachments: byParent((ids) => attachments.forChallenges(ids), (r) => r.ownerId),
    challengeQuestions: byParent((ids) => questions.ofChallenges(ids), (r) => r.challengeId),
    submittedProposalCount: byKey((ids) => proposals.submittedCounts(ids), 0),
    proposalCounts: byKey((ids) => proposals.statusCounts(ids), { submitted: 0, withdrawn: 0, shortlisted: 0, awarded: 0 }),
    awardedTotals: byKey((ids) => awards.awardedTotals(ids), { awardedEur: 0, awardsMade: 0, shortlistFeesEur: 0 }),
    proposalAuthors: byParent((ids) => proposals.authorsOf(ids), (r) => r.proposalId),
    proposalAttachments: byParent((ids) => proposals.attachmentsOf(ids), (r) => r.ownerId),
    portfolioItems: byKey((ids) => portfolio.forProfiles(ids), []),
    organisationChallenges: byParent((ids) => organisations.challengeRowsOf(ids), (r) => r.ownerOrganisationId),
    organisationNeeds: byParent((ids) => organisations.needRowsOf(ids), (r) => r.ownerOrganisationId),
    organisationLogo: byKey<AttachmentEntity | null>(async (ids) => new Map((await organisations.logosOf(ids)).map((a) => [a.ownerId, a] as const)), null),
    challengeAwardedProposals: byParent((ids) => organisations.awardedProposalsOf(ids), (r) => r.challengeId),
  };
}
