import { Test, type TestingModule } from '@nestjs/testing';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule, freePort } from '@app/database';
import { JobName, JobQueues, JobsModule, JobsWorkerModule, OutboxStore, SearchableType } from '@app/jobs';
import { IdentityWorkerModule, OPERATOR } from '@app/identity';
import { NotificationsWorkerModule } from '@app/notifications';
import { EventsWorkerModule } from '@app/events';
import { OramaSearchEngine, SEARCH_PORT, SearchModule, SearchUnavailableError, normaliseQuery, type SearchPort, type SearchQuery, type SearchResult } from '@app/search';
import {
  availableQueueBackends, createTestDatabase, eventually, reportSkippedQueueBackends, testConfig, type QueueBackendName, type TestDatabase,
} from '@app/testing';
import { ChallengesService } from '../challenges/challenges.service.js';
import { CreativesService } from '../creatives/creatives.service.js';
import { MarketplaceModule, MarketplaceWorkerModule } from '../marketplace.module.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { CreativeKind, OrganisationKind } from '../reference/index.js';
import { CREATIVES_INDEX, CHALLENGES_INDEX } from './catalogue-index.js';

/** A real engine that can be switched off, to prove nothing is lost while search is down. */
class SwitchableSearch implements SearchPort {
  down = false;
  constructor(private readonly inner: SearchPort) {}
  get engine() {
    return this.inner.engine;
  }
  private check(): void {
    if (this.down) throw new SearchUnavailableError('switched off by the test');
  }
  async ensureIndex(...a: Parameters<SearchPort['ensureIndex']>) { this.check(); return this.inner.ensureIndex(...a); }
  async upsert(...a: Parameters<SearchPort['upsert']>) { this.check(); return this.inner.upsert(...a); }
  async remove(...a: Parameters<SearchPort['remove']>) { this.check(); return this.inner.remove(...a); }
  async search(index: string, query: SearchQuery): Promise<SearchResult> { this.check(); return this.inner.search(index, query); }
  async multiSearch(...a: Parameters<SearchPort['multiSearch']>) { this.check(); return this.inner.multiSearch(...a); }
  async listIds(index: string) { this.check(); return this.inner.listIds(index); }
  async count(index: string) { this.check(); return this.inner.count(index); }
  async isHealthy() { return !this.down && this.inner.isHealthy(); }
}

async function boot(config: AppConfig, search: SearchPort, withWorker = true): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule, DatabaseModule, JobsModule, SearchModule, MarketplaceModule, ...(withWorker ? [MarketplaceWorkerModule, IdentityWorkerModule, NotificationsWorkerModule, EventsWorkerModule, JobsWorkerModule] : [])],
  })
    .overrideProvider(APP_CONFIG).useValue(config)
    .overrideProvider(SEARCH_PORT).useValue(search)
    .compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

const hits = async (search: SearchPort, index: string, text: string) =>
  (await search.search(index, { text: normaliseQuery(text), limit: 50 })).hits.map((h) => h.id);

reportSkippedQueueBackends('search-sync');

describe.each(availableQueueBackends())('search index sync through the outbox (%s queue)', (queue: QueueBackendName) => {
  let db: TestDatabase;
  let search: SwitchableSearch;
  let app: TestingModule;

  beforeAll(async () => {
    db = await createTestDatabase();
    search = new SwitchableSearch(new OramaSearchEngine());
    app = await boot(testConfig(db.url, queue), search);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('makes a new profile searchable, and an update replaces what was indexed', async () => {
    const creatives = app.get(CreativesService);
    const profile = await creatives.create(OPERATOR, {
      kind: CreativeKind.Individual, displayName: 'Nika Testna', bio: { sl: 'Oblikujem usnjene torbe v Tržiču.' }, municipality: 'trzic',
    });
    await eventually(async () => ((await hits(search, CREATIVES_INDEX.name, 'usnjene torbe')).includes(profile.id) ? true : undefined), 15_000, 'indexed');

    await creatives.update(OPERATOR, profile.id, { bio: { sl: 'Zdaj delam keramiko.' } });
    await eventually(async () => ((await hits(search, CREATIVES_INDEX.name, 'keramiko')).includes(profile.id) ? true : undefined), 15_000, 'reindexed');
    expect(await hits(search, CREATIVES_INDEX.name, 'usnjene torbe')).not.toContain(profile.id);
    await eventually(async () => ((await app.get(OutboxStore).stats()).pending === 0 ? true : undefined), 15_000, 'outbox drained');
  });

  it('indexes a challenge only once it is published', async () => {
    const org = await app.get(OrganisationsService).create(OPERATOR, { kind: OrganisationKind.Company, name: 'Testna tovarna', municipality: 'ziri' });
    const challenges = app.get(ChallengesService);
    const draft = await challenges.create(OPERATOR, { ownerOrganisationId: org.id, title: { sl: 'Vzorec za copate' }, brief: { sl: 'Iščemo vzorec za copate iz klobučevine.' } });
    await eventually(async () => ((await app.get(OutboxStore).stats()).pending === 0 ? true : undefined), 15_000, 'draft event processed');
    expect(await hits(search, CHALLENGES_INDEX.name, 'copate')).not.toContain(draft.id);

    await challenges.publish(OPERATOR, draft.id);
    await eventually(async () => ((await hits(search, CHALLENGES_INDEX.name, 'copate')).includes(draft.id) ? true : undefined), 15_000, 'published indexed');
    // The owner's town is searchable on the challenge, without diacritics and inflected.
    expect(await hits(search, CHALLENGES_INDEX.name, 'Zireh')).toContain(draft.id);
  });

  it('loses nothing committed while the search engine is down: indexed once it is back', async () => {
    search.down = true;
    const profile = await app.get(CreativesService).create(OPERATOR, {
      kind: CreativeKind.Student, displayName: 'Med izpadom', bio: { en: 'Weaves tapestries from spinning mill waste.' }, municipality: 'kranj',
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await app.get(OutboxStore).stats()).pending).toBeGreaterThan(0);
    search.down = false;
    await eventually(async () => ((await hits(search, CREATIVES_INDEX.name, 'tapestries')).includes(profile.id) ? true : undefined), 30_000, 'indexed after outage');
  });

  it('rebuilds a wiped index from PostgreSQL with the full reindex job, dropping stale documents', async () => {
    const creatives = app.get(CreativesService);
    const kept = await creatives.create(OPERATOR, { kind: CreativeKind.Collective, displayName: 'Kolektiv Obnova', bio: { sl: 'Kolaži in ulične intervencije.' }, municipality: 'jesenice' });
    await eventually(async () => ((await hits(search, CREATIVES_INDEX.name, 'kolazi')).includes(kept.id) ? true : undefined), 15_000, 'indexed');
    await search.remove(CREATIVES_INDEX.name, [kept.id]);
    await search.upsert(CREATIVES_INDEX.name, [{ id: '00000000-0000-4000-8000-000000000000', name: 'stale', bio: '', tags: '', domains: [], crafts: [], techniques: [], materials: [], skills: [], municipality: 'kranj', languages: [], kind: 'INDIVIDUAL', createdAt: 0 }]);

    await app.get(JobQueues).queue({ name: JobName.SearchReindexAll, data: { type: SearchableType.Creative, reason: 'test' } });
    await eventually(async () => {
      const ids = await search.listIds(CREATIVES_INDEX.name);
      return ids.includes(kept.id) && !ids.includes('00000000-0000-4000-8000-000000000000') ? true : undefined;
    }, 20_000, 'rebuilt');
    expect(await search.count(CREATIVES_INDEX.name)).toBe(await app.get(CreativesService).list({ first: 1 }).then((p) => p.totalCount));
  });
});

describe('search index sync while Redis is unreachable', () => {
  const redis = process.env.TEST_REDIS_URL;
  const run = redis ? it : it.skip;
  if (!redis) console.warn('[search-sync] Redis outage test skipped: redis-server is not installed');

  run('keeps the event in the outbox, and indexes it once the worker reaches Redis', async () => {
    const db = await createTestDatabase();
    const search = new OramaSearchEngine();
    const deadRedis = `redis://127.0.0.1:${await freePort()}`;
    const offline = await boot(testConfig(db.url, 'redis', { REDIS_URL: deadRedis }), search);
    let online: TestingModule | undefined;
    try {
      const profile = await offline.get(CreativesService).create(OPERATOR, {
        kind: CreativeKind.SoleProprietor, displayName: 'Brez povezave', bio: { sl: 'Modrotisk na lanenem platnu.' }, municipality: 'skofja-loka',
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const stats = await offline.get(OutboxStore).stats();
      expect(stats.pending).toBe(1);
      await offline.close();

      online = await boot(testConfig(db.url, 'redis'), search);
      await eventually(async () => ((await hits(search, CREATIVES_INDEX.name, 'blueprint')).includes(profile.id) ? true : undefined), 20_000, 'indexed after Redis came back');
      // The relay marks the event dispatched in the transaction that enqueued it; the worker may
      // index before that commit lands, so the outbox drains shortly after, not necessarily before.
      const store = online.get(OutboxStore);
      await eventually(async () => ((await store.stats()).pending === 0 ? true : undefined), 10_000, 'outbox drained');
    } finally {
      await online?.close();
      await db.drop();
    }
  }, 120_000);
});
