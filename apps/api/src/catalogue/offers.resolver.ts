import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OffersService } from '@app/marketplace';
import { OperatorOnly, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { toConnection, toCreativeProfile, toOffer } from './catalogue.mappers.js';
import { CreateOfferInput, IdArgs, PageArgs, UpdateOfferArgs } from './catalogue.inputs.js';
import { CreativeProfile, Offer, OfferConnection } from './catalogue.types.js';

@Resolver(() => Offer)
export class OffersResolver {
  constructor(private readonly offerService: OffersService) {}

  @Public()
  @Query(() => Offer, { description: 'A published or closed offer (drafts: operator only).' })
  async offer(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Offer> {
    return toOffer(await this.offerService.get(id, actor.isOperator));
  }

  @Public()
  @Query(() => OfferConnection, { description: 'Offers; drafts are listed for the operator only.' })
  async offers(@Args() page: PageArgs, @CurrentActor() actor: Actor) {
    return toConnection(await this.offerService.list(page, actor.isOperator), toOffer);
  }

  @Public()
  @ResolveField(() => CreativeProfile)
  async creative(@Parent() offer: Offer, @Context() context: GraphQLContext): Promise<CreativeProfile> {
    const creative = await context.loaders.creative.load(offer.creativeProfileId);
    if (!creative) throw new Error(`offer ${offer.id} has no creative row`);
    return toCreativeProfile(creative);
  }

  @OperatorOnly()
  @Mutation(() => Offer, { description: 'Creates a draft offer.' })
  async createOffer(@Args('input') input: CreateOfferInput): Promise<Offer> {
    return toOffer(await this.offerService.create(input));
  }

  @OperatorOnly()
  @Mutation(() => Offer)
  async updateOffer(@Args() { id, input }: UpdateOfferArgs): Promise<Offer> {
    return toOffer(await this.offerService.update(id, input));
  }

  @OperatorOnly()
  @Mutation(() => Offer, { description: 'DRAFT -> PUBLISHED; the offer becomes searchable.' })
  async publishOffer(@Args() { id }: IdArgs): Promise<Offer> {
    return toOffer(await this.offerService.publish(id));
  }

  @OperatorOnly()
  @Mutation(() => Offer, { description: 'PUBLISHED -> CLOSED; the offer leaves search.' })
  async closeOffer(@Args() { id }: IdArgs): Promise<Offer> {
    return toOffer(await this.offerService.close(id));
  }
}
