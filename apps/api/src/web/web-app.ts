import { Inject, Injectable, Module, type MiddlewareConsumer, type NestMiddleware, type NestModule, RequestMethod } from '@nestjs/common';
import { ChallengesService, MarketplaceModule } from '@app/marketplace';
import { ANONYMOUS } from '@app/identity';
import type { NextFunction, Request, Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeHtml } from '../http/html-page.js';

/** Where the built web app is (`vite build` writes dist/web; `npm start` runs from the repository root). */
export const WEB_ROOT = Symbol('WEB_ROOT');

/**
 * Paths the API answers itself; every other GET is the web app. Keep in step with the controllers
 * (health, GraphQL, browser sessions, downloads, feeds, the unsubscribe page, uploads).
 */
export const API_PATHS: readonly RegExp[] = [
  /^\/graphql(\/|$)/,
  /^\/health\/?$/,
  /^\/ready\/?$/,
  /^\/metrics\//,
  /^\/auth\/session(\/|$)/,
  /^\/attachments\//,
  /^\/account\/export\/?$/,
  /^\/notifications\/unsubscribe(\/|$)/,
  /^\/reports\//,
  /^\/events\/[^/]+\/(agenda\.ics|schedule\.csv)$/,
  /^\/(challenges|proposals)\/[^/]+\/attachments\/?$/,
];

export const isApiPath = (pathname: string) => API_PATHS.some((pattern) => pattern.test(pathname));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OG_BLOCK = /<!--og-->[\s\S]*?<!--\/og-->/;

/**
 * Serves the built single-page app from the API's origin: hashed assets with a year's cache, other
 * files in the root (favicon), and index.html for every other GET that is not the API (the SPA
 * fallback: mailed links such as /verify-email?token=… land on real pages). A public challenge's
 * page gets its own Open Graph tags in the HTML shell, so shared links preview well.
 * Without a build (dist/web/index.html missing) it steps aside and the API answers as before.
 */
@Injectable()
export class WebAppMiddleware implements NestMiddleware {
  private shell: { html: string; mtimeMs: number } | null = null;

  constructor(
    @Inject(WEB_ROOT) private readonly root: string,
    private readonly challenges: ChallengesService,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    const shell = this.loadShell();
    if (shell === null) return next();
    if (req.path.startsWith('/assets/') || /^\/[^/]+\.[a-z0-9]+$/i.test(req.path)) {
      this.sendFile(req, res, next);
      return;
    }
    void this.withOpenGraph(shell, req.path).then(
      (html) => {
        res.status(200).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).send(html);
      },
      () => res.status(200).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).send(shell),
    );
  }

  /** index.html, read again when a new build replaced it (its asset names change with every build). */
  private loadShell(): string | null {
    const file = path.join(this.root, 'index.html');
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      return null;
    }
    if (this.shell?.mtimeMs !== mtimeMs) this.shell = { html: fs.readFileSync(file, 'utf8'), mtimeMs };
    return this.shell.html;
  }

  private sendFile(req: Request, res: Response, next: NextFunction): void {
    const relative = path.normalize(decodeURIComponent(req.path)).replace(/^([/\\])+/, '');
    if (relative.startsWith('..') || relative === 'index.html') return next();
    const immutable = relative.startsWith(`assets${path.sep}`);
    res.sendFile(relative, { root: this.root, dotfiles: 'deny', maxAge: immutable ? 365 * 24 * 3600_000 : 3600_000, immutable }, (error) => {
      if (error && !res.headersSent) next();
    });
  }

  private async withOpenGraph(shell: string, pathname: string): Promise<string> {
    const id = /^\/challenges\/([^/]+)\/?$/.exec(pathname)?.[1];
    if (!id || !UUID.test(id)) return shell;
    const challenge = await this.challenges.get(ANONYMOUS, id);
    const title = challenge.titleSl ?? challenge.titleEn ?? 'Modrotisk';
    const brief = (challenge.briefSl ?? challenge.briefEn ?? '').replace(/\s+/g, ' ').trim();
    const description = brief.length > 200 ? `${brief.slice(0, 197)}…` : brief;
    const tags = [
      `<meta property="og:site_name" content="Modrotisk" />`,
      `<meta property="og:type" content="article" />`,
      `<meta property="og:title" content="${escapeHtml(title)}" />`,
      `<meta property="og:description" content="${escapeHtml(description)}" />`,
      `<meta name="description" content="${escapeHtml(description)}" />`,
      `<meta name="twitter:card" content="summary" />`,
    ].join('\n    ');
    return shell.replace(OG_BLOCK, tags).replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)} – Modrotisk</title>`);
  }
}

@Module({
  imports: [MarketplaceModule],
  providers: [{ provide: WEB_ROOT, useFactory: () => path.resolve(process.cwd(), 'dist', 'web') }, WebAppMiddleware],
})
export class WebAppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebAppMiddleware).forRoutes({ path: '{*splat}', method: RequestMethod.GET });
  }
}
