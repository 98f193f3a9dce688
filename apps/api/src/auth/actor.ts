import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Loaders } from '../graphql/loaders.js';

/** Who is calling. Until accounts exist: anonymous or the operator. */
export interface Actor {
  isOperator: boolean;
}

export interface GraphQLContext {
  req: Request & { actor?: Actor };
  loaders: Loaders;
}

/** The resolved actor (set by ApiAccessGuard) as a resolver argument. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>();
  return ctx.req.actor ?? { isOperator: false };
});
