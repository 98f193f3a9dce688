import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { IdentityErrorCode, IdentityException, SessionsService, type RefreshedSession } from '@app/identity';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators.js';
import { ApiErrorCode } from '../graphql/graphql-errors.js';

/** The refresh token's cookie: HttpOnly, sent only to this controller's path. */
export const REFRESH_COOKIE = 'modrotisk_refresh';
export const SESSION_PATH = '/auth/session';

/**
 * Sessions for the web app. The refresh token never reaches JavaScript: it lives in an HttpOnly,
 * SameSite=Lax cookie (Secure when the public URL is https) scoped to /auth/session; the bodies
 * carry only the short-lived access token. Every request must be JSON (a cross-site form cannot
 * send it without a preflight), so with SameSite=Lax these endpoints are CSRF-safe. API clients
 * keep using the GraphQL `login`/`refreshSession` mutations with Bearer tokens.
 */
@Controller('auth/session')
export class BrowserSessionController {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  async signIn(@Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    if (!this.isJson(req, res)) return;
    const { email, password } = (body ?? {}) as { email?: unknown; password?: unknown };
    if (typeof email !== 'string' || typeof password !== 'string' || email.length > 254 || password.length > 200) {
      res.status(400).set('Cache-Control', 'no-store').json({ error: ApiErrorCode.BadUserInput, message: 'send {"email": "...", "password": "..."}' });
      return;
    }
    await this.answer(res, () => this.sessions.login(email, password, req.ip ?? req.socket.remoteAddress ?? 'unknown'));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.isJson(req, res)) return;
    const token = readCookie(req, REFRESH_COOKIE);
    if (!token) {
      this.fail(res, IdentityException.unauthenticated('no session cookie; sign in'));
      return;
    }
    await this.answer(res, () => this.sessions.refreshWithGrace(token));
  }

  @Public()
  @Post('end')
  @HttpCode(204)
  async end(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.isJson(req, res)) return;
    const token = readCookie(req, REFRESH_COOKIE);
    if (token) await this.sessions.endByRefreshToken(token);
    res.clearCookie(REFRESH_COOKIE, this.cookieOptions()).set('Cache-Control', 'no-store').status(204).end();
  }

  private async answer(res: Response, issue: () => Promise<RefreshedSession>): Promise<void> {
    let session: RefreshedSession;
    try {
      session = await issue();
    } catch (error) {
      if (error instanceof IdentityException) {
        this.fail(res, error);
        return;
      }
      throw error;
    }
    if (session.refreshToken !== null) {
      res.cookie(REFRESH_COOKIE, session.refreshToken, { ...this.cookieOptions(), expires: session.refreshTokenExpiresAt });
    }
    const { account } = session;
    res.status(200).set('Cache-Control', 'no-store').json({
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString(),
      account: { id: account.id, displayName: account.displayName, email: account.email, emailVerified: account.emailVerifiedAt !== null },
    });
  }

  private fail(res: Response, error: IdentityException): void {
    res.set('Cache-Control', 'no-store');
    if (error.code === IdentityErrorCode.Unauthenticated) res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
    switch (error.code) {
      case IdentityErrorCode.RateLimited: {
        const retryAfterSeconds = error.retryAfterSeconds ?? 60;
        res.status(429).set('Retry-After', String(retryAfterSeconds)).json({ error: ApiErrorCode.RateLimited, message: error.message, retryAfterSeconds });
        return;
      }
      case IdentityErrorCode.Unauthenticated:
        res.status(401).json({ error: ApiErrorCode.Unauthenticated, message: error.message });
        return;
      case IdentityErrorCode.InvalidInput:
        res.status(400).json({ error: ApiErrorCode.BadUserInput, message: error.message, field: error.field });
        return;
      case IdentityErrorCode.Forbidden:
        res.status(403).json({ error: ApiErrorCode.Forbidden, message: error.message });
        return;
      case IdentityErrorCode.NotFound:
        res.status(404).json({ error: ApiErrorCode.NotFound, message: error.message });
        return;
      case IdentityErrorCode.InvalidState:
        res.status(409).json({ error: ApiErrorCode.InvalidState, message: error.message });
        return;
      default:
        res.status(500).json({ error: ApiErrorCode.Internal, message: 'internal error' });
    }
  }

  private isJson(req: Request, res: Response): boolean {
    if (req.is('application/json')) return true;
    res.status(415).set('Cache-Control', 'no-store').json({ error: ApiErrorCode.BadUserInput, message: 'send Content-Type: application/json' });
    return false;
  }

  private cookieOptions() {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.config.publicUrl.startsWith('https://'), path: SESSION_PATH };
  }
}

/** One cookie's value from the Cookie header (no cookie-parser needed for one name). */
export function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim()) || null;
      } catch {
        return null;
      }
    }
  }
  return null;
}
