import type { ChallengeEntity, CreativeProfileEntity, NeedEntity, OfferEntity, OrganisationEntity } from '@app/database';
import {
  type Availability, type ChallengeKind, type ChallengeStatus, type ChallengeVisibility, type CreativeKind, type IpTermsKind, type ExchangeStatus, type FacetCount, type OfferKind, type OrganisationKind, type Page, ERASED_AUTHOR_NAME, REGION_GORENJSKA, Taxonomy, Vocabulary,
} from '@app/marketplace';
import type { Challenge, ConnectionShape, CreativeProfile, Facet, LocalizedText, Need, Offer, Organisation, Place, Term } from './catalogue.types.js';

/** Entities never leave the API as they are: these map them to the GraphQL types. */
export function text(sl: string | null, en: string | null): LocalizedText {
  return { sl, en };
}

export function terms(vocabulary: Vocabulary, codes: readonly string[]): Term[] {
  return codes.map((code) => ({ code, label: Taxonomy.label(vocabulary, code) ?? text(code, code) }));
}

export function place(code: string): Place {
  return { code, name: Taxonomy.place(code)?.name ?? code };
}

export function toOrganisation(e: OrganisationEntity): Organisation {
  return {
    id: e.id, kind: e.kind as OrganisationKind, name: e.name, municipality: place(e.municipality),
    description: text(e.descriptionSl, e.descriptionEn), website: e.website, isDemo: e.isDemo, createdAt: e.createdAt, updatedAt: e.updatedAt,
  };
}

export function toCreativeProfile(e: CreativeProfileEntity): CreativeProfile {
  if (e.erasedAt !== null) return removedParticipant(e.id, e.erasedAt);
  return {
    id: e.id, kind: e.kind as CreativeKind, displayName: e.displayName, bio: text(e.bioSl, e.bioEn),
    domains: terms(Vocabulary.Domain, e.domains), crafts: terms(Vocabulary.Craft, e.crafts),
    techniques: terms(Vocabulary.Technique, e.techniques), materials: terms(Vocabulary.Material, e.materials),
    skills: terms(Vocabulary.Skill, e.skills), municipality: place(e.municipality), languages: e.languages,
    freeCrafts: e.freeCrafts, freeTechniques: e.freeTechniques, freeMaterials: e.freeMaterials, freeSkills: e.freeSkills,
    portfolioLinks: e.portfolioLinks, availability: e.availability as Availability, matchingConsentAt: e.matchingConsentAt,
    isDemo: e.isDemo, createdAt: e.createdAt, updatedAt: e.updatedAt, erased: false,
  };
}

/**
 * An erased creative's profile, kept only as the author of a published award: whatever is still
 * stored, nothing personal leaves the API (no kind, place, availability, dates of their own), only
 * the bilingual "removed participant".
 */
function removedParticipant(id: string, erasedAt: Date): CreativeProfile {
  return {
    id, kind: null, displayName: ERASED_AUTHOR_NAME, bio: text(null, null), domains: [], crafts: [], techniques: [], materials: [], skills: [],
    freeCrafts: [], freeTechniques: [], freeMaterials: [], freeSkills: [], municipality: null, languages: [], portfolioLinks: [], availability: null, matchingConsentAt: null, isDemo: false, createdAt: erasedAt, updatedAt: erasedAt, erased: true,
  };
}

export function toChallenge(e: ChallengeEntity): Challenge {
  return {
    id: e.id, ownerOrganisationId: e.ownerOrganisationId, kind: e.kind as ChallengeKind, title: text(e.titleSl, e.titleEn), brief: text(e.briefSl, e.briefEn),
    domains: terms(Vocabulary.Domain, e.domains), techniques: terms(Vocabulary.Technique, e.techniques),
    materials: terms(Vocabulary.Material, e.materials),
    reward: e.rewardSl || e.rewardEn ? text(e.rewardSl, e.rewardEn) : null,
    totalBudgetEur: e.totalBudgetEur, awardsCount: e.awardsCount,
    ipTerms: e.ipTerms ? { kind: e.ipTerms as IpTermsKind, details: text(e.ipDetailsSl, e.ipDetailsEn), creatorKeepsRightsUntilPaid: true } : null,
    twoStage: e.twoStage && e.shortlistSize !== null && e.shortlistFeeEur !== null ? { shortlistSize: e.shortlistSize, shortlistFeeEur: e.shortlistFeeEur } : null,
    visibility: e.visibility as ChallengeVisibility, stage: e.stage, stageTwoOpenedAt: e.stageTwoOpenedAt,
    eligibility: { creativeKinds: e.eligibleKinds as CreativeKind[], municipalities: e.eligibleMunicipalities.map((m) => (m === REGION_GORENJSKA ? { code: m, name: 'Gorenjska' } : place(m))), onSite: e.onSite },
    workingLanguages: e.workingLanguages,
    deadline: e.deadline, status: e.status as ChallengeStatus, publishedAt: e.publishedAt, submissionsClosedAt: e.submissionsClosedAt,
    cancelledAt: e.cancelledAt, cancellationReason: e.cancelledAt ? text(e.cancellationReasonSl, e.cancellationReasonEn) : null, isDemo: e.isDemo,
    awardedAt: e.awardedAt, decision: e.awardedAt ? text(e.decisionSl, e.decisionEn) : null,
    createdAt: e.createdAt, updatedAt: e.updatedAt,
  };
}

export function toNeed(e: NeedEntity): Need {
  return {
    id: e.id, ownerOrganisationId: e.ownerOrganisationId, title: text(e.titleSl, e.titleEn), description: text(e.descriptionSl, e.descriptionEn),
    domains: terms(Vocabulary.Domain, e.domains), techniques: terms(Vocabulary.Technique, e.techniques), materials: terms(Vocabulary.Material, e.materials),
    budgetMinEur: e.budgetMinEur, budgetMaxEur: e.budgetMaxEur, timelineStart: e.timelineStart, timelineEnd: e.timelineEnd,
    status: e.status as ExchangeStatus, publishedAt: e.publishedAt, isDemo: e.isDemo, createdAt: e.createdAt, updatedAt: e.updatedAt,
  };
}

export function toOffer(e: OfferEntity): Offer {
  return {
    id: e.id, creativeProfileId: e.creativeProfileId, kind: e.kind as OfferKind, title: text(e.titleSl, e.titleEn),
    description: text(e.descriptionSl, e.descriptionEn), domains: terms(Vocabulary.Domain, e.domains), crafts: terms(Vocabulary.Craft, e.crafts),
    techniques: terms(Vocabulary.Technique, e.techniques), materials: terms(Vocabulary.Material, e.materials), priceFromEur: e.priceFromEur,
    status: e.status as ExchangeStatus, publishedAt: e.publishedAt, isDemo: e.isDemo, createdAt: e.createdAt, updatedAt: e.updatedAt,
  };
}

export function toConnection<E, T>(page: Omit<Page<E>, 'facets'>, map: (e: E) => T): ConnectionShape<T> {
  const nodes = page.nodes.map(map);
  return {
    edges: nodes.map((node, i) => ({ node, cursor: page.cursors[i] })),
    nodes,
    totalCount: page.totalCount,
    pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
  };
}

const FACET_VOCABULARY: Readonly<Record<string, Vocabulary>> = {
  domains: Vocabulary.Domain, techniques: Vocabulary.Technique, materials: Vocabulary.Material, crafts: Vocabulary.Craft,
};

export function toFacets(facets: Record<string, FacetCount[]>): Facet[] {
  return Object.entries(facets).map(([field, values]) => ({
    field,
    values: values.map(({ value, count }) => {
      const vocabulary = FACET_VOCABULARY[field];
      const name = field === 'municipality' ? Taxonomy.place(value)?.name : undefined;
      const label = vocabulary ? Taxonomy.label(vocabulary, value) : name ? text(name, name) : null;
      return { value, count, label };
    }),
  }));
}
