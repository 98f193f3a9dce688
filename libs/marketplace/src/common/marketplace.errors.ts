/** Domain error codes; the API maps each to a GraphQL error code at the edge. */
export enum MarketplaceErrorCode {
  NotFound = 'NOT_FOUND',
  InvalidInput = 'INVALID_INPUT',
  InvalidState = 'INVALID_STATE',
  /** Not signed in, where the operation needs an account. */
  Unauthenticated = 'UNAUTHENTICATED',
  /** Visible to the caller, but not theirs to change. Hidden things answer NOT_FOUND instead. */
  Forbidden = 'FORBIDDEN',
}

export class MarketplaceException extends Error {
  constructor(
    readonly code: MarketplaceErrorCode,
    message: string,
    /** Dotted path of the offending input field, for INVALID_INPUT. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'MarketplaceException';
  }

  static notFound(what: string, id: string): MarketplaceException {
    return new MarketplaceException(MarketplaceErrorCode.NotFound, `${what} ${id} was not found`);
  }

  static forbidden(message: string): MarketplaceException {
    return new MarketplaceException(MarketplaceErrorCode.Forbidden, message);
  }

  static invalidState(message: string): MarketplaceException {
    return new MarketplaceException(MarketplaceErrorCode.InvalidState, message);
  }

  static invalid(field: string, message: string): MarketplaceException {
    return new MarketplaceException(MarketplaceErrorCode.InvalidInput, message, field);
  }
}
