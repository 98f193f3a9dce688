import { MarketplaceException } from '@app/marketplace';
import { localTime } from '../demo/event-demo.seeder.js';
import { ljubljanaDate, mayContact, planSlots, type SessionInput } from './event.rules.js';

const day = '2027-03-18';
const at = (hhmm: string) => localTime(day, hhmm);
const session = (start: string, end: string, extra: Partial<SessionInput> = {}): SessionInput => ({ startsAt: at(start), endsAt: at(end), slotMinutes: 20, tables: 4, ...extra });
const times = (slots: { startsAt: Date }[]) => slots.map((s) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Ljubljana', hour: '2-digit', minute: '2-digit' }).format(s.startsAt));
const field = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof MarketplaceException) return error.field;
    throw error;
  }
  return undefined;
};

describe('planSlots: sessions cut into meeting slots', () => {
  it('cuts back-to-back slots, skips those overlapping a break and drops a last partial slot', () => {
    const slots = planSlots(day, [session('09:00', '11:05', { breaks: [{ startsAt: at('09:50'), endsAt: at('10:10') }] })]);
    expect(times(slots)).toEqual(['09:00', '09:20', '10:10', '10:30']);
    expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 20 * 60_000)).toBe(true);
  });

  it('orders slots by time across sessions given in any order, in Slovenian time on both sides of a DST change', () => {
    const slots = planSlots(day, [session('13:00', '14:00'), session('09:00', '10:00')]);
    expect(times(slots)).toEqual(['09:00', '09:20', '09:40', '13:00', '13:20', '13:40']);
    expect(slots.map((s) => s.sessionIndex)).toEqual([1, 1, 1, 0, 0, 0]);
    const summer = planSlots('2027-07-01', [{ startsAt: localTime('2027-07-01', '09:00'), endsAt: localTime('2027-07-01', '09:40'), slotMinutes: 20, tables: 1 }]);
    expect(summer[0].startsAt.toISOString()).toBe('2027-07-01T07:00:00.000Z');
    expect(at('09:00').toISOString()).toBe('2027-03-18T08:00:00.000Z');
  });

  it('refuses overlapping sessions, sessions off the event day, breaks outside their session, and bad lengths', () => {
    expect(field(() => planSlots(day, [session('09:00', '11:00'), session('10:30', '12:00')]))).toBe('sessions.1');
    expect(field(() => planSlots(day, [{ ...session('09:00', '10:00'), startsAt: localTime('2027-03-17', '23:00') }]))).toBe('sessions.0');
    expect(field(() => planSlots(day, [session('09:00', '10:00', { breaks: [{ startsAt: at('10:30'), endsAt: at('10:40') }] })]))).toBe('sessions.0.breaks.0');
    expect(field(() => planSlots(day, [session('09:00', '10:00', { slotMinutes: 5 })]))).toBe('sessions.0.slotMinutes');
    expect(field(() => planSlots(day, [session('09:00', '09:10')]))).toBe('sessions.0');
    expect(field(() => planSlots(day, [session('10:00', '09:00')]))).toBe('sessions.0.endsAt');
    expect(field(() => planSlots(day, []))).toBe('sessions');
    expect(field(() => planSlots(day, [session('00:00', '23:50', { slotMinutes: 10 })]))).toBe('sessions');
  });

  it('reads calendar dates in Slovenian time', () => {
    expect(ljubljanaDate(new Date('2027-03-17T23:30:00Z'))).toBe('2027-03-18');
  });
});

describe('contact rules', () => {
  it('lets anyone ask anyone without rules, and only listed directions with them', () => {
    expect(mayContact([], 'CREATIVE', 'CREATIVE')).toBe(true);
    const rules = [{ from: 'COMPANY', to: 'CREATIVE' }];
    expect(mayContact(rules, 'COMPANY', 'CREATIVE')).toBe(true);
    expect(mayContact(rules, 'CREATIVE', 'COMPANY')).toBe(false);
  });
});
