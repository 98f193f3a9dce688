/** Pure builders for Meilisearch filter and sort expressions (no client needed, unit tested). */
import { InvalidSearchRequestError } from '../search.errors.js';
import { FIELD_NAME_PATTERN } from '../validation.js';

/** Words the filter grammar reserves; a bare field with one of these names would be misread. */
const RESERVED = new Set(['and', 'or', 'not', 'in', 'to', 'exists', 'is', 'null', 'empty', 'contains', 'starts']);

function field(name: string): string {
  if (!FIELD_NAME_PATTERN.test(name) || RESERVED.has(name.toLowerCase()) || name.startsWith('_geo')) {
    throw new InvalidSearchRequestError(`"${name}" cannot be used as a Meilisearch filter or sort field`);
  }
  return name;
}

/**
 * A double-quoted filter literal. Inside quotes Meilisearch unescapes `\"` and `\\` (since v1.4;
 * the JSON layer adds its own escaping on top, which the client does).
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `a IN ["x", "y"] AND b IN ["z"]`: OR within a field, AND across fields; empty lists are no constraint. */
export function buildMeilisearchFilter(filters: Readonly<Record<string, readonly string[]>>): string | undefined {
  const clauses = Object.entries(filters)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => `${field(name)} IN [${values.map(quoteFilterValue).join(', ')}]`);
  return clauses.length > 0 ? clauses.join(' AND ') : undefined;
}

export function buildMeilisearchSort(sort: { field: string; direction: 'asc' | 'desc' } | undefined): string[] | undefined {
  return sort ? [`${field(sort.field)}:${sort.direction}`] : undefined;
}

/**
 * Meilisearch reports an exact `totalHits` only in page mode. An offset/limit window maps onto one
 * page when the offset is a multiple of the limit; otherwise the first `offset + limit` hits are
 * fetched as page 1 and the first `skip` of them dropped.
 */
export function pageWindow(offset: number, limit: number): { page: number; hitsPerPage: number; skip: number } {
  if (limit === 0) return { page: 1, hitsPerPage: 0, skip: 0 };
  if (offset % limit === 0) return { page: offset / limit + 1, hitsPerPage: limit, skip: 0 };
  return { page: 1, hitsPerPage: offset + limit, skip: offset };
}
