import DataLoader from 'dataloader';
import type { OrganisationEntity } from '@app/database';
import type { OrganisationsService } from '@app/marketplace';

/** Per-request batching: a page of challenges loads its owners in one query, not one each. */
export interface Loaders {
  organisation: DataLoader<string, OrganisationEntity | null>;
}

export function createLoaders(organisations: OrganisationsService): Loaders {
  return {
    organisation: new DataLoader<string, OrganisationEntity | null>(async (ids) => {
      const rows = new Map((await organisations.getMany(ids)).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
  };
}
