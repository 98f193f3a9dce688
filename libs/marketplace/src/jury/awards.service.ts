import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AwardOutcomeEntity, type ChallengeEntity, type ProposalEntity } from '@app/database';
import { type Actor, canEditFor, canReviewFor, isOrganiser, isOwnerOf } from '@app/identity';
import { OutboxTopic, SearchableType } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { canSeeChallenge } from '../challenges/challenges.service.js';
import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { ProposalRepository } from '../proposals/proposal.repository.js';
import { OutcomeKind, ProposalOutcome, ProposalStatus, inCurrentStage } from '../proposals/proposal.rules.js';
import { ChallengeStatus } from '../reference/index.js';

export interface OutcomeCommand {
  kind: OutcomeKind;
  description?: string | null;
  valueEur?: number | null;
  /** YYYY-MM-DD */
  occurredOn: string;
}

/**
 * Award decisions against the challenge's budget pool (e.g. CCI4TOURISM: 5 ideas, 15,000 EUR in
 * total): awards are staged while IN_REVIEW, never beyond the pool or the number of awards, then
 * published together with reasons; every author learns the outcome through a notification job.
 */
@Injectable()
export class AwardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly challenges: ChallengeRepository,
    private readonly proposals: ProposalRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Stages an award (owners). The challenge row is locked, so two awards cannot both take the last euros. */
  award(actor: Actor, proposalId: string, amountEur: number, reason: Partial<LocalizedText>): Promise<ProposalEntity> {
    const reasonSl = clean(reason.sl);
    const reasonEn = clean(reason.en);
    if (!reasonSl && !reasonEn) throw MarketplaceException.invalid('reason', 'an award needs a published reason in Slovenian or English');
    if (!Number.isInteger(amountEur) || amountEur < 0) throw MarketplaceException.invalid('amountEur', 'amountEur must be a whole number of euros, 0 or more');
    return this.unitOfWork.run(async (manager) => {
      const { proposal, challenge } = await this.lockForDecision(manager, actor, proposalId);
      if (proposal.status !== ProposalStatus.Submitted) throw MarketplaceException.invalidState(`proposal ${proposalId} is ${proposal.status.toLowerCase()}; only submitted proposals can be awarded`);
      if (!inCurrentStage(challenge, proposal)) throw MarketplaceException.invalidState(`proposal ${proposalId} was not shortlisted; only the shortlist can be awarded`);
      const siblings = await this.proposals.lockOfChallenge(manager, challenge.id);
      const others = siblings.filter((p) => p.outcome === ProposalOutcome.Awarded && p.id !== proposal.id);
      // The shortlist's fees are paid from the same pool as the awards.
      const committed = others.reduce((sum, p) => sum + (p.awardEur ?? 0), 0) + shortlistFees(challenge, siblings);
      if (challenge.totalBudgetEur !== null && committed + amountEur > challenge.totalBudgetEur) {
        throw MarketplaceException.invalid('amountEur', `the pool has ${challenge.totalBudgetEur - committed} EUR left of ${challenge.totalBudgetEur} EUR`);
      }
      if (challenge.awardsCount !== null && others.length + 1 > challenge.awardsCount) {
        throw MarketplaceException.invalidState(`this challenge gives at most ${challenge.awardsCount} award(s); revoke one first`);
      }
      Object.assign(proposal, { outcome: ProposalOutcome.Awarded, awardEur: amountEur, awardReasonSl: reasonSl, awardReasonEn: reasonEn });
      return this.proposals.save(manager, proposal);
    });
  }

  /** Takes back a staged award before the decision is published. */
  revoke(actor: Actor, proposalId: string): Promise<ProposalEntity> {
    return this.unitOfWork.run(async (manager) => {
      const { proposal } = await this.lockForDecision(manager, actor, proposalId);
      if (proposal.outcome !== ProposalOutcome.Awarded) throw MarketplaceException.invalidState(`proposal ${proposalId} has no award to revoke`);
      Object.assign(proposal, { outcome: null, awardEur: null, awardReasonSl: null, awardReasonEn: null });
      return this.proposals.save(manager, proposal);
    });
  }

  /** IN_REVIEW → AWARDED: the decision and its reasons become public, and every author is notified. */
  publishDecision(actor: Actor, challengeId: string, decision: Partial<LocalizedText>, now = new Date()): Promise<ChallengeEntity> {
    const decisionSl = clean(decision.sl);
    const decisionEn = clean(decision.en);
    if (!decisionSl && !decisionEn) throw MarketplaceException.invalid('decision', 'the decision needs a public statement in Slovenian or English');
    return this.unitOfWork.run(async (manager, touch, announce) => {
      const challenge = isUuid(challengeId) ? await this.challenges.findForUpdate(manager, challengeId) : null;
      if (!challenge || !canSeeChallenge(actor, challenge)) throw MarketplaceException.notFound('Challenge', challengeId);
      if (!isOwnerOf(actor, challenge.ownerOrganisationId)) throw MarketplaceException.forbidden('only owners of the organisation decide awards');
      if (challenge.status !== ChallengeStatus.InReview) throw MarketplaceException.invalidState(`challenge ${challengeId} is ${challenge.status.toLowerCase().replace(/_/g, ' ')}; awards are decided in review`);
      checkStage(challenge);
      const all = await this.proposals.lockOfChallenge(manager, challenge.id);
      // Proposals left off a shortlist already heard so; the decision is about the shortlist.
      const submitted = all.filter((p) => p.status === ProposalStatus.Submitted && inCurrentStage(challenge, p));
      if (!submitted.some((p) => p.outcome === ProposalOutcome.Awarded)) {
        throw MarketplaceException.invalidState('award at least one proposal first (or close the challenge without award)');
      }
      for (const p of submitted) {
        if (p.outcome !== ProposalOutcome.Awarded) {
          p.outcome = ProposalOutcome.NotAwarded;
          await this.proposals.save(manager, p);
        }
        announce({ topic: OutboxTopic.ProposalOutcome, aggregateType: 'proposal', aggregateId: p.id });
      }
      Object.assign(challenge, { status: ChallengeStatus.Awarded, awardedAt: now, decisionSl, decisionEn });
      const saved = await this.challenges.save(manager, challenge);
      touch(SearchableType.Challenge, saved.id);
      return saved;
    });
  }

  /** Awarded euros and award count per challenge, for many challenges (one statement). */
  async awardedTotals(challengeIds: readonly string[]): Promise<Map<string, { awardedEur: number; awardsMade: number; shortlistFeesEur: number }>> {
    if (challengeIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT p.challenge_id,
              coalesce(sum(p.award_eur) FILTER (WHERE p.outcome = 'AWARDED'), 0)::int AS eur,
              (count(*) FILTER (WHERE p.outcome = 'AWARDED'))::int AS n,
              ((count(*) FILTER (WHERE p.shortlisted_at IS NOT NULL)) * coalesce(max(c.shortlist_fee_eur), 0))::int AS fees
         FROM proposal p JOIN challenge c ON c.id = p.challenge_id
        WHERE p.challenge_id = ANY($1::uuid[]) AND p.status = 'SUBMITTED' GROUP BY p.challenge_id`,
      [challengeIds],
    )) as { challenge_id: string; eur: number; n: number; fees: number }[];
    return new Map(rows.map((r) => [r.challenge_id, { awardedEur: r.eur, awardsMade: r.n, shortlistFeesEur: r.fees }]));
  }

  /** The published awards of decided challenges (public), or staged ones for the owner's members. */
  async awardsOf(actor: Actor, challenge: ChallengeEntity): Promise<ProposalEntity[]> {
    const visible = challenge.status === ChallengeStatus.Awarded || canEditFor(actor, challenge.ownerOrganisationId);
    if (!visible) return [];
    return (await this.proposals.ofChallenge(challenge.id, [ProposalStatus.Submitted])).filter((p) => p.outcome === ProposalOutcome.Awarded);
  }

  /** After an award: what followed (owners and editors, or organisers). */
  async recordOutcome(actor: Actor, proposalId: string, command: OutcomeCommand): Promise<AwardOutcomeEntity> {
    const proposal = isUuid(proposalId) ? await this.proposals.findById(proposalId) : null;
    const challenge = proposal ? await this.challenges.findById(proposal.challengeId) : null;
    if (!proposal || !challenge || !(canEditFor(actor, challenge.ownerOrganisationId) || isOrganiser(actor))) throw MarketplaceException.notFound('Proposal', proposalId);
    if (challenge.status !== ChallengeStatus.Awarded || proposal.outcome !== ProposalOutcome.Awarded) {
      throw MarketplaceException.invalidState('outcomes are recorded for awarded proposals of decided challenges');
    }
    if (!Object.values(OutcomeKind).includes(command.kind)) throw MarketplaceException.invalid('kind', `unknown outcome kind ${String(command.kind)}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(command.occurredOn) || Number.isNaN(Date.parse(command.occurredOn))) throw MarketplaceException.invalid('occurredOn', 'occurredOn must be a date, YYYY-MM-DD');
    if (command.occurredOn > new Date().toISOString().slice(0, 10)) throw MarketplaceException.invalid('occurredOn', 'an outcome is recorded once it happened (not in the future)');
    if (command.valueEur != null && (!Number.isInteger(command.valueEur) || command.valueEur < 0)) throw MarketplaceException.invalid('valueEur', 'valueEur must be a whole number of euros, 0 or more');
    const repo = this.dataSource.getRepository(AwardOutcomeEntity);
    return repo.save(repo.create({
      proposalId: proposal.id, kind: command.kind, description: clean(command.description) ?? null, valueEur: command.valueEur ?? null,
      occurredOn: command.occurredOn, recordedBy: actor.accountId,
    }));
  }

  outcomesOf(proposalIds: readonly string[]): Promise<AwardOutcomeEntity[]> {
    if (proposalIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AwardOutcomeEntity).createQueryBuilder('o').where('o.proposal_id IN (:...ids)', { ids: proposalIds }).orderBy('o.occurred_on').getMany();
  }

  /**
   * One CSV line per award decided in the year (by decision date) and each outcome recorded for
   * it (an award without outcome yet: one line with empty outcome columns). For organisers.
   */
  async outcomesCsv(actor: Actor, year: number): Promise<string> {
    if (!isOrganiser(actor)) throw MarketplaceException.forbidden('the outcome report is for organisers');
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw MarketplaceException.invalid('year', 'year must be between 2000 and 2100');
    const rows = (await this.dataSource.query(
      `SELECT c.id AS challenge_id, coalesce(c.title_sl, c.title_en) AS challenge_title, c.kind AS challenge_kind, o.name AS owner,
              to_char(c.awarded_at AT TIME ZONE 'Europe/Ljubljana', 'YYYY-MM-DD') AS decided_on, p.blind_code,
              coalesce(p.title_sl, p.title_en) AS proposal_title, lead.display_name AS lead_creative, p.award_eur,
              ao.kind AS outcome, ao.description AS outcome_description, ao.value_eur AS outcome_value_eur, to_char(ao.occurred_on, 'YYYY-MM-DD') AS outcome_on
         FROM proposal p
         JOIN challenge c ON c.id = p.challenge_id
         JOIN organisation o ON o.id = c.owner_organisation_id
         JOIN creative_profile lead ON lead.id = p.lead_creative_profile_id
         LEFT JOIN award_outcome ao ON ao.proposal_id = p.id
        WHERE c.status = 'AWARDED' AND p.outcome = 'AWARDED'
          AND c.awarded_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Europe/Ljubljana') AND c.awarded_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Europe/Ljubljana')
        ORDER BY c.awarded_at, c.id, p.blind_code, ao.occurred_on`,
      [year],
    )) as Record<string, string | number | null>[];
    const columns = ['challenge_id', 'challenge_title', 'challenge_kind', 'owner', 'decided_on', 'blind_code', 'proposal_title', 'lead_creative', 'award_eur', 'outcome', 'outcome_description', 'outcome_value_eur', 'outcome_on'];
    return [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
  }

  /**
   * Locks in the order every decision on a challenge uses (publishDecision, shortlisting): the
   * challenge row first, then its proposals. Parallel awards on one challenge queue on the
   * challenge row instead of deadlocking, and each sees the awards committed before it.
   */
  private async lockForDecision(manager: Parameters<Parameters<UnitOfWork['run']>[0]>[0], actor: Actor, proposalId: string) {
    const unlocked = isUuid(proposalId) ? await this.proposals.findById(proposalId, manager) : null;
    const challenge = unlocked ? await this.challenges.findForUpdate(manager, unlocked.challengeId) : null;
    const proposal = challenge ? await this.proposals.findForUpdate(manager, proposalId) : null;
    if (!proposal || !challenge || proposal.status === ProposalStatus.Draft || !canReviewFor(actor, challenge.ownerOrganisationId)) {
      throw MarketplaceException.notFound('Proposal', proposalId);
    }
    if (!isOwnerOf(actor, challenge.ownerOrganisationId)) throw MarketplaceException.forbidden('only owners of the organisation decide awards');
    if (challenge.status !== ChallengeStatus.InReview) throw MarketplaceException.invalidState(`challenge ${challenge.id} is ${challenge.status.toLowerCase().replace(/_/g, ' ')}; awards are decided in review`);
    checkStage(challenge);
    return { proposal, challenge };
  }
}

/** A two-stage challenge awards only after its shortlist developed full proposals. */
function checkStage(challenge: ChallengeEntity): void {
  if (challenge.twoStage && challenge.stage !== 2) {
    throw MarketplaceException.invalidState(`challenge ${challenge.id} has two stages: shortlist the best approaches (shortlistProposals) and review their full proposals before awarding`);
  }
}

/** Fees owed to the shortlisted authors of a two-stage challenge. */
export function shortlistFees(challenge: Pick<ChallengeEntity, 'shortlistFeeEur'>, proposals: readonly Pick<ProposalEntity, 'shortlistedAt'>[]): number {
  return proposals.filter((p) => p.shortlistedAt !== null).length * (challenge.shortlistFeeEur ?? 0);
}

/**
 * One CSV cell: RFC 4180 quoting (a cell with a quote, comma, semicolon — the list separator of
 * Slovenian spreadsheets — CR, LF or outer whitespace is quoted, quotes doubled), and no formula
 * injection (OWASP): a text whose first non-blank character is `=`, `+`, `-`, `@` (or their
 * full-width forms), or that starts with TAB, CR or LF, gets a leading apostrophe. Lone
 * surrogates become U+FFFD, as UTF-8 would send them; NUL is dropped.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value.replace(/\p{Cs}/gu, '\uFFFD').replace(/\0/g, '');
  if (/^[\t\r\n]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
