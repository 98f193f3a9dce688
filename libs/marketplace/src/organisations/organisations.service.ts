import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { AttachmentEntity, ChallengeEntity, NeedEntity, OrganisationEntity, ProposalEntity } from '@app/database';
import { type Actor, canEditFor, canReviewFor, MembershipRepository, OrganisationRole } from '@app/identity';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { canSeeChallenge } from '../challenges/challenges.service.js';
import { refuse, requireVerified } from '../common/access.js';
import { ExchangeStatus } from '../exchange/exchange.status.js';
import { OrganisationActivityRepository } from './organisation-activity.repository.js';
import { SearchableType } from '@app/jobs';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid, type Page, type PageRequest } from '../common/pagination.js';
import { Taxonomy } from '../common/taxonomy.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import type { OrganisationKind } from '../reference/index.js';
import { NeedRepository } from '../exchange/exchange.repositories.js';
import { OrganisationRepository } from './organisation.repository.js';

export interface OrganisationCommand {
  kind: OrganisationKind;
  name: string;
  municipality: string;
  description?: Partial<LocalizedText> | null;
  website?: string | null;
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly challenges: ChallengeRepository,
    private readonly needs: NeedRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly memberships: MembershipRepository,
    private readonly activity: OrganisationActivityRepository,
    private readonly attachments: AttachmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Any verified account may register an organisation and becomes its owner. */
  create(actor: Actor, command: OrganisationCommand, isDemo = false): Promise<OrganisationEntity> {
    requireVerified(actor);
    const values = this.validate(command);
    return this.unitOfWork.run(async (manager) => {
      const saved = await this.organisations.insert(manager, { ...values, isDemo });
      if (actor.accountId) await this.memberships.upsert(manager, saved.id, actor.accountId, OrganisationRole.Owner);
      return saved;
    });
  }

  /** Applies the given fields; its challenges and needs are reindexed (they show its name and town). */
  /** Owners and editors (and admins). */
  update(actor: Actor, id: string, command: Partial<OrganisationCommand>): Promise<OrganisationEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = await this.organisations.findForUpdate(manager, this.checkId(id));
      if (!current) throw MarketplaceException.notFound('Organisation', id);
      if (!canEditFor(actor, id)) throw MarketplaceException.forbidden(`only owners and editors of organisation ${id} may change it`);
      const merged = this.validate({
        kind: command.kind ?? (current.kind as OrganisationKind),
        name: command.name ?? current.name,
        municipality: command.municipality ?? current.municipality,
        description: command.description === undefined ? { sl: current.descriptionSl, en: current.descriptionEn } : command.description,
        website: command.website === undefined ? current.website : command.website,
      });
      const saved = await this.organisations.save(manager, Object.assign(current, merged));
      for (const challengeId of await this.challenges.idsByOwner(manager, id)) touch(SearchableType.Challenge, challengeId);
      for (const needId of await this.needs.idsByOwner(manager, id)) touch(SearchableType.Need, needId);
      return saved;
    });
  }

  async get(id: string): Promise<OrganisationEntity> {
    const found = isUuid(id) ? await this.organisations.findById(id) : null;
    if (!found) throw MarketplaceException.notFound('Organisation', id);
    return found;
  }

  getMany(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.organisations.findByIds(ids);
  }

  list(request: PageRequest): Promise<Page<OrganisationEntity>> {
    return this.organisations.page(request);
  }

  /** Challenges of many organisations, newest first, with no visibility check: pass them through visibleChallenges. */
  challengeRowsOf(organisationIds: readonly string[]): Promise<ChallengeEntity[]> {
    return this.activity.challengesOf(organisationIds.filter(isUuid));
  }

  /** The challenges the caller may see: published public ones, invite-only ones they were let into, and all of their own organisations'. */
  visibleChallenges(actor: Actor, rows: readonly ChallengeEntity[]): ChallengeEntity[] {
    return rows.filter((challenge) => canSeeChallenge(actor, challenge));
  }

  /** Needs of many organisations, newest first, with no visibility check: pass them through visibleNeeds. */
  needRowsOf(organisationIds: readonly string[]): Promise<NeedEntity[]> {
    return this.activity.needsOf(organisationIds.filter(isUuid));
  }

  /** Published and closed needs for everyone; drafts for the owner organisation's members (as the needs listing). */
  visibleNeeds(actor: Actor, rows: readonly NeedEntity[]): NeedEntity[] {
    return rows.filter((need) => need.status !== ExchangeStatus.Draft || canReviewFor(actor, need.ownerOrganisationId));
  }

  /**
   * Awarded proposals of challenges whose decision is published. The caller passes only AWARDED
   * challenges it was allowed to see (the rows carry no visibility check of their own).
   */
  awardedProposalsOf(challengeIds: readonly string[]): Promise<ProposalEntity[]> {
    return this.activity.awardedProposalsOf(challengeIds);
  }

  /** The logos of many organisations (public, like the organisation). */
  logosOf(organisationIds: readonly string[]): Promise<AttachmentEntity[]> {
    return this.activity.logosOf(organisationIds.filter(isUuid));
  }

  /**
   * Stores (or replaces) the organisation's logo: PNG, JPEG or WebP recognised by content, at most
   * the image size limit. Owners and editors (and admins); the replaced file leaves the disk after commit.
   */
  async setLogo(actor: Actor, id: string, file: { originalName: string; bytes: Buffer }): Promise<AttachmentEntity> {
    await this.editable(actor, id);
    const replaced: string[] = [];
    const logo = await this.attachments.store('organisation_logo', id, file, async (manager) => {
      replaced.length = 0;
      replaced.push(...(await this.attachments.deleteOwned(manager, 'organisation_logo', id)));
    }, { maxBytes: this.config.attachments.maxImageBytes, imagesOnly: true });
    this.attachments.discardFiles(replaced);
    return logo;
  }

  /** Removes the logo (owners and editors); no logo is no error. */
  async removeLogo(actor: Actor, id: string): Promise<OrganisationEntity> {
    const organisation = await this.editable(actor, id);
    const files = await this.unitOfWork.run((manager) => this.attachments.deleteOwned(manager, 'organisation_logo', id));
    this.attachments.discardFiles(files);
    return organisation;
  }

  /** Organisations are public: a stranger's change is FORBIDDEN, an unknown id NOT_FOUND. */
  private async editable(actor: Actor, id: string): Promise<OrganisationEntity> {
    const organisation = await this.get(id);
    if (!canEditFor(actor, id)) throw refuse(true, 'Organisation', id);
    return organisation;
  }

  private checkId(id: string): string {
    if (!isUuid(id)) throw MarketplaceException.notFound('Organisation', id);
    return id;
  }

  private validate(command: OrganisationCommand) {
    const name = clean(command.name);
    if (!name) throw MarketplaceException.invalid('name', 'name must not be empty');
    return {
      kind: command.kind,
      name,
      municipality: Taxonomy.municipality(command.municipality, 'municipality'),
      descriptionSl: clean(command.description?.sl),
      descriptionEn: clean(command.description?.en),
      website: clean(command.website),
    };
  }
}
