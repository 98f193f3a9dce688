import { MarketplaceException } from './marketplace.errors.js';

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  /** cursors[i] is the cursor just after nodes[i] (Relay edges). */
  cursors: string[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Keyset cursor over (created_at, id): stable while rows are added. */
export interface KeysetCursor {
  createdAt: Date;
  id: string;
}

export function pageSize(request: PageRequest): number {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw MarketplaceException.invalid('first', `first must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}

export function encodeKeyset(cursor: KeysetCursor): string {
  return Buffer.from(`k:${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeKeyset(after: string | null | undefined): KeysetCursor | null {
  if (!after) return null;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const match = /^k:(.+)\|([0-9a-f-]{36})$/.exec(text);
  const createdAt = match ? new Date(match[1]) : null;
  if (!match || !createdAt || Number.isNaN(createdAt.getTime())) throw MarketplaceException.invalid('after', 'after is not a valid cursor');
  return { createdAt, id: match[2] };
}

/** Offset cursor for search results (the engine pages by offset). */
export function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeOffset(after: string | null | undefined): number {
  if (!after) return 0;
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw MarketplaceException.invalid('after', 'after is not a valid cursor');
  return Number(match[1]);
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
