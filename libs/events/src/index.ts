// Match-making events: registration, meeting requests, the meeting scheduler, agendas and outcomes.
export * from './scheduling/scheduling.types';
export { SchedulingInputError, type SchedulingErrorCode } from './scheduling/scheduling.errors';
export { greedySchedule, scheduleMeetings } from './scheduling/scheduler';
export { mulberry32 } from './scheduling/rng';
export { EventsModule, EventsWorkerModule } from './events.module.js';
export {
  Attendance, CREATIVE_TYPES, EventStatus, MAX_SLOTS_PER_EVENT, MeetingOutcome, MeetingRequestStatus, ORGANISATION_TYPES, ParticipantStatus, ParticipationType, RoomKind, planSlots,
  type SessionInput,
} from './events/event.rules.js';
export { EventsService, canManageEvent, type EventCommand, type EventUpdate } from './events/events.service.js';
export { RegistrationService, type RegistrationCommand, type RegistrationUpdate } from './registration/registration.service.js';
export { MeetingRequestsService, MAX_MESSAGE_LENGTH, type SendRequestCommand } from './requests/meeting-requests.service.js';
export { ScheduleRunsService, RunStatus } from './runs/schedule-runs.service.js';
export { ScheduleMeetingsHandler, ScheduleRunner, type ScheduleReport } from './runs/schedule-meetings.handler.js';
export { AgendaService, type Agenda, type AgendaItem, type EventFunnel, type FeedbackCommand } from './agenda/agenda.service.js';
export { ParticipantDirectory, ParticipantIndexSync, EVENT_PARTICIPANTS_INDEX, type Recommendation } from './directory/participant-directory.js';
export { EventDemoSeeder, localTime, type EventSeedReport } from './demo/event-demo.seeder.js';
export { controlsParticipant } from './registration/participants.js';
