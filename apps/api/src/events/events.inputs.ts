import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Attendance, MeetingOutcome, ParticipantStatus, ParticipationType, RoomKind } from '@app/events';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalizedTextInput, ShortLocalizedTextInput } from '../catalogue/catalogue.inputs.js';
import { IsCalendarDate } from '../graphql/input-safety.js';
import { AttendanceEnum, MeetingOutcomeEnum, ParticipantStatusEnum, ParticipationTypeEnum, RoomKindEnum } from './events.types.js';

@InputType()
export class EventBreakInput {
  @Field(() => Date) @Type(() => Date) @IsDate() startsAt: Date;
  @Field(() => Date) @Type(() => Date) @IsDate() endsAt: Date;
}

@InputType({ description: 'A block of meetings; the slots are cut from it around the breaks.' })
export class EventSessionInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) name?: string | null;
  @Field(() => Date) @Type(() => Date) @IsDate() startsAt: Date;
  @Field(() => Date) @Type(() => Date) @IsDate() endsAt: Date;
  @Field(() => Int, { description: '10 to 120 minutes.' }) @IsInt() slotMinutes: number;
  @Field(() => [EventBreakInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => EventBreakInput) breaks?: EventBreakInput[] | null;
  @Field(() => Int) @IsInt() tables: number;
  @Field(() => RoomKindEnum, { nullable: true }) @IsOptional() @IsEnum(RoomKind) roomKind?: RoomKind | null;
}

@InputType()
export class ContactRuleInput {
  @Field(() => ParticipationTypeEnum) @IsEnum(ParticipationType) from: ParticipationType;
  @Field(() => ParticipationTypeEnum) @IsEnum(ParticipationType) to: ParticipationType;
}

@InputType()
export class SessionTablesInput {
  @Field(() => ID) @IsString() @MaxLength(64) sessionId: string;
  @Field(() => Int) @IsInt() tables: number;
}

@InputType({ description: 'Fields of an event that may change after creation (all optional).' })
export class EventUpdateInput {
  @Field(() => ShortLocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ShortLocalizedTextInput) title?: ShortLocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) description?: LocalizedTextInput | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) hostOrganisationId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) venueOrganisationId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) venueName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300) venueAddress?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() online?: boolean;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (Slovenian time); drafts only.' }) @IsOptional() @IsCalendarDate() eventDate?: string;
  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate() registrationOpensAt?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate() registrationClosesAt?: Date;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() capacity?: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() requiresApproval?: boolean;
  @Field(() => [ParticipationTypeEnum], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEnum(ParticipationType, { each: true }) participationTypes?: ParticipationType[];
  @Field(() => [ContactRuleInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ContactRuleInput) contactRules?: ContactRuleInput[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() maxRequestsPerParticipant?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() maxMeetingsPerSession?: number;
  @Field(() => [EventSessionInput], { nullable: true, description: 'Replaces every session (drafts only).' })
  @IsOptional() @IsArray() @ArrayMaxSize(8) @ValidateNested({ each: true }) @Type(() => EventSessionInput) sessions?: EventSessionInput[];
  @Field(() => [SessionTablesInput], { nullable: true, description: 'More or fewer tables in a session (until the event closes).' })
  @IsOptional() @IsArray() @ArrayMaxSize(8) @ValidateNested({ each: true }) @Type(() => SessionTablesInput) sessionTables?: SessionTablesInput[];
}

@InputType()
export class EventInput {
  @Field(() => ShortLocalizedTextInput) @ValidateNested() @Type(() => ShortLocalizedTextInput) title: ShortLocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) description?: LocalizedTextInput | null;
  @Field(() => ID, { nullable: true, description: 'The organisation running it (its owners and editors manage the event).' }) @IsOptional() @IsString() @MaxLength(64) hostOrganisationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A creative centre or other organisation hosting the venue.' }) @IsOptional() @IsString() @MaxLength(64) venueOrganisationId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) venueName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300) venueAddress?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() online?: boolean;
  @Field({ description: 'YYYY-MM-DD (Slovenian time).' }) @IsCalendarDate() eventDate: string;
  @Field(() => Date) @Type(() => Date) @IsDate() registrationOpensAt: Date;
  @Field(() => Date) @Type(() => Date) @IsDate() registrationClosesAt: Date;
  @Field(() => Int) @IsInt() capacity: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() requiresApproval?: boolean;
  @Field(() => [ParticipationTypeEnum]) @IsArray() @ArrayMaxSize(10) @IsEnum(ParticipationType, { each: true }) participationTypes: ParticipationType[];
  @Field(() => [ContactRuleInput], { nullable: true, description: 'Empty or omitted: anyone may ask anyone.' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ContactRuleInput) contactRules?: ContactRuleInput[];
  @Field(() => Int) @IsInt() maxRequestsPerParticipant: number;
  @Field(() => Int) @IsInt() maxMeetingsPerSession: number;
  @Field(() => [EventSessionInput]) @IsArray() @ArrayMaxSize(8) @ValidateNested({ each: true }) @Type(() => EventSessionInput) sessions: EventSessionInput[];
}

@InputType()
export class RegistrationUpdateInput {
  @Field(() => [ID], { nullable: true, description: 'Slots you can meet in; omitted on registration: all of them.' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(64, { each: true }) availableSlotIds?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) offersText?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) seeksText?: string | null;
  @Field(() => [ID], { nullable: true, description: "Your organisation's published needs to discuss." }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) needIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Your published offers to present.' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) offerIds?: string[] | null;
}

@InputType()
export class RegistrationInput extends RegistrationUpdateInput {
  @Field(() => ID, { nullable: true, description: 'Your creative profile (or give organisationId).' }) @IsOptional() @IsString() @MaxLength(64) creativeProfileId?: string | null;
  @Field(() => ID, { nullable: true, description: 'An organisation you own or edit.' }) @IsOptional() @IsString() @MaxLength(64) organisationId?: string | null;
  @Field(() => ParticipationTypeEnum) @IsEnum(ParticipationType) participationType: ParticipationType;
}

@InputType()
export class MeetingRequestInput {
  @Field(() => ID) @IsString() @MaxLength(64) toParticipantId: string;
  @Field(() => String, { nullable: true, description: 'A short note (500 characters).' }) @IsOptional() @IsString() @MaxLength(2000) message?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only if you take part twice (as a creative and for an organisation).' }) @IsOptional() @IsString() @MaxLength(64) asParticipantId?: string | null;
}

@InputType()
export class MeetingFeedbackInput {
  @Field({ description: 'Did the meeting lead to a follow-up?' }) @IsBoolean() followUp: boolean;
  @Field(() => Int, { nullable: true, description: '1 to 5.' }) @IsOptional() @IsInt() @Min(1) @Max(5) rating?: number | null;
  @Field(() => MeetingOutcomeEnum, { nullable: true }) @IsOptional() @IsEnum(MeetingOutcome) outcome?: MeetingOutcome | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) asParticipantId?: string | null;
}

@ArgsType()
export class EventIdArgs {
  @Field(() => ID) @IsString() @MaxLength(64) eventId: string;
}

@ArgsType()
export class ScheduleEventMeetingsArgs extends EventIdArgs {
  @Field(() => [String], {
    nullable: true,
    description: 'Order of objective levels (2)-(4): mutual, fairness and gaps, each once (default in that order). Level (1), the number of accepted requests that get a meeting, always comes first; on a re-run fewer changes comes right after it.',
  })
  @IsOptional() @IsArray() @ArrayMaxSize(3) @IsIn(['mutual', 'fairness', 'gaps'], { each: true }) objectiveOrder?: string[] | null;
}

@ArgsType()
export class EventParticipantsArgs extends EventIdArgs {
  @Field(() => ParticipantStatusEnum, { nullable: true }) @IsOptional() @IsEnum(ParticipantStatus) status?: ParticipantStatus;
}

@ArgsType()
export class AsParticipantArgs extends EventIdArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) asParticipantId?: string | null;
}

@ArgsType()
export class RecommendArgs extends AsParticipantArgs {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(50) first?: number;
}

@ArgsType()
export class AgendaArgs extends EventIdArgs {
  @Field(() => ID, { nullable: true, description: "Organisers: any participant's agenda; participants: which of their participations." })
  @IsOptional() @IsString() @MaxLength(64) participantId?: string | null;
}

@ArgsType()
export class SearchParticipantsArgs extends EventIdArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) text?: string | null;
  @Field(() => [ParticipationTypeEnum], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEnum(ParticipationType, { each: true }) types?: ParticipationType[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) domains?: string[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) first?: number;
}

@ArgsType()
export class PlaceMeetingArgs {
  @Field(() => ID) @IsString() @MaxLength(64) requestId: string;
  @Field(() => ID) @IsString() @MaxLength(64) slotId: string;
  @Field(() => Int) @IsInt() tableNo: number;
}

@ArgsType()
export class LockMeetingArgs {
  @Field(() => ID) @IsString() @MaxLength(64) requestId: string;
  @Field() @IsBoolean() locked: boolean;
}

@ArgsType()
export class AttendanceArgs {
  @Field(() => ID) @IsString() @MaxLength(64) requestId: string;
  @Field(() => AttendanceEnum) @IsEnum(Attendance) attendance: Attendance;
}

@ArgsType()
export class CheckInArgs {
  @Field(() => ID) @IsString() @MaxLength(64) participantId: string;
  @Field({ description: 'False takes a check-in back.' }) @IsBoolean() present: boolean;
}

@ArgsType()
export class DecideRegistrationArgs {
  @Field(() => ID) @IsString() @MaxLength(64) participantId: string;
  @Field() @IsBoolean() approve: boolean;
}

