import { Injectable } from '@nestjs/common';
import type { AttachmentEntity, ChallengeEntity, ProposalEntity } from '@app/database';
import { type Actor, canReviewFor, isAdmin } from '@app/identity';
import { type OutboxEventInput, OutboxTopic, type ProposalActivity } from '@app/jobs';
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { canSeeChallenge } from '../challenges/challenges.service.js';
import { requireVerified } from '../common/access.js';
import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { CreativeProfileRepository } from '../creatives/creative-profile.repository.js';
import { ChallengeStatus } from '../reference/index.js';
import { type ProposalAuthorRow, ProposalRepository, type ProposalStatusCounts } from './proposal.repository.js';
import { MAX_CO_AUTHORS, ProposalStatus, ProposalView, inCurrentStage } from './proposal.rules.js';
import { ProposalVisibility, type VisibleProposal } from './proposal-visibility.js';

export interface ProposalCommand {
  challengeId: string;
  title: Partial<LocalizedText>;
  body?: Partial<LocalizedText> | null;
  requestedEur?: number | null;
  /** Creative profile ids of co-authors (the lead is the caller's profile). */
  coAuthorIds?: string[];
}

export type ProposalUpdate = Partial<Omit<ProposalCommand, 'challengeId'>>;

const BLIND_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Proposals: DRAFT → SUBMITTED (until the deadline) → WITHDRAWN. Editable by their authors
 * while the challenge takes submissions. Who sees them: ProposalVisibility.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly challenges: ChallengeRepository,
    private readonly creatives: CreativeProfileRepository,
    private readonly visibility: ProposalVisibility,
    private readonly attachments: AttachmentsService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** A creative starts a draft on an open challenge; one live proposal per creative and challenge. */
  async create(actor: Actor, command: ProposalCommand, now = new Date(), isDemo = false): Promise<ProposalEntity> {
    requireVerified(actor);
    const lead = actor.creativeProfileId;
    if (!lead) throw MarketplaceException.forbidden('create your creative profile first: proposals are made by creatives');
    const values = validate(command);
    const challenge = isUuid(command.challengeId) ? await this.challenges.findById(command.challengeId) : null;
    if (!challenge || !canSeeChallenge(actor, challenge)) throw MarketplaceException.invalid('challengeId', `challenge ${command.challengeId} does not exist`);
    checkOpen(challenge, now);
    if (challenge.stage === 2) throw MarketplaceException.invalidState(`challenge ${challenge.id} is in its second stage, open to the shortlisted proposals only`);
    const coAuthors = await this.checkCoAuthors(command.coAuthorIds ?? [], lead);
    return this.unitOfWork.run(async (manager) => {
      const locked = await this.challenges.findForUpdate(manager, challenge.id);
      if (!locked) throw MarketplaceException.notFound('Challenge', challenge.id);
      checkOpen(locked, now);
      if (locked.stage === 2) throw MarketplaceException.invalidState(`challenge ${challenge.id} is in its second stage, open to the shortlisted proposals only`);
      if (await this.proposals.hasLiveProposal(manager, challenge.id, lead)) {
        throw MarketplaceException.invalidState('you already have a proposal for this challenge; edit it, or withdraw it first');
      }
      let blindCode: string;
      do blindCode = `P-${Array.from({ length: 4 }, () => BLIND_ALPHABET[randomInt(BLIND_ALPHABET.length)]).join('')}`;
      while (await this.proposals.blindCodeTaken(manager, challenge.id, blindCode));
      const saved = await this.proposals.insert(manager, {
        ...values, challengeId: challenge.id, leadCreativeProfileId: lead, status: ProposalStatus.Draft, blindCode, isDemo,
        submittedAt: null, withdrawnAt: null, outcome: null, awardEur: null, awardReasonSl: null, awardReasonEn: null,
      });
      await this.proposals.replaceAuthors(manager, saved.id, lead, coAuthors);
      return saved;
    });
  }

  /** Authors edit a draft or a submitted proposal until the deadline; only the lead changes co-authors. */
  update(actor: Actor, id: string, command: ProposalUpdate, now = new Date()): Promise<ProposalEntity> {
    return this.change(actor, id, now, async (proposal, manager) => {
      if (proposal.status === ProposalStatus.Withdrawn) throw MarketplaceException.invalidState(`proposal ${id} was withdrawn`);
      const merged = validate({
        challengeId: proposal.challengeId,
        title: command.title ?? { sl: proposal.titleSl, en: proposal.titleEn },
        body: command.body === undefined ? { sl: proposal.bodySl, en: proposal.bodyEn } : command.body,
        requestedEur: command.requestedEur === undefined ? proposal.requestedEur : command.requestedEur,
      });
      if (proposal.status === ProposalStatus.Submitted) checkComplete(merged);
      if (command.coAuthorIds !== undefined) {
        if (actor.creativeProfileId !== proposal.leadCreativeProfileId) throw MarketplaceException.forbidden('only the lead author changes the co-authors');
        await this.proposals.replaceAuthors(manager, proposal.id, proposal.leadCreativeProfileId, await this.checkCoAuthors(command.coAuthorIds, proposal.leadCreativeProfileId));
      }
      Object.assign(proposal, merged);
    });
  }

  /** DRAFT → SUBMITTED, before the deadline (the lead author). The organisation's members are told (outbox → job → inbox and mail). */
  submit(actor: Actor, id: string, now = new Date()): Promise<ProposalEntity> {
    return this.change(actor, id, now, (proposal, _manager, announce) => {
      if (actor.creativeProfileId !== proposal.leadCreativeProfileId) throw MarketplaceException.forbidden('only the lead author submits');
      if (proposal.status !== ProposalStatus.Draft) throw MarketplaceException.invalidState(`proposal ${id} is ${proposal.status.toLowerCase()}; only a draft can be submitted`);
      checkComplete(proposal);
      proposal.status = ProposalStatus.Submitted;
      proposal.submittedAt = now;
      announce({ topic: OutboxTopic.ProposalReceived, aggregateType: 'submitted' satisfies ProposalActivity, aggregateId: proposal.id });
    });
  }

  /** DRAFT or SUBMITTED → WITHDRAWN, before the deadline (the lead author). The organisation hears of a submitted proposal withdrawn. */
  withdraw(actor: Actor, id: string, now = new Date()): Promise<ProposalEntity> {
    return this.change(actor, id, now, (proposal, _manager, announce) => {
      if (actor.creativeProfileId !== proposal.leadCreativeProfileId) throw MarketplaceException.forbidden('only the lead author withdraws');
      if (proposal.status === ProposalStatus.Withdrawn) throw MarketplaceException.invalidState(`proposal ${id} is already withdrawn`);
      const wasSubmitted = proposal.status === ProposalStatus.Submitted;
      proposal.status = ProposalStatus.Withdrawn;
      proposal.withdrawnAt = now;
      if (wasSubmitted) announce({ topic: OutboxTopic.ProposalReceived, aggregateType: 'withdrawn' satisfies ProposalActivity, aggregateId: proposal.id });
    });
  }

  async get(actor: Actor, id: string): Promise<VisibleProposal> {
    const found = await this.visibility.find(actor, id);
    if (!found) throw MarketplaceException.notFound('Proposal', id);
    return found;
  }

  /** The caller's own proposals (as lead or co-author). */
  async mine(actor: Actor): Promise<ProposalEntity[]> {
    return actor.creativeProfileId ? this.proposals.ofCreative(actor.creativeProfileId) : [];
  }

  /**
   * A challenge's proposals: the owner's members see submitted and withdrawn ones with authors;
   * jurors see submitted ones, blind. Anyone else: NOT_FOUND (for a hidden challenge) or FORBIDDEN.
   */
  async ofChallenge(actor: Actor, challengeId: string, isJuror: boolean): Promise<{ challenge: ChallengeEntity; view: ProposalView; proposals: ProposalEntity[] }> {
    const challenge = isUuid(challengeId) ? await this.challenges.findById(challengeId) : null;
    if (!challenge || !canSeeChallenge(actor, challenge)) throw MarketplaceException.notFound('Challenge', challengeId);
    if (canReviewFor(actor, challenge.ownerOrganisationId)) {
      // A draft withdrawn before it was ever submitted stays the authors' own.
      const received = (await this.proposals.ofChallenge(challenge.id, [ProposalStatus.Submitted, ProposalStatus.Withdrawn])).filter((p) => p.submittedAt !== null);
      return { challenge, view: ProposalView.Owner, proposals: received };
    }
    if (isJuror && [ChallengeStatus.SubmissionsClosed, ChallengeStatus.InReview, ChallengeStatus.Awarded, ChallengeStatus.ClosedWithoutAward].includes(challenge.status as ChallengeStatus)) {
      const inPlay = (await this.proposals.ofChallenge(challenge.id, [ProposalStatus.Submitted])).filter((p) => inCurrentStage(challenge, p));
      return { challenge, view: ProposalView.Juror, proposals: inPlay };
    }
    throw MarketplaceException.forbidden(`the proposals of challenge ${challengeId} are confidential`);
  }

  authorsOf(proposalIds: readonly string[]): Promise<ProposalAuthorRow[]> {
    return this.proposals.authors(proposalIds);
  }

  statusCounts(challengeIds: readonly string[]): Promise<Map<string, ProposalStatusCounts>> {
    return this.proposals.statusCounts(challengeIds);
  }

  submittedCounts(challengeIds: readonly string[]): Promise<Map<string, number>> {
    return this.proposals.submittedCounts(challengeIds);
  }

  /** Authors attach files while they may edit. */
  async addAttachment(actor: Actor, id: string, file: { originalName: string; bytes: Buffer }, now = new Date()): Promise<AttachmentEntity> {
    const found = await this.get(actor, id);
    if (found.view !== ProposalView.Author) throw MarketplaceException.forbidden('only authors add files to a proposal');
    if (found.proposal.status === ProposalStatus.Withdrawn) throw MarketplaceException.invalidState(`proposal ${id} was withdrawn`);
    checkOpen(found.challenge, now);
    checkInStage(found.challenge, found.proposal);
    // Again under the proposal's lock: a withdrawal or a close may have committed since.
    return this.attachments.store('proposal', found.proposal.id, file, async (manager) => {
      const proposal = await this.proposals.findForUpdate(manager, found.proposal.id);
      const challenge = proposal ? await this.challenges.findById(proposal.challengeId, manager) : null;
      if (!proposal || !challenge) throw MarketplaceException.notFound('Proposal', id);
      if (proposal.status === ProposalStatus.Withdrawn) throw MarketplaceException.invalidState(`proposal ${id} was withdrawn`);
      checkOpen(challenge, now);
      checkInStage(challenge, proposal);
    });
  }

  async attachmentsOf(proposalIds: readonly string[]): Promise<AttachmentEntity[]> {
    return this.attachments.forOwners('proposal', proposalIds);
  }

  private async change(
    actor: Actor, id: string, now: Date,
    apply: (proposal: ProposalEntity, manager: EntityManager, announce: (event: OutboxEventInput) => void) => void | Promise<void>,
  ): Promise<ProposalEntity> {
    const found = await this.visibility.find(actor, id);
    if (!found) throw MarketplaceException.notFound('Proposal', id);
    if (found.view !== ProposalView.Author && !isAdmin(actor)) throw MarketplaceException.forbidden(`only the authors change proposal ${id}`);
    return this.unitOfWork.run(async (manager, _touch, announce) => {
      const proposal = await this.proposals.findForUpdate(manager, id);
      const challenge = proposal ? await this.challenges.findById(proposal.challengeId, manager) : null;
      if (!proposal || !challenge) throw MarketplaceException.notFound('Proposal', id);
      checkOpen(challenge, now);
      checkInStage(challenge, proposal);
      await apply(proposal, manager, announce);
      return this.proposals.save(manager, proposal);
    });
  }

  private async checkCoAuthors(ids: readonly string[], leadId: string): Promise<string[]> {
    const unique = [...new Set(ids)].filter((id) => id !== leadId);
    if (unique.length > MAX_CO_AUTHORS) throw MarketplaceException.invalid('coAuthorIds', `at most ${MAX_CO_AUTHORS} co-authors`);
    const found = new Set((await this.creatives.findByIds(unique.filter(isUuid))).map((c) => c.id));
    const missing = unique.findIndex((id) => !found.has(id));
    if (missing >= 0) throw MarketplaceException.invalid(`coAuthorIds.${ids.indexOf(unique[missing])}`, `creative profile ${unique[missing]} does not exist`);
    return unique;
  }
}

/** Submissions are open while the challenge is published and its deadline has not passed. */
function checkOpen(challenge: ChallengeEntity, now: Date): void {
  const open = challenge.status === ChallengeStatus.Published && (!challenge.deadline || challenge.deadline.getTime() > now.getTime());
  if (!open) throw MarketplaceException.invalidState(`challenge ${challenge.id} does not take submissions any more (${challenge.status === ChallengeStatus.Published ? 'the deadline has passed' : challenge.status.toLowerCase().replace(/_/g, ' ')})`);
}

/** In a second stage, only shortlisted proposals are developed further. */
function checkInStage(challenge: ChallengeEntity, proposal: ProposalEntity): void {
  if (!inCurrentStage(challenge, proposal)) throw MarketplaceException.invalidState(`proposal ${proposal.id} was not shortlisted; the second stage is for the shortlist only`);
}

function checkComplete(p: { bodySl: string | null; bodyEn: string | null }): void {
  if (!p.bodySl && !p.bodyEn) throw MarketplaceException.invalid('body', 'a submitted proposal needs its text in Slovenian or English');
}

function validate(command: ProposalCommand) {
  const titleSl = clean(command.title.sl);
  const titleEn = clean(command.title.en);
  if (!titleSl && !titleEn) throw MarketplaceException.invalid('title', 'title needs Slovenian or English text');
  if ((titleSl?.length ?? 0) > 200 || (titleEn?.length ?? 0) > 200) throw MarketplaceException.invalid('title', 'title has at most 200 characters');
  const bodySl = clean(command.body?.sl);
  const bodyEn = clean(command.body?.en);
  if ((bodySl?.length ?? 0) > 20000 || (bodyEn?.length ?? 0) > 20000) throw MarketplaceException.invalid('body', 'the text has at most 20,000 characters per language');
  const requestedEur = command.requestedEur ?? null;
  if (requestedEur !== null && (!Number.isInteger(requestedEur) || requestedEur < 0 || requestedEur > 10_000_000)) {
    throw MarketplaceException.invalid('requestedEur', 'requestedEur must be a whole number of euros from 0 to 10,000,000');
  }
  return { titleSl, titleEn, bodySl, bodyEn, requestedEur };
}
