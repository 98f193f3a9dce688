import DataLoader from 'dataloader';
import type { CreativeProfileEntity, OrganisationEntity } from '@app/database';
import type { CreativesService, OrganisationsService } from '@app/marketplace';

/** Per-request batching: a page of challenges loads its owners in one query, not one each. */
export interface Loaders {
  organisation: DataLoader<string, OrganisationEntity | null>;
  creative: DataLoader<string, CreativeProfileEntity | null>;
}

function byId<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

export function createLoaders(organisations: OrganisationsService, creatives: CreativesService): Loaders {
  return {
    organisation: byId((ids) => organisations.getMany(ids)),
    creative: byId((ids) => creatives.getMany(ids)),
  };
}
