import type { INestApplication } from '@nestjs/common';
import { DemoSeeder } from '@app/marketplace';
import { eventually } from '@app/testing';
import request from 'supertest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { gql } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * The booted API (GraphQL over HTTP) with the worker's processors in the same process, on a real
 * PostgreSQL, the BullMQ PostgreSQL backend and the embedded search engine served over HTTP.
 */
describe('GraphQL catalogue (e2e)', () => {
  let testApp: TestApp;
  let app: INestApplication;
  let searchServer: TestApp['searchServer'];

  beforeAll(async () => {
    testApp = await startTestApp({ worker: true });
    ({ app, searchServer } = testApp);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const CREATE_ORG = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name municipality { code name } } }`;
  const ORG_COUNT = `{ organisations(first: 1) { totalCount } }`;

  it('answers liveness and readiness as JSON', async () => {
    const health = await request(app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await eventually(async () => {
      const res = await request(app.getHttpServer()).get('/ready');
      return res.status === 200 ? res : undefined;
    }, 20_000, 'ready');
    expect(ready.body.checks.search.detail).toBe('embedded (Orama)');
    expect(ready.body.checks.queue.detail).toBe('postgres backend');
  });

  it('refuses writes without credentials, and with a wrong token', async () => {
    const input = { kind: 'COMPANY', name: 'Nepooblaščeno', municipality: 'kranj' };
    const anonymous = await gql(app, CREATE_ORG, { input });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await gql(app, CREATE_ORG, { input }, { token: 'x'.repeat(36) });
    expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rejects bad input with BAD_USER_INPUT naming the field, and changes nothing', async () => {
    const before = (await gql<{ organisations: { totalCount: number } }>(app, ORG_COUNT)).data?.organisations.totalCount;
    const badTown = await gql(app, CREATE_ORG, { input: { kind: 'COMPANY', name: 'Podjetje', municipality: 'atlantis' } }, { asOperator: true });
    expect(badTown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.municipality' });
    const badUrl = await gql(app, CREATE_ORG, { input: { kind: 'COMPANY', name: 'Podjetje', municipality: 'kranj', website: 'javascript:alert(1)' } }, { asOperator: true });
    expect(badUrl.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.website' });
    const emptyTitle = await gql(app, `mutation { createChallenge(input: { ownerOrganisationId: "7d1c7c43-2c2a-4b43-9b3e-1d8cbb7f2d10", title: { sl: " " } }) { id } }`, {}, { asOperator: true });
    expect(emptyTitle.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const after = (await gql<{ organisations: { totalCount: number } }>(app, ORG_COUNT)).data?.organisations.totalCount;
    expect(after).toBe(before);
  });

  it('caps the page size', async () => {
    const res = await gql(app, `{ creativeProfiles(first: 51) { totalCount } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('answers NOT_FOUND for unknown and malformed ids, without internals', async () => {
    for (const id of ['5b0e7b8e-7f5a-4c1e-9a55-0f7f3e0b9d21', 'not-an-id', "1' OR '1'='1"]) {
      const res = await gql(app, `query($id: ID!) { challenge(id: $id) { id } }`, { id });
      expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(res.raw).not.toMatch(/stack|QueryFailedError|SELECT|at Object\./i);
    }
  });

  it('runs the challenge lifecycle: a draft is hidden, publishing makes it searchable in both languages', async () => {
    const org = await gql<{ createOrganisation: { id: string } }>(app, CREATE_ORG, { input: { kind: 'COMPANY', name: 'Čevljarna Žiri d.o.o.', municipality: 'ziri' } }, { asOperator: true });
    const ownerId = org.data?.createOrganisation.id as string;
    const created = await gql<{ createChallenge: { id: string; status: string } }>(
      app,
      `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id status } }`,
      { input: { ownerOrganisationId: ownerId, title: { sl: 'Modrotisk na usnjenih čevljih', en: 'Blueprint on leather shoes' }, brief: { sl: 'Sodobna interpretacija modrotiska na usnju.' }, techniques: ['blueprint'], materials: ['leather'], deadline: '2099-01-01T00:00:00.000Z' } },
      { asOperator: true },
    );
    const id = created.data?.createChallenge.id as string;
    expect(created.data?.createChallenge.status).toBe('DRAFT');
    expect((await gql(app, `query($id: ID!) { challenge(id: $id) { id } }`, { id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await gql(app, `query($id: ID!) { challenge(id: $id) { id } }`, { id }, { asOperator: true })).data).toEqual({ challenge: { id } });

    const published = await gql<{ publishChallenge: { status: string; owner: { name: string } } }>(app, `mutation($id: ID!) { publishChallenge(id: $id) { status owner { name } } }`, { id }, { asOperator: true });
    expect(published.data?.publishChallenge).toEqual({ status: 'PUBLISHED', owner: { name: 'Čevljarna Žiri d.o.o.' } });
    const again = await gql(app, `mutation($id: ID!) { publishChallenge(id: $id) { status } }`, { id }, { asOperator: true });
    expect(again.errors?.[0].extensions.code).toBe('INVALID_STATE');

    const SEARCH = `query($q: String, $f: SearchFilterInput) { searchChallenges(query: $q, filter: $f) { totalCount nodes { id } facets { field values { value count } } } }`;
    for (const q of ['blueprint', 'indigo', 'usnje', 'Ziri']) {
      await eventually(async () => {
        const res = await gql<{ searchChallenges: { nodes: { id: string }[] } }>(app, SEARCH, { q });
        return res.data?.searchChallenges.nodes.some((n) => n.id === id) ? true : undefined;
      }, 20_000, `search "${q}"`);
    }
    const filtered = await gql<{ searchChallenges: { nodes: { id: string }[]; facets: { field: string; values: { value: string; count: number }[] }[] } }>(app, SEARCH, { q: 'modrotisk', f: { municipalities: ['kranj'] } });
    expect(filtered.data?.searchChallenges.nodes.map((n) => n.id)).not.toContain(id);
    const inZiri = await gql<{ searchChallenges: { facets: { field: string; values: { value: string; count: number }[] }[] } }>(app, SEARCH, { q: 'modrotisk', f: { municipalities: ['ziri'] } });
    const municipalityFacet = inZiri.data?.searchChallenges.facets.find((f) => f.field === 'municipality');
    expect(municipalityFacet?.values).toEqual([{ value: 'ziri', count: 1 }]);
    const badFilter = await gql(app, SEARCH, { q: 'x', f: { domains: ['knitting'] } });
    expect(badFilter.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.domains' });
  });

  it('filters and counts challenges by kind, reward kind and deadline month (challenges only)', async () => {
    const org = await gql<{ createOrganisation: { id: string } }>(app, CREATE_ORG, { input: { kind: 'MUNICIPALITY', name: 'Občina Facetna vas', municipality: 'bled' } }, { asOperator: true });
    const created = await gql<{ createChallenge: { id: string } }>(
      app,
      `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`,
      {
        input: {
          ownerOrganisationId: org.data?.createOrganisation.id, kind: 'PUBLIC_SERVICE', title: { sl: 'Facetni izziv kvačkanje', en: 'Facet challenge crochet' }, brief: { sl: 'Opis.' },
          totalBudgetEur: 1000, rewards: [{ kind: 'PRIZE_MONEY', amountEur: 1000 }, { kind: 'MENTORING' }],
          // 23:30 UTC on 31 January is already 1 February in Ljubljana.
          deadline: '2098-01-31T23:30:00.000Z',
        },
      },
      { asOperator: true },
    );
    const id = created.data?.createChallenge.id as string;
    expect(id).toBeDefined();
    await gql(app, `mutation($id: ID!) { publishChallenge(id: $id) { status } }`, { id }, { asOperator: true });
    type Found = { searchChallenges: { nodes: { id: string }[]; facets: { field: string; values: { value: string; count: number }[] }[] } };
    const SEARCH = `query($q: String, $f: SearchFilterInput) { searchChallenges(query: $q, filter: $f) { nodes { id } facets { field values { value count } } } }`;
    const found = await eventually(async () => {
      const res = await gql<Found>(app, SEARCH, { q: 'facetni kvackanje', f: { kinds: ['PUBLIC_SERVICE'], rewardKinds: ['MENTORING'], deadlineMonths: ['2098-02'] } });
      return res.data?.searchChallenges.nodes.some((n) => n.id === id) ? res.data : undefined;
    }, 20_000, 'filtered facet search');
    const facet = (field: string) => found.searchChallenges.facets.find((f) => f.field === field)?.values;
    expect(facet('kind')).toEqual([{ value: 'PUBLIC_SERVICE', count: 1 }]);
    expect(facet('rewardKinds')).toEqual(expect.arrayContaining([{ value: 'MENTORING', count: 1 }, { value: 'PRIZE_MONEY', count: 1 }]));
    expect(facet('deadlineMonth')).toEqual([{ value: '2098-02', count: 1 }]);
    for (const f of [{ kinds: ['INDUSTRY'] }, { rewardKinds: ['GRANT'] }, { deadlineMonths: ['2098-01'] }]) {
      const other = await gql<Found>(app, SEARCH, { q: 'facetni kvackanje', f });
      expect(other.data?.searchChallenges.nodes.map((n) => n.id)).not.toContain(id);
    }
    for (const [f, field] of [[{ kinds: ['NOPE'] }, 'filter.kinds'], [{ rewardKinds: ['CAKE'] }, 'filter.rewardKinds'], [{ deadlineMonths: ['2098-13'] }, 'filter.deadlineMonths']] as const) {
      expect((await gql(app, SEARCH, { q: 'x', f })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const creatives = await gql(app, `query($f: SearchFilterInput) { searchCreatives(filter: $f) { totalCount } }`, { f: { kinds: ['PUBLIC_SERVICE'] } });
    expect(creatives.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
  });

  it('seeds the demo data once, and finds it by modrotisk, blueprint and Skofja Loka', async () => {
    const seeder = app.get(DemoSeeder);
    expect((await seeder.seedOnce()).seeded).toBe(true);
    expect((await seeder.seedOnce()).seeded).toBe(false);
    const titles = async (query: string) => {
      const res = await gql<{ searchChallenges: { nodes: { title: { sl: string | null; en: string | null } }[] } }>(app, `query($q: String) { searchChallenges(query: $q, first: 50) { nodes { title { sl en } } } }`, { q: query });
      return (res.data?.searchChallenges.nodes ?? []).map((n) => `${n.title.sl} / ${n.title.en}`);
    };
    for (const q of ['modrotisk', 'blueprint']) {
      const found = await eventually(async () => {
        const t = await titles(q);
        return t.some((title) => /Alpina|usnj|leather/i.test(title)) ? t : undefined;
      }, 30_000, `demo search "${q}"`);
      expect(found.length).toBeGreaterThan(0);
    }
    const creatives = await eventually(async () => {
      const res = await gql<{ searchCreatives: { totalCount: number; nodes: { municipality: { name: string } }[] } }>(app, `{ searchCreatives(query: "Skofja Loka", first: 50) { totalCount nodes { municipality { name } } } }`);
      const nodes = res.data?.searchCreatives.nodes ?? [];
      return nodes.length > 0 ? nodes : undefined;
    }, 30_000, 'creatives in Škofja Loka');
    expect(creatives.some((n) => n.municipality.name === 'Škofja Loka')).toBe(true);
  });

  it('pages through creative profiles and search results with Relay cursors', async () => {
    type Conn = { edges: { cursor: string; node: { id: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean }; totalCount: number };
    const first = await gql<{ creativeProfiles: Conn }>(app, `{ creativeProfiles(first: 5) { totalCount edges { cursor node { id } } pageInfo { endCursor hasNextPage } } }`);
    const page1 = first.data?.creativeProfiles as Conn;
    expect(page1.edges).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges[4].cursor).toBe(page1.pageInfo.endCursor);
    // Resuming after the third edge returns the fourth and fifth first.
    const resumed = await gql<{ creativeProfiles: Conn }>(app, `query($after: String) { creativeProfiles(first: 2, after: $after) { edges { node { id } } } }`, { after: page1.edges[2].cursor });
    expect(resumed.data?.creativeProfiles.edges.map((e) => e.node.id)).toEqual(page1.edges.slice(3, 5).map((e) => e.node.id));

    // Offsets are only stable on an index that is not changing: let pending indexing finish.
    await eventually(async () => ((await request(app.getHttpServer()).get('/ready')).body.checks.database.detail === 'outbox pending 0' ? true : undefined), 20_000, 'outbox drained');
    const SEARCH = `query($after: String) { searchCreatives(query: "oblikovanje", first: 7, after: $after) { totalCount edges { cursor node { id } } pageInfo { endCursor hasNextPage } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const res: { searchCreatives: Conn } | null = (await gql<{ searchCreatives: Conn }>(app, SEARCH, { after })).data;
      const result = res?.searchCreatives as Conn;
      total = result.totalCount;
      seen.push(...result.edges.map((e) => e.node.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(7);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect((await gql(app, `{ searchCreatives(after: "bm90LWEtY3Vyc29y") { totalCount } }`)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('renaming an organisation reindexes its published challenges', async () => {
    const org = await gql<{ createOrganisation: { id: string } }>(app, CREATE_ORG, { input: { kind: 'MUSEUM', name: 'Muzej Prvotni', municipality: 'jesenice' } }, { asOperator: true });
    const ownerOrganisationId = org.data?.createOrganisation.id as string;
    const challenge = await gql<{ createChallenge: { id: string } }>(app, `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`,
      { input: { ownerOrganisationId, title: { sl: 'Razstava o železarstvu' }, brief: { sl: 'Oblikovanje razstave.' } } }, { asOperator: true });
    const id = challenge.data?.createChallenge.id as string;
    await gql(app, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id }, { asOperator: true });
    const renamed = await gql(app, `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { name } }`, { id: ownerOrganisationId, input: { name: 'Gornjesavski muzej Novo' } }, { asOperator: true });
    expect(renamed.data).toEqual({ updateOrganisation: { name: 'Gornjesavski muzej Novo' } });
    const found = async (q: string) =>
      (await gql<{ searchChallenges: { nodes: { id: string }[] } }>(app, `query($q: String) { searchChallenges(query: $q) { nodes { id } } }`, { q })).data?.searchChallenges.nodes.some((n) => n.id === id);
    await eventually(async () => ((await found('Gornjesavski Novo')) && !(await found('Prvotni')) ? true : undefined), 20_000, 'owner name reindexed');
  });

  it('updates only the given fields, validates them, and search follows the update', async () => {
    const created = await gql<{ createCreativeProfile: { id: string } }>(app,
      `mutation { createCreativeProfile(input: { kind: STUDIO_OR_FIRM, displayName: "Studio Preobrazba", municipality: "trzic", languages: ["sl", "de"], bio: { sl: "Oblikujemo embalažo." } }) { id } }`, {}, { asOperator: true });
    const id = created.data?.createCreativeProfile.id as string;
    const UPDATE = `mutation($id: ID!, $input: UpdateCreativeProfileInput!) { updateCreativeProfile(id: $id, input: $input) { displayName languages municipality { code } bio { sl en } } }`;
    const updated = await gql<{ updateCreativeProfile: unknown }>(app, UPDATE, { id, input: { bio: { sl: 'Zdaj izdelujemo lesene igrače.', en: 'Now we make wooden toys.' } } }, { asOperator: true });
    expect(updated.data?.updateCreativeProfile).toEqual({
      displayName: 'Studio Preobrazba', languages: ['sl', 'de'], municipality: { code: 'trzic' },
      bio: { sl: 'Zdaj izdelujemo lesene igrače.', en: 'Now we make wooden toys.' },
    });
    const invalid = await gql(app, UPDATE, { id, input: { displayName: '' } }, { asOperator: true });
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.displayName' });
    // A skill that is no code is kept in the creative's own words; too many entries are refused whole.
    const ownSkill = await gql<{ updateCreativeProfile: { freeSkills: string[] } }>(app, `mutation($id: ID!, $input: UpdateCreativeProfileInput!) { updateCreativeProfile(id: $id, input: $input) { freeSkills } }`, { id, input: { skills: ['juggling'] } }, { asOperator: true });
    expect(ownSkill.data?.updateCreativeProfile.freeSkills).toEqual(['juggling']);
    const tooMany = await gql(app, UPDATE, { id, input: { skills: Array.from({ length: 41 }, (_, i) => `skill ${i}`) } }, { asOperator: true });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.skills' });
    const search = async (q: string) =>
      (await gql<{ searchCreatives: { nodes: { id: string }[] } }>(app, `query($q: String) { searchCreatives(query: $q) { nodes { id } } }`, { q })).data?.searchCreatives.nodes.some((n) => n.id === id);
    await eventually(async () => ((await search('wooden toys')) && !(await search('embalazo')) ? true : undefined), 20_000, 'search follows the update');
  });

  it('erases a creative profile from the database and the search index', async () => {
    const created = await gql<{ createCreativeProfile: { id: string } }>(app,
      `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Izbrisana Oseba", municipality: "bled", bio: { sl: "Unikatni klobuki iz klobučevine." } }) { id } }`, {}, { asOperator: true });
    const id = created.data?.createCreativeProfile.id as string;
    const found = async () =>
      (await gql<{ searchCreatives: { nodes: { id: string }[] } }>(app, `{ searchCreatives(query: "klobuki klobucevine") { nodes { id } } }`)).data?.searchCreatives.nodes.some((n) => n.id === id);
    await eventually(async () => ((await found()) ? true : undefined), 20_000, 'indexed');
    const anonymous = await gql(app, `mutation($id: ID!) { deleteCreativeProfile(id: $id) }`, { id });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(app, `mutation($id: ID!) { deleteCreativeProfile(id: $id) }`, { id }, { asOperator: true })).data).toEqual({ deleteCreativeProfile: true });
    expect((await gql(app, `query($id: ID!) { creativeProfile(id: $id) { id } }`, { id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    await eventually(async () => ((await found()) === false ? true : undefined), 20_000, 'removed from the index');
  });

  it('loads a page of 50 challenges with owners, partners, domains and proposal counts in 5 SQL statements (page, count, owners, partners, counts)', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const res = await gql<{ challenges: { nodes: { owner: { name: string } }[] } }>(app,
        `{ challenges(first: 50) { totalCount nodes { title { sl } domains { code label { sl } } owner { name municipality { name } } partners { organisation { name } role { sl } } submittedProposalCount } } }`);
      const owners = new Set(res.data?.challenges.nodes.map((n) => n.owner.name));
      expect(owners.size).toBeGreaterThanOrEqual(4);
      // The worker's relay polls the outbox in this same process; count the request's tables only.
      const statements = spy.mock.calls.map(([sql]) => String(sql)).filter((sql) => /FROM "?(challenge|organisation|challenge_partner|proposal)"?\s/.test(sql));
      expect(statements).toHaveLength(5);
      expect(res.data?.challenges.nodes.length).toBeGreaterThanOrEqual(5);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses operations over the alias and cost limits before running them', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: referenceData { domains { code } }`).join(' ');
    const tooManyAliases = await gql(app, `{ ${aliases} }`);
    expect(tooManyAliases.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooManyAliases.data).toBeNull();
    const fields = 'id displayName kind bio { sl en } domains { code label { sl en } } crafts { code label { sl en } } skills { code label { sl en } } municipality { code name }';
    const expensive = Array.from({ length: 15 }, (_, i) => `p${i}: creativeProfiles(first: 50) { edges { cursor node { ${fields} } } nodes { ${fields} } }`).join(' ');
    const tooCostly = await gql(app, `{ ${expensive} }`);
    expect(tooCostly.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooCostly.errors?.[0].message).toMatch(/cost/i);
    const fine = await gql(app, `{ a: referenceData { domains { code } } b: challenges(first: 5) { totalCount } }`);
    expect(fine.errors).toBeUndefined();
  });

  it('says search is unavailable, without internals, when the engine is down', async () => {
    await searchServer.close();
    const res = await gql(app, `{ searchCreatives(query: "keramika") { totalCount } }`);
    expect(res.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.raw).not.toMatch(/ECONNREFUSED|stack|127\.0\.0\.1/);
  });
});
