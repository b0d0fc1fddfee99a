import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, KNOWN_DEFAULT_SECRETS, validateEnv } from './env.js';

const STRONG = 'x7Vq2mR9pL4sT8wZ1cN6bH3jK5dF0gYa';

describe('validateEnv', () => {
  it('applies defaults for an empty environment', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      adminUsername: 'admin',
      logLevel: 'info',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer, got "abc"'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535, got 70000'],
    [{ PORT: '-1' }, 'PORT must be an integer, got "-1"'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL like postgres://user:password@host:5432/database'],
    [{ DATABASE_URL: 'mysql://u:p@h/db' }, 'DATABASE_URL must use the postgres:// scheme, got mysql://'],
    [{ DATABASE_URL: 'postgres://u:p@localhost' }, 'DATABASE_URL must name a database, e.g. postgres://…/orleu'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must use the redis:// or rediss:// scheme, got localhost://'],
    [{ REDIS_URL: '::' }, 'REDIS_URL must be a URL like redis://host:6379'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 8 characters long'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET must be set when NODE_ENV=production'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'change-me-to-a-long-random-secret' }, 'JWT_SECRET is a published default'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'orleu-test-secret-0123456789' }, 'JWT_SECRET is a published default'],
    [
      { NODE_ENV: 'production', JWT_SECRET: 'a-31-characters-long-secret-xyz' },
      'JWT_SECRET must be at least 32 characters long',
    ],
    [
      { NODE_ENV: 'production', JWT_SECRET: STRONG, ADMIN_PASSWORD: 'change-me-please' },
      'ADMIN_PASSWORD is a published default',
    ],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY must list proxy addresses (IP or CIDR) or loopback/linklocal/uniquelocal'],
    [{ TRUST_PROXY: '10.0.0.1/40' }, 'got "10.0.0.1/40"'],
    [{ TRUST_PROXY: '2' }, 'got "2"'],
    [{ CORS_ORIGINS: 'https://orleu.kz/app' }, 'CORS_ORIGINS must list origins like'],
    [{ CORS_ORIGINS: '*' }, 'got "*"'],
  ])('rejects %j with a one-line reason', (raw, reason) => {
    expect(() => validateEnv(raw)).toThrow(ConfigError);
    expect(() => validateEnv(raw)).toThrow(reason);
    expect(reason).not.toContain('\n');
  });

  it('accepts a real server URL and a port', () => {
    const env = validateEnv({ PORT: '8080', DATABASE_URL: 'postgresql://orleu:secret@127.0.0.1:5432/orleu' });
    expect(env.port).toBe(8080);
    expect(env.databaseUrl).toBe('postgresql://orleu:secret@127.0.0.1:5432/orleu');
  });

  it('accepts a strong production secret, proxies and origins', () => {
    const env = validateEnv({
      NODE_ENV: 'production',
      JWT_SECRET: STRONG,
      TRUST_PROXY: '10.0.0.0/8, loopback,::1',
      CORS_ORIGINS: 'https://orleu.kz,http://localhost:5173',
    });
    expect(env.trustProxy).toEqual(['10.0.0.0/8', 'loopback', '::1']);
    expect(env.corsOrigins).toEqual(['https://orleu.kz', 'http://localhost:5173']);
    expect(validateEnv({}).trustProxy).toBe(false);
  });

  it('knows every secret default this repository publishes', () => {
    // `${JWT_SECRET:-…}` / `${ADMIN_PASSWORD:-…}` defaults in compose files and docs, and the test suite's secret.
    const published = ['docker-compose.yml', 'README.md', 'test/support/test-app.ts']
      .map((file) => readFileSync(file, 'utf8'))
      .flatMap((text) => [
        ...[...text.matchAll(/\$\{(?:JWT_SECRET|ADMIN_PASSWORD):-([^}]+)\}/g)].map((m) => m[1]),
        ...[...text.matchAll(/(?:JWT_SECRET|password): '([^']+)'/g)].map((m) => m[1]),
      ]);
    expect(published.length).toBeGreaterThan(0);
    for (const secret of published) expect(KNOWN_DEFAULT_SECRETS).toContain(secret);
  });
});
