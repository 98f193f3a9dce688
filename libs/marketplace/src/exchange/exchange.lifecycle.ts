import type { SearchableType } from '@app/jobs';
import type { CatalogueRepository } from '../common/catalogue.repository.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid, type Page, type PageRequest } from '../common/pagination.js';
import type { UnitOfWork } from '../common/unit-of-work.js';
import { needsDescription, transition } from './exchange.rules.js';
import { ExchangeStatus } from './exchange.status.js';

interface ExchangeRow {
  id: string;
  createdAt: Date;
  status: string;
  publishedAt: Date | null;
  descriptionSl: string | null;
  descriptionEn: string | null;
}

/** DRAFT → PUBLISHED → CLOSED for needs and offers; every change reaches search through the outbox. */
export class ExchangeLifecycle<T extends ExchangeRow> {
  constructor(
    private readonly rows: CatalogueRepository<T>,
    private readonly unitOfWork: UnitOfWork,
    private readonly type: SearchableType,
    private readonly what: 'Need' | 'Offer',
  ) {}

  /** Locks the row, applies `apply`, saves, and announces the change. */
  change(id: string, apply: (current: T) => void): Promise<T> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = isUuid(id) ? await this.rows.findForUpdate(manager, id) : null;
      if (!current) throw MarketplaceException.notFound(this.what, id);
      apply(current);
      const saved = await this.rows.save(manager, current);
      touch(this.type, saved.id);
      return saved;
    });
  }

  publish(id: string, now: Date, check: (current: T) => void = () => undefined): Promise<T> {
    return this.change(id, (current) => {
      transition(current.status, ExchangeStatus.Published, `${this.what.toLowerCase()} ${id}`);
      needsDescription(current);
      check(current);
      current.status = ExchangeStatus.Published;
      current.publishedAt = now;
    });
  }

  close(id: string): Promise<T> {
    return this.change(id, (current) => {
      transition(current.status, ExchangeStatus.Closed, `${this.what.toLowerCase()} ${id}`);
      current.status = ExchangeStatus.Closed;
    });
  }

  /** Drafts exist only for `includeDrafts` (no existence leak). */
  async get(id: string, includeDrafts: boolean): Promise<T> {
    const found = isUuid(id) ? await this.rows.findById(id) : null;
    if (!found || (!includeDrafts && found.status === ExchangeStatus.Draft)) throw MarketplaceException.notFound(this.what, id);
    return found;
  }

  list(request: PageRequest, includeDrafts: boolean): Promise<Page<T>> {
    return this.rows.page(request, includeDrafts ? undefined : (qb) => qb.andWhere('row.status <> :draft', { draft: ExchangeStatus.Draft }));
  }
}
