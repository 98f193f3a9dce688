import type { INestApplication } from '@nestjs/common';
import { JobName, JobQueues, QueueName } from '@app/jobs';
import { eventually } from '@app/testing';
import { gql } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/** DRAFT → PUBLISHED → SUBMISSIONS_CLOSED (deadline job) → IN_REVIEW → CLOSED_WITHOUT_AWARD; CANCELLED with a reason. */
describe('challenge lifecycle (e2e)', () => {
  let testApp: TestApp;
  let app: INestApplication;
  let ownerOrganisationId: string;
  const op = { asOperator: true };

  beforeAll(async () => {
    testApp = await startTestApp({ worker: true });
    ({ app } = testApp);
    const org = await gql<{ createOrganisation: { id: string } }>(app, `mutation { createOrganisation(input: { kind: COMPANY, name: "Čevljarna Rok", municipality: "trzic" }) { id } }`, {}, op);
    ownerOrganisationId = org.data?.createOrganisation.id as string;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  async function published(title: string, deadline: Date): Promise<string> {
    const created = await gql<{ createChallenge: { id: string } }>(app, `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`,
      { i: { ownerOrganisationId, title: { sl: title }, brief: { sl: 'Oblikovanje podplata za planinske čevlje.' }, deadline: deadline.toISOString() } }, op);
    const id = created.data?.createChallenge.id as string;
    await gql(app, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id }, op);
    return id;
  }
  const status = async (id: string) =>
    (await gql<{ challenge: { status: string; submissionsClosedAt: string | null; cancellationReason: { sl: string } | null } }>(app,
      `query($id: ID!) { challenge(id: $id) { status submissionsClosedAt cancellationReason { sl } } }`, { id })).data?.challenge;
  const searchable = async (id: string) =>
    (await gql<{ searchChallenges: { nodes: { id: string }[] } }>(app, `{ searchChallenges(query: "podplat") { nodes { id } } }`)).data?.searchChallenges.nodes.some((n) => n.id === id);
  const mutate = (name: string, id: string) => gql(app, `mutation($id: ID!) { ${name}(id: $id) { status } }`, { id }, op);

  it('schedules the deadline sweep in the worker', async () => {
    const keys = await eventually(async () => {
      const found = (await app.get(JobQueues).get(QueueName.Marketplace).getJobSchedulers()).map((s) => s.key);
      return found.length > 0 ? found : undefined;
    }, 20_000, 'scheduler registered');
    expect(keys).toContain('challenge-deadline-sweep');
  });

  it('closes submissions at the deadline through the sweep job, then runs review to closing without award', async () => {
    const id = await published('Podplat za jesen', new Date(Date.now() + 1500));
    await eventually(async () => ((await searchable(id)) ? true : undefined), 20_000, 'searchable while open');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await app.get(JobQueues).queue({ name: JobName.ChallengeDeadlineSweep, data: { trigger: 'test' } });
    const closed = await eventually(async () => {
      const c = await status(id);
      return c?.status === 'SUBMISSIONS_CLOSED' ? c : undefined;
    }, 20_000, 'submissions closed');
    expect(closed.submissionsClosedAt).not.toBeNull();
    await eventually(async () => ((await searchable(id)) ? undefined : true), 20_000, 'no longer in search');

    expect((await gql(app, `mutation($id: ID!) { updateChallenge(id: $id, input: { brief: { sl: "Nov opis." } }) { id } }`, { id }, op)).errors?.[0].extensions.code).toBe('INVALID_STATE');
    const tooEarly = await mutate('closeChallengeWithoutAward', id);
    expect(tooEarly.errors?.[0]).toMatchObject({ message: expect.stringMatching(/submissions closed; it must be in review/), extensions: { code: 'INVALID_STATE' } });
    expect((await mutate('startChallengeReview', id)).data).toEqual({ startChallengeReview: { status: 'IN_REVIEW' } });
    expect((await mutate('closeChallengeWithoutAward', id)).data).toEqual({ closeChallengeWithoutAward: { status: 'CLOSED_WITHOUT_AWARD' } });
    const lateCancel = await gql(app, `mutation($id: ID!) { cancelChallenge(id: $id, reason: { sl: "Prepozno." }) { status } }`, { id }, op);
    expect(lateCancel.errors?.[0].extensions.code).toBe('INVALID_STATE');
  });

  it('cancels an open challenge only with a reason, shows the reason publicly, and drops it from search', async () => {
    const id = await published('Podplat za zimo', new Date(Date.now() + 30 * 24 * 3600 * 1000));
    await eventually(async () => ((await searchable(id)) ? true : undefined), 20_000, 'searchable');
    const noReason = await gql(app, `mutation($id: ID!) { cancelChallenge(id: $id, reason: { sl: "  " }) { status } }`, { id }, op);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await status(id))?.status).toBe('PUBLISHED');
    await gql(app, `mutation($id: ID!) { cancelChallenge(id: $id, reason: { sl: "Podjetje je spremenilo načrte." }) { status } }`, { id }, op);
    expect(await status(id)).toMatchObject({ status: 'CANCELLED', cancellationReason: { sl: 'Podjetje je spremenilo načrte.' } });
    await eventually(async () => ((await searchable(id)) ? undefined : true), 20_000, 'cancelled leaves search');
  });

  it('never lists drafts to the public, whatever status is asked for', async () => {
    await gql(app, `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`, { i: { ownerOrganisationId, title: { sl: 'Osnutek' } } }, op);
    const publicDrafts = await gql<{ challenges: { totalCount: number } }>(app, `{ challenges(status: DRAFT) { totalCount } }`);
    expect(publicDrafts.data?.challenges.totalCount).toBe(0);
    const operatorDrafts = await gql<{ challenges: { totalCount: number } }>(app, `{ challenges(status: DRAFT) { totalCount } }`, {}, op);
    expect(operatorDrafts.data?.challenges.totalCount).toBe(1);
  });

  describe('terms: partners, rewards, budget, IP, criteria, two stages', () => {
    const CREATE = `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`;
    const TERMS = `query($id: ID!) { challenge(id: $id) { totalBudgetEur awardsCount ipTerms { kind details { sl } creatorKeepsRightsUntilPaid } twoStage { shortlistSize shortlistFeeEur }
      partners { organisation { name } role { sl } } rewards { kind amountEur description { sl } } evaluationCriteria { name { sl } weight } } }`;
    let museum: string;
    let school: string;

    beforeAll(async () => {
      const org = async (kind: string, name: string) =>
        (await gql<{ createOrganisation: { id: string } }>(app, `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { kind, name, municipality: 'trzic' } }, op)).data?.createOrganisation.id as string;
      museum = await org('MUSEUM', 'Tržiški muzej');
      school = await org('SCHOOL', 'Šolski center');
    });

    const valid = () => ({
      ownerOrganisationId, title: { sl: 'Čevelj s pogoji' },
      partners: [{ organisationId: museum, role: { sl: 'razstava zmagovalnih del' } }, { organisationId: school }],
      rewards: [{ kind: 'PRIZE_MONEY', amountEur: 3000, description: { sl: 'za prvo mesto' } }, { kind: 'JOB_OFFER' }],
      totalBudgetEur: 5000, awardsCount: 2,
      criteria: [{ name: { sl: 'izvirnost' }, weight: 60 }, { name: { sl: 'izvedljivost' }, weight: 40 }],
      ipTerms: { kind: 'LICENCE', details: { sl: 'neizključna licenca za 5 let' } },
      twoStage: { shortlistSize: 3, shortlistFeeEur: 500 },
    });

    it('stores and returns every term, lists in order', async () => {
      const id = (await gql<{ createChallenge: { id: string } }>(app, CREATE, { i: valid() }, op)).data?.createChallenge.id as string;
      const terms = (await gql<{ challenge: unknown }>(app, TERMS, { id }, op)).data?.challenge;
      expect(terms).toEqual({
        totalBudgetEur: 5000, awardsCount: 2,
        ipTerms: { kind: 'LICENCE', details: { sl: 'neizključna licenca za 5 let' }, creatorKeepsRightsUntilPaid: true },
        twoStage: { shortlistSize: 3, shortlistFeeEur: 500 },
        partners: [{ organisation: { name: 'Tržiški muzej' }, role: { sl: 'razstava zmagovalnih del' } }, { organisation: { name: 'Šolski center' }, role: { sl: null } }],
        rewards: [{ kind: 'PRIZE_MONEY', amountEur: 3000, description: { sl: 'za prvo mesto' } }, { kind: 'JOB_OFFER', amountEur: null, description: { sl: null } }],
        evaluationCriteria: [{ name: { sl: 'izvirnost' }, weight: 60 }, { name: { sl: 'izvedljivost' }, weight: 40 }],
      });
      const UPDATE = `mutation($id: ID!, $i: UpdateChallengeInput!) { updateChallenge(id: $id, input: $i) { id } }`;
      const tooSmall = await gql(app, UPDATE, { id, i: { totalBudgetEur: 1000 } }, op);
      expect(tooSmall.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.totalBudgetEur' });
      await gql(app, UPDATE, { id, i: { rewards: [], twoStage: null } }, op);
      expect((await gql<{ challenge: { rewards: unknown[]; twoStage: unknown; partners: unknown[] } }>(app, TERMS, { id }, op)).data?.challenge).toMatchObject({ rewards: [], twoStage: null, partners: [{}, {}] });
    });

    it('rejects inconsistent terms naming the field, and stores nothing', async () => {
      const count = async () => (await gql<{ challenges: { totalCount: number } }>(app, `{ challenges(first: 1) { totalCount } }`, {}, op)).data?.challenges.totalCount;
      const before = await count();
      const cases: [Record<string, unknown>, string][] = [
        [{ criteria: [{ name: { sl: 'a' }, weight: 50 }, { name: { sl: 'b' }, weight: 40 }] }, 'input.criteria'],
        [{ rewards: [{ kind: 'PRIZE_MONEY', amountEur: 6000 }] }, 'input.totalBudgetEur'],
        [{ rewards: [{ kind: 'GRANT' }] }, 'input.rewards.0.amountEur'],
        [{ partners: [{ organisationId: ownerOrganisationId }] }, 'input.partners.0.organisationId'],
        [{ partners: [{ organisationId: '6f1d2a4e-0000-4000-8000-000000000000' }] }, 'input.partners.0.organisationId'],
        [{ partners: [{ organisationId: museum }, { organisationId: museum }] }, 'input.partners.1.organisationId'],
        [{ twoStage: { shortlistSize: 1, shortlistFeeEur: 100 } }, 'input.twoStage.shortlistSize'],
      ];
      for (const [override, field] of cases) {
        const res = await gql(app, CREATE, { i: { ...valid(), ...override } }, op);
        expect({ field, error: res.errors?.[0].extensions }).toMatchObject({ field, error: { code: 'BAD_USER_INPUT', field } });
      }
      expect(await count()).toBe(before);
    });
  });
});
