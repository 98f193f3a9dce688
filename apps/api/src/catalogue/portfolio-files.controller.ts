import { Controller, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MarketplaceException, PortfolioService } from '@app/marketplace';
import { SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import type { PortfolioItem } from './catalogue.types.js';
import { toPortfolioItem } from './creatives.resolver.js';

/**
 * Portfolio images over plain HTTP (multipart field "file"; PNG, JPEG or WebP recognised by
 * content, at most MAX_PORTFOLIO_IMAGE_BYTES). A new image replaces the item's old one. The image
 * downloads from GET /attachments/{id}, public while the profile is.
 */
@Controller()
export class PortfolioFilesController {
  constructor(private readonly portfolio: PortfolioService) {}

  @SignedIn()
  @Post('portfolio-items/:id/image')
  @UseInterceptors(FileInterceptor('file'))
  async upload(@Param('id') itemId: string, @UploadedFile() file: Express.Multer.File | undefined, @CurrentActor() actor: Actor): Promise<PortfolioItem> {
    if (!file) throw MarketplaceException.invalid('file', 'send the image as multipart form field "file"');
    return toPortfolioItem(await this.portfolio.setImage(actor, itemId, { originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'), bytes: file.buffer }));
  }
}
