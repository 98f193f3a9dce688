import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AttachmentEntity } from '@app/database';
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { MarketplaceErrorCode, MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { ChallengeStatus } from '../reference/index.js';
import { ACCEPTED_TYPES, detectType, safeFileName } from './file-types.js';

export const MAX_ATTACHMENTS_PER_CHALLENGE = 20;

export interface OpenAttachment {
  attachment: AttachmentEntity;
  stream: fs.ReadStream;
}

/** Challenge attachments on local disk (DATA_DIR/attachments/<id>), metadata in PostgreSQL. */
@Injectable()
export class AttachmentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly challenges: ChallengeRepository,
  ) {}

  get maxBytes(): number {
    return this.config.attachments.maxBytes;
  }

  /** Stores a file for a challenge after checking its size, its real type and the per-challenge limit. */
  async addToChallenge(challengeId: string, file: { originalName: string; bytes: Buffer }): Promise<AttachmentEntity> {
    const challenge = isUuid(challengeId) ? await this.challenges.findById(challengeId) : null;
    if (!challenge) throw MarketplaceException.notFound('Challenge', challengeId);
    if (file.bytes.length === 0) throw MarketplaceException.invalid('file', 'the file is empty');
    if (file.bytes.length > this.maxBytes) throw MarketplaceException.invalid('file', `the file is larger than ${this.maxBytes} bytes`);
    const type = detectType(file.bytes);
    if (!type) {
      throw MarketplaceException.invalid('file', `only ${ACCEPTED_TYPES.map((t) => t.extension.toUpperCase()).join(', ')} files are accepted (recognised by content, not name)`);
    }
    const repo = this.dataSource.getRepository(AttachmentEntity);
    if ((await repo.countBy({ ownerType: 'challenge', ownerId: challengeId })) >= MAX_ATTACHMENTS_PER_CHALLENGE) {
      throw new MarketplaceException(MarketplaceErrorCode.InvalidState, `a challenge has at most ${MAX_ATTACHMENTS_PER_CHALLENGE} attachments`);
    }
    const id = randomUUID();
    this.write(id, file.bytes);
    try {
      return await repo.save(repo.create({
        id, ownerType: 'challenge', ownerId: challengeId, fileName: safeFileName(file.originalName, type.extension),
        contentType: type.contentType, sizeBytes: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex'),
      }));
    } catch (error) {
      fs.rmSync(this.pathOf(id), { force: true });
      throw error;
    }
  }

  /** Attachments of many challenges, oldest first. */
  forChallenges(challengeIds: readonly string[]): Promise<AttachmentEntity[]> {
    if (challengeIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AttachmentEntity).createQueryBuilder('a')
      .where("a.owner_type = 'challenge' AND a.owner_id IN (:...ids)", { ids: challengeIds })
      .orderBy('a.created_at').addOrderBy('a.id').getMany();
  }

  /** The file, if the caller may see its challenge (drafts: operator only). */
  async open(id: string, includeDrafts: boolean): Promise<OpenAttachment> {
    const attachment = isUuid(id) ? await this.dataSource.getRepository(AttachmentEntity).findOneBy({ id }) : null;
    const challenge = attachment ? await this.challenges.findById(attachment.ownerId) : null;
    if (!attachment || !challenge || (!includeDrafts && challenge.status === ChallengeStatus.Draft) || !fs.existsSync(this.pathOf(id))) {
      throw MarketplaceException.notFound('Attachment', id);
    }
    return { attachment, stream: fs.createReadStream(this.pathOf(id)) };
  }

  async remove(id: string): Promise<void> {
    const repo = this.dataSource.getRepository(AttachmentEntity);
    const attachment = isUuid(id) ? await repo.findOneBy({ id }) : null;
    if (!attachment) throw MarketplaceException.notFound('Attachment', id);
    await repo.delete({ id });
    fs.rmSync(this.pathOf(id), { force: true });
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
