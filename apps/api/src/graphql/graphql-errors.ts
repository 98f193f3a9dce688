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
  // Safety net behind the edge checks: text PostgreSQL cannot read as a uuid names no row.
  if (isUnreadableUuid(error)) return new GraphQLError('not found', { extensions: { code: ApiErrorCode.NotFound } });
  // A check-then-insert that lost a race to a parallel request: the row it meant to add exists now.
  if (isDuplicateRow(error)) {
    return new GraphQLError('this already exists: a request made at the same moment created it; reload and try again', { extensions: { code: ApiErrorCode.InvalidState } });
  }
  return new GraphQLError('internal error', { extensions: { code: ApiErrorCode.Internal } });
}

/** A statement that failed because a parameter was not a uuid (SQLSTATE 22P02 on type uuid). */
export function isUnreadableUuid(error: unknown): boolean {
  if (!(error instanceof Error) || sqlStateOf(error) !== '22P02') return false;
  const driverMessage = (error as { driverError?: { message?: unknown } }).driverError?.message;
  return /type uuid/.test(typeof driverMessage === 'string' ? driverMessage : error.message);
}

/** A unique constraint refused the row (SQLSTATE 23505): another request got there first. */
export function isDuplicateRow(error: unknown): boolean {
  return error instanceof Error && sqlStateOf(error) === '23505';
}

/**
 * An unexpected error for the log. A database error (it carries a five-character SQLSTATE, itself
 * or in TypeORM's `driverError`) is logged by its class, SQLSTATE and stack frames only: its
 * message, query, parameters and `detail` quote the values the user sent.
 */
export function describeForLog(exception: unknown): string {
  if (!(exception instanceof Error)) return String(exception);
  const sqlState = sqlStateOf(exception);
  if (sqlState === undefined) return exception.stack ?? exception.message;
  const frames = (exception.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [`${exception.name} (SQLSTATE ${sqlState}; message, query and parameters withheld)`, ...frames].join('\n');
}

/** The SQLSTATE of a PostgreSQL error (pg's DatabaseError, or TypeORM's QueryFailedError around it). */
export function sqlStateOf(error: Error): string | undefined {
  for (const candidate of [error, (error as { driverError?: unknown }).driverError]) {
    const { code, severity } = (candidate ?? {}) as { code?: unknown; severity?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string') return code;
  }
  return undefined;
}

/**
 * Last line before the wire: no stack traces, no SQL, no driver messages. Internal errors keep
 * only a generic message (they were logged with detail where they were caught).
 */
export function formatError(formatted: GraphQLFormattedError, _error: unknown): GraphQLFormattedError {
  // graphql-js stops coercing variables after 50 errors and gives that last error no code: it is still bad input.
  if ((formatted.extensions?.code === undefined || formatted.extensions.code === ApiErrorCode.Internal) && formatted.message.startsWith('Too many errors processing variables')) {
    return { message: formatted.message, extensions: { code: ApiErrorCode.BadUserInput, field: 'variables' } };
  }
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
