import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SearchableType } from '@app/jobs';
import { OPERATOR } from '@app/identity';
import type { DataSource } from 'typeorm';
import { ChallengesService } from '../challenges/challenges.service.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { CreativesService } from '../creatives/creatives.service.js';
import { DEMO_CHALLENGES, DEMO_CREATIVE_PROFILES, DEMO_ORGANISATIONS, DEMO_SUPPORT_MEASURES } from '../demo/index.js';
import { SupportMeasuresService } from '../support/support-measures.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { ChallengeStatus } from '../reference/index.js';
import { RewardKind } from '../challenges/challenge-terms.js';
import { DemoActivitySeeder } from './demo-activity.seeder.js';

const MARKER = 'demo-data-seeded';
const ACTIVITY_MARKER = 'demo-activity-seeded';
/** Demo deadlines are stored as the end of the given day, Slovenian time. */
const DEADLINE_TIME = 'T23:59:00+01:00';

/** Demo deadlines are fictional: one already past is moved on by whole years, so seeding never fails. */
export function demoDeadline(isoDate: string, now: Date): Date {
  const deadline = new Date(isoDate + DEADLINE_TIME);
  while (deadline.getTime() <= now.getTime() + 24 * 3600 * 1000) deadline.setFullYear(deadline.getFullYear() + 1);
  return deadline;
}

/** demoDeadline's 23:59 at +01:00 is 00:59 the next day in summer time: back to 23:59 in Slovenia. */
function endOfDayInSlovenia(deadline: Date): Date {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Ljubljana', hour: '2-digit', hourCycle: 'h23' }).format(deadline));
  return hour === 0 ? new Date(deadline.getTime() - 3600_000) : deadline;
}

export interface SeedReport {
  seeded: boolean;
  organisations: number;
  challenges: number;
  creatives: number;
  /** Demo logins and proposals (development only). */
  accounts: number;
  proposals: number;
}

export interface SeedOptions {
  /** Also the demo logins, proposals, jury and award history. Never in production (known password). */
  activity?: boolean;
}

/**
 * Loads the demo data drawn from the Gorenjska documents, once per database. Goes through the
 * services (so validation and outbox apply); a seed interrupted half-way is cleaned up and redone.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly organisations: OrganisationsService,
    private readonly challenges: ChallengesService,
    private readonly creatives: CreativesService,
    private readonly activity: DemoActivitySeeder,
    private readonly supportMeasures: SupportMeasuresService,
  ) {}

  /**
   * Seeds what is missing. Demo data is disposable: a seed that was interrupted, or a catalogue
   * seeded before the activity existed, is removed and seeded again as a whole.
   */
  async seedOnce(options: SeedOptions = {}): Promise<SeedReport> {
    const none: SeedReport = { seeded: false, organisations: 0, challenges: 0, creatives: 0, accounts: 0, proposals: 0 };
    const markers = new Set(((await this.dataSource.query(`SELECT key FROM app_meta WHERE key = ANY($1::text[])`, [[MARKER, ACTIVITY_MARKER]])) as { key: string }[]).map((r) => r.key));
    if (markers.has(MARKER) && (markers.has(ACTIVITY_MARKER) || !options.activity)) return none;
    await this.removePartialSeed();

    const orgIds = new Map<string, string>();
    for (const org of DEMO_ORGANISATIONS) {
      const saved = await this.organisations.create(
        OPERATOR,
        { kind: org.kind, name: org.name, municipality: org.municipality, description: org.description, website: org.website },
        true,
      );
      orgIds.set(org.key, saved.id);
    }
    const challengeIds = new Map<string, string>();
    for (const c of DEMO_CHALLENGES) {
      const saved = await this.challenges.create(
        OPERATOR,
        {
          ownerOrganisationId: orgIds.get(c.ownerKey) as string,
          kind: c.kind,
          title: c.title,
          brief: c.brief,
          domains: c.domains,
          techniques: c.techniques,
          materials: c.materials,
          reward: c.reward,
          deadline: c.deadline ? demoDeadline(c.deadline, new Date()) : null,
          partners: c.partners?.map((p) => ({ organisationId: orgIds.get(p.key) as string, role: p.role })),
          rewards: c.rewards?.map((r) => ({ kind: r.kind as RewardKind, description: r.description })),
          awardsCount: c.awardsCount,
          criteria: c.criteria,
        },
        true,
      );
      challengeIds.set(c.key, saved.id);
      if (c.status === ChallengeStatus.Published) await this.challenges.publish(OPERATOR, saved.id);
    }
    for (const p of DEMO_CREATIVE_PROFILES) {
      await this.creatives.create(
        OPERATOR,
        {
          kind: p.kind, displayName: p.displayName, bio: p.bio, domains: p.domains, crafts: p.crafts, techniques: p.techniques,
          materials: p.materials, skills: p.skills, municipality: p.municipality, languages: p.languages, portfolioLinks: p.portfolioLinks,
        },
        true,
      );
    }
    // The support measures the seed documents name, published (demo data, deadlines fictional).
    for (const m of DEMO_SUPPORT_MEASURES) {
      const saved = await this.supportMeasures.create(OPERATOR, {
        providerOrganisationId: orgIds.get(m.providerKey) as string, title: m.title, summary: m.summary, text: m.text,
        eligibility: { creativeKinds: m.creativeKinds, organisationKinds: m.organisationKinds },
        amountMinEur: m.amountMinEur, amountMaxEur: m.amountMaxEur, deadline: m.deadline ? endOfDayInSlovenia(demoDeadline(m.deadline, new Date())) : null, callUrl: m.callUrl,
      }, true);
      await this.supportMeasures.publish(OPERATOR, saved.id);
    }
    // The fictional creatives agreed to be matched, so every demo challenge shows its matches.
    await this.dataSource.query(`UPDATE creative_profile SET matching_consent_at = now() WHERE is_demo`);
    const activity = options.activity ? await this.activity.seed(orgIds, challengeIds) : { accounts: 0, proposals: 0 };
    await this.dataSource.query(`INSERT INTO app_meta (key, value) SELECT unnest($1::text[]), to_jsonb(now()) ON CONFLICT (key) DO NOTHING`, [options.activity ? [MARKER, ACTIVITY_MARKER] : [MARKER]]);
    const report = { seeded: true, organisations: DEMO_ORGANISATIONS.length, challenges: DEMO_CHALLENGES.length, creatives: DEMO_CREATIVE_PROFILES.length, ...activity };
    this.logger.log(`demo data seeded: ${report.organisations} organisations, ${report.challenges} challenges, ${report.creatives} creative profiles, ${report.accounts} demo logins, ${report.proposals} proposals`);
    return report;
  }

  private async removePartialSeed(): Promise<void> {
    await this.unitOfWork.run(async (manager, touch) => {
      await manager.query(`DELETE FROM app_meta WHERE key = ANY($1::text[])`, [[MARKER, ACTIVITY_MARKER]]);
      const accounts = (await manager.query(`DELETE FROM account WHERE is_demo RETURNING id`)) as [unknown[], number];
      const challenges = (await manager.query(`DELETE FROM challenge WHERE is_demo RETURNING id`)) as [{ id: string }[], number];
      const creatives = (await manager.query(`DELETE FROM creative_profile WHERE is_demo RETURNING id`)) as [{ id: string }[], number];
      const measures = (await manager.query(`DELETE FROM support_measure WHERE is_demo RETURNING id`)) as [{ id: string }[], number];
      await manager.query(`DELETE FROM organisation WHERE is_demo AND id NOT IN (SELECT owner_organisation_id FROM challenge) AND id NOT IN (SELECT provider_organisation_id FROM support_measure)`);
      for (const row of measures[0]) touch(SearchableType.SupportMeasure, row.id);
      for (const row of challenges[0]) touch(SearchableType.Challenge, row.id);
      for (const row of creatives[0]) touch(SearchableType.Creative, row.id);
      if (challenges[0].length + creatives[0].length + accounts[1] > 0) this.logger.warn('removed earlier or interrupted demo data; seeding again');
    });
  }
}
