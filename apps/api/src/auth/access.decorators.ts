import { SetMetadata } from '@nestjs/common';

export const ACCESS_METADATA = 'modrotisk:access';

export enum Access {
  /** Anyone, without credentials: chosen on purpose for each such operation. */
  Public = 'public',
  /** The platform operator (Bearer ADMIN_API_TOKEN) until accounts and roles exist. */
  Operator = 'operator',
}

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, Access.Public);
export const OperatorOnly = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, Access.Operator);
