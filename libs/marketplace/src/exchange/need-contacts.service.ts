import { Injectable } from '@nestjs/common';
import { type Actor, canEditFor, canReviewFor } from '@app/identity';
import { requireVerified } from '../common/access.js';
import { addToInboxWithReasons } from '../common/inbox.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { CreativeProfileRepository } from '../creatives/creative-profile.repository.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { NeedRepository } from './exchange.repositories.js';
import { ExchangeStatus } from './exchange.status.js';

/** Inbox kind of a contact about a need (its mail words and category are keyed by it). */
export const NEED_CONTACT_KIND = 'need-contact';

/**
 * "Contact through the platform" from a need: the creative (matched, or the author of a matching
 * offer) gets an inbox item and, by their preferences, a mail. Neither side's e-mail address is
 * shared: the item names the organisation and links to the need; the creative decides whether to
 * answer. Only creatives who agreed to be matched and notified can be contacted.
 */
@Injectable()
export class NeedContactsService {
  constructor(
    private readonly needs: NeedRepository,
    private readonly organisations: OrganisationRepository,
    private readonly creatives: CreativeProfileRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * Owners and editors of the need's organisation, on a published need. Returns true when the
   * creative was told now, false when this need had already been sent to them (once per pair).
   */
  async contactCreative(actor: Actor, needId: string, creativeProfileId: string): Promise<boolean> {
    requireVerified(actor);
    const need = isUuid(needId) ? await this.needs.findById(needId) : null;
    if (!need || (need.status === ExchangeStatus.Draft && !canReviewFor(actor, need.ownerOrganisationId))) throw MarketplaceException.notFound('Need', needId);
    if (!canEditFor(actor, need.ownerOrganisationId)) throw MarketplaceException.forbidden(`only owners and editors of organisation ${need.ownerOrganisationId} may contact creatives about its needs`);
    if (need.status !== ExchangeStatus.Published) throw MarketplaceException.invalidState(`need ${need.id} is not published: publish it before contacting creatives`);
    const creative = isUuid(creativeProfileId) ? await this.creatives.findById(creativeProfileId) : null;
    // Not consenting, erased or without an account: as if absent (whether someone consented is theirs to know).
    if (!creative || creative.matchingConsentAt === null || creative.accountId === null || creative.erasedAt !== null) {
      throw MarketplaceException.invalid('creativeProfileId', 'this creative cannot be contacted through the platform');
    }
    const organisation = await this.organisations.findById(need.ownerOrganisationId);
    const name = organisation?.name ?? '';
    return this.unitOfWork.run(async (manager) => {
      const added = await addToInboxWithReasons(manager, [{
        accountId: creative.accountId as string,
        reason: {
          sl: `Organizacija ${name} vas vabi k pogovoru o tej potrebi. Vašega e-poštnega naslova ji nismo posredovali; če vas zanima, se ji oglasite prek podatkov na strani organizacije.`,
          en: `${name} invites you to talk about this need. Your e-mail address was not shared with them; if you are interested, get in touch through the details on the organisation's page.`,
        },
      }], { kind: NEED_CONTACT_KIND, subjectType: 'need', subjectId: need.id, idempotencyKey: `${NEED_CONTACT_KIND}:${need.id}:${creative.id}` });
      return added > 0;
    });
  }
}
