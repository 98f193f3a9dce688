#!/usr/bin/env node
// Completes package-lock.json with entries for optional, platform-specific packages (other
// operating systems' native binaries) that npm leaves out when the registry it can reach does not
// serve them. Without those entries `npm ci` refuses the lock file ("Missing: … from lock file").
// The entries are marked optional; npm never installs them on a platform they are not built for,
// and skips them if they cannot be fetched. Run after every `npm install` that changes the lock:
//   npm install && node scripts/tools/complete-lockfile.mjs
import fs from 'node:fs';

const file = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    packages[hoisted] = { version: spec.replace(/^[\^~=]/, ''), optional: true, ...(entry.dev ? { dev: true } : {}) };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entr${added === 1 ? 'y' : 'ies'}`);
