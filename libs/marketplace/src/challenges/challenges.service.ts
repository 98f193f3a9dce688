import { Injectable } from '@nestjs/common';
import type { ChallengeEntity } from '@app/database';
import { SearchableType } from '@app/jobs';
import { type Actor, canEditFor, canReviewFor, isAdmin } from '@app/identity';
import { refuse, requireVerified } from '../common/access.js';
import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceErrorCode, MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid, type Page, type PageRequest } from '../common/pagination.js';
import { Taxonomy, Vocabulary } from '../common/taxonomy.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { ChallengeKind, ChallengeStatus } from '../reference/index.js';
import { ChallengeRepository } from './challenge.repository.js';
import { type ChallengeTermsCommand, RewardKind, type TermsColumns, type ValidatedTerms, validateTerms } from './challenge-terms.js';
import { ChallengeTermsRepository, type PartnerWithOrganisation } from './challenge-terms.repository.js';
import type { ChallengeCriterionEntity, ChallengeRewardEntity } from '@app/database';

export interface ChallengeCommand extends ChallengeTermsCommand {
  ownerOrganisationId: string;
  /** Default INDUSTRY. PUBLIC_SERVICE challenges of municipalities count for the yearly rule. */
  kind?: ChallengeKind;
  title: Partial<LocalizedText>;
  brief?: Partial<LocalizedText> | null;
  domains?: string[];
  techniques?: string[];
  materials?: string[];
  reward?: Partial<LocalizedText> | null;
  deadline?: Date | null;
}

export type ChallengeUpdate = Partial<Omit<ChallengeCommand, 'ownerOrganisationId'>>;

@Injectable()
export class ChallengesService {
  constructor(
    private readonly challenges: ChallengeRepository,
    private readonly organisations: OrganisationRepository,
    private readonly terms: ChallengeTermsRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** New challenges start as drafts; they become searchable when published. */
  async create(actor: Actor, command: ChallengeCommand, isDemo = false): Promise<ChallengeEntity> {
    requireVerified(actor);
    const values = validate(command);
    const owner = isUuid(command.ownerOrganisationId) ? await this.organisations.findById(command.ownerOrganisationId) : null;
    if (!owner) throw MarketplaceException.invalid('ownerOrganisationId', `organisation ${command.ownerOrganisationId} does not exist`);
    if (!canEditFor(actor, owner.id)) throw MarketplaceException.forbidden(`only owners and editors of organisation ${owner.id} may post its challenges`);
    const terms = validateTerms(command, owner.id, NO_TERMS);
    await this.checkPartnersExist(terms);
    return this.unitOfWork.run(async (manager, touch) => {
      const saved = await this.challenges.insert(manager, {
        ...values,
        ...terms.columns,
        ownerOrganisationId: owner.id,
        status: ChallengeStatus.Draft,
        publishedAt: null,
        isDemo,
      });
      await this.replaceLists(manager, saved.id, terms);
      touch(SearchableType.Challenge, saved.id);
      return saved;
    });
  }

  /** Editable while a draft or open for submissions; after that the terms are fixed. */
  update(actor: Actor, id: string, command: ChallengeUpdate): Promise<ChallengeEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = await this.lockForEdit(manager, actor, id);
      if (current.status !== ChallengeStatus.Draft && current.status !== ChallengeStatus.Published) {
        throw new MarketplaceException(MarketplaceErrorCode.InvalidState, `challenge ${id} is ${describe(current.status)} and can no longer be edited`);
      }
      const merged = validate({
        ownerOrganisationId: current.ownerOrganisationId,
        kind: command.kind ?? (current.kind as ChallengeKind),
        title: command.title ?? { sl: current.titleSl, en: current.titleEn },
        brief: command.brief === undefined ? { sl: current.briefSl, en: current.briefEn } : command.brief,
        domains: command.domains ?? current.domains,
        techniques: command.techniques ?? current.techniques,
        materials: command.materials ?? current.materials,
        reward: command.reward === undefined ? { sl: current.rewardSl, en: current.rewardEn } : command.reward,
        deadline: command.deadline === undefined ? current.deadline : command.deadline,
      });
      if (current.status === ChallengeStatus.Published) checkPublishable(merged, new Date());
      const rewards = command.rewards === undefined && command.totalBudgetEur !== undefined ? await this.terms.rewards([id]) : undefined;
      const terms = validateTerms(command, current.ownerOrganisationId, { ...(current as TermsColumns), rewards: rewards?.map((r) => ({ ...r, kind: r.kind as RewardKind })) });
      await this.checkPartnersExist(terms);
      await this.replaceLists(manager, id, terms);
      const saved = await this.challenges.save(manager, Object.assign(current, merged, terms.columns));
      touch(SearchableType.Challenge, saved.id);
      return saved;
    });
  }

  /** DRAFT -> PUBLISHED. Needs a brief, and a deadline (if any) in the future. */
  publish(actor: Actor, id: string, now = new Date()): Promise<ChallengeEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = await this.lockForEdit(manager, actor, id);
      if (current.status !== ChallengeStatus.Draft) {
        throw new MarketplaceException(MarketplaceErrorCode.InvalidState, `challenge ${id} is ${describe(current.status)}; only a draft can be published`);
      }
      checkPublishable(current, now);
      current.status = ChallengeStatus.Published;
      current.publishedAt = now;
      const saved = await this.challenges.save(manager, current);
      touch(SearchableType.Challenge, saved.id);
      return saved;
    });
  }

  /** Rows by id without visibility checks: for loaders under parents already authorised. */
  getMany(ids: readonly string[]): Promise<ChallengeEntity[]> {
    return this.challenges.findByIds(ids);
  }

  /** Partners with their organisations, for many challenges at once (one statement). */
  partnersOf(challengeIds: readonly string[]): Promise<PartnerWithOrganisation[]> {
    return this.terms.partners(challengeIds);
  }

  rewardsOf(challengeIds: readonly string[]): Promise<ChallengeRewardEntity[]> {
    return this.terms.rewards(challengeIds);
  }

  criteriaOf(challengeIds: readonly string[]): Promise<ChallengeCriterionEntity[]> {
    return this.terms.criteria(challengeIds);
  }

  private async checkPartnersExist(terms: ValidatedTerms): Promise<void> {
    const ids = (terms.partners ?? []).map((p) => p.organisationId);
    const found = new Set((await this.organisations.findByIds(ids.filter(isUuid))).map((o) => o.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw MarketplaceException.invalid(`partners.${missing}.organisationId`, `organisation ${ids[missing]} does not exist`);
  }

  private async replaceLists(manager: Parameters<ChallengeTermsRepository['replacePartners']>[0], id: string, terms: ValidatedTerms): Promise<void> {
    if (terms.partners) await this.terms.replacePartners(manager, id, terms.partners);
    if (terms.rewards) await this.terms.replaceRewards(manager, id, terms.rewards);
    if (terms.criteria) await this.terms.replaceCriteria(manager, id, terms.criteria);
  }

  /** SUBMISSIONS_CLOSED → IN_REVIEW. */
  startReview(actor: Actor, id: string): Promise<ChallengeEntity> {
    return this.move(actor, id, [ChallengeStatus.SubmissionsClosed], ChallengeStatus.InReview);
  }

  /** IN_REVIEW → CLOSED_WITHOUT_AWARD. */
  closeWithoutAward(actor: Actor, id: string): Promise<ChallengeEntity> {
    return this.move(actor, id, [ChallengeStatus.InReview], ChallengeStatus.ClosedWithoutAward);
  }

  /** Any state before a decision → CANCELLED, with a reason everyone can read. */
  cancel(actor: Actor, id: string, reason: Partial<LocalizedText>, now = new Date()): Promise<ChallengeEntity> {
    const sl = clean(reason.sl);
    const en = clean(reason.en);
    if (!sl && !en) throw MarketplaceException.invalid('reason', 'a cancellation needs a reason in Slovenian or English');
    return this.move(actor, id, CANCELLABLE, ChallengeStatus.Cancelled, (c) => {
      c.cancelledAt = now;
      c.cancellationReasonSl = sl;
      c.cancellationReasonEn = en;
    });
  }

  /**
   * Closes submissions of every published challenge whose deadline has passed (the worker runs
   * this every minute). Returns the ids closed.
   */
  closeDueSubmissions(now = new Date()): Promise<string[]> {
    return this.unitOfWork.run(async (manager, touch) => {
      const ids = await this.challenges.closeDue(manager, now);
      for (const id of ids) touch(SearchableType.Challenge, id);
      return ids;
    });
  }

  /** What the caller may not see does not exist for them (no existence leak). */
  async get(actor: Actor, id: string): Promise<ChallengeEntity> {
    const found = isUuid(id) ? await this.challenges.findById(id) : null;
    if (!found || !canSeeChallenge(actor, found)) throw MarketplaceException.notFound('Challenge', id);
    return found;
  }

  /** Published-and-later challenges, plus drafts of the caller's organisations (admins: all). */
  list(actor: Actor, request: PageRequest, status: ChallengeStatus | undefined): Promise<Page<ChallengeEntity>> {
    const orgs = [...actor.memberships.keys()];
    return this.challenges.page(request, (qb) => {
      if (status) qb.andWhere('row.status = :status', { status });
      if (isAdmin(actor)) return;
      if (orgs.length) qb.andWhere('(row.status <> :draft OR row.owner_organisation_id IN (:...orgs))', { draft: ChallengeStatus.Draft, orgs });
      else qb.andWhere('row.status <> :draft', { draft: ChallengeStatus.Draft });
    });
  }

  private move(actor: Actor, id: string, from: readonly ChallengeStatus[], to: ChallengeStatus, also?: (c: ChallengeEntity) => void): Promise<ChallengeEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = await this.lockForEdit(manager, actor, id);
      if (!from.includes(current.status as ChallengeStatus)) {
        throw new MarketplaceException(MarketplaceErrorCode.InvalidState, `challenge ${id} is ${describe(current.status)}; it must be ${from.map(describe).join(' or ')} to become ${describe(to)}`);
      }
      current.status = to;
      also?.(current);
      const saved = await this.challenges.save(manager, current);
      touch(SearchableType.Challenge, saved.id);
      return saved;
    });
  }

  /** Locks the challenge for a change by its organisation's owners or editors. */
  private async lockForEdit(manager: Parameters<ChallengeRepository['findForUpdate']>[0], actor: Actor, id: string): Promise<ChallengeEntity> {
    const found = isUuid(id) ? await this.challenges.findForUpdate(manager, id) : null;
    if (!found) throw MarketplaceException.notFound('Challenge', id);
    if (!canEditFor(actor, found.ownerOrganisationId)) throw refuse(canSeeChallenge(actor, found), 'Challenge', id);
    return found;
  }
}

/** Drafts: the owner organisation's members (and admins). Everything else: everyone. */
export function canSeeChallenge(actor: Actor, challenge: Pick<ChallengeEntity, 'status' | 'ownerOrganisationId'>): boolean {
  return challenge.status !== ChallengeStatus.Draft || canReviewFor(actor, challenge.ownerOrganisationId);
}

function validate(command: ChallengeCommand) {
  const titleSl = clean(command.title.sl);
  const titleEn = clean(command.title.en);
  if (!titleSl && !titleEn) throw MarketplaceException.invalid('title', 'title needs Slovenian or English text');
  if (command.deadline && Number.isNaN(command.deadline.getTime())) throw MarketplaceException.invalid('deadline', 'deadline is not a valid date');
  const kind = command.kind ?? ChallengeKind.Industry;
  if (!Object.values(ChallengeKind).includes(kind)) throw MarketplaceException.invalid('kind', `unknown challenge kind '${String(kind)}'`);
  return {
    kind,
    titleSl,
    titleEn,
    briefSl: clean(command.brief?.sl),
    briefEn: clean(command.brief?.en),
    domains: Taxonomy.codes(Vocabulary.Domain, command.domains, 'domains'),
    techniques: Taxonomy.codes(Vocabulary.Technique, command.techniques, 'techniques'),
    materials: Taxonomy.codes(Vocabulary.Material, command.materials, 'materials'),
    rewardSl: clean(command.reward?.sl),
    rewardEn: clean(command.reward?.en),
    deadline: command.deadline ?? null,
  };
}

function checkPublishable(challenge: { briefSl: string | null; briefEn: string | null; deadline: Date | null }, now: Date): void {
  if (!challenge.briefSl && !challenge.briefEn) throw MarketplaceException.invalid('brief', 'a published challenge needs a brief in Slovenian or English');
  if (challenge.deadline && challenge.deadline.getTime() <= now.getTime()) {
    throw MarketplaceException.invalid('deadline', 'a published challenge needs a deadline in the future');
  }
}

const NO_TERMS: TermsColumns = {
  totalBudgetEur: null, awardsCount: null, ipTerms: null, ipDetailsSl: null, ipDetailsEn: null, twoStage: false, shortlistSize: null, shortlistFeeEur: null,
};

const CANCELLABLE = [ChallengeStatus.Draft, ChallengeStatus.Published, ChallengeStatus.SubmissionsClosed, ChallengeStatus.InReview] as const;

function describe(status: string): string {
  return status.toLowerCase().replace(/_/g, ' ');
}
