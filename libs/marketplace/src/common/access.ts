import { type Actor, isAdmin } from '@app/identity';
import { MarketplaceErrorCode, MarketplaceException } from './marketplace.errors.js';

/**
 * Authorisation helpers for services. The rule everywhere: what the caller may not see does not
 * exist for them (NOT_FOUND, same message as a random id); what they may see but not change
 * answers FORBIDDEN.
 */
export function requireAccount(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new MarketplaceException(MarketplaceErrorCode.Unauthenticated, 'sign in first');
}

/** Creating content needs a verified email address (the operator passes). */
export function requireVerified(actor: Actor): void {
  requireAccount(actor);
  if (!actor.emailVerified) throw MarketplaceException.forbidden('verify your email address first');
}

/** Refuses: NOT_FOUND if the caller cannot see the thing, FORBIDDEN if they can. */
export function refuse(visible: boolean, what: string, id: string, action = 'change'): MarketplaceException {
  return visible ? MarketplaceException.forbidden(`you may not ${action} ${what.toLowerCase()} ${id}`) : MarketplaceException.notFound(what, id);
}

export { isAdmin };
