import type { LinkProps } from '@tanstack/react-router';
import type { MeAudience } from './audience.js';

/**
 * The signed-in area's pages, in the order the side navigation and the overview list them.
 * `label` (a few words) and `hint` (one sentence for the overview) are translation keys from the
 * page's own feature catalogue, e.g. `profile.nav.label`.
 */
export interface MeNavEntry {
  to: NonNullable<LinkProps['to']>;
  label: string;
  hint: string;
  /** Shown only to some accounts (e.g. municipalities and organisers); absent: to everyone. */
  visible?: (audience: MeAudience) => boolean;
}

export const ME_NAV: readonly MeNavEntry[] = [
  { to: '/me/profile', label: 'profile.nav.label', hint: 'profile.nav.hint' },
  { to: '/me/matches', label: 'matches.nav.matches.label', hint: 'matches.nav.matches.hint' },
  { to: '/me/proposals', label: 'proposals.nav.label', hint: 'proposals.nav.hint' },
  { to: '/me/jury', label: 'review.nav.jury.label', hint: 'review.nav.jury.hint' },
  { to: '/me/needs', label: 'matches.nav.needs.label', hint: 'matches.nav.needs.hint' },
  { to: '/me/offers', label: 'matches.nav.offers.label', hint: 'matches.nav.offers.hint' },
  { to: '/me/organisations', label: 'orgs.nav.label', hint: 'orgs.nav.hint' },
  { to: '/me/challenges', label: 'ourChallenges.nav.label', hint: 'ourChallenges.nav.hint' },
  { to: '/me/inbox', label: 'inbox.nav.label', hint: 'inbox.nav.hint' },
  { to: '/me/notifications', label: 'inbox.preferencesNav.label', hint: 'inbox.preferencesNav.hint' },
  { to: '/me/support-measures', label: 'support.nav.label', hint: 'support.nav.hint', visible: (a) => a.organiser },
  { to: '/me/data', label: 'myData.nav.label', hint: 'myData.nav.hint' },
  { to: '/me/compliance', label: 'compliance.nav.label', hint: 'compliance.nav.hint', visible: (a) => a.organiser || a.municipalities.length > 0 },
];

/** The entries this account sees (the restricted ones once its audience is known). */
export function navFor(audience: MeAudience | undefined): readonly MeNavEntry[] {
  return ME_NAV.filter((entry) => !entry.visible || (audience !== undefined && entry.visible(audience)));
}
