import { Injectable } from '@nestjs/common';
import type { CreativeProfileEntity, OrganisationEntity, SupportMeasureEntity } from '@app/database';
import type { Actor } from '@app/identity';
import { CreativeProfileRepository } from '../creatives/creative-profile.repository.js';
import { MatchAudience, MatchFactor, scoreMatch, type Supply } from '../matching/match-scoring.js';
import { labelOf, supportMeasureDemand } from '../matching/match-subjects.js';
import { MatchingService } from '../matching/matching.service.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import type { CreativeKind, Label, OrganisationKind } from '../reference/index.js';
import { SupportMeasureRepository } from './support-measure.repository.js';
import { CREATIVE_KIND_WORDS, ORGANISATION_KIND_WORDS } from './support-measure.rules.js';

/** One measure for the reader: why they may apply (first), then how well its subject fits their work. */
export interface SupportMeasureMatch {
  measure: SupportMeasureEntity;
  /** The fit of its subject with the reader's creative work in [0, 1] (0: eligibility only). */
  score: number;
  /** Eligibility reasons first, then the fit, phrased to the reader, in both languages. */
  reasons: Label[];
}

/**
 * Support measures for the signed-in reader. Eligibility is a hard rule: a measure shows only if
 * the reader's creative profile kind, or the kind of an organisation they are a member of, may
 * apply. Among those, the concepts its text names (the matching dictionary) are scored against the
 * creative's profile and portfolio like a challenge's brief; ties go to the nearest deadline.
 */
@Injectable()
export class SupportMatchingService {
  constructor(
    private readonly measures: SupportMeasureRepository,
    private readonly creatives: CreativeProfileRepository,
    private readonly organisations: OrganisationRepository,
    private readonly matching: MatchingService,
  ) {}

  async forMe(actor: Actor, first = 20, now = new Date()): Promise<SupportMeasureMatch[]> {
    if (actor.kind !== 'account') return [];
    const creative = actor.creativeProfileId ? await this.creatives.findById(actor.creativeProfileId) : null;
    const usable = creative && creative.erasedAt === null ? creative : null;
    const organisations = await this.organisations.findByIds([...actor.memberships.keys()]);
    const open = await this.measures.openFor(usable?.kind ?? null, [...new Set(organisations.map((o) => o.kind))], now);
    if (open.length === 0) return [];
    const supply = usable ? (await this.matching.supplies([usable]))[0].supply : null;
    const matches = open.flatMap((measure) => {
      const match = explain(measure, usable, supply, organisations);
      return match ? [match] : [];
    });
    const deadline = (m: SupportMeasureEntity) => m.deadline?.getTime() ?? Number.MAX_SAFE_INTEGER;
    return matches.sort((a, b) => b.score - a.score || deadline(a.measure) - deadline(b.measure) || a.measure.id.localeCompare(b.measure.id)).slice(0, first);
  }

  /**
   * Who to tell when a measure is published: consenting creatives of an eligible kind (with the
   * reasons written to them) and the owners and editors of eligible organisations.
   */
  async audience(measure: SupportMeasureEntity): Promise<{ accountId: string; reason: Label }[]> {
    const out = new Map<string, Label>();
    const profiles = await this.creatives.findByIds(await this.measures.eligibleCreatives(measure.eligibleCreativeKinds));
    for (const { profile, supply } of await this.matching.supplies(profiles)) {
      const match = explain(measure, profile, supply, []);
      if (match && profile.accountId) out.set(profile.accountId, joinReasons(match.reasons));
    }
    const editors = await this.measures.eligibleOrganisationEditors(measure.eligibleOrganisationKinds);
    const orgs = new Map((await this.organisations.findByIds([...new Set(editors.map((e) => e.organisationId))])).map((o) => [o.id, o]));
    for (const e of editors) {
      if (out.has(e.accountId)) continue;
      const org = orgs.get(e.organisationId);
      if (org) out.set(e.accountId, organisationReason(org));
    }
    return [...out].map(([accountId, reason]) => ({ accountId, reason }));
  }
}

function joinReasons(reasons: readonly Label[]): Label {
  return { sl: reasons.map((r) => r.sl).join(' '), en: reasons.map((r) => r.en).join(' ') };
}

function organisationReason(org: OrganisationEntity): Label {
  const kind = ORGANISATION_KIND_WORDS[org.kind as OrganisationKind];
  return { sl: `Prijavi se lahko ${org.name} (${kind.sl}).`, en: `${org.name} may apply (${kind.en}).` };
}

/** null when the reader may not apply; otherwise the reasons, eligibility first. */
function explain(measure: SupportMeasureEntity, creative: CreativeProfileEntity | null, supply: Supply | null, organisations: readonly OrganisationEntity[]): SupportMeasureMatch | null {
  const reasons: Label[] = [];
  const creativeEligible = creative !== null && measure.eligibleCreativeKinds.includes(creative.kind);
  if (creativeEligible) {
    const kind = CREATIVE_KIND_WORDS[creative.kind as CreativeKind];
    reasons.push({ sl: `Prijavite se lahko kot ${kind.sl} (tako piše v vašem ustvarjalnem profilu).`, en: `You may apply as ${kind.en} (as your creative profile says).` });
  }
  for (const org of organisations) if (measure.eligibleOrganisationKinds.includes(org.kind)) reasons.push(organisationReason(org));
  if (reasons.length === 0) return null;
  let score = 0;
  if (creativeEligible && supply) {
    const demand = supportMeasureDemand(measure);
    if (demand.concepts.length > 0) {
      const explanation = scoreMatch(demand, supply, null, ONLY_CONCEPTS, labelOf, MatchAudience.Creative);
      const concepts = explanation.factors.find((f) => f.factor === MatchFactor.Crafts);
      if (concepts && concepts.score > 0) {
        score = concepts.score;
        reasons.push(concepts.reason);
      }
    }
  }
  return { measure, score, reasons };
}

/** A measure's fit is the concept factor alone: place, languages and availability say nothing about funding. */
const ONLY_CONCEPTS = Object.fromEntries(Object.values(MatchFactor).map((f) => [f, f === MatchFactor.Crafts ? 1 : 0])) as Record<MatchFactor, number>;
