import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganisationsService } from '@app/marketplace';
import { SignedIn, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { toConnection, toOrganisation } from './catalogue.mappers.js';
import { CreateOrganisationInput, IdArgs, PageArgs, UpdateOrganisationArgs } from './catalogue.inputs.js';
import { Organisation, OrganisationConnection } from './catalogue.types.js';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly organisationService: OrganisationsService) {}

  @Public()
  @Query(() => Organisation)
  async organisation(@Args() { id }: IdArgs): Promise<Organisation> {
    return toOrganisation(await this.organisationService.get(id));
  }

  @Public()
  @Query(() => OrganisationConnection)
  async organisations(@Args() page: PageArgs) {
    return toConnection(await this.organisationService.list(page), toOrganisation);
  }

  @SignedIn()
  @Mutation(() => Organisation)
  async createOrganisation(@Args('input') input: CreateOrganisationInput, @CurrentActor() actor: Actor): Promise<Organisation> {
    return toOrganisation(await this.organisationService.create(actor, input));
  }

  @SignedIn()
  @Mutation(() => Organisation)
  async updateOrganisation(@Args() { id, input }: UpdateOrganisationArgs, @CurrentActor() actor: Actor): Promise<Organisation> {
    return toOrganisation(await this.organisationService.update(actor, id, input));
  }
}
