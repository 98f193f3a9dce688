import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { EmbeddedHttpSearchAdapter } from './adapters/embedded-http.adapter.js';
import { MeilisearchAdapter } from './adapters/meilisearch.adapter.js';
import { SEARCH_PORT, type SearchPort } from './search.port.js';

/** SEARCH_PORT for the configured engine: Meilisearch, or the embedded engine's HTTP service. */
export function createSearchPort(config: AppConfig): SearchPort {
  return config.search.backend === 'meilisearch'
    ? new MeilisearchAdapter({ url: config.search.url, apiKey: config.search.apiKey ?? undefined, masterKey: config.search.masterKey ?? undefined })
    : new EmbeddedHttpSearchAdapter({ url: config.search.url });
}

@Global()
@Module({
  providers: [{ provide: SEARCH_PORT, inject: [APP_CONFIG], useFactory: createSearchPort }],
  exports: [SEARCH_PORT],
})
export class SearchModule {}
