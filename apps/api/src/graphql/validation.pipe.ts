import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { userInputError } from './graphql-errors.js';
import { findUnsafeInput, stringProblem } from './input-safety.js';

/**
 * class-validator on every argument. The first violation answers BAD_USER_INPUT with its
 * absolute field path (`input.website`, `first`); `details` lists every violation.
 *
 * Before that, every value from the outside (GraphQL arguments of any type, DTO or not; REST path
 * params, query strings, bodies and upload file names) is walked for unsafe text and invalid dates
 * (see input-safety.ts), so no such value reaches a service or PostgreSQL.
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
    rejectUnsafeInput(value, metadata);
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

/**
 * GraphQL arguments arrive as type 'body' (named `@Args('input')`: data is the name); REST params,
 * query strings and bodies as 'param', 'query', 'body'. 'custom' is the actor or an uploaded file:
 * only a file's name is text from the client.
 */
function rejectUnsafeInput(value: unknown, metadata: ArgumentMetadata): void {
  const prefix = typeof metadata.data === 'string' ? metadata.data : '';
  if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
    const unsafe = findUnsafeInput(value, prefix);
    if (unsafe) throw toUserInputError([{ path: unsafe.path, messages: [unsafe.message] }]);
    return;
  }
  if (metadata.type === 'custom' && isUploadedFile(value)) {
    // The controllers read multer's latin1 file name as UTF-8; check the name they will store.
    const problem = stringProblem(Buffer.from(value.originalname, 'latin1').toString('utf8'));
    if (problem) throw toUserInputError([{ path: 'file.originalname', messages: [problem] }]);
  }
}

function isUploadedFile(value: unknown): value is { originalname: string } {
  return typeof value === 'object' && value !== null && typeof (value as { originalname?: unknown }).originalname === 'string' && Buffer.isBuffer((value as { buffer?: unknown }).buffer);
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
