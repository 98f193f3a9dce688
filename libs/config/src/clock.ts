/**
 * The time a scheduled job acts on. Production uses the system time; tests provide a clock they
 * set and advance, so a daily digest or a deadline reminder can be proven without waiting days.
 * Job handlers read the time here, never from an extra parameter (the worker passes the
 * `JobContext` as a handler's second argument).
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
