import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreativesService } from '@app/marketplace';
import { OperatorOnly, Public } from '../auth/access.decorators.js';
import { toConnection, toCreativeProfile } from './catalogue.mappers.js';
import { CreateCreativeProfileInput, IdArgs, PageArgs, UpdateCreativeProfileArgs } from './catalogue.inputs.js';
import { CreativeProfile, CreativeProfileConnection } from './catalogue.types.js';

@Resolver(() => CreativeProfile)
export class CreativesResolver {
  constructor(private readonly creativeService: CreativesService) {}

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

  @OperatorOnly()
  @Mutation(() => CreativeProfile)
  async createCreativeProfile(@Args('input') input: CreateCreativeProfileInput): Promise<CreativeProfile> {
    return toCreativeProfile(await this.creativeService.create(input));
  }

  @OperatorOnly()
  @Mutation(() => Boolean, { description: 'Erases the profile everywhere it is stored, including the search index.' })
  async deleteCreativeProfile(@Args() { id }: IdArgs): Promise<boolean> {
    await this.creativeService.delete(id);
    return true;
  }

  @OperatorOnly()
  @Mutation(() => CreativeProfile)
  async updateCreativeProfile(@Args() { id, input }: UpdateCreativeProfileArgs): Promise<CreativeProfile> {
    return toCreativeProfile(await this.creativeService.update(id, input));
  }
}
