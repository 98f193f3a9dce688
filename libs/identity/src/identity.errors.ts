/** Identity error codes; the API maps each to a GraphQL error code at the edge. */
export enum IdentityErrorCode {
  InvalidInput = 'INVALID_INPUT',
  /** Wrong credentials, expired or revoked token. One message for all, so nothing leaks. */
  Unauthenticated = 'UNAUTHENTICATED',
  /** Signed in, but this needs something the account lacks (e.g. a verified email). */
  Forbidden = 'FORBIDDEN',
  RateLimited = 'RATE_LIMITED',
  NotFound = 'NOT_FOUND',
  InvalidState = 'INVALID_STATE',
}

export class IdentityException extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
    readonly field?: string,
    /** For RATE_LIMITED: when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'IdentityException';
  }

  static invalid(field: string, message: string): IdentityException {
    return new IdentityException(IdentityErrorCode.InvalidInput, message, field);
  }

  static unauthenticated(message = 'the email or password is wrong, or the session has ended'): IdentityException {
    return new IdentityException(IdentityErrorCode.Unauthenticated, message);
  }
}
