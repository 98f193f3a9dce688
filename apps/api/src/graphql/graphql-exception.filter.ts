import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { MarketplaceErrorCode, MarketplaceException } from '@app/marketplace';
import { SearchUnavailableError } from '@app/search';
import { IdentityErrorCode, IdentityException } from '@app/identity';
import { ApiErrorCode, describeForLog, isDuplicateRow, isUnreadableUuid, toGraphQLError } from './graphql-errors.js';

/** Maps everything a resolver throws to a GraphQL error; logs the unexpected ones in full. */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError | undefined {
    if (host.getType<string>() === 'http') {
      this.replyHttp(exception, host);
      return undefined;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = status === 401 ? ApiErrorCode.Unauthenticated : status === 403 ? ApiErrorCode.Forbidden : status < 500 ? ApiErrorCode.BadUserInput : ApiErrorCode.Internal;
      if (code !== ApiErrorCode.Internal) return new GraphQLError(exception.message, { extensions: { code } });
    }
    const known = exception instanceof GraphQLError || exception instanceof MarketplaceException || exception instanceof IdentityException || exception instanceof SearchUnavailableError || isUnreadableUuid(exception) || isDuplicateRow(exception);
    if (!known || exception instanceof SearchUnavailableError) {
      this.logger.error(describeForLog(exception));
    }
    if (exception instanceof MarketplaceException && exception.code === MarketplaceErrorCode.InvalidInput && exception.field) {
      return toGraphQLError(new MarketplaceException(exception.code, exception.message, absoluteField(exception.field, host)));
    }
    if (exception instanceof IdentityException && exception.code === IdentityErrorCode.InvalidInput && exception.field) {
      return toGraphQLError(new IdentityException(exception.code, exception.message, absoluteField(exception.field, host)));
    }
    return toGraphQLError(exception);
  }

  private replyHttp(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = status === 401 ? ApiErrorCode.Unauthenticated : status === 403 ? ApiErrorCode.Forbidden : status === 404 ? ApiErrorCode.NotFound : status < 500 ? ApiErrorCode.BadUserInput : ApiErrorCode.Internal;
      if (code === ApiErrorCode.Internal) this.logger.error(exception.stack ?? exception.message);
      res.status(status).json({ error: code, message: code === ApiErrorCode.Internal ? 'internal error' : exception.message });
      return;
    }
    const error = toGraphQLError(exception);
    if (!(exception instanceof MarketplaceException) && !(exception instanceof IdentityException) && error.extensions.code === ApiErrorCode.Internal) this.logger.error(describeForLog(exception));
    const code = (error.extensions.code as string) ?? ApiErrorCode.Internal;
    res.status(HTTP_STATUS[code] ?? 500).json({ error: code, message: error.message, ...(error.extensions.field ? { field: error.extensions.field } : {}) });
  }
}

/** HTTP routes (attachments): the same codes as JSON, with the matching status; nothing internal. */
const HTTP_STATUS: Readonly<Record<string, number>> = {
  [ApiErrorCode.BadUserInput]: 400, [ApiErrorCode.Unauthenticated]: 401, [ApiErrorCode.Forbidden]: 403,
  [ApiErrorCode.NotFound]: 404, [ApiErrorCode.InvalidState]: 409, [ApiErrorCode.RateLimited]: 429, [ApiErrorCode.ServiceUnavailable]: 503, [ApiErrorCode.Internal]: 500,
};

/** Services name fields within their command; a mutation's command is its `input` argument. */
function absoluteField(field: string, host: ArgumentsHost): string {
  const args = GqlArgumentsHost.create(host).getArgs<Record<string, unknown>>() ?? {};
  const top = field.split('.')[0];
  return !(top in args) && 'input' in args ? `input.${field}` : field;
}
