import { demoDeadline } from './demo-seeder.js';

describe('demoDeadline', () => {
  it('keeps a future date', () => {
    expect(demoDeadline('2027-03-31', new Date('2026-11-23T10:00:00Z')).toISOString()).toBe('2027-03-31T22:59:00.000Z');
  });

  it('moves a past date on by whole years, past tomorrow', () => {
    const moved = demoDeadline('2027-03-31', new Date('2029-06-01T00:00:00Z'));
    expect(moved.toISOString()).toBe('2030-03-31T22:59:00.000Z');
  });
});
