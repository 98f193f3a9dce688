import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountEntity, type CreativeInvitationData, CreativeInvitationEntity } from '@app/database';
import {
  AccountRepository, type Actor, checkPasswordPolicy, CREATIVE_INVITATION_LINK, hashPassword, IdentityException, isOrganiser, linkTokenMatches, normaliseEmail, splitLinkToken, TOKEN_SECRET,
} from '@app/identity';
import { AccountEmailKind, OutboxStore, OutboxTopic } from '@app/jobs';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { MarketplaceErrorCode, MarketplaceException } from '../common/marketplace.errors.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { CreativeKind } from '../reference/index.js';
import { CONSENT_EXPLANATION_VERSIONS, CreativesService, CURRENT_CONSENT_EXPLANATION, type CreativeProfileCommand } from './creatives.service.js';
import { ImportFileError, type ImportFormat, type ImportRow, parseImport } from './profile-import.parser.js';

/** How long an imported person has to accept; afterwards the row's personal data is erased. */
export const CREATIVE_INVITATION_TTL_MS = 30 * 24 * 3600_000;
const NOTE_MAX = 1000;
const NAME_MAX = 120;

/** The explanation shown with the consent choice when accepting (version CURRENT_CONSENT_EXPLANATION; the web app's profile page words). */
export const CONSENT_EXPLANATION: Readonly<Record<string, { sl: string[]; en: string[] }>> = {
  '2026-12-03': {
    sl: [
      'Če se strinjate, Modrotisk vaš profil (področja, obrti, tehnike, materiale, veščine, občino, jezike in razpoložljivost) primerja z odprtimi izzivi in potrebami.',
      'Vaš profil bomo predlagali organizacijam, ki objavijo ujemajoče se izzive, vas pa bomo obveščali o izzivih, ki se ujemajo z vami. Vidijo le vaš javni profil, nikoli vašega e-poštnega naslova ali zgodovine privolitev.',
      'Brez privolitve vaš javni profil ostane viden, vendar vas nikomur ne predlagamo in vas ne obveščamo o ujemanjih.',
      'Privolitev lahko kadar koli prekličete v svojem profilu ali na strani Moji podatki. Preklic velja takoj. Vsaka sprememba se zabeleži z datumom in jo vidite pod Moji podatki.',
    ],
    en: [
      'If you agree, Modrotisk compares your profile (domains, crafts, techniques, materials, skills, municipality, languages and availability) with open challenges and needs.',
      'We will suggest your profile to the organisations that run matching challenges, and notify you about challenges that match you. They see your public profile only: never your email address or your consent history.',
      'Without consent your public profile stays visible, but we do not suggest you to anyone or notify you about matches.',
      'You can withdraw at any time, on your profile or on the My data page. It takes effect at once. Every change is recorded with the date, and you can see it under My data.',
    ],
  },
};

export enum ImportRowStatus {
  Created = 'CREATED',
  Duplicate = 'DUPLICATE',
  Invalid = 'INVALID',
}

export interface ImportRowResult {
  row: number;
  /** As normalised (lower case), when the row had a usable one. */
  email: string | null;
  status: ImportRowStatus;
  /** The column at fault (INVALID) or 'email' (DUPLICATE). */
  field: string | null;
  reason: string | null;
  /** The pending invitation (CREATED, not on a dry run). */
  invitationId: string | null;
}

export interface ImportReport {
  /** Shared by the invitations of this call (null on a dry run). */
  importId: string | null;
  dryRun: boolean;
  created: number;
  duplicates: number;
  invalid: number;
  rows: ImportRowResult[];
}

export interface ImportCommand {
  format: ImportFormat;
  content: string;
  dryRun?: boolean;
  /** The importer's words to every person of this import: why they were imported (in the mail and on the page). */
  note?: string | null;
}

export enum CreativeInvitationStatus {
  Pending = 'pending',
  Accepted = 'accepted',
  Declined = 'declined',
  Expired = 'expired',
}

/** What the holder of a link sees before accepting. Data, email and note are null once decided or expired. */
export interface CreativeInvitationView {
  status: CreativeInvitationStatus;
  email: string | null;
  data: CreativeInvitationData | null;
  note: string | null;
  importedBy: string;
  expiresAt: Date;
  /** An account with this address exists: accepting then needs signing in as it (no password here). */
  accountExists: boolean;
  consentExplanationVersion: string;
  consentExplanation: { sl: string[]; en: string[] };
}

export interface AcceptCreativeInvitationCommand {
  token: string;
  /** For a new account; ignored when the address already has one (then the caller must be signed in as it). */
  password?: string | null;
  matchingConsent: boolean;
  explanationVersion?: string | null;
  locale?: 'sl' | 'en' | null;
}

export interface AcceptedCreativeInvitation {
  accountId: string;
  creativeProfileId: string;
  email: string;
  /** A new account was created (sign in with the address and the password just chosen). */
  accountCreated: boolean;
}

const KINDS: ReadonlyMap<string, CreativeKind> = new Map([
  ...Object.values(CreativeKind).map((k) => [k.toLowerCase(), k] as const),
  ...Object.values(CreativeKind).map((k) => [k.toLowerCase().replace(/_/g, ' '), k] as const),
  ['posameznik', CreativeKind.Individual], ['posameznica', CreativeKind.Individual], ['individual', CreativeKind.Individual],
  ['s.p.', CreativeKind.SoleProprietor], ['sp', CreativeKind.SoleProprietor], ['samostojni podjetnik', CreativeKind.SoleProprietor], ['samostojna podjetnica', CreativeKind.SoleProprietor],
  ['studio', CreativeKind.StudioOrFirm], ['podjetje', CreativeKind.StudioOrFirm], ['firm', CreativeKind.StudioOrFirm],
  ['študent', CreativeKind.Student], ['študentka', CreativeKind.Student], ['student', CreativeKind.Student],
  ['kolektiv', CreativeKind.Collective], ['collective', CreativeKind.Collective],
]);

/** Checked good rows, ready to insert. */
interface GoodRow {
  result: ImportRowResult;
  email: string;
  data: CreativeInvitationData;
}

/**
 * Imported creatives as pending invitations (issue 13 item 6). An organiser or admin imports
 * people; each good row is kept as it was typed, with the address, until the person accepts by the
 * mailed link: only then is there an account and a profile (through CreativesService, so its
 * validation and the search outbox apply) and, if they agree, matching consent. Until then nothing
 * about them is searchable, matched or notified. Declining or expiry erases the row's personal data.
 */
@Injectable()
export class CreativeInvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly creatives: CreativesService,
    private readonly accounts: AccountRepository,
    private readonly outbox: OutboxStore,
    private readonly unitOfWork: UnitOfWork,
    @Inject(TOKEN_SECRET) private readonly secret: string,
  ) {}

  /** Parses, checks every row, and (unless a dry run) invites the good ones in one transaction. */
  async import(actor: Actor, command: ImportCommand): Promise<ImportReport> {
    if (!isOrganiser(actor)) throw MarketplaceException.forbidden('only organisers and platform admins may import creative profiles');
    const note = command.note?.trim() || null;
    if (note && note.length > NOTE_MAX) throw MarketplaceException.invalid('input.note', `the note may have at most ${NOTE_MAX} characters`);
    let parsed: ImportRow[];
    try {
      parsed = parseImport(command.format, command.content);
    } catch (error) {
      if (error instanceof ImportFileError) throw MarketplaceException.invalid(`input.${error.field}`, error.message);
      throw error;
    }
    const dryRun = command.dryRun ?? false;
    const results: ImportRowResult[] = [];
    const good: GoodRow[] = [];
    const firstRowOf = new Map<string, number>();
    for (const row of parsed) {
      const checked = this.checkRow(row);
      if ('result' in checked) {
        const earlier = firstRowOf.get(checked.email);
        if (earlier !== undefined) {
          checked.result.status = ImportRowStatus.Duplicate;
          checked.result.field = 'email';
          checked.result.reason = `the same email address as row ${earlier} of this import`;
        } else {
          firstRowOf.set(checked.email, row.row);
          good.push(checked);
        }
        results.push(checked.result);
      } else {
        results.push(checked);
      }
    }
    const importId = dryRun ? null : randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.expireDue(manager);
      const emails = good.map((g) => g.email);
      const taken = new Set(((await manager.query(`SELECT email FROM account WHERE email = ANY($1::text[])`, [emails])) as { email: string }[]).map((r) => r.email));
      const invited = new Set(((await manager.query(`SELECT email FROM creative_invitation WHERE status = 'pending' AND email = ANY($1::text[])`, [emails])) as { email: string }[]).map((r) => r.email));
      const fresh: GoodRow[] = [];
      for (const g of good) {
        if (taken.has(g.email)) duplicate(g.result, 'this address already has an account on Modrotisk (the person can create their profile there)');
        else if (invited.has(g.email)) duplicate(g.result, 'this address already has a pending invitation');
        else fresh.push(g);
      }
      if (dryRun || fresh.length === 0) return;
      const inserted = (await manager.query(
        `INSERT INTO creative_invitation (email, data, note, imported_by, import_id, expires_at)
         SELECT r.email, r.data, $2, $3, $4, now() + make_interval(secs => $5::double precision / 1000)
           FROM jsonb_to_recordset($1::jsonb) AS r(email text, data jsonb)
         ON CONFLICT (email) WHERE status = 'pending' DO NOTHING
         RETURNING id, email`,
        [JSON.stringify(fresh.map((g) => ({ email: g.email, data: g.data }))), note, actor.accountId, importId, CREATIVE_INVITATION_TTL_MS],
      )) as { id: string; email: string }[];
      const idOf = new Map(inserted.map((r) => [r.email, r.id]));
      for (const g of fresh) {
        const id = idOf.get(g.email);
        // Another import invited the address meanwhile (the partial unique index).
        if (id) g.result.invitationId = id;
        else duplicate(g.result, 'this address already has a pending invitation');
      }
      await this.outbox.record(manager, inserted.map((r) => ({ topic: OutboxTopic.AccountEmail, aggregateType: AccountEmailKind.CreativeInvitation, aggregateId: r.id })));
    });
    return {
      importId,
      dryRun,
      created: results.filter((r) => r.status === ImportRowStatus.Created).length,
      duplicates: results.filter((r) => r.status === ImportRowStatus.Duplicate).length,
      invalid: results.filter((r) => r.status === ImportRowStatus.Invalid).length,
      rows: results.sort((a, b) => a.row - b.row),
    };
  }

  /** What the link's holder will accept; an expired invitation is erased when read. */
  async view(token: string): Promise<CreativeInvitationView> {
    await this.expireDue(this.dataSource.manager);
    const invitation = await this.byToken(this.dataSource.manager, token, false);
    const importer = invitation.importedBy ? await this.accounts.findById(invitation.importedBy) : null;
    const accountExists = invitation.email ? (await this.accounts.findByEmail(invitation.email)) !== null : false;
    return {
      status: invitation.status as CreativeInvitationStatus,
      email: invitation.email,
      data: invitation.data,
      note: invitation.note,
      importedBy: importer?.displayName ?? 'Modrotisk',
      expiresAt: invitation.expiresAt,
      accountExists,
      consentExplanationVersion: CURRENT_CONSENT_EXPLANATION,
      consentExplanation: CONSENT_EXPLANATION[CURRENT_CONSENT_EXPLANATION],
    };
  }

  /**
   * Creates a verified account (the link proved the mailbox) and the profile from the row, or, if
   * the address already has an account, needs the caller signed in as it and adds the profile
   * there. Matching consent is recorded only when given. The invitation's copy of the data is
   * erased (it is the profile now) and the link stops working.
   */
  async accept(actor: Actor, command: AcceptCreativeInvitationCommand): Promise<AcceptedCreativeInvitation> {
    const explanationVersion = command.explanationVersion ?? CURRENT_CONSENT_EXPLANATION;
    if (!CONSENT_EXPLANATION_VERSIONS.includes(explanationVersion)) {
      throw MarketplaceException.invalid('explanationVersion', `unknown explanation version '${explanationVersion}' (known: ${CONSENT_EXPLANATION_VERSIONS.join(', ')})`);
    }
    await this.expireDue(this.dataSource.manager);
    // Read first (no lock) to know whether a password is needed, and hash it outside the transaction.
    const preview = await this.byToken(this.dataSource.manager, command.token, true);
    const email = preview.email as string;
    const existing = await this.accounts.findByEmail(email);
    let passwordHash: string | null = null;
    if (!existing) {
      if (!command.password) throw MarketplaceException.invalid('password', 'choose a password for your new account');
      try {
        checkPasswordPolicy(command.password, email, 'password');
      } catch (error) {
        if (error instanceof IdentityException) throw MarketplaceException.invalid('password', error.message);
        throw error;
      }
      passwordHash = await hashPassword(command.password);
    } else if (actor.accountId !== existing.id) {
      throw new MarketplaceException(MarketplaceErrorCode.Unauthenticated, `an account with ${email} already exists: sign in as it, then open the link again to add the profile to it`);
    }
    return this.unitOfWork.run(async (manager, touch) => {
      const invitation = await this.byToken(manager, command.token, true, true);
      const data = invitation.data as CreativeInvitationData;
      let accountId: string;
      let accountCreated = false;
      const now = new Date();
      if (passwordHash) {
        const created = await this.accounts.insert(manager, {
          email, passwordHash, displayName: data.displayName.slice(0, NAME_MAX), locale: command.locale ?? 'sl', emailVerifiedAt: now,
        });
        if (!created) throw MarketplaceException.invalidState('an account with this address was created meanwhile: sign in as it, then open the link again');
        accountId = created;
        accountCreated = true;
      } else {
        const account = await this.accounts.lock(manager, (existing as AccountEntity).id);
        if (!account) throw MarketplaceException.invalidState('the account was deleted meanwhile');
        account.emailVerifiedAt ??= now;
        await this.accounts.save(manager, account);
        accountId = account.id;
      }
      const profile = await this.creatives.createForAccount(manager, touch, accountId, commandOf(data), { given: command.matchingConsent, explanationVersion, at: now });
      await manager.update(CreativeInvitationEntity, { id: invitation.id }, {
        status: CreativeInvitationStatus.Accepted, decidedAt: now, email: null, data: null, note: null, accountId, creativeProfileId: profile.id,
      });
      return { accountId, creativeProfileId: profile.id, email, accountCreated };
    });
  }

  /** Declines: the row's personal data is erased at once; the link stops working. Declining again answers the same. */
  async decline(tokenText: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.byToken(manager, tokenText, false, true);
      if (invitation.status === CreativeInvitationStatus.Declined) return;
      if (invitation.status !== CreativeInvitationStatus.Pending) {
        throw MarketplaceException.invalidState(`this invitation was already ${invitation.status}`);
      }
      await manager.update(CreativeInvitationEntity, { id: invitation.id }, { status: CreativeInvitationStatus.Declined, decidedAt: new Date(), email: null, data: null, note: null });
    });
  }

  /** Erases the personal data of every pending invitation past its expiry (on read, on import, and by the worker's deadline sweep). */
  expireDue(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return expireDueCreativeInvitations(manager);
  }

  /** The invitation a link names, checked against its HMAC; `pending`: refuse any other state. */
  private async byToken(manager: EntityManager, tokenText: string, pending: boolean, lock = false): Promise<CreativeInvitationEntity> {
    const parsed = splitLinkToken(tokenText);
    const invitation = parsed
      ? await manager.findOne(CreativeInvitationEntity, { where: { id: parsed.rowId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!invitation || !linkTokenMatches(this.secret, CREATIVE_INVITATION_LINK, invitation.id, invitation.createdAt, tokenText)) {
      throw MarketplaceException.invalid('token', 'this invitation link is not valid');
    }
    if (pending && invitation.status !== CreativeInvitationStatus.Pending) {
      throw new MarketplaceException(MarketplaceErrorCode.InvalidState, `this invitation was already ${invitation.status}`, 'token');
    }
    if (pending && invitation.expiresAt.getTime() <= Date.now()) {
      throw new MarketplaceException(MarketplaceErrorCode.InvalidState, 'this invitation has expired', 'token');
    }
    return invitation;
  }

  private checkRow(row: ImportRow): GoodRow | ImportRowResult {
    const result: ImportRowResult = { row: row.row, email: null, status: ImportRowStatus.Invalid, field: null, reason: null, invitationId: null };
    const invalid = (field: string, reason: string): ImportRowResult => Object.assign(result, { field, reason });
    if (row.problem) return invalid(row.problem.field, row.problem.message);
    const v = row.values;
    if (!v.email) return invalid('email', 'an email address is required');
    let email: string;
    try {
      email = normaliseEmail(v.email);
    } catch {
      return invalid('email', `'${v.email}' is not an email address`);
    }
    result.email = email;
    if (!v.displayName) return invalid('displayName', 'a name is required');
    if (v.displayName.length > NAME_MAX) return invalid('displayName', `the name may have at most ${NAME_MAX} characters`);
    const kind = v.kind ? KINDS.get(v.kind.toLowerCase()) : CreativeKind.Individual;
    if (!kind) return invalid('kind', `unknown kind '${v.kind}' (one of ${Object.values(CreativeKind).join(', ')})`);
    if (!v.municipality) return invalid('municipality', 'a municipality is required');
    const links = row.lists.portfolioLinks ?? [];
    const badLink = links.find((l) => !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(l));
    if (badLink) return invalid('portfolioLinks', `'${badLink}' is not a web address (http:// or https://)`);
    const data: CreativeInvitationData = {
      displayName: v.displayName, kind, municipality: v.municipality, languages: row.lists.languages ?? [],
      bioSl: v.bioSl ?? null, bioEn: v.bioEn ?? null,
      crafts: row.lists.crafts ?? [], skills: row.lists.skills ?? [], techniques: row.lists.techniques ?? [], materials: row.lists.materials ?? [],
      portfolioLinks: links,
    };
    // The profile's own rules, as creating it on acceptance will apply them.
    const refused = this.creatives.check(commandOf(data));
    if (refused) return invalid(refused.field ?? 'row', refused.message);
    result.status = ImportRowStatus.Created;
    return { result, email, data };
  }
}

/** Pending invitations past their expiry become 'expired' with their personal data erased; answers how many. */
export async function expireDueCreativeInvitations(manager: EntityManager): Promise<number> {
  const rows = (await manager.query(
    `WITH due AS (
       UPDATE creative_invitation SET status = 'expired', decided_at = now(), email = NULL, data = NULL, note = NULL
        WHERE status = 'pending' AND expires_at <= now() RETURNING id)
     SELECT count(*)::int AS n FROM due`,
  )) as { n: number }[];
  return rows[0].n;
}

function duplicate(result: ImportRowResult, reason: string): void {
  Object.assign(result, { status: ImportRowStatus.Duplicate, field: 'email', reason, invitationId: null });
}

/** The row as CreativesService takes it: values passed through as typed. */
function commandOf(data: CreativeInvitationData): CreativeProfileCommand {
  return {
    kind: data.kind as CreativeKind,
    displayName: data.displayName,
    bio: { sl: data.bioSl, en: data.bioEn },
    crafts: data.crafts,
    skills: data.skills,
    techniques: data.techniques,
    materials: data.materials,
    municipality: data.municipality,
    languages: data.languages,
    portfolioLinks: data.portfolioLinks,
  };
}
