import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountErasureService, CreativesService, PortfolioService, type PortfolioItemWithImage } from '@app/marketplace';
import { SignedIn, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { Account } from '../accounts/accounts.types.js';
import { toConnection, toCreativeProfile } from './catalogue.mappers.js';
import {
  CreateCreativeProfileInput, IdArgs, PageArgs, PortfolioItemInput, ReorderPortfolioArgs, SetMatchingConsentArgs, UpdateCreativeProfileArgs, UpdatePortfolioItemArgs,
} from './catalogue.inputs.js';
import { CodeSuggestion, CreativeProfile, CreativeProfileConnection, MatchingConsentChange, PortfolioItem } from './catalogue.types.js';

export function toPortfolioItem({ item, image }: PortfolioItemWithImage): PortfolioItem {
  return {
    id: item.id, title: { sl: item.titleSl, en: item.titleEn }, description: { sl: item.descriptionSl, en: item.descriptionEn }, link: item.link,
    year: item.year, client: item.client, position: item.position, updatedAt: item.updatedAt,
    image: image ? { id: image.id, contentType: image.contentType, sizeBytes: image.sizeBytes, url: `/attachments/${image.id}` } : null,
  };
}

@Resolver(() => CreativeProfile)
export class CreativesResolver {
  constructor(
    private readonly creativeService: CreativesService,
    private readonly erasure: AccountErasureService,
    private readonly portfolio: PortfolioService,
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
    description: 'Whether you are matched to challenges and needs, and notified about them (off until you agree). Withdrawing stops both at once. '
      + 'Each change is recorded with the version of the explanation you were shown (matchingConsentHistory).',
  })
  async setMatchingConsent(@Args() { consent, explanationVersion }: SetMatchingConsentArgs, @CurrentActor() actor: Actor): Promise<CreativeProfile> {
    return toCreativeProfile(await this.creativeService.setMatchingConsent(actor, consent, explanationVersion ?? undefined));
  }

  @Public()
  @ResolveField(() => [MatchingConsentChange], { nullable: true, description: 'Yours only (null for others): every change of your matching consent, oldest first.' })
  async matchingConsentHistory(@Parent() profile: CreativeProfile, @CurrentActor() actor: Actor): Promise<MatchingConsentChange[] | null> {
    if (actor.creativeProfileId !== profile.id) return null;
    return (await this.creativeService.consentHistory([profile.id])).map((e) => ({ given: e.given, explanationVersion: e.explanationVersion, occurredAt: e.occurredAt }));
  }

  @Public()
  @ResolveField(() => [CodeSuggestion], { nullable: true, description: 'Yours only (null for others): reference codes your own words, statement and portfolio point to, for you to confirm by adding them.' })
  async suggestedCodes(@Parent() profile: CreativeProfile, @CurrentActor() actor: Actor): Promise<CodeSuggestion[] | null> {
    if (actor.creativeProfileId !== profile.id || profile.erased) return null;
    return (await this.creativeService.suggestions(actor, profile.id)).map((s) => ({ vocabulary: s.vocabulary, code: s.code, label: s.label, because: s.because }));
  }

  @Public()
  @ResolveField(() => [PortfolioItem], { description: 'Portfolio items in their order (none for a removed participant).' })
  async portfolioItems(@Parent() profile: CreativeProfile, @Context() context: GraphQLContext): Promise<PortfolioItem[]> {
    if (profile.erased) return [];
    return (await context.loaders.portfolioItems.load(profile.id)).map(toPortfolioItem);
  }

  @SignedIn()
  @Mutation(() => PortfolioItem, { description: 'Adds an item to the end of your portfolio (at most 30); upload its image with POST /portfolio-items/{id}/image.' })
  async addPortfolioItem(@Args('input') input: PortfolioItemInput, @CurrentActor() actor: Actor): Promise<PortfolioItem> {
    return toPortfolioItem(await this.portfolio.add(actor, input));
  }

  @SignedIn()
  @Mutation(() => PortfolioItem, { description: 'Changes the texts and link of one of your portfolio items.' })
  async updatePortfolioItem(@Args() { id, input }: UpdatePortfolioItemArgs, @CurrentActor() actor: Actor): Promise<PortfolioItem> {
    return toPortfolioItem(await this.portfolio.update(actor, id, input));
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Removes one of your portfolio items with its image.' })
  async removePortfolioItem(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<boolean> {
    await this.portfolio.remove(actor, id);
    return true;
  }

  @SignedIn()
  @Mutation(() => PortfolioItem, { description: "Removes the image of one of your portfolio items (the item stays)." })
  async removePortfolioItemImage(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<PortfolioItem> {
    return toPortfolioItem(await this.portfolio.removeImage(actor, id));
  }

  @SignedIn()
  @Mutation(() => [PortfolioItem], { description: 'Puts your portfolio items in a new order.' })
  async reorderPortfolioItems(@Args() { ids }: ReorderPortfolioArgs, @CurrentActor() actor: Actor): Promise<PortfolioItem[]> {
    return (await this.portfolio.reorder(actor, ids)).map(toPortfolioItem);
  }

  @SignedIn()
  @Mutation(() => CreativeProfile)
  async updateCreativeProfile(@Args() { id, input }: UpdateCreativeProfileArgs, @CurrentActor() actor: Actor): Promise<CreativeProfile> {
    return toCreativeProfile(await this.creativeService.update(actor, id, input));
  }
}

/** The signed-in account's own creative profile, so a page needs one query (me { creativeProfile { ... } }). */
@Resolver(() => Account)
export class AccountProfileResolver {
  constructor(private readonly creativeService: CreativesService) {}

  @SignedIn()
  @ResolveField(() => CreativeProfile, { nullable: true, description: 'The creative profile this account owns (null: none yet).' })
  async creativeProfile(@Parent() account: Account, @Context() context: GraphQLContext): Promise<CreativeProfile | null> {
    if (!account.creativeProfileId) return null;
    const profile = await context.loaders.creative.load(account.creativeProfileId);
    return profile ? toCreativeProfile(profile) : null;
  }
}
