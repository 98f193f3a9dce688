import { Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { randomBytes } from 'node:crypto';

export const TOKEN_SECRET = Symbol('TOKEN_SECRET');

/** AUTH_TOKEN_SECRET; outside production a missing one becomes a per-process secret (sessions end on restart). */
export function tokenSecretFactory(config: AppConfig): string {
  if (config.auth.tokenSecret) return config.auth.tokenSecret;
  if (config.env === 'production') throw new Error('AUTH_TOKEN_SECRET is required in production');
  new Logger('Identity').warn('AUTH_TOKEN_SECRET is not set: using a random secret, so sessions and mailed links end when this process restarts (npm start keeps one in .data)');
  return randomBytes(32).toString('base64url');
}
