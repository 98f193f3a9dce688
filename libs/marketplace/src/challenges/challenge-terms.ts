import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceException } from '../common/marketplace.errors.js';

export enum RewardKind {
  PrizeMoney = 'PRIZE_MONEY',
  JobOffer = 'JOB_OFFER',
  Production = 'PRODUCTION',
  Grant = 'GRANT',
  Exhibition = 'EXHIBITION',
  Mentoring = 'MENTORING',
}

/** Who owns a winning design once paid; until payment the creator keeps every right. */
export enum IpTermsKind {
  Licence = 'LICENCE',
  Assignment = 'ASSIGNMENT',
}

const MONEY_REWARDS: readonly RewardKind[] = [RewardKind.PrizeMoney, RewardKind.Grant];
const MAX_EUR = 100_000_000;

/** GraphQL lets a caller send null for an optional list: null, like leaving it out, keeps what is stored. */
export interface ChallengeTermsCommand {
  partners?: { organisationId: string; role?: Partial<LocalizedText> | null }[] | null;
  rewards?: { kind: RewardKind; amountEur?: number | null; description?: Partial<LocalizedText> | null }[] | null;
  criteria?: { name: Partial<LocalizedText>; weight: number }[] | null;
  totalBudgetEur?: number | null;
  awardsCount?: number | null;
  ipTerms?: { kind: IpTermsKind; details?: Partial<LocalizedText> | null } | null;
  /** Against unpaid spec work: a short approach first, then a paid shortlist develops full proposals. */
  twoStage?: { shortlistSize: number; shortlistFeeEur: number } | null;
}

export interface PartnerRow { organisationId: string; roleSl: string | null; roleEn: string | null }
export interface RewardRow { kind: RewardKind; amountEur: number | null; descriptionSl: string | null; descriptionEn: string | null }
export interface CriterionRow { nameSl: string | null; nameEn: string | null; weight: number }

/** Columns on the challenge row. */
export interface TermsColumns {
  totalBudgetEur: number | null;
  awardsCount: number | null;
  ipTerms: IpTermsKind | null;
  ipDetailsSl: string | null;
  ipDetailsEn: string | null;
  twoStage: boolean;
  shortlistSize: number | null;
  shortlistFeeEur: number | null;
}

/** Validated terms; a list left undefined (or sent as null) keeps what is stored. */
export interface ValidatedTerms {
  columns: TermsColumns;
  partners?: PartnerRow[];
  rewards?: RewardRow[];
  criteria?: CriterionRow[];
}

function wholeEuros(value: number | null | undefined, field: string, min = 0): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < min || value > MAX_EUR) throw MarketplaceException.invalid(field, `${field} must be whole euros from ${min} to ${MAX_EUR}`);
  return value;
}

function range(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw MarketplaceException.invalid(field, `${field} must be a whole number from ${min} to ${max}`);
  return value;
}

/**
 * Checks the terms: unique partners other than the owner; money rewards with amounts that fit the
 * budget; criteria weights adding up to 100; a paid shortlist for two stages. `current` supplies
 * stored values for what an update leaves out.
 */
export function validateTerms(command: ChallengeTermsCommand, ownerId: string, current: TermsColumns & { rewards?: RewardRow[] }): ValidatedTerms {
  const columns: TermsColumns = {
    totalBudgetEur: command.totalBudgetEur === undefined ? current.totalBudgetEur : wholeEuros(command.totalBudgetEur, 'totalBudgetEur'),
    awardsCount: command.awardsCount === undefined ? current.awardsCount : command.awardsCount === null ? null : range(command.awardsCount, 'awardsCount', 1, 100),
    ipTerms: command.ipTerms === undefined ? current.ipTerms : (command.ipTerms?.kind ?? null),
    ipDetailsSl: command.ipTerms === undefined ? current.ipDetailsSl : clean(command.ipTerms?.details?.sl),
    ipDetailsEn: command.ipTerms === undefined ? current.ipDetailsEn : clean(command.ipTerms?.details?.en),
    twoStage: command.twoStage === undefined ? current.twoStage : command.twoStage !== null,
    shortlistSize: command.twoStage === undefined ? current.shortlistSize : command.twoStage ? range(command.twoStage.shortlistSize, 'twoStage.shortlistSize', 2, 20) : null,
    shortlistFeeEur: command.twoStage === undefined ? current.shortlistFeeEur : command.twoStage ? wholeEuros(command.twoStage.shortlistFeeEur, 'twoStage.shortlistFeeEur', 1) : null,
  };
  if (columns.ipTerms !== null && !Object.values(IpTermsKind).includes(columns.ipTerms)) throw MarketplaceException.invalid('ipTerms.kind', 'unknown IP terms');

  let partners: PartnerRow[] | undefined;
  if (command.partners !== undefined && command.partners !== null) {
    if (command.partners.length > 20) throw MarketplaceException.invalid('partners', 'at most 20 partners');
    const seen = new Set<string>();
    partners = command.partners.map((p, i) => {
      if (p.organisationId === ownerId) throw MarketplaceException.invalid(`partners.${i}.organisationId`, 'the owner cannot also be a partner');
      if (seen.has(p.organisationId)) throw MarketplaceException.invalid(`partners.${i}.organisationId`, 'a partner is listed twice');
      seen.add(p.organisationId);
      return { organisationId: p.organisationId, roleSl: clean(p.role?.sl), roleEn: clean(p.role?.en) };
    });
  }

  let rewards: RewardRow[] | undefined;
  if (command.rewards !== undefined && command.rewards !== null) {
    if (command.rewards.length > 10) throw MarketplaceException.invalid('rewards', 'at most 10 rewards');
    rewards = command.rewards.map((r, i) => {
      if (!Object.values(RewardKind).includes(r.kind)) throw MarketplaceException.invalid(`rewards.${i}.kind`, 'unknown reward kind');
      const amountEur = wholeEuros(r.amountEur, `rewards.${i}.amountEur`);
      if (MONEY_REWARDS.includes(r.kind) && amountEur === null) throw MarketplaceException.invalid(`rewards.${i}.amountEur`, `a ${r.kind.toLowerCase().replace('_', ' ')} reward needs an amount`);
      return { kind: r.kind, amountEur, descriptionSl: clean(r.description?.sl), descriptionEn: clean(r.description?.en) };
    });
  }
  const money = (rewards ?? current.rewards ?? []).filter((r) => MONEY_REWARDS.includes(r.kind)).reduce((sum, r) => sum + (r.amountEur ?? 0), 0);
  if (columns.totalBudgetEur !== null && money > columns.totalBudgetEur) {
    throw MarketplaceException.invalid('totalBudgetEur', `prize money and grants (${money} EUR) exceed the total budget (${columns.totalBudgetEur} EUR)`);
  }

  let criteria: CriterionRow[] | undefined;
  if (command.criteria !== undefined && command.criteria !== null) {
    if (command.criteria.length > 10) throw MarketplaceException.invalid('criteria', 'at most 10 criteria');
    criteria = command.criteria.map((c, i) => {
      const nameSl = clean(c.name.sl);
      const nameEn = clean(c.name.en);
      if (!nameSl && !nameEn) throw MarketplaceException.invalid(`criteria.${i}.name`, 'a criterion needs a name in Slovenian or English');
      return { nameSl, nameEn, weight: range(c.weight, `criteria.${i}.weight`, 1, 100) };
    });
    const total = criteria.reduce((sum, c) => sum + c.weight, 0);
    if (criteria.length > 0 && total !== 100) throw MarketplaceException.invalid('criteria', `criteria weights must add up to 100 (they add up to ${total})`);
  }
  return { columns, partners, rewards, criteria };
}
