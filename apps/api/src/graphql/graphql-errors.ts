import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { MarketplaceErrorCode, MarketplaceException } from '@app/marketplace';
import { SearchUnavailableError } from '@app/search';
import { IdentityErrorCode, IdentityException } from '@app/identity';

/** GraphQL error codes this API answers with (extensions.code). */
export enum ApiErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  InvalidState = 'INVALID_STATE',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  /** Too many attempts; extensions.retryAfterSeconds says when to try again. */
  RateLimited = 'RATE_LIMITED',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}

export function userInputError(message: string, field: string, details?: Record<string, string[]>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ApiErrorCode.BadUserInput, field, ...(details ? { details } : {}) } });
}

/** Domain errors -> GraphQL errors, exhaustively. Anything else is an internal error. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof MarketplaceException) {
    switch (error.code) {
      case MarketplaceErrorCode.NotFound:
        return new GraphQLError(error.message, { extensions: { code: ApiErrorCode.NotFound } });
      case MarketplaceErrorCode.InvalidInput:
        return userInputError(error.message, error.field ?? 'input');
      case MarketplaceErrorCode.InvalidState:
        return new GraphQLError(error.message, { extensions: { code: ApiErrorCode.InvalidState } });
      case MarketplaceErrorCode.Unauthenticated:
        return new GraphQLError(error.message, { extensions: { code: ApiErrorCode.Unauthenticated } });
      case MarketplaceErrorCode.Forbidden:
        return new GraphQLError(error.message, { extensions: { code: ApiErrorCode.Forbidden } });
      default:
        return assertUnreachable(error.code);
    }
  }
  if (error instanceof IdentityException) {
    switch (error.code) {
      case IdentityErrorCode.InvalidInput:
        return userInputError(error.message, error.field ?? 'input');
      case IdentityErrorCode.Unauthenticated:
        return new GraphQLError(error.message, { extensions: { code: ApiErrorCode.Unauthenticated } });
      case IdentityErrorCode.Forbidden:
        return new GraphQLError(error.message, { extensions: { code: ApiErrorCode.Forbidden } });
      case IdentityErrorCode.RateLimited:
        return new GraphQLError(error.message, { extensions: { code: ApiErrorCode.RateLimited, retryAfterSeconds: error.retryAfterSeconds ?? 60 } });
      case IdentityErrorCode.NotFound:
        return new GraphQLError(error.message, { extensions: { code: ApiErrorCode.NotFound } });
      case IdentityErrorCode.InvalidState:
        return new GraphQLError(error.message, { extensions: { code: ApiErrorCode.InvalidState } });
      default:
        return assertUnreachable(error.code);
    }
  }
  if (error instanceof SearchUnavailableError) {
    return new GraphQLError('search is temporarily unavailable; please try again shortly', { extensions: { code: ApiErrorCode.ServiceUnavailable } });
  }
  return new GraphQLError('internal error', { extensions: { code: ApiErrorCode.Internal } });
}

/**
 * Last line before the wire: no stack traces, no SQL, no driver messages. Internal errors keep
 * only a generic message (they were logged with detail where they were caught).
 */
export function formatError(formatted: GraphQLFormattedError, _error: unknown): GraphQLFormattedError {
  const code = (formatted.extensions?.code as string | undefined) ?? ApiErrorCode.Internal;
  const known = Object.values(ApiErrorCode).includes(code as ApiErrorCode) || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST';
  const { stacktrace: _stack, exception: _exception, originalError: _original, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (!known || code === ApiErrorCode.Internal) {
    return { message: 'internal error', path: formatted.path, extensions: { code: ApiErrorCode.Internal } };
  }
  return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code } };
}

export function assertUnreachable(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
