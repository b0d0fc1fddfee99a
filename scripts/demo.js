// `npm run demo`: builds the server (and the client apps the printed URLs open) when a build is missing or older
// than a source file, then runs the demo.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const target = 'dist/src/demo/main.js';
const clientTarget = 'client/dist/judge/index.html';

function newestSource(dir, extensions = ['.ts']) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, extensions));
    else if (extensions.some((e) => entry.name.endsWith(e))) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function build(what, command, args) {
  process.stdout.write(`Building ${what}…\n`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const stale = !existsSync(target) || ['src', 'migrations'].some((dir) => newestSource(dir) > statSync(target).mtimeMs);
if (stale) build('the server', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
// Without the client build the audience, board, console and judge URLs the demo prints would answer 404.
const clientStale =
  !existsSync(clientTarget) ||
  ['client/src', 'client/judge', 'client/board', 'client/console'].some(
    (dir) => newestSource(dir, ['.ts', '.tsx', '.css', '.html']) > statSync(clientTarget).mtimeMs,
  );
if (clientStale) build('the client apps', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:client']);
const run = spawnSync(process.execPath, [target, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
