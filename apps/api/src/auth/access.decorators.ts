import { SetMetadata } from '@nestjs/common';

export const ACCESS_METADATA = 'modrotisk:access';

/**
 * Who may call an operation, checked by ApiAccessGuard before the resolver runs. Ownership of the
 * particular row (whose challenge, whose proposal) is checked in the services.
 */
export enum Access {
  /** Anyone, without credentials: chosen on purpose for each such operation. */
  Public = 'public',
  /** Any signed-in account (or the operator). */
  SignedIn = 'signed-in',
  /** Organisers of the regional programme and platform admins. */
  Organiser = 'organiser',
  /** Platform admins (an admin account or the operator token). */
  Admin = 'admin',
}

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, Access.Public);
export const SignedIn = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, Access.SignedIn);
export const OrganiserOnly = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, Access.Organiser);
export const AdminOnly = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, Access.Admin);
