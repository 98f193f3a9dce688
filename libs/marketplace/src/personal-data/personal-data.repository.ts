import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A row as PostgreSQL returns it (snake_case keys); the service turns keys into camelCase. */
export type Row = Record<string, unknown>;

/**
 * The reads behind the personal data export, one per section. Secrets are never selected:
 * password and refresh-token hashes stay in the database; mailed links store none.
 */
@Injectable()
export class PersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every section read in one REPEATABLE READ transaction, so the document shows one moment. */
  snapshot<T>(read: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', read);
  }

  async account(m: EntityManager, accountId: string): Promise<Row | null> {
    const [row] = await rows(m, `
      SELECT id, email, display_name, locale, platform_roles, email_verified_at, password_changed_at, is_demo, created_at, updated_at
        FROM account WHERE id = $1 AND erased_at IS NULL`, [accountId]);
    return row ?? null;
  }

  sessions(m: EntityManager, accountId: string): Promise<Row[]> {
    return rows(m, `SELECT id, created_at, last_used_at, expires_at, revoked_at FROM account_session WHERE account_id = $1 ORDER BY created_at`, [accountId]);
  }

  mailedLinks(m: EntityManager, accountId: string): Promise<Row[]> {
    return rows(m, `SELECT purpose, created_at, expires_at, used_at FROM account_token WHERE account_id = $1 ORDER BY created_at`, [accountId]);
  }

  memberships(m: EntityManager, accountId: string): Promise<Row[]> {
    return rows(m, `
      SELECT m.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind, m.role, m.created_at AS since
        FROM membership m JOIN organisation o ON o.id = m.organisation_id
       WHERE m.account_id = $1 ORDER BY m.created_at`, [accountId]);
  }

  /** Invitations to the address (or accepted by the account), and those the account sent. */
  invitations(m: EntityManager, accountId: string, email: string, direction: 'received' | 'sent'): Promise<Row[]> {
    const [where, parameters] = direction === 'received' ? ['i.email = $2 OR i.accepted_by = $1', [accountId, email]] : ['i.invited_by = $1', [accountId]];
    return rows(m, `
      SELECT i.id, i.kind, i.organisation_id, o.name AS organisation_name, i.challenge_id, coalesce(c.title_sl, c.title_en) AS challenge_title,
             i.role, i.email, i.locale, i.created_at, i.expires_at, i.accepted_at, i.revoked_at
        FROM invitation i LEFT JOIN organisation o ON o.id = i.organisation_id LEFT JOIN challenge c ON c.id = i.challenge_id
       WHERE ${where} ORDER BY i.created_at`, parameters);
  }

  /**
   * The whole profile row (new columns appear without a code change), its offers, its portfolio
   * items (texts, link, order, and the image's file metadata with the address it downloads from)
   * and every matching-consent change with the version of the explanation shown.
   */
  async creativeProfile(m: EntityManager, accountId: string): Promise<Row | null> {
    const [row] = await rows(m, `
      SELECT to_jsonb(cp) - 'account_id' AS profile,
             (SELECT coalesce(jsonb_agg(to_jsonb(o) - 'creative_profile_id' ORDER BY o.created_at), '[]') FROM offer o WHERE o.creative_profile_id = cp.id) AS offers,
             (SELECT coalesce(jsonb_agg((to_jsonb(i) - 'creative_profile_id') || jsonb_build_object('image',
                       (SELECT jsonb_build_object('id', f.id, 'file_name', f.file_name, 'content_type', f.content_type, 'size_bytes', f.size_bytes,
                                                  'sha256', f.sha256, 'created_at', f.created_at, 'url', '/attachments/' || f.id)
                          FROM attachment f WHERE f.owner_type = 'portfolio_item' AND f.owner_id = i.id ORDER BY f.created_at DESC LIMIT 1))
                     ORDER BY i.position, i.created_at), '[]')
                FROM creative_portfolio_item i WHERE i.creative_profile_id = cp.id) AS portfolio_items,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('given', e.given, 'explanation_version', e.explanation_version, 'occurred_at', e.occurred_at)
                     ORDER BY e.occurred_at, e.id), '[]')
                FROM matching_consent_event e WHERE e.creative_profile_id = cp.id) AS matching_consent_history
        FROM creative_profile cp WHERE cp.account_id = $1`, [accountId]);
    return row ? { ...(row.profile as Row), offers: row.offers, portfolio_items: row.portfolio_items, matching_consent_history: row.matching_consent_history } : null;
  }

  challengeInvitations(m: EntityManager, profileId: string): Promise<Row[]> {
    return rows(m, `
      SELECT ci.challenge_id, coalesce(c.title_sl, c.title_en) AS challenge_title, ci.invited_at
        FROM challenge_invitee ci JOIN challenge c ON c.id = ci.challenge_id
       WHERE ci.creative_profile_id = $1 ORDER BY ci.invited_at`, [profileId]);
  }

  /**
   * Proposals the profile (co-)authors, with texts, authors and file metadata. The outcome and
   * the award stay hidden until the decision is published, as they are from authors in the API.
   */
  proposals(m: EntityManager, profileId: string): Promise<Row[]> {
    return rows(m, `
      SELECT p.id, mine.role AS my_role, p.challenge_id, coalesce(c.title_sl, c.title_en) AS challenge_title, p.status, p.blind_code,
             p.title_sl, p.title_en, p.body_sl, p.body_en, p.requested_eur, p.created_at, p.updated_at, p.submitted_at, p.withdrawn_at, p.shortlisted_at,
             CASE WHEN c.status = 'AWARDED' THEN p.outcome END AS outcome,
             CASE WHEN c.status = 'AWARDED' THEN p.award_eur END AS award_eur,
             CASE WHEN c.status = 'AWARDED' THEN p.award_reason_sl END AS award_reason_sl,
             CASE WHEN c.status = 'AWARDED' THEN p.award_reason_en END AS award_reason_en,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('display_name', cp.display_name, 'role', a.role) ORDER BY a.role DESC, cp.display_name), '[]')
                FROM proposal_author a JOIN creative_profile cp ON cp.id = a.creative_profile_id WHERE a.proposal_id = p.id) AS authors,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('id', f.id, 'file_name', f.file_name, 'content_type', f.content_type, 'size_bytes', f.size_bytes,
                                                          'sha256', f.sha256, 'created_at', f.created_at) ORDER BY f.created_at), '[]')
                FROM attachment f WHERE f.owner_type = 'proposal' AND f.owner_id = p.id) AS attachments
        FROM proposal_author mine JOIN proposal p ON p.id = mine.proposal_id JOIN challenge c ON c.id = p.challenge_id
       WHERE mine.creative_profile_id = $1 ORDER BY p.created_at`, [profileId]);
  }

  questions(m: EntityManager, accountId: string): Promise<Row[]> {
    return rows(m, `
      SELECT q.id, q.challenge_id, coalesce(c.title_sl, c.title_en) AS challenge_title, q.language, q.question, q.answer_sl, q.answer_en, q.answered_at, q.created_at
        FROM challenge_question q JOIN challenge c ON c.id = q.challenge_id
       WHERE q.account_id = $1 ORDER BY q.created_at`, [accountId]);
  }

  /**
   * Per challenge: the jury seat and the account's conflict declarations and scores (proposals by
   * blind code, as jurors see them). Declarations and scores outlive a seat that was taken away.
   */
  jury(m: EntityManager, accountId: string): Promise<Row[]> {
    return rows(m, `
      WITH seat AS (
        SELECT challenge_id FROM jury_member WHERE account_id = $1
        UNION SELECT p.challenge_id FROM conflict_declaration d JOIN proposal p ON p.id = d.proposal_id WHERE d.account_id = $1
        UNION SELECT p.challenge_id FROM review_score s JOIN proposal p ON p.id = s.proposal_id WHERE s.account_id = $1)
      SELECT seat.challenge_id, coalesce(c.title_sl, c.title_en) AS challenge_title, c.status AS challenge_status, j.created_at AS juror_since,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('blind_code', p.blind_code, 'has_conflict', d.has_conflict, 'reason', d.reason, 'declared_at', d.declared_at)
                                        ORDER BY p.blind_code), '[]')
                FROM conflict_declaration d JOIN proposal p ON p.id = d.proposal_id
               WHERE d.account_id = $1 AND p.challenge_id = seat.challenge_id) AS conflict_declarations,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('blind_code', p.blind_code, 'criterion', coalesce(k.name_en, k.name_sl), 'score', s.score,
                                                          'comment', s.comment, 'updated_at', s.updated_at) ORDER BY p.blind_code, k.position), '[]')
                FROM review_score s JOIN proposal p ON p.id = s.proposal_id JOIN challenge_criterion k ON k.id = s.criterion_id
               WHERE s.account_id = $1 AND p.challenge_id = seat.challenge_id) AS scores
        FROM seat JOIN challenge c ON c.id = seat.challenge_id
        LEFT JOIN jury_member j ON j.challenge_id = seat.challenge_id AND j.account_id = $1
       ORDER BY c.created_at`, [accountId]);
  }

  /**
   * Event participations of the person: their creative profile's, and the organisations' they
   * registered; with their availability, the requests they sent and received (messages included),
   * their placed meetings and the feedback they gave. Events they created are listed by id and title.
   */
  async events(m: EntityManager, accountId: string, profileId: string | null): Promise<Row> {
    const participations = await rows(m, `
      SELECT p.id, p.event_id, coalesce(e.title_sl, e.title_en) AS event_title, e.event_date, p.participation_type, p.status, p.offers_text, p.seeks_text,
             p.need_ids, p.offer_ids, p.registered_at, p.checked_in_at,
             (SELECT coalesce(jsonb_agg(s.starts_at ORDER BY s.position), '[]') FROM event_availability a JOIN event_slot s ON s.id = a.slot_id WHERE a.participant_id = p.id) AS available_slots,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('direction', CASE WHEN r.from_participant_id = p.id THEN 'sent' ELSE 'received' END, 'message', r.message,
                      'status', r.status, 'mutual', r.mutual, 'created_at', r.created_at, 'slot_starts_at', s.starts_at, 'table_no', em.table_no, 'attendance', em.attendance)
                      ORDER BY r.created_at), '[]')
                FROM meeting_request r LEFT JOIN event_meeting em ON em.request_id = r.id LEFT JOIN event_slot s ON s.id = em.slot_id
               WHERE r.from_participant_id = p.id OR r.to_participant_id = p.id) AS meeting_requests,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('request_id', f.request_id, 'rating', f.rating, 'follow_up', f.follow_up, 'outcome', f.outcome, 'comment', f.comment)), '[]')
                FROM meeting_feedback f WHERE f.participant_id = p.id) AS feedback_given
        FROM event_participant p JOIN event e ON e.id = p.event_id
       WHERE p.creative_profile_id = $2 OR p.account_id = $1
       ORDER BY p.registered_at`, [accountId, profileId]);
    const created = await rows(m, `SELECT id, coalesce(title_sl, title_en) AS title, event_date, status FROM event WHERE created_by_account_id = $1 ORDER BY created_at`, [accountId]);
    return { participations, eventsCreated: created };
  }

  notifications(m: EntityManager, accountId: string): Promise<Row[]> {
    return rows(m, `SELECT kind, category, subject_type, subject_id, reason_sl, reason_en, created_at, read_at, email_state, emailed_at FROM notification WHERE account_id = $1 ORDER BY created_at`, [accountId]);
  }

  notificationPreferences(m: EntityManager, accountId: string): Promise<Row[]> {
    return rows(m, `SELECT category, mode, updated_at FROM notification_preference WHERE account_id = $1 ORDER BY category`, [accountId]);
  }

  awardOutcomesRecorded(m: EntityManager, accountId: string): Promise<Row[]> {
    return rows(m, `
      SELECT ao.id, ao.proposal_id, p.blind_code, ao.kind, ao.description, ao.value_eur, ao.occurred_on, ao.created_at
        FROM award_outcome ao JOIN proposal p ON p.id = ao.proposal_id
       WHERE ao.recorded_by = $1 ORDER BY ao.created_at`, [accountId]);
  }
}

function rows(m: EntityManager, sql: string, parameters: unknown[]): Promise<Row[]> {
  return m.query(sql, parameters) as Promise<Row[]>;
}
