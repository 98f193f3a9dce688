import { Controller, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MarketplaceException, OrganisationsService } from '@app/marketplace';
import { SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import type { OrganisationLogo } from './catalogue.types.js';

/**
 * Organisation logos over plain HTTP (multipart field "file"; PNG, JPEG or WebP recognised by
 * content, at most MAX_PORTFOLIO_IMAGE_BYTES). Owners and editors; a new logo replaces the old
 * one. The logo downloads from GET /attachments/{id}, public like the organisation.
 */
@Controller()
export class OrganisationFilesController {
  constructor(private readonly organisations: OrganisationsService) {}

  @SignedIn()
  @Post('organisations/:id/logo')
  @UseInterceptors(FileInterceptor('file'))
  async upload(@Param('id') organisationId: string, @UploadedFile() file: Express.Multer.File | undefined, @CurrentActor() actor: Actor): Promise<OrganisationLogo> {
    if (!file) throw MarketplaceException.invalid('file', 'send the image as multipart form field "file"');
    const logo = await this.organisations.setLogo(actor, organisationId, { originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'), bytes: file.buffer });
    return { id: logo.id, contentType: logo.contentType, sizeBytes: logo.sizeBytes, url: `/attachments/${logo.id}` };
  }
}
