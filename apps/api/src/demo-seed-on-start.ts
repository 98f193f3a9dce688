import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DemoSeeder } from '@app/marketplace';

/** SEED_DEMO_DATA (default on outside production): load the demo data on the first start only. */
@Injectable()
export class DemoSeedOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedOnStart.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seeder: DemoSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    // Demo logins share a published password: never in production, whatever SEED_DEMO_DATA says.
    const report = await this.seeder.seedOnce({ activity: this.config.env !== 'production' });
    if (!report.seeded) this.logger.log('demo data already present');
  }
}
