import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, [join(process.cwd(), 'dist/src/main.js')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('start-up configuration (e2e)', () => {
  it.each([
    [{ PORT: 'eighty' }, 'Orleu cannot start: configuration error: PORT must be an integer, got "eighty"'],
    [
      { DATABASE_URL: 'mysql://root@localhost/orleu' },
      'Orleu cannot start: configuration error: DATABASE_URL must use the postgres:// scheme, got mysql://',
    ],
  ])('stops with a one-line reason for %j', (env, reason) => {
    const result = run(env);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(reason);
    expect(result.stdout).toBe('');
  });
});
