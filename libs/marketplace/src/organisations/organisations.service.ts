import { Injectable } from '@nestjs/common';
import type { OrganisationEntity } from '@app/database';
import { type Actor, canEditFor, MembershipRepository, OrganisationRole } from '@app/identity';
import { requireVerified } from '../common/access.js';
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
