/**
 * jest's globalSetup runs outside the module mapper, so teach Node's resolver what
 * jest.config.js's moduleNameMapper does: `@app/<lib>` -> libs/<lib>/src/index.ts and `./x.js` -> `./x.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Module from 'node:module';

type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
const moduleWithResolve = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolve._resolveFilename;
const root = path.resolve(__dirname, '..');

moduleWithResolve._resolveFilename = function (request: string, parent: unknown, ...rest: unknown[]): string {
  const lib = /^@app\/([a-z-]+)$/.exec(request);
  if (lib) return path.join(root, 'libs', lib[1], 'src', 'index.ts');
  if (request.startsWith('.') && request.endsWith('.js')) {
    const parentFile = (parent as { filename?: string } | undefined)?.filename;
    if (parentFile) {
      const candidate = path.resolve(path.dirname(parentFile), request.slice(0, -3) + '.ts');
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return original.call(this, request, parent, ...rest);
};
