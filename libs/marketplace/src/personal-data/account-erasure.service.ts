import { Injectable, Logger } from '@nestjs/common';
import { SearchableType } from '@app/jobs';
import { AccountsService, type Actor, isAdmin, MailDrop } from '@app/identity';
import { isUuid } from '../common/pagination.js';
import type { EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { MarketplaceErrorCode, MarketplaceException } from '../common/marketplace.errors.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { AccountErasureRepository } from './account-erasure.repository.js';

type Touch = (type: SearchableType, id: string) => void;

interface CreativeErasure {
  profile: 'none' | 'deleted' | 'anonymised';
  proposalsDeleted: number;
  proposalsKept: number;
  offers: number;
  files: string[];
}

/**
 * "Delete my account" (GDPR Art. 17): the person's rows go everywhere they are copied, in one
 * transaction: PostgreSQL, the search index (through the outbox), proposal files on disk and the
 * mail drop (after commit). What stays, and why, is listed in PERSONAL_DATA_TABLES: awarded
 * proposals of published decisions (public funds) under an anonymised author, and jury records
 * behind published decisions under a tombstone account.
 *
 * Login attempts need nothing: they are keyed by HMACs of the email and IP address (no readable
 * personal data) and stop counting after 15 minutes.
 */
@Injectable()
export class AccountErasureService {
  private readonly logger = new Logger(AccountErasureService.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly rows: AccountErasureRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly attachments: AttachmentsService,
    private readonly mailDrop: MailDrop,
  ) {}

  async erase(actor: Actor, password: string, ip: string): Promise<void> {
    // The same check, limits (RATE_LIMITED per account and per client address `ip`) and answer
    // (BAD_USER_INPUT on `password`) as changing the password.
    const { id: accountId } = await this.accounts.confirmPassword(actor, password, ip);
    const outcome = await this.unitOfWork.run(async (manager, touch) => {
      const account = await this.rows.lockAccount(manager, accountId);
      if (!account) throw new MarketplaceException(MarketplaceErrorCode.Unauthenticated, 'this account no longer exists');
      const blocking = await this.rows.soleOwnerships(manager, account.id);
      if (blocking.length > 0) {
        throw MarketplaceException.invalidState(
          `you are the only owner of ${blocking.map((o) => `${o.name} (${o.organisationId})`).join(', ')}, which other people belong to: `
          + 'make one of them an owner (changeMemberRole) first, then delete your account',
        );
      }
      await this.rows.deleteAccountData(manager, account.id, account.email);
      const juryRecordsKept = await this.rows.eraseJuryWork(manager, account.id);
      const creative = await this.eraseCreative(manager, account.id, touch);
      await this.rows.deleteOrTombstone(manager, account.id, juryRecordsKept > 0);
      return { email: account.email, tombstone: juryRecordsKept > 0, creative };
    });
    // Only once the rows are gone for good: a rolled-back erasure must not lose files.
    this.attachments.discardFiles(outcome.creative.files);
    const mails = await this.mailDrop.eraseMailTo(outcome.email);
    const c = outcome.creative;
    // The account id only: the log itself must not become a copy of what was erased.
    this.logger.log(
      `account ${accountId} erased: account row ${outcome.tombstone ? 'kept as a tombstone for jury records of published decisions' : 'deleted'}, `
      + `creative profile ${c.profile}, proposals deleted ${c.proposalsDeleted}, awarded proposals kept ${c.proposalsKept}, offers ${c.offers}, files ${c.files.length}, dropped mails ${mails}`,
    );
  }

  /**
   * "Delete my creative profile" (the profile alone, the account stays): the same rules as the
   * creative side of account erasure, so awarded proposals of published decisions survive under an
   * anonymised author and the files of deleted proposals leave the disk.
   */
  async eraseProfile(actor: Actor, profileId: string): Promise<void> {
    const outcome = await this.unitOfWork.run(async (manager, touch) => {
      const locked = isUuid(profileId) ? await this.rows.lockProfileById(manager, profileId) : null;
      if (!locked) throw MarketplaceException.notFound('Creative profile', profileId);
      if (actor.creativeProfileId !== profileId && !isAdmin(actor)) throw MarketplaceException.forbidden(`creative profile ${profileId} is not yours`);
      return this.eraseProfileRows(manager, profileId, touch);
    });
    this.attachments.discardFiles(outcome.files);
    this.logger.log(`creative profile ${profileId} erased: ${outcome.profile}, proposals deleted ${outcome.proposalsDeleted}, awarded proposals kept ${outcome.proposalsKept}, offers ${outcome.offers}, files ${outcome.files.length}`);
  }

  /**
   * The creative side. Proposals the person leads go with their files, unless they were awarded in
   * a published decision; proposals others lead lose only this author. A profile that authors a kept
   * award stays, anonymised; otherwise it is deleted. Either way it leaves search, as do its offers.
   */
  private async eraseCreative(manager: EntityManager, accountId: string, touch: Touch): Promise<CreativeErasure> {
    const profileId = await this.rows.lockProfile(manager, accountId);
    if (!profileId) return { profile: 'none', proposalsDeleted: 0, proposalsKept: 0, offers: 0, files: [] };
    return this.eraseProfileRows(manager, profileId, touch);
  }

  private async eraseProfileRows(manager: EntityManager, profileId: string, touch: Touch): Promise<CreativeErasure> {
    const authored = await this.rows.authoredProposals(manager, profileId);
    const doomed = authored.filter((p) => p.lead && !p.kept).map((p) => p.id);
    const kept = authored.filter((p) => p.kept).length;
    const files = [...(await this.rows.deleteProposals(manager, doomed)), ...(await this.rows.deletePortfolioAndConsents(manager, profileId))];
    const offers = await this.rows.offerIds(manager, profileId);
    for (const id of offers) touch(SearchableType.Offer, id);
    touch(SearchableType.Creative, profileId);
    await this.rows.eraseEventParticipations(manager, profileId);
    if (kept > 0) {
      await this.rows.leaveProposals(manager, profileId, authored.filter((p) => !p.lead && !p.kept).map((p) => p.id));
      await this.rows.anonymiseProfile(manager, profileId);
    } else {
      await this.rows.deleteProfile(manager, profileId);
    }
    return { profile: kept > 0 ? 'anonymised' : 'deleted', proposalsDeleted: doomed.length, proposalsKept: kept, offers: offers.length, files };
  }
}
