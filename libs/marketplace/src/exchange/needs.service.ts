import { Injectable } from '@nestjs/common';
import type { NeedEntity } from '@app/database';
import { OutboxTopic, SearchableType } from '@app/jobs';
import { type Actor, canEditFor, isAdmin } from '@app/identity';
import { requireAccount, requireVerified } from '../common/access.js';
import type { LocalizedText } from '../common/localized.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid, type Page, type PageRequest } from '../common/pagination.js';
import { Taxonomy, Vocabulary } from '../common/taxonomy.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { NeedRepository } from './exchange.repositories.js';
import { ExchangeLifecycle } from './exchange.lifecycle.js';
import { euros, isoDate, needsDescription, ordered, texts } from './exchange.rules.js';
import { ExchangeStatus } from './exchange.status.js';

export interface NeedCommand {
  ownerOrganisationId: string;
  title: Partial<LocalizedText>;
  description?: Partial<LocalizedText> | null;
  domains?: string[];
  techniques?: string[];
  materials?: string[];
  budgetMinEur?: number | null;
  budgetMaxEur?: number | null;
  /** ISO dates, YYYY-MM-DD. */
  timelineStart?: string | null;
  timelineEnd?: string | null;
}

export type NeedUpdate = Partial<Omit<NeedCommand, 'ownerOrganisationId'>>;

/** Needs organisations post for the creative sector: DRAFT → PUBLISHED (searchable) → CLOSED. */
@Injectable()
export class NeedsService {
  private readonly lifecycle: ExchangeLifecycle<NeedEntity>;

  constructor(
    private readonly needs: NeedRepository,
    private readonly organisations: OrganisationRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {
    this.lifecycle = new ExchangeLifecycle(needs, unitOfWork, SearchableType.Need, 'Need', {
      mayEdit: (actor, row) => canEditFor(actor, row.ownerOrganisationId),
      publishedTopic: OutboxTopic.NeedPublished,
      draftScope: (actor) => {
        if (isAdmin(actor)) return 'all';
        const orgs = [...actor.memberships.keys()];
        return orgs.length ? (qb) => (qb.setParameter('ownOrgs', orgs), 'row.owner_organisation_id IN (:...ownOrgs)') : null;
      },
    });
  }

  /** Owners and editors of the organisation. */
  async create(actor: Actor, command: NeedCommand, isDemo = false): Promise<NeedEntity> {
    requireVerified(actor);
    const values = validate(command);
    const owner = isUuid(command.ownerOrganisationId) ? await this.organisations.findById(command.ownerOrganisationId) : null;
    if (!owner) throw MarketplaceException.invalid('ownerOrganisationId', `organisation ${command.ownerOrganisationId} does not exist`);
    if (!canEditFor(actor, owner.id)) throw MarketplaceException.forbidden(`only owners and editors of organisation ${owner.id} may post its needs`);
    return this.unitOfWork.run(async (manager, touch) => {
      const saved = await this.needs.insert(manager, { ...values, ownerOrganisationId: owner.id, status: ExchangeStatus.Draft, publishedAt: null, isDemo });
      touch(SearchableType.Need, saved.id);
      return saved;
    });
  }

  update(actor: Actor, id: string, command: NeedUpdate): Promise<NeedEntity> {
    return this.lifecycle.change(actor, id, (current) => {
      const merged = validate({
        ownerOrganisationId: current.ownerOrganisationId,
        title: command.title ?? { sl: current.titleSl, en: current.titleEn },
        description: command.description === undefined ? { sl: current.descriptionSl, en: current.descriptionEn } : command.description,
        domains: command.domains ?? current.domains,
        techniques: command.techniques ?? current.techniques,
        materials: command.materials ?? current.materials,
        budgetMinEur: command.budgetMinEur === undefined ? current.budgetMinEur : command.budgetMinEur,
        budgetMaxEur: command.budgetMaxEur === undefined ? current.budgetMaxEur : command.budgetMaxEur,
        timelineStart: command.timelineStart === undefined ? current.timelineStart : command.timelineStart,
        timelineEnd: command.timelineEnd === undefined ? current.timelineEnd : command.timelineEnd,
      });
      if (current.status === ExchangeStatus.Published) needsDescription(merged);
      Object.assign(current, merged);
    });
  }

  publish(actor: Actor, id: string, now = new Date()): Promise<NeedEntity> {
    return this.lifecycle.publish(actor, id, now, (current) => {
      if (current.timelineEnd && current.timelineEnd < now.toISOString().slice(0, 10)) {
        throw MarketplaceException.invalid('timelineEnd', 'a published need cannot end in the past');
      }
    });
  }

  close(actor: Actor, id: string): Promise<NeedEntity> {
    return this.lifecycle.close(actor, id);
  }

  /** Drafts are visible to the organisation's owners and editors only. */
  get(actor: Actor, id: string): Promise<NeedEntity> {
    return this.lifecycle.get(actor, id);
  }

  list(actor: Actor, request: PageRequest): Promise<Page<NeedEntity>> {
    return this.lifecycle.list(actor, request);
  }

  /** One organisation's needs in every status, oldest first: its owners and editors (who may open its drafts). */
  async listForOrganisation(actor: Actor, organisationId: string, request: PageRequest): Promise<Page<NeedEntity>> {
    requireAccount(actor);
    const owner = isUuid(organisationId) ? await this.organisations.findById(organisationId) : null;
    if (!owner) throw MarketplaceException.notFound('Organisation', organisationId);
    if (!canEditFor(actor, owner.id)) throw MarketplaceException.forbidden(`only owners and editors of organisation ${owner.id} list all its needs`);
    return this.lifecycle.listOwn(request, (qb) => (qb.setParameter('ownerOrg', owner.id), 'row.owner_organisation_id = :ownerOrg'));
  }
}

function validate(command: NeedCommand) {
  const values = {
    ...texts(command.title, command.description),
    domains: Taxonomy.codes(Vocabulary.Domain, command.domains, 'domains'),
    techniques: Taxonomy.codes(Vocabulary.Technique, command.techniques, 'techniques'),
    materials: Taxonomy.codes(Vocabulary.Material, command.materials, 'materials'),
    budgetMinEur: euros(command.budgetMinEur, 'budgetMinEur'),
    budgetMaxEur: euros(command.budgetMaxEur, 'budgetMaxEur'),
    timelineStart: isoDate(command.timelineStart, 'timelineStart'),
    timelineEnd: isoDate(command.timelineEnd, 'timelineEnd'),
  };
  ordered(values.budgetMinEur, values.budgetMaxEur, 'budgetMaxEur', 'budgetMaxEur must not be below budgetMinEur');
  ordered(values.timelineStart, values.timelineEnd, 'timelineEnd', 'timelineEnd must not be before timelineStart');
  return values;
}
