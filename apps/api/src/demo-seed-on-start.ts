import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DemoSeeder } from '@app/marketplace';
import { EventDemoSeeder } from '@app/events';

/** SEED_DEMO_DATA (default on outside production): load the demo data on the first start only. */
@Injectable()
export class DemoSeedOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedOnStart.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seeder: DemoSeeder,
    private readonly eventSeeder: EventDemoSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    // Demo logins share a published password: never in production, whatever SEED_DEMO_DATA says.
    const report = await this.seeder.seedOnce({ activity: this.config.env !== 'production' });
    if (!report.seeded) this.logger.log('demo data already present');
    // The demo match-making event needs the demo logins (the organiser runs it), so never in production either.
    if (this.config.env !== 'production') await this.eventSeeder.seedOnce();
  }
}
