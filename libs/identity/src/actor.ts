/** Platform-wide roles, granted by a platform admin. */
export enum PlatformRole {
  Admin = 'admin',
  /** Runs the regional programme: compliance board, events, outcome reports. */
  Organiser = 'organiser',
}

/** A person's role inside one organisation. */
export enum OrganisationRole {
  /** Everything, including members and awards. */
  Owner = 'owner',
  /** Writes the organisation's challenges, needs and profile. */
  Editor = 'editor',
  /** Reads the organisation's proposals and drafts; writes nothing. */
  Reviewer = 'reviewer',
}

/** Who is calling, resolved once per request from the access token (or the operator token). */
export interface Actor {
  readonly kind: 'anonymous' | 'account' | 'operator';
  readonly accountId: string | null;
  readonly emailVerified: boolean;
  readonly platformRoles: readonly PlatformRole[];
  /** organisation id -> role */
  readonly memberships: ReadonlyMap<string, OrganisationRole>;
  /** The creative profile this account owns, if any. */
  readonly creativeProfileId: string | null;
  /**
   * Challenges this account was let into although they are invite-only: its creative profile
   * was invited, or it sits on the jury. Loaded with the memberships, once per request.
   */
  readonly challengeGrants: ReadonlySet<string>;
}

export const ANONYMOUS: Actor = Object.freeze({
  kind: 'anonymous', accountId: null, emailVerified: false, platformRoles: [], memberships: new Map(), creativeProfileId: null, challengeGrants: new Set<string>(),
});

/** The platform operator (Bearer ADMIN_API_TOKEN): a platform admin without an account. */
export const OPERATOR: Actor = Object.freeze({
  kind: 'operator', accountId: null, emailVerified: true, platformRoles: [PlatformRole.Admin], memberships: new Map(), creativeProfileId: null, challengeGrants: new Set<string>(),
});

export function isAdmin(actor: Actor): boolean {
  return actor.platformRoles.includes(PlatformRole.Admin);
}

/** Organisers and admins see the regional reports and the compliance board. */
export function isOrganiser(actor: Actor): boolean {
  return isAdmin(actor) || actor.platformRoles.includes(PlatformRole.Organiser);
}

export function organisationRole(actor: Actor, organisationId: string): OrganisationRole | null {
  return actor.memberships.get(organisationId) ?? null;
}

/** Owners and editors write an organisation's content; admins may too. */
export function canEditFor(actor: Actor, organisationId: string): boolean {
  const role = organisationRole(actor, organisationId);
  return isAdmin(actor) || role === OrganisationRole.Owner || role === OrganisationRole.Editor;
}

/** Any member reads the organisation's drafts and proposals; admins may too. */
export function canReviewFor(actor: Actor, organisationId: string): boolean {
  return isAdmin(actor) || organisationRole(actor, organisationId) !== null;
}

export function isOwnerOf(actor: Actor, organisationId: string): boolean {
  return isAdmin(actor) || organisationRole(actor, organisationId) === OrganisationRole.Owner;
}
