import { Controller, Get, Res } from '@nestjs/common';
import { PersonalDataService } from '@app/marketplace';
import type { Response } from 'express';
import { SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { attachmentDisposition } from '../http/content-disposition.js';

/** The personal data export as a file download (GDPR Art. 15 and 20); GraphQL has it as myDataExport. */
@Controller()
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @SignedIn()
  @Get('account/export')
  async export(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const document = await this.personalData.export(actor);
    // The date as people in Gorenjska read it, not UTC.
    const day = new Date(document.exportedAt).toLocaleDateString('sv-SE', { timeZone: 'Europe/Ljubljana' });
    res.set({
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`modrotisk-export-${day}.json`),
      // Personal data: never kept by a browser or proxy cache.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(JSON.stringify(document, null, 2));
  }
}
