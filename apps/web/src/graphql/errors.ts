import type { CombinedError } from 'urql';

/** What the UI needs to know about a failed request, from the API's error codes (extensions.code). */
export type AppError =
  | { kind: 'input'; fields: Record<string, string> }
  | { kind: 'notFound' }
  | { kind: 'invalidState' }
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden' }
  | { kind: 'rateLimited'; retryAfterSeconds: number }
  | { kind: 'unavailable' }
  | { kind: 'unexpected' };

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/** The first error of a GraphQL answer (or the network failure) as one AppError. */
export function toAppError(error: CombinedError | undefined | null): AppError | null {
  if (!error) return null;
  if (error.networkError && error.graphQLErrors.length === 0) return { kind: 'unavailable' };
  return fromGraphQLErrors(error.graphQLErrors);
}

export function fromGraphQLErrors(errors: readonly ErrorLike[]): AppError {
  const inputs = errors.filter((e) => e.extensions?.code === 'BAD_USER_INPUT');
  if (inputs.length > 0) {
    const fields: Record<string, string> = {};
    for (const e of inputs) {
      const details = e.extensions?.details;
      if (details && typeof details === 'object') {
        for (const key of Object.keys(details)) fields[fieldName(key)] = e.message;
      } else {
        fields[fieldName(typeof e.extensions?.field === 'string' ? e.extensions.field : 'input')] = e.message;
      }
    }
    return { kind: 'input', fields };
  }
  return fromCode(errors[0]?.extensions?.code, errors[0]?.extensions?.retryAfterSeconds);
}

/** An API error code (GraphQL extensions.code or a REST body's `error`) as an AppError. */
export function fromCode(code: unknown, retryAfterSeconds?: unknown): AppError {
  switch (code) {
    case 'NOT_FOUND':
      return { kind: 'notFound' };
    case 'INVALID_STATE':
      return { kind: 'invalidState' };
    case 'UNAUTHENTICATED':
      return { kind: 'unauthenticated' };
    case 'FORBIDDEN':
      return { kind: 'forbidden' };
    case 'RATE_LIMITED':
      return { kind: 'rateLimited', retryAfterSeconds: typeof retryAfterSeconds === 'number' && retryAfterSeconds > 0 ? retryAfterSeconds : 60 };
    case 'SERVICE_UNAVAILABLE':
      return { kind: 'unavailable' };
    case 'BAD_USER_INPUT':
      return { kind: 'input', fields: { input: '' } };
    default:
      return { kind: 'unexpected' };
  }
}

/** `input.email` and `email` name the same field. */
function fieldName(path: string): string {
  const parts = path.split('.');
  return parts[parts.length - 1] || 'input';
}
