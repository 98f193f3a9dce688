import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import * as path from 'node:path';
import { type AppConfig, DEFAULT_EMBEDDED_SEARCH_URL, MATCH_FACTOR_KEYS, type MatchFactorKey } from './app-config.js';
import { EnvSchema } from './env.schema.js';

/** Every variable `EnvSchema` declares (kept in step with it by config.spec.ts). */
export const ENV_KEYS = [
  'NODE_ENV', 'PORT', 'HOST', 'DATABASE_URL', 'DATA_DIR', 'QUEUE_BACKEND', 'QUEUE_NAMESPACE', 'REDIS_URL', 'SEARCH_BACKEND',
  'MEILI_URL', 'MEILI_MASTER_KEY', 'MEILI_API_KEY', 'EMBEDDED_SEARCH_URL', 'SMTP_URL', 'LOG_LEVEL', 'LOG_FORMAT',
  'SEED_DEMO_DATA', 'OUTBOX_POLL_MS', 'ADMIN_API_TOKEN', 'MAX_ATTACHMENT_BYTES', 'MAX_PORTFOLIO_IMAGE_BYTES',
  'AUTH_TOKEN_SECRET', 'PUBLIC_URL', 'MAIL_FROM', 'MATCH_WEIGHTS', 'MATCH_THRESHOLD',
  'MAIL_CATCHER_PORT', 'MAIL_CATCHER_WEB_PORT', 'MUNICIPAL_REMINDER_DATE',
] as const satisfies readonly (keyof EnvSchema)[];

/** Raised when the environment is invalid; `problems` name each variable and what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates an environment and builds the typed config. Empty strings count as unset, so
 * `FOO= npm start` behaves like not setting FOO. Pure: pass any record (tests do).
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of ENV_KEYS) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') raw[key] = value.trim();
  }
  const parsed = plainToInstance(EnvSchema, raw);
  const errors = validateSync(parsed, { whitelist: true, forbidUnknownValues: true, stopAtFirstError: true });
  if (errors.length > 0) throw new ConfigError(errors.flatMap(describe));

  const weights = matchWeights(parsed.MATCH_WEIGHTS);
  const nodeEnv = parsed.NODE_ENV ?? 'development';
  const queueBackend = parsed.QUEUE_BACKEND ?? 'postgres';
  const searchBackend = parsed.SEARCH_BACKEND ?? 'embedded';
  return Object.freeze({
    env: nodeEnv,
    http: { host: parsed.HOST ?? '127.0.0.1', port: parsed.PORT ?? 3000 },
    dataDir: path.resolve(cwd, parsed.DATA_DIR ?? '.data'),
    database: { url: parsed.DATABASE_URL ?? null },
    queue:
      queueBackend === 'redis'
        ? { backend: 'redis', redisUrl: parsed.REDIS_URL as string, namespace: parsed.QUEUE_NAMESPACE ?? 'modrotisk' }
        : { backend: 'postgres', connectionString: parsed.DATABASE_URL ?? null, namespace: parsed.QUEUE_NAMESPACE ?? 'modrotisk' },
    search:
      searchBackend === 'meilisearch'
        ? { backend: 'meilisearch', url: parsed.MEILI_URL as string, apiKey: parsed.MEILI_API_KEY || null, masterKey: parsed.MEILI_MASTER_KEY ?? null }
        : { backend: 'embedded', url: parsed.EMBEDDED_SEARCH_URL ?? DEFAULT_EMBEDDED_SEARCH_URL },
    mail: {
      smtpUrl: parsed.SMTP_URL ?? null,
      dropDir: path.resolve(cwd, parsed.DATA_DIR ?? '.data', 'mail'),
      from: parsed.MAIL_FROM ?? 'Modrotisk <no-reply@modrotisk.localhost>',
    },
    compliance: { reminderDate: reminderDate(parsed.MUNICIPAL_REMINDER_DATE ?? '10-01') },
    mailCatcher: { smtpPort: parsed.MAIL_CATCHER_PORT ?? 1025, webPort: parsed.MAIL_CATCHER_WEB_PORT ?? 1080 },
    publicUrl: (parsed.PUBLIC_URL ?? `http://${parsed.HOST ?? '127.0.0.1'}:${parsed.PORT ?? 3000}`).replace(/\/+$/, ''),
    log: { level: parsed.LOG_LEVEL ?? 'info', format: parsed.LOG_FORMAT ?? 'json' },
    seedDemoData: (parsed.SEED_DEMO_DATA ?? (nodeEnv === 'production' ? 'false' : 'true')) === 'true',
    outbox: { pollMs: parsed.OUTBOX_POLL_MS ?? 250 },
    auth: { adminToken: parsed.ADMIN_API_TOKEN ?? null, tokenSecret: parsed.AUTH_TOKEN_SECRET ?? null },
    attachments: { dir: path.resolve(cwd, parsed.DATA_DIR ?? '.data', 'attachments'), maxBytes: parsed.MAX_ATTACHMENT_BYTES ?? 20 * 1024 * 1024, maxImageBytes: parsed.MAX_PORTFOLIO_IMAGE_BYTES ?? 5 * 1024 * 1024 },
    matching: { weights, threshold: parsed.MATCH_THRESHOLD === undefined ? 0.5 : Number(parsed.MATCH_THRESHOLD) },
  } satisfies AppConfig);
}

/** "10-01" → 1 October; a day no year has (e.g. 02-30) fails like any bad variable. */
function reminderDate(value: string): { month: number; day: number } {
  const [month, day] = value.split('-').map(Number);
  if (day > new Date(Date.UTC(2024, month, 0)).getUTCDate()) throw new ConfigError([`MUNICIPAL_REMINDER_DATE: ${value} is not a day of the year`]);
  return { month, day };
}

/** "text=0.3,crafts=0.25" → { text: 0.3, crafts: 0.25 }; unknown factors fail like any bad variable. */
function matchWeights(value: string | undefined): Partial<Record<MatchFactorKey, number>> {
  const weights: Partial<Record<MatchFactorKey, number>> = {};
  for (const pair of value ? value.split(',') : []) {
    const [key, weight] = pair.split('=').map((s) => s.trim());
    if (!(MATCH_FACTOR_KEYS as readonly string[]).includes(key)) throw new ConfigError([`MATCH_WEIGHTS: unknown factor '${key}' (known: ${MATCH_FACTOR_KEYS.join(', ')})`]);
    weights[key as MatchFactorKey] = Number(weight);
  }
  return weights;
}

/** The environment for a child process: this one's, plus overrides (used by the launcher). */
export function childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/** The process environment's config, built once. The only reader of `process.env`. */
let cached: AppConfig | undefined;
export function getConfig(): AppConfig {
  cached ??= loadConfig(process.env);
  return cached;
}

/** For entry points: load the config or print what is wrong and exit with status 78 (EX_CONFIG). */
export function getConfigOrExit(processName: string): AppConfig {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${processName}: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

function describe(error: ValidationError): string[] {
  const value = error.value === undefined ? 'unset' : `got ${JSON.stringify(error.value)}`;
  return Object.values(error.constraints ?? {}).map((msg) => `${error.property}: ${stripProperty(msg, error.property)} (${value})`);
}

function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
