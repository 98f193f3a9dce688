import { instantMail, knowsKind } from './mail-templates/notification-mail.js';
import { categoryOf, DEFAULT_MODES, NOTIFICATION_KINDS, NotificationCategory } from './notification-categories.js';
import { readUnsubscribeToken, unsubscribeToken } from './preferences/unsubscribe-token.js';

describe('notification kinds, mails and unsubscribe tokens', () => {
  it('gives every kind a category with a default mode, and words in both languages', () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(knowsKind(kind)).toBe(true);
      expect(DEFAULT_MODES[categoryOf(kind)]).toBeDefined();
    }
    const item = { id: 'n1', kind: 'deadline-1d', reason: { sl: 'Osnutek.', en: null }, subject: { groupId: null, title: { sl: '<Izziv>', en: null }, url: 'http://x/challenges/1', deadline: null } };
    const sl = instantMail(item, { email: 'a@b.si', name: 'Ana', locale: 'sl' }, 'http://x/u?t=1');
    const en = instantMail(item, { email: 'a@b.si', name: 'Ana', locale: 'en' }, 'http://x/u?t=1');
    expect(sl.subject).toBe('Modrotisk: Še 1 dan za oddajo predloga: <Izziv>');
    expect(en.subject).toBe('Modrotisk: 1 day left to submit your proposal: <Izziv>');
    // The English reader gets the Slovenian text where no English exists, escaped in HTML.
    expect(en.html).toContain('&lt;Izziv&gt;');
    expect(en.html).not.toContain('<Izziv>');
    expect(en.text).toContain('Why: Osnutek.');
    expect(sl.headers).toEqual({ 'List-Unsubscribe': '<http://x/u?t=1>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });

  it('signs unsubscribe tokens: they name an account and categories, and cannot be altered', () => {
    const account = '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab';
    const token = unsubscribeToken('secret-of-at-least-32-characters!!', account, [NotificationCategory.Matches, NotificationCategory.Deadlines]);
    expect(readUnsubscribeToken('secret-of-at-least-32-characters!!', token)).toEqual({ accountId: account, categories: [NotificationCategory.Deadlines, NotificationCategory.Matches] });
    expect(readUnsubscribeToken('another-secret-of-32-characters!!!', token)).toBeNull();
    expect(readUnsubscribeToken('secret-of-at-least-32-characters!!', token.replace('DEADLINES+', ''))).toBeNull();
    expect(readUnsubscribeToken('secret-of-at-least-32-characters!!', 'garbage')).toBeNull();
  });
});
