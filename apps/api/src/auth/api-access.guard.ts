import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { type Actor, ANONYMOUS, IdentityException, isAdmin, isOrganiser, OPERATOR, SessionsService } from '@app/identity';
import { GraphQLError } from 'graphql';
import { timingSafeEqual } from 'node:crypto';
import { ACCESS_METADATA, Access } from './access.decorators.js';
import type { ApiRequest, GraphQLContext } from './actor.js';
import { ApiErrorCode } from '../graphql/graphql-errors.js';

/**
 * Global guard for every GraphQL operation and HTTP route. It resolves the caller once per
 * request (Bearer access token, or the operator token) and checks the operation's declared
 * access. Each operation must be marked; unmarked ones are refused (and a test fails on them).
 */
@Injectable()
export class ApiAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const graphql = context.getType<string>() === 'graphql';
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    const req = graphql ? GqlExecutionContext.create(context).getContext<GraphQLContext>().req : context.switchToHttp().getRequest<ApiRequest>();
    if (!req.actor) {
      try {
        await this.resolve(req);
      } catch (error) {
        if (error instanceof IdentityException) throw this.refuse(graphql, true, error.message);
        throw error;
      }
    }
    const actor = req.actor as Actor;
    if (access === Access.Public) return true;
    const signedIn = actor.kind !== 'anonymous';
    if (!signedIn && access !== undefined) throw this.refuse(graphql, true, 'this operation needs you to sign in');
    if (access === Access.SignedIn) return true;
    if (access === Access.Organiser && isOrganiser(actor)) return true;
    if (access === Access.Admin && isAdmin(actor)) return true;
    throw this.refuse(graphql, false, access === Access.Organiser ? 'this operation is for organisers' : 'not allowed');
  }

  private async resolve(req: ApiRequest): Promise<void> {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!match) {
      if (req.headers.authorization) throw IdentityException.unauthenticated('the Authorization header must be "Bearer <token>"');
      req.actor = ANONYMOUS;
      return;
    }
    if (this.isOperatorToken(match[1])) {
      req.actor = OPERATOR;
      req.sessionId = null;
      return;
    }
    const { actor, sessionId } = await this.sessions.authenticate(match[1]);
    req.actor = actor;
    req.sessionId = sessionId;
  }

  private refuse(graphql: boolean, unauthenticated: boolean, message: string): Error {
    if (!graphql) return unauthenticated ? new UnauthorizedException(message) : new ForbiddenException(message);
    return new GraphQLError(message, { extensions: { code: unauthenticated ? ApiErrorCode.Unauthenticated : ApiErrorCode.Forbidden } });
  }

  private isOperatorToken(given: string): boolean {
    const token = this.config.auth.adminToken;
    if (!token) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
