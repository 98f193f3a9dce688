import { Args, Mutation, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { SearchableType } from '@app/jobs';
import { CatalogueSearchService, Taxonomy, Vocabulary } from '@app/marketplace';
import { AdminOnly, Public } from '../auth/access.decorators.js';
import { toChallenge, toConnection, toCreativeProfile, toFacets, toNeed, toOffer, terms } from './catalogue.mappers.js';
import { SearchArgs } from './catalogue.inputs.js';
import { ChallengeSearchResult, CreativeSearchResult, NeedSearchResult, OfferSearchResult, ReferenceData } from './catalogue.types.js';

registerEnumType(SearchableType, {
  name: 'SearchIndex',
  valuesMap: { Challenge: { description: 'published challenges' }, Creative: { description: 'creative profiles' }, Need: { description: 'published needs' }, Offer: { description: 'published offers' } },
});

@Resolver()
export class SearchResolver {
  constructor(private readonly search: CatalogueSearchService) {}

  @Public()
  @Query(() => CreativeSearchResult, { description: 'Creative profiles by text, filters and facets.' })
  async searchCreatives(@Args() { query, filter, first, after }: SearchArgs) {
    const result = await this.search.searchCreatives({ query, filters: filter, first, after });
    return { ...toConnection(result, toCreativeProfile), facets: toFacets(result.facets) };
  }

  @Public()
  @Query(() => ChallengeSearchResult, { description: 'Published challenges by text, filters and facets.' })
  async searchChallenges(@Args() { query, filter, first, after }: SearchArgs) {
    const result = await this.search.searchChallenges({ query, filters: filter, first, after });
    return { ...toConnection(result, toChallenge), facets: toFacets(result.facets) };
  }

  @Public()
  @Query(() => NeedSearchResult, { description: 'Published needs by text, filters (domains, municipalities, techniques, materials) and facets.' })
  async searchNeeds(@Args() { query, filter, first, after }: SearchArgs) {
    const result = await this.search.searchNeeds({ query, filters: filter, first, after });
    return { ...toConnection(result, toNeed), facets: toFacets(result.facets) };
  }

  @Public()
  @Query(() => OfferSearchResult, { description: "Published offers by text, filters and facets (town and languages are the creative's)." })
  async searchOffers(@Args() { query, filter, first, after }: SearchArgs) {
    const result = await this.search.searchOffers({ query, filters: filter, first, after });
    return { ...toConnection(result, toOffer), facets: toFacets(result.facets) };
  }

  @AdminOnly()
  @Mutation(() => String, { description: 'Rebuilds a search index (or both) from the database in the background; returns the job id.' })
  reindexSearch(@Args('index', { type: () => SearchableType, nullable: true }) index?: SearchableType): Promise<string> {
    return this.search.requestFullReindex(index);
  }

  @Public()
  @Query(() => ReferenceData)
  referenceData(): ReferenceData {
    const codes = (v: Vocabulary) => terms(v, Taxonomy.terms(v).map((t) => t.code));
    return {
      domains: codes(Vocabulary.Domain),
      crafts: codes(Vocabulary.Craft),
      techniques: codes(Vocabulary.Technique),
      materials: codes(Vocabulary.Material),
      skills: codes(Vocabulary.Skill),
      municipalities: Taxonomy.places().map((p) => ({ code: p.code, name: p.name })),
    };
  }
}
