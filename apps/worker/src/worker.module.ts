import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { JobsModule, JobsWorkerModule } from '@app/jobs';
import { MarketplaceWorkerModule } from '@app/marketplace';
import { SearchModule } from '@app/search';
import { IdentityWorkerModule } from '@app/identity';
import { NotificationsWorkerModule } from '@app/notifications';
import { EventsWorkerModule } from '@app/events';

/** The worker: BullMQ processors and the outbox relay; no HTTP. */
@Module({
  imports: [ConfigModule, DatabaseModule, JobsModule, SearchModule, MarketplaceWorkerModule, IdentityWorkerModule, NotificationsWorkerModule, EventsWorkerModule, JobsWorkerModule],
})
export class WorkerModule {}
