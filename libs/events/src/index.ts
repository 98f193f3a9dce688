// Match-making events: registration, meeting requests, the meeting scheduler, agendas and outcomes.
export * from './scheduling/scheduling.types';
export { SchedulingInputError, type SchedulingErrorCode } from './scheduling/scheduling.errors';
export { greedySchedule, scheduleMeetings } from './scheduling/scheduler';
