import { isIP } from 'node:net';

/** Start-up configuration, validated once; a bad value stops start-up with a one-line reason. */
export interface Env {
  port: number;
  databaseUrl: string | undefined;
  /** Live events between instances go through Redis when set (else through PostgreSQL when DATABASE_URL is set). */
  redisUrl: string | undefined;
  dataDir: string;
  adminUsername: string;
  adminPassword: string | undefined;
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  production: boolean;
  /** Express `trust proxy`: the proxies whose X-Forwarded-For is believed; false = none (the socket's address). */
  trustProxy: string[] | false;
  /** Origins allowed to call the API from a browser on another origin; empty = same origin only. */
  corsOrigins: string[];
  /** Graceful shutdown waits this long for open connections, then cuts them. */
  shutdownDeadlineMs: number;
  live: LiveLimits;
}

/** Bounds on what one live client may cost the server. */
export interface LiveLimits {
  connectionsPerAddress: number;
  subscriptionsPerSocket: number;
  /** `subscribe` requests per socket per minute. */
  subscribesPerMinute: number;
  /** A resume further behind than this gets a fresh snapshot instead of the missed events. */
  maxReplay: number;
  /** A socket with more than this waiting to be sent (it stopped reading) is dropped. */
  maxBufferedBytes: number;
}

/**
 * Secrets published in this repository (docker-compose defaults, README examples, the test suite's): a
 * production server signing tokens with one of them accepts tokens anyone can forge.
 */
export const KNOWN_DEFAULT_SECRETS = [
  'change-me-to-a-long-random-secret',
  'change-me-please',
  'orleu-test-secret-0123456789',
  'organiser-password',
];
/** Shortest JWT_SECRET production accepts: 32 characters (≥ 160 bits even from a small alphabet). */
export const MIN_PRODUCTION_SECRET = 32;
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** An optional URL setting: unset → undefined; otherwise a URL of one of `schemes` that names a host. */
function urlSetting(
  raw: string | undefined,
  name: string,
  example: string,
  schemes: string[],
  schemeText: string,
): URL | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL like ${example}`);
  }
  if (!schemes.includes(url.protocol))
    throw new ConfigError(`${name} must use the ${schemeText} scheme, got ${url.protocol}//`);
  if (!url.hostname) throw new ConfigError(`${name} must name a host`);
  return url;
}

function databaseUrl(raw: string | undefined): string | undefined {
  const url = urlSetting(
    raw,
    'DATABASE_URL',
    'postgres://user:password@host:5432/database',
    ['postgres:', 'postgresql:'],
    'postgres://',
  );
  if (url && url.pathname.length <= 1)
    throw new ConfigError('DATABASE_URL must name a database, e.g. postgres://…/orleu');
  return url ? raw : undefined;
}

function redisUrl(raw: string | undefined): string | undefined {
  return urlSetting(raw, 'REDIS_URL', 'redis://host:6379', ['redis:', 'rediss:'], 'redis:// or rediss://')
    ? raw
    : undefined;
}

/** A comma-separated list of proxy addresses (IP or CIDR) or names (loopback, linklocal, uniquelocal). */
function trustProxy(raw: string | undefined): string[] | false {
  if (raw === undefined || raw.trim() === '' || raw.trim() === 'false') return false;
  const entries = raw.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.includes(entry) && (!family || !validBits || extra !== undefined)) {
      throw new ConfigError(
        `TRUST_PROXY must list proxy addresses (IP or CIDR) or ${PROXY_NAMES.join('/')}, comma-separated; got "${entry}"`,
      );
    }
  }
  return entries;
}

function corsOrigins(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin) {
      throw new ConfigError(
        `CORS_ORIGINS must list origins like https://orleu.example.kz (no path), comma-separated; got "${origin}"`,
      );
    }
    return origin;
  });
}

/** In production: no secret this repository publishes, and JWT_SECRET long enough not to be guessed. */
function refuseWeakSecrets(jwtSecret: string | undefined, adminPassword: string | undefined): void {
  if (!jwtSecret) throw new ConfigError('JWT_SECRET must be set when NODE_ENV=production');
  if (KNOWN_DEFAULT_SECRETS.includes(jwtSecret)) {
    throw new ConfigError('JWT_SECRET is a published default: set a long random secret (e.g. openssl rand -base64 48)');
  }
  if (jwtSecret.length < MIN_PRODUCTION_SECRET) {
    throw new ConfigError(
      `JWT_SECRET must be at least ${MIN_PRODUCTION_SECRET} characters long when NODE_ENV=production`,
    );
  }
  if (adminPassword !== undefined && KNOWN_DEFAULT_SECRETS.includes(adminPassword)) {
    throw new ConfigError('ADMIN_PASSWORD is a published default: choose your own');
  }
}

export function validateEnv(raw: Record<string, string | undefined>): Env {
  const production = raw.NODE_ENV === 'production';
  const logLevel = (raw.LOG_LEVEL ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw.LOG_LEVEL}"`);
  }
  const adminPassword = raw.ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 8 characters long');
  }
  const jwtSecret = raw.JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 16) {
    throw new ConfigError('JWT_SECRET must be at least 16 characters long');
  }
  if (production) refuseWeakSecrets(jwtSecret, adminPassword);
  return {
    port: integer(raw.PORT, 'PORT', 3000, 0, 65535),
    databaseUrl: databaseUrl(raw.DATABASE_URL),
    redisUrl: redisUrl(raw.REDIS_URL),
    dataDir: raw.DATA_DIR || './data',
    adminUsername: raw.ADMIN_USERNAME || 'admin',
    adminPassword,
    jwtSecret,
    // 16 h: a tournament day from 7:00 to 23:00 on one sign-in; a judge tablet renews with its link after that.
    jwtTtlSeconds: integer(raw.JWT_TTL_SECONDS, 'JWT_TTL_SECONDS', 16 * 3600, 60, 30 * 24 * 3600),
    logLevel: logLevel as Env['logLevel'],
    production,
    shutdownDeadlineMs: integer(raw.SHUTDOWN_DEADLINE_MS, 'SHUTDOWN_DEADLINE_MS', 10_000, 0, 600_000),
    live: {
      connectionsPerAddress: integer(
        raw.LIVE_MAX_CONNECTIONS_PER_ADDRESS,
        'LIVE_MAX_CONNECTIONS_PER_ADDRESS',
        1000,
        1,
        1_000_000,
      ),
      subscriptionsPerSocket: integer(
        raw.LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET,
        'LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET',
        10,
        1,
        1000,
      ),
      subscribesPerMinute: integer(raw.LIVE_SUBSCRIBES_PER_MINUTE, 'LIVE_SUBSCRIBES_PER_MINUTE', 30, 1, 1_000_000),
      maxReplay: integer(raw.LIVE_MAX_REPLAY, 'LIVE_MAX_REPLAY', 200, 0, 1000),
      maxBufferedBytes: integer(
        raw.LIVE_MAX_BUFFERED_BYTES,
        'LIVE_MAX_BUFFERED_BYTES',
        8 * 1024 * 1024,
        1024,
        1024 * 1024 * 1024,
      ),
    },
    trustProxy: trustProxy(raw.TRUST_PROXY),
    corsOrigins: corsOrigins(raw.CORS_ORIGINS),
  };
}
