import { getDataSourceToken } from '@nestjs/typeorm';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PASSWORD, type TestUser, verifiedUser } from './accounts-helpers.js';
import { caller } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A 1×1 PNG (the bytes a browser would send). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L'), Buffer.alloc(18, 1)]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const MAX_IMAGE = 4096;

const PROFILE = `mutation($i: CreateCreativeProfileInput!) { createCreativeProfile(input: $i) { id } }`;
const ADD = `mutation($i: PortfolioItemInput!) { addPortfolioItem(input: $i) { id position title { sl en } description { sl en } link image { id } } }`;
const UPDATE = `mutation($id: ID!, $i: PortfolioItemInput!) { updatePortfolioItem(id: $id, input: $i) { id title { sl en } link } }`;
const REMOVE = `mutation($id: ID!) { removePortfolioItem(id: $id) }`;
const REORDER = `mutation($ids: [ID!]!) { reorderPortfolioItems(ids: $ids) { id position } }`;
const CONSENT = `mutation($c: Boolean!, $v: String) { setMatchingConsent(consent: $c, explanationVersion: $v) { matchingConsent } }`;
const PUBLIC = `query($id: ID!) { creativeProfile(id: $id) { displayName matchingConsentHistory { given } portfolioItems { id position title { sl en } description { sl } link image { id url contentType sizeBytes } } } }`;

/**
 * Portfolio items with images and the matching-consent history of creative profiles: only the
 * owner changes them, images are PNG/JPEG/WebP by content under their own limit and public with
 * the profile, both are in the data export, and both leave (rows and files) with the erasure.
 */
describe('portfolio items and consent history (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let ana: TestUser, bor: TestUser;
  let anaProfile: string, borProfile: string;
  const { ok, call, code } = caller(() => t.app);
  const http = () => request(t.app.getHttpServer());
  const upload = (user: TestUser, itemId: string, bytes: Buffer, name = 'slika.png') =>
    http().post(`/portfolio-items/${itemId}/image`).set('authorization', `Bearer ${user.token}`).attach('file', bytes, name);
  const fileOf = (id: string) => path.join(t.dataDir, 'attachments', id);
  const count = async (sql: string, params: unknown[]) => Number(((await db.query(sql, params)) as { n: string }[])[0].n);

  beforeAll(async () => {
    t = await startTestApp({ worker: true, env: { MAX_PORTFOLIO_IMAGE_BYTES: String(MAX_IMAGE) } });
    db = t.app.get<DataSource>(getDataSourceToken());
    [ana, bor] = await Promise.all([verifiedUser(t.app, t.dataDir, 'ana.portfolio@example.si', 'Ana Modra'), verifiedUser(t.app, t.dataDir, 'bor.portfolio@example.si', 'Bor')]);
    anaProfile = (await ok(ana, PROFILE, { i: { kind: 'INDIVIDUAL', displayName: 'Ana Modra', municipality: 'kranj' } })).createCreativeProfile.id;
    borProfile = (await ok(bor, PROFILE, { i: { kind: 'STUDENT', displayName: 'Bor', municipality: 'bled' } })).createCreativeProfile.id;
  }, 120_000);

  afterAll(async () => t?.close());

  it('the owner adds, edits, orders and illustrates items; the public sees them; others cannot change them', async () => {
    const first = (await ok(ana, ADD, { i: { title: { sl: 'Prt z lectovim srcem', en: 'Tablecloth' }, description: { sl: '  Ročni tisk.\r\n<b>Lan</b>  ' }, link: 'https://ana.example/prt' } })).addPortfolioItem;
    expect(first).toMatchObject({ position: 0, description: { sl: 'Ročni tisk.\n<b>Lan</b>', en: null }, image: null });
    const second = (await ok(ana, ADD, { i: { title: { en: 'Scarf' } } })).addPortfolioItem;
    expect(second.position).toBe(1);

    // Validation: a title in some language, a web link.
    const noTitle = await call(ana, ADD, { i: { title: { sl: ' ' } } });
    expect(noTitle.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const badLink = await call(ana, UPDATE, { id: first.id, i: { title: { sl: 'Prt' }, link: 'javascript:alert(1)' } });
    expect(badLink.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.link' });
    expect((await ok(ana, UPDATE, { id: first.id, i: { title: { sl: 'Prt z lectovim srcem' }, link: 'https://ana.example/prt' } })).updatePortfolioItem.title).toEqual({ sl: 'Prt z lectovim srcem', en: null });

    // The image: PNG by content (any name), replaced by the next one, whose file replaces the old on disk.
    const png = await upload(ana, first.id, PNG, 'prt.jpg.exe');
    expect(png.status).toBe(201);
    expect(png.body.image).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length, url: `/attachments/${png.body.image.id}` });
    expect(fs.existsSync(fileOf(png.body.image.id))).toBe(true);
    const webp = await upload(ana, first.id, WEBP, 'prt.webp');
    expect(webp.status).toBe(201);
    expect(webp.body.image.contentType).toBe('image/webp');
    expect(fs.existsSync(fileOf(png.body.image.id))).toBe(false);
    expect(await count(`SELECT count(*) AS n FROM attachment WHERE owner_type = 'portfolio_item' AND owner_id = $1`, [first.id])).toBe(1);

    // Images only, under the configured limit, with clear JSON errors.
    const pdf = await upload(ana, first.id, PDF, 'cv.pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body).toEqual({ error: 'BAD_USER_INPUT', field: 'file', message: expect.stringMatching(/only PNG, JPG, WEBP files are accepted/) });
    const big = await upload(ana, first.id, Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE)]));
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({ error: 'BAD_USER_INPUT', field: 'file', message: expect.stringContaining(`larger than ${MAX_IMAGE} bytes`) });

    // Reorder: every item once.
    expect((await code(ana, REORDER, { ids: [second.id] }))).toBe('BAD_USER_INPUT');
    expect((await ok(ana, REORDER, { ids: [second.id, first.id] })).reorderPortfolioItems).toEqual([{ id: second.id, position: 0 }, { id: first.id, position: 1 }]);

    // Anyone sees the items and downloads the image, in order.
    const seen = (await ok(null, PUBLIC, { id: anaProfile })).creativeProfile;
    expect(seen.matchingConsentHistory).toBeNull();
    expect(seen.portfolioItems.map((i: Data) => i.id)).toEqual([second.id, first.id]);
    expect(seen.portfolioItems[1]).toMatchObject({ link: 'https://ana.example/prt', image: { id: webp.body.image.id, contentType: 'image/webp' } });
    const download = await http().get(seen.portfolioItems[1].image.url);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/webp');

    // Another account (and nobody signed in) cannot change them; nothing changed.
    expect(await code(bor, UPDATE, { id: first.id, i: { title: { sl: 'Moje' } } })).toBe('FORBIDDEN');
    expect(await code(bor, REMOVE, { id: first.id })).toBe('FORBIDDEN');
    expect(await code(bor, `mutation($id: ID!) { removePortfolioItemImage(id: $id) { id } }`, { id: first.id })).toBe('FORBIDDEN');
    expect(await code(bor, REORDER, { ids: [second.id, first.id] })).toBe('BAD_USER_INPUT');
    expect(await code(null, REMOVE, { id: first.id })).toBe('UNAUTHENTICATED');
    const foreign = await upload(bor, first.id, PNG);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toBe('FORBIDDEN');
    expect((await http().delete(`/attachments/${webp.body.image.id}`).set('authorization', `Bearer ${bor.token}`)).status).toBe(403);
    expect((await http().post(`/portfolio-items/${first.id}/image`).attach('file', PNG, 'x.png')).status).toBe(401);
    expect((await ok(null, PUBLIC, { id: anaProfile })).creativeProfile.portfolioItems[1].title.sl).toBe('Prt z lectovim srcem');

    // The owner removes an item: row and image file go.
    const scarfImage = (await upload(ana, second.id, PNG)).body.image.id as string;
    expect(await ok(ana, REMOVE, { id: second.id })).toEqual({ removePortfolioItem: true });
    expect(fs.existsSync(fileOf(scarfImage))).toBe(false);
    expect((await http().get(`/attachments/${scarfImage}`)).status).toBe(404);
    expect((await ok(null, PUBLIC, { id: anaProfile })).creativeProfile.portfolioItems).toHaveLength(1);
  });

  it('records every consent change with the explanation version, for the owner only', async () => {
    expect((await call(ana, CONSENT, { c: true, v: 'made-up' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'explanationVersion' });
    await ok(ana, CONSENT, { c: true, v: '2026-12-03' });
    await ok(ana, CONSENT, { c: true }); // no change: not recorded again
    await ok(ana, CONSENT, { c: false, v: '2026-12-03' });
    const me = (await ok(ana, `{ me { creativeProfile { id matchingConsent matchingConsentHistory { given explanationVersion occurredAt } } } }`)).me.creativeProfile;
    expect(me).toMatchObject({ id: anaProfile, matchingConsent: false });
    expect(me.matchingConsentHistory).toEqual([
      { given: true, explanationVersion: '2026-12-03', occurredAt: expect.any(String) },
      { given: false, explanationVersion: '2026-12-03', occurredAt: expect.any(String) },
    ]);
    await ok(ana, CONSENT, { c: true, v: '2026-12-03' });
    expect((await ok(bor, PUBLIC, { id: anaProfile })).creativeProfile.matchingConsentHistory).toBeNull();
    expect((await ok(bor, `{ me { creativeProfile { id matchingConsentHistory { given } } } }`)).me.creativeProfile).toEqual({ id: borProfile, matchingConsentHistory: [] });
  });

  it('the export holds the items (with image metadata) and the consent history', async () => {
    const res = await http().get('/account/export').set('authorization', `Bearer ${ana.token}`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text) as Data;
    expect(doc.creativeProfile.portfolioItems).toEqual([expect.objectContaining({
      // The update sent no description: an update replaces every text of the item.
      titleSl: 'Prt z lectovim srcem', descriptionSl: null, link: 'https://ana.example/prt', position: 1,
      image: expect.objectContaining({ contentType: 'image/webp', fileName: 'prt.webp', url: expect.stringMatching(/^\/attachments\//) }),
    })]);
    expect(doc.creativeProfile.matchingConsentHistory.map((e: Data) => e.given)).toEqual([true, false, true]);
    expect(doc.creativeProfile.matchingConsentHistory[0]).toMatchObject({ explanationVersion: '2026-12-03', occurredAt: expect.any(String) });
  });

  it('erasing the account removes items, images (rows and files) and the consent history', async () => {
    const items = (await db.query(`SELECT id FROM creative_portfolio_item WHERE creative_profile_id = $1`, [anaProfile])) as { id: string }[];
    const images = (await db.query(`SELECT id FROM attachment WHERE owner_type = 'portfolio_item' AND owner_id = ANY($1::uuid[])`, [items.map((i) => i.id)])) as { id: string }[];
    expect(images).toHaveLength(1);
    expect(fs.existsSync(fileOf(images[0].id))).toBe(true);

    expect(await code(ana, `mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: 'not-my-password-at-all' })).toBe('BAD_USER_INPUT');
    expect(await ok(ana, `mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD })).toEqual({ deleteMyAccount: true });

    expect(await count(`SELECT count(*) AS n FROM creative_portfolio_item WHERE creative_profile_id = $1`, [anaProfile])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM matching_consent_event WHERE creative_profile_id = $1`, [anaProfile])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM attachment WHERE id = $1`, [images[0].id])).toBe(0);
    expect(fs.existsSync(fileOf(images[0].id))).toBe(false);
    expect((await http().get(`/attachments/${images[0].id}`)).status).toBe(404);
    expect(await code(null, PUBLIC, { id: anaProfile })).toBe('NOT_FOUND');
  });

  it('deleting only the creative profile removes its items, images and consent history too', async () => {
    const item = (await ok(bor, ADD, { i: { title: { sl: 'Skica' } } })).addPortfolioItem.id as string;
    const image = (await upload(bor, item, PNG)).body.image.id as string;
    await ok(bor, CONSENT, { c: true });
    expect(await ok(bor, `mutation($id: ID!) { deleteCreativeProfile(id: $id) }`, { id: borProfile })).toEqual({ deleteCreativeProfile: true });
    expect(await count(`SELECT count(*) AS n FROM creative_portfolio_item WHERE id = $1`, [item])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM matching_consent_event WHERE creative_profile_id = $1`, [borProfile])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM attachment WHERE id = $1`, [image])).toBe(0);
    expect(fs.existsSync(fileOf(image))).toBe(false);
  });
});
