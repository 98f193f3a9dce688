import { readFileSync } from 'node:fs';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import sl from './i18n/sl.json';
import { inboxLinkLabel } from './InboxCount.js';
import { headlineKey, KNOWN_KINDS, notificationTarget } from './notification-link.js';
import { validateInboxSearch } from './search.js';


async function translator(language: 'sl' | 'en') {
  const i18n = createInstance();
  await i18n.init({ lng: language, resources: { [language]: { translation: language === 'sl' ? sl : en } }, initAsync: false });
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
}

describe('the header inbox link', () => {
  it('names the unread count with the Slovenian singular, dual, few and plural forms', async () => {
    const t = await translator('sl');
    expect([0, 1, 2, 3, 4, 5, 11, 101, 102, 103, 105].map((count) => inboxLinkLabel(t, count))).toEqual([
      'Prejeto', 'Prejeto, 1 neprebrano', 'Prejeto, 2 neprebrani', 'Prejeto, 3 neprebrana', 'Prejeto, 4 neprebrana', 'Prejeto, 5 neprebranih',
      'Prejeto, 11 neprebranih', 'Prejeto, 101 neprebrano', 'Prejeto, 102 neprebrani', 'Prejeto, 103 neprebrana', 'Prejeto, 105 neprebranih',
    ]);
  });

  it('says it in English too', async () => {
    const t = await translator('en');
    expect([0, 1, 2].map((count) => inboxLinkLabel(t, count))).toEqual(['Inbox', 'Inbox, 1 unread', 'Inbox, 2 unread']);
  });
});

describe('notification titles and links', () => {
  it('has a headline for every kind the server creates, in both languages', () => {
    // The server's list of kinds (the mail templates' keys), read as text: the web shares no code with the server.
    const serverCategories = readFileSync(new URL('../../../../../libs/notifications/src/notification-categories.ts', import.meta.url), 'utf8');
    const serverKinds = [...serverCategories.matchAll(/^\s*'([a-z0-9-]+)': NotificationCategory\./gm)].map((m) => m[1]);
    expect(serverKinds.length).toBeGreaterThan(15);
    expect([...KNOWN_KINDS].sort()).toEqual(serverKinds.sort());
    for (const kind of KNOWN_KINDS) {
      expect([kind, typeof sl.inbox.kind[kind], typeof en.inbox.kind[kind]]).toEqual([kind, 'string', 'string']);
    }
    expect(headlineKey('something-new')).toBe('inbox.kind.other');
  });

  it('leads to the challenge, the proposal page, the need or the organisation; nowhere when the subject is hidden or has no page', () => {
    const id = '11111111-1111-4111-8111-111111111111';
    const challenge = '22222222-2222-4222-8222-222222222222';
    expect(notificationTarget({ subjectType: 'challenge', subjectId: challenge, subjectChallengeId: challenge })).toEqual({ to: '/challenges/$challengeId', params: { challengeId: challenge } });
    expect(notificationTarget({ subjectType: 'proposal', subjectId: id, subjectChallengeId: challenge })).toEqual({ to: '/me/proposals/$proposalId', params: { proposalId: id } });
    expect(notificationTarget({ subjectType: 'proposal', subjectId: id, subjectChallengeId: null })).toBeNull();
    expect(notificationTarget({ subjectType: 'need', subjectId: id, subjectChallengeId: null })).toEqual({ to: '/needs/$needId', params: { needId: id } });
    expect(notificationTarget({ subjectType: 'organisation', subjectId: id, subjectChallengeId: null })).toEqual({ to: '/organisations/$organisationId', params: { organisationId: id } });
    expect(notificationTarget({ subjectType: 'event', subjectId: id, subjectChallengeId: null })).toBeNull();
  });

  it("leads the organisation's members to their own pages for a proposal received or a question asked", () => {
    const id = '11111111-1111-4111-8111-111111111111';
    const challenge = '22222222-2222-4222-8222-222222222222';
    expect(notificationTarget({ kind: 'proposal-submitted', subjectType: 'proposal', subjectId: id, subjectChallengeId: challenge }))
      .toEqual({ to: '/me/challenges/$challengeId/proposals/$proposalId', params: { challengeId: challenge, proposalId: id } });
    expect(notificationTarget({ kind: 'challenge-question', subjectType: 'challenge', subjectId: challenge, subjectChallengeId: challenge }))
      .toEqual({ to: '/me/challenges/$challengeId/proposals', params: { challengeId: challenge } });
    expect(notificationTarget({ kind: 'proposal-withdrawn', subjectType: 'proposal', subjectId: id, subjectChallengeId: null })).toBeNull();
    expect(notificationTarget({ kind: 'proposal-awarded', subjectType: 'proposal', subjectId: id, subjectChallengeId: challenge })).toEqual({ to: '/me/proposals/$proposalId', params: { proposalId: id } });
  });

  it('reads the URL state with fallbacks', () => {
    expect(validateInboxSearch({ unread: true, after: '11111111-1111-4111-8111-111111111111' })).toEqual({ unread: true, after: '11111111-1111-4111-8111-111111111111' });
    expect(validateInboxSearch({ unread: 'no', after: "x' OR 1=1" })).toEqual({});
  });
});
