import type { OutboxTopic, SearchableType } from '@app/jobs';
import type { Actor } from '@app/identity';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { refuse } from '../common/access.js';
import type { CatalogueRepository } from '../common/catalogue.repository.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid, type Page, type PageRequest } from '../common/pagination.js';
import type { UnitOfWork } from '../common/unit-of-work.js';
import { needsDescription, transition } from './exchange.rules.js';
import { ExchangeStatus } from './exchange.status.js';

interface ExchangeRow extends ObjectLiteral {
  id: string;
  createdAt: Date;
  status: string;
  publishedAt: Date | null;
  descriptionSl: string | null;
  descriptionEn: string | null;
}

/** Who may do what with one kind of row. */
export interface ExchangeAccess<T extends ObjectLiteral> {
  /** May change it (owners; admins). */
  mayEdit(actor: Actor, row: T): boolean;
  /** Restricts a listing to the drafts this actor may see ('all' for admins, null for none). */
  draftScope(actor: Actor): ((qb: SelectQueryBuilder<T>) => string) | 'all' | null;
  /** Announced through the outbox when a row is published (e.g. to notify who it matches). */
  publishedTopic?: OutboxTopic;
}

/** DRAFT → PUBLISHED → CLOSED for needs and offers; every change reaches search through the outbox. */
export class ExchangeLifecycle<T extends ExchangeRow> {
  constructor(
    private readonly rows: CatalogueRepository<T>,
    private readonly unitOfWork: UnitOfWork,
    private readonly type: SearchableType,
    private readonly what: 'Need' | 'Offer',
    private readonly access: ExchangeAccess<T>,
  ) {}

  /** Locks the row, checks the actor may change it, applies `apply`, saves, and announces the change. */
  change(actor: Actor, id: string, apply: (current: T) => void, topic?: OutboxTopic): Promise<T> {
    return this.unitOfWork.run(async (manager, touch, announce) => {
      const current = isUuid(id) ? await this.rows.findForUpdate(manager, id) : null;
      if (!current) throw MarketplaceException.notFound(this.what, id);
      if (!this.access.mayEdit(actor, current)) throw refuse(current.status !== ExchangeStatus.Draft, this.what, id);
      apply(current);
      const saved = await this.rows.save(manager, current);
      touch(this.type, saved.id);
      if (topic) announce({ topic, aggregateType: this.type, aggregateId: saved.id });
      return saved;
    });
  }

  publish(actor: Actor, id: string, now: Date, check: (current: T) => void = () => undefined): Promise<T> {
    return this.change(actor, id, (current) => {
      transition(current.status, ExchangeStatus.Published, `${this.what.toLowerCase()} ${id}`);
      needsDescription(current);
      check(current);
      current.status = ExchangeStatus.Published;
      current.publishedAt = now;
    }, this.access.publishedTopic);
  }

  close(actor: Actor, id: string): Promise<T> {
    return this.change(actor, id, (current) => {
      transition(current.status, ExchangeStatus.Closed, `${this.what.toLowerCase()} ${id}`);
      current.status = ExchangeStatus.Closed;
    });
  }

  /** A draft exists only for those who may edit it (no existence leak). */
  async get(actor: Actor, id: string): Promise<T> {
    const found = isUuid(id) ? await this.rows.findById(id) : null;
    if (!found || (found.status === ExchangeStatus.Draft && !this.access.mayEdit(actor, found))) throw MarketplaceException.notFound(this.what, id);
    return found;
  }

  /** Only the rows `scope` selects (e.g. one owner's), every status; the caller decides whose. */
  listOwn(request: PageRequest, scope: (qb: SelectQueryBuilder<T>) => string): Promise<Page<T>> {
    return this.rows.page(request, (qb) => {
      qb.andWhere(scope(qb));
    });
  }

  /** Published and closed rows, plus the actor's own drafts. */
  list(actor: Actor, request: PageRequest): Promise<Page<T>> {
    const scope = this.access.draftScope(actor);
    if (scope === 'all') return this.rows.page(request);
    return this.rows.page(request, (qb) => {
      const own = scope ? ` OR (${scope(qb)})` : '';
      qb.andWhere(`(row.status <> :draft${own})`, { draft: ExchangeStatus.Draft });
    });
  }
}
