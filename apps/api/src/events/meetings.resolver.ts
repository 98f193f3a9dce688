import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgendaService, MeetingRequestsService, ParticipantDirectory, RegistrationService, ScheduleRunsService } from '@app/events';
import { SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { IdArgs } from '../catalogue/catalogue.inputs.js';
import {
  AgendaArgs, AsParticipantArgs, AttendanceArgs, CheckInArgs, EventIdArgs, LockMeetingArgs, MeetingFeedbackInput, MeetingRequestInput, PlaceMeetingArgs, RecommendArgs, ScheduleEventMeetingsArgs, SearchParticipantsArgs,
} from './events.inputs.js';
import { toAgenda, toAgendaItem, toEvent, toFeedback, toParticipant, toRequest, toRun } from './events.mappers.js';
import {
  AgendaItemType, AgendaType, Event, EventFunnelType, EventParticipant, MeetingFeedbackType, MeetingPlacement, MeetingRequest, ParticipantRecommendation, ParticipantSearchResult, ScheduleRun,
} from './events.types.js';

/** The booking phase: the directory, recommendations and meeting requests. */
@Resolver(() => MeetingRequest)
export class MeetingRequestsResolver {
  constructor(
    private readonly requests: MeetingRequestsService,
    private readonly directory: ParticipantDirectory,
    private readonly registration: RegistrationService,
  ) {}

  @SignedIn()
  @Query(() => ParticipantSearchResult, { description: "Search an event's approved participants (organisers and approved participants); diacritics and word forms do not matter." })
  async searchEventParticipants(@Args() args: SearchParticipantsArgs, @CurrentActor() actor: Actor): Promise<ParticipantSearchResult> {
    const { participants, total } = await this.directory.find(actor, args.eventId, args);
    const names = await this.registration.names(participants);
    return { participants: participants.map((p) => toParticipant(p, names.get(p.id) ?? '', false)), total };
  }

  @SignedIn()
  @Query(() => [ParticipantRecommendation], { description: 'People you should meet, best first, each with the factors of the score and what would raise it.' })
  async recommendedMeetings(@Args() { eventId, asParticipantId, first }: RecommendArgs, @CurrentActor() actor: Actor): Promise<ParticipantRecommendation[]> {
    const list = await this.directory.recommend(actor, eventId, asParticipantId, first ?? 10);
    const names = await this.registration.names(list.map((r) => r.participant));
    return list.map((r) => ({ ...r.explanation, participant: toParticipant(r.participant, names.get(r.participant.id) ?? '', false) }));
  }

  @SignedIn()
  @Query(() => [MeetingRequest], { description: 'Your requests in an event, sent and received; organisers get every request.' })
  async meetingRequests(@Args() { eventId, asParticipantId }: AsParticipantArgs, @CurrentActor() actor: Actor): Promise<MeetingRequest[]> {
    return (await this.requests.list(actor, eventId, asParticipantId)).map(toRequest);
  }

  @SignedIn()
  @Mutation(() => MeetingRequest, { description: 'Ask an approved participant for a meeting. If they already asked you, their request is accepted and the meeting is mutual.' })
  async sendMeetingRequest(@Args('eventId', { type: () => ID }) eventId: string, @Args('input') input: MeetingRequestInput, @CurrentActor() actor: Actor): Promise<MeetingRequest> {
    return toRequest(await this.requests.send(actor, eventId, input));
  }

  @SignedIn()
  @Mutation(() => MeetingRequest)
  async acceptMeetingRequest(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<MeetingRequest> {
    return toRequest(await this.requests.respond(actor, id, true));
  }

  @SignedIn()
  @Mutation(() => MeetingRequest)
  async declineMeetingRequest(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<MeetingRequest> {
    return toRequest(await this.requests.respond(actor, id, false));
  }

  @SignedIn()
  @Mutation(() => MeetingRequest, { description: 'Either side cancels a pending or accepted request; a placed meeting frees its slot.' })
  async cancelMeetingRequest(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<MeetingRequest> {
    return toRequest(await this.requests.cancel(actor, id));
  }
}

/** Scheduling, agendas, the day itself and what came of it. */
@Resolver(() => ScheduleRun)
export class EventScheduleResolver {
  constructor(
    private readonly runs: ScheduleRunsService,
    private readonly agenda: AgendaService,
    private readonly registration: RegistrationService,
  ) {}

  @SignedIn()
  @Mutation(() => ScheduleRun, { description: 'Start the meeting scheduler (a background job; follow it with scheduleRun: phase, best found, proven bound). Objective: (1) accepted requests that get a meeting, then mutual meetings, fairness and fewer idle gaps in the order asked (objectiveOrder); on a re-run fewer changes right after (1). Locked meetings stay.' })
  async scheduleEventMeetings(@Args() { eventId, objectiveOrder }: ScheduleEventMeetingsArgs, @CurrentActor() actor: Actor): Promise<ScheduleRun> {
    return toRun(await this.runs.start(actor, eventId, objectiveOrder));
  }

  @SignedIn()
  @Mutation(() => ScheduleRun, { description: 'Stop a queued or running schedule run early: it keeps the best schedule found by its next checkpoint.' })
  async stopScheduleRun(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<ScheduleRun> {
    return toRun(await this.runs.stop(actor, id));
  }

  @SignedIn()
  @Query(() => ScheduleRun, { description: 'A schedule run with its progress and, when done, its report.' })
  async scheduleRun(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<ScheduleRun> {
    return toRun(await this.runs.run(actor, id));
  }

  @SignedIn()
  @Query(() => [ScheduleRun], { description: 'The latest runs of an event, newest first.' })
  async scheduleRuns(@Args() { eventId }: EventIdArgs, @CurrentActor() actor: Actor): Promise<ScheduleRun[]> {
    return (await this.runs.runs(actor, eventId)).map(toRun);
  }

  @SignedIn()
  @Mutation(() => Event, { description: 'Publish the placed meetings: participants see their agendas and are told.' })
  async publishEventSchedule(@Args() { eventId }: EventIdArgs, @CurrentActor() actor: Actor): Promise<Event> {
    return toEvent(await this.runs.publish(actor, eventId));
  }

  @SignedIn()
  @Mutation(() => MeetingPlacement, { description: 'Pin a placed meeting (re-runs keep it exactly there) or release it.' })
  async lockMeeting(@Args() { requestId, locked }: LockMeetingArgs, @CurrentActor() actor: Actor): Promise<MeetingPlacement> {
    return this.placement(await this.runs.setLock(actor, requestId, locked));
  }

  @SignedIn()
  @Mutation(() => MeetingPlacement, { description: 'Place or move one accepted meeting by hand (checked like the scheduler; the meeting is then locked).' })
  async placeMeeting(@Args() { requestId, slotId, tableNo }: PlaceMeetingArgs, @CurrentActor() actor: Actor): Promise<MeetingPlacement> {
    return this.placement(await this.runs.place(actor, requestId, slotId, tableNo));
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Take a meeting off the grid (it stays accepted).' })
  async unplaceMeeting(@Args('requestId', { type: () => ID }) requestId: string, @CurrentActor() actor: Actor): Promise<boolean> {
    return this.runs.unplace(actor, requestId);
  }

  @SignedIn()
  @Query(() => AgendaType, { description: "A participant's meetings in time order (participants once the schedule is published; organisers always)." })
  async eventAgenda(@Args() { eventId, participantId }: AgendaArgs, @CurrentActor() actor: Actor): Promise<AgendaType> {
    const agenda = await this.agenda.agenda(actor, eventId, participantId);
    const names = await this.registration.names([agenda.participant]);
    return toAgenda(agenda, names.get(agenda.participant.id) ?? '');
  }

  @SignedIn()
  @Query(() => [AgendaItemType], { description: 'Every placed meeting (organisers).' })
  async eventScheduleGrid(@Args() { eventId }: EventIdArgs, @CurrentActor() actor: Actor): Promise<AgendaItemType[]> {
    return (await this.agenda.grid(actor, eventId)).map(toAgendaItem);
  }

  @SignedIn()
  @Mutation(() => EventParticipant, { description: 'Organisers mark a participant present on the day (or take it back).' })
  async checkInParticipant(@Args() { participantId, present }: CheckInArgs, @CurrentActor() actor: Actor): Promise<EventParticipant> {
    const p = await this.agenda.checkIn(actor, participantId, present);
    return toParticipant(p, (await this.registration.names([p])).get(p.id) ?? '', true);
  }

  @SignedIn()
  @Mutation(() => MeetingPlacement, { description: 'Held or no-show, once the meeting began (organisers or either side).' })
  async markMeetingAttendance(@Args() { requestId, attendance }: AttendanceArgs, @CurrentActor() actor: Actor): Promise<MeetingPlacement> {
    return this.placement(await this.agenda.markAttendance(actor, requestId, attendance));
  }

  @SignedIn()
  @Mutation(() => MeetingFeedbackType, { description: 'Short feedback after a meeting (each side; can be updated when something follows).' })
  async leaveMeetingFeedback(@Args('requestId', { type: () => ID }) requestId: string, @Args('input') input: MeetingFeedbackInput, @CurrentActor() actor: Actor): Promise<MeetingFeedbackType> {
    return toFeedback(await this.agenda.feedback(actor, requestId, input));
  }

  @SignedIn()
  @Query(() => EventFunnelType, { description: 'The outcome funnel (organisers).' })
  async eventFunnel(@Args() { eventId }: EventIdArgs, @CurrentActor() actor: Actor): Promise<EventFunnelType> {
    return this.agenda.funnel(actor, eventId);
  }

  private placement(m: { slotId: string; tableNo: number; locked: boolean; attendance: string | null }): MeetingPlacement {
    return { slotId: m.slotId, tableNo: m.tableNo, locked: m.locked, attendance: m.attendance };
  }
}
