import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreativeProfileEntity, EventEntity, EventParticipantEntity, type NeedEntity, OrganisationEntity } from '@app/database';
import type { Actor } from '@app/identity';
import { JobName, JobStatus, OnJob, OutboxStore, OutboxTopic, type JobDataOf } from '@app/jobs';
import {
  creativeSupply, labelOf, MarketplaceException, MatchAudience, MatchingService, needDemand, scoreMatch, Taxonomy, Vocabulary, type MatchExplanation,
} from '@app/marketplace';
import { type IndexDefinition, normaliseForIndex, normaliseQuery, SEARCH_PORT, type SearchDocument, type SearchPort } from '@app/search';
import type { DataSource } from 'typeorm';
import { CREATIVE_TYPES, EventStatus, mayContact, ParticipantStatus, type ParticipationType } from '../events/event.rules.js';
import { canManageEvent, EventsService } from '../events/events.service.js';
import { actingParticipant, controlsParticipant } from '../registration/participants.js';

/**
 * The event's participant directory in the search engine: names, what they offer and seek, domain
 * labels and place, never contact data. Only approved participants of live events are in it;
 * results are re-read from PostgreSQL, so a stale document never shows anyone who left.
 */
export const EVENT_PARTICIPANTS_INDEX: IndexDefinition = {
  name: 'event-participants',
  searchableFields: ['name', 'tags', 'about'],
  filterableFields: ['eventId', 'type', 'domains', 'municipality'],
  sortableFields: ['registeredAt'],
};

export interface DirectoryQuery {
  text?: string | null;
  types?: ParticipationType[] | null;
  domains?: string[] | null;
  first?: number;
}

export interface Recommendation {
  participant: EventParticipantEntity;
  explanation: MatchExplanation;
}

export interface Subject {
  participant: EventParticipantEntity;
  creative: CreativeProfileEntity | null;
  organisation: OrganisationEntity | null;
  needs: NeedEntity[];
}

@Injectable()
export class ParticipantDirectory {
  private readonly logger = new Logger(ParticipantDirectory.name);
  private ensured: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_PORT) private readonly search: SearchPort,
    private readonly outbox: OutboxStore,
    private readonly events: EventsService,
    private readonly matching: MatchingService,
  ) {}

  /** Browse and search an event's approved participants: its organisers and its approved participants. */
  async find(actor: Actor, eventId: string, q: DirectoryQuery): Promise<{ participants: EventParticipantEntity[]; total: number }> {
    await this.mayBrowse(actor, eventId);
    await this.ready();
    const filters: Record<string, string[]> = { eventId: [eventId] };
    if (q.types?.length) filters.type = q.types;
    if (q.domains?.length) filters.domains = q.domains;
    const result = await this.search.search(EVENT_PARTICIPANTS_INDEX.name, { text: normaliseQuery(q.text ?? ''), filters, limit: Math.min(q.first ?? 20, 100) });
    const rows = result.hits.length === 0 ? [] : await this.dataSource.getRepository(EventParticipantEntity).createQueryBuilder('p')
      .where('p.id IN (:...ids) AND p.event_id = :e AND p.status = :s', { ids: result.hits.map((h) => h.id), e: eventId, s: ParticipantStatus.Approved }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { participants: result.hits.flatMap((h) => byId.get(h.id) ?? []), total: result.total };
  }

  /**
   * People the caller should meet, best first, with the matching issue's explained scores: an
   * organisation's linked needs and what it seeks on one side, a creative's profile on the other
   * (retrieval through the search port gives the text relevance). Only those the event's contact
   * rules let the caller ask, and not those they already have a live request with.
   */
  async recommend(actor: Actor, eventId: string, asParticipantId?: string | null, first = 10): Promise<Recommendation[]> {
    await this.events.get(actor, eventId);
    const m = this.dataSource.manager;
    const me = await actingParticipant(m, actor, eventId, asParticipantId);
    if (me.status !== ParticipantStatus.Approved) throw MarketplaceException.invalidState('recommendations open once your registration is approved');
    const event = await m.getRepository(EventEntity).findOneByOrFail({ id: eventId });
    const others = (await m.getRepository(EventParticipantEntity).findBy({ eventId, status: ParticipantStatus.Approved }))
      .filter((p) => p.id !== me.id && mayContact(event.contactRules, me.participationType, p.participationType));
    const live = new Set(((await m.query(
      `SELECT CASE WHEN from_participant_id = $1 THEN to_participant_id ELSE from_participant_id END AS other
         FROM meeting_request WHERE (from_participant_id = $1 OR to_participant_id = $1) AND status IN ('PENDING', 'ACCEPTED')`,
      [me.id],
    )) as { other: string }[]).map((r) => r.other));
    const candidates = others.filter((p) => !live.has(p.id));
    const subjects = await this.subjects([me, ...candidates]);
    const mine = subjects.get(me.id);
    if (!mine) return [];
    const text = await this.textScores(eventId, mine);
    const out: Recommendation[] = [];
    for (const c of candidates) {
      const other = subjects.get(c.id);
      if (!other) continue;
      const explanation = this.score(mine, other, text.get(c.id) ?? 0);
      if (explanation) out.push({ participant: c, explanation });
    }
    return out.sort((a, b) => b.explanation.score - a.explanation.score || a.participant.id.localeCompare(b.participant.id)).slice(0, Math.min(first, 50));
  }

  ready(): Promise<void> {
    this.ensured ??= this.search.ensureIndex(EVENT_PARTICIPANTS_INDEX).catch((error: unknown) => {
      this.ensured = undefined;
      this.logger.warn(`event participant index not ready: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    });
    return this.ensured;
  }

  private async mayBrowse(actor: Actor, eventId: string): Promise<void> {
    const event = await this.events.get(actor, eventId);
    if (canManageEvent(actor, event)) return;
    const mine = (await this.dataSource.getRepository(EventParticipantEntity).findBy({ eventId, status: ParticipantStatus.Approved })).some((p) => controlsParticipant(actor, p));
    if (!mine) throw MarketplaceException.forbidden('the participant directory is for the organisers and approved participants');
  }

  private async textScores(eventId: string, me: Subject): Promise<Map<string, number>> {
    const words = [me.participant.seeksText, ...me.needs.flatMap((n) => [n.titleSl, n.titleEn])].filter(Boolean).join(' ');
    if (!words) return new Map();
    await this.ready();
    const result = await this.search.search(EVENT_PARTICIPANTS_INDEX.name, { text: normaliseQuery(words.slice(0, 400)), filters: { eventId: [eventId] }, limit: 200 });
    return new Map(result.hits.map((h) => [h.id, h.score ?? 0]));
  }

  /** Demand is an organisation's (or what a creative seeks); supply is a creative's. Pairs of two organisations are not scored. */
  private score(me: Subject, other: Subject, textScore: number): MatchExplanation | null {
    const weights = this.matching.weights;
    const demandOf = (s: Subject) => needDemand(syntheticNeed(s), s.organisation);
    if (me.creative && other.creative) return scoreMatch(demandOf(me), creativeSupply(other.creative), textScore, weights, labelOf, MatchAudience.Creative);
    if (me.organisation && other.creative) return scoreMatch(demandOf(me), creativeSupply(other.creative), textScore, weights, labelOf, MatchAudience.Organisation);
    if (me.creative && other.organisation) return scoreMatch(demandOf(other), creativeSupply(me.creative), textScore, weights, labelOf, MatchAudience.Creative);
    return null;
  }

  async subjects(participants: readonly EventParticipantEntity[]): Promise<Map<string, Subject>> {
    const m = this.dataSource.manager;
    const creativeIds = participants.flatMap((p) => (p.creativeProfileId ? [p.creativeProfileId] : []));
    const organisationIds = participants.flatMap((p) => (p.organisationId ? [p.organisationId] : []));
    const needIds = participants.flatMap((p) => p.needIds);
    const [creatives, organisations, needs] = await Promise.all([
      creativeIds.length ? m.getRepository(CreativeProfileEntity).createQueryBuilder('c').where('c.id IN (:...ids)', { ids: creativeIds }).getMany() : [],
      organisationIds.length ? m.getRepository(OrganisationEntity).createQueryBuilder('o').where('o.id IN (:...ids)', { ids: organisationIds }).getMany() : [],
      needIds.length ? m.query(`SELECT id, title_sl AS "titleSl", title_en AS "titleEn", description_sl AS "descriptionSl", description_en AS "descriptionEn", domains, techniques, materials FROM need WHERE id = ANY($1::uuid[])`, [needIds]) as Promise<NeedEntity[]> : [],
    ]);
    const c = new Map(creatives.map((x) => [x.id, x]));
    const o = new Map(organisations.map((x) => [x.id, x]));
    const n = new Map(needs.map((x) => [x.id, x]));
    return new Map(participants.map((p) => [p.id, {
      participant: p, creative: p.creativeProfileId ? c.get(p.creativeProfileId) ?? null : null, organisation: p.organisationId ? o.get(p.organisationId) ?? null : null,
      needs: p.needIds.flatMap((id) => n.get(id) ?? []),
    }]));
  }
}

/** What a participant asks for, as one need: its linked needs' codes and texts, and what it seeks in its own words. */
function syntheticNeed(s: Subject): NeedEntity {
  const texts = (pick: (n: NeedEntity) => string | null) => s.needs.map(pick).filter(Boolean).join(' \n ') || null;
  return {
    titleSl: texts((n) => n.titleSl), titleEn: texts((n) => n.titleEn),
    descriptionSl: [s.participant.seeksText, texts((n) => n.descriptionSl)].filter(Boolean).join(' \n ') || null,
    descriptionEn: texts((n) => n.descriptionEn),
    domains: [...new Set(s.needs.flatMap((n) => n.domains))],
    techniques: [...new Set(s.needs.flatMap((n) => n.techniques))], materials: [...new Set(s.needs.flatMap((n) => n.materials))],
  } as NeedEntity;
}

export function participantDocument(s: Subject): SearchDocument {
  const p = s.participant;
  const domains = s.creative?.domains ?? [...new Set(s.needs.flatMap((n) => n.domains))];
  const municipality = s.creative?.municipality ?? s.organisation?.municipality ?? '';
  const labels = (v: Vocabulary, codes: readonly string[]) => codes.map((code) => Taxonomy.label(v, code)).flatMap((l) => (l ? [l.sl, l.en] : []));
  return {
    id: p.id,
    eventId: p.eventId,
    type: p.participationType,
    name: normaliseForIndex(s.creative?.displayName ?? s.organisation?.name ?? ''),
    about: normaliseForIndex([p.offersText, p.seeksText, s.creative?.bioSl, s.creative?.bioEn, s.organisation?.descriptionSl, s.organisation?.descriptionEn, ...s.needs.flatMap((n) => [n.titleSl, n.titleEn])].filter(Boolean).join(' \n ')),
    tags: normaliseForIndex([
      ...labels(Vocabulary.Domain, domains), ...labels(Vocabulary.Craft, s.creative?.crafts ?? []), ...labels(Vocabulary.Technique, [...(s.creative?.techniques ?? []), ...s.needs.flatMap((n) => n.techniques)]),
      ...labels(Vocabulary.Material, [...(s.creative?.materials ?? []), ...s.needs.flatMap((n) => n.materials)]), Taxonomy.place(municipality)?.name ?? '',
      CREATIVE_TYPES.includes(p.participationType as ParticipationType) ? 'kreativec creative' : 'organizacija organisation',
    ].join(' ')),
    domains,
    municipality: municipality ? [municipality] : [],
    registeredAt: p.registeredAt.getTime(),
  };
}

/**
 * Worker side: keeps one participant's document in line with PostgreSQL (approved in a live event:
 * listed; otherwise removed). At worker start, if the index holds another number of documents than
 * PostgreSQL says it should (engine data lost, old backup), every participant is synced again
 * through the outbox, so stale documents go and missing ones come back.
 */
@Injectable()
export class ParticipantIndexSync implements OnApplicationBootstrap {
  private readonly logger = new Logger(ParticipantIndexSync.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_PORT) private readonly search: SearchPort,
    private readonly outbox: OutboxStore,
    private readonly directory: ParticipantDirectory,
  ) {}

  onApplicationBootstrap(): void {
    void this.checkDrift().catch((error: unknown) => this.logger.warn(`event directory drift check failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Answers how many participants were queued for a sync (0: index and database agree). */
  async checkDrift(): Promise<number> {
    await this.directory.ready();
    const [indexed, [{ expected }]] = await Promise.all([
      this.search.count(EVENT_PARTICIPANTS_INDEX.name),
      this.dataSource.query(`SELECT count(*)::int AS expected FROM event_participant p JOIN event e ON e.id = p.event_id WHERE p.status = 'APPROVED' AND e.status <> 'CANCELLED'`) as Promise<{ expected: number }[]>,
    ]);
    if (indexed === expected) return 0;
    const queued = (await this.dataSource.query(
      `INSERT INTO outbox_event (topic, aggregate_type, aggregate_id) SELECT $1, 'event-participant', id FROM event_participant RETURNING id`, [OutboxTopic.EventParticipantChanged],
    )) as unknown[];
    this.logger.log(`${EVENT_PARTICIPANTS_INDEX.name}: ${indexed} documents indexed, ${expected} expected; syncing all ${queued.length} participants again`);
    return queued.length;
  }

  @OnJob(JobName.SyncEventParticipant)
  async sync(data: JobDataOf<JobName.SyncEventParticipant>): Promise<JobStatus> {
    await this.directory.ready();
    const participant = await this.dataSource.getRepository(EventParticipantEntity).findOneBy({ id: data.participantId });
    const event = participant ? await this.dataSource.getRepository(EventEntity).findOneBy({ id: participant.eventId }) : null;
    const listed = participant && event && participant.status === ParticipantStatus.Approved && event.status !== EventStatus.Cancelled;
    if (listed) {
      const subject = (await this.directory.subjects([participant])).get(participant.id);
      if (subject) await this.search.upsert(EVENT_PARTICIPANTS_INDEX.name, [participantDocument(subject)]);
    } else {
      await this.search.remove(EVENT_PARTICIPANTS_INDEX.name, [data.participantId]);
    }
    await this.outbox.markProcessed(OutboxTopic.EventParticipantChanged, 'event-participant', data.participantId, data.upToOutboxId);
    return listed ? JobStatus.Success : JobStatus.Skipped;
  }

}
