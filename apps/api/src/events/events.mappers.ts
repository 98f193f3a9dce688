import type { EventEntity, EventParticipantEntity, EventSessionEntity, EventSlotEntity, MeetingFeedbackEntity, MeetingRequestEntity, ScheduleRunEntity } from '@app/database';
import type { Agenda, AgendaItem, ScheduleReport } from '@app/events';
import { text } from '../catalogue/catalogue.mappers.js';
import type {
  AgendaItemType, AgendaType, Event, EventParticipant, EventSession, EventSlot, MeetingFeedbackType, MeetingRequest, ScheduleReportType, ScheduleRun,
} from './events.types.js';

export function toEvent(e: EventEntity): Event {
  return {
    id: e.id, title: text(e.titleSl, e.titleEn), description: text(e.descriptionSl, e.descriptionEn), hostOrganisationId: e.hostOrganisationId,
    venueOrganisationId: e.venueOrganisationId, venueName: e.venueName, venueAddress: e.venueAddress, online: e.online, eventDate: e.eventDate,
    registrationOpensAt: e.registrationOpensAt, registrationClosesAt: e.registrationClosesAt, capacity: e.capacity, requiresApproval: e.requiresApproval,
    participationTypes: e.participationTypes, contactRules: e.contactRules, maxRequestsPerParticipant: e.maxRequestsPerParticipant,
    maxMeetingsPerSession: e.maxMeetingsPerSession, status: e.status, publishedAt: e.publishedAt, schedulePublishedAt: e.schedulePublishedAt, scheduleVersion: e.scheduleVersion,
  };
}

export function toSession(s: EventSessionEntity): EventSession {
  return {
    id: s.id, name: s.name, startsAt: s.startsAt, endsAt: s.endsAt, slotMinutes: s.slotMinutes, tables: s.tables, roomKind: s.roomKind,
    breaks: s.breaks.map((b) => ({ startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) })),
  };
}

export function toSlot(s: EventSlotEntity): EventSlot {
  return { id: s.id, sessionId: s.sessionId, position: s.position, startsAt: s.startsAt, endsAt: s.endsAt };
}

/** `private`: whether the caller may see the participant's check-in (organisers and the participant). */
export function toParticipant(p: EventParticipantEntity, name: string, showPrivate: boolean): EventParticipant {
  return {
    id: p.id, eventId: p.eventId, name, creativeProfileId: p.creativeProfileId, organisationId: p.organisationId, participationType: p.participationType,
    status: p.status, offersText: p.offersText, seeksText: p.seeksText, needIds: p.needIds, offerIds: p.offerIds, registeredAt: p.registeredAt,
    checkedInAt: showPrivate ? p.checkedInAt : null,
  };
}

export function toRequest(r: MeetingRequestEntity): MeetingRequest {
  return {
    id: r.id, eventId: r.eventId, fromParticipantId: r.fromParticipantId, toParticipantId: r.toParticipantId, message: r.message, mutual: r.mutual,
    status: r.status, createdAt: r.createdAt, respondedAt: r.respondedAt, cancelledAt: r.cancelledAt,
  };
}

export function toReport(report: ScheduleReport): ScheduleReportType {
  return {
    scheduled: report.scheduled, bound: report.bound, ratio: report.ratio, optimal: report.optimal, method: report.method, runtimeMs: Math.round(report.runtimeMs),
    // Reports stored before issue 16 lack the proof fields: they read as not proven, with the bound they had.
    proof: report.proof ?? null, provenBound: report.provenBound ?? report.bound.best, gap: report.gap ?? Math.max(0, report.bound.best - report.scheduled),
    objective: report.objective ?? [], levels: (report.levels ?? []).map((l) => ({ level: l.level, value: l.value, bound: l.bound, proven: l.proven, status: l.status })),
    wallClockCapHit: report.wallClockCapHit ?? false, stopped: report.stopped ?? false,
    moved: report.moved, idleGapsTotal: report.idleGaps.total, stats: report.stats, notes: report.notes, droppedWhileRunning: report.droppedWhileRunning,
    unscheduled: report.unscheduled.map((u) => ({
      requestId: u.meetingId,
      reason: u.reason,
      explanation: u.explanation ? {
        code: u.explanation.code, displaced: u.explanation.displaced ?? null, full: u.explanation.full ?? [], text: u.explanation.text,
        fixes: u.explanation.fixes.map((f) => ({ kind: f.kind, slotId: f.slotId ?? null, minutes: f.minutes ?? null, text: f.text })),
      } : null,
    })),
    perParticipant: Object.entries(report.perParticipant).map(([participantId, meetings]) => ({ participantId, meetings, idleGaps: report.idleGaps.perParticipant[participantId] ?? 0 })),
  };
}

export function toRun(r: ScheduleRunEntity): ScheduleRun {
  return {
    id: r.id, eventId: r.eventId, status: r.status, progress: r.progress, phase: r.phase, error: r.error, createdAt: r.createdAt, startedAt: r.startedAt,
    bestFound: r.bestFound, provenBound: r.provenBound, stopRequested: r.stopRequestedAt !== null, objectiveOrder: r.objectiveOrder,
    finishedAt: r.finishedAt, report: r.report ? toReport(r.report as unknown as ScheduleReport) : null,
  };
}

export function toAgendaItem(i: AgendaItem): AgendaItemType {
  return { ...i };
}

export function toAgenda(a: Agenda, name: string): AgendaType {
  return { participant: toParticipant(a.participant, name, true), published: a.published, meetings: a.meetings.map(toAgendaItem), unscheduled: a.unscheduled };
}

export function toFeedback(f: MeetingFeedbackEntity): MeetingFeedbackType {
  return { requestId: f.requestId, participantId: f.participantId, rating: f.rating, followUp: f.followUp, outcome: f.outcome, comment: f.comment };
}
