import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { SupportMeasureEntity } from '@app/database';
import { CreativeKind, OrganisationKind, SupportMatchingService, SupportMeasureSearchService, SupportMeasuresService, type SupportMeasureStatus, supportMeasureState } from '@app/marketplace';
import { Public, SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { IdArgs } from '../catalogue/catalogue.inputs.js';
import { text, toConnection, toFacets, toOrganisation } from '../catalogue/catalogue.mappers.js';
import { Organisation } from '../catalogue/catalogue.types.js';
import { CreateSupportMeasureInput, SupportForMeArgs, SupportMeasure, SupportMeasureMatch, SupportMeasureSearchResult, SupportMeasuresArgs, UpdateSupportMeasureArgs } from './support-measures.types.js';

export function toSupportMeasure(e: SupportMeasureEntity, now = new Date()): SupportMeasure {
  return {
    id: e.id,
    providerOrganisationId: e.providerOrganisationId,
    status: e.status as SupportMeasureStatus,
    state: supportMeasureState(e, now),
    title: text(e.titleSl, e.titleEn),
    summary: text(e.summarySl, e.summaryEn),
    text: text(e.textSl, e.textEn),
    eligibility: { creativeKinds: e.eligibleCreativeKinds as CreativeKind[], organisationKinds: e.eligibleOrganisationKinds as OrganisationKind[] },
    amountMinEur: e.amountMinEur,
    amountMaxEur: e.amountMaxEur,
    deadline: e.deadline,
    callUrl: e.callUrl,
    publishedAt: e.publishedAt,
    closedAt: e.closedAt,
    isDemo: e.isDemo,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

/** The region's support measures: the public directory, the organisers' editor, and measures for the reader. */
@Resolver(() => SupportMeasure)
export class SupportMeasuresResolver {
  constructor(
    private readonly measures: SupportMeasuresService,
    private readonly search: SupportMeasureSearchService,
    private readonly matching: SupportMatchingService,
  ) {}

  @Public()
  @Query(() => SupportMeasureSearchResult, { description: 'Published and closed support measures by text, filters and facets (drafts never).' })
  async supportMeasures(@Args() { query, filter, first, after }: SupportMeasuresArgs, @Context() context: GraphQLContext) {
    const result = await this.search.find({ query, filter, first, after });
    const facets = toFacets(result.facets);
    // Providers are named by id: label them with the organisation's name (public).
    const provider = facets.find((f) => f.field === 'providerId');
    if (provider) {
      const orgs = await Promise.all(provider.values.map((v) => context.loaders.organisation.load(v.value)));
      provider.values = provider.values.map((v, i) => ({ ...v, label: orgs[i] ? text(orgs[i].name, orgs[i].name) : null }));
    }
    return { ...toConnection(result, (e) => toSupportMeasure(e)), facets };
  }

  @Public()
  @Query(() => SupportMeasure, { description: 'One support measure; drafts exist only for the provider\'s members.' })
  async supportMeasure(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<SupportMeasure> {
    return toSupportMeasure(await this.measures.get(actor, id));
  }

  @SignedIn()
  @Query(() => [SupportMeasureMatch], { description: 'Open support measures you may apply for (as a creative, or as a member of an organisation), best fit first. Never one you are not eligible for.' })
  async supportMeasuresForMe(@Args() { first }: SupportForMeArgs, @CurrentActor() actor: Actor): Promise<SupportMeasureMatch[]> {
    const matches = await this.matching.forMe(actor, first ?? 20);
    return matches.map((m) => ({ measure: toSupportMeasure(m.measure), score: m.score, reasons: m.reasons.map((r) => text(r.sl, r.en)) }));
  }

  @SignedIn()
  @Query(() => [SupportMeasure], { description: 'Every support measure of the organisations you write for (drafts included); empty for anyone but organisers who are owners or editors.' })
  async mySupportMeasures(@CurrentActor() actor: Actor): Promise<SupportMeasure[]> {
    return (await this.measures.mine(actor)).map((e) => toSupportMeasure(e));
  }

  @SignedIn()
  @Query(() => [Organisation], { description: 'Organisations you may publish support measures for: you hold the organiser role and are their owner or editor.' })
  async mySupportMeasureProviders(@CurrentActor() actor: Actor): Promise<Organisation[]> {
    return (await this.measures.providersFor(actor)).map(toOrganisation);
  }

  @SignedIn()
  @Mutation(() => SupportMeasure, { description: 'Creates a draft (organisers who are owners or editors of the provider).' })
  async createSupportMeasure(@Args('input') input: CreateSupportMeasureInput, @CurrentActor() actor: Actor): Promise<SupportMeasure> {
    return toSupportMeasure(await this.measures.create(actor, input));
  }

  @SignedIn()
  @Mutation(() => SupportMeasure, { description: 'Changes a draft or published measure (a closed one is history).' })
  async updateSupportMeasure(@Args() { id, input }: UpdateSupportMeasureArgs, @CurrentActor() actor: Actor): Promise<SupportMeasure> {
    return toSupportMeasure(await this.measures.update(actor, id, input));
  }

  @SignedIn()
  @Mutation(() => SupportMeasure, { description: 'DRAFT -> PUBLISHED: searchable, and those eligible hear of it.' })
  async publishSupportMeasure(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<SupportMeasure> {
    return toSupportMeasure(await this.measures.publish(actor, id));
  }

  @SignedIn()
  @Mutation(() => SupportMeasure, { description: 'PUBLISHED -> CLOSED before its deadline (it closes by itself at the deadline).' })
  async closeSupportMeasure(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<SupportMeasure> {
    return toSupportMeasure(await this.measures.close(actor, id));
  }

  @Public()
  @ResolveField(() => Organisation)
  async provider(@Parent() measure: SupportMeasure, @Context() context: GraphQLContext): Promise<Organisation> {
    const provider = await context.loaders.organisation.load(measure.providerOrganisationId);
    if (!provider) throw new Error(`support measure ${measure.id} has no provider row`);
    return toOrganisation(provider);
  }
}
