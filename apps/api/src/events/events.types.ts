import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Attendance, EventStatus, MeetingOutcome, MeetingRequestStatus, ParticipantStatus, ParticipationType, RoomKind, RunStatus } from '@app/events';
import { graphqlEnum, LocalizedText } from '../catalogue/catalogue.types.js';
import { MatchExplanationType } from '../matching/matching.resolver.js';

export const EventStatusEnum = graphqlEnum(EventStatus, 'EventStatus');
export const ParticipationTypeEnum = graphqlEnum(ParticipationType, 'ParticipationType');
export const ParticipantStatusEnum = graphqlEnum(ParticipantStatus, 'ParticipantStatus');
export const MeetingRequestStatusEnum = graphqlEnum(MeetingRequestStatus, 'MeetingRequestStatus');
export const RoomKindEnum = graphqlEnum(RoomKind, 'RoomKind');
export const AttendanceEnum = graphqlEnum(Attendance, 'Attendance');
export const MeetingOutcomeEnum = graphqlEnum(MeetingOutcome, 'MeetingOutcome');
export const ScheduleRunStatusEnum = graphqlEnum(RunStatus, 'ScheduleRunStatus');
export const UnscheduledReasonEnum = graphqlEnum({ NO_COMMON_SLOT: 'NO_COMMON_SLOT', CAP_REACHED: 'CAP_REACHED', NO_TABLE: 'NO_TABLE', BOTH_BUSY: 'BOTH_BUSY' }, 'UnscheduledReason');

@ObjectType({ description: 'Participants of type `from` may ask participants of type `to` for a meeting.' })
export class ContactRuleType {
  @Field(() => ParticipationTypeEnum) from: string;
  @Field(() => ParticipationTypeEnum) to: string;
}

@ObjectType()
export class EventBreak {
  @Field(() => Date) startsAt: Date;
  @Field(() => Date) endsAt: Date;
}

@ObjectType({ description: 'A block of 1:1 meetings: cut into slots of equal length around its breaks.' })
export class EventSession {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => Date) startsAt: Date;
  @Field(() => Date) endsAt: Date;
  @Field(() => Int) slotMinutes: number;
  @Field(() => [EventBreak]) breaks: EventBreak[];
  @Field(() => Int, { description: 'Tables (or online rooms): at most this many meetings per slot.' }) tables: number;
  @Field(() => RoomKindEnum) roomKind: string;
}

@ObjectType({ description: 'One meeting time.' })
export class EventSlot {
  @Field(() => ID) id: string;
  @Field(() => ID) sessionId: string;
  @Field(() => Int, { description: 'Order in the event, from 0.' }) position: number;
  @Field(() => Date) startsAt: Date;
  @Field(() => Date) endsAt: Date;
}

@ObjectType({ description: 'A match-making event with scheduled 1:1 meetings.' })
export class Event {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => LocalizedText) description: LocalizedText;
  @Field(() => ID, { nullable: true }) hostOrganisationId: string | null;
  @Field(() => ID, { nullable: true }) venueOrganisationId: string | null;
  @Field() venueName: string;
  @Field(() => String, { nullable: true }) venueAddress: string | null;
  @Field() online: boolean;
  @Field({ description: 'YYYY-MM-DD, Slovenian time.' }) eventDate: string;
  @Field(() => Date) registrationOpensAt: Date;
  @Field(() => Date) registrationClosesAt: Date;
  @Field(() => Int) capacity: number;
  @Field() requiresApproval: boolean;
  @Field(() => [ParticipationTypeEnum]) participationTypes: string[];
  @Field(() => [ContactRuleType], { description: 'Empty: anyone may ask anyone.' }) contactRules: ContactRuleType[];
  @Field(() => Int, { description: 'Requests one participant may have open or accepted at once.' }) maxRequestsPerParticipant: number;
  @Field(() => Int, { description: 'Most meetings one participant has in any one session.' }) maxMeetingsPerSession: number;
  @Field(() => EventStatusEnum) status: string;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the organisers last published the schedule (agendas are visible from then).' }) schedulePublishedAt: Date | null;
  @Field(() => Int) scheduleVersion: number;
}

@ObjectType({ description: 'A creative or an organisation taking part in an event.' })
export class EventParticipant {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field({ description: "The creative's display name or the organisation's name." }) name: string;
  @Field(() => ID, { nullable: true }) creativeProfileId: string | null;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Field(() => ParticipationTypeEnum) participationType: string;
  @Field(() => ParticipantStatusEnum) status: string;
  @Field(() => String, { nullable: true }) offersText: string | null;
  @Field(() => String, { nullable: true }) seeksText: string | null;
  @Field(() => [ID]) needIds: string[];
  @Field(() => [ID]) offerIds: string[];
  @Field(() => Date) registeredAt: Date;
  @Field(() => Date, { nullable: true, description: 'Organisers and the participant only.' }) checkedInAt: Date | null;
}

@ObjectType()
export class MeetingPlacement {
  @Field(() => ID) slotId: string;
  @Field(() => Int) tableNo: number;
  @Field() locked: boolean;
  @Field(() => AttendanceEnum, { nullable: true }) attendance: string | null;
}

@ObjectType({ description: 'A request for a 1:1 meeting; accepted ones are placed by the scheduler.' })
export class MeetingRequest {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => ID) fromParticipantId: string;
  @Field(() => ID) toParticipantId: string;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field({ description: 'Both sides asked: weighs more in the schedule.' }) mutual: boolean;
  @Field(() => MeetingRequestStatusEnum) status: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) respondedAt: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
}

@ObjectType()
export class ScheduleBoundType {
  @Field(() => Int, { nullable: true, description: '⌊LP relaxation⌋ of the time-indexed model (HiGHS); null if it could not be computed in time.' }) lp: number | null;
  @Field(() => Int, { description: 'Maximum b-matching (max-flow): nobody attends more than their caps and availability allow.' }) flow: number;
  @Field(() => Int, { description: 'Σ over slots of min(tables, maximum matching of the pairs free in that slot).' }) slot: number;
  @Field(() => Int, { description: 'Tables × slots.' }) capacity: number;
  @Field(() => Int, { description: 'The smallest of the bounds: no schedule can place more meetings.' }) best: number;
}

@ObjectType({ description: 'A change to the event that would let an unmet request in, verified on the schedule (one more meeting).' })
export class ScheduleFixType {
  @Field({ description: 'ADD_TABLE (one more table in slotId) or EXTEND_EVENT (by `minutes`, one more slot at the end).' }) kind: string;
  @Field(() => ID, { nullable: true }) slotId: string | null;
  @Field(() => Int, { nullable: true }) minutes: number | null;
  @Field(() => LocalizedText) text: LocalizedText;
}

@ObjectType({ description: 'Why an accepted request got no meeting, in the organiser\'s words, and what would fix it.' })
export class UnscheduledExplanationType {
  @Field({ description: 'NO_COMMON_SLOT, ONE_SIDE_FULL or WOULD_DISPLACE.' }) code: string;
  @Field(() => Int, { nullable: true, description: 'WOULD_DISPLACE: the fewest scheduled meetings that would have to leave one common slot.' }) displaced: number | null;
  @Field(() => [ID], { description: 'ONE_SIDE_FULL: the participant(s) at their cap in every common slot.' }) full: string[];
  @Field(() => LocalizedText) text: LocalizedText;
  @Field(() => [ScheduleFixType]) fixes: ScheduleFixType[];
}

@ObjectType()
export class UnscheduledMeetingType {
  @Field(() => ID) requestId: string;
  @Field(() => UnscheduledReasonEnum) reason: string;
  @Field(() => UnscheduledExplanationType, { nullable: true }) explanation: UnscheduledExplanationType | null;
}

@ObjectType({ description: 'One level of the lexicographic objective as the exact phase left it.' })
export class ObjectiveLevelType {
  @Field({ description: 'requests, mutual, fairness, gaps or changes.' }) level: string;
  @Field(() => Int, { description: 'Value reached (gaps and changes as negative numbers: higher is better).' }) value: number;
  @Field(() => Int, { nullable: true, description: 'Best value proven possible at this level.' }) bound: number | null;
  @Field({ description: 'Proven optimal given the levels before it.' }) proven: boolean;
  @Field() status: string;
}

@ObjectType()
export class ParticipantFigure {
  @Field(() => ID) participantId: string;
  @Field(() => Int) meetings: number;
  @Field(() => Int, { description: "Empty slots between the participant's first and last meeting of a session." }) idleGaps: number;
}

@ObjectType()
export class MeetingStats {
  @Field(() => Int) min: number;
  @Field(() => Float) median: number;
  @Field(() => Int) max: number;
}

@ObjectType({ description: "The scheduler's report: what it placed, how close to the best possible, and why the rest did not fit." })
export class ScheduleReportType {
  @Field(() => Int) scheduled: number;
  @Field(() => ScheduleBoundType) bound: ScheduleBoundType;
  @Field(() => Float, { description: 'scheduled / bound.best (1.0 = provably optimal).' }) ratio: number;
  @Field({ description: 'Proven: no schedule holds more meetings (HiGHS closed the MIP, or the count reached a certified bound).' }) optimal: boolean;
  @Field(() => String, { nullable: true, description: 'mip or bound: how optimality was proven.' }) proof: string | null;
  @Field(() => Int, { description: 'No schedule can place more meetings than this (proven).' }) provenBound: number;
  @Field(() => Int, { description: 'provenBound - scheduled: at most this many more meetings could exist.' }) gap: number;
  @Field(() => [String], { description: 'The objective order used: requests first, then the others.' }) objective: string[];
  @Field(() => [ObjectiveLevelType]) levels: ObjectiveLevelType[];
  @Field({ description: 'The last-resort wall-clock cap cut the run short (the result may then depend on machine speed).' }) wallClockCapHit: boolean;
  @Field({ description: 'The organiser stopped the run early: the best schedule found by then.' }) stopped: boolean;
  @Field() method: string;
  @Field(() => Int) runtimeMs: number;
  @Field(() => Int, { description: 'Meetings of the previous schedule that moved or dropped out.' }) moved: number;
  @Field(() => Int) idleGapsTotal: number;
  @Field(() => MeetingStats, { description: 'Meetings per participant with at least one accepted request.' }) stats: MeetingStats;
  @Field(() => [UnscheduledMeetingType]) unscheduled: UnscheduledMeetingType[];
  @Field(() => [ParticipantFigure]) perParticipant: ParticipantFigure[];
  @Field(() => [String]) notes: string[];
  @Field(() => Int, { description: 'Placed by the run but cancelled while it ran (left out).' }) droppedWhileRunning: number;
}

@ObjectType({ description: 'One run of the meeting scheduler (a background job).' })
export class ScheduleRun {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => ScheduleRunStatusEnum) status: string;
  @Field(() => Float, { description: '0 to 1.' }) progress: number;
  @Field(() => String, { nullable: true }) phase: string | null;
  @Field(() => Int, { nullable: true, description: 'Most meetings in a schedule found so far.' }) bestFound: number | null;
  @Field(() => Int, { nullable: true, description: 'Best proven upper bound so far: no schedule can hold more.' }) provenBound: number | null;
  @Field({ description: 'The organiser asked to stop early.' }) stopRequested: boolean;
  @Field(() => [String], { nullable: true, description: 'Order of objective levels (2)-(4) asked for (null = default).' }) objectiveOrder: string[] | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => ScheduleReportType, { nullable: true }) report: ScheduleReportType | null;
}

@ObjectType({ description: 'A placed meeting, from one side (or, on the grid, participant × with).' })
export class AgendaItemType {
  @Field(() => ID) requestId: string;
  @Field(() => ID) slotId: string;
  @Field(() => Date) startsAt: Date;
  @Field(() => Date) endsAt: Date;
  @Field(() => String, { nullable: true }) sessionName: string | null;
  @Field(() => Int) tableNo: number;
  @Field(() => RoomKindEnum) roomKind: string;
  @Field(() => ID) participantId: string;
  @Field() participantName: string;
  @Field(() => ID) withParticipantId: string;
  @Field() withName: string;
  @Field() mutual: boolean;
  @Field() locked: boolean;
  @Field(() => AttendanceEnum, { nullable: true }) attendance: string | null;
}

@ObjectType()
export class AgendaUnscheduled {
  @Field(() => ID) requestId: string;
  @Field(() => ID) withParticipantId: string;
  @Field() withName: string;
  @Field(() => UnscheduledReasonEnum, { nullable: true }) reason: string | null;
}

@ObjectType()
export class AgendaType {
  @Field(() => EventParticipant) participant: EventParticipant;
  @Field({ description: 'False until the organisers publish the schedule.' }) published: boolean;
  @Field(() => [AgendaItemType]) meetings: AgendaItemType[];
  @Field(() => [AgendaUnscheduled], { description: 'Accepted meetings without a place, with the last run’s reason.' }) unscheduled: AgendaUnscheduled[];
}

@ObjectType()
export class MeetingFeedbackType {
  @Field(() => ID) requestId: string;
  @Field(() => ID) participantId: string;
  @Field(() => Int, { nullable: true }) rating: number | null;
  @Field() followUp: boolean;
  @Field(() => MeetingOutcomeEnum) outcome: string;
  @Field(() => String, { nullable: true }) comment: string | null;
}

@ObjectType({ description: 'requests → accepted → scheduled → held → follow-ups → proposals or contracts.' })
export class EventFunnelType {
  @Field(() => Int) participants: number;
  @Field(() => Int) checkedIn: number;
  @Field(() => Int) requests: number;
  @Field(() => Int) accepted: number;
  @Field(() => Int) scheduled: number;
  @Field(() => Int) held: number;
  @Field(() => Int) noShows: number;
  @Field(() => Int) followUps: number;
  @Field(() => Int, { description: 'Meetings a participant says led to a proposal.' }) proposals: number;
  @Field(() => Int, { description: 'Meetings a participant says led to a contract.' }) contracts: number;
  @Field(() => Int, { description: "Proposals submitted on the platform after the event by a creative to the challenges of an organisation they met." }) proposalsOnPlatform: number;
}

@ObjectType()
export class ParticipantRecommendation extends MatchExplanationType {
  @Field(() => EventParticipant) participant: EventParticipant;
}

@ObjectType()
export class ParticipantSearchResult {
  @Field(() => [EventParticipant]) participants: EventParticipant[];
  @Field(() => Int) total: number;
}
