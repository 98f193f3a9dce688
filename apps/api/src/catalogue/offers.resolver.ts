import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OffersService } from '@app/marketplace';
import { SignedIn, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { toConnection, toCreativeProfile, toOffer } from './catalogue.mappers.js';
import { CreateOfferInput, IdArgs, PageArgs, UpdateOfferArgs } from './catalogue.inputs.js';
import { CreativeProfile, Offer, OfferConnection } from './catalogue.types.js';

@Resolver(() => Offer)
export class OffersResolver {
  constructor(private readonly offerService: OffersService) {}

  @Public()
  @Query(() => Offer, { description: 'A published or closed offer (drafts: their owners only).' })
  async offer(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Offer> {
    return toOffer(await this.offerService.get(actor, id));
  }

  @Public()
  @Query(() => OfferConnection, { description: 'Offers; drafts are listed for their owners only.' })
  async offers(@Args() page: PageArgs, @CurrentActor() actor: Actor) {
    return toConnection(await this.offerService.list(actor, page), toOffer);
  }

  @SignedIn()
  @Query(() => OfferConnection, { description: 'Your own offers (your creative profile), drafts, published and closed, oldest first.' })
  async myOffers(@Args() page: PageArgs, @CurrentActor() actor: Actor) {
    return toConnection(await this.offerService.listMine(actor, page), toOffer);
  }

  @Public()
  @ResolveField(() => CreativeProfile)
  async creative(@Parent() offer: Offer, @Context() context: GraphQLContext): Promise<CreativeProfile> {
    const creative = await context.loaders.creative.load(offer.creativeProfileId);
    if (!creative) throw new Error(`offer ${offer.id} has no creative row`);
    return toCreativeProfile(creative);
  }

  @SignedIn()
  @Mutation(() => Offer, { description: 'Creates a draft offer.' })
  async createOffer(@Args('input') input: CreateOfferInput, @CurrentActor() actor: Actor): Promise<Offer> {
    return toOffer(await this.offerService.create(actor, input));
  }

  @SignedIn()
  @Mutation(() => Offer)
  async updateOffer(@Args() { id, input }: UpdateOfferArgs, @CurrentActor() actor: Actor): Promise<Offer> {
    return toOffer(await this.offerService.update(actor, id, input));
  }

  @SignedIn()
  @Mutation(() => Offer, { description: 'DRAFT -> PUBLISHED; the offer becomes searchable.' })
  async publishOffer(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Offer> {
    return toOffer(await this.offerService.publish(actor, id));
  }

  @SignedIn()
  @Mutation(() => Offer, { description: 'PUBLISHED -> CLOSED; the offer leaves search.' })
  async closeOffer(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Offer> {
    return toOffer(await this.offerService.close(actor, id));
  }
}
