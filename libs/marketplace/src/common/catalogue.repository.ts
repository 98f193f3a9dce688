import type { DataSource, DeepPartial, EntityManager, EntityTarget, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { findInOrder, idsAfter, keysetPage } from './keyset-page.js';
import type { Page, PageRequest } from './pagination.js';

interface Keyed extends ObjectLiteral {
  id: string;
  createdAt: Date;
}

/** The data access every catalogue table shares. Only repositories touch TypeORM. */
export abstract class CatalogueRepository<T extends Keyed> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
  ) {}

  protected repo(manager?: EntityManager): Repository<T> {
    return (manager ?? this.dataSource.manager).getRepository(this.entity);
  }

  async insert(manager: EntityManager, values: DeepPartial<T>): Promise<T> {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }

  /** Reads the row and locks it for the rest of the transaction. */
  findForUpdate(manager: EntityManager, id: string): Promise<T | null> {
    return this.repo(manager).createQueryBuilder('row').setLock('pessimistic_write').where('row.id = :id', { id }).getOne();
  }

  save(manager: EntityManager, entity: T): Promise<T> {
    return this.repo(manager).save(entity);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await this.repo(manager).createQueryBuilder().delete().where('id = :id', { id }).execute();
  }

  /** Inside a transaction, pass its manager: a second pooled connection per transaction can exhaust the pool under load. */
  findById(id: string, manager?: EntityManager): Promise<T | null> {
    return this.repo(manager).createQueryBuilder('row').where('row.id = :id', { id }).getOne();
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<T[]> {
    return findInOrder(this.repo(manager), ids);
  }

  page(request: PageRequest, scope?: (qb: SelectQueryBuilder<T>) => void): Promise<Page<T>> {
    return keysetPage(this.repo(), request, scope);
  }

  idsAfter(afterId: string | null, limit: number, scope?: (qb: SelectQueryBuilder<T>) => void): Promise<string[]> {
    return idsAfter(this.repo(), afterId, limit, scope);
  }

  count(scope?: (qb: SelectQueryBuilder<T>) => void): Promise<number> {
    const qb = this.repo().createQueryBuilder('row');
    scope?.(qb);
    return qb.getCount();
  }
}
