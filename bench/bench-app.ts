// Helpers for benchmarks that drive the built app over HTTP: start it on a fresh database (embedded PGlite or a
// new database on a real server), a keep-alive load loop with latency percentiles, and /proc readings.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
export const ORGANISER = { username: 'bench', password: 'bench-password-2026' };
export type Engine = 'embedded' | 'postgres';

export function startChild(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 120_000);
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match });
      }
    });
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function adminQuery<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A fresh place for one run's data: a PGlite directory or a new database on the server. */
export async function freshDatabase(
  engine: Engine,
  label: string,
): Promise<{ env: Record<string, string>; databaseUrl?: string; dataDir?: string; drop(): Promise<void> }> {
  if (engine === 'embedded') {
    const dataDir = mkdtempSync(join(tmpdir(), `orleu-bench-${label}-`));
    return { env: { DATA_DIR: dataDir }, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `orleu_bench_${label}_${Date.now().toString(36)}`;
  await adminQuery(PG_SERVER, `CREATE DATABASE ${name}`);
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    databaseUrl: url.toString(),
    drop: () => adminQuery(PG_SERVER, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  };
}

export interface RunningApp {
  url: string;
  child: ChildProcess;
}

/**
 * V8's flags in `npm start`: a young generation of 32 MB semi-spaces (Node 20's default is 16) — four back-to-back
 * 10 s ballot runs took 5–13 % less server CPU per ballot with it (BENCHMARKS.md).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

/** The built app (dist/src/main.js) as `npm start` runs it, with an organiser of our own. */
export async function startApp(env: Record<string, string>, nodeArgs: string[] = []): Promise<RunningApp> {
  const { child, match } = await startChild(
    ['dist/src/main.js'],
    {
      PORT: '0',
      ADMIN_USERNAME: ORGANISER.username,
      ADMIN_PASSWORD: ORGANISER.password,
      JWT_SECRET: 'orleu-bench-secret-0123456789',
      LOG_LEVEL: 'warn',
      ...env,
    },
    /listening on (http:\/\/localhost:\d+)/,
    [...SERVER_NODE_FLAGS, ...nodeArgs],
  );
  return { url: match[1].replace('localhost', '127.0.0.1'), child };
}

export interface LoadResult {
  seconds: number;
  accepted: number;
  errors: number;
  firstError?: string;
  p50: number;
  p99: number;
  perSecond: number;
}

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * `connections` workers, each with its own keep-alive socket, sending back to back for `seconds`; `next(worker, i)`
 * gives each worker its i-th request. Latencies from write to the last byte of the response.
 */
export async function loadLoop(
  base: string,
  connections: number,
  seconds: number,
  next: (worker: number, i: number) => LoadRequest,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let accepted = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const send = (r: LoadRequest) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        `${base}${r.path}`,
        {
          method: r.method,
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body), ...r.headers },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(r.body);
    });
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        try {
          const res = await send(next(worker, i));
          latencies.push(performance.now() - t0);
          if (res.status >= 200 && res.status < 300) accepted++;
          else {
            errors++;
            firstError ??= `${res.status} ${res.text.slice(0, 300)}`;
          }
        } catch (error) {
          errors++;
          firstError ??= String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN;
  return { seconds: elapsed, accepted, errors, firstError, p50: pct(50), p99: pct(99), perSecond: accepted / elapsed };
}

/** CPU seconds (user + system) a process has used so far. */
export const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** CPU seconds the whole machine has been busy (every core, every process: all but idle and iowait). */
export const machineBusySeconds = () => {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return (total - ticks[3] - ticks[4]) / 100;
};

export const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** The 1-minute load average: other work on a shared machine, noted beside each figure. */
export const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
