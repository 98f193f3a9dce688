import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { EntityManager } from 'typeorm';
import type { MailSubject } from '../mail-templates/notification-mail.js';
import { ORGANISATION_KINDS } from '../notification-categories.js';

interface SubjectRef {
  subjectType: string;
  subjectId: string;
}

/**
 * What notifications are about, for display: titles, deadlines and links, read when the mail is
 * written (never copied into the queue). A proposal is shown as its challenge, so a digest groups
 * everything about one challenge together.
 */
@Injectable()
export class SubjectDirectory {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async describe(m: EntityManager, refs: readonly SubjectRef[]): Promise<Map<string, MailSubject>> {
    const ids = (type: string) => [...new Set(refs.filter((r) => r.subjectType === type).map((r) => r.subjectId))];
    const out = new Map<string, MailSubject>();
    const base = this.config.publicUrl;
    const challenges = (await m.query(
      `SELECT c.id, c.title_sl, c.title_en, c.deadline, c.status, p.id AS proposal_id
         FROM challenge c LEFT JOIN proposal p ON p.challenge_id = c.id AND p.id = ANY($2::uuid[])
        WHERE c.id = ANY($1::uuid[]) OR p.id IS NOT NULL`,
      [ids('challenge'), ids('proposal')],
    )) as { id: string; title_sl: string | null; title_en: string | null; deadline: Date | null; status: string; proposal_id: string | null }[];
    for (const c of challenges) {
      const subject: MailSubject = {
        groupId: c.id, title: { sl: c.title_sl, en: c.title_en }, url: `${base}/challenges/${c.id}`, deadline: c.status === 'PUBLISHED' ? c.deadline : null,
      };
      out.set(`challenge:${c.id}`, subject);
      if (c.proposal_id) out.set(`proposal:${c.proposal_id}`, { ...subject, url: `${base}/proposals/${c.proposal_id}` });
    }
    const needs = (await m.query(`SELECT id, title_sl, title_en FROM need WHERE id = ANY($1::uuid[])`, [ids('need')])) as { id: string; title_sl: string | null; title_en: string | null }[];
    for (const n of needs) out.set(`need:${n.id}`, { groupId: n.id, title: { sl: n.title_sl, en: n.title_en }, url: `${base}/needs/${n.id}`, deadline: null });
    const orgs = (await m.query(`SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`, [ids('organisation')])) as { id: string; name: string }[];
    for (const o of orgs) out.set(`organisation:${o.id}`, { groupId: o.id, title: { sl: o.name, en: o.name }, url: `${base}/organisations/${o.id}`, deadline: null });
    const events = (await m.query(`SELECT id, title_sl, title_en FROM event WHERE id = ANY($1::uuid[])`, [ids('event')])) as { id: string; title_sl: string | null; title_en: string | null }[];
    for (const e of events) out.set(`event:${e.id}`, { groupId: e.id, title: { sl: e.title_sl, en: e.title_en }, url: `${base}/events/${e.id}`, deadline: null });
    const measures = (await m.query(`SELECT id, title_sl, title_en, deadline, status FROM support_measure WHERE id = ANY($1::uuid[])`, [ids('support-measure')])) as { id: string; title_sl: string | null; title_en: string | null; deadline: Date | null; status: string }[];
    for (const s of measures) out.set(`support-measure:${s.id}`, { groupId: s.id, title: { sl: s.title_sl, en: s.title_en }, url: `${base}/support/${s.id}`, deadline: s.status === 'PUBLISHED' ? s.deadline : null });
    return out;
  }
}

/**
 * Where a mail about `kind` leads: the organisation's members read proposals and answer questions
 * on their own pages for the challenge (/me/challenges/:id/proposals), not on the author's page.
 */
export function linkFor(kind: string, ref: SubjectRef, subject: MailSubject, base: string): string {
  if (!ORGANISATION_KINDS.includes(kind) || !subject.groupId) return subject.url;
  const inbox = `${base}/me/challenges/${subject.groupId}/proposals`;
  return ref.subjectType === 'proposal' ? `${inbox}/${ref.subjectId}` : inbox;
}

export function subjectKey(ref: SubjectRef): string {
  return `${ref.subjectType}:${ref.subjectId}`;
}
