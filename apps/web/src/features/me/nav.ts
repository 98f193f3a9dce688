import type { LinkProps } from '@tanstack/react-router';

/**
 * The signed-in area's pages, in the order the side navigation and the overview list them.
 * `label` (a few words) and `hint` (one sentence for the overview) are translation keys from the
 * page's own feature catalogue, e.g. `profile.nav.label`.
 */
export interface MeNavEntry {
  to: NonNullable<LinkProps['to']>;
  label: string;
  hint: string;
}

export const ME_NAV: readonly MeNavEntry[] = [
  { to: '/me/proposals', label: 'proposals.nav.label', hint: 'proposals.nav.hint' },
];
