// `npm run bench:auth`: what checking each bearer token against its account costs (signature, then one
// primary-key read of the organiser or judge row, which is what makes revocations take effect at once).
// BENCH_REQUESTS (2000) sequential GETs of one team by id on one instance, each mode interleaved in blocks of 100:
// without a token (the audience path) and with an organiser token; median and p95 latency, ratio to the baseline.
// Embedded database, or the server named by DATABASE_URL (a fresh database created and dropped here).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { emit, round2 } from './bench-util.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = httpRequest(`${base}${path}`, { method, agent, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function main() {
  const server = process.env.DATABASE_URL;
  const dataDir = server ? undefined : mkdtempSync(join(tmpdir(), 'orleu-bench-auth-'));
  const dbName = `orleu_bench_auth_${Date.now().toString(36)}`;
  let databaseUrl: string | undefined;
  if (server) {
    await adminQuery(server, `CREATE DATABASE ${dbName}`);
    const url = new URL(server);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    ADMIN_PASSWORD: 'bench-password',
    JWT_SECRET: 'orleu-bench-secret-0123456789',
    LOG_LEVEL: 'error',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir! }),
  };
  const child: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 60_000);
      child.stdout!.on('data', (c: Buffer) => {
        output += c.toString();
        const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1].replace('localhost', '127.0.0.1'));
        }
      });
    });
    const token = JSON.parse(
      (await call(base, 'POST', '/api/auth/login', { username: 'admin', password: 'bench-password' })).text,
    ).accessToken;
    const team = await call(
      base,
      'POST',
      '/api/teams',
      {
        name: 'Bench',
        regionCode: 'east',
        oblastCode: 'abai',
        institution: 'B',
        eventDate: '2026-11-24',
        members: [{ fullName: 'Әлия Серікқызы', birthDate: '2006-05-17' }],
      },
      token,
    );
    const path = `/api/teams/${JSON.parse(team.text).id}`;
    const times: Record<'anonymous' | 'token', number[]> = { anonymous: [], token: [] };
    for (let i = 0; i < 20; i++) await call(base, 'GET', path, undefined, token);
    for (let block = 0; block < REQUESTS / 100; block++) {
      for (const mode of ['anonymous', 'token'] as const) {
        for (let i = 0; i < 100; i++) {
          const start = performance.now();
          const res = await call(base, 'GET', path, undefined, mode === 'token' ? token : undefined);
          if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
          times[mode].push(performance.now() - start);
        }
      }
    }
    const stat = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
    };
    const [anonymous, withToken] = [stat(times.anonymous), stat(times.token)];
    const database = server ? 'postgresql' : 'embedded';
    emit({
      bench: 'auth-check',
      database,
      unit: 'ms median',
      value: round2(withToken.median),
      baseline: 'no token',
      baselineValue: round2(anonymous.median),
      ratio: round2(withToken.median / anonymous.median),
      requests: REQUESTS,
    });
    emit({
      bench: 'auth-check',
      database,
      unit: 'ms p95',
      value: round2(withToken.p95),
      baseline: 'no token',
      baselineValue: round2(anonymous.p95),
      ratio: round2(withToken.p95 / anonymous.p95),
      requests: REQUESTS,
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (server) await adminQuery(server, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
