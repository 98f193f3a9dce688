import { createLink } from '@tanstack/react-router';
import { Link as AriaLink } from 'react-aria-components';

/** A RAC Link that navigates with TanStack Router (typed `to` and params). */
export const Link = createLink(AriaLink);
