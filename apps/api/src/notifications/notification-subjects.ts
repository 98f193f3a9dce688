import { Injectable } from '@nestjs/common';
import { EventsService } from '@app/events';
import { canSeeChallenge, canSeeSupportMeasure, ChallengesService, isUuid, MarketplaceException, NeedsService, OrganisationsService, ProposalsService, SupportMeasuresService } from '@app/marketplace';
import DataLoader from 'dataloader';
import type { Actor } from '../auth/actor.js';

/** What an inbox item is about, as the reader may see it now. */
export interface NotificationSubject {
  title: { sl: string | null; en: string | null };
  /** The challenge a challenge or proposal notification is about (proposals are shown as their challenge). */
  challengeId: string | null;
}

export interface SubjectRef {
  subjectType: string;
  subjectId: string;
}

const key = (ref: SubjectRef) => `${ref.subjectType}:${ref.subjectId}`;

/** The record is gone, or the reader may not see it: both read as "nothing to show". */
async function visibleOrNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof MarketplaceException) return null;
    throw error;
  }
}

/**
 * Titles of what notifications are about, checked against what the reader may see today (a
 * challenge may have been withdrawn to a draft, a need closed, a co-author removed): a subject the
 * reader may not see has no title here. One batch per request and reader: challenges and
 * organisations in one query each; proposals, needs and events (rare in an inbox) through their
 * services' own visibility checks.
 */
@Injectable()
export class NotificationSubjects {
  private readonly loaders = new WeakMap<object, DataLoader<string, NotificationSubject | null>>();

  constructor(
    private readonly challenges: ChallengesService,
    private readonly proposals: ProposalsService,
    private readonly needs: NeedsService,
    private readonly organisations: OrganisationsService,
    private readonly events: EventsService,
    private readonly supportMeasures: SupportMeasuresService,
  ) {}

  /** `requestScope`: one object per GraphQL request (its context), so batches never outlive a request. */
  load(requestScope: object, actor: Actor, ref: SubjectRef): Promise<NotificationSubject | null> {
    let loader = this.loaders.get(requestScope);
    if (!loader) {
      loader = new DataLoader<string, NotificationSubject | null>(async (keys) => {
        const found = await this.describe(actor, keys.map((k) => ({ subjectType: k.slice(0, k.indexOf(':')), subjectId: k.slice(k.indexOf(':') + 1) })));
        return keys.map((k) => found.get(k) ?? null);
      });
      this.loaders.set(requestScope, loader);
    }
    return loader.load(key(ref));
  }

  async describe(actor: Actor, refs: readonly SubjectRef[]): Promise<Map<string, NotificationSubject>> {
    const ids = (type: string) => [...new Set(refs.filter((r) => r.subjectType === type && isUuid(r.subjectId)).map((r) => r.subjectId))];
    const out = new Map<string, NotificationSubject>();
    const [challenges, organisations, proposals, needs, events, measures] = await Promise.all([
      this.challenges.getMany(ids('challenge')),
      this.organisations.getMany(ids('organisation')),
      Promise.all(ids('proposal').map((id) => visibleOrNull(() => this.proposals.get(actor, id)))),
      Promise.all(ids('need').map((id) => visibleOrNull(() => this.needs.get(actor, id)))),
      Promise.all(ids('event').map((id) => visibleOrNull(() => this.events.get(actor, id)))),
      this.supportMeasures.getMany(ids('support-measure')),
    ]);
    for (const c of challenges) {
      if (canSeeChallenge(actor, c)) out.set(key({ subjectType: 'challenge', subjectId: c.id }), { title: { sl: c.titleSl, en: c.titleEn }, challengeId: c.id });
    }
    for (const p of proposals) {
      if (p) out.set(key({ subjectType: 'proposal', subjectId: p.proposal.id }), { title: { sl: p.challenge.titleSl, en: p.challenge.titleEn }, challengeId: p.challenge.id });
    }
    for (const n of needs) if (n) out.set(key({ subjectType: 'need', subjectId: n.id }), { title: { sl: n.titleSl, en: n.titleEn }, challengeId: null });
    // Organisations are public (their names are on every challenge page).
    for (const o of organisations) out.set(key({ subjectType: 'organisation', subjectId: o.id }), { title: { sl: o.name, en: o.name }, challengeId: null });
    for (const e of events) if (e) out.set(key({ subjectType: 'event', subjectId: e.id }), { title: { sl: e.titleSl, en: e.titleEn }, challengeId: null });
    for (const m of measures) {
      if (canSeeSupportMeasure(actor, m)) out.set(key({ subjectType: 'support-measure', subjectId: m.id }), { title: { sl: m.titleSl, en: m.titleEn }, challengeId: null });
    }
    return out;
  }
}
