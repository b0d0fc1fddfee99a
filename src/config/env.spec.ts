import { describe, expect, it } from '@jest/globals';
import { ConfigError, validateEnv } from './env.js';

describe('validateEnv', () => {
  it('applies defaults for an empty environment', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: './data', adminUsername: 'admin', logLevel: 'info' });
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
});
