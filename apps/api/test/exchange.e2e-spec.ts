import type { INestApplication } from '@nestjs/common';
import { eventually } from '@app/testing';
import request from 'supertest';
import { verifiedUser } from './accounts-helpers.js';
import { gql } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Needs and offers: the regional exchange of demand and supply, through GraphQL. */
describe('needs and offers (e2e)', () => {
  let testApp: TestApp;
  let app: INestApplication;

  beforeAll(async () => {
    testApp = await startTestApp({ worker: true });
    ({ app } = testApp);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const op = { asOperator: true };
  const drained = () =>
    eventually(async () => ((await request(app.getHttpServer()).get('/ready')).body.checks.database.detail === 'outbox pending 0' ? true : undefined), 20_000, 'outbox drained');
  const searchNeeds = async (q: string, filter: Record<string, string[]> = {}) =>
    (await gql<{ searchNeeds: { nodes: { id: string }[]; facets: { field: string; values: { value: string; count: number }[] }[] } }>(app,
      `query($q: String, $f: SearchFilterInput) { searchNeeds(query: $q, filter: $f) { nodes { id } facets { field values { value count } } } }`, { q, f: filter })).data?.searchNeeds;
  const searchOffers = async (q: string, filter: Record<string, string[]> = {}) =>
    (await gql<{ searchOffers: { nodes: { id: string }[] } }>(app, `query($q: String, $f: SearchFilterInput) { searchOffers(query: $q, filter: $f) { nodes { id } } }`, { q, f: filter })).data?.searchOffers.nodes.map((n) => n.id) ?? [];

  async function organisation(name: string, municipality: string): Promise<string> {
    const res = await gql<{ createOrganisation: { id: string } }>(app, `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { kind: 'COMPANY', name, municipality } }, op);
    return res.data?.createOrganisation.id as string;
  }

  const CREATE_NEED = `mutation($i: CreateNeedInput!) { createNeed(input: $i) { id status } }`;

  it('runs a need from draft to published to closed, searchable only while published', async () => {
    const ownerOrganisationId = await organisation('Tekstil Loka d.o.o.', 'skofja-loka');
    const created = await gql<{ createNeed: { id: string; status: string } }>(app, CREATE_NEED, { i: {
      ownerOrganisationId, title: { sl: 'Vzorci za posteljnino', en: 'Patterns for bed linen' },
      description: { sl: 'Iščemo oblikovalca vzorcev v tehniki modrotiska za novo kolekcijo posteljnine.' },
      domains: ['design-visual-arts'], techniques: ['blueprint'], materials: ['textile'], budgetMinEur: 2000, budgetMaxEur: 5000,
      timelineStart: '2099-01-01', timelineEnd: '2099-06-30',
    } }, op);
    const id = created.data?.createNeed.id as string;
    expect(created.data?.createNeed.status).toBe('DRAFT');
    expect((await gql(app, `query($id: ID!) { need(id: $id) { id } }`, { id })).errors?.[0].extensions.code).toBe('NOT_FOUND');

    const published = await gql<{ publishNeed: { status: string; owner: { name: string }; budgetMaxEur: number } }>(app,
      `mutation($id: ID!) { publishNeed(id: $id) { status budgetMaxEur owner { name } } }`, { id }, op);
    expect(published.data?.publishNeed).toEqual({ status: 'PUBLISHED', budgetMaxEur: 5000, owner: { name: 'Tekstil Loka d.o.o.' } });
    await eventually(async () => ((await searchNeeds('blueprint'))?.nodes.some((n) => n.id === id) ? true : undefined), 20_000, 'need searchable');
    expect((await searchNeeds('posteljnina', { municipalities: ['skofja-loka'] }))?.nodes.map((n) => n.id)).toContain(id);
    expect((await searchNeeds('posteljnina', { municipalities: ['kranj'] }))?.nodes.map((n) => n.id)).not.toContain(id);
    const facets = (await searchNeeds('modrotisk'))?.facets.find((f) => f.field === 'techniques');
    expect(facets?.values).toContainEqual({ value: 'blueprint', count: 1 });

    expect((await gql(app, `mutation($id: ID!) { publishNeed(id: $id) { id } }`, { id }, op)).errors?.[0].extensions.code).toBe('INVALID_STATE');
    await gql(app, `mutation($id: ID!) { closeNeed(id: $id) { id } }`, { id }, op);
    await eventually(async () => ((await searchNeeds('blueprint'))?.nodes.some((n) => n.id === id) ? undefined : true), 20_000, 'closed need leaves search');
    expect((await gql<{ need: { status: string } }>(app, `query($id: ID!) { need(id: $id) { status } }`, { id })).data?.need.status).toBe('CLOSED');
  });

  it('rejects bad budgets, dates and incomplete needs naming the field, and stores nothing', async () => {
    const ownerOrganisationId = await organisation('Preverjanje d.o.o.', 'kranj');
    const count = async () => (await gql<{ needs: { totalCount: number } }>(app, `{ needs(first: 1) { totalCount } }`, {}, op)).data?.needs.totalCount;
    const before = await count();
    const base = { ownerOrganisationId, title: { sl: 'Potreba' } };
    const cases: [Record<string, unknown>, string][] = [
      [{ budgetMinEur: 5000, budgetMaxEur: 100 }, 'input.budgetMaxEur'],
      [{ budgetMinEur: -1 }, 'input.budgetMinEur'],
      [{ timelineStart: '2027-02-30' }, 'input.timelineStart'],
      [{ timelineStart: '2027-06-01', timelineEnd: '2027-05-01' }, 'input.timelineEnd'],
      [{ timelineEnd: 'next spring' }, 'input.timelineEnd'],
      [{ domains: ['knitting'] }, 'input.domains'],
    ];
    for (const [extra, field] of cases) {
      const res = await gql(app, CREATE_NEED, { i: { ...base, ...extra } }, op);
      expect({ field, error: res.errors?.[0].extensions }).toMatchObject({ field, error: { code: 'BAD_USER_INPUT', field } });
    }
    expect(await count()).toBe(before);
    const draft = await gql<{ createNeed: { id: string } }>(app, CREATE_NEED, { i: base }, op);
    const publish = await gql(app, `mutation($id: ID!) { publishNeed(id: $id) { id } }`, { id: draft.data?.createNeed.id }, op);
    expect(publish.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
  });

  it("makes offers searchable with the creative's town and languages, follows the creative's changes, and erases them with the creative", async () => {
    const creative = await gql<{ createCreativeProfile: { id: string } }>(app,
      `mutation { createCreativeProfile(input: { kind: SOLE_PROPRIETOR, displayName: "Usnjarna Vrh", municipality: "trzic", languages: ["sl", "de"] }) { id } }`, {}, op);
    const creativeProfileId = creative.data?.createCreativeProfile.id as string;
    const offer = await gql<{ createOffer: { id: string } }>(app, `mutation($i: CreateOfferInput!) { createOffer(input: $i) { id } }`, { i: {
      creativeProfileId, kind: 'PRODUCT', title: { sl: 'Ročno šivane usnjene torbice' }, description: { en: 'Hand-stitched leather bags, made to order.' },
      crafts: ['leatherwork'], materials: ['leather'], priceFromEur: 180,
    } }, op);
    const id = offer.data?.createOffer.id as string;
    const published = await gql<{ publishOffer: { creative: { displayName: string } } }>(app, `mutation($id: ID!) { publishOffer(id: $id) { creative { displayName } } }`, { id }, op);
    expect(published.data?.publishOffer.creative.displayName).toBe('Usnjarna Vrh');
    await eventually(async () => ((await searchOffers('usnje', { languages: ['de'], municipalities: ['trzic'] })).includes(id) ? true : undefined), 20_000, 'offer searchable');
    expect(await searchOffers('usnje', { languages: ['it'] })).not.toContain(id);

    await gql(app, `mutation($id: ID!) { updateCreativeProfile(id: $id, input: { municipality: "kranj" }) { id } }`, { id: creativeProfileId }, op);
    await eventually(async () => ((await searchOffers('usnje', { municipalities: ['kranj'] })).includes(id) ? true : undefined), 20_000, "offer follows the creative's town");

    await gql(app, `mutation($id: ID!) { deleteCreativeProfile(id: $id) }`, { id: creativeProfileId }, op);
    expect((await gql(app, `query($id: ID!) { offer(id: $id) { id } }`, { id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    await eventually(async () => ((await searchOffers('usnje')).includes(id) ? undefined : true), 20_000, 'offer erased from search');
    await drained();
  });
  it('lists your own offers in every status under myOffers, and nobody else\'s', async () => {
    const [ana, bor, cene] = await Promise.all(['ana', 'bor', 'cene'].map((n) => verifiedUser(app, testApp.dataDir, `${n}-my-offers@example.si`)));
    const profile = async (token: string, displayName: string) =>
      (await gql<{ createCreativeProfile: { id: string } }>(app, `mutation($i: CreateCreativeProfileInput!) { createCreativeProfile(input: $i) { id } }`,
        { i: { kind: 'INDIVIDUAL', displayName, municipality: 'ziri' } }, { token })).data?.createCreativeProfile.id as string;
    const offer = async (token: string, creativeProfileId: string, sl: string) =>
      (await gql<{ createOffer: { id: string } }>(app, `mutation($i: CreateOfferInput!) { createOffer(input: $i) { id } }`,
        { i: { creativeProfileId, kind: 'SERVICE', title: { sl }, description: { sl: `${sl}, po naročilu.` } } }, { token })).data?.createOffer.id as string;
    const anaProfile = await profile(ana.token, 'Ana Modra');
    const borProfile = await profile(bor.token, 'Bor Tiskar');
    const anaDraft = await offer(ana.token, anaProfile, 'Tisk na platno');
    const anaPublished = await offer(ana.token, anaProfile, 'Delavnica modrotiska');
    await gql(app, `mutation($id: ID!) { publishOffer(id: $id) { id } }`, { id: anaPublished }, { token: ana.token });
    const borDraft = await offer(bor.token, borProfile, 'Usnjeni pasovi');
    const MINE = `query($first: Int, $after: String) { myOffers(first: $first, after: $after) { totalCount nodes { id status } pageInfo { hasNextPage endCursor } } }`;
    type Mine = { myOffers: { totalCount: number; nodes: { id: string; status: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

    const anas = (await gql<Mine>(app, MINE, {}, { token: ana.token })).data?.myOffers;
    expect(anas?.nodes).toEqual([{ id: anaDraft, status: 'DRAFT' }, { id: anaPublished, status: 'PUBLISHED' }]);
    expect(anas?.totalCount).toBe(2);
    // Paged like every connection.
    const first = (await gql<Mine>(app, MINE, { first: 1 }, { token: ana.token })).data?.myOffers;
    expect(first?.nodes.map((n) => n.id)).toEqual([anaDraft]);
    expect(first?.pageInfo.hasNextPage).toBe(true);
    const second = (await gql<Mine>(app, MINE, { first: 1, after: first?.pageInfo.endCursor }, { token: ana.token })).data?.myOffers;
    expect(second?.nodes.map((n) => n.id)).toEqual([anaPublished]);

    expect((await gql<Mine>(app, MINE, {}, { token: bor.token })).data?.myOffers.nodes).toEqual([{ id: borDraft, status: 'DRAFT' }]);
    // No creative profile: nothing, not an error. Signed out: refused.
    expect((await gql<Mine>(app, MINE, {}, { token: cene.token })).data?.myOffers).toMatchObject({ totalCount: 0, nodes: [] });
    expect((await gql(app, MINE)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    await drained();
  });
});
