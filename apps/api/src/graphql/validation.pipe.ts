import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { userInputError } from './graphql-errors.js';

/** class-validator on every input; the first violation answers BAD_USER_INPUT with its field path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const flat = flatten(errors);
      const [first] = flat;
      const details = Object.fromEntries(flat.map((e) => [e.path, e.messages]));
      return userInputError(first ? `${first.path}: ${first.messages[0]}` : 'invalid input', first?.path ?? 'input', details);
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): { path: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
