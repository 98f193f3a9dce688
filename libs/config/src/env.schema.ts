import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

/**
 * Every environment variable the product reads, with its rule. `loadConfig` validates an
 * environment against this class and turns it into the typed `AppConfig`; no other code reads
 * `process.env`.
 */
export class EnvSchema {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  // class-validator checks the bottom decorator first: the type before the range.
  @IsOptional() @Transform(({ value }) => toInt(value)) @Max(65535) @Min(1) @IsInt()
  PORT?: number;

  @IsOptional() @IsString() @Matches(/^[0-9a-zA-Z.:-]+$/, { message: 'must be a host name or IP address' })
  HOST?: string;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @IsOptional() @IsIn(['postgres', 'redis'])
  QUEUE_BACKEND?: 'postgres' | 'redis';

  @ValidateIf((env: EnvSchema) => env.QUEUE_BACKEND === 'redis' || env.REDIS_URL !== undefined)
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL (required when QUEUE_BACKEND=redis)' })
  REDIS_URL?: string;

  @IsOptional() @Matches(/^[a-z][a-z0-9_]{0,30}$/, { message: 'must be 1-31 characters of a-z, 0-9 and _, starting with a letter' })
  QUEUE_NAMESPACE?: string;

  @IsOptional() @IsIn(['embedded', 'meilisearch'])
  SEARCH_BACKEND?: 'embedded' | 'meilisearch';

  @ValidateIf((env: EnvSchema) => env.SEARCH_BACKEND === 'meilisearch' || env.MEILI_URL !== undefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http:// or https:// URL (required when SEARCH_BACKEND=meilisearch)' })
  MEILI_URL?: string;

  @IsOptional() @IsString()
  MEILI_MASTER_KEY?: string;

  /** A Meilisearch API key for ordinary operations (search, documents); without it one is derived from MEILI_MASTER_KEY. */
  @IsOptional() @IsString()
  MEILI_API_KEY?: string;

  @IsOptional() @Matches(/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\]|[0-9a-zA-Z.-]+):\d+\/?$/, {
    message: 'must be http://host:port (the embedded search engine address)',
  })
  EMBEDDED_SEARCH_URL?: string;

  @IsOptional() @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional() @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL?: 'debug' | 'info' | 'warn' | 'error';

  @IsOptional() @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  @IsOptional() @IsIn(['true', 'false'])
  SEED_DEMO_DATA?: 'true' | 'false';

  @IsOptional() @Transform(({ value }) => toInt(value)) @Max(60000) @Min(10) @IsInt()
  OUTBOX_POLL_MS?: number;

  @IsOptional() @Transform(({ value }) => toInt(value)) @Max(200 * 1024 * 1024) @Min(1024) @IsInt()
  MAX_ATTACHMENT_BYTES?: number;

  /** Portfolio images (PNG, JPEG, WebP) of creative profiles; default 5 MiB. */
  @IsOptional() @Transform(({ value }) => toInt(value)) @Max(50 * 1024 * 1024) @Min(1024) @IsInt()
  MAX_PORTFOLIO_IMAGE_BYTES?: number;

  @IsOptional() @Matches(/^[A-Za-z0-9_-]{24,200}$/, { message: 'must be 24-200 characters of A-Z, a-z, 0-9, _ or -' })
  ADMIN_API_TOKEN?: string;

  @ValidateIf((env: EnvSchema) => env.NODE_ENV === 'production' || env.AUTH_TOKEN_SECRET !== undefined)
  @Matches(/^\S{32,200}$/, { message: 'must be 32-200 characters without spaces (required in production)' })
  AUTH_TOKEN_SECRET?: string;

  @IsOptional() @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'must be an http:// or https:// URL' })
  PUBLIC_URL?: string;

  @IsOptional() @Matches(/^[^\r\n<>]*<?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'must be an address, e.g. Modrotisk <no-reply@example.si>' })
  MAIL_FROM?: string;

  @IsOptional() @Matches(/^\s*[A-Za-z]+\s*=\s*(0(\.\d+)?|1(\.0+)?)\s*(,\s*[A-Za-z]+\s*=\s*(0(\.\d+)?|1(\.0+)?)\s*)*$/, { message: 'must be factor=weight pairs, e.g. text=0.3,crafts=0.25 (weights from 0 to 1)' })
  MATCH_WEIGHTS?: string;

  @IsOptional() @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a day of the year as MM-DD, e.g. 10-01' })
  MUNICIPAL_REMINDER_DATE?: string;

  @IsOptional() @Transform(({ value }) => toInt(value)) @Max(65535) @Min(1) @IsInt()
  MAIL_CATCHER_PORT?: number;

  @IsOptional() @Transform(({ value }) => toInt(value)) @Max(65535) @Min(1) @IsInt()
  MAIL_CATCHER_WEB_PORT?: number;

  @IsOptional() @Matches(/^(0(\.\d+)?|1(\.0+)?)$/, { message: 'must be a number from 0 to 1, e.g. 0.5' })
  MATCH_THRESHOLD?: string;
}

function toInt(value: unknown): unknown {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim())) return value;
  return Number(value.trim());
}
