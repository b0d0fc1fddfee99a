// Bundle report: the JavaScript each app's page loads (its entry and every chunk it imports), gzipped, against its
// budget. Fails the build when an app is over budget. Run after `vite build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const BUDGETS_KB = { judge: 80, board: 100, console: 80 };

const html = (app) => readFileSync(join(dist, app, 'index.html'), 'utf8');
const scriptsOf = (page) =>
  [...page.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const importsOf = (file) =>
  [...readFileSync(join(dist, file), 'utf8').matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)].map((m) => `assets/${m[1]}`);

let failed = false;
for (const [app, budget] of Object.entries(BUDGETS_KB)) {
  const seen = new Set();
  const queue = scriptsOf(html(app));
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  let raw = 0;
  let gz = 0;
  for (const file of seen) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const kb = (n) => (n / 1024).toFixed(1);
  const ok = gz / 1024 <= budget;
  failed ||= !ok;
  process.stdout.write(
    `bundle ${app}: ${seen.size} JS file(s), ${kb(raw)} KB raw, ${kb(gz)} KB gzipped (budget ${budget} KB) ${ok ? 'OK' : 'OVER BUDGET'}\n`,
  );
}
if (failed) process.exit(1);
