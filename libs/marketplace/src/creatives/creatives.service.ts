import { Injectable } from '@nestjs/common';
import type { CreativeProfileEntity, MatchingConsentEventEntity } from '@app/database';
import type { EntityManager } from 'typeorm';
import { SearchableType } from '@app/jobs';
import { type Actor, isAdmin } from '@app/identity';
import { requireVerified } from '../common/access.js';
import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid, type Page, type PageRequest } from '../common/pagination.js';
import { Taxonomy, Vocabulary } from '../common/taxonomy.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import type { CreativeKind } from '../reference/index.js';
import { OfferRepository } from '../exchange/exchange.repositories.js';
import { CreativeProfileRepository } from './creative-profile.repository.js';
import { type CodeSuggestion, suggestCodes } from './code-suggestions.js';
import { PortfolioRepository } from './portfolio.repository.js';
import { Availability } from '../matching/match-scoring.js';

/**
 * Versions of the matching-consent explanation a creative can be shown (the web app's words, in
 * both languages). A new wording gets a new version here and in the app, so the history tells
 * which text each consent was given under. 'unrecorded': consent given before the history existed.
 */
export const CONSENT_EXPLANATION_VERSIONS: readonly string[] = ['2026-12-03'];
export const CURRENT_CONSENT_EXPLANATION = '2026-12-03';

export interface CreativeProfileCommand {
  kind: CreativeKind;
  displayName: string;
  bio?: Partial<LocalizedText> | null;
  domains?: string[];
  /** Codes or the creative's own words (see Taxonomy.codesOrText): nothing written is dropped. */
  crafts?: string[];
  techniques?: string[];
  materials?: string[];
  skills?: string[];
  /** A municipality's code or its name as typed. */
  municipality: string;
  languages?: string[];
  portfolioLinks?: string[];
  /** Default AVAILABLE. */
  availability?: Availability;
}

@Injectable()
export class CreativesService {
  constructor(
    private readonly profiles: CreativeProfileRepository,
    private readonly offers: OfferRepository,
    private readonly portfolio: PortfolioRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** One profile per account, owned by it. Admins may create unowned ones (demo data, imports). */
  create(actor: Actor, command: CreativeProfileCommand, isDemo = false): Promise<CreativeProfileEntity> {
    requireVerified(actor);
    if (actor.creativeProfileId) throw MarketplaceException.invalidState(`you already have a creative profile (${actor.creativeProfileId}); update it instead`);
    const values = validate(command);
    return this.unitOfWork.run(async (manager, touch) => {
      if (actor.accountId && (await this.profiles.idOfAccount(manager, actor.accountId))) {
        throw MarketplaceException.invalidState('you already have a creative profile; update it instead');
      }
      const saved = await this.profiles.insert(manager, { ...values, accountId: actor.accountId, isDemo });
      touch(SearchableType.Creative, saved.id);
      return saved;
    });
  }

  /** The profile's own account (and admins). */
  update(actor: Actor, id: string, command: Partial<CreativeProfileCommand>): Promise<CreativeProfileEntity> {
    return this.unitOfWork.run(async (manager, touch) => {
      const current = isUuid(id) ? await this.profiles.findForUpdate(manager, id) : null;
      if (!current) throw MarketplaceException.notFound('Creative profile', id);
      this.checkOwn(actor, id);
      const merged = validate({
        kind: command.kind ?? (current.kind as CreativeKind),
        displayName: command.displayName ?? current.displayName,
        bio: command.bio === undefined ? { sl: current.bioSl, en: current.bioEn } : command.bio,
        domains: command.domains ?? current.domains,
        crafts: command.crafts ?? [...current.crafts, ...current.freeCrafts],
        techniques: command.techniques ?? [...current.techniques, ...current.freeTechniques],
        materials: command.materials ?? [...current.materials, ...current.freeMaterials],
        skills: command.skills ?? [...current.skills, ...current.freeSkills],
        municipality: command.municipality ?? current.municipality,
        languages: command.languages ?? current.languages,
        portfolioLinks: command.portfolioLinks ?? current.portfolioLinks,
        availability: command.availability ?? (current.availability as Availability),
      });
      const saved = await this.profiles.save(manager, Object.assign(current, merged));
      touch(SearchableType.Creative, saved.id);
      // Offers show the creative's name, town and languages.
      for (const offerId of await this.offers.idsByCreative(manager, id)) touch(SearchableType.Offer, offerId);
      return saved;
    });
  }

  /**
   * The creative's own choice to be matched and notified (off until they agree). Withdrawing
   * takes effect at once: matching reads it from PostgreSQL, not from the search index. Every
   * change (not a repeat of the current state) is recorded with the version of the explanation
   * the creative was shown, in the same transaction.
   */
  setMatchingConsent(actor: Actor, consent: boolean, explanationVersion: string = CURRENT_CONSENT_EXPLANATION, now = new Date()): Promise<CreativeProfileEntity> {
    const id = actor.creativeProfileId;
    if (!id) throw MarketplaceException.forbidden('create your creative profile first: consent is given by the creative themselves');
    if (!CONSENT_EXPLANATION_VERSIONS.includes(explanationVersion)) {
      throw MarketplaceException.invalid('explanationVersion', `unknown explanation version '${explanationVersion}' (known: ${CONSENT_EXPLANATION_VERSIONS.join(', ')})`);
    }
    return this.unitOfWork.run(async (manager) => {
      const current = await this.profiles.findForUpdate(manager, id);
      if (!current) throw MarketplaceException.notFound('Creative profile', id);
      const had = current.matchingConsentAt !== null;
      current.matchingConsentAt = consent ? (current.matchingConsentAt ?? now) : null;
      if (had !== consent) await this.profiles.recordConsent(manager, id, consent, explanationVersion, now);
      return this.profiles.save(manager, current);
    });
  }

  /** Consent changes of profiles, oldest first (the owner's own; the caller checks). */
  consentHistory(profileIds: readonly string[]): Promise<MatchingConsentEventEntity[]> {
    return this.profiles.consentHistory(profileIds);
  }

  /**
   * The error `create` would refuse this command with (INVALID_INPUT naming the field), or null:
   * imports check each row with the same rules before inviting anyone.
   */
  check(command: CreativeProfileCommand): MarketplaceException | null {
    try {
      validate(command);
      return null;
    } catch (error) {
      if (error instanceof MarketplaceException) return error;
      throw error;
    }
  }

  /**
   * In the caller's unit of work: the profile of an account that has none yet (an accepted import
   * invitation), validated like `create`, announced to search, with matching consent recorded
   * only when the person gave it.
   */
  async createForAccount(
    manager: EntityManager, touch: (type: SearchableType, id: string) => void, accountId: string, command: CreativeProfileCommand,
    consent: { given: boolean; explanationVersion: string; at: Date },
  ): Promise<CreativeProfileEntity> {
    if (!CONSENT_EXPLANATION_VERSIONS.includes(consent.explanationVersion)) {
      throw MarketplaceException.invalid('explanationVersion', `unknown explanation version '${consent.explanationVersion}' (known: ${CONSENT_EXPLANATION_VERSIONS.join(', ')})`);
    }
    const values = validate(command);
    if (await this.profiles.idOfAccount(manager, accountId)) throw MarketplaceException.invalidState('this account already has a creative profile');
    const saved = await this.profiles.insert(manager, { ...values, accountId, isDemo: false, matchingConsentAt: consent.given ? consent.at : null });
    if (consent.given) await this.profiles.recordConsent(manager, saved.id, true, consent.explanationVersion, consent.at);
    touch(SearchableType.Creative, saved.id);
    return saved;
  }

  private checkOwn(actor: Actor, id: string): void {
    if (actor.creativeProfileId !== id && !isAdmin(actor)) throw MarketplaceException.forbidden(`creative profile ${id} is not yours`);
  }

  /** Codes the creative's own words point to, for them to confirm: the owner (and admins) only. */
  async suggestions(actor: Actor, id: string): Promise<CodeSuggestion[]> {
    this.checkOwn(actor, id);
    const profile = await this.get(id);
    return suggestCodes(profile, await this.portfolio.forProfiles([id]));
  }

  async get(id: string): Promise<CreativeProfileEntity> {
    const found = isUuid(id) ? await this.profiles.findById(id) : null;
    if (!found) throw MarketplaceException.notFound('Creative profile', id);
    return found;
  }

  getMany(ids: readonly string[]): Promise<CreativeProfileEntity[]> {
    return this.profiles.findByIds(ids);
  }

  list(request: PageRequest): Promise<Page<CreativeProfileEntity>> {
    // An erased creative's profile (kept only as the author of a published award) is listed nowhere.
    return this.profiles.page(request, (qb) => qb.andWhere('row.erased_at IS NULL'));
  }
}

function validate(command: CreativeProfileCommand) {
  const displayName = clean(command.displayName);
  if (!displayName) throw MarketplaceException.invalid('displayName', 'displayName must not be empty');
  return {
    kind: command.kind,
    displayName,
    bioSl: clean(command.bio?.sl),
    bioEn: clean(command.bio?.en),
    domains: Taxonomy.codes(Vocabulary.Domain, command.domains, 'domains'),
    ...codesAndWords('crafts', 'freeCrafts', Taxonomy.codesOrText(Vocabulary.Craft, command.crafts, 'crafts')),
    ...codesAndWords('techniques', 'freeTechniques', Taxonomy.codesOrText(Vocabulary.Technique, command.techniques, 'techniques')),
    ...codesAndWords('materials', 'freeMaterials', Taxonomy.codesOrText(Vocabulary.Material, command.materials, 'materials')),
    ...codesAndWords('skills', 'freeSkills', Taxonomy.codesOrText(Vocabulary.Skill, command.skills, 'skills')),
    municipality: Taxonomy.municipality(command.municipality, 'municipality'),
    languages: Taxonomy.languages(command.languages, 'languages'),
    portfolioLinks: [...new Set((command.portfolioLinks ?? []).map((l) => l.trim()).filter(Boolean))],
    availability: checkAvailability(command.availability ?? Availability.Available),
  };
}

function codesAndWords<C extends string, F extends string>(codesKey: C, freeKey: F, list: { codes: string[]; free: string[] }): Record<C, string[]> & Record<F, string[]> {
  return { [codesKey]: list.codes, [freeKey]: list.free } as Record<C, string[]> & Record<F, string[]>;
}

function checkAvailability(value: Availability): Availability {
  if (!Object.values(Availability).includes(value)) throw MarketplaceException.invalid('availability', `unknown availability '${String(value)}'`);
  return value;
}
