import { Injectable } from '@nestjs/common';
import { SearchableType } from '@app/jobs';
import type { PortfolioItemEntity } from '@app/database';
import type { SearchDocument } from '@app/search';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { ChallengeTermsRepository } from '../challenges/challenge-terms.repository.js';
import { CreativeProfileRepository } from '../creatives/creative-profile.repository.js';
import { PortfolioRepository } from '../creatives/portfolio.repository.js';
import { NeedRepository, OfferRepository } from '../exchange/exchange.repositories.js';
import { ExchangeStatus } from '../exchange/exchange.status.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { ChallengeStatus, ChallengeVisibility } from '../reference/index.js';
import { challengeDocument, creativeDocument, needDocument, offerDocument, supportMeasureDocument } from './catalogue-index.js';
import { SupportMeasureRepository } from '../support/support-measure.repository.js';
import { SupportMeasureStatus } from '../support/support-measure.rules.js';

/** How one kind of row becomes search documents. */
export interface SearchProjection {
  /** Ids in id order after `afterId`, for paging through the table. */
  idsAfter(afterId: string | null, limit: number): Promise<string[]>;
  /** Documents for the rows that should be searchable (others are left out). */
  documents(ids: readonly string[]): Promise<SearchDocument[]>;
  /** How many rows should be in the index. */
  expectedCount(): Promise<number>;
}

/** Joins each row with the row that owns it (organisation, creative) in one query per page. */
async function withOwners<R, O extends { id: string }>(
  rows: R[],
  ownerId: (row: R) => string,
  loadOwners: (ids: string[]) => Promise<O[]>,
  toDocument: (row: R, owner: O) => SearchDocument | null,
): Promise<SearchDocument[]> {
  const owners = new Map((await loadOwners([...new Set(rows.map(ownerId))])).map((o) => [o.id, o]));
  return rows.flatMap((row) => {
    const owner = owners.get(ownerId(row));
    const document = owner ? toDocument(row, owner) : null;
    return document ? [document] : [];
  });
}

@Injectable()
export class SearchProjections {
  private readonly byType: Readonly<Record<SearchableType, SearchProjection>>;

  constructor(
    creatives: CreativeProfileRepository,
    challenges: ChallengeRepository,
    organisations: OrganisationRepository,
    needs: NeedRepository,
    offers: OfferRepository,
    terms: ChallengeTermsRepository,
    portfolio: PortfolioRepository,
    supportMeasures: SupportMeasureRepository,
  ) {
    const published = (status: string) => (qb: { andWhere(where: string, params: object): unknown }) => {
      qb.andWhere('row.status = :status', { status });
    };
    this.byType = {
      [SearchableType.Creative]: {
        idsAfter: (after, limit) => creatives.idsAfter(after, limit),
        // An erased creative's profile, kept anonymised for a published award, is never searchable.
        documents: async (ids) => {
          const profiles = (await creatives.findByIds(ids)).filter((p) => p.erasedAt === null);
          const items = new Map<string, PortfolioItemEntity[]>();
          for (const item of await portfolio.forProfiles(profiles.map((p) => p.id))) items.set(item.creativeProfileId, [...(items.get(item.creativeProfileId) ?? []), item]);
          return profiles.map((p) => creativeDocument(p, items.get(p.id) ?? []));
        },
        expectedCount: () => creatives.count((qb) => qb.andWhere('row.erased_at IS NULL')),
      },
      [SearchableType.Challenge]: {
        idsAfter: (after, limit) => challenges.idsAfter(after, limit),
        documents: async (ids) => {
          const rows = await challenges.findByIds(ids);
          // Reward kinds are their own rows: one query per page, like the owners.
          const rewardKinds = new Map<string, string[]>();
          for (const reward of await terms.rewards(rows.map((r) => r.id))) rewardKinds.set(reward.challengeId, [...(rewardKinds.get(reward.challengeId) ?? []), reward.kind]);
          return withOwners(rows, (r) => r.ownerOrganisationId, (o) => organisations.findByIds(o), (row, owner) => challengeDocument(row, owner, rewardKinds.get(row.id) ?? []));
        },
        // Must agree with challengeDocument: open to everyone, in stage one.
        expectedCount: () => challenges.count((qb) => {
          published(ChallengeStatus.Published)(qb);
          qb.andWhere('row.visibility = :public AND row.stage = 1', { public: ChallengeVisibility.Public });
        }),
      },
      [SearchableType.Need]: {
        idsAfter: (after, limit) => needs.idsAfter(after, limit),
        documents: async (ids) => withOwners(await needs.findByIds(ids), (r) => r.ownerOrganisationId, (o) => organisations.findByIds(o), needDocument),
        expectedCount: () => needs.count(published(ExchangeStatus.Published)),
      },
      [SearchableType.Offer]: {
        idsAfter: (after, limit) => offers.idsAfter(after, limit),
        documents: async (ids) => withOwners(await offers.findByIds(ids), (r) => r.creativeProfileId, (c) => creatives.findByIds(c), offerDocument),
        expectedCount: () => offers.count(published(ExchangeStatus.Published)),
      },
      [SearchableType.SupportMeasure]: {
        idsAfter: (after, limit) => supportMeasures.idsAfter(after, limit),
        documents: async (ids) => withOwners(await supportMeasures.findByIds(ids), (r) => r.providerOrganisationId, (o) => organisations.findByIds(o), (row, provider) => supportMeasureDocument(row, provider)),
        // Must agree with supportMeasureDocument: every measure but drafts.
        expectedCount: () => supportMeasures.count((qb) => qb.andWhere('row.status <> :draft', { draft: SupportMeasureStatus.Draft })),
      },
    };
  }

  of(type: SearchableType): SearchProjection {
    return this.byType[type];
  }
}
