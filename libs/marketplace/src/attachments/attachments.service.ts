import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AttachmentEntity } from '@app/database';
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, canEditFor, isAdmin } from '@app/identity';
import { refuse } from '../common/access.js';
import { canSeeChallenge } from '../challenges/challenges.service.js';
import { ProposalVisibility } from '../proposals/proposal-visibility.js';
import { ProposalView } from '../proposals/proposal.rules.js';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { MarketplaceErrorCode, MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { ACCEPTED_TYPES, detectType, safeFileName } from './file-types.js';

export const MAX_ATTACHMENTS_PER_CHALLENGE = 20;

export type AttachmentOwnerType = 'challenge' | 'proposal' | 'portfolio_item' | 'organisation_logo';

/** The row an attachment belongs to: locked while the cap is checked. */
const OWNER_TABLE: Readonly<Record<AttachmentOwnerType, string>> = {
  challenge: 'challenge', proposal: 'proposal', portfolio_item: 'creative_portfolio_item', organisation_logo: 'organisation',
};
const OWNER_NAME: Readonly<Record<AttachmentOwnerType, string>> = { challenge: 'Challenge', proposal: 'Proposal', portfolio_item: 'Portfolio item', organisation_logo: 'Organisation' };

/** What a stored file may be: portfolio images are images only, under their own size limit. */
export interface StoreOptions {
  maxBytes?: number;
  imagesOnly?: boolean;
}

export interface OpenAttachment {
  attachment: AttachmentEntity;
  /** The name to show: jurors get a blind one (e.g. "P-7KQ2-1.pdf"). */
  fileName: string;
  stream: fs.ReadStream;
}

/** Challenge attachments on local disk (DATA_DIR/attachments/<id>), metadata in PostgreSQL. */
@Injectable()
export class AttachmentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly challenges: ChallengeRepository,
    private readonly proposals: ProposalVisibility,
  ) {}

  get maxBytes(): number {
    return this.config.attachments.maxBytes;
  }

  /** Stores a file for a challenge after checking its size, its real type and the per-challenge limit. */
  async addToChallenge(actor: Actor, challengeId: string, file: { originalName: string; bytes: Buffer }): Promise<AttachmentEntity> {
    const challenge = isUuid(challengeId) ? await this.challenges.findById(challengeId) : null;
    if (!challenge) throw MarketplaceException.notFound('Challenge', challengeId);
    if (!canEditFor(actor, challenge.ownerOrganisationId)) throw refuse(canSeeChallenge(actor, challenge), 'Challenge', challengeId);
    return this.store('challenge', challengeId, file);
  }

  /**
   * Stores a file for an owner the caller was already authorised for. The owner's row is locked
   * (SELECT ... FOR UPDATE) for the count and the insert, so parallel uploads cannot overrun the
   * cap; `underLock` re-checks the owner's state under that lock. The file is written before the
   * transaction (a retried transaction only re-inserts the row) and removed if no row was stored.
   */
  async store(
    ownerType: AttachmentOwnerType, ownerId: string, file: { originalName: string; bytes: Buffer },
    underLock?: (manager: EntityManager) => Promise<void>,
    options: StoreOptions = {},
  ): Promise<AttachmentEntity> {
    const maxBytes = options.maxBytes ?? this.maxBytes;
    if (file.bytes.length === 0) throw MarketplaceException.invalid('file', 'the file is empty');
    if (file.bytes.length > maxBytes) throw MarketplaceException.invalid('file', `the file is larger than ${maxBytes} bytes`);
    const accepted = options.imagesOnly ? ACCEPTED_TYPES.filter((t) => t.contentType.startsWith('image/')) : ACCEPTED_TYPES;
    const type = detectType(file.bytes);
    if (!type || !accepted.includes(type)) {
      throw MarketplaceException.invalid('file', `only ${accepted.map((t) => t.extension.toUpperCase()).join(', ')} files are accepted (recognised by content, not name)`);
    }
    const id = randomUUID();
    this.write(id, file.bytes);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const owner = (await manager.query(`SELECT id FROM ${OWNER_TABLE[ownerType]} WHERE id = $1 FOR UPDATE`, [ownerId])) as unknown[];
        if (owner.length === 0) throw MarketplaceException.notFound(OWNER_NAME[ownerType], ownerId);
        await underLock?.(manager);
        const repo = manager.getRepository(AttachmentEntity);
        if ((await repo.countBy({ ownerType, ownerId })) >= MAX_ATTACHMENTS_PER_CHALLENGE) {
          throw new MarketplaceException(MarketplaceErrorCode.InvalidState, `a ${ownerType} has at most ${MAX_ATTACHMENTS_PER_CHALLENGE} attachments`);
        }
        return repo.save(repo.create({
          id, ownerType, ownerId, fileName: safeFileName(file.originalName, type.extension),
          contentType: type.contentType, sizeBytes: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex'),
        }));
      });
    } catch (error) {
      fs.rmSync(this.pathOf(id), { force: true });
      throw error;
    }
  }

  /** Attachments of many challenges, oldest first. */
  forChallenges(challengeIds: readonly string[]): Promise<AttachmentEntity[]> {
    return this.forOwners('challenge', challengeIds);
  }

  forOwners(ownerType: AttachmentOwnerType, ownerIds: readonly string[]): Promise<AttachmentEntity[]> {
    if (ownerIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AttachmentEntity).createQueryBuilder('a')
      .where('a.owner_type = :ownerType AND a.owner_id IN (:...ids)', { ownerType, ids: ownerIds })
      .orderBy('a.created_at').addOrderBy('a.id').getMany();
  }

  /**
   * The file, if the caller may see what it belongs to: a challenge (drafts: the owner's members)
   * or a proposal (its confidential circle; jurors get a blind file name).
   */
  async open(actor: Actor, id: string): Promise<OpenAttachment> {
    const attachment = isUuid(id) ? await this.dataSource.getRepository(AttachmentEntity).findOneBy({ id }) : null;
    const fileName = attachment ? await this.visibleName(actor, attachment) : null;
    if (!attachment || fileName === null || !fs.existsSync(this.pathOf(id))) throw MarketplaceException.notFound('Attachment', id);
    return { attachment, fileName, stream: fs.createReadStream(this.pathOf(id)) };
  }

  /** The name the caller sees, or null if they may not see the file. */
  async visibleName(actor: Actor, attachment: AttachmentEntity): Promise<string | null> {
    // A logo is public like its organisation (the row goes with the logo, so it exists here).
    if (attachment.ownerType === 'organisation_logo') return attachment.fileName;
    if (attachment.ownerType === 'portfolio_item') {
      // Public with a public profile; an erased profile's items are gone already, this only guards a race.
      const [row] = (await this.dataSource.query(
        `SELECT p.id FROM creative_portfolio_item i JOIN creative_profile p ON p.id = i.creative_profile_id WHERE i.id = $1 AND p.erased_at IS NULL`, [attachment.ownerId],
      )) as { id: string }[];
      return row ? attachment.fileName : null;
    }
    if (attachment.ownerType === 'proposal') {
      const found = await this.proposals.find(actor, attachment.ownerId);
      if (!found) return null;
      if (found.view !== ProposalView.Juror) return attachment.fileName;
      const siblings = await this.forOwners('proposal', [attachment.ownerId]);
      return blindName(found.proposal.blindCode, siblings.findIndex((a) => a.id === attachment.id) + 1, attachment.fileName);
    }
    const challenge = await this.challenges.findById(attachment.ownerId);
    return challenge && canSeeChallenge(actor, challenge) ? attachment.fileName : null;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const repo = this.dataSource.getRepository(AttachmentEntity);
    const attachment = isUuid(id) ? await repo.findOneBy({ id }) : null;
    if (!attachment) throw MarketplaceException.notFound('Attachment', id);
    if (attachment.ownerType === 'organisation_logo') {
      if (!canEditFor(actor, attachment.ownerId)) throw refuse(true, 'Attachment', id, 'remove');
    } else if (attachment.ownerType === 'portfolio_item') {
      const [row] = (await this.dataSource.query(`SELECT creative_profile_id AS "profileId" FROM creative_portfolio_item WHERE id = $1`, [attachment.ownerId])) as { profileId: string }[];
      if (!row) throw MarketplaceException.notFound('Attachment', id);
      if (row.profileId !== actor.creativeProfileId && !isAdmin(actor)) throw refuse(true, 'Attachment', id, 'remove');
    } else if (attachment.ownerType === 'proposal') {
      const found = await this.proposals.find(actor, attachment.ownerId);
      if (!found) throw MarketplaceException.notFound('Attachment', id);
      if (found.view !== ProposalView.Author) throw refuse(true, 'Attachment', id, 'remove');
    } else {
      const challenge = await this.challenges.findById(attachment.ownerId);
      if (!challenge || !canSeeChallenge(actor, challenge)) throw MarketplaceException.notFound('Attachment', id);
      if (!canEditFor(actor, challenge.ownerOrganisationId)) throw refuse(true, 'Attachment', id, 'remove');
    }
    await repo.delete({ id });
    this.discardFiles([id]);
  }

  /** Deletes the rows of one owner's files (in the caller's transaction); returns their ids for discardFiles after commit. */
  async deleteOwned(manager: EntityManager, ownerType: AttachmentOwnerType, ownerId: string): Promise<string[]> {
    const rows = (await manager.query(`DELETE FROM attachment WHERE owner_type = $1 AND owner_id = $2 RETURNING id`, [ownerType, ownerId])) as [{ id: string }[], number];
    return rows[0].map((r) => r.id);
  }

  /** Removes stored files whose rows are gone: call it after the deleting transaction committed. */
  discardFiles(ids: readonly string[]): void {
    for (const id of ids) fs.rmSync(this.pathOf(id), { force: true });
  }

  /** Written to a temporary name and renamed, so a crash never leaves half a file under a real id. */
  private write(id: string, bytes: Buffer): void {
    fs.mkdirSync(this.config.attachments.dir, { recursive: true });
    const temp = `${this.pathOf(id)}.${process.pid}.tmp`;
    fs.writeFileSync(temp, bytes, { mode: 0o640 });
    fs.renameSync(temp, this.pathOf(id));
  }

  private pathOf(id: string): string {
    return path.join(this.config.attachments.dir, id);
  }
}

/** "P-7KQ2-2.pdf": what jurors see instead of the uploaded name. */
export function blindName(blindCode: string, position: number, originalName: string): string {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(originalName)?.[1]?.toLowerCase();
  return `${blindCode}-${position}${extension ? `.${extension}` : ''}`;
}
