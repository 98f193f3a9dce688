import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/identity';
import { AccountErasureService, PersonalDataService } from '@app/marketplace';
import { SignedIn } from '../auth/access.decorators.js';
import { ClientIp, CurrentActor } from '../auth/actor.js';
import { DeleteMyAccountArgs } from './accounts.types.js';

/** GDPR: a person's own data, out (export) and away (erasure). */
@Resolver()
export class PersonalDataResolver {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly erasure: AccountErasureService,
  ) {}

  @SignedIn()
  @Query(() => String, { description: 'Everything the platform holds about you, as the JSON document that GET /account/export downloads.' })
  async myDataExport(@CurrentActor() actor: Actor): Promise<string> {
    return JSON.stringify(await this.personalData.export(actor));
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description: 'Erases your account everywhere it is copied (sessions end at once). Refused while you are the only owner of an organisation with other members. '
      + 'Awarded proposals of published decisions stay, under an anonymised author.',
  })
  async deleteMyAccount(@Args() { password }: DeleteMyAccountArgs, @CurrentActor() actor: Actor, @ClientIp() ip: string): Promise<boolean> {
    await this.erasure.erase(actor, password, ip);
    return true;
  }
}
