import { Inject, Injectable } from '@nestjs/common';
import type { SupportMeasureEntity } from '@app/database';
import { normaliseQuery, SEARCH_PORT, type SearchPort } from '@app/search';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { decodeOffset, encodeOffset, isUuid, pageSize } from '../common/pagination.js';
import { CreativeKind, OrganisationKind } from '../reference/index.js';
import type { CatalogueSearchResult } from '../search/catalogue-search.service.js';
import { SUPPORT_MEASURES_INDEX } from '../search/catalogue-index.js';
import { SupportAmountBand, SupportMeasureState } from './support-measure.rules.js';
import { SupportMeasureRepository } from './support-measure.repository.js';

export interface SupportMeasureFilter {
  creativeKinds?: string[] | null;
  organisationKinds?: string[] | null;
  providerIds?: string[] | null;
  states?: string[] | null;
  amountBands?: string[] | null;
}

export interface SupportMeasureSearchRequest {
  query?: string | null;
  filter?: SupportMeasureFilter | null;
  first?: number | null;
  after?: string | null;
}

const MAX_QUERY = 200;
/** Index field → facet; the API names them by the filter they feed. */
export const SUPPORT_FACETS = ['creativeKinds', 'organisationKinds', 'providerId', 'state', 'amountBand'] as const;

/** The public directory: the engine for ids, facets and order; PostgreSQL for the rows. */
@Injectable()
export class SupportMeasureSearchService {
  constructor(
    @Inject(SEARCH_PORT) private readonly search: SearchPort,
    private readonly measures: SupportMeasureRepository,
  ) {}

  async find(request: SupportMeasureSearchRequest): Promise<CatalogueSearchResult<SupportMeasureEntity>> {
    const limit = pageSize(request);
    const offset = decodeOffset(request.after);
    const text = (request.query ?? '').trim();
    if (text.length > MAX_QUERY) throw MarketplaceException.invalid('query', `query must be at most ${MAX_QUERY} characters`);
    const normalised = normaliseQuery(text);
    const result = await this.search.search(SUPPORT_MEASURES_INDEX.name, {
      text: normalised,
      filters: engineFilters(request.filter ?? {}),
      facets: SUPPORT_FACETS,
      // Without words: the newest first (relevance orders a query).
      sort: normalised ? undefined : { field: 'publishedAt', direction: 'desc' },
      offset,
      limit,
    });
    const rows = new Map((await this.measures.findByIds(result.hits.map((h) => h.id))).map((row) => [row.id, row]));
    const present = result.hits.map((hit, i) => ({ row: rows.get(hit.id), cursor: encodeOffset(offset + i + 1) })).filter((e) => e.row);
    const next = offset + result.hits.length;
    return {
      nodes: present.map((e) => e.row as SupportMeasureEntity),
      cursors: present.map((e) => e.cursor),
      totalCount: result.total,
      facets: Object.fromEntries(Object.entries(result.facets).map(([field, counts]) => [
        field, Object.entries(counts).map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      ])),
      endCursor: result.hits.length > 0 ? encodeOffset(next) : null,
      hasNextPage: next < result.total,
    };
  }
}

function oneOf(values: readonly string[], allowed: readonly string[], field: string): string[] {
  for (const value of values) if (!allowed.includes(value)) throw MarketplaceException.invalid(field, `unknown value ${JSON.stringify(value).slice(0, 40)}`);
  return [...new Set(values)];
}

function engineFilters(filter: SupportMeasureFilter): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const put = (field: string, values: string[]) => {
    if (values.length > 0) out[field] = values;
  };
  put('creativeKinds', oneOf(filter.creativeKinds ?? [], Object.values(CreativeKind), 'filter.creativeKinds'));
  put('organisationKinds', oneOf(filter.organisationKinds ?? [], Object.values(OrganisationKind), 'filter.organisationKinds'));
  const providers = [...new Set(filter.providerIds ?? [])];
  const bad = providers.find((p) => !isUuid(p));
  if (bad !== undefined) throw MarketplaceException.invalid('filter.providerIds', `organisation ${bad.slice(0, 40)} does not exist`);
  put('providerId', providers);
  put('state', oneOf(filter.states ?? [], Object.values(SupportMeasureState), 'filter.states'));
  put('amountBand', oneOf(filter.amountBands ?? [], Object.values(SupportAmountBand), 'filter.amountBands'));
  return out;
}
