import { Clock } from '@app/config';

/** A clock a test sets and advances; provide it with `.overrideProvider(Clock).useValue(clock)`. */
export class TestClock extends Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    super();
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date): void {
    this.current = to.getTime();
  }

  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }
}
