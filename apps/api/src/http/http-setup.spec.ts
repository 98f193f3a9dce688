import express from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { attachmentDisposition, safeFileName } from './content-disposition.js';
import { securityHeaders } from './http-setup.js';
import { malformedQueryKeys, singleQueryValue } from './query.js';

/** Any UTF-16 code unit, lone surrogates and controls included, mixed with the characters that matter in headers. */
const anyText = fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.constantFrom('\r', '\n', '"', ';', '\\', '/', '%', "'", '\u202e', '.', 'č', '😀')), maxLength: 300 });

describe('Content-Disposition for downloads', () => {
  it('has an ASCII filename and the exact name as filename* (RFC 6266, 8187)', () => {
    expect(attachmentDisposition('modrotisk-schedule.csv')).toBe(`attachment; filename="modrotisk-schedule.csv"; filename*=UTF-8''modrotisk-schedule.csv`);
    expect(attachmentDisposition('Šablone (končne).pdf')).toBe(`attachment; filename="Sablone (koncne).pdf"; filename*=UTF-8''%C5%A0ablone%20%28kon%C4%8Dne%29.pdf`);
  });

  it('cannot break out of the header, forge a parameter, reach another folder or hide the extension', () => {
    expect(attachmentDisposition('a"; filename="evil.exe\r\nSet-Cookie: x=1')).toBe(`attachment; filename="a__ filename=_evil.exeSet-Cookie_ x=1"; filename*=UTF-8''a_%3B%20filename%3D_evil.exeSet-Cookie_%20x%3D1`);
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    expect(attachmentDisposition('\r\n\u0000...', 'modrotisk.csv')).toContain('filename="modrotisk.csv"');
  });

  it('for any name: one header line of printable ASCII, a quoted filename without quotes inside, filename* that decodes to the cleaned name', () => {
    fc.assert(fc.property(anyText, (name) => {
      const header = attachmentDisposition(name);
      expect(header).toMatch(/^attachment; filename="[\x20\x21\x23-\x5b\x5d-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
      const encoded = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? '';
      const decoded = decodeURIComponent(encoded);
      expect(decoded).toBe(safeFileName(name) || 'download');
      expect(decoded).not.toMatch(/[\p{Cc}\p{Cf}/\\]/u);
      expect(decoded.startsWith('.')).toBe(false);
      expect([...decoded].length).toBeLessThanOrEqual(150);
    }), { numRuns: 500 });
  });
});

describe('query parameters', () => {
  it('accepts only parameters that are given once as text', () => {
    expect(malformedQueryKeys({ token: 'a', year: '2026' })).toEqual([]);
    expect(malformedQueryKeys({ token: ['a', 'b'], year: '2026', a: { b: 'c' } })).toEqual(['token', 'a']);
    expect(malformedQueryKeys(undefined)).toEqual([]);
    expect(singleQueryValue('a')).toBe('a');
    expect(singleQueryValue(undefined)).toBeUndefined();
    expect(singleQueryValue(['a', 'b'])).toBeNull();
    expect(singleQueryValue({ a: 'b' })).toBeNull();
  });
});

describe('security headers', () => {
  const appWith = (publicUrl: string) => express().use(securityHeaders({ publicUrl })).get('/', (_req, res) => void res.send('ok'));

  it('sends HSTS and upgrade-insecure-requests only when the public URL is https', async () => {
    const https = await request(appWith('https://modrotisk.si')).get('/');
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(https.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    const http = await request(appWith('http://127.0.0.1:3000')).get('/');
    expect(http.headers['strict-transport-security']).toBeUndefined();
    expect(http.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    for (const res of [https, http]) {
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self';.*script-src 'self';.*frame-ancestors 'none'/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
