import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountEntity } from '@app/database';
import { type Actor, OPERATOR, SessionsService } from '@app/identity';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from '@app/marketplace';
import type { DataSource } from 'typeorm';
import { ljubljanaDate } from '../events/event.rules.js';
import { EventsService } from '../events/events.service.js';
import { RegistrationService } from '../registration/registration.service.js';
import { MeetingRequestsService } from '../requests/meeting-requests.service.js';
import { ScheduleRunner } from '../runs/schedule-meetings.handler.js';
import { ScheduleRunsService } from '../runs/schedule-runs.service.js';
import { KOVACNICA_EVENT } from './kovacnica-event.js';

const MARKER = 'demo-event-seeded';

export interface EventSeedReport {
  seeded: boolean;
  eventId?: string;
  participants?: number;
  requests?: number;
  scheduled?: number;
}

/**
 * Development-only: the demo match-making event at Kovačnica, run through the services like the
 * real thing: the demo organiser creates and publishes it, participants register with their
 * availability, requests are sent and answered, the scheduler places the accepted meetings and the
 * schedule is published. Needs the demo catalogue and demo accounts (DemoSeeder with activity).
 */
@Injectable()
export class EventDemoSeeder {
  private readonly logger = new Logger(EventDemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly events: EventsService,
    private readonly registration: RegistrationService,
    private readonly requests: MeetingRequestsService,
    private readonly runs: ScheduleRunsService,
    private readonly scheduler: ScheduleRunner,
  ) {}

  async seedOnce(now = new Date()): Promise<EventSeedReport> {
    const [marker] = (await this.dataSource.query(`SELECT 1 FROM app_meta WHERE key = $1`, [MARKER])) as unknown[];
    if (marker) return { seeded: false };
    const organiserEmail = DEMO_ACCOUNTS.find((a) => a.key === 'organiser')?.email;
    const organiserAccount = organiserEmail ? await this.dataSource.getRepository(AccountEntity).findOneBy({ email: organiserEmail }) : null;
    if (!organiserAccount) {
      this.logger.warn('demo event not seeded: the demo organiser account is missing (demo activity is off)');
      return { seeded: false };
    }
    const organiser = await this.sessions.actorFor(organiserAccount);
    const e = KOVACNICA_EVENT;
    const orgId = await this.organisationIds();
    const day = ljubljanaDate(new Date(now.getTime() + e.daysAhead * 24 * 3600_000));
    const event = await this.events.create(organiser, {
      title: e.title, description: e.description, hostOrganisationId: orgId(e.hostKey), venueOrganisationId: orgId(e.venueKey), venueAddress: e.venueAddress,
      eventDate: day, registrationOpensAt: new Date(now.getTime() - 3600_000), registrationClosesAt: localTime(day, '08:00'), capacity: e.capacity,
      requiresApproval: false, participationTypes: [...e.participationTypes], contactRules: e.contactRules, maxRequestsPerParticipant: e.maxRequestsPerParticipant, maxMeetingsPerSession: e.maxMeetingsPerSession,
      sessions: e.sessions.map((s) => ({
        name: s.name, startsAt: localTime(day, s.start), endsAt: localTime(day, s.end), slotMinutes: s.slotMinutes, tables: s.tables,
        breaks: s.breaks.map((b) => ({ startsAt: localTime(day, b.start), endsAt: localTime(day, b.end) })),
      })),
    });
    await this.events.publish(organiser, event.id, now);
    const { slots } = await this.events.structure(event.id);
    const availableExcept = (unavailable: readonly number[]) => slots.filter((s) => !unavailable.includes(s.position)).map((s) => s.id);

    const participantOf = new Map<string, string>();
    for (const o of e.organisations) {
      const p = await this.registration.register(OPERATOR, event.id, { organisationId: orgId(o.key), participationType: o.type, seeksText: o.seeks, availableSlotIds: availableExcept(o.unavailable) }, now);
      participantOf.set(o.key, p.id);
    }
    const profiles = (await this.dataSource.query(`SELECT id, display_name FROM creative_profile WHERE is_demo AND display_name = ANY($1::text[])`, [e.creatives.map((c) => c.name)])) as { id: string; display_name: string }[];
    const profileId = new Map(profiles.map((p) => [p.display_name, p.id]));
    for (const c of e.creatives) {
      const id = profileId.get(c.name);
      if (!id) throw new Error(`demo creative '${c.name}' not found`);
      const p = await this.registration.register(await this.creativeActor(id), event.id, { creativeProfileId: id, participationType: c.type, offersText: c.offers, availableSlotIds: availableExcept(c.unavailable) }, now);
      participantOf.set(c.name, p.id);
    }

    const sent: { id: string; answer: string }[] = [];
    for (const [from, to, answer] of e.requests) {
      const request = await this.requests.send(OPERATOR, event.id, { toParticipantId: participantOf.get(to) as string, asParticipantId: participantOf.get(from) as string, message: null }, now);
      sent.push({ id: request.id, answer });
    }
    for (const r of sent) {
      if (r.answer === 'accept' || r.answer === 'decline') {
        const [row] = (await this.dataSource.query(`SELECT status FROM meeting_request WHERE id = $1`, [r.id])) as { status: string }[];
        if (row.status === 'PENDING') await this.requests.respond(OPERATOR, r.id, r.answer === 'accept', now);
      }
    }
    const run = await this.runs.start(organiser, event.id);
    await this.scheduler.execute(run.id);
    await this.runs.publish(organiser, event.id, now);
    await this.dataSource.query(`INSERT INTO app_meta (key, value) VALUES ($1, to_jsonb(now())) ON CONFLICT (key) DO NOTHING`, [MARKER]);
    await this.dataSource.query(`UPDATE event SET is_demo = true WHERE id = $1`, [event.id]);
    const [{ scheduled }] = (await this.dataSource.query(`SELECT count(*)::int AS scheduled FROM event_meeting WHERE event_id = $1`, [event.id])) as { scheduled: number }[];
    // A send that answers a request in the other direction accepts it as mutual instead of adding one.
    const requests = new Set(sent.map((r) => r.id)).size;
    this.logger.log(`demo event at Kovačnica on ${day}: ${participantOf.size} participants, ${requests} requests (${sent.length} sends), ${scheduled} meetings scheduled`);
    return { seeded: true, eventId: event.id, participants: participantOf.size, requests, scheduled };
  }

  private async organisationIds(): Promise<(key: string) => string> {
    const rows = (await this.dataSource.query(`SELECT id, name FROM organisation WHERE is_demo`)) as { id: string; name: string }[];
    const byName = new Map(rows.map((r) => [r.name, r.id]));
    return (key: string) => {
      const name = DEMO_ORGANISATIONS.find((o) => o.key === key)?.name;
      const id = name ? byName.get(name) : undefined;
      if (!id) throw new Error(`demo organisation '${key}' not found`);
      return id;
    };
  }

  /** The creative themselves where the demo has their login; the operator registers the others on their behalf. */
  private async creativeActor(profileId: string): Promise<Actor> {
    const [row] = (await this.dataSource.query(`SELECT account_id FROM creative_profile WHERE id = $1`, [profileId])) as { account_id: string | null }[];
    const account = row?.account_id ? await this.dataSource.getRepository(AccountEntity).findOneBy({ id: row.account_id }) : null;
    return account ? this.sessions.actorFor(account) : OPERATOR;
  }
}

/** An instant from a Slovenian calendar day and wall-clock time (CET or CEST, whichever applies that day). */
export function localTime(day: string, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  const [y, mo, d] = day.split('-').map(Number);
  for (const offset of [1, 2]) {
    const at = new Date(Date.UTC(y, mo - 1, d, h - offset, m));
    const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Ljubljana', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    if (shown === hhmm && ljubljanaDate(at) === day) return at;
  }
  throw new Error(`no such local time ${day} ${hhmm}`);
}
