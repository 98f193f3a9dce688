import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganisationsService } from '@app/marketplace';
import { OperatorOnly, Public } from '../auth/access.decorators.js';
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

  @OperatorOnly()
  @Mutation(() => Organisation)
  async createOrganisation(@Args('input') input: CreateOrganisationInput): Promise<Organisation> {
    return toOrganisation(await this.organisationService.create(input));
  }

  @OperatorOnly()
  @Mutation(() => Organisation)
  async updateOrganisation(@Args() { id, input }: UpdateOrganisationArgs): Promise<Organisation> {
    return toOrganisation(await this.organisationService.update(id, input));
  }
}
