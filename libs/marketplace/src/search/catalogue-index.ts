import type { ChallengeEntity, CreativeProfileEntity, NeedEntity, OfferEntity, OrganisationEntity, PortfolioItemEntity, SupportMeasureEntity } from '@app/database';
import { SearchableType } from '@app/jobs';
import { IndexName, normaliseForIndex, type IndexDefinition, type SearchDocument } from '@app/search';
import { Taxonomy, Vocabulary } from '../common/taxonomy.js';
import { challengeDemand, demandConceptIds, profileConceptIds, supportMeasureDemand } from '../matching/match-subjects.js';
import { amountBand, CREATIVE_KIND_WORDS, ORGANISATION_KIND_WORDS, stateOf, SupportMeasureStatus } from '../support/support-measure.rules.js';
import type { CreativeKind, OrganisationKind } from '../reference/index.js';
import { ExchangeStatus } from '../exchange/exchange.status.js';
import { ChallengeStatus, ChallengeVisibility } from '../reference/index.js';

/**
 * What the search engine holds: only what search needs (names, texts, codes), never contact data.
 * Text fields are normalised (diacritics folded, Slovenian endings stemmed, synonyms canonicalised)
 * so every engine behaves alike.
 */
export const CREATIVES_INDEX: IndexDefinition = {
  name: IndexName.Creatives,
  searchableFields: ['name', 'tags', 'practice', 'portfolio', 'bio'],
  // uid: the id again, filterable (engines treat the primary key specially) — matching scores named profiles.
  filterableFields: ['domains', 'crafts', 'techniques', 'materials', 'skills', 'municipality', 'languages', 'kind', 'concepts', 'uid'],
  sortableFields: ['createdAt'],
};

export const CHALLENGES_INDEX: IndexDefinition = {
  name: IndexName.Challenges,
  searchableFields: ['title', 'tags', 'brief'],
  filterableFields: ['domains', 'techniques', 'materials', 'municipality', 'ownerKind', 'ownerId', 'kind', 'rewardKinds', 'deadlineMonth', 'concepts', 'uid'],
  sortableFields: ['createdAt', 'publishedAt', 'deadline'],
};

export const NEEDS_INDEX: IndexDefinition = {
  name: IndexName.Needs,
  searchableFields: ['title', 'tags', 'description'],
  filterableFields: ['domains', 'techniques', 'materials', 'municipality', 'ownerKind', 'uid'],
  sortableFields: ['createdAt', 'budgetMaxEur'],
};

export const OFFERS_INDEX: IndexDefinition = {
  name: IndexName.Offers,
  searchableFields: ['title', 'tags', 'description'],
  filterableFields: ['domains', 'crafts', 'techniques', 'materials', 'municipality', 'languages', 'kind', 'uid'],
  sortableFields: ['createdAt', 'priceFromEur'],
};

/** Published and closed support measures (the directory shows closed ones too, behind a facet). */
export const SUPPORT_MEASURES_INDEX: IndexDefinition = {
  name: IndexName.SupportMeasures,
  searchableFields: ['title', 'tags', 'summary', 'text'],
  filterableFields: ['creativeKinds', 'organisationKinds', 'providerId', 'state', 'amountBand', 'concepts', 'uid'],
  sortableFields: ['createdAt', 'publishedAt', 'deadline'],
};

export const INDEX_OF: Readonly<Record<SearchableType, IndexDefinition>> = {
  [SearchableType.Creative]: CREATIVES_INDEX,
  [SearchableType.Challenge]: CHALLENGES_INDEX,
  [SearchableType.Need]: NEEDS_INDEX,
  [SearchableType.Offer]: OFFERS_INDEX,
  [SearchableType.SupportMeasure]: SUPPORT_MEASURES_INDEX,
};

/**
 * A creative as search sees them: name, codes' labels (tags), what they wrote about their practice
 * (free-text crafts, skills, techniques, materials), their portfolio (titles, descriptions,
 * clients) and their statement; `concepts` holds the dictionary concepts they show and all their
 * ancestors, so a filter on a broad concept also finds narrower work.
 */
export function creativeDocument(profile: CreativeProfileEntity, portfolio: readonly PortfolioItemEntity[] = []): SearchDocument {
  return {
    id: profile.id,
    uid: profile.id,
    name: normaliseForIndex(profile.displayName),
    bio: normaliseForIndex([profile.bioSl, profile.bioEn].filter(Boolean).join(' \n ')),
    practice: normaliseForIndex([...profile.freeCrafts, ...profile.freeTechniques, ...profile.freeMaterials, ...profile.freeSkills].join(' \n ')),
    portfolio: normaliseForIndex(portfolio.flatMap((i) => [i.titleSl, i.titleEn, i.descriptionSl, i.descriptionEn, i.client]).filter(Boolean).join(' \n ')),
    concepts: profileConceptIds(profile, portfolio),
    tags: normaliseForIndex(
      [
        ...labels(Vocabulary.Domain, profile.domains),
        ...labels(Vocabulary.Craft, profile.crafts),
        ...labels(Vocabulary.Technique, profile.techniques),
        ...labels(Vocabulary.Material, profile.materials),
        ...labels(Vocabulary.Skill, profile.skills),
        Taxonomy.place(profile.municipality)?.name ?? '',
      ].join(' \n '),
    ),
    domains: profile.domains,
    crafts: profile.crafts,
    techniques: profile.techniques,
    materials: profile.materials,
    skills: profile.skills,
    municipality: profile.municipality,
    languages: profile.languages,
    kind: profile.kind,
    createdAt: profile.createdAt.getTime(),
  };
}

/**
 * Only challenges anyone may still enter are searchable: published, public, and not in the
 * shortlist-only second stage. null means "remove from the index".
 */
export function challengeDocument(challenge: ChallengeEntity, owner: OrganisationEntity, rewardKinds: readonly string[] = []): SearchDocument | null {
  if (challenge.status !== ChallengeStatus.Published || challenge.visibility !== ChallengeVisibility.Public || challenge.stage !== 1) return null;
  return {
    id: challenge.id,
    uid: challenge.id,
    title: normaliseForIndex([challenge.titleSl, challenge.titleEn].filter(Boolean).join(' \n ')),
    brief: normaliseForIndex([challenge.briefSl, challenge.briefEn].filter(Boolean).join(' \n ')),
    tags: normaliseForIndex(
      [
        owner.name,
        Taxonomy.place(owner.municipality)?.name ?? '',
        ...labels(Vocabulary.Domain, challenge.domains),
        ...labels(Vocabulary.Technique, challenge.techniques),
        ...labels(Vocabulary.Material, challenge.materials),
      ].join(' \n '),
    ),
    domains: challenge.domains,
    techniques: challenge.techniques,
    materials: challenge.materials,
    // What the brief asks for and everything broader: a creative's own concepts find it.
    concepts: demandConceptIds(challengeDemand(challenge, owner)),
    municipality: owner.municipality,
    ownerKind: owner.kind,
    ownerId: owner.id,
    kind: challenge.kind,
    rewardKinds: [...new Set(rewardKinds)],
    deadlineMonth: deadlineMonth(challenge.deadline),
    createdAt: challenge.createdAt.getTime(),
    publishedAt: challenge.publishedAt?.getTime() ?? 0,
    deadline: challenge.deadline?.getTime() ?? 0,
  };
}

/** Only published needs are searchable; null means "remove from the index". */
export function needDocument(need: NeedEntity, owner: OrganisationEntity): SearchDocument | null {
  if (need.status !== ExchangeStatus.Published) return null;
  return {
    id: need.id,
    uid: need.id,
    title: normaliseForIndex([need.titleSl, need.titleEn].filter(Boolean).join(' \n ')),
    description: normaliseForIndex([need.descriptionSl, need.descriptionEn].filter(Boolean).join(' \n ')),
    tags: normaliseForIndex(
      [
        owner.name,
        Taxonomy.place(owner.municipality)?.name ?? '',
        ...labels(Vocabulary.Domain, need.domains),
        ...labels(Vocabulary.Technique, need.techniques),
        ...labels(Vocabulary.Material, need.materials),
      ].join(' \n '),
    ),
    domains: need.domains,
    techniques: need.techniques,
    materials: need.materials,
    municipality: owner.municipality,
    ownerKind: owner.kind,
    createdAt: need.createdAt.getTime(),
    budgetMaxEur: need.budgetMaxEur ?? 0,
  };
}

/** Only published offers are searchable; they carry their creative's town and languages. */
export function offerDocument(offer: OfferEntity, creative: CreativeProfileEntity): SearchDocument | null {
  if (offer.status !== ExchangeStatus.Published) return null;
  return {
    id: offer.id,
    uid: offer.id,
    title: normaliseForIndex([offer.titleSl, offer.titleEn].filter(Boolean).join(' \n ')),
    description: normaliseForIndex([offer.descriptionSl, offer.descriptionEn].filter(Boolean).join(' \n ')),
    tags: normaliseForIndex(
      [
        creative.displayName,
        Taxonomy.place(creative.municipality)?.name ?? '',
        ...labels(Vocabulary.Domain, offer.domains),
        ...labels(Vocabulary.Craft, offer.crafts),
        ...labels(Vocabulary.Technique, offer.techniques),
        ...labels(Vocabulary.Material, offer.materials),
      ].join(' \n '),
    ),
    domains: offer.domains,
    crafts: offer.crafts,
    techniques: offer.techniques,
    materials: offer.materials,
    municipality: creative.municipality,
    languages: creative.languages,
    kind: offer.kind,
    createdAt: offer.createdAt.getTime(),
    priceFromEur: offer.priceFromEur ?? 0,
  };
}

/**
 * Published and closed support measures are searchable; drafts are not (null: remove). `state`
 * is OPEN or CLOSED as of `now` (the hourly sweep closes measures past their deadline and
 * re-indexes them). Tags carry the provider and the eligible kinds in both languages.
 */
export function supportMeasureDocument(measure: SupportMeasureEntity, provider: OrganisationEntity, now = new Date()): SearchDocument | null {
  if (measure.status === SupportMeasureStatus.Draft) return null;
  return {
    id: measure.id,
    uid: measure.id,
    title: normaliseForIndex([measure.titleSl, measure.titleEn].filter(Boolean).join(' \n ')),
    summary: normaliseForIndex([measure.summarySl, measure.summaryEn].filter(Boolean).join(' \n ')),
    text: normaliseForIndex([measure.textSl, measure.textEn].filter(Boolean).join(' \n ')),
    tags: normaliseForIndex(
      [
        provider.name,
        ...measure.eligibleCreativeKinds.flatMap((k) => { const w = CREATIVE_KIND_WORDS[k as CreativeKind]; return w ? [w.sl, w.en] : []; }),
        ...measure.eligibleOrganisationKinds.flatMap((k) => { const w = ORGANISATION_KIND_WORDS[k as OrganisationKind]; return w ? [w.sl, w.en] : []; }),
      ].join(' \n '),
    ),
    creativeKinds: measure.eligibleCreativeKinds,
    organisationKinds: measure.eligibleOrganisationKinds,
    providerId: provider.id,
    state: stateOf(measure, now),
    amountBand: amountBand(measure.amountMinEur, measure.amountMaxEur),
    concepts: demandConceptIds(supportMeasureDemand(measure)),
    createdAt: measure.createdAt.getTime(),
    publishedAt: measure.publishedAt?.getTime() ?? 0,
    deadline: measure.deadline?.getTime() ?? 0,
  };
}

/** The deadline's month in Slovenian time ("2027-03"), or "none": what the deadline facet counts. */
export function deadlineMonth(deadline: Date | null): string {
  if (!deadline) return NO_DEADLINE;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit' }).formatToParts(deadline);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

export const NO_DEADLINE = 'none';

function labels(vocabulary: Vocabulary, codes: readonly string[]): string[] {
  return codes.flatMap((code) => {
    const label = Taxonomy.label(vocabulary, code);
    return label ? [label.sl, label.en] : [];
  });
}
