import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceErrorCode, MarketplaceException } from '../common/marketplace.errors.js';
import { ExchangeStatus } from './exchange.status.js';

export const MAX_EUR = 100_000_000;

/** Title (one language at least) and description, cleaned. */
export function texts(title: Partial<LocalizedText>, description: Partial<LocalizedText> | null | undefined) {
  const titleSl = clean(title.sl);
  const titleEn = clean(title.en);
  if (!titleSl && !titleEn) throw MarketplaceException.invalid('title', 'title needs Slovenian or English text');
  return { titleSl, titleEn, descriptionSl: clean(description?.sl), descriptionEn: clean(description?.en) };
}

/** Whole euros, 0 to 100 million, or null. */
export function euros(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_EUR) throw MarketplaceException.invalid(field, `${field} must be whole euros from 0 to ${MAX_EUR}`);
  return value;
}

/** An ISO calendar date (YYYY-MM-DD) that exists, or null. */
export function isoDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw MarketplaceException.invalid(field, `${field} must be a date like 2027-03-31`);
  }
  return value;
}

export function ordered<T extends number | string>(low: T | null, high: T | null, field: string, what: string): void {
  if (low !== null && high !== null && low > high) throw MarketplaceException.invalid(field, what);
}

/** The allowed transitions: DRAFT → PUBLISHED → CLOSED. */
export function transition(current: string, to: ExchangeStatus.Published | ExchangeStatus.Closed, what: string): void {
  const from = to === ExchangeStatus.Published ? ExchangeStatus.Draft : ExchangeStatus.Published;
  if (current !== from) {
    throw new MarketplaceException(MarketplaceErrorCode.InvalidState, `${what} is ${current.toLowerCase()}; only a ${from.toLowerCase()} one can be ${to === ExchangeStatus.Published ? 'published' : 'closed'}`);
  }
}

export function needsDescription(entity: { descriptionSl: string | null; descriptionEn: string | null }): void {
  if (!entity.descriptionSl && !entity.descriptionEn) throw MarketplaceException.invalid('description', 'publishing needs a description in Slovenian or English');
}
