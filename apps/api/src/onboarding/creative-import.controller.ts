import { BadRequestException, Body, Controller, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { CreativeInvitationsService, ImportFormat, type ImportReport } from '@app/marketplace';
import { OrganiserOnly } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';

export const CREATIVE_IMPORT_PATH = '/creative-invitations/import';

/**
 * The import as a file upload, for files larger than a GraphQL request may be (its body is limited
 * to 100 kB): POST the CSV (`text/csv`) or JSON (`application/json`) as the body, up to the import's
 * own limits (2,000 rows, 2 MB; see http-setup for this path's body parser). `?dryRun=true` checks
 * without inviting; `?note=` is the importer's words to the people. Answers the same report as
 * importCreativeProfiles.
 */
@Controller()
export class CreativeImportController {
  constructor(private readonly invitations: CreativeInvitationsService) {}

  @OrganiserOnly()
  @Post(CREATIVE_IMPORT_PATH)
  @HttpCode(200)
  import(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Query('dryRun') dryRun: string | undefined,
    @Query('note') note: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ImportReport> {
    if (typeof body !== 'string') throw new BadRequestException('send the file as the request body, with Content-Type text/csv or application/json');
    const format = /^application\/json/i.test(contentType ?? '') ? ImportFormat.Json : ImportFormat.Csv;
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') throw new BadRequestException('dryRun is true or false');
    return this.invitations.import(actor, { format, content: body, dryRun: dryRun === 'true', note: note ?? null });
  }
}
