import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { GraphQLError } from 'graphql';
import { timingSafeEqual } from 'node:crypto';
import { ACCESS_METADATA, Access } from './access.decorators.js';
import type { Actor, GraphQLContext } from './actor.js';
import { ApiErrorCode } from '../graphql/graphql-errors.js';

/**
 * Global guard for every GraphQL operation and HTTP route. Each must be marked @Public() or
 * @OperatorOnly(); unmarked ones are refused (and a test fails on them).
 */
@Injectable()
export class ApiAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const graphql = context.getType<string>() === 'graphql';
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    const req = graphql ? GqlExecutionContext.create(context).getContext<GraphQLContext>().req : context.switchToHttp().getRequest<GraphQLContext['req']>();
    const actor: Actor = { isOperator: this.isOperator(req.headers.authorization) };
    req.actor = actor;
    if (access === Access.Public) return true;
    if (access === Access.Operator && actor.isOperator) return true;
    if (access === Access.Operator && !req.headers.authorization) {
      if (!graphql) throw new UnauthorizedException('this operation needs credentials');
      throw new GraphQLError('this operation needs credentials', { extensions: { code: ApiErrorCode.Unauthenticated } });
    }
    if (!graphql) throw new ForbiddenException('not allowed');
    throw new GraphQLError('not allowed', { extensions: { code: ApiErrorCode.Forbidden } });
  }

  private isOperator(header: string | undefined): boolean {
    const token = this.config.auth.adminToken;
    const match = /^Bearer (\S+)$/.exec(header ?? '');
    if (!token || !match) return false;
    const given = Buffer.from(match[1]);
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
