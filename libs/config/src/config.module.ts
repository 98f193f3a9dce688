import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config.js';
import { Clock, SystemClock } from './clock.js';
import { getConfig } from './load-config.js';

/** Provides the validated `AppConfig` under the `APP_CONFIG` token, and the `Clock`, everywhere. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: getConfig }, { provide: Clock, useClass: SystemClock }],
  exports: [APP_CONFIG, Clock],
})
export class ConfigModule {}
