import { Injectable } from '@nestjs/common';
import type { ChallengeEntity } from '@app/database';
import { SearchableType } from '@app/jobs';
import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceErrorCode, MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid, type Page, type PageRequest } from '../common/pagination.js';
import { Taxonomy, Vocabulary } from '../common/taxonomy.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { ChallengeKind, ChallengeStatus } from '../reference/index.js';
import { ChallengeRepository } from './challenge.repository.js';

export interface ChallengeCommand {
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
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** New challenges start as drafts; they become searchable when published. */
  async create(command: ChallengeCommand, isDemo = false): Promise<ChallengeEntity> {
    const values = validate(command);
    const owner = isUuid(command.ownerOrganisationId) ? await this.organisations.findById(command.ownerOrganisationId) : null;
    if (!owner) throw MarketplaceException.invalid('ownerOrganisationId', `organisation ${command.ownerOrganisationId} does not exist`);
    return this.unitOfWork.run(async (manager, touch) => {
      const saved = await this.challenges.insert(manager, {
        ...values,
        ownerOrganisationId: owner.id,
        status: ChallengeStatus.Draft,
        publishedAt: null,
        isDemo,
      });
      touch(SearchableType.Challenge, saved.id);
      return saved;
    });
  }

  /** Editable while a draft or open for submissions; after that the terms are fixed. */
  update(id: string, command: ChallengeUpdate): Promise<ChallengeEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = await this.lock(manager, id);
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
      const saved = await this.challenges.save(manager, Object.assign(current, merged));
      touch(SearchableType.Challenge, saved.id);
      return saved;
    });
  }

  /** DRAFT -> PUBLISHED. Needs a brief, and a deadline (if any) in the future. */
  publish(id: string, now = new Date()): Promise<ChallengeEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = await this.lock(manager, id);
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

  /** SUBMISSIONS_CLOSED → IN_REVIEW. */
  startReview(id: string): Promise<ChallengeEntity> {
    return this.move(id, [ChallengeStatus.SubmissionsClosed], ChallengeStatus.InReview);
  }

  /** IN_REVIEW → CLOSED_WITHOUT_AWARD. */
  closeWithoutAward(id: string): Promise<ChallengeEntity> {
    return this.move(id, [ChallengeStatus.InReview], ChallengeStatus.ClosedWithoutAward);
  }

  /** Any state before a decision → CANCELLED, with a reason everyone can read. */
  cancel(id: string, reason: Partial<LocalizedText>, now = new Date()): Promise<ChallengeEntity> {
    const sl = clean(reason.sl);
    const en = clean(reason.en);
    if (!sl && !en) throw MarketplaceException.invalid('reason', 'a cancellation needs a reason in Slovenian or English');
    return this.move(id, CANCELLABLE, ChallengeStatus.Cancelled, (c) => {
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

  /** Drafts are visible only with `includeDrafts`; otherwise they do not exist (no existence leak). */
  async get(id: string, includeDrafts = false): Promise<ChallengeEntity> {
    const found = isUuid(id) ? await this.challenges.findById(id) : null;
    if (!found || (!includeDrafts && found.status === ChallengeStatus.Draft)) throw MarketplaceException.notFound('Challenge', id);
    return found;
  }

  /** Without `includeDrafts` drafts are never listed (asking for them lists nothing). */
  list(request: PageRequest, status: ChallengeStatus | undefined, includeDrafts = false): Promise<Page<ChallengeEntity>> {
    return this.challenges.page(request, (qb) => {
      if (status) qb.andWhere('row.status = :status', { status });
      if (!includeDrafts) qb.andWhere('row.status <> :draft', { draft: ChallengeStatus.Draft });
    });
  }

  private move(id: string, from: readonly ChallengeStatus[], to: ChallengeStatus, also?: (c: ChallengeEntity) => void): Promise<ChallengeEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = await this.lock(manager, id);
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

  private async lock(manager: Parameters<ChallengeRepository['findForUpdate']>[0], id: string): Promise<ChallengeEntity> {
    const found = isUuid(id) ? await this.challenges.findForUpdate(manager, id) : null;
    if (!found) throw MarketplaceException.notFound('Challenge', id);
    return found;
  }
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

const CANCELLABLE = [ChallengeStatus.Draft, ChallengeStatus.Published, ChallengeStatus.SubmissionsClosed, ChallengeStatus.InReview] as const;

function describe(status: string): string {
  return status.toLowerCase().replace(/_/g, ' ');
}
