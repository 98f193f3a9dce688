import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChallengeEntity, CreativeProfileEntity, NeedEntity, OfferEntity } from '@app/database';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { type Actor, canReviewFor, isAdmin } from '@app/identity';
import type { DataSource } from 'typeorm';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { ChallengesService } from '../challenges/challenges.service.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { CreativeProfileRepository } from '../creatives/creative-profile.repository.js';
import { NeedRepository, OfferRepository } from '../exchange/exchange.repositories.js';
import { ExchangeStatus } from '../exchange/exchange.status.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { ChallengeStatus } from '../reference/index.js';
import { CHALLENGES_INDEX, CREATIVES_INDEX, NEEDS_INDEX, OFFERS_INDEX } from '../search/catalogue-index.js';
import { type Candidates, DomainRarity, MatchRetrieval } from './match-retrieval.js';
import { bestMatches, DEFAULT_MATCH_WEIGHTS, type MatchExplanation, matchScore, type MatchWeights, scoreMatch, type Demand, type Supply } from './match-scoring.js';
import { challengeDemand, creativeSupply, demandText, labelOf, needDemand, offerSupply, supplyText, type TrackRecord } from './match-subjects.js';

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

/** Candidates per query in interactive matching (the engine's first stage). */
const INTERACTIVE_LIMIT = 100;
/** Engine hits per term in a fan-out (Meilisearch's default maxTotalHits). */
const FAN_OUT_TEXT_LIMIT = 1000;
export const MAX_MATCHES = 50;

/**
 * Two-sided, explainable matching: retrieval through the search port, then scoring in domain
 * code (match-scoring.ts) with configured weights. Only creatives who agreed to be matched are
 * ever proposed to anyone; consent is read from PostgreSQL, so withdrawing it works at once.
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
    private readonly organisations: OrganisationRepository,
    private readonly needs: NeedRepository,
    private readonly offers: OfferRepository,
  ) {}

  /** The scorer's defaults with the configured overrides (MATCH_WEIGHTS). */
  get weights(): MatchWeights {
    return { ...DEFAULT_MATCH_WEIGHTS, ...this.config.matching.weights };
  }

  /** Creatives for a challenge: the owner organisation's members (and admins). */
  async forChallenge(actor: Actor, challengeId: string, first = 20): Promise<{ challenge: ChallengeEntity; matches: Match<CreativeProfileEntity>[] }> {
    const challenge = await this.challengesService.get(actor, challengeId);
    if (!canReviewFor(actor, challenge.ownerOrganisationId)) throw MarketplaceException.forbidden(`matches for challenge ${challengeId} are for its organisation`);
    const demand = await this.withRarity(challengeDemand(challenge, await this.organisations.findById(challenge.ownerOrganisationId)));
    const candidates = await this.retrieval.candidates(CREATIVES_INDEX, { codes: { domains: challenge.domains, techniques: challenge.techniques, materials: challenge.materials }, text: demandText(challenge) }, INTERACTIVE_LIMIT);
    return { challenge, matches: await this.scoreCreatives(demand, candidates, first) };
  }

  /** Creatives and offers for a need: the owner organisation's members (and admins). */
  async forNeed(actor: Actor, needId: string, first = 20): Promise<{ need: NeedEntity; creatives: Match<CreativeProfileEntity>[]; offers: Match<OfferEntity>[] }> {
    const need = isUuid(needId) ? await this.needs.findById(needId) : null;
    if (!need || !canReviewFor(actor, need.ownerOrganisationId)) throw MarketplaceException.notFound('Need', needId);
    const demand = await this.withRarity(needDemand(need, await this.organisations.findById(need.ownerOrganisationId)));
    const codes = { domains: need.domains, techniques: need.techniques, materials: need.materials };
    const [creativeCandidates, offerCandidates] = await Promise.all([
      this.retrieval.candidates(CREATIVES_INDEX, { codes, text: demandText(need) }, INTERACTIVE_LIMIT),
      this.retrieval.candidates(OFFERS_INDEX, { codes, text: demandText(need) }, INTERACTIVE_LIMIT),
    ]);
    const offers = (await this.offers.findByIds([...offerCandidates.keys()])).filter((o) => o.status === ExchangeStatus.Published);
    const owners = await this.consenting(offers.map((o) => o.creativeProfileId));
    const tracks = await this.trackRecords([...owners.keys()]);
    const scoredOffers = offers.flatMap((o) => {
      const creative = owners.get(o.creativeProfileId);
      return creative ? [{ subject: o, explanation: this.score(demand, offerSupply(o, creative, tracks.get(creative.id)), offerCandidates.get(o.id) ?? 0) }] : [];
    });
    return { need, creatives: await this.scoreCreatives(demand, creativeCandidates, first), offers: top(scoredOffers, first) };
  }

  /** Open challenges for a creative: the creative themselves (and admins). Public ones, plus invitations. */
  async forCreative(actor: Actor, creativeId: string, first = 20): Promise<{ creative: CreativeProfileEntity; matches: Match<ChallengeEntity>[] }> {
    const creative = await this.ownCreative(actor, creativeId);
    const candidates = await this.retrieval.candidates(CHALLENGES_INDEX, { codes: { domains: creative.domains, techniques: creative.techniques, materials: creative.materials }, text: supplyText(creative) }, INTERACTIVE_LIMIT);
    for (const id of actor.challengeGrants) if (!candidates.has(id)) candidates.set(id, 0);
    const open = (await this.challenges.findByIds([...candidates.keys()])).filter((c) => c.status === ChallengeStatus.Published && c.stage === 1 && (!c.deadline || c.deadline > new Date()));
    const owners = new Map((await this.organisations.findByIds([...new Set(open.map((c) => c.ownerOrganisationId))])).map((o) => [o.id, o]));
    const supply = creativeSupply(creative, (await this.trackRecords([creative.id])).get(creative.id));
    const domainWeights = await this.rarity.weights();
    const matches = open.map((c) => ({ subject: c, explanation: this.score({ ...challengeDemand(c, owners.get(c.ownerOrganisationId) ?? null), domainWeights }, supply, candidates.get(c.id) ?? 0) }));
    return { creative, matches: top(matches, first) };
  }

  /** Published needs for an offer: the offer's creative (and admins). */
  async forOffer(actor: Actor, offerId: string, first = 20): Promise<{ offer: OfferEntity; matches: Match<NeedEntity>[] }> {
    const offer = isUuid(offerId) ? await this.offers.findById(offerId) : null;
    if (!offer || (actor.creativeProfileId !== offer.creativeProfileId && !isAdmin(actor))) throw MarketplaceException.notFound('Offer', offerId);
    const creative = await this.creatives.findById(offer.creativeProfileId);
    if (!creative) throw MarketplaceException.notFound('Offer', offerId);
    const candidates = await this.retrieval.candidates(NEEDS_INDEX, { codes: { domains: offer.domains, techniques: offer.techniques, materials: offer.materials }, text: supplyText(offer) }, INTERACTIVE_LIMIT);
    const needs = (await this.needs.findByIds([...candidates.keys()])).filter((n) => n.status === ExchangeStatus.Published);
    const owners = new Map((await this.organisations.findByIds([...new Set(needs.map((n) => n.ownerOrganisationId))])).map((o) => [o.id, o]));
    const supply = offerSupply(offer, creative, (await this.trackRecords([creative.id])).get(creative.id));
    const domainWeights = await this.rarity.weights();
    return { offer, matches: top(needs.map((n) => ({ subject: n, explanation: this.score({ ...needDemand(n, owners.get(n.ownerOrganisationId) ?? null), domainWeights }, supply, candidates.get(n.id) ?? 0) })), first) };
  }

  /** The creative's own view of one challenge they can see: the score, and why they are or are not matched. */
  async verdict(actor: Actor, challengeId: string): Promise<MatchVerdict> {
    if (!actor.creativeProfileId) throw MarketplaceException.forbidden('create your creative profile first: matching is between challenges and creatives');
    const [challenge, creative] = await Promise.all([this.challengesService.get(actor, challengeId), this.ownCreative(actor, actor.creativeProfileId)]);
    const demand = await this.withRarity(challengeDemand(challenge, await this.organisations.findById(challenge.ownerOrganisationId)));
    const candidates = await this.retrieval.candidates(CREATIVES_INDEX, { codes: {}, text: demandText(challenge) }, INTERACTIVE_LIMIT);
    const explanation = this.score(demand, creativeSupply(creative, (await this.trackRecords([creative.id])).get(creative.id)), candidates.get(creative.id) ?? 0);
    const threshold = this.config.matching.threshold;
    const reasons = [
      ...(creative.matchingConsentAt ? [] : [{ sl: 'Niste privolili v ujemanje, zato vas ne predlagamo nikomur.', en: 'You have not agreed to be matched, so you are not proposed to anyone.' }]),
      ...(explanation.score >= threshold ? [] : [{
        sl: `Ocena ${pct(explanation.score)} je pod pragom ${pct(threshold)}.`, en: `The score ${pct(explanation.score)} is below the threshold of ${pct(threshold)}.`,
      }]),
      ...(challenge.status === ChallengeStatus.Published ? [] : [{ sl: 'Izziv ne sprejema več predlogov.', en: 'The challenge no longer takes proposals.' }]),
    ];
    return { matched: reasons.length === 0, explanation, reasons, threshold };
  }

  /**
   * Everyone to tell about something new: consenting creatives with an account whose score reaches
   * the threshold. Candidates come from PostgreSQL (every creative sharing a code), text relevance
   * from the engine's first 1000 hits per term; the rest score on codes, place and record alone.
   */
  async audience(demand: Demand, text: readonly string[]): Promise<Match<CreativeProfileEntity>[]> {
    const withRarity = await this.withRarity(demand);
    const [profiles, textScores] = await Promise.all([
      this.creatives.matchableSharing(demand.domains, demand.making),
      this.retrieval.candidates(CREATIVES_INDEX, { codes: {}, text }, FAN_OUT_TEXT_LIMIT),
    ]);
    const tracks = await this.trackRecords(profiles.map((p) => p.id));
    const threshold = this.config.matching.threshold;
    const weights = this.weights;
    // Scored cheaply first; only those told are explained (their reasons go into the inbox rows).
    return profiles
      .map((p) => ({ subject: p, supply: creativeSupply(p, tracks.get(p.id)), textScore: textScores.get(p.id) ?? 0 }))
      .filter((c) => matchScore(withRarity, c.supply, c.textScore, weights) >= threshold)
      .map((c) => ({ subject: c.subject, explanation: this.score(withRarity, c.supply, c.textScore) }));
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

  /** Scored, consenting creatives above nothing (the caller pages the best `first`). */
  private async scoreCreatives(demand: Demand, candidates: Candidates, first: number): Promise<Match<CreativeProfileEntity>[]> {
    const consenting = await this.consenting([...candidates.keys()]);
    const tracks = await this.trackRecords([...consenting.keys()]);
    const scorable = [...consenting.values()].map((p) => ({ subject: p, supply: creativeSupply(p, tracks.get(p.id)), textScore: candidates.get(p.id) ?? 0 }));
    return bestMatches(demand, scorable, this.weights, labelOf, pageSize(first));
  }

  private async withRarity(demand: Demand): Promise<Demand> {
    return { ...demand, domainWeights: await this.rarity.weights() };
  }

  /** Codes, place, languages, availability and record only (no engine at hand). */
  scoreWithoutText(demand: Demand, supply: Supply): MatchExplanation {
    return scoreMatch(demand, supply, null, this.weights, labelOf);
  }

  private score(demand: Demand, supply: Supply, textScore: number): MatchExplanation {
    return scoreMatch(demand, supply, textScore, this.weights, labelOf);
  }

  private async ownCreative(actor: Actor, creativeId: string): Promise<CreativeProfileEntity> {
    const creative = isUuid(creativeId) ? await this.creatives.findById(creativeId) : null;
    if (!creative || (actor.creativeProfileId !== creative.id && !isAdmin(actor))) throw MarketplaceException.notFound('Creative profile', creativeId);
    return creative;
  }

  /** Profiles among `ids` whose creatives agreed to be matched. */
  private async consenting(ids: readonly string[]): Promise<Map<string, CreativeProfileEntity>> {
    const profiles = await this.creatives.findByIds([...new Set(ids)]);
    return new Map(profiles.filter((p) => p.matchingConsentAt !== null).map((p) => [p.id, p]));
  }

  /** Awards won (published decisions) and outcomes that followed them, per creative (one statement). */
  async trackRecords(creativeIds: readonly string[]): Promise<Map<string, TrackRecord>> {
    if (creativeIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT pa.creative_profile_id AS id,
              (count(DISTINCT p.id) FILTER (WHERE p.outcome = 'AWARDED' AND c.status = 'AWARDED'))::int AS awards,
              (count(DISTINCT o.id) FILTER (WHERE o.kind <> 'NOTHING'))::int AS outcomes
         FROM proposal_author pa
         JOIN proposal p ON p.id = pa.proposal_id
         JOIN challenge c ON c.id = p.challenge_id
         LEFT JOIN award_outcome o ON o.proposal_id = p.id
        WHERE pa.creative_profile_id = ANY($1::uuid[])
        GROUP BY pa.creative_profile_id`,
      [creativeIds],
    )) as { id: string; awards: number; outcomes: number }[];
    return new Map(rows.map((r) => [r.id, { awards: r.awards, outcomes: r.outcomes }]));
  }
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
