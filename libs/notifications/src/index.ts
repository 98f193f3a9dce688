export { startMailCatcher, listCaught, type MailCatcher, type MailCatcherOptions } from './mail-catcher/mail-catcher.server.js';
