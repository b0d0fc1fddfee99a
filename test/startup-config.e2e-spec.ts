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
    [
      { NODE_ENV: 'production', JWT_SECRET: 'change-me-to-a-long-random-secret' },
      'Orleu cannot start: configuration error: JWT_SECRET is a published default: set a long random secret (e.g. openssl rand -base64 48)',
    ],
    [
      { NODE_ENV: 'production', JWT_SECRET: 'only-twenty-six-characters' },
      'Orleu cannot start: configuration error: JWT_SECRET must be at least 32 characters long when NODE_ENV=production',
    ],
    [
      { TRUST_PROXY: 'true' },
      'Orleu cannot start: configuration error: TRUST_PROXY must list proxy addresses (IP or CIDR) or loopback/linklocal/uniquelocal, comma-separated; got "true"',
    ],
  ])('stops with a one-line reason for %j', (env, reason) => {
    const result = run(env);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(reason);
    expect(result.stdout).toBe('');
  });
});
