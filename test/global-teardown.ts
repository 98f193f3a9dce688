import './resolve-ts';
import * as fs from 'node:fs';
import { testServices } from './test-services';

/** Stops what global setup started, by pid, and removes the throwaway data. */
export default async function globalTeardown(): Promise<void> {
  await testServices.redis?.stop();
  await testServices.postgres?.stop();
  for (const dir of testServices.tempDirs) fs.rmSync(dir, { recursive: true, force: true });
}
