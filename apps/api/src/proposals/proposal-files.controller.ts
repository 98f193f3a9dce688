import { Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { AwardsService, MarketplaceException, ProposalsService } from '@app/marketplace';
import type { Response } from 'express';
import { OrganiserOnly, SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import type { AttachmentView } from '../catalogue/attachments.controller.js';
import { attachmentDisposition } from '../http/content-disposition.js';

/** Proposal files (authors upload; the confidential circle downloads via GET /attachments/{id}) and the outcome report. */
@Controller()
export class ProposalFilesController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly awards: AwardsService,
  ) {}

  @SignedIn()
  @Post('proposals/:id/attachments')
  @UseInterceptors(FileInterceptor('file'))
  async upload(@Param('id') proposalId: string, @UploadedFile() file: Express.Multer.File | undefined, @CurrentActor() actor: Actor): Promise<AttachmentView> {
    if (!file) throw MarketplaceException.invalid('file', 'send the file as multipart form field "file"');
    const saved = await this.proposals.addAttachment(actor, proposalId, { originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'), bytes: file.buffer });
    return { id: saved.id, fileName: saved.fileName, contentType: saved.contentType, sizeBytes: saved.sizeBytes, sha256: saved.sha256, url: `/attachments/${saved.id}` };
  }

  @OrganiserOnly()
  @Get('reports/outcomes.csv')
  async outcomes(@Query('year') year: string | undefined, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const parsed = /^\d{4}$/.test(year ?? '') ? Number(year) : NaN;
    if (Number.isNaN(parsed)) throw MarketplaceException.invalid('year', 'give the year as ?year=YYYY');
    const csv = await this.awards.outcomesCsv(actor, parsed);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`modrotisk-outcomes-${parsed}.csv`),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(`\uFEFF${csv}`);
  }
}
