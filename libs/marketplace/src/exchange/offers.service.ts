import { Injectable } from '@nestjs/common';
import type { OfferEntity } from '@app/database';
import { SearchableType } from '@app/jobs';
import { type Actor, isAdmin } from '@app/identity';
import { requireVerified } from '../common/access.js';
import type { LocalizedText } from '../common/localized.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid, type Page, type PageRequest } from '../common/pagination.js';
import { Taxonomy, Vocabulary } from '../common/taxonomy.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { CreativeProfileRepository } from '../creatives/creative-profile.repository.js';
import { OfferRepository } from './exchange.repositories.js';
import { ExchangeLifecycle } from './exchange.lifecycle.js';
import { euros, needsDescription, texts } from './exchange.rules.js';
import { ExchangeStatus, type OfferKind } from './exchange.status.js';

export interface OfferCommand {
  creativeProfileId: string;
  kind: OfferKind;
  title: Partial<LocalizedText>;
  description?: Partial<LocalizedText> | null;
  domains?: string[];
  crafts?: string[];
  techniques?: string[];
  materials?: string[];
  priceFromEur?: number | null;
}

export type OfferUpdate = Partial<Omit<OfferCommand, 'creativeProfileId'>>;

/** Services and products creatives offer: DRAFT → PUBLISHED (searchable) → CLOSED. */
@Injectable()
export class OffersService {
  private readonly lifecycle: ExchangeLifecycle<OfferEntity>;

  constructor(
    private readonly offers: OfferRepository,
    private readonly creatives: CreativeProfileRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {
    this.lifecycle = new ExchangeLifecycle(offers, unitOfWork, SearchableType.Offer, 'Offer', {
      mayEdit: (actor, row) => isAdmin(actor) || actor.creativeProfileId === row.creativeProfileId,
      draftScope: (actor) => {
        if (isAdmin(actor)) return 'all';
        const own = actor.creativeProfileId;
        return own ? (qb) => (qb.setParameter('ownProfile', own), 'row.creative_profile_id = :ownProfile') : null;
      },
    });
  }

  /** A creative offers under their own profile (admins under any). */
  async create(actor: Actor, command: OfferCommand, isDemo = false): Promise<OfferEntity> {
    requireVerified(actor);
    const values = validate(command);
    const creative = isUuid(command.creativeProfileId) ? await this.creatives.findById(command.creativeProfileId) : null;
    if (!creative) throw MarketplaceException.invalid('creativeProfileId', `creative profile ${command.creativeProfileId} does not exist`);
    if (!isAdmin(actor) && actor.creativeProfileId !== creative.id) throw MarketplaceException.forbidden(`creative profile ${creative.id} is not yours`);
    return this.unitOfWork.run(async (manager, touch) => {
      const saved = await this.offers.insert(manager, { ...values, creativeProfileId: creative.id, status: ExchangeStatus.Draft, publishedAt: null, isDemo });
      touch(SearchableType.Offer, saved.id);
      return saved;
    });
  }

  update(actor: Actor, id: string, command: OfferUpdate): Promise<OfferEntity> {
    return this.lifecycle.change(actor, id, (current) => {
      const merged = validate({
        creativeProfileId: current.creativeProfileId,
        kind: command.kind ?? (current.kind as OfferKind),
        title: command.title ?? { sl: current.titleSl, en: current.titleEn },
        description: command.description === undefined ? { sl: current.descriptionSl, en: current.descriptionEn } : command.description,
        domains: command.domains ?? current.domains,
        crafts: command.crafts ?? current.crafts,
        techniques: command.techniques ?? current.techniques,
        materials: command.materials ?? current.materials,
        priceFromEur: command.priceFromEur === undefined ? current.priceFromEur : command.priceFromEur,
      });
      if (current.status === ExchangeStatus.Published) needsDescription(merged);
      Object.assign(current, merged);
    });
  }

  publish(actor: Actor, id: string, now = new Date()): Promise<OfferEntity> {
    return this.lifecycle.publish(actor, id, now);
  }

  close(actor: Actor, id: string): Promise<OfferEntity> {
    return this.lifecycle.close(actor, id);
  }

  get(actor: Actor, id: string): Promise<OfferEntity> {
    return this.lifecycle.get(actor, id);
  }

  list(actor: Actor, request: PageRequest): Promise<Page<OfferEntity>> {
    return this.lifecycle.list(actor, request);
  }

  /** The actor's own offers in every status (drafts, published, closed); none without a creative profile. */
  listMine(actor: Actor, request: PageRequest): Promise<Page<OfferEntity>> {
    const own = actor.creativeProfileId;
    if (!own) return this.lifecycle.listOwn(request, () => 'false');
    return this.lifecycle.listOwn(request, (qb) => (qb.setParameter('ownProfile', own), 'row.creative_profile_id = :ownProfile'));
  }
}

function validate(command: OfferCommand) {
  return {
    kind: command.kind,
    ...texts(command.title, command.description),
    domains: Taxonomy.codes(Vocabulary.Domain, command.domains, 'domains'),
    crafts: Taxonomy.codes(Vocabulary.Craft, command.crafts, 'crafts'),
    techniques: Taxonomy.codes(Vocabulary.Technique, command.techniques, 'techniques'),
    materials: Taxonomy.codes(Vocabulary.Material, command.materials, 'materials'),
    priceFromEur: euros(command.priceFromEur, 'priceFromEur'),
  };
}
