import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A pause inside a session (ISO timestamps); no slot overlaps it. */
export interface SessionBreak {
  startsAt: string;
  endsAt: string;
}

/** Participants of type `from` may ask participants of type `to` for a meeting. */
export interface ContactRule {
  from: string;
  to: string;
}

/** A match-making event: sessions of 1:1 meetings between registered participants. */
@Entity({ name: 'event' })
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'title_sl', type: 'text', nullable: true }) titleSl: string | null;
  @Column({ name: 'title_en', type: 'text', nullable: true }) titleEn: string | null;
  @Column({ name: 'description_sl', type: 'text', nullable: true }) descriptionSl: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ name: 'host_organisation_id', type: 'uuid', nullable: true }) hostOrganisationId: string | null;
  @Column({ name: 'venue_organisation_id', type: 'uuid', nullable: true }) venueOrganisationId: string | null;
  @Column({ name: 'venue_name', type: 'text' }) venueName: string;
  @Column({ name: 'venue_address', type: 'text', nullable: true }) venueAddress: string | null;
  @Column({ type: 'boolean', default: false }) online: boolean;
  /** ISO date (YYYY-MM-DD), Slovenian time. */
  @Column({ name: 'event_date', type: 'date' }) eventDate: string;
  @Column({ name: 'registration_opens_at', type: 'timestamptz' }) registrationOpensAt: Date;
  @Column({ name: 'registration_closes_at', type: 'timestamptz' }) registrationClosesAt: Date;
  @Column({ type: 'integer' }) capacity: number;
  @Column({ name: 'requires_approval', type: 'boolean', default: false }) requiresApproval: boolean;
  @Column({ name: 'participation_types', type: 'text', array: true }) participationTypes: string[];
  @Column({ name: 'contact_rules', type: 'jsonb', default: () => "'[]'" }) contactRules: ContactRule[];
  @Column({ name: 'max_requests_per_participant', type: 'integer' }) maxRequestsPerParticipant: number;
  /** Most meetings one participant has in any one session (so people get breaks). */
  @Column({ name: 'max_meetings_per_session', type: 'integer' }) maxMeetingsPerSession: number;
  @Column({ type: 'text', default: 'DRAFT' }) status: string;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'schedule_published_at', type: 'timestamptz', nullable: true }) schedulePublishedAt: Date | null;
  @Column({ name: 'schedule_version', type: 'integer', default: 0 }) scheduleVersion: number;
  @Column({ name: 'created_by_account_id', type: 'uuid', nullable: true }) createdByAccountId: string | null;
  @Column({ name: 'is_demo', type: 'boolean', default: false }) isDemo: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'event_session' })
export class EventSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ name: 'slot_minutes', type: 'integer' }) slotMinutes: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) breaks: SessionBreak[];
  @Column({ type: 'integer' }) tables: number;
  @Column({ name: 'room_kind', type: 'text', default: 'TABLE' }) roomKind: string;
}

/** One meeting time of a session (generated from its start, end, slot length and breaks). */
@Entity({ name: 'event_slot' })
export class EventSlotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  /** Order in the whole event, from 0. */
  @Column({ type: 'integer' }) position: number;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
}

/** A creative profile or an organisation taking part in one event. */
@Entity({ name: 'event_participant' })
export class EventParticipantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  /** Who registered (and is told about requests with the profile's or organisation's editors). */
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ name: 'creative_profile_id', type: 'uuid', nullable: true }) creativeProfileId: string | null;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId: string | null;
  @Column({ name: 'participation_type', type: 'text' }) participationType: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'offers_text', type: 'text', nullable: true }) offersText: string | null;
  @Column({ name: 'seeks_text', type: 'text', nullable: true }) seeksText: string | null;
  @Column({ name: 'need_ids', type: 'uuid', array: true, default: () => "'{}'" }) needIds: string[];
  @Column({ name: 'offer_ids', type: 'uuid', array: true, default: () => "'{}'" }) offerIds: string[];
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true }) checkedInAt: Date | null;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}

@Entity({ name: 'meeting_request' })
export class MeetingRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'from_participant_id', type: 'uuid' }) fromParticipantId: string;
  @Column({ name: 'to_participant_id', type: 'uuid' }) toParticipantId: string;
  @Column({ type: 'text', nullable: true }) message: string | null;
  /** Both sides asked for this meeting: it weighs more in the schedule. */
  @Column({ type: 'boolean', default: false }) mutual: boolean;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
}

/** Where an accepted request takes place: a slot and a table (or online room). */
@Entity({ name: 'event_meeting' })
export class EventMeetingEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'slot_id', type: 'uuid' }) slotId: string;
  @Column({ name: 'table_no', type: 'integer' }) tableNo: number;
  @Column({ type: 'boolean', default: false }) locked: boolean;
  @Column({ type: 'text', nullable: true }) attendance: string | null;
  @Column({ name: 'placed_at', type: 'timestamptz' }) placedAt: Date;
}

@Entity({ name: 'meeting_feedback' })
export class MeetingFeedbackEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' }) requestId: string;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @Column({ type: 'integer', nullable: true }) rating: number | null;
  @Column({ name: 'follow_up', type: 'boolean' }) followUp: boolean;
  @Column({ type: 'text', default: 'NONE' }) outcome: string;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One run of the meeting scheduler (a BullMQ job) and its report. */
@Entity({ name: 'schedule_run' })
export class ScheduleRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'requested_by_account_id', type: 'uuid', nullable: true }) requestedByAccountId: string | null;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'real', default: 0 }) progress: number;
  @Column({ type: 'text', nullable: true }) phase: string | null;
  @Column({ type: 'jsonb', nullable: true }) report: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  /** The organiser's order of objective levels (2)-(4) (mutual, fairness, gaps); null = the default. */
  @Column({ name: 'objective_order', type: 'text', array: true, nullable: true }) objectiveOrder: string[] | null;
  /** Most meetings in a schedule found so far, and the best proven upper bound (progress while running). */
  @Column({ name: 'best_found', type: 'integer', nullable: true }) bestFound: number | null;
  @Column({ name: 'proven_bound', type: 'integer', nullable: true }) provenBound: number | null;
  /** The organiser asked to stop early: the worker keeps the best schedule found by its next checkpoint. */
  @Column({ name: 'stop_requested_at', type: 'timestamptz', nullable: true }) stopRequestedAt: Date | null;
}
