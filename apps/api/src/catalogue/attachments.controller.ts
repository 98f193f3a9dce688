import { Controller, Delete, Get, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { AttachmentsService, MarketplaceException } from '@app/marketplace';
import type { Response } from 'express';
import { SignedIn, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { attachmentDisposition } from '../http/content-disposition.js';

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  url: string;
}

/** Files over plain HTTP (multipart upload, streamed download); GraphQL lists them on the challenge. */
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @SignedIn()
  @Post('challenges/:id/attachments')
  @UseInterceptors(FileInterceptor('file'))
  async upload(@Param('id') challengeId: string, @UploadedFile() file: Express.Multer.File | undefined, @CurrentActor() actor: Actor): Promise<AttachmentView> {
    if (!file) throw MarketplaceException.invalid('file', 'send the file as multipart form field "file"');
    const saved = await this.attachments.addToChallenge(actor, challengeId, { originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'), bytes: file.buffer });
    return { id: saved.id, fileName: saved.fileName, contentType: saved.contentType, sizeBytes: saved.sizeBytes, sha256: saved.sha256, url: `/attachments/${saved.id}` };
  }

  @Public()
  @Get('attachments/:id')
  async download(@Param('id') id: string, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const { attachment, fileName, stream } = await this.attachments.open(actor, id);
    res.set({
      'Content-Type': attachment.contentType,
      'Content-Length': String(attachment.sizeBytes),
      'Content-Disposition': attachmentDisposition(fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=300',
    });
    stream.pipe(res);
  }

  @SignedIn()
  @Delete('attachments/:id')
  @HttpCode(204)
  async remove(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.attachments.remove(actor, id);
  }
}
