/** Codes of input errors; stable strings the GraphQL layer maps to user-facing messages. */
export type SchedulingErrorCode =
  | 'DUPLICATE_ID'
  | 'UNKNOWN_PARTICIPANT'
  | 'UNKNOWN_SLOT'
  | 'SELF_MEETING'
  | 'INVALID_LOCK'
  | 'INVALID_VALUE';

/** Thrown for input the scheduler cannot honour; `code` says what kind, `subject` names the offending id. */
export class SchedulingInputError extends Error {
  constructor(
    readonly code: SchedulingErrorCode,
    message: string,
    readonly subject?: string,
  ) {
    super(message);
    this.name = 'SchedulingInputError';
  }
}
