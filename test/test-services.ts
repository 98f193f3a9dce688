import type { EmbeddedPostgresHandle } from '@app/database';
import type { RedisServerHandle } from '@app/testing';

/** Shared between global setup and teardown (they run in the same jest parent process). */
export const testServices: { postgres?: EmbeddedPostgresHandle; redis?: RedisServerHandle; tempDirs: string[] } = {
  tempDirs: [],
};
