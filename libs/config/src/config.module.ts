import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config.js';
import { getConfig } from './load-config.js';

/** Provides the validated `AppConfig` under the `APP_CONFIG` token everywhere. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: getConfig }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
