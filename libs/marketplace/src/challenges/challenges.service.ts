import { Injectable } from '@nestjs/common';
import type { ChallengeEntity } from '@app/database';
import { OutboxTopic, SearchableType } from '@app/jobs';
import { type Actor, canEditFor, canReviewFor, isAdmin } from '@app/identity';
import { refuse, requireVerified } from '../common/access.js';
import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceErrorCode, MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid, type Page, type PageRequest } from '../common/pagination.js';
import { REGION_GORENJSKA, Taxonomy, Vocabulary } from '../common/taxonomy.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { ChallengeKind, ChallengeStatus, ChallengeVisibility, CreativeKind } from '../reference/index.js';
import { addToInbox } from '../common/inbox.js';
import { ChallengeRepository } from './challenge.repository.js';
import { type ChallengeTermsCommand, RewardKind, type TermsColumns, type ValidatedTerms, validateTerms } from './challenge-terms.js';
import { ChallengeTermsRepository, type PartnerWithOrganisation } from './challenge-terms.repository.js';
import type { ChallengeCriterionEntity, ChallengeRewardEntity } from '@app/database';
import type { EntityManager } from 'typeorm';

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
  /** Default PUBLIC; fixed once published (creatives may already be working on it). */
  visibility?: ChallengeVisibility;
  /** Who may enter (empty lists: anyone); matching proposes nobody else. */
  eligibility?: { creativeKinds?: CreativeKind[]; municipalities?: string[]; onSite?: boolean } | null;
  /** ISO 639-1 codes of the languages the work is done in. */
  workingLanguages?: string[];
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
        visibility: command.visibility ?? (current.visibility as ChallengeVisibility),
        eligibility: command.eligibility === undefined
          ? { creativeKinds: current.eligibleKinds as CreativeKind[], municipalities: current.eligibleMunicipalities, onSite: current.onSite }
          : command.eligibility,
        workingLanguages: command.workingLanguages ?? current.workingLanguages,
      });
      if (merged.visibility !== current.visibility && current.status !== ChallengeStatus.Draft) {
        throw MarketplaceException.invalidState(`the visibility of challenge ${id} is fixed once it is published`);
      }
      if (current.status === ChallengeStatus.Published) checkPublishable(merged, new Date());
      const rewards = command.rewards === undefined && command.totalBudgetEur !== undefined ? await this.terms.rewards([id], manager) : undefined;
      const terms = validateTerms(command, current.ownerOrganisationId, { ...(current as TermsColumns), rewards: rewards?.map((r) => ({ ...r, kind: r.kind as RewardKind })) });
      await this.checkPartnersExist(terms, manager);
      await this.replaceLists(manager, id, terms);
      const saved = await this.challenges.save(manager, Object.assign(current, merged, terms.columns));
      touch(SearchableType.Challenge, saved.id);
      return saved;
    });
  }

  /** DRAFT -> PUBLISHED. Needs a brief, and a deadline (if any) in the future. */
  publish(actor: Actor, id: string, now = new Date()): Promise<ChallengeEntity> {
    return this.unitOfWork.run(async (manager, touch, announce) => {
      const current = await this.lockForEdit(manager, actor, id);
      if (current.status !== ChallengeStatus.Draft) {
        throw new MarketplaceException(MarketplaceErrorCode.InvalidState, `challenge ${id} is ${describe(current.status)}; only a draft can be published`);
      }
      checkPublishable(current, now);
      current.status = ChallengeStatus.Published;
      current.publishedAt = now;
      const saved = await this.challenges.save(manager, current);
      // Invite-only challenges reach their invitees only; public ones every creative they match.
      await this.tellInvitees(manager, saved.id, await this.challenges.inviteeAccounts(manager, saved.id));
      if (saved.visibility === ChallengeVisibility.Public) announce({ topic: OutboxTopic.ChallengePublished, aggregateType: 'challenge', aggregateId: saved.id });
      touch(SearchableType.Challenge, saved.id);
      return saved;
    });
  }

  /**
   * Lets creatives into an invite-only challenge, or asks matched creatives to apply to a public one
   * (owners and editors, before the deadline; public: only creatives with matching consent). Those
   * invited to a published challenge find it in their inbox (and mail, as their preferences say) at
   * once; the others when it is published.
   */
  invite(actor: Actor, id: string, creativeProfileIds: readonly string[], now = new Date()): Promise<string[]> {
    const unique = [...new Set(creativeProfileIds)];
    if (unique.length === 0 || unique.length > 200) throw MarketplaceException.invalid('creativeProfileIds', 'invite 1 to 200 creatives at a time');
    const bad = unique.findIndex((c) => !isUuid(c));
    if (bad >= 0) throw MarketplaceException.invalid(`creativeProfileIds.${bad}`, `creative profile ${unique[bad]} does not exist`);
    return this.unitOfWork.run(async (manager) => {
      const challenge = await this.lockForEdit(manager, actor, id);
      const open = challenge.status === ChallengeStatus.Draft || (challenge.status === ChallengeStatus.Published && (!challenge.deadline || challenge.deadline > now));
      if (!open) throw MarketplaceException.invalidState(`challenge ${id} no longer takes submissions; invitations are closed`);
      // A public challenge needs no invitation to enter: inviting means asking a matched creative
      // to apply, so only creatives who agreed to be matched (and contacted about it) can be asked.
      if (challenge.visibility === ChallengeVisibility.Public) {
        const refused = await this.challenges.withoutMatchingConsent(manager, unique);
        if (refused.length > 0) throw MarketplaceException.invalid(`creativeProfileIds.${unique.indexOf(refused[0])}`, `creative profile ${refused[0]} does not exist or has not agreed to be matched`);
      }
      const added = await this.challenges.addInvitees(manager, id, unique);
      if (added.missing.length > 0) throw MarketplaceException.invalid(`creativeProfileIds.${unique.indexOf(added.missing[0])}`, `creative profile ${added.missing[0]} does not exist`);
      if (challenge.status === ChallengeStatus.Published) await this.tellInvitees(manager, id, added.accounts);
      return this.challenges.invitees(manager, id);
    });
  }

  /** Takes an invitation back (owners and editors); a proposal already made stays with its authors. */
  uninvite(actor: Actor, id: string, creativeProfileId: string): Promise<string[]> {
    return this.unitOfWork.run(async (manager) => {
      await this.lockForEdit(manager, actor, id);
      if (!isUuid(creativeProfileId) || !(await this.challenges.removeInvitee(manager, id, creativeProfileId))) {
        throw MarketplaceException.invalid('creativeProfileId', `creative profile ${creativeProfileId} is not invited to challenge ${id}`);
      }
      return this.challenges.invitees(manager, id);
    });
  }

  /** Invited creative profile ids: the owner's members only (who was invited is not public). */
  async invitees(actor: Actor, challenge: ChallengeEntity): Promise<string[] | null> {
    return canReviewFor(actor, challenge.ownerOrganisationId) ? this.challenges.invitees(undefined, challenge.id) : null;
  }

  private async tellInvitees(manager: EntityManager, challengeId: string, accountIds: readonly string[]): Promise<void> {
    await addToInbox(manager, accountIds, { kind: 'challenge-invitation', subjectType: 'challenge', subjectId: challengeId, idempotencyKey: `challenge-invitation:${challengeId}` });
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

  private async checkPartnersExist(terms: ValidatedTerms, manager?: EntityManager): Promise<void> {
    const ids = (terms.partners ?? []).map((p) => p.organisationId);
    const found = new Set((await this.organisations.findByIds(ids.filter(isUuid), manager)).map((o) => o.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw MarketplaceException.invalid(`partners.${missing}.organisationId`, `organisation ${ids[missing]} does not exist`);
  }

  private async replaceLists(manager: Parameters<ChallengeTermsRepository['replacePartners']>[0], id: string, terms: ValidatedTerms): Promise<void> {
    if (terms.partners) await this.terms.replacePartners(manager, id, terms.partners);
    if (terms.rewards) await this.terms.replaceRewards(manager, id, terms.rewards);
    if (terms.criteria) await this.terms.replaceCriteria(manager, id, terms.criteria);
  }

  /**
   * SUBMISSIONS_CLOSED → IN_REVIEW; also straight from PUBLISHED once the deadline has passed (the
   * sweep that closes submissions runs each minute: the owner need not wait for it).
   */
  startReview(actor: Actor, id: string, now = new Date()): Promise<ChallengeEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = await this.lockForEdit(manager, actor, id);
      const due = current.status === ChallengeStatus.Published && current.deadline !== null && current.deadline.getTime() <= now.getTime();
      if (current.status !== ChallengeStatus.SubmissionsClosed && !due) {
        throw new MarketplaceException(MarketplaceErrorCode.InvalidState, `challenge ${id} is ${describe(current.status)}; review starts once submissions are closed (after the deadline)`);
      }
      if (due) current.submissionsClosedAt = current.deadline;
      current.status = ChallengeStatus.InReview;
      const saved = await this.challenges.save(manager, current);
      touch(SearchableType.Challenge, saved.id);
      return saved;
    });
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

  /** Every challenge of the caller's organisations (any role), drafts included, oldest first (keyset pages). */
  listMine(actor: Actor, request: PageRequest, status: ChallengeStatus | undefined): Promise<Page<ChallengeEntity>> {
    const orgs = [...actor.memberships.keys()];
    return this.challenges.page(request, (qb) => {
      if (orgs.length === 0) qb.andWhere('1 = 0');
      else qb.andWhere('row.owner_organisation_id IN (:...orgs)', { orgs });
      if (status) qb.andWhere('row.status = :status', { status });
    });
  }

  /** Published-and-later challenges, plus drafts of the caller's organisations (admins: all). */
  list(actor: Actor, request: PageRequest, status: ChallengeStatus | undefined): Promise<Page<ChallengeEntity>> {
    const orgs = [...actor.memberships.keys()];
    const grants = [...actor.challengeGrants];
    return this.challenges.page(request, (qb) => {
      if (status) qb.andWhere('row.status = :status', { status });
      if (isAdmin(actor)) return;
      // Mirrors canSeeChallenge: members see everything of theirs; others see published public
      // challenges, and invite-only ones they were let into.
      const mine = orgs.length ? 'row.owner_organisation_id IN (:...orgs) OR ' : '';
      const granted = grants.length ? ' OR row.id IN (:...grants)' : '';
      qb.andWhere(`(${mine}(row.status <> :draft AND (row.visibility = :public${granted})))`, { orgs, grants, draft: ChallengeStatus.Draft, public: ChallengeVisibility.Public });
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

/**
 * The owner organisation's members (and admins) see everything of theirs. Others: published
 * public challenges, and invite-only ones whose invitation or jury seat they hold.
 */
export function canSeeChallenge(actor: Actor, challenge: Pick<ChallengeEntity, 'id' | 'status' | 'ownerOrganisationId' | 'visibility'>): boolean {
  if (canReviewFor(actor, challenge.ownerOrganisationId)) return true;
  if (challenge.status === ChallengeStatus.Draft) return false;
  return challenge.visibility !== ChallengeVisibility.InviteOnly || actor.challengeGrants.has(challenge.id);
}

function validate(command: ChallengeCommand) {
  const titleSl = clean(command.title.sl);
  const titleEn = clean(command.title.en);
  if (!titleSl && !titleEn) throw MarketplaceException.invalid('title', 'title needs Slovenian or English text');
  if (command.deadline && Number.isNaN(command.deadline.getTime())) throw MarketplaceException.invalid('deadline', 'deadline is not a valid date');
  const kind = command.kind ?? ChallengeKind.Industry;
  if (!Object.values(ChallengeKind).includes(kind)) throw MarketplaceException.invalid('kind', `unknown challenge kind '${String(kind)}'`);
  const visibility = command.visibility ?? ChallengeVisibility.Public;
  if (!Object.values(ChallengeVisibility).includes(visibility)) throw MarketplaceException.invalid('visibility', `unknown visibility '${String(visibility)}'`);
  return {
    kind,
    visibility,
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
    ...eligibility(command.eligibility ?? null),
    workingLanguages: Taxonomy.languages(command.workingLanguages, 'workingLanguages'),
  };
}

/** Kinds and places checked; a place may be named as typed, or be the whole region ("gorenjska"). */
function eligibility(rules: ChallengeCommand['eligibility']) {
  const kinds = [...new Set(rules?.creativeKinds ?? [])];
  const bad = kinds.find((k) => !Object.values(CreativeKind).includes(k));
  if (bad !== undefined) throw MarketplaceException.invalid('eligibility.creativeKinds', `unknown creative kind '${String(bad)}'`);
  const places = [...new Set((rules?.municipalities ?? []).map((m) => (Taxonomy.isRegion(m) ? REGION_GORENJSKA : Taxonomy.municipality(m, 'eligibility.municipalities'))))];
  return { eligibleKinds: kinds, eligibleMunicipalities: places, onSite: rules?.onSite ?? false };
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
