import { Injectable } from '@nestjs/common';
import type { SupportMeasureEntity } from '@app/database';
import { OutboxTopic, SearchableType } from '@app/jobs';
import { type Actor, canEditFor, canReviewFor, isAdmin, isOrganiser } from '@app/identity';
import { refuse, requireVerified } from '../common/access.js';
import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { CreativeKind, OrganisationKind } from '../reference/index.js';
import { SupportMeasureRepository } from './support-measure.repository.js';
import { MAX_AMOUNT_EUR, MAX_SUMMARY, MAX_TEXT, MAX_TITLE, MAX_URL, SupportMeasureStatus } from './support-measure.rules.js';
import type { OrganisationEntity } from '@app/database';

export interface SupportMeasureCommand {
  providerOrganisationId: string;
  title: Partial<LocalizedText>;
  summary?: Partial<LocalizedText> | null;
  text?: Partial<LocalizedText> | null;
  /** Who may apply: creative profile kinds and organisation kinds (at least one kind overall). */
  eligibility: { creativeKinds?: CreativeKind[] | null; organisationKinds?: OrganisationKind[] | null };
  amountMinEur?: number | null;
  amountMaxEur?: number | null;
  /** null or missing: a rolling call. */
  deadline?: Date | null;
  /** The official call (https only). */
  callUrl?: string | null;
}

export type SupportMeasureUpdate = Partial<Omit<SupportMeasureCommand, 'providerOrganisationId'>>;

/**
 * The region's support measures (vouchers, micro-grants, calls, advice). Members (owners and
 * editors) of a provider organisation who also hold the platform's organiser role write them;
 * published and closed ones are public; drafts exist only for the provider's members.
 */
@Injectable()
export class SupportMeasuresService {
  constructor(
    private readonly measures: SupportMeasureRepository,
    private readonly organisations: OrganisationRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Organisations the caller may publish measures for (empty for anyone but organisers). */
  async providersFor(actor: Actor): Promise<OrganisationEntity[]> {
    if (actor.kind === 'anonymous' || !isOrganiser(actor)) return [];
    const ids = [...actor.memberships.keys()].filter((id) => canEditFor(actor, id));
    return (await this.organisations.findByIds(ids)).sort((a, b) => a.name.localeCompare(b.name, 'sl'));
  }

  async create(actor: Actor, command: SupportMeasureCommand, isDemo = false): Promise<SupportMeasureEntity> {
    requireVerified(actor);
    const provider = isUuid(command.providerOrganisationId) ? await this.organisations.findById(command.providerOrganisationId) : null;
    if (!provider) throw MarketplaceException.invalid('providerOrganisationId', `organisation ${command.providerOrganisationId} does not exist`);
    checkWriter(actor, provider.id);
    const values = validate(command);
    return this.unitOfWork.run(async (manager, touch) => {
      const saved = await this.measures.insert(manager, { ...values, providerOrganisationId: provider.id, status: SupportMeasureStatus.Draft, publishedAt: null, closedAt: null, isDemo });
      touch(SearchableType.SupportMeasure, saved.id);
      return saved;
    });
  }

  /** Drafts and published measures may change; a closed one is history. */
  update(actor: Actor, id: string, command: SupportMeasureUpdate, now = new Date()): Promise<SupportMeasureEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = await this.lockForEdit(manager, actor, id);
      if (current.status === SupportMeasureStatus.Closed) throw MarketplaceException.invalidState(`support measure ${id} is closed and can no longer be edited`);
      const merged = validate({
        providerOrganisationId: current.providerOrganisationId,
        title: command.title ?? { sl: current.titleSl, en: current.titleEn },
        summary: command.summary === undefined ? { sl: current.summarySl, en: current.summaryEn } : command.summary,
        text: command.text === undefined ? { sl: current.textSl, en: current.textEn } : command.text,
        eligibility: {
          creativeKinds: command.eligibility?.creativeKinds ?? (command.eligibility ? [] : (current.eligibleCreativeKinds as CreativeKind[])),
          organisationKinds: command.eligibility?.organisationKinds ?? (command.eligibility ? [] : (current.eligibleOrganisationKinds as OrganisationKind[])),
        },
        amountMinEur: command.amountMinEur === undefined ? current.amountMinEur : command.amountMinEur,
        amountMaxEur: command.amountMaxEur === undefined ? current.amountMaxEur : command.amountMaxEur,
        deadline: command.deadline === undefined ? current.deadline : command.deadline,
        callUrl: command.callUrl === undefined ? current.callUrl : command.callUrl,
      });
      if (current.status === SupportMeasureStatus.Published) checkPublishable(merged, now);
      const saved = await this.measures.save(manager, Object.assign(current, merged));
      touch(SearchableType.SupportMeasure, saved.id);
      return saved;
    });
  }

  /** DRAFT → PUBLISHED: needs a summary or text, and a deadline (if any) in the future. Those it fits hear of it. */
  publish(actor: Actor, id: string, now = new Date()): Promise<SupportMeasureEntity> {
    return this.unitOfWork.run(async (manager, touch, announce) => {
      const current = await this.lockForEdit(manager, actor, id);
      if (current.status !== SupportMeasureStatus.Draft) throw MarketplaceException.invalidState(`support measure ${id} is ${current.status.toLowerCase()}; only a draft can be published`);
      checkPublishable(current, now);
      current.status = SupportMeasureStatus.Published;
      current.publishedAt = now;
      const saved = await this.measures.save(manager, current);
      announce({ topic: OutboxTopic.SupportMeasurePublished, aggregateType: 'support-measure', aggregateId: saved.id });
      touch(SearchableType.SupportMeasure, saved.id);
      return saved;
    });
  }

  /** PUBLISHED → CLOSED (before or after the deadline): it stays in the directory as closed. */
  close(actor: Actor, id: string, now = new Date()): Promise<SupportMeasureEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = await this.lockForEdit(manager, actor, id);
      if (current.status !== SupportMeasureStatus.Published) throw MarketplaceException.invalidState(`support measure ${id} is ${current.status.toLowerCase()}; only a published measure can be closed`);
      current.status = SupportMeasureStatus.Closed;
      current.closedAt = now;
      const saved = await this.measures.save(manager, current);
      touch(SearchableType.SupportMeasure, saved.id);
      return saved;
    });
  }

  /** Closes every published measure whose deadline has passed (the hourly reminder job). */
  closeDue(now: Date): Promise<string[]> {
    return this.unitOfWork.run(async (manager, touch) => {
      const ids = await this.measures.closeDue(manager, now);
      for (const id of ids) touch(SearchableType.SupportMeasure, id);
      return ids;
    });
  }

  /** What the caller may not see does not exist for them. */
  async get(actor: Actor, id: string): Promise<SupportMeasureEntity> {
    const found = isUuid(id) ? await this.measures.findById(id) : null;
    if (!found || !canSeeSupportMeasure(actor, found)) throw MarketplaceException.notFound('Support measure', id);
    return found;
  }

  /** The measures of the organisations the caller writes for (admins: all), every status. */
  async mine(actor: Actor): Promise<SupportMeasureEntity[]> {
    if (isAdmin(actor)) return this.measures.byProviders('all');
    return this.measures.byProviders([...actor.memberships.keys()].filter((id) => canEditFor(actor, id)));
  }

  getMany(ids: readonly string[]): Promise<SupportMeasureEntity[]> {
    return this.measures.findByIds(ids);
  }

  private async lockForEdit(manager: Parameters<SupportMeasureRepository['findForUpdate']>[0], actor: Actor, id: string): Promise<SupportMeasureEntity> {
    requireVerified(actor);
    const found = isUuid(id) ? await this.measures.findForUpdate(manager, id) : null;
    if (!found) throw MarketplaceException.notFound('Support measure', id);
    if (!canWrite(actor, found.providerOrganisationId)) throw refuse(canSeeSupportMeasure(actor, found), 'Support measure', id);
    return found;
  }
}

/** Published and closed measures are public; drafts only for the provider's members (and admins). */
export function canSeeSupportMeasure(actor: Actor, measure: Pick<SupportMeasureEntity, 'status' | 'providerOrganisationId'>): boolean {
  return measure.status !== SupportMeasureStatus.Draft || canReviewFor(actor, measure.providerOrganisationId);
}

/** Organisers who are owners or editors of the provider (admins always). */
function canWrite(actor: Actor, providerId: string): boolean {
  return isAdmin(actor) || (isOrganiser(actor) && canEditFor(actor, providerId));
}

function checkWriter(actor: Actor, providerId: string): void {
  if (!isOrganiser(actor)) throw MarketplaceException.forbidden('only organisers publish support measures');
  if (!canWrite(actor, providerId)) throw MarketplaceException.forbidden(`only owners and editors of organisation ${providerId} may publish its support measures`);
}

function text(value: string | null | undefined, max: number, field: string): string | null {
  const cleaned = clean(value);
  if (cleaned && cleaned.length > max) throw MarketplaceException.invalid(field, `${field} must be at most ${max} characters`);
  return cleaned;
}

function amount(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_AMOUNT_EUR) throw MarketplaceException.invalid(field, `${field} must be a whole number of euros from 0 to ${MAX_AMOUNT_EUR}`);
  return value;
}

function validate(command: SupportMeasureCommand) {
  const titleSl = text(command.title.sl, MAX_TITLE, 'title.sl');
  const titleEn = text(command.title.en, MAX_TITLE, 'title.en');
  if (!titleSl && !titleEn) throw MarketplaceException.invalid('title', 'title needs Slovenian or English text');
  const creativeKinds = [...new Set(command.eligibility.creativeKinds ?? [])];
  const organisationKinds = [...new Set(command.eligibility.organisationKinds ?? [])];
  const badCreative = creativeKinds.find((k) => !Object.values(CreativeKind).includes(k));
  if (badCreative !== undefined) throw MarketplaceException.invalid('eligibility.creativeKinds', `unknown creative kind '${String(badCreative)}'`);
  const badOrganisation = organisationKinds.find((k) => !Object.values(OrganisationKind).includes(k));
  if (badOrganisation !== undefined) throw MarketplaceException.invalid('eligibility.organisationKinds', `unknown organisation kind '${String(badOrganisation)}'`);
  if (creativeKinds.length + organisationKinds.length === 0) throw MarketplaceException.invalid('eligibility', 'name at least one kind of creative or organisation who may apply');
  const amountMinEur = amount(command.amountMinEur, 'amountMinEur');
  const amountMaxEur = amount(command.amountMaxEur, 'amountMaxEur');
  if (amountMinEur !== null && amountMaxEur !== null && amountMinEur > amountMaxEur) throw MarketplaceException.invalid('amountMaxEur', 'the largest amount must not be below the smallest');
  if (command.deadline && Number.isNaN(command.deadline.getTime())) throw MarketplaceException.invalid('deadline', 'deadline is not a valid date');
  const callUrl = clean(command.callUrl);
  if (callUrl !== null) {
    if (!isHttpsUrl(callUrl) || callUrl.length > MAX_URL) throw MarketplaceException.invalid('callUrl', `the link to the official call must be an https:// address of at most ${MAX_URL} characters`);
  }
  return {
    titleSl, titleEn,
    summarySl: text(command.summary?.sl, MAX_SUMMARY, 'summary.sl'),
    summaryEn: text(command.summary?.en, MAX_SUMMARY, 'summary.en'),
    textSl: text(command.text?.sl, MAX_TEXT, 'text.sl'),
    textEn: text(command.text?.en, MAX_TEXT, 'text.en'),
    eligibleCreativeKinds: creativeKinds,
    eligibleOrganisationKinds: organisationKinds,
    amountMinEur, amountMaxEur,
    deadline: command.deadline ?? null,
    callUrl,
  };
}

/** An absolute https:// address with a dotted host and no credentials. */
function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

function checkPublishable(m: { summarySl: string | null; summaryEn: string | null; textSl: string | null; textEn: string | null; deadline: Date | null }, now: Date): void {
  if (!m.summarySl && !m.summaryEn && !m.textSl && !m.textEn) throw MarketplaceException.invalid('summary', 'a published support measure needs a summary or text in Slovenian or English');
  if (m.deadline && m.deadline.getTime() <= now.getTime()) throw MarketplaceException.invalid('deadline', 'a published support measure needs a deadline in the future (or none, for a rolling call)');
}
