/**
 * The SearchPort contract against a real Meilisearch. Runs only where MEILI_URL is set (plus
 * MEILI_MASTER_KEY when the instance has one); this machine has no Meilisearch binary.
 */
import { Meilisearch } from 'meilisearch';
import { describeSearchContract } from '../search.contract.js';
import type { IndexDefinition, SearchPort } from '../search.port.js';
import { MeilisearchAdapter } from './meilisearch.adapter.js';

const url = process.env.MEILI_URL;
const masterKey = process.env.MEILI_MASTER_KEY;

/** Remembers every index the contract creates so the shared instance is left clean. */
function recording(port: SearchPort, created: Set<string>): SearchPort {
  return {
    engine: port.engine,
    ensureIndex: (definition: IndexDefinition) => {
      created.add(definition.name);
      return port.ensureIndex(definition);
    },
    upsert: (index, documents) => port.upsert(index, documents),
    remove: (index, ids) => port.remove(index, ids),
    search: (index, query) => port.search(index, query),
    multiSearch: (queries) => port.multiSearch(queries),
    listIds: (index) => port.listIds(index),
    count: (index) => port.count(index),
    isHealthy: () => port.isHealthy(),
  };
}

if (url) {
  describeSearchContract(`Meilisearch at ${url}`, async () => {
    const created = new Set<string>();
    const adapter = new MeilisearchAdapter({ url, masterKey, requestTimeoutMs: 10_000 });
    if (!(await adapter.isHealthy())) throw new Error(`MEILI_URL=${url} is set but Meilisearch does not answer /health`);
    return {
      port: recording(adapter, created),
      auth: masterKey
        ? {
            wrongKey: new MeilisearchAdapter({ url, apiKey: 'not-the-right-key-for-this-instance', requestTimeoutMs: 10_000 }),
            noKey: new MeilisearchAdapter({ url, requestTimeoutMs: 10_000 }),
          }
        : { skipReason: 'MEILI_MASTER_KEY is not set: this Meilisearch runs without keys' },
      close: async () => {
        const client = new Meilisearch({ host: url, apiKey: masterKey });
        for (const name of created) await client.deleteIndexIfExists(name);
      },
    };
  });
} else {
  console.warn(
    '[search] Skipping the Meilisearch contract tests: MEILI_URL is not set, and no Meilisearch runs on this machine. ' +
      'To run them, start one (e.g. `docker run -p 7700:7700 getmeili/meilisearch:v1.54.0`, the image docker/docker-compose.yml uses) ' +
      'and set MEILI_URL=http://127.0.0.1:7700 (and MEILI_MASTER_KEY if it has one).',
  );
  describe('MeilisearchAdapter against a real Meilisearch', () => {
    it.skip('runs the SearchPort contract (skipped: MEILI_URL is not set)', () => undefined);
  });
}
