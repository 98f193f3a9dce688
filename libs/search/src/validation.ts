/**
 * Input checks shared by every adapter and the embedded server, so a bad request fails the same
 * way (InvalidSearchRequestError) whichever engine is behind the port.
 */
import { InvalidSearchRequestError } from './search.errors.js';
import type { IndexDefinition, SearchDocument } from './search.port.js';

export const INDEX_NAME_PATTERN = /^[a-z0-9_-]{1,64}$/;
/** Plain identifiers only: they are spliced into Meilisearch filter and sort expressions. */
export const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Meilisearch's rule for document ids, applied everywhere so engines accept the same ids. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,511}$/;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;
export const MAX_QUERY_TEXT_LENGTH = 1000;
/** Query terms at least this long may match with one edit, in every engine (Meilisearch's default `oneTypo`). */
export const MIN_WORD_LENGTH_FOR_TYPO = 5;
/** Query terms at least this long may match with two edits (Meilisearch's default `twoTypos`). */
export const MIN_WORD_LENGTH_FOR_TWO_TYPOS = 9;

/** A query with every default applied; filters with no values are dropped (no constraint). */
export interface ResolvedQuery {
  text: string;
  filters: Record<string, string[]>;
  facets: string[];
  sort?: { field: string; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
  matching: 'all' | 'any';
}

function fail(message: string): never {
  throw new InvalidSearchRequestError(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    fail(`${what} must be an array of strings`);
  }
  return value;
}

function fieldList(value: unknown, what: string): string[] {
  const fields = stringArray(value, what);
  for (const field of fields) {
    if (!FIELD_NAME_PATTERN.test(field) || field === 'id') fail(`${what}: "${field}" is not a valid field name`);
  }
  if (new Set(fields).size !== fields.length) fail(`${what} lists a field twice`);
  return fields;
}

function integer(value: unknown, what: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(`${what} must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function assertIndexName(name: unknown): string {
  if (typeof name !== 'string' || !INDEX_NAME_PATTERN.test(name)) {
    fail('index name must be 1-64 characters of lowercase letters, digits, "-" and "_"');
  }
  return name;
}

export function parseIndexDefinition(value: unknown): IndexDefinition {
  if (!isRecord(value)) fail('index definition must be an object');
  const definition: IndexDefinition = {
    name: assertIndexName(value.name),
    searchableFields: fieldList(value.searchableFields, 'searchableFields'),
    filterableFields: fieldList(value.filterableFields, 'filterableFields'),
    sortableFields: fieldList(value.sortableFields, 'sortableFields'),
  };
  if (definition.searchableFields.length === 0) fail('searchableFields must name at least one field');
  return definition;
}

export function sameDefinition(a: IndexDefinition, b: IndexDefinition): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.name === b.name &&
    same(a.searchableFields, b.searchableFields) &&
    same([...a.filterableFields].sort(), [...b.filterableFields].sort()) &&
    same([...a.sortableFields].sort(), [...b.sortableFields].sort())
  );
}

export function parseIds(value: unknown): string[] {
  const ids = stringArray(value, 'ids');
  for (const id of ids) if (!DOCUMENT_ID_PATTERN.test(id)) fail(`"${id.slice(0, 80)}" is not a valid document id`);
  return ids;
}

/** Structure only: an object with a valid id and string, number or string[] values. */
export function parseDocuments(value: unknown): SearchDocument[] {
  if (!Array.isArray(value)) fail('documents must be an array');
  return value.map((doc: unknown, i) => {
    if (!isRecord(doc)) fail(`documents[${i}] must be an object`);
    const { id } = doc;
    if (typeof id !== 'string' || !DOCUMENT_ID_PATTERN.test(id)) {
      fail(`documents[${i}].id must be 1-511 characters of letters, digits, "-" and "_"`);
    }
    for (const [field, v] of Object.entries(doc)) {
      const ok =
        typeof v === 'string' ||
        (typeof v === 'number' && Number.isFinite(v)) ||
        (Array.isArray(v) && v.every((x) => typeof x === 'string'));
      if (!ok) fail(`documents[${i}].${field} must be a string, a finite number or an array of strings`);
    }
    return doc as SearchDocument;
  });
}

/** Values must suit the role the definition gives each field. */
export function checkDocument(doc: SearchDocument, definition: IndexDefinition): void {
  const where = `document "${doc.id}"`;
  for (const field of definition.searchableFields) {
    const v = doc[field];
    if (v !== undefined && typeof v !== 'string') fail(`${where}: searchable field "${field}" must be a string`);
  }
  for (const field of definition.filterableFields) {
    const v = doc[field];
    if (v !== undefined && typeof v !== 'string' && !Array.isArray(v)) {
      fail(`${where}: filterable field "${field}" must be a string or an array of strings`);
    }
  }
  for (const field of definition.sortableFields) {
    const v = doc[field];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) {
      fail(`${where}: sortable field "${field}" must be a finite number`);
    }
  }
}

export function parseSearchQuery(value: unknown): ResolvedQuery {
  if (!isRecord(value)) fail('query must be an object');
  const { text = '', filters = {}, facets = [], sort, matching = 'all' } = value;
  if (matching !== 'all' && matching !== 'any') fail('matching must be "all" or "any"');
  if (typeof text !== 'string' || text.length > MAX_QUERY_TEXT_LENGTH) {
    fail(`text must be a string of at most ${MAX_QUERY_TEXT_LENGTH} characters`);
  }
  if (!isRecord(filters)) fail('filters must be an object of field -> string[]');
  const resolvedFilters: Record<string, string[]> = {};
  for (const [field, values] of Object.entries(filters)) {
    const list = stringArray(values, `filters.${field}`);
    if (list.length > 0) resolvedFilters[field] = [...new Set(list)];
  }
  const query: ResolvedQuery = {
    text: text.trim(),
    filters: resolvedFilters,
    facets: [...new Set(stringArray(facets, 'facets'))],
    offset: integer(value.offset, 'offset', 0, 1_000_000, 0),
    limit: integer(value.limit, 'limit', 0, MAX_LIMIT, DEFAULT_LIMIT),
    matching,
  };
  if (sort !== undefined) {
    if (!isRecord(sort) || typeof sort.field !== 'string' || (sort.direction !== 'asc' && sort.direction !== 'desc')) {
      fail('sort must be { field: string, direction: "asc" | "desc" }');
    }
    query.sort = { field: sort.field, direction: sort.direction };
  }
  return query;
}

/** Every field a query names must have the right role in the index. */
export function checkQuery(query: ResolvedQuery, definition: IndexDefinition): void {
  const filterable = new Set(definition.filterableFields);
  for (const field of [...Object.keys(query.filters), ...query.facets]) {
    if (!filterable.has(field)) fail(`"${field}" is not a filterable field of index "${definition.name}"`);
  }
  if (query.sort && !definition.sortableFields.includes(query.sort.field)) {
    fail(`"${query.sort.field}" is not a sortable field of index "${definition.name}"`);
  }
}


/** Most queries one multi-search may carry. */
export const MAX_MULTI_SEARCH_QUERIES = 100;

/** A multi-search body: a list of { index, query } with valid index names (queries are parsed one by one). */
export function parseMultiSearch(value: unknown): { index: string; query: ResolvedQuery }[] {
  if (!Array.isArray(value) || value.length > MAX_MULTI_SEARCH_QUERIES) {
    fail(`queries must be an array of at most ${MAX_MULTI_SEARCH_QUERIES} { index, query } objects`);
  }
  return value.map((entry: unknown, i) => {
    if (!isRecord(entry)) fail(`queries[${i}] must be an object { index, query }`);
    return { index: assertIndexName(entry.index), query: parseSearchQuery(entry.query ?? {}) };
  });
}
