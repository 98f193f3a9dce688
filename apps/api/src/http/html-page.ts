import type { Response } from 'express';

/** The few HTML pages the API serves itself (opened from mail): no scripts, no framing, forms only to the same origin. */
export const HTML_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Routes that answer with an HTML page, so a malformed request there gets an HTML page too. */
export const HTML_PAGE_ROUTES: readonly string[] = ['/notifications/unsubscribe'];

export const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A small bilingual page; `body` is HTML the caller has escaped. */
export function sendHtmlPage(res: Response, status: number, body: string): void {
  res.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': HTML_PAGE_CSP })
    .send(`<!doctype html><html lang="sl"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Modrotisk</title><body style="font-family:sans-serif;max-width:36em;margin:2em auto">${body}</body></html>`);
}
