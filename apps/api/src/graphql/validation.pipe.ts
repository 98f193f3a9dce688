import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { userInputError } from './graphql-errors.js';

/**
 * class-validator on every argument. The first violation answers BAD_USER_INPUT with its
 * absolute field path (`input.website`, `first`); `details` lists every violation.
 */
@Injectable()
export class GraphQLValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: (errors: ValidationError[]) => toUserInputError(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const prefix = metadata.type === 'body' || metadata.type === 'custom' ? metadata.data : undefined;
      const violations = (error as { violations?: Violation[] }).violations;
      if (error instanceof GraphQLError && violations && prefix) {
        throw toUserInputError(violations.map((v) => ({ ...v, path: `${prefix}.${v.path}` })));
      }
      throw error;
    }
  }
}

interface Violation {
  path: string;
  messages: string[];
}

function toUserInputError(violations: Violation[]): GraphQLError {
  const [first] = violations;
  const details = Object.fromEntries(violations.map((e) => [e.path, e.messages]));
  const error = userInputError(first ? `${first.path}: ${first.messages[0]}` : 'invalid input', first?.path ?? 'input', details);
  return Object.assign(error, { violations });
}

function flatten(errors: ValidationError[], prefix = ''): Violation[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
