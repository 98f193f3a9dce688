import { ConfigError, ENV_KEYS, loadConfig } from './load-config.js';
import { EnvSchema } from './env.schema.js';
import { getMetadataStorage } from 'class-validator';

describe('loadConfig', () => {
  it('needs no variables: embedded defaults everywhere', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.database.url).toBeNull();
    expect(config.queue).toEqual({ backend: 'postgres', connectionString: null, namespace: 'modrotisk' });
    expect(config.search).toEqual({ backend: 'embedded', url: 'http://127.0.0.1:7701' });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.dataDir).toBe('/srv/app/.data');
    expect(config.seedDemoData).toBe(true);
  });

  it('takes the production overrides', () => {
    const config = loadConfig({
      NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/modrotisk', QUEUE_BACKEND: 'redis',
      REDIS_URL: 'redis://redis:6379', SEARCH_BACKEND: 'meilisearch', MEILI_URL: 'http://meili:7700',
      MEILI_MASTER_KEY: 'k', SMTP_URL: 'smtp://mailpit:1025', PORT: '8080',
      AUTH_TOKEN_SECRET: 'p'.repeat(40), PUBLIC_URL: 'https://modrotisk.si/',
    });
    expect(config.auth.tokenSecret).toBe('p'.repeat(40));
    expect(config.publicUrl).toBe('https://modrotisk.si');
    expect(config.queue).toEqual({ backend: 'redis', redisUrl: 'redis://redis:6379', namespace: 'modrotisk' });
    expect(config.search).toEqual({ backend: 'meilisearch', url: 'http://meili:7700', apiKey: null, masterKey: 'k' });
    expect(loadConfig({ SEARCH_BACKEND: 'meilisearch', MEILI_URL: 'http://meili:7700', MEILI_API_KEY: 'a' }).search).toEqual({
      backend: 'meilisearch', url: 'http://meili:7700', apiKey: 'a', masterKey: null,
    });
    expect(config.http.port).toBe(8080);
    expect(config.mail.smtpUrl).toBe('smtp://mailpit:1025');
    expect(config.seedDemoData).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ QUEUE_BACKEND: 'kafka' }, 'QUEUE_BACKEND'],
    [{ QUEUE_BACKEND: 'redis' }, 'REDIS_URL'],
    [{ SEARCH_BACKEND: 'meilisearch' }, 'MEILI_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL'],
    [{ QUEUE_NAMESPACE: 'Bad-Name' }, 'QUEUE_NAMESPACE'],
    [{ ADMIN_API_TOKEN: 'short' }, 'ADMIN_API_TOKEN'],
    [{ AUTH_TOKEN_SECRET: 'too-short' }, 'AUTH_TOKEN_SECRET'],
    [{ NODE_ENV: 'production' }, 'AUTH_TOKEN_SECRET'],
    [{ PUBLIC_URL: 'modrotisk.si' }, 'PUBLIC_URL'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM'],
    [{ MATCH_WEIGHTS: 'text=2' }, 'MATCH_WEIGHTS'],
    [{ MATCH_WEIGHTS: 'colour=0.5' }, 'MATCH_WEIGHTS'],
    [{ MATCH_THRESHOLD: '1.5' }, 'MATCH_THRESHOLD'],
    [{ MUNICIPAL_REMINDER_DATE: '13-01' }, 'MUNICIPAL_REMINDER_DATE'],
    [{ MUNICIPAL_REMINDER_DATE: '02-30' }, 'MUNICIPAL_REMINDER_DATE'],
  ])('rejects %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.some((p) => p.startsWith(`${variable}:`))).toBe(true);
  });

  it('says exactly what is wrong, once per variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', QUEUE_BACKEND: 'kafka' })).toThrow(
      'Invalid configuration:\n  - PORT: must be an integer number (got "eighty")\n  - QUEUE_BACKEND: must be one of the following values: postgres, redis (got "kafka")',
    );
  });

  it('reads matching weights and threshold', () => {
    expect(loadConfig({ MATCH_WEIGHTS: 'text=0.3, crafts=0.25', MATCH_THRESHOLD: '0.6' }).matching).toEqual({ weights: { text: 0.3, crafts: 0.25 }, threshold: 0.6 });
    expect(loadConfig({}).matching).toEqual({ weights: {}, threshold: 0.5 });
    expect(loadConfig({}).compliance.reminderDate).toEqual({ month: 10, day: 1 });
    expect(loadConfig({ MUNICIPAL_REMINDER_DATE: '02-29' }).compliance.reminderDate).toEqual({ month: 2, day: 29 });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', QUEUE_BACKEND: ' ' }).queue.backend).toBe('postgres');
  });

  it('lists every variable the schema declares', () => {
    const declared = new Set(
      getMetadataStorage().getTargetValidationMetadatas(EnvSchema, '', true, false).map((m) => m.propertyName),
    );
    expect([...declared].sort()).toEqual([...ENV_KEYS].sort());
  });
});
