import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NeedsService } from '@app/marketplace';
import { SignedIn, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { toConnection, toNeed, toOrganisation } from './catalogue.mappers.js';
import { CreateNeedInput, IdArgs, PageArgs, UpdateNeedArgs } from './catalogue.inputs.js';
import { Need, NeedConnection, Organisation } from './catalogue.types.js';

@Resolver(() => Need)
export class NeedsResolver {
  constructor(private readonly needService: NeedsService) {}

  @Public()
  @Query(() => Need, { description: 'A published or closed need (drafts: their owners only).' })
  async need(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Need> {
    return toNeed(await this.needService.get(actor, id));
  }

  @Public()
  @Query(() => NeedConnection, { description: 'Needs; drafts are listed for their owners only.' })
  async needs(@Args() page: PageArgs, @CurrentActor() actor: Actor) {
    return toConnection(await this.needService.list(actor, page), toNeed);
  }

  @Public()
  @ResolveField(() => Organisation)
  async owner(@Parent() need: Need, @Context() context: GraphQLContext): Promise<Organisation> {
    const owner = await context.loaders.organisation.load(need.ownerOrganisationId);
    if (!owner) throw new Error(`need ${need.id} has no owner row`);
    return toOrganisation(owner);
  }

  @SignedIn()
  @Mutation(() => Need, { description: 'Creates a draft need.' })
  async createNeed(@Args('input') input: CreateNeedInput, @CurrentActor() actor: Actor): Promise<Need> {
    return toNeed(await this.needService.create(actor, input));
  }

  @SignedIn()
  @Mutation(() => Need)
  async updateNeed(@Args() { id, input }: UpdateNeedArgs, @CurrentActor() actor: Actor): Promise<Need> {
    return toNeed(await this.needService.update(actor, id, input));
  }

  @SignedIn()
  @Mutation(() => Need, { description: 'DRAFT -> PUBLISHED; the need becomes searchable.' })
  async publishNeed(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Need> {
    return toNeed(await this.needService.publish(actor, id));
  }

  @SignedIn()
  @Mutation(() => Need, { description: 'PUBLISHED -> CLOSED; the need leaves search.' })
  async closeNeed(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Need> {
    return toNeed(await this.needService.close(actor, id));
  }
}
