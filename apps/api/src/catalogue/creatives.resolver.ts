import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountErasureService, CreativesService } from '@app/marketplace';
import { SignedIn, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { toConnection, toCreativeProfile } from './catalogue.mappers.js';
import { CreateCreativeProfileInput, IdArgs, PageArgs, UpdateCreativeProfileArgs } from './catalogue.inputs.js';
import { CreativeProfile, CreativeProfileConnection } from './catalogue.types.js';

@Resolver(() => CreativeProfile)
export class CreativesResolver {
  constructor(
    private readonly creativeService: CreativesService,
    private readonly erasure: AccountErasureService,
  ) {}

  @Public()
  @Query(() => CreativeProfile)
  async creativeProfile(@Args() { id }: IdArgs): Promise<CreativeProfile> {
    return toCreativeProfile(await this.creativeService.get(id));
  }

  @Public()
  @Query(() => CreativeProfileConnection)
  async creativeProfiles(@Args() page: PageArgs) {
    return toConnection(await this.creativeService.list(page), toCreativeProfile);
  }

  @SignedIn()
  @Mutation(() => CreativeProfile)
  async createCreativeProfile(@Args('input') input: CreateCreativeProfileInput, @CurrentActor() actor: Actor): Promise<CreativeProfile> {
    return toCreativeProfile(await this.creativeService.create(actor, input));
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description: 'Erases the profile everywhere it is stored (search index and files included), by the same rules as deleteMyAccount: awarded proposals of published decisions stay under an anonymised author.',
  })
  async deleteCreativeProfile(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<boolean> {
    await this.erasure.eraseProfile(actor, id);
    return true;
  }

  @Public()
  @ResolveField(() => Boolean, { nullable: true, description: 'Yours only (null for others): whether you agreed to be matched and notified.' })
  matchingConsent(@Parent() profile: CreativeProfile, @CurrentActor() actor: Actor): boolean | null {
    return actor.creativeProfileId === profile.id ? profile.matchingConsentAt !== null : null;
  }

  @SignedIn()
  @Mutation(() => CreativeProfile, {
    description: 'Whether you are matched to challenges and needs, and notified about them (off until you agree). Withdrawing stops both at once.',
  })
  async setMatchingConsent(@Args('consent') consent: boolean, @CurrentActor() actor: Actor): Promise<CreativeProfile> {
    return toCreativeProfile(await this.creativeService.setMatchingConsent(actor, consent));
  }

  @SignedIn()
  @Mutation(() => CreativeProfile)
  async updateCreativeProfile(@Args() { id, input }: UpdateCreativeProfileArgs, @CurrentActor() actor: Actor): Promise<CreativeProfile> {
    return toCreativeProfile(await this.creativeService.update(actor, id, input));
  }
}
