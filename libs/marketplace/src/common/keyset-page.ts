import type { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { decodeKeyset, encodeKeyset, type Page, type PageRequest, pageSize } from './pagination.js';

interface Keyed extends ObjectLiteral {
  id: string;
  createdAt: Date;
}

/** One page in (created_at, id) order plus the total; `scope` narrows both (e.g. status). */
export async function keysetPage<T extends Keyed>(
  repository: Repository<T>,
  request: PageRequest,
  scope?: (qb: SelectQueryBuilder<T>) => void,
): Promise<Page<T>> {
  const limit = pageSize(request);
  const cursor = decodeKeyset(request.after);
  const base = repository.createQueryBuilder('row');
  scope?.(base);
  const pageQuery = base.clone().orderBy('row.created_at', 'ASC').addOrderBy('row.id', 'ASC').take(limit + 1);
  if (cursor) pageQuery.andWhere('(row.created_at, row.id) > (:createdAt, :id)', { createdAt: cursor.createdAt, id: cursor.id });
  const [rows, totalCount] = await Promise.all([pageQuery.getMany(), base.getCount()]);
  const nodes = rows.slice(0, limit);
  const last = nodes.at(-1);
  return {
    nodes,
    cursors: nodes.map((n) => encodeKeyset({ createdAt: n.createdAt, id: n.id })),
    totalCount,
    hasNextPage: rows.length > limit,
    endCursor: last ? encodeKeyset({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** Rows by id in the order given; ids without a row are dropped. */
export async function findInOrder<T extends Keyed>(repository: Repository<T>, ids: readonly string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  const rows = await repository.createQueryBuilder('row').where('row.id IN (:...ids)', { ids }).getMany();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

/** Ids after `afterId` in id order, for paging through a whole table. */
export async function idsAfter<T extends Keyed>(repository: Repository<T>, afterId: string | null, limit: number, scope?: (qb: SelectQueryBuilder<T>) => void): Promise<string[]> {
  const qb = repository.createQueryBuilder('row').select('row.id', 'id').orderBy('row.id', 'ASC').limit(limit);
  scope?.(qb);
  if (afterId) qb.andWhere('row.id > :afterId', { afterId });
  return (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
}
