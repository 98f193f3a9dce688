import type { EntityManager } from 'typeorm';

/**
 * In-app inbox rows written inside the transaction of the change they report, so they exist
 * exactly when the change does. (account, idempotency key) is unique: repeating adds nothing.
 */
export interface InboxItem {
  kind: string;
  subjectType: string;
  subjectId: string;
  idempotencyKey: string;
}

/** One row per account given; returns how many were new. */
export async function addToInbox(manager: EntityManager, accountIds: readonly string[], item: InboxItem): Promise<number> {
  return addToInboxWithReasons(manager, accountIds.map((accountId) => ({ accountId, reason: null })), item);
}

/** One row per recipient, each with why it is sent to them (shown in the inbox and the mail). */
export async function addToInboxWithReasons(
  manager: EntityManager,
  recipients: readonly { accountId: string; reason: { sl: string; en: string } | null }[],
  item: InboxItem,
): Promise<number> {
  if (recipients.length === 0) return 0;
  const rows = (await manager.query(
    `INSERT INTO notification (account_id, kind, subject_type, subject_id, idempotency_key, reason_sl, reason_en)
     SELECT r.account_id, $4, $5, $6, $7, r.reason_sl, r.reason_en FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(account_id, reason_sl, reason_en)
     ON CONFLICT (account_id, idempotency_key) DO NOTHING
     RETURNING id`,
    [recipients.map((r) => r.accountId), recipients.map((r) => r.reason?.sl ?? null), recipients.map((r) => r.reason?.en ?? null), item.kind, item.subjectType, item.subjectId, item.idempotencyKey],
  )) as unknown[];
  return rows.length;
}

/** Accounts of an organisation's owners and editors: who acts on its challenges. */
export async function organisationEditors(manager: EntityManager, organisationId: string): Promise<string[]> {
  const rows = (await manager.query(`SELECT account_id FROM membership WHERE organisation_id = $1 AND role IN ('owner', 'editor')`, [organisationId])) as { account_id: string }[];
  return rows.map((r) => r.account_id);
}

/** Accounts of all an organisation's members (owners, editors, reviewers): who reads its proposals and questions. */
export async function organisationMembers(manager: EntityManager, organisationId: string): Promise<string[]> {
  const rows = (await manager.query(`SELECT account_id FROM membership WHERE organisation_id = $1`, [organisationId])) as { account_id: string }[];
  return rows.map((r) => r.account_id);
}
