import type { LinkProps } from '@tanstack/react-router';

/**
 * The signed-in area's pages, in the order the side navigation and the overview list them.
 * `label` and `hint` are keys under `me.nav` in this feature's catalogue.
 */
export interface MeNavEntry {
  to: NonNullable<LinkProps['to']>;
  key: string;
}

export const ME_NAV: readonly MeNavEntry[] = [
];
