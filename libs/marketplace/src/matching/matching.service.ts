import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChallengeEntity, CreativeProfileEntity, NeedEntity, OfferEntity, PortfolioItemEntity } from '@app/database';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { type Actor, canReviewFor, isAdmin } from '@app/identity';
import type { DataSource } from 'typeorm';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { ChallengesService } from '../challenges/challenges.service.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { CreativeProfileRepository } from '../creatives/creative-profile.repository.js';
import { PortfolioRepository } from '../creatives/portfolio.repository.js';
import { NeedRepository, OfferRepository } from '../exchange/exchange.repositories.js';
import { ExchangeStatus } from '../exchange/exchange.status.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { ChallengeStatus } from '../reference/index.js';
import { CHALLENGES_INDEX, CREATIVES_INDEX, NEEDS_INDEX, OFFERS_INDEX } from '../search/catalogue-index.js';
import { type Candidates, DomainRarity, FAN_OUT_LIMIT, MatchRetrieval } from './match-retrieval.js';
import {
  bestMatches, DEFAULT_MATCH_WEIGHTS, ineligibility, MatchAudience, type MatchExplanation, type MatchWeights, rankMatches, scoreMatch, type Demand, type Scorable, type Supply,
} from './match-scoring.js';
import { challengeDemand, creativeSupply, demandConceptQuery, demandExpansion, demandText, labelOf, needDemand, offerSupply, ownConceptIds, supplyText, type TrackRecord } from './match-subjects.js';

export interface Match<T> {
  subject: T;
  explanation: MatchExplanation;
}

/** Why a creative is or is not matched to one challenge: the creative's own view. */
export interface MatchVerdict {
  matched: boolean;
  explanation: MatchExplanation;
  /** Why not, when not matched (consent, threshold, availability). */
  reasons: { sl: string; en: string }[];
  threshold: number;
}

/** Largest page of matches in one request. */
export const MAX_MATCHES = 50;

/** Filters on a list of matched creatives (AND across fields, OR within one). */
export interface CreativeMatchFilter {
  kinds?: readonly string[];
  municipalities?: readonly string[];
  languages?: readonly string[];
  availability?: readonly string[];
}

/** One page of a ranked list, and how many eligible matches there are in all. */
export interface MatchPage<T> {
  matches: Match<T>[];
  total: number;
  offset: number;
}

/**
 * Two-sided, explainable matching: retrieval through the search port, then scoring in domain
 * code (match-scoring.ts) with configured weights — one score per pair, the same in every list
 * and detail. Only creatives who agreed to be matched are ever proposed to anyone (consent is read
 * from PostgreSQL, so withdrawing it works at once), and never to a challenge they may not enter.
 */
@Injectable()
export class MatchingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly retrieval: MatchRetrieval,
    private readonly rarity: DomainRarity,
    private readonly challenges: ChallengeRepository,
    private readonly challengesService: ChallengesService,
    private readonly creatives: CreativeProfileRepository,
    private readonly portfolio: PortfolioRepository,
    private readonly organisations: OrganisationRepository,
    private readonly needs: NeedRepository,
    private readonly offers: OfferRepository,
  ) {}

  /** The scorer's defaults with the configured overrides (MATCH_WEIGHTS). */
  get weights(): MatchWeights {
    return { ...DEFAULT_MATCH_WEIGHTS, ...this.config.matching.weights };
  }

  /** Creatives for a challenge: the owner organisation's members (and admins). Reasons are written to them. */
  async forChallenge(actor: Actor, challengeId: string, first = 20, offset = 0, filter: CreativeMatchFilter = {}): Promise<{ challenge: ChallengeEntity } & MatchPage<CreativeProfileEntity>> {
    const challenge = await this.challengesService.get(actor, challengeId);
    if (!canReviewFor(actor, challenge.ownerOrganisationId)) throw MarketplaceException.forbidden(`matches for challenge ${challengeId} are for its organisation`);
    const demand = await this.withRarity(challengeDemand(challenge, await this.organisations.findById(challenge.ownerOrganisationId)));
    const candidates = await this.retrieval.candidates(CREATIVES_INDEX, {
      codes: { domains: challenge.domains, techniques: challenge.techniques, materials: challenge.materials }, ...demandConceptQuery(demand), text: demandText(challenge), expansion: demandExpansion(demand),
    });
    return { challenge, ...(await this.rankCreatives(demand, candidates, first, offset, filter)) };
  }

  /** Creatives and offers for a need: the owner organisation's members (and admins). */
  async forNeed(actor: Actor, needId: string, first = 20): Promise<{ need: NeedEntity; creatives: Match<CreativeProfileEntity>[]; offers: Match<OfferEntity>[] }> {
    const need = isUuid(needId) ? await this.needs.findById(needId) : null;
    if (!need || !canReviewFor(actor, need.ownerOrganisationId)) throw MarketplaceException.notFound('Need', needId);
    const demand = await this.withRarity(needDemand(need, await this.organisations.findById(need.ownerOrganisationId)));
    const codes = { domains: need.domains, techniques: need.techniques, materials: need.materials };
    const [creativeCandidates, offerCandidates] = await Promise.all([
      this.retrieval.candidates(CREATIVES_INDEX, { codes, ...demandConceptQuery(demand), text: demandText(need), expansion: demandExpansion(demand) }),
      this.retrieval.candidates(OFFERS_INDEX, { codes, text: demandText(need) }),
    ]);
    const offers = (await this.offers.findByIds([...offerCandidates.keys()])).filter((o) => o.status === ExchangeStatus.Published);
    const owners = await this.consenting(offers.map((o) => o.creativeProfileId));
    const tracks = await this.trackRecords([...owners.keys()]);
    const scoredOffers = offers.flatMap((o) => {
      const creative = owners.get(o.creativeProfileId);
      return creative ? [{ subject: o, explanation: this.explain(demand, offerSupply(o, creative, tracks.get(creative.id)), offerCandidates.get(o.id) ?? 0, MatchAudience.Organisation) }] : [];
    });
    const creatives = await this.rankCreatives(demand, creativeCandidates, first, 0, {});
    return { need, creatives: creatives.matches, offers: top(scoredOffers, first) };
  }

  /**
   * Open challenges for a creative: the creative themselves (and admins). Public ones they may enter,
   * plus invitations. Each pair's score is the one the challenge's owner sees for this creative.
   */
  async forCreative(actor: Actor, creativeId: string, first = 20): Promise<{ creative: CreativeProfileEntity; matches: Match<ChallengeEntity>[] }> {
    const creative = await this.ownCreative(actor, creativeId);
    const concepts = ownConceptIds(creative, await this.portfolio.forProfiles([creative.id]));
    const found = await this.retrieval.candidates(CHALLENGES_INDEX, { codes: { domains: creative.domains, techniques: creative.techniques, materials: creative.materials }, concepts, text: supplyText(creative) }, 100);
    for (const id of actor.challengeGrants) if (!found.has(id)) found.set(id, 0);
    const open = (await this.challenges.findByIds([...found.keys()])).filter((c) => c.status === ChallengeStatus.Published && c.stage === 1 && (!c.deadline || c.deadline > new Date()));
    const owners = new Map((await this.organisations.findByIds([...new Set(open.map((c) => c.ownerOrganisationId))])).map((o) => [o.id, o]));
    const supply = (await this.supplies([creative]))[0].supply;
    const domainWeights = await this.rarity.weights();
    const scored = await Promise.all(open.map(async (c) => {
      const demand: Demand = { ...challengeDemand(c, owners.get(c.ownerOrganisationId) ?? null), domainWeights };
      if (ineligibility(demand, supply)) return null;
      const text = (await this.retrieval.textScores(CREATIVES_INDEX, demandText(c), [creative.id], 1, demandExpansion(demand))).get(creative.id) ?? 0;
      return { subject: c, explanation: this.explain(demand, supply, text, MatchAudience.Creative) };
    }));
    return { creative, matches: top(scored.filter((m): m is Match<ChallengeEntity> => m !== null), first) };
  }

  /** Published needs for an offer: the offer's creative (and admins). */
  async forOffer(actor: Actor, offerId: string, first = 20): Promise<{ offer: OfferEntity; matches: Match<NeedEntity>[] }> {
    const offer = isUuid(offerId) ? await this.offers.findById(offerId) : null;
    if (!offer || (actor.creativeProfileId !== offer.creativeProfileId && !isAdmin(actor))) throw MarketplaceException.notFound('Offer', offerId);
    const creative = await this.creatives.findById(offer.creativeProfileId);
    if (!creative) throw MarketplaceException.notFound('Offer', offerId);
    const candidates = await this.retrieval.candidates(NEEDS_INDEX, { codes: { domains: offer.domains, techniques: offer.techniques, materials: offer.materials }, text: supplyText(offer) }, 100);
    const needs = (await this.needs.findByIds([...candidates.keys()])).filter((n) => n.status === ExchangeStatus.Published);
    const owners = new Map((await this.organisations.findByIds([...new Set(needs.map((n) => n.ownerOrganisationId))])).map((o) => [o.id, o]));
    const supply = offerSupply(offer, creative, (await this.trackRecords([creative.id])).get(creative.id));
    const domainWeights = await this.rarity.weights();
    return { offer, matches: top(needs.map((n) => ({ subject: n, explanation: this.explain({ ...needDemand(n, owners.get(n.ownerOrganisationId) ?? null), domainWeights }, supply, candidates.get(n.id) ?? 0, MatchAudience.Creative) })), first) };
  }

  /** The creative's own view of one challenge they can see: the score its owner sees, and why they are or are not matched. */
  async verdict(actor: Actor, challengeId: string): Promise<MatchVerdict> {
    if (!actor.creativeProfileId) throw MarketplaceException.forbidden('create your creative profile first: matching is between challenges and creatives');
    const [challenge, creative] = await Promise.all([this.challengesService.get(actor, challengeId), this.ownCreative(actor, actor.creativeProfileId)]);
    const demand = await this.withRarity(challengeDemand(challenge, await this.organisations.findById(challenge.ownerOrganisationId)));
    const [{ supply }] = await this.supplies([creative]);
    const text = (await this.retrieval.textScores(CREATIVES_INDEX, demandText(challenge), [creative.id], 1, demandExpansion(demand))).get(creative.id) ?? 0;
    const explanation = this.explain(demand, supply, text, MatchAudience.Creative);
    const threshold = this.config.matching.threshold;
    const ineligible = ineligibility(demand, supply);
    const reasons = [
      ...(creative.matchingConsentAt ? [] : [{ sl: 'Niste privolili v ujemanje, zato vas ne predlagamo nikomur.', en: 'You have not agreed to be matched, so you are not proposed to anyone.' }]),
      ...(ineligible ? [ineligible] : []),
      ...(explanation.score >= threshold ? [] : [{
        sl: `Ocena ${pct(explanation.score)} je pod pragom ${pct(threshold)}.`, en: `The score ${pct(explanation.score)} is below the threshold of ${pct(threshold)}.`,
      }]),
      ...(challenge.status === ChallengeStatus.Published ? [] : [{ sl: 'Izziv ne sprejema več predlogov.', en: 'The challenge no longer takes proposals.' }]),
    ];
    return { matched: reasons.length === 0, explanation, reasons, threshold };
  }

  /**
   * Everyone to tell about something new: consenting, eligible creatives with an account whose
   * score reaches the threshold. Candidates come from PostgreSQL (every creative sharing a code)
   * and from the engine (concepts and the whole text, the first FAN_OUT_LIMIT hits of each query).
   */
  async audience(demand: Demand, text: readonly string[]): Promise<Match<CreativeProfileEntity>[]> {
    const withRarity = await this.withRarity(demand);
    const making = withRarity.concepts.filter((c) => c.id.startsWith('code:')).map((c) => c.id.slice(5));
    const [sharing, found] = await Promise.all([
      this.creatives.matchableSharing(demand.domains, making),
      this.retrieval.candidates(CREATIVES_INDEX, { codes: {}, ...demandConceptQuery(withRarity), text, expansion: demandExpansion(withRarity) }, FAN_OUT_LIMIT),
    ]);
    const more = (await this.creatives.findByIds([...found.keys()].filter((id) => !sharing.some((p) => p.id === id))))
      .filter((p) => p.matchingConsentAt !== null && p.accountId !== null && p.erasedAt === null);
    const threshold = this.config.matching.threshold;
    const weights = this.weights;
    const scorable = (await this.supplies([...sharing, ...more])).map(({ profile, supply }) => ({ subject: profile, supply, textScore: found.get(profile.id) ?? 0 }));
    // Scored cheaply first; only those told are explained (their reasons go into the inbox rows).
    return rankMatches(withRarity, scorable, weights)
      .filter((r) => r.score >= threshold)
      .map(({ candidate }) => ({ subject: candidate.subject, explanation: this.explain(withRarity, candidate.supply, candidate.textScore ?? 0, MatchAudience.Creative) }));
  }

  /** Demand of a challenge or need by id, for the worker (no caller to check: the job names a published row). */
  async demandOf(type: 'challenge' | 'need', id: string): Promise<{ demand: Demand; text: string[]; open: boolean } | null> {
    if (type === 'challenge') {
      const c = await this.challenges.findById(id);
      if (!c) return null;
      return { demand: challengeDemand(c, await this.organisations.findById(c.ownerOrganisationId)), text: demandText(c), open: c.status === ChallengeStatus.Published && c.stage === 1 && c.visibility === 'PUBLIC' };
    }
    const n = await this.needs.findById(id);
    if (!n) return null;
    return { demand: needDemand(n, await this.organisations.findById(n.ownerOrganisationId)), text: demandText(n), open: n.status === ExchangeStatus.Published };
  }

  /** Consenting, eligible creatives among the candidates, filtered, ranked; the page asked for explained. */
  private async rankCreatives(demand: Demand, candidates: Candidates, first: number, offset: number, filter: CreativeMatchFilter): Promise<MatchPage<CreativeProfileEntity>> {
    const consenting = await this.consenting([...candidates.keys()]);
    const scorable: Scorable<CreativeProfileEntity>[] = (await this.supplies([...consenting.values()].filter((p) => passes(p, filter))))
      .map(({ profile, supply }) => ({ subject: profile, supply, textScore: candidates.get(profile.id) ?? 0 }));
    const ranked = rankMatches(demand, scorable, this.weights);
    const matches = bestMatches(demand, ranked.map((r) => r.candidate), this.weights, labelOf, pageSize(first), MatchAudience.Organisation, offset);
    return { matches, total: ranked.length, offset };
  }

  /** Profiles with what matching needs of them: portfolio, record, proposals in progress. */
  async supplies(profiles: readonly CreativeProfileEntity[]): Promise<{ profile: CreativeProfileEntity; supply: Supply }[]> {
    const ids = profiles.map((p) => p.id);
    const [items, tracks] = await Promise.all([this.portfolio.forProfiles(ids), this.trackRecords(ids)]);
    const byProfile = new Map<string, PortfolioItemEntity[]>();
    for (const item of items) byProfile.set(item.creativeProfileId, [...(byProfile.get(item.creativeProfileId) ?? []), item]);
    return profiles.map((profile) => ({ profile, supply: creativeSupply(profile, byProfile.get(profile.id) ?? [], tracks.get(profile.id)) }));
  }

  private async withRarity(demand: Demand): Promise<Demand> {
    return { ...demand, domainWeights: await this.rarity.weights() };
  }

  /** Codes, concepts, place, languages, availability and record only (no engine at hand). */
  scoreWithoutText(demand: Demand, supply: Supply): MatchExplanation {
    return scoreMatch(demand, supply, null, this.weights, labelOf, MatchAudience.Organisation);
  }

  private explain(demand: Demand, supply: Supply, textScore: number, audience: MatchAudience): MatchExplanation {
    return scoreMatch(demand, supply, textScore, this.weights, labelOf, audience);
  }

  private async ownCreative(actor: Actor, creativeId: string): Promise<CreativeProfileEntity> {
    const creative = isUuid(creativeId) ? await this.creatives.findById(creativeId) : null;
    if (!creative || (actor.creativeProfileId !== creative.id && !isAdmin(actor))) throw MarketplaceException.notFound('Creative profile', creativeId);
    return creative;
  }

  /** Profiles among `ids` whose creatives agreed to be matched. */
  private async consenting(ids: readonly string[]): Promise<Map<string, CreativeProfileEntity>> {
    const profiles = await this.creatives.findByIds([...new Set(ids)]);
    return new Map(profiles.filter((p) => p.matchingConsentAt !== null && p.erasedAt === null).map((p) => [p.id, p]));
  }

  /** Awards won (published decisions), outcomes that followed them, and proposals in progress, per creative (one statement). */
  async trackRecords(creativeIds: readonly string[]): Promise<Map<string, TrackRecord>> {
    if (creativeIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT pa.creative_profile_id AS id,
              (count(DISTINCT p.id) FILTER (WHERE p.outcome = 'AWARDED' AND c.status = 'AWARDED'))::int AS awards,
              (count(DISTINCT o.id) FILTER (WHERE o.kind <> 'NOTHING'))::int AS outcomes,
              (count(DISTINCT p.id) FILTER (WHERE p.status IN ('DRAFT', 'SUBMITTED') AND p.outcome IS NULL AND c.status IN ('PUBLISHED', 'SUBMISSIONS_CLOSED', 'IN_REVIEW')))::int AS open
         FROM proposal_author pa
         JOIN proposal p ON p.id = pa.proposal_id
         JOIN challenge c ON c.id = p.challenge_id
         LEFT JOIN award_outcome o ON o.proposal_id = p.id
        WHERE pa.creative_profile_id = ANY($1::uuid[])
        GROUP BY pa.creative_profile_id`,
      [creativeIds],
    )) as { id: string; awards: number; outcomes: number; open: number }[];
    return new Map(rows.map((r) => [r.id, { awards: r.awards, outcomes: r.outcomes, openProposals: r.open }]));
  }
}

function passes(p: CreativeProfileEntity, filter: CreativeMatchFilter): boolean {
  const within = (values: readonly string[] | undefined, value: string | readonly string[]) =>
    !values || values.length === 0 || (typeof value === 'string' ? values.includes(value) : value.some((v) => values.includes(v)));
  return within(filter.kinds, p.kind) && within(filter.municipalities, p.municipality) && within(filter.languages, p.languages) && within(filter.availability, p.availability);
}

function top<T>(matches: Match<T>[], first: number): Match<T>[] {
  return matches.sort((a, b) => b.explanation.score - a.explanation.score).slice(0, pageSize(first));
}

/** At least one, at most MAX_MATCHES. */
function pageSize(first: number): number {
  return Math.max(1, Math.min(first, MAX_MATCHES));
}

function pct(score: number): string {
  return `${Math.round(score * 100)} %`;
}
