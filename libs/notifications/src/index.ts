export { startMailCatcher, listCaught, type MailCatcher, type MailCatcherOptions } from './mail-catcher/mail-catcher.server.js';
export { NotificationsModule, NotificationsWorkerModule } from './notifications.module.js';
export { NotificationCategory, DeliveryMode, EmailState, DEFAULT_MODES, NOTIFICATION_KINDS, ORGANISATION_KINDS, categoryOf } from './notification-categories.js';
export { InboxService, type InboxItem, type FailedMail } from './inbox/inbox.service.js';
export { PreferencesService, PreferenceError, type Preference } from './preferences/preferences.service.js';
export { unsubscribeToken, readUnsubscribeToken } from './preferences/unsubscribe-token.js';
export { NotificationMailHandlers, MAX_MAIL_ATTEMPTS } from './delivery/notification-mail.handlers.js';
export { knowsKind, headline as notificationHeadline, pick as pickLanguage } from './mail-templates/notification-mail.js';
