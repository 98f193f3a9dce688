import { EventParticipantEntity } from '@app/database';
import { type Actor, canEditFor, isAdmin } from '@app/identity';
import { isUuid, MarketplaceException, organisationEditors } from '@app/marketplace';
import type { EntityManager } from 'typeorm';

/** The person behind a participation: the creative themselves, or the organisation's owners and editors. */
export function controlsParticipant(actor: Actor, p: Pick<EventParticipantEntity, 'creativeProfileId' | 'organisationId'>): boolean {
  if (isAdmin(actor)) return true;
  if (p.creativeProfileId) return actor.creativeProfileId === p.creativeProfileId;
  return p.organisationId !== null && canEditFor(actor, p.organisationId);
}

/** Accounts told about a participant's meetings: who registered, plus the creative or the organisation's editors. */
export async function participantAccounts(m: EntityManager, participants: readonly EventParticipantEntity[]): Promise<string[]> {
  const out = new Set<string>();
  for (const p of participants) {
    if (p.accountId) out.add(p.accountId);
    if (p.organisationId) for (const a of await organisationEditors(m, p.organisationId)) out.add(a);
  }
  const creatives = participants.flatMap((p) => (p.creativeProfileId ? [p.creativeProfileId] : []));
  if (creatives.length > 0) {
    const rows = (await m.query(`SELECT account_id FROM creative_profile WHERE id = ANY($1::uuid[]) AND account_id IS NOT NULL`, [creatives])) as { account_id: string }[];
    for (const r of rows) out.add(r.account_id);
  }
  return [...out];
}

export async function findParticipant(m: EntityManager, id: string, lock = false): Promise<EventParticipantEntity | null> {
  if (!isUuid(id)) return null;
  return m.getRepository(EventParticipantEntity).findOne({ where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
}

/** Display names of participants (creative display name or organisation name), by participant id. */
export async function participantNames(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await m.query(
    `SELECT p.id, coalesce(cp.display_name, o.name) AS name
       FROM event_participant p LEFT JOIN creative_profile cp ON cp.id = p.creative_profile_id LEFT JOIN organisation o ON o.id = p.organisation_id
      WHERE p.id = ANY($1::uuid[])`,
    [ids],
  )) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The caller's participation in an event: the one given, or their only one. */
export async function actingParticipant(m: EntityManager, actor: Actor, eventId: string, asParticipantId?: string | null): Promise<EventParticipantEntity> {
  if (asParticipantId) {
    const p = await findParticipant(m, asParticipantId);
    if (!p || p.eventId !== eventId || !controlsParticipant(actor, p)) throw MarketplaceException.notFound('Participant', asParticipantId);
    return p;
  }
  const mine = (await m.getRepository(EventParticipantEntity).findBy({ eventId })).filter((p) => controlsParticipant(actor, p) && (p.status === 'APPROVED' || p.status === 'PENDING'));
  if (mine.length === 0) throw MarketplaceException.invalidState(`you are not registered for event ${eventId}`);
  if (mine.length > 1) throw MarketplaceException.invalid('asParticipantId', 'you take part in this event more than once (as a creative and for an organisation); say as which participant');
  return mine[0];
}
