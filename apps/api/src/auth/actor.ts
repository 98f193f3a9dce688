import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ANONYMOUS, type Actor } from '@app/identity';
import type { Request } from 'express';
import type { Loaders } from '../graphql/loaders.js';

export type { Actor };

/** The request as the guard leaves it: the resolved caller and their session. */
export type ApiRequest = Request & { actor?: Actor; sessionId?: string | null };

export interface GraphQLContext {
  req: ApiRequest;
  loaders: Loaders;
}

function requestOf(context: ExecutionContext): ApiRequest {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<GraphQLContext>().req
    : context.switchToHttp().getRequest<ApiRequest>();
}

/** The resolved actor (set by ApiAccessGuard) as a resolver or route argument. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => requestOf(context).actor ?? ANONYMOUS);

/** The caller's session id (null for the operator and anonymous callers). */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => requestOf(context).sessionId ?? null);

/** The client address, for per-IP limits (Express resolves X-Forwarded-For only behind a trusted proxy). */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const req = requestOf(context);
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
});
