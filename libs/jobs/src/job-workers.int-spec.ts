import { Test } from '@nestjs/testing';
import { APP_CONFIG, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { createTestDatabase, testConfig } from '@app/testing';
import { JobName } from './job-catalogue.js';
import { JobsModule, JobsWorkerModule } from './jobs.module.js';

describe('worker start-up', () => {
  it('refuses to start when a catalogue job has no handler', async () => {
    const db = await createTestDatabase();
    try {
      const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, JobsModule, JobsWorkerModule] })
        .overrideProvider(APP_CONFIG).useValue(testConfig(db.url, 'postgres'))
        .compile();
      moduleRef.useLogger(false);
      await expect(moduleRef.init()).rejects.toThrow(`no handler for job(s): ${Object.values(JobName).join(', ')}; the worker refuses to start`);
      await moduleRef.close();
    } finally {
      await db.drop();
    }
  });
});
