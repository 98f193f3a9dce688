import { Injectable } from '@nestjs/common';
import type { ChallengeEntity, ProposalEntity } from '@app/database';
import { type Actor, isOwnerOf } from '@app/identity';
import { OutboxTopic, SearchableType } from '@app/jobs';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { canSeeChallenge } from '../challenges/challenges.service.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { ChallengeStatus } from '../reference/index.js';
import { ProposalRepository } from './proposal.repository.js';
import { ProposalStatus } from './proposal.rules.js';

/**
 * The answer to unpaid spec work: a two-stage challenge first asks for short approaches; the owner
 * then shortlists a few, each paid the shortlist fee from the pool, and only they develop full
 * proposals in a second submission round with its own deadline.
 */
@Injectable()
export class ShortlistService {
  constructor(
    private readonly challenges: ChallengeRepository,
    private readonly proposals: ProposalRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * IN_REVIEW (stage 1) → PUBLISHED (stage 2) until `deadline`. Every stage-1 author hears
   * whether they were shortlisted (notification job through the outbox).
   */
  openStageTwo(actor: Actor, challengeId: string, proposalIds: readonly string[], deadline: Date, now = new Date()): Promise<{ challenge: ChallengeEntity; shortlisted: ProposalEntity[] }> {
    const chosen = [...new Set(proposalIds)];
    if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= now.getTime()) throw MarketplaceException.invalid('stageTwoDeadline', 'the second stage needs a deadline in the future');
    return this.unitOfWork.run(async (manager, touch, announce) => {
      const challenge = isUuid(challengeId) ? await this.challenges.findForUpdate(manager, challengeId) : null;
      if (!challenge || !canSeeChallenge(actor, challenge)) throw MarketplaceException.notFound('Challenge', challengeId);
      if (!isOwnerOf(actor, challenge.ownerOrganisationId)) throw MarketplaceException.forbidden('only owners of the organisation decide the shortlist');
      if (!challenge.twoStage || challenge.shortlistSize === null) throw MarketplaceException.invalidState(`challenge ${challengeId} has one stage; there is no shortlist`);
      if (challenge.stage !== 1) throw MarketplaceException.invalidState(`the shortlist of challenge ${challengeId} is already decided`);
      if (challenge.status !== ChallengeStatus.InReview) {
        throw MarketplaceException.invalidState(`challenge ${challengeId} is ${challenge.status.toLowerCase().replace(/_/g, ' ')}; the shortlist is decided in review`);
      }
      if (chosen.length === 0 || chosen.length > challenge.shortlistSize) throw MarketplaceException.invalid('proposalIds', `shortlist 1 to ${challenge.shortlistSize} proposals`);
      const all = await this.proposals.lockOfChallenge(manager, challenge.id);
      const submitted = all.filter((p) => p.status === ProposalStatus.Submitted);
      const byId = new Map(submitted.map((p) => [p.id, p]));
      const unknown = chosen.findIndex((id) => !byId.has(id));
      if (unknown >= 0) throw MarketplaceException.invalid(`proposalIds.${proposalIds.indexOf(chosen[unknown])}`, `proposal ${chosen[unknown]} is not a submitted proposal of this challenge`);
      const fees = chosen.length * (challenge.shortlistFeeEur ?? 0);
      if (challenge.totalBudgetEur !== null && fees > challenge.totalBudgetEur) {
        throw MarketplaceException.invalid('proposalIds', `${chosen.length} shortlist fees (${fees} EUR) exceed the pool of ${challenge.totalBudgetEur} EUR`);
      }
      const shortlisted: ProposalEntity[] = [];
      for (const id of chosen) {
        const proposal = byId.get(id) as ProposalEntity;
        proposal.shortlistedAt = now;
        shortlisted.push(await this.proposals.save(manager, proposal));
      }
      Object.assign(challenge, { stage: 2, stageTwoOpenedAt: now, status: ChallengeStatus.Published, deadline, submissionsClosedAt: null });
      const saved = await this.challenges.save(manager, challenge);
      for (const p of submitted) announce({ topic: OutboxTopic.ProposalOutcome, aggregateType: 'proposal', aggregateId: p.id });
      touch(SearchableType.Challenge, saved.id);
      return { challenge: saved, shortlisted };
    });
  }
}
