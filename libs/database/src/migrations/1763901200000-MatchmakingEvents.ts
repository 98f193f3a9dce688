import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Match-making events: sessions cut into slots, registered participants with their availability,
 * meeting requests, the scheduler's placements and runs, check-in, and feedback after meetings.
 * Participants hang on a creative profile or an organisation; erasing either removes their
 * participation and, through the cascades, their requests, meetings and feedback.
 */
export class MatchmakingEvents1763901200000 implements MigrationInterface {
  name = 'MatchmakingEvents1763901200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title_sl text, title_en text, description_sl text, description_en text,
        CHECK (title_sl IS NOT NULL OR title_en IS NOT NULL),
        host_organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
        venue_organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
        venue_name text NOT NULL,
        venue_address text,
        online boolean NOT NULL DEFAULT false,
        event_date date NOT NULL,
        registration_opens_at timestamptz(3) NOT NULL,
        registration_closes_at timestamptz(3) NOT NULL,
        CHECK (registration_closes_at > registration_opens_at),
        capacity integer NOT NULL CHECK (capacity > 0),
        requires_approval boolean NOT NULL DEFAULT false,
        participation_types text[] NOT NULL,
        contact_rules jsonb NOT NULL DEFAULT '[]',
        max_requests_per_participant integer NOT NULL CHECK (max_requests_per_participant > 0),
        max_meetings_per_session integer NOT NULL CHECK (max_meetings_per_session > 0),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED', 'CANCELLED')),
        published_at timestamptz(3),
        schedule_published_at timestamptz(3),
        schedule_version integer NOT NULL DEFAULT 0,
        created_by_account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE event_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        name text,
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        CHECK (ends_at > starts_at),
        slot_minutes integer NOT NULL CHECK (slot_minutes BETWEEN 10 AND 120),
        breaks jsonb NOT NULL DEFAULT '[]',
        tables integer NOT NULL CHECK (tables > 0),
        room_kind text NOT NULL DEFAULT 'TABLE' CHECK (room_kind IN ('TABLE', 'ONLINE_ROOM'))
      )`);
    await q.query(`CREATE INDEX event_session_event_idx ON event_session (event_id, starts_at)`);
    await q.query(`
      CREATE TABLE event_slot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES event_session (id) ON DELETE CASCADE,
        position integer NOT NULL,
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        UNIQUE (event_id, position)
      )`);
    await q.query(`
      CREATE TABLE event_participant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        creative_profile_id uuid REFERENCES creative_profile (id) ON DELETE CASCADE,
        organisation_id uuid REFERENCES organisation (id) ON DELETE CASCADE,
        CHECK ((creative_profile_id IS NULL) <> (organisation_id IS NULL)),
        participation_type text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
        offers_text text, seeks_text text,
        need_ids uuid[] NOT NULL DEFAULT '{}',
        offer_ids uuid[] NOT NULL DEFAULT '{}',
        checked_in_at timestamptz(3),
        registered_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_at timestamptz(3)
      )`);
    await q.query(`CREATE UNIQUE INDEX event_participant_creative_uq ON event_participant (event_id, creative_profile_id) WHERE creative_profile_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX event_participant_organisation_uq ON event_participant (event_id, organisation_id) WHERE organisation_id IS NOT NULL`);
    await q.query(`CREATE INDEX event_participant_account_idx ON event_participant (account_id)`);
    await q.query(`
      CREATE TABLE event_availability (
        participant_id uuid NOT NULL REFERENCES event_participant (id) ON DELETE CASCADE,
        slot_id uuid NOT NULL REFERENCES event_slot (id) ON DELETE CASCADE,
        PRIMARY KEY (participant_id, slot_id)
      )`);
    await q.query(`
      CREATE TABLE meeting_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        from_participant_id uuid NOT NULL REFERENCES event_participant (id) ON DELETE CASCADE,
        to_participant_id uuid NOT NULL REFERENCES event_participant (id) ON DELETE CASCADE,
        CHECK (from_participant_id <> to_participant_id),
        message text,
        mutual boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        responded_at timestamptz(3),
        cancelled_at timestamptz(3)
      )`);
    // One live request per pair and direction; a declined or cancelled one may be asked again.
    await q.query(`CREATE UNIQUE INDEX meeting_request_live_uq ON meeting_request (from_participant_id, to_participant_id) WHERE status IN ('PENDING', 'ACCEPTED')`);
    await q.query(`CREATE INDEX meeting_request_to_idx ON meeting_request (to_participant_id, status)`);
    await q.query(`CREATE INDEX meeting_request_event_idx ON meeting_request (event_id, status)`);
    await q.query(`
      CREATE TABLE event_meeting (
        request_id uuid PRIMARY KEY REFERENCES meeting_request (id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        slot_id uuid NOT NULL REFERENCES event_slot (id) ON DELETE CASCADE,
        table_no integer NOT NULL CHECK (table_no > 0),
        locked boolean NOT NULL DEFAULT false,
        attendance text CHECK (attendance IN ('HELD', 'NO_SHOW')),
        placed_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (slot_id, table_no)
      )`);
    await q.query(`
      CREATE TABLE meeting_feedback (
        request_id uuid NOT NULL REFERENCES meeting_request (id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES event_participant (id) ON DELETE CASCADE,
        rating integer CHECK (rating BETWEEN 1 AND 5),
        follow_up boolean NOT NULL,
        outcome text NOT NULL DEFAULT 'NONE' CHECK (outcome IN ('NONE', 'PROPOSAL', 'CONTRACT')),
        comment text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (request_id, participant_id)
      )`);
    await q.query(`
      CREATE TABLE schedule_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        requested_by_account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        progress real NOT NULL DEFAULT 0,
        phase text,
        report jsonb,
        error text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        started_at timestamptz(3),
        finished_at timestamptz(3)
      )`);
    // One run at a time per event: a second request while one is queued or running is refused.
    await q.query(`CREATE UNIQUE INDEX schedule_run_active_uq ON schedule_run (event_id) WHERE status IN ('QUEUED', 'RUNNING')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['schedule_run', 'meeting_feedback', 'event_meeting', 'meeting_request', 'event_availability', 'event_participant', 'event_slot', 'event_session', 'event']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
