import { CreateCatalogue1763900000000 } from './1763900000000-CreateCatalogue.js';
import { CreateNeedsAndOffers1763900100000 } from './1763900100000-CreateNeedsAndOffers.js';

/** Every migration, in order. Listed explicitly (no globs) so build, jest and the CLI agree. */
export const MIGRATIONS = [CreateCatalogue1763900000000, CreateNeedsAndOffers1763900100000];
