import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { type Application, type NextFunction, type Request, type Response, text } from 'express';
import { IMPORT_MAX_BYTES } from '@app/marketplace';
import { CREATIVE_IMPORT_PATH } from '../onboarding/creative-import.controller.js';
import helmet from 'helmet';
import { ApiErrorCode } from '../graphql/graphql-errors.js';
import { HTML_PAGE_ROUTES, sendHtmlPage } from './html-page.js';
import { malformedQueryKeys } from './query.js';

/**
 * Everything about HTTP that holds for every response, in one place: `main.ts` and the e2e test
 * app both call it, so the tests see the headers production sends.
 *  - Security headers (helmet): a Content-Security-Policy for an API that will also serve a React
 *    SPA from the same origin (scripts only from it, never framed), `Referrer-Policy: no-referrer`
 *    (unsubscribe links carry a token), `X-Content-Type-Options: nosniff`, no `X-Powered-By`; HSTS
 *    and upgrade-insecure-requests only when the public URL is https.
 *  - Bodies: 100 kB of JSON everywhere (Nest's parser), except the creative import upload, whose
 *    CSV or JSON file is read as text up to a little over the import's own 2 MB limit (so the
 *    import answers "too big" in its own words up to there, and the parser with 413 beyond).
 *  - Query strings: Express's `simple` parser (no `a[b]=c` objects), and a request whose query
 *    has a parameter more than once is refused with 400 before any controller sees it (HTML on
 *    the HTML pages, JSON elsewhere).
 */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const express = app.getHttpAdapter().getInstance() as Application;
  express.disable('x-powered-by');
  express.set('query parser', 'simple');
  express.use(CREATIVE_IMPORT_PATH, text({ type: ['text/csv', 'text/plain', 'application/json'], limit: IMPORT_MAX_BYTES + 512 * 1024, defaultCharset: 'utf-8' }));
  app.use(config.env === 'development' ? withGraphiqlPolicy(config) : securityHeaders(config));
  app.use(refuseMalformedQuery);
}

export function securityHeaders(config: Pick<AppConfig, 'publicUrl'>) {
  const https = config.publicUrl.startsWith('https://');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}

const GRAPHIQL_PATH = '/graphql';
/** The unpkg.com files GraphiQL loads; development only. */
const GRAPHIQL_SOURCES = ['https://unpkg.com'];

/**
 * Development's GraphiQL page (GET /graphql, see app.module) loads React and GraphiQL from unpkg.com
 * and starts them with an inline script: its own, wider CSP on that path only. The SPA's pages keep
 * the strict policy, and production has no GraphiQL page at all.
 */
function withGraphiqlPolicy(config: Pick<AppConfig, 'publicUrl'>) {
  const strict = securityHeaders(config);
  const relaxed = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'", ...GRAPHIQL_SOURCES],
      styleSrc: ["'self'", "'unsafe-inline'", ...GRAPHIQL_SOURCES],
      imgSrc: ["'self'", 'data:', ...GRAPHIQL_SOURCES],
      fontSrc: ["'self'", 'data:', ...GRAPHIQL_SOURCES],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path !== GRAPHIQL_PATH) return strict(req, res, next);
    // Everything else from helmet as usual; the policy header is replaced by the wider one.
    strict(req, res, () => relaxed(req, res, next));
  };
}

function refuseMalformedQuery(req: Request, res: Response, next: NextFunction): void {
  const bad = malformedQueryKeys(req.query);
  if (bad.length === 0) return next();
  const message = `give each query parameter once, as plain text (${bad.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')})`;
  if (HTML_PAGE_ROUTES.includes(req.path.replace(/\/+$/, ''))) {
    sendHtmlPage(res, 400, '<p>Ta povezava ni veljavna. / This link is not valid.</p>');
    return;
  }
  res.status(400).set('Cache-Control', 'no-store').json({ error: ApiErrorCode.BadUserInput, message });
}
