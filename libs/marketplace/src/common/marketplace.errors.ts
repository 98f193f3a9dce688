/** Domain error codes; the API maps each to a GraphQL error code at the edge. */
export enum MarketplaceErrorCode {
  NotFound = 'NOT_FOUND',
  InvalidInput = 'INVALID_INPUT',
  InvalidState = 'INVALID_STATE',
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

  static invalid(field: string, message: string): MarketplaceException {
    return new MarketplaceException(MarketplaceErrorCode.InvalidInput, message, field);
  }
}
