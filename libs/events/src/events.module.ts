import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { MarketplaceModule } from '@app/marketplace';
import { AgendaService } from './agenda/agenda.service.js';
import { ParticipantDirectory, ParticipantIndexSync } from './directory/participant-directory.js';
import { EventsService } from './events/events.service.js';
import { RegistrationService } from './registration/registration.service.js';
import { MeetingRequestsService } from './requests/meeting-requests.service.js';
import { ScheduleMeetingsHandler, ScheduleRunner } from './runs/schedule-meetings.handler.js';
import { ScheduleRunsService } from './runs/schedule-runs.service.js';
import { EventDemoSeeder } from './demo/event-demo.seeder.js';

const SERVICES = [EventsService, RegistrationService, MeetingRequestsService, ScheduleRunsService, AgendaService, ParticipantDirectory, ScheduleRunner, EventDemoSeeder];

/** Match-making events for the API. Needs DatabaseModule, JobsModule and SearchModule. */
@Module({
  imports: [IdentityModule, MarketplaceModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class EventsModule {}

/** The worker's part: the meeting scheduler and the participant directory's sync. */
@Module({
  imports: [IdentityModule, MarketplaceModule],
  providers: [EventsService, ParticipantDirectory, ParticipantIndexSync, ScheduleRunner, ScheduleMeetingsHandler],
  exports: [ParticipantIndexSync, ScheduleMeetingsHandler],
})
export class EventsWorkerModule {}
