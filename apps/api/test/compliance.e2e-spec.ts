import type { INestApplication } from '@nestjs/common';
import { gql } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/** The yearly public-service challenge rule: one per municipality per calendar year (Slovenian time). */
describe('municipal compliance board (e2e)', () => {
  let testApp: TestApp;
  let app: INestApplication;
  const op = { asOperator: true };
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Ljubljana', year: 'numeric' }).format(new Date()));

  beforeAll(async () => {
    testApp = await startTestApp({ worker: false });
    ({ app } = testApp);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  async function organisation(kind: string, name: string, municipality: string): Promise<string> {
    const res = await gql<{ createOrganisation: { id: string } }>(app, `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { kind, name, municipality } }, op);
    return res.data?.createOrganisation.id as string;
  }

  async function challenge(ownerOrganisationId: string, kind: string, publish: boolean): Promise<string> {
    const res = await gql<{ createChallenge: { id: string } }>(app, `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`,
      { i: { ownerOrganisationId, kind, title: { sl: `Izziv ${kind}` }, brief: { sl: 'Opis izziva za javno storitev.' } } }, op);
    const id = res.data?.createChallenge.id as string;
    if (publish) await gql(app, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id }, op);
    return id;
  }

  const BOARD = `query($y: Int!) { municipalChallengeCompliance(year: $y) { year municipalityCount compliantCount rows { municipality { code name } compliant organisations { name } challenges { id kind status } } } }`;
  type Board = { year: number; municipalityCount: number; compliantCount: number; rows: { municipality: { code: string; name: string }; compliant: boolean; organisations: { name: string }[]; challenges: { id: string }[] }[] };

  it('counts published public-service challenges of municipalities, and nothing else', async () => {
    const kranj = await organisation('MUNICIPALITY', 'Mestna občina Kranj', 'kranj');
    const trzic = await organisation('MUNICIPALITY', 'Občina Tržič', 'trzic');
    const bledCompany = await organisation('COMPANY', 'Hotel ob jezeru', 'bled');
    const counted = await challenge(kranj, 'PUBLIC_SERVICE', true);
    await challenge(trzic, 'INDUSTRY', true);
    await challenge(trzic, 'PUBLIC_SERVICE', false);
    await challenge(bledCompany, 'PUBLIC_SERVICE', true);

    const board = (await gql<{ municipalChallengeCompliance: Board }>(app, BOARD, { y: thisYear }, op)).data?.municipalChallengeCompliance as Board;
    expect(board.municipalityCount).toBe(18);
    expect(board.compliantCount).toBe(1);
    const row = (code: string) => board.rows.find((r) => r.municipality.code === code);
    expect(row('kranj')).toMatchObject({ compliant: true, organisations: [{ name: 'Mestna občina Kranj' }], challenges: [{ id: counted }] });
    expect(row('trzic')).toMatchObject({ compliant: false, organisations: [{ name: 'Občina Tržič' }], challenges: [] });
    expect(row('bled')).toMatchObject({ compliant: false, organisations: [] });
    expect(row('skofja-loka')?.municipality.name).toBe('Škofja Loka');

    const lastYear = (await gql<{ municipalChallengeCompliance: Board }>(app, BOARD, { y: thisYear - 1 }, op)).data?.municipalChallengeCompliance;
    expect(lastYear?.compliantCount).toBe(0);
  });

  it('is for organisers only, and checks the year', async () => {
    expect((await gql(app, BOARD, { y: thisYear })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(app, BOARD, { y: 1999 }, op)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});
