import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountEntity } from '@app/database';
import { type Actor, hashPassword, OPERATOR, SessionsService } from '@app/identity';
import type { DataSource } from 'typeorm';
import { ChallengeQuestionsService } from '../challenges/challenge-questions.service.js';
import { ChallengesService } from '../challenges/challenges.service.js';
import { ALPINA_PROPOSALS, ALPINA_QUESTION, APRON_PROPOSALS, CCI4TOURISM, DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoProposal, LAST_YEAR_PUBLIC_SERVICE } from '../demo/activity.js';
import { AwardsService } from '../jury/awards.service.js';
import { JuryService } from '../jury/jury.service.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { OutcomeKind } from '../proposals/proposal.rules.js';
import { ChallengeKind } from '../reference/index.js';

export interface ActivityReport {
  accounts: number;
  proposals: number;
}

/**
 * Development-only demo activity on top of the demo catalogue: one login per role and the
 * proposals, questions, jury review and award history that make every screen worth opening.
 * Runs through the services as the demo people themselves, so the same rules apply; only the
 * passing of time (deadlines, last year's publication) is set directly in SQL.
 */
@Injectable()
export class DemoActivitySeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly challenges: ChallengesService,
    private readonly questions: ChallengeQuestionsService,
    private readonly proposals: ProposalsService,
    private readonly jury: JuryService,
    private readonly awards: AwardsService,
  ) {}

  /** `orgIds` and `challengeIds`: demo keys → row ids from the catalogue seed. */
  async seed(orgIds: ReadonlyMap<string, string>, challengeIds: ReadonlyMap<string, string>): Promise<ActivityReport> {
    const actors = await this.createAccounts(orgIds);
    const as = (key: string): Actor => actors.get(key) as Actor;
    let proposals = 0;
    const propose = async (challengeId: string, list: readonly DemoProposal[]) => {
      const ids = new Map<string, string>();
      for (const p of list) {
        const coAuthorIds = (p.coAuthors ?? []).map((k) => as(k).creativeProfileId as string);
        const saved = await this.proposals.create(as(p.author), { challengeId, title: p.title, body: p.body, requestedEur: p.requestedEur ?? null, coAuthorIds }, new Date(), true);
        if (p.submit) await this.proposals.submit(as(p.author), saved.id);
        ids.set(p.author, saved.id);
        proposals += 1;
      }
      return ids;
    };

    // Alpina: open, with a submitted team proposal, a draft, and a question answered in public.
    const alpinaChallenge = challengeIds.get('alpina-modrotisk-na-usnju') as string;
    await propose(alpinaChallenge, ALPINA_PROPOSALS);
    const question = await this.questions.ask(as(ALPINA_QUESTION.asker), alpinaChallenge, ALPINA_QUESTION.language, ALPINA_QUESTION.question);
    await this.questions.answer(as('alpina'), question.id, ALPINA_QUESTION.answer);

    // The blueprint apron contest: closed, in review, one juror half-way through the blind review.
    const apron = challengeIds.get('predpasnik-modrotisk') as string;
    const apronProposals = await propose(apron, APRON_PROPOSALS);
    await this.closeSubmissions(apron);
    await this.challenges.startReview(as('organiser'), apron);
    const jurorId = as('juror').accountId as string;
    await this.dataSource.query(`INSERT INTO jury_member (challenge_id, account_id) VALUES ($1, $2)`, [apron, jurorId]);
    const juror = await this.actor(jurorId);
    const [criterion] = await this.challenges.criteriaOf([apron]);
    await this.jury.declareConflict(juror, apronProposals.get('meta') as string, false, null);
    await this.jury.score(juror, apronProposals.get('meta') as string, [{ criterionId: criterion.id, score: 8, comment: 'Zvezdni vzorec je prepričljiv, izvedba realna.' }]);
    await this.jury.declareConflict(juror, apronProposals.get('neza') as string, true, 'Avtorico sem mentoriral/a.');

    // CCI4TOURISM: the pool call, decided, with what followed one award.
    const cci = await this.challenges.create(as('ras'), {
      ownerOrganisationId: orgIds.get(CCI4TOURISM.ownerKey) as string, kind: CCI4TOURISM.kind, title: CCI4TOURISM.title, brief: CCI4TOURISM.brief,
      domains: CCI4TOURISM.domains, totalBudgetEur: CCI4TOURISM.totalBudgetEur, awardsCount: CCI4TOURISM.awardsCount, criteria: CCI4TOURISM.criteria,
      deadline: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    }, true);
    await this.challenges.publish(as('ras'), cci.id);
    const cciProposals = await propose(cci.id, CCI4TOURISM.proposals);
    await this.closeSubmissions(cci.id);
    await this.challenges.startReview(as('ras'), cci.id);
    for (const award of CCI4TOURISM.awards) await this.awards.award(as('ras'), cciProposals.get(award.author) as string, award.amountEur, award.reason);
    await this.awards.publishDecision(as('ras'), cci.id, CCI4TOURISM.decision);
    const outcome = CCI4TOURISM.outcome;
    await this.awards.recordOutcome(as('ras'), cciProposals.get(outcome.author) as string, {
      kind: OutcomeKind.Contract, description: outcome.description, valueEur: outcome.valueEur, occurredOn: new Date().toISOString().slice(0, 10),
    });

    // Compliance history: Žiri published its public-service challenge last year (closed without award).
    const ziri = await this.challenges.create(OPERATOR, {
      ownerOrganisationId: orgIds.get(LAST_YEAR_PUBLIC_SERVICE.ownerKey) as string, kind: ChallengeKind.PublicService,
      title: LAST_YEAR_PUBLIC_SERVICE.title, brief: LAST_YEAR_PUBLIC_SERVICE.brief, domains: LAST_YEAR_PUBLIC_SERVICE.domains,
      deadline: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    }, true);
    await this.challenges.publish(OPERATOR, ziri.id);
    await this.dataSource.query(
      `UPDATE challenge SET published_at = make_timestamptz(extract(year FROM now())::int - 1, 3, 1, 9, 0, 0, 'Europe/Ljubljana'),
              deadline = make_timestamptz(extract(year FROM now())::int - 1, 5, 31, 23, 59, 0, 'Europe/Ljubljana') WHERE id = $1`,
      [ziri.id],
    );
    await this.challenges.closeDueSubmissions();
    await this.challenges.startReview(OPERATOR, ziri.id);
    await this.challenges.closeWithoutAward(OPERATOR, ziri.id);

    return { accounts: actors.size, proposals };
  }

  /** Verified demo accounts with their roles, memberships and creative profiles; their actors by key. */
  private async createAccounts(orgIds: ReadonlyMap<string, string>): Promise<Map<string, Actor>> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const ids = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const [row] = (await this.dataSource.query(
        `INSERT INTO account (email, password_hash, display_name, locale, platform_roles, email_verified_at, is_demo, password_changed_at)
         VALUES ($1, $2, $3, 'sl', $4, now(), true, now()) RETURNING id`,
        [a.email, passwordHash, a.displayName, a.platformRoles ?? []],
      )) as { id: string }[];
      ids.set(a.key, row.id);
      if (a.membership) {
        await this.dataSource.query(`INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, $3)`, [orgIds.get(a.membership.organisationKey), row.id, a.membership.role]);
      }
      if (a.creativeProfile) {
        const updated = (await this.dataSource.query(`UPDATE creative_profile SET account_id = $1 WHERE is_demo AND display_name = $2 RETURNING id`, [row.id, a.creativeProfile])) as [unknown[], number];
        if (updated[1] !== 1) throw new Error(`demo creative profile '${a.creativeProfile}' not found`);
      }
    }
    const actors = new Map<string, Actor>();
    for (const [key, id] of ids) actors.set(key, await this.actor(id));
    return actors;
  }

  private async actor(accountId: string): Promise<Actor> {
    return this.sessions.actorFor(await this.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: accountId }));
  }

  /** Time passes: the deadline is moved just behind now, and the scheduled sweep closes submissions. */
  private async closeSubmissions(challengeId: string): Promise<void> {
    await this.dataSource.query(`UPDATE challenge SET deadline = now() - interval '1 minute' WHERE id = $1`, [challengeId]);
    await this.challenges.closeDueSubmissions();
  }
}
