import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { gql, OPERATOR_TOKEN } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Challenge attachments: local disk, size and type limits, clear errors, drafts private. */
describe('challenge attachments (e2e)', () => {
  let testApp: TestApp;
  let app: INestApplication;
  let draftId: string;
  let publishedId: string;
  const op = { asOperator: true };
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1000, 0x20), Buffer.from('\n%%EOF\n')]);

  beforeAll(async () => {
    testApp = await startTestApp({ worker: false, env: { MAX_ATTACHMENT_BYTES: '4096' } });
    ({ app } = testApp);
    const org = await gql<{ createOrganisation: { id: string } }>(app, `mutation { createOrganisation(input: { kind: MUSEUM, name: "Loški muzej", municipality: "skofja-loka" }) { id } }`, {}, op);
    const create = async (title: string) =>
      (await gql<{ createChallenge: { id: string } }>(app, `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }`,
        { i: { ownerOrganisationId: org.data?.createOrganisation.id, title: { sl: title }, brief: { sl: 'Razstava o klobučarstvu.' } } }, op)).data?.createChallenge.id as string;
    draftId = await create('Osnutek z datoteko');
    publishedId = await create('Razstava');
    await gql(app, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: publishedId }, op);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const upload = (challengeId: string, bytes: Buffer, name: string, token: string | null = OPERATOR_TOKEN) => {
    const req = request(app.getHttpServer()).post(`/challenges/${challengeId}/attachments`);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.attach('file', bytes, name);
  };

  it('stores a PDF, lists it on the challenge, and serves the same bytes', async () => {
    const res = await upload(publishedId, pdf, 'Navodila za natečaj – Škofja Loka.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'Navodila za natečaj – Škofja Loka.pdf', contentType: 'application/pdf', sizeBytes: pdf.length });
    const listed = await gql<{ challenge: { attachments: { id: string; url: string; sizeBytes: number }[] } }>(app, `query($id: ID!) { challenge(id: $id) { attachments { id url sizeBytes } } }`, { id: publishedId });
    expect(listed.data?.challenge.attachments).toEqual([{ id: res.body.id, url: `/attachments/${res.body.id}`, sizeBytes: pdf.length }]);
    const download = await request(app.getHttpServer()).get(`/attachments/${res.body.id}`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Navodila");
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
  });

  it('refuses other types by content, files over the limit, and anonymous uploads, with clear JSON errors', async () => {
    const exe = await upload(publishedId, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), 'brief.pdf');
    expect(exe.status).toBe(400);
    expect(exe.body).toEqual({ error: 'BAD_USER_INPUT', field: 'file', message: expect.stringMatching(/only PDF, PNG, JPG, WEBP files are accepted/) });
    const big = await upload(publishedId, Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5000)]), 'big.pdf');
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(big.body)).not.toMatch(/stack|multer|node_modules/i);
    const anonymous = await upload(publishedId, pdf, 'a.pdf', null);
    expect(anonymous.status).toBe(401);
    const missing = await request(app.getHttpServer()).post(`/challenges/${publishedId}/attachments`).set('authorization', `Bearer ${OPERATOR_TOKEN}`).field('x', 'y');
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('file');
    const listed = await gql<{ challenge: { attachments: unknown[] } }>(app, `query($id: ID!) { challenge(id: $id) { attachments { id } } }`, { id: publishedId });
    expect(listed.data?.challenge.attachments).toHaveLength(1);
  });

  it("keeps a draft's files private, and deletes a file from disk", async () => {
    const res = await upload(draftId, pdf, 'osnutek.pdf');
    expect(res.status).toBe(201);
    expect((await request(app.getHttpServer()).get(`/attachments/${res.body.id}`)).status).toBe(404);
    expect((await request(app.getHttpServer()).get(`/attachments/${res.body.id}`).set('authorization', `Bearer ${OPERATOR_TOKEN}`)).status).toBe(200);
    expect((await request(app.getHttpServer()).delete(`/attachments/${res.body.id}`)).status).toBe(401);
    expect((await request(app.getHttpServer()).delete(`/attachments/${res.body.id}`).set('authorization', `Bearer ${OPERATOR_TOKEN}`)).status).toBe(204);
    expect((await request(app.getHttpServer()).get(`/attachments/${res.body.id}`).set('authorization', `Bearer ${OPERATOR_TOKEN}`)).status).toBe(404);
  });
});
