import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Availability, ChallengeKind, ChallengeStatus, ChallengeVisibility, CreativeKind, ExchangeStatus, IpTermsKind, OfferKind, OrganisationKind, RewardKind } from '@app/marketplace';
import type { Type } from '@nestjs/common';

/** A GraphQL enum whose names are the domain enum's values (COMPANY, not Company). */
export function graphqlEnum<E extends Record<string, string>>(domainEnum: E, name: string): Record<string, string> {
  const mirror = Object.fromEntries(Object.values(domainEnum).map((v) => [v, v]));
  registerEnumType(mirror, { name });
  return mirror;
}

export const OrganisationKindEnum = graphqlEnum(OrganisationKind, 'OrganisationKind');
export const CreativeKindEnum = graphqlEnum(CreativeKind, 'CreativeKind');
export const ChallengeStatusEnum = graphqlEnum(ChallengeStatus, 'ChallengeStatus');
export const ChallengeVisibilityEnum = graphqlEnum(ChallengeVisibility, 'ChallengeVisibility');
export const AvailabilityEnum = graphqlEnum(Availability, 'Availability');
export const ChallengeKindEnum = graphqlEnum(ChallengeKind, 'ChallengeKind');
export const RewardKindEnum = graphqlEnum(RewardKind, 'RewardKind');
export const IpTermsKindEnum = graphqlEnum(IpTermsKind, 'IpTermsKind');
export const ExchangeStatusEnum = graphqlEnum(ExchangeStatus, 'ExchangeStatus');
export const OfferKindEnum = graphqlEnum(OfferKind, 'OfferKind');

@ObjectType({ description: 'Text in Slovenian and English; either may be missing.' })
export class LocalizedText {
  @Field(() => String, { nullable: true }) sl: string | null;
  @Field(() => String, { nullable: true }) en: string | null;
}

@ObjectType({ description: 'An entry of a controlled vocabulary (CCS domain, craft, technique, material, skill).' })
export class Term {
  @Field() code: string;
  @Field(() => LocalizedText) label: LocalizedText;
}

@ObjectType({ description: 'A municipality (občina) of Gorenjska, or another named place.' })
export class Place {
  @Field() code: string;
  @Field() name: string;
}

@ObjectType({ description: 'Who may enter a challenge: empty lists mean anyone.' })
export class ChallengeEligibility {
  @Field(() => [CreativeKindEnum]) creativeKinds: CreativeKind[];
  @Field(() => [Place], { description: 'Municipalities creatives must be based in; the region itself has the code "gorenjska".' }) municipalities: Place[];
  @Field({ description: "The work happens at the owner's place: distance counts in matching." }) onSite: boolean;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ObjectType()
export class Organisation {
  @Field(() => ID) id: string;
  @Field(() => OrganisationKindEnum) kind: OrganisationKind;
  @Field() name: string;
  @Field(() => Place) municipality: Place;
  @Field(() => LocalizedText) description: LocalizedText;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field({ description: 'Fictional or seed-derived demo record.' }) isDemo: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType()
export class CreativeProfile {
  @Field(() => ID) id: string;
  @Field(() => CreativeKindEnum, { nullable: true, description: 'null for a removed participant (erased).' }) kind: CreativeKind | null;
  @Field() displayName: string;
  @Field(() => LocalizedText) bio: LocalizedText;
  @Field(() => [Term]) domains: Term[];
  @Field(() => [Term]) crafts: Term[];
  @Field(() => [Term]) techniques: Term[];
  @Field(() => [Term]) materials: Term[];
  @Field(() => [Term]) skills: Term[];
  @Field(() => [String], { description: 'Crafts in the creative\'s own words (no reference code).' }) freeCrafts: string[];
  @Field(() => [String], { description: 'Techniques in the creative\'s own words.' }) freeTechniques: string[];
  @Field(() => [String], { description: 'Materials in the creative\'s own words.' }) freeMaterials: string[];
  @Field(() => [String], { description: 'Skills in the creative\'s own words.' }) freeSkills: string[];
  @Field(() => Place, { nullable: true, description: 'null for a removed participant (erased).' }) municipality: Place | null;
  @Field(() => [String], { description: 'ISO 639-1 codes.' }) languages: string[];
  @Field(() => [String]) portfolioLinks: string[];
  @Field(() => AvailabilityEnum, { nullable: true, description: 'For new work; null for a removed participant (erased).' }) availability: Availability | null;
  @Field({ description: 'The creative erased their account; the profile stays only as the anonymous author of a published award ("removed participant"), with nothing personal.' }) erased: boolean;
  /** Private: resolved for the profile's own account only (CreativesResolver.matchingConsent). */
  matchingConsentAt: Date | null;
  @Field({ description: 'Fictional demo profile.' }) isDemo: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType()
export class ChallengePartner {
  @Field(() => Organisation) organisation: Organisation;
  @Field(() => LocalizedText, { description: 'What the partner does in this challenge.' }) role: LocalizedText;
}

@ObjectType()
export class ChallengeReward {
  @Field(() => RewardKindEnum) kind: RewardKind;
  @Field(() => Int, { nullable: true, description: 'Whole euros (prize money and grants).' }) amountEur: number | null;
  @Field(() => LocalizedText) description: LocalizedText;
}

@ObjectType({ description: 'One evaluation criterion; the weights of a challenge add up to 100.' })
export class EvaluationCriterion {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => Int) weight: number;
}

@ObjectType()
export class IpTerms {
  @Field(() => IpTermsKindEnum) kind: IpTermsKind;
  @Field(() => LocalizedText) details: LocalizedText;
  @Field({ description: 'Always true on Modrotisk: the creator keeps every right until paid.' }) creatorKeepsRightsUntilPaid: boolean;
}

@ObjectType({ description: 'Two stages against unpaid spec work: short approaches first, then a paid shortlist develops full proposals.' })
export class TwoStageTerms {
  @Field(() => Int) shortlistSize: number;
  @Field(() => Int, { description: 'Paid to each shortlisted author, whole euros.' }) shortlistFeeEur: number;
}

@ObjectType()
export class Attachment {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Int) sizeBytes: number;
  @Field() sha256: string;
  @Field({ description: 'Download path on this server (GET).' }) url: string;
  @Field() createdAt: Date;
}

@ObjectType()
export class Challenge {
  @Field(() => ID) id: string;
  /** Resolved by ChallengesResolver.owner. */
  ownerOrganisationId: string;
  @Field(() => ChallengeKindEnum) kind: ChallengeKind;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => LocalizedText) brief: LocalizedText;
  @Field(() => [Term]) domains: Term[];
  @Field(() => [Term]) techniques: Term[];
  @Field(() => [Term]) materials: Term[];
  @Field(() => LocalizedText, { nullable: true, description: 'Free text about rewards; null where none is stated.' }) reward: LocalizedText | null;
  @Field(() => Int, { nullable: true, description: 'Whole euros.' }) totalBudgetEur: number | null;
  @Field(() => Int, { nullable: true }) awardsCount: number | null;
  @Field(() => IpTerms, { nullable: true }) ipTerms: IpTerms | null;
  @Field(() => TwoStageTerms, { nullable: true }) twoStage: TwoStageTerms | null;
  @Field(() => ChallengeVisibilityEnum, { description: 'INVITE_ONLY: seen by the owner, the invited creatives and the jury; never in search.' }) visibility: ChallengeVisibility;
  @Field(() => Int, { description: '2 while the shortlist of a two-stage challenge develops full proposals.' }) stage: number;
  @Field(() => Date, { nullable: true }) stageTwoOpenedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'In the second stage: the second deadline.' }) deadline: Date | null;
  @Field(() => ChallengeEligibility, { description: 'Who may enter; matching proposes nobody else.' }) eligibility: ChallengeEligibility;
  @Field(() => [String], { description: "ISO 639-1 codes of the languages the work is done in (empty: the brief's languages)." }) workingLanguages: string[];
  @Field(() => ChallengeStatusEnum) status: ChallengeStatus;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When submissions closed (at the deadline).' }) submissionsClosedAt: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field(() => LocalizedText, { nullable: true, description: 'Why the challenge was cancelled (public).' }) cancellationReason: LocalizedText | null;
  @Field(() => Date, { nullable: true }) awardedAt: Date | null;
  @Field(() => LocalizedText, { nullable: true, description: 'The published award decision.' }) decision: LocalizedText | null;
  @Field() isDemo: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType({ description: "An organisation's need for creative work (the regional exchange of demand and supply)." })
export class Need {
  @Field(() => ID) id: string;
  /** Resolved by NeedsResolver.owner. */
  ownerOrganisationId: string;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => LocalizedText) description: LocalizedText;
  @Field(() => [Term]) domains: Term[];
  @Field(() => [Term]) techniques: Term[];
  @Field(() => [Term]) materials: Term[];
  @Field(() => Int, { nullable: true, description: 'Whole euros.' }) budgetMinEur: number | null;
  @Field(() => Int, { nullable: true, description: 'Whole euros.' }) budgetMaxEur: number | null;
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' }) timelineStart: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' }) timelineEnd: string | null;
  @Field(() => ExchangeStatusEnum) status: ExchangeStatus;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field() isDemo: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType({ description: 'A service or product a creative offers.' })
export class Offer {
  @Field(() => ID) id: string;
  /** Resolved by OffersResolver.creative. */
  creativeProfileId: string;
  @Field(() => OfferKindEnum) kind: OfferKind;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => LocalizedText) description: LocalizedText;
  @Field(() => [Term]) domains: Term[];
  @Field(() => [Term]) crafts: Term[];
  @Field(() => [Term]) techniques: Term[];
  @Field(() => [Term]) materials: Term[];
  @Field(() => Int, { nullable: true, description: 'Whole euros.' }) priceFromEur: number | null;
  @Field(() => ExchangeStatusEnum) status: ExchangeStatus;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field() isDemo: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: EdgeShape<T>[];
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

const EDGES = new Map<unknown, Type<unknown>>();

/** One edge type per node type (`CreativeProfileEdge`), shared by every connection of it. */
function Edge<T>(node: Type<T>): Type<EdgeShape<T>> {
  const known = EDGES.get(node);
  if (known) return known as Type<EdgeShape<T>>;
  @ObjectType(`${node.name}Edge`)
  class EdgeClass {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }
  EDGES.set(node, EdgeClass);
  return EdgeClass;
}

/** A Relay connection, `{ edges { cursor node }, pageInfo }`, plus `nodes` and `totalCount` for convenience. */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  const edge = Edge(node);
  @ObjectType(name)
  class ConnectionClass {
    @Field(() => [edge]) edges: EdgeShape<T>[];
    @Field(() => [node]) nodes: T[];
    @Field(() => Int) totalCount: number;
    @Field(() => PageInfo) pageInfo: PageInfo;
  }
  return ConnectionClass;
}

export const OrganisationConnection = Connection(Organisation, 'OrganisationConnection');
export const CreativeProfileConnection = Connection(CreativeProfile, 'CreativeProfileConnection');
export const ChallengeConnection = Connection(Challenge, 'ChallengeConnection');
export const NeedConnection = Connection(Need, 'NeedConnection');
export const OfferConnection = Connection(Offer, 'OfferConnection');

@ObjectType()
export class FacetValue {
  @Field() value: string;
  @Field(() => LocalizedText, { nullable: true, description: 'Label of the code (place names in both fields).' }) label: LocalizedText | null;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Counts per value of one field, within the query and filters.' })
export class Facet {
  @Field() field: string;
  @Field(() => [FacetValue]) values: FacetValue[];
}

function SearchResult<T>(connection: Type<ConnectionShape<T>>, name: string) {
  @ObjectType(name)
  class SearchResultClass extends connection {
    @Field(() => [Facet]) facets: Facet[];
  }
  return SearchResultClass;
}

export const CreativeSearchResult = SearchResult(CreativeProfileConnection, 'CreativeSearchResult');
export const ChallengeSearchResult = SearchResult(ChallengeConnection, 'ChallengeSearchResult');
export const NeedSearchResult = SearchResult(NeedConnection, 'NeedSearchResult');
export const OfferSearchResult = SearchResult(OfferConnection, 'OfferSearchResult');

@ObjectType({ description: 'The controlled vocabularies and places, for forms and filters.' })
export class ReferenceData {
  @Field(() => [Term], { description: 'The 14 CCS domains of the Centre for Creativity (CzK).' }) domains: Term[];
  @Field(() => [Term]) crafts: Term[];
  @Field(() => [Term]) techniques: Term[];
  @Field(() => [Term]) materials: Term[];
  @Field(() => [Term]) skills: Term[];
  @Field(() => [Place]) municipalities: Place[];
}

@ObjectType({ description: 'A question on a challenge. Answered questions are public; who asked is never shown.' })
export class ChallengeQuestion {
  @Field(() => ID) id: string;
  @Field({ description: "'sl' or 'en': the language it was asked in." }) language: string;
  @Field() question: string;
  @Field(() => LocalizedText, { nullable: true }) answer: LocalizedText | null;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field() askedAt: Date;
  @Field({ description: 'Whether you asked it.' }) askedByMe: boolean;
}

@ObjectType({ description: 'The image of a portfolio item (PNG, JPEG or WebP), downloaded from `url`.' })
export class PortfolioImage {
  @Field(() => ID) id: string;
  @Field() contentType: string;
  @Field(() => Int) sizeBytes: number;
  @Field({ description: 'GET it (public with the profile): /attachments/{id}.' }) url: string;
}

@ObjectType({ description: 'A piece of work on a creative profile. The description is plain text.' })
export class PortfolioItem {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => LocalizedText, { description: 'Plain text (line breaks kept, no markup).' }) description: LocalizedText;
  @Field(() => String, { nullable: true }) link: string | null;
  @Field(() => Int, { nullable: true }) year: number | null;
  @Field(() => String, { nullable: true, description: 'Who it was made for.' }) client: string | null;
  @Field(() => Int, { description: '0 first.' }) position: number;
  @Field(() => PortfolioImage, { nullable: true }) image: PortfolioImage | null;
  @Field() updatedAt: Date;
}

@ObjectType({ description: 'A reference code your own words point to (auto-tagging): add it to the list named by `vocabulary` to confirm.' })
export class CodeSuggestion {
  @Field({ description: 'crafts, techniques, materials, skills or domains.' }) vocabulary: string;
  @Field() code: string;
  @Field(() => LocalizedText) label: LocalizedText;
  @Field({ description: 'The words it was found in, as you wrote them.' }) because: string;
}

@ObjectType({ description: 'A change of your matching consent.' })
export class MatchingConsentChange {
  @Field({ description: 'true: given; false: withdrawn.' }) given: boolean;
  @Field({ description: "Version of the explanation you were shown ('unrecorded': given before the history was kept)." }) explanationVersion: string;
  @Field() occurredAt: Date;
}

@ObjectType({ description: "An organisation's logo (PNG, JPEG or WebP), public like the organisation." })
export class OrganisationLogo {
  @Field(() => ID) id: string;
  @Field() contentType: string;
  @Field(() => Int) sizeBytes: number;
  @Field({ description: 'GET it (public): /attachments/{id}.' }) url: string;
}

@ObjectType({ description: "A published award of one of the organisation's challenges (public once the challenge is AWARDED)." })
export class OrganisationAward {
  @Field(() => ID) challengeId: string;
  @Field(() => LocalizedText) challengeTitle: LocalizedText;
  @Field(() => Date, { nullable: true }) awardedAt: Date | null;
  @Field(() => LocalizedText) proposalTitle: LocalizedText;
  @Field(() => [String], { description: 'Names of the lead author and co-authors.' }) authors: string[];
  @Field(() => Int, { nullable: true }) amountEur: number | null;
  @Field(() => LocalizedText, { nullable: true }) reason: LocalizedText | null;
}
