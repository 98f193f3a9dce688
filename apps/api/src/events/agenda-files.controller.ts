import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { AgendaService } from '@app/events';
import type { Response } from 'express';
import { SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { attachmentDisposition } from '../http/content-disposition.js';

/** Agendas as files: a participant's iCalendar, the organiser's grid as CSV. */
@Controller()
export class AgendaFilesController {
  constructor(private readonly agenda: AgendaService) {}

  @SignedIn()
  @Get('events/:id/agenda.ics')
  async ics(@Param('id') eventId: string, @Query('participantId') participantId: string | undefined, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const body = await this.agenda.agendaIcs(actor, eventId, typeof participantId === 'string' ? participantId : null);
    res.set({
      'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': attachmentDisposition('modrotisk-agenda.ics'), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff',
    });
    res.send(body);
  }

  @SignedIn()
  @Get('events/:id/schedule.csv')
  async csv(@Param('id') eventId: string, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const body = await this.agenda.gridCsv(actor, eventId);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachmentDisposition('modrotisk-schedule.csv'), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff',
    });
    // A byte-order mark so spreadsheet programs read č, š and ž correctly.
    res.send(`\uFEFF${body}`);
  }
}
