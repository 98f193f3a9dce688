import { Module } from '@nestjs/common';
import { IdentityModule, IdentityWorkerModule } from '@app/identity';
import { NotificationMailHandlers } from './delivery/notification-mail.handlers.js';
import { NotificationStore } from './delivery/notification-store.js';
import { SubjectDirectory } from './delivery/subject-directory.js';
import { InboxService } from './inbox/inbox.service.js';
import { PreferencesService } from './preferences/preferences.service.js';

/** The API's part: inbox, preferences, unsubscribe, failed mails. Needs DatabaseModule and JobsModule. */
@Module({
  imports: [IdentityModule],
  providers: [NotificationStore, InboxService, PreferencesService],
  exports: [InboxService, PreferencesService],
})
export class NotificationsModule {}

/** The worker's part: planning mails, sending them at once or in digests. */
@Module({
  imports: [IdentityWorkerModule],
  providers: [NotificationStore, SubjectDirectory, NotificationMailHandlers],
  exports: [NotificationMailHandlers],
})
export class NotificationsWorkerModule {}
