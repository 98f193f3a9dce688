import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { AttachmentEntity, PortfolioItemEntity } from '@app/database';
import { type Actor, isAdmin } from '@app/identity';
import { SearchableType } from '@app/jobs';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { refuse, requireVerified } from '../common/access.js';
import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { CreativeProfileRepository } from './creative-profile.repository.js';
import { PortfolioRepository } from './portfolio.repository.js';

export const MAX_PORTFOLIO_ITEMS = 30;
const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;

export interface PortfolioItemCommand {
  title: Partial<LocalizedText>;
  /** Plain text: stored and shown as written, never as markup. */
  description?: Partial<LocalizedText> | null;
  link?: string | null;
  year?: number | null;
  /** Who it was made for. */
  client?: string | null;
}

/** A portfolio item with its image (null: none). */
export interface PortfolioItemWithImage {
  item: PortfolioItemEntity;
  image: AttachmentEntity | null;
}

/**
 * Portfolio items of the caller's own creative profile: texts, an optional link, an optional
 * image (PNG, JPEG or WebP, recognised by content, under its own size limit), an order. Public
 * with the profile; only its owner (or an admin) changes them.
 */
@Injectable()
export class PortfolioService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly items: PortfolioRepository,
    private readonly profiles: CreativeProfileRepository,
    private readonly attachments: AttachmentsService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Items of many profiles with their images, each profile's in its order (erased profiles have none left). */
  async forProfiles(profileIds: readonly string[]): Promise<Map<string, PortfolioItemWithImage[]>> {
    const items = await this.items.forProfiles(profileIds);
    const images = new Map((await this.items.imagesOf(items.map((i) => i.id))).map((a) => [a.ownerId, a]));
    const byProfile = new Map<string, PortfolioItemWithImage[]>(profileIds.map((id) => [id, []]));
    for (const item of items) byProfile.get(item.creativeProfileId)?.push({ item, image: images.get(item.id) ?? null });
    return byProfile;
  }

  async add(actor: Actor, command: PortfolioItemCommand): Promise<PortfolioItemWithImage> {
    requireVerified(actor);
    const profileId = actor.creativeProfileId;
    if (!profileId) throw MarketplaceException.forbidden('create your creative profile first');
    const values = validate(command);
    const item = await this.unitOfWork.run(async (manager, touch) => {
      const profile = await this.profiles.findForUpdate(manager, profileId);
      if (!profile || profile.erasedAt) throw MarketplaceException.notFound('Creative profile', profileId);
      const existing = await this.items.lockedOfProfile(manager, profileId);
      if (existing.length >= MAX_PORTFOLIO_ITEMS) throw MarketplaceException.invalidState(`a portfolio holds at most ${MAX_PORTFOLIO_ITEMS} items`);
      const position = existing.reduce((max, i) => Math.max(max, i.position + 1), 0);
      // The portfolio is matching evidence: the profile's search document holds its text.
      touch(SearchableType.Creative, profileId);
      return this.items.save(manager, { ...values, creativeProfileId: profileId, position });
    });
    return { item, image: null };
  }

  async update(actor: Actor, id: string, command: PortfolioItemCommand): Promise<PortfolioItemWithImage> {
    const values = validate(command);
    const item = await this.unitOfWork.run(async (manager, touch) => {
      const current = await this.ownItemForUpdate(actor, id, manager);
      touch(SearchableType.Creative, current.creativeProfileId);
      return this.items.save(manager, Object.assign(current, values));
    });
    return { item, image: (await this.items.imagesOf([item.id]))[0] ?? null };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const files = await this.unitOfWork.run(async (manager, touch) => {
      const current = await this.ownItemForUpdate(actor, id, manager);
      touch(SearchableType.Creative, current.creativeProfileId);
      const images = await this.items.deleteImages(manager, [id]);
      await this.items.delete(manager, id);
      return images;
    });
    this.attachments.discardFiles(files);
  }

  /** `ids`: every item of the profile, once each, in the new order. */
  async reorder(actor: Actor, ids: readonly string[]): Promise<PortfolioItemWithImage[]> {
    const profileId = actor.creativeProfileId;
    if (!profileId) throw MarketplaceException.forbidden('create your creative profile first');
    await this.unitOfWork.run(async (manager) => {
      const existing = await this.items.lockedOfProfile(manager, profileId);
      const known = new Set(existing.map((i) => i.id));
      if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
        throw MarketplaceException.invalid('ids', 'give every item of your portfolio exactly once, in the new order');
      }
      await this.items.saveOrder(manager, ids);
    });
    return (await this.forProfiles([profileId])).get(profileId) ?? [];
  }

  /** Stores (or replaces) the item's image; the replaced file leaves the disk after commit. */
  async setImage(actor: Actor, id: string, file: { originalName: string; bytes: Buffer }): Promise<PortfolioItemWithImage> {
    await this.ownItem(actor, id);
    const replaced: string[] = [];
    const image = await this.attachments.store('portfolio_item', id, file, async (manager) => {
      replaced.length = 0;
      replaced.push(...(await this.items.deleteImages(manager, [id])));
    }, { maxBytes: this.config.attachments.maxImageBytes, imagesOnly: true });
    this.attachments.discardFiles(replaced);
    const item = await this.items.findById(id);
    if (!item) throw MarketplaceException.notFound('Portfolio item', id);
    return { item, image };
  }

  async removeImage(actor: Actor, id: string): Promise<PortfolioItemWithImage> {
    const { item, files } = await this.unitOfWork.run(async (manager) => {
      const current = await this.ownItemForUpdate(actor, id, manager);
      return { item: current, files: await this.items.deleteImages(manager, [id]) };
    });
    this.attachments.discardFiles(files);
    return { item, image: null };
  }

  private async ownItem(actor: Actor, id: string): Promise<PortfolioItemEntity> {
    const item = isUuid(id) ? await this.items.findById(id) : null;
    return this.checkOwn(actor, id, item);
  }

  private async ownItemForUpdate(actor: Actor, id: string, manager: Parameters<PortfolioRepository['findForUpdate']>[0]): Promise<PortfolioItemEntity> {
    const item = isUuid(id) ? await this.items.findForUpdate(manager, id) : null;
    return this.checkOwn(actor, id, item);
  }

  /** Items are public with their (live) profile: others get FORBIDDEN; a missing one NOT_FOUND. */
  private checkOwn(actor: Actor, id: string, item: PortfolioItemEntity | null): PortfolioItemEntity {
    if (!item) throw MarketplaceException.notFound('Portfolio item', id);
    if (item.creativeProfileId !== actor.creativeProfileId && !isAdmin(actor)) throw refuse(true, 'Portfolio item', id);
    return item;
  }
}

function validate(command: PortfolioItemCommand) {
  const titleSl = clean(command.title?.sl);
  const titleEn = clean(command.title?.en);
  if (!titleSl && !titleEn) throw MarketplaceException.invalid('title', 'give the title in Slovenian or English');
  if ((titleSl?.length ?? 0) > TITLE_MAX || (titleEn?.length ?? 0) > TITLE_MAX) throw MarketplaceException.invalid('title', `a title has at most ${TITLE_MAX} characters`);
  const descriptionSl = plain(command.description?.sl);
  const descriptionEn = plain(command.description?.en);
  if ((descriptionSl?.length ?? 0) > DESCRIPTION_MAX || (descriptionEn?.length ?? 0) > DESCRIPTION_MAX) {
    throw MarketplaceException.invalid('description', `a description has at most ${DESCRIPTION_MAX} characters`);
  }
  const link = clean(command.link);
  if (link && !isWebLink(link)) throw MarketplaceException.invalid('link', 'the link must be a web address starting with http:// or https://');
  const year = command.year ?? null;
  if (year !== null && (!Number.isInteger(year) || year < 1900 || year > new Date().getFullYear() + 1)) {
    throw MarketplaceException.invalid('year', `the year must be between 1900 and ${new Date().getFullYear() + 1}`);
  }
  const client = clean(command.client);
  if ((client?.length ?? 0) > TITLE_MAX) throw MarketplaceException.invalid('client', `the client has at most ${TITLE_MAX} characters`);
  return { titleSl, titleEn, descriptionSl, descriptionEn, link, year, client };
}

/** Plain text: trimmed, control characters other than line breaks and tabs removed. */
function plain(value: string | null | undefined): string | null {
  // eslint-disable-next-line no-control-regex
  return clean(value?.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
}

function isWebLink(value: string): boolean {
  if (value.length > 500) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
