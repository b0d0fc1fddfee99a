import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';

export const ORGANISER = { username: 'organiser', password: 'organiser-password' };

export interface TestApp {
  /** http://127.0.0.1:<port> — pass it to supertest's request(). */
  url: string;
  process: ChildProcess;
  dataDir?: string;
  databaseUrl?: string;
  /** Everything the app printed (stdout and stderr). */
  output(): string;
  organiserToken(): Promise<string>;
  close(options?: { keepData?: boolean; signal?: NodeJS.Signals }): Promise<void>;
}

export interface TestAppOptions {
  /** Reuse an embedded data directory (restart tests). */
  dataDir?: string;
  /** Reuse a real database created by an earlier start. */
  databaseUrl?: string;
  /** Force the embedded engine even when DATABASE_URL is set. */
  embedded?: boolean;
  env?: Record<string, string>;
}

const MAIN = join(process.cwd(), 'dist/src/main.js');

/**
 * Starts the built app (`npm test` builds first) as its own process, exactly as `npm start` runs it, on a fresh
 * database: a new PGlite directory in embedded mode, or a new database on the server named by DATABASE_URL.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = options.embedded ? undefined : process.env.DATABASE_URL;
  let databaseUrl = options.databaseUrl;
  let createdDatabase: string | undefined;
  if (serverUrl && !databaseUrl) {
    createdDatabase = `orleu_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${createdDatabase}`);
    const url = new URL(serverUrl);
    url.pathname = `/${createdDatabase}`;
    databaseUrl = url.toString();
  }
  const dataDir = databaseUrl ? undefined : (options.dataDir ?? mkdtempSync(join(tmpdir(), 'orleu-test-')));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    ADMIN_USERNAME: ORGANISER.username,
    ADMIN_PASSWORD: ORGANISER.password,
    JWT_SECRET: 'orleu-test-secret-0123456789',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir! }),
    ...options.env,
  };
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running: on a loaded machine each orphan (an embedded database) slowed the next start further.
      child.kill('SIGKILL');
      reject(new Error(`app did not start in 60 s:\n${output}`));
    }, 60_000);
    const onData = () => {
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before listening:\n${output}`));
    });
  });
  let token: string | undefined;
  return {
    url,
    process: child,
    dataDir,
    databaseUrl,
    output: () => output,
    async organiserToken() {
      if (!token) {
        const res = await request(url).post('/api/auth/login').send(ORGANISER).expect(200);
        token = res.body.accessToken as string;
      }
      return token;
    },
    async close({ keepData = false, signal = 'SIGTERM' } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        await exited;
      }
      if (process.env.TEST_SHOW_OUTPUT) process.stderr.write(`--- app output ---\n${output}\n`);
      if (keepData) return;
      if (createdDatabase && serverUrl) {
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${createdDatabase} WITH (FORCE)`);
      }
      if (dataDir && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One statement on a real server's database (tests that reach below the API: upgrades, cleanup). */
export async function adminQuery<T = unknown>(serverUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
