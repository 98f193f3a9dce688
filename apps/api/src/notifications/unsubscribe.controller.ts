import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { NotificationCategory, PreferencesService } from '@app/notifications';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators.js';
import { escapeHtml as esc, sendHtmlPage as page } from '../http/html-page.js';
import { singleQueryValue } from '../http/query.js';

const NAMES: Record<NotificationCategory, { sl: string; en: string }> = {
  [NotificationCategory.Matches]: { sl: 'novi izzivi in potrebe za vas', en: 'new challenges and needs for you' },
  [NotificationCategory.Profiles]: { sl: 'novi ustvarjalci za vaše izzive', en: 'new creatives for your challenges' },
  [NotificationCategory.Deadlines]: { sl: 'opomniki na roke', en: 'deadline reminders' },
  [NotificationCategory.Proposals]: { sl: 'odločitve o vaših predlogih', en: 'decisions on your proposals' },
  [NotificationCategory.Received]: { sl: 'prejeti predlogi za izzive vaše organizacije', en: "proposals received on your organisation's challenges" },
  [NotificationCategory.Questions]: { sl: 'vprašanja in odgovori', en: 'questions and answers' },
  [NotificationCategory.Invitations]: { sl: 'vabila k izzivom', en: 'invitations to challenges' },
  [NotificationCategory.Compliance]: { sl: 'letni javni izziv občine', en: "the municipality's yearly challenge" },
  [NotificationCategory.Events]: { sl: 'match-making dogodki (prijave, sestanki, urniki)', en: 'match-making events (registrations, meetings, agendas)' },
  [NotificationCategory.Support]: { sl: 'podporni ukrepi in razpisi za vas', en: 'support measures and calls for you' },
};

const INVALID = '<p>Ta povezava za odjavo ni veljavna. / This unsubscribe link is not valid.</p>';

/**
 * The unsubscribe link of every mail, without signing in. GET shows what the link turns off and a
 * button (mail scanners that open links must not unsubscribe anyone); POST does it, and is also
 * the RFC 8058 one-click target of the List-Unsubscribe-Post header.
 */
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly preferences: PreferencesService) {}

  @Public()
  @Get()
  show(@Query('token') raw: unknown, @Res() res: Response): void {
    // A repeated or structured parameter is an invalid link, not an error (see http/query.ts).
    const token = singleQueryValue(raw);
    const categories = typeof token === 'string' ? this.preferences.peek(token) : null;
    if (!categories) {
      page(res, 400, INVALID);
      return;
    }
    const what = categories.map((c) => `${esc(NAMES[c].sl)} / ${esc(NAMES[c].en)}`).join('<br>');
    page(res, 200, `<h1>Odjava / Unsubscribe</h1><p>${what}</p>
<form method="post" action="?token=${esc(encodeURIComponent(token ?? ''))}"><button type="submit">Odjavi me / Unsubscribe me</button></form>`);
  }

  @Public()
  @Post()
  @HttpCode(200)
  async unsubscribe(@Query('token') raw: unknown, @Req() _req: Request, @Res() res: Response): Promise<void> {
    const token = singleQueryValue(raw);
    const categories = typeof token === 'string' ? await this.preferences.unsubscribe(token) : null;
    if (!categories) {
      page(res, 400, INVALID);
      return;
    }
    page(res, 200, `<h1>Odjavljeni / Unsubscribed</h1><p>${categories.map((c) => `${esc(NAMES[c].sl)} / ${esc(NAMES[c].en)}`).join('<br>')}</p>
<p>Nastavitve lahko kadar koli spremenite v svojem profilu. / You can change this any time in your profile.</p>`);
  }
}
