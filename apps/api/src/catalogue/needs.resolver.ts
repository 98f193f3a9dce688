import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NeedContactsService, NeedsService } from '@app/marketplace';
import { IsString, MaxLength } from 'class-validator';
import { SignedIn, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { toConnection, toNeed, toOrganisation } from './catalogue.mappers.js';
import { CreateNeedInput, IdArgs, PageArgs, UpdateNeedArgs } from './catalogue.inputs.js';
import { Need, NeedConnection, Organisation } from './catalogue.types.js';

@ArgsType()
class OrganisationNeedsArgs extends PageArgs {
  @Field(() => ID) @IsString() @MaxLength(64) organisationId: string;
}

@ArgsType()
class ContactAboutNeedArgs {
  @Field(() => ID) @IsString() @MaxLength(64) needId: string;
  @Field(() => ID) @IsString() @MaxLength(64) creativeProfileId: string;
}

@Resolver(() => Need)
export class NeedsResolver {
  constructor(
    private readonly needService: NeedsService,
    private readonly contacts: NeedContactsService,
  ) {}

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

  @SignedIn()
  @Query(() => NeedConnection, { description: "One organisation's needs in every status (drafts too), oldest first: its owners and editors." })
  async organisationNeeds(@Args() { organisationId, ...page }: OrganisationNeedsArgs, @CurrentActor() actor: Actor) {
    return toConnection(await this.needService.listForOrganisation(actor, organisationId, page), toNeed);
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

  @SignedIn()
  @Mutation(() => Boolean, {
    description: "Contact a creative (matched, or an offer's author) about a published need: an inbox item and, by their preferences, a mail naming your organisation; no e-mail address is shared either way. Creatives who agreed to be matched only. Owners and editors. False: they had already been contacted about this need.",
  })
  async contactCreativeAboutNeed(@Args() { needId, creativeProfileId }: ContactAboutNeedArgs, @CurrentActor() actor: Actor): Promise<boolean> {
    return this.contacts.contactCreative(actor, needId, creativeProfileId);
  }
}
