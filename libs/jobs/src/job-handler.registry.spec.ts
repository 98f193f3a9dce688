import { JobName, JobStatus } from './job-catalogue.js';
import { JobHandlerRegistry } from './job-handler.registry.js';

const ok = async () => JobStatus.Success;

describe('JobHandlerRegistry', () => {
  it('is complete when every catalogue job has a handler', () => {
    const registry = new JobHandlerRegistry();
    for (const name of Object.values(JobName)) registry.register(name, ok, `Test.${name}`);
    expect(() => registry.assertComplete()).not.toThrow();
    expect(registry.get(JobName.SearchSyncDocument)).toBe(ok);
  });

  it('names every job without a handler', () => {
    const registry = new JobHandlerRegistry();
    registry.register(JobName.SearchSyncDocument, ok, 'Test.sync');
    const missing = Object.values(JobName).filter((n) => n !== JobName.SearchSyncDocument);
    expect(() => registry.assertComplete()).toThrow(`no handler for job(s): ${missing.join(', ')}; the worker refuses to start`);
  });

  it('refuses a second handler for one job, naming both', () => {
    const registry = new JobHandlerRegistry();
    registry.register(JobName.SearchSyncDocument, ok, 'A.sync');
    expect(() => registry.register(JobName.SearchSyncDocument, ok, 'B.sync')).toThrow(`job '${JobName.SearchSyncDocument}' has two handlers: A.sync and B.sync`);
  });

  it('refuses a handler for a job outside the catalogue', () => {
    expect(() => new JobHandlerRegistry().register('made-up' as JobName, ok, 'X.y')).toThrow("X.y handles 'made-up', which is not in the job catalogue");
  });
});
