import { Inject, Injectable } from '@nestjs/common';
import type { ChallengeEntity, CreativeProfileEntity, NeedEntity, OfferEntity } from '@app/database';
import { JobName, JobQueues, SearchableType } from '@app/jobs';
import { normaliseQuery, SEARCH_PORT, type IndexDefinition, type SearchPort } from '@app/search';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { CreativeProfileRepository } from '../creatives/creative-profile.repository.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { decodeOffset, encodeOffset, pageSize } from '../common/pagination.js';
import { Taxonomy, Vocabulary } from '../common/taxonomy.js';
import { NeedRepository, OfferRepository } from '../exchange/exchange.repositories.js';
import { ChallengeKind } from '../reference/index.js';
import { RewardKind } from '../challenges/challenge-terms.js';
import { CHALLENGES_INDEX, CREATIVES_INDEX, NEEDS_INDEX, OFFERS_INDEX, NO_DEADLINE } from './catalogue-index.js';

export interface CatalogueFilters {
  domains?: string[] | null;
  municipalities?: string[] | null;
  techniques?: string[] | null;
  materials?: string[] | null;
  crafts?: string[] | null;
  languages?: string[] | null;
  /** Challenges only: ChallengeKind values. */
  kinds?: string[] | null;
  /** Challenges only: RewardKind values. */
  rewardKinds?: string[] | null;
  /** Challenges only: months of the deadline ("2027-03") or "none". */
  deadlineMonths?: string[] | null;
}

export interface CatalogueSearchRequest {
  query?: string | null;
  filters?: CatalogueFilters | null;
  first?: number | null;
  after?: string | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface CatalogueSearchResult<T> {
  nodes: T[];
  /** cursors[i] is the cursor just after nodes[i] (Relay edges). */
  cursors: string[];
  totalCount: number;
  /** index field -> counts, most frequent first. */
  facets: Record<string, FacetCount[]>;
  endCursor: string | null;
  hasNextPage: boolean;
}

export const MAX_QUERY_LENGTH = 200;
const CREATIVE_FACETS = ['domains', 'municipality', 'techniques', 'languages'];
const CHALLENGE_FACETS = ['domains', 'municipality', 'techniques', 'materials', 'kind', 'rewardKinds', 'deadlineMonth'];
const NEED_FACETS = ['domains', 'municipality', 'techniques', 'materials'];
const OFFER_FACETS = ['domains', 'municipality', 'techniques', 'crafts', 'kind'];

/** Query side of search: engine for ids, facets and order; PostgreSQL for the rows. */
@Injectable()
export class CatalogueSearchService {
  constructor(
    @Inject(SEARCH_PORT) private readonly search: SearchPort,
    private readonly creatives: CreativeProfileRepository,
    private readonly challenges: ChallengeRepository,
    private readonly needs: NeedRepository,
    private readonly offers: OfferRepository,
    private readonly queues: JobQueues,
  ) {}

  /** Queues a rebuild of one index (or both) from PostgreSQL; returns the job id to follow. */
  async requestFullReindex(type?: SearchableType): Promise<string> {
    const jobId = `search-reindex-all.${type ?? 'all'}.${Date.now()}`;
    await this.queues.queue({ name: JobName.SearchReindexAll, data: { type, reason: 'manual' } }, jobId);
    return jobId;
  }

  searchCreatives(request: CatalogueSearchRequest): Promise<CatalogueSearchResult<CreativeProfileEntity>> {
    noChallengeFilters(request, 'creatives');
    return this.run(CREATIVES_INDEX, CREATIVE_FACETS, request, (ids) => this.creatives.findByIds(ids));
  }

  searchChallenges(request: CatalogueSearchRequest): Promise<CatalogueSearchResult<ChallengeEntity>> {
    onlyOrganisationFilters(request, 'challenges');
    return this.run(CHALLENGES_INDEX, CHALLENGE_FACETS, request, (ids) => this.challenges.findByIds(ids));
  }

  /** Published needs of organisations. */
  searchNeeds(request: CatalogueSearchRequest): Promise<CatalogueSearchResult<NeedEntity>> {
    onlyOrganisationFilters(request, 'needs');
    noChallengeFilters(request, 'needs');
    return this.run(NEEDS_INDEX, NEED_FACETS, request, (ids) => this.needs.findByIds(ids));
  }

  /** Published offers of creatives; filterable like creatives (town and languages are the creative's). */
  searchOffers(request: CatalogueSearchRequest): Promise<CatalogueSearchResult<OfferEntity>> {
    noChallengeFilters(request, 'offers');
    return this.run(OFFERS_INDEX, OFFER_FACETS, request, (ids) => this.offers.findByIds(ids));
  }

  private async run<T extends { id: string }>(
    index: IndexDefinition,
    facets: string[],
    request: CatalogueSearchRequest,
    load: (ids: string[]) => Promise<T[]>,
  ): Promise<CatalogueSearchResult<T>> {
    const limit = pageSize(request);
    const offset = decodeOffset(request.after);
    const text = (request.query ?? '').trim();
    if (text.length > MAX_QUERY_LENGTH) throw MarketplaceException.invalid('query', `query must be at most ${MAX_QUERY_LENGTH} characters`);
    const result = await this.search.search(index.name, {
      text: normaliseQuery(text),
      filters: engineFilters(request.filters ?? {}),
      facets,
      offset,
      limit,
    });
    const rows = new Map((await load(result.hits.map((h) => h.id))).map((row) => [row.id, row]));
    // A hit whose row was deleted a moment ago is skipped; cursors keep their engine positions.
    const present = result.hits.map((hit, i) => ({ row: rows.get(hit.id), cursor: encodeOffset(offset + i + 1) })).filter((e) => e.row);
    const next = offset + result.hits.length;
    return {
      nodes: present.map((e) => e.row as T),
      cursors: present.map((e) => e.cursor),
      totalCount: result.total,
      facets: Object.fromEntries(
        Object.entries(result.facets).map(([field, counts]) => [
          field,
          Object.entries(counts).map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
        ]),
      ),
      endCursor: result.hits.length > 0 ? encodeOffset(next) : null,
      hasNextPage: next < result.total,
    };
  }
}

/** Organisations' items have no crafts or working languages to filter by. */
function onlyOrganisationFilters(request: CatalogueSearchRequest, what: string): void {
  if (request.filters?.crafts?.length || request.filters?.languages?.length) {
    throw MarketplaceException.invalid('filter', `${what} can be filtered by domains, municipalities, techniques and materials`);
  }
}

/** Kind, reward and deadline filters are the challenges' own. */
function noChallengeFilters(request: CatalogueSearchRequest, what: string): void {
  const f = request.filters;
  if (f?.kinds?.length || f?.rewardKinds?.length || f?.deadlineMonths?.length) {
    throw MarketplaceException.invalid('filter', `${what} cannot be filtered by kinds, rewardKinds or deadlineMonths (challenges only)`);
  }
}

function oneOf(values: readonly string[], allowed: readonly string[], field: string): string[] {
  for (const value of values) if (!allowed.includes(value)) throw MarketplaceException.invalid(field, `unknown value ${JSON.stringify(value).slice(0, 40)}`);
  return [...new Set(values)];
}

function months(values: readonly string[], field: string): string[] {
  for (const value of values) if (value !== NO_DEADLINE && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw MarketplaceException.invalid(field, 'months look like 2027-03 (or "none")');
  return [...new Set(values)];
}

function engineFilters(filters: CatalogueFilters): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const put = (field: string, values: string[]) => {
    if (values.length > 0) out[field] = values;
  };
  put('domains', Taxonomy.codes(Vocabulary.Domain, filters.domains ?? [], 'filter.domains'));
  put('techniques', Taxonomy.codes(Vocabulary.Technique, filters.techniques ?? [], 'filter.techniques'));
  put('materials', Taxonomy.codes(Vocabulary.Material, filters.materials ?? [], 'filter.materials'));
  put('crafts', Taxonomy.codes(Vocabulary.Craft, filters.crafts ?? [], 'filter.crafts'));
  put('languages', Taxonomy.languages(filters.languages ?? [], 'filter.languages'));
  put('kind', oneOf(filters.kinds ?? [], Object.values(ChallengeKind), 'filter.kinds'));
  put('rewardKinds', oneOf(filters.rewardKinds ?? [], Object.values(RewardKind), 'filter.rewardKinds'));
  put('deadlineMonth', months(filters.deadlineMonths ?? [], 'filter.deadlineMonths'));
  put('municipality', [...new Set(filters.municipalities ?? [])].map((m) => Taxonomy.municipality(m, 'filter.municipalities')));
  return out;
}
