// `npm run bench:live`: N audience sockets on one instance, scoresheets submitted over HTTP at 20/s for
// BENCH_SECONDS (30), latency from each HTTP response to each socket's receipt of the `score` event; the same
// measured on a bare Socket.IO server (HTTP request → io.emit) in the same run. The ratio is the figure.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { emit, round2, type BenchFigure } from './bench-util.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SIZES = (process.env.BENCH_SOCKETS ?? '1000,5000').split(',').map(Number);
const RATE = 20;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: unknown; at: number; sentAt: number }> {
  const sentAt = performance.now();
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      `${base}${path}`,
      {
        method,
        agent,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          const at = performance.now();
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, at, sentAt });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function ok(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await call(base, method, path, body, token);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

function startChild(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 60_000);
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

/** CPU seconds (user + system) a process has used so far. */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/**
 * A minimal Socket.IO v4 client over a raw WebSocket (engine.io protocol 4): thousands of them in one process cost
 * far less than socket.io-client's per-socket machinery, so the load generator measures the server, not itself.
 */
class LightSocket {
  private ws?: WebSocket;
  private nextAck = 0;
  private readonly acks = new Map<number, () => void>();
  onEvent: (name: string, payload: Record<string, unknown>, at: number) => void = () => undefined;

  constructor(
    private readonly base: string,
    private readonly namespace: string,
  ) {}

  private get prefix(): string {
    return this.namespace === '/' ? '' : `${this.namespace},`;
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${this.base.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
        perMessageDeflate: false,
      });
      this.ws = ws;
      ws.on('error', reject);
      ws.on('message', (data: Buffer) => {
        const at = performance.now();
        // Only score events are timed: decoding every standings table in thousands of sockets would make the
        // generator, not the server, the bottleneck.
        if (
          data.length > 64 &&
          data[0] === 0x34 &&
          data[1] === 0x32 &&
          !data.toString('latin1', 0, 64).includes('["score"')
        )
          return;
        const text = data.toString();
        if (text === '2') return ws.send('3');
        if (text[0] === '0') return ws.send(`40${this.prefix}`);
        if (text.startsWith('40')) return resolve();
        if (text.startsWith('44')) return reject(new Error(text));
        const body = text.slice(2 + this.prefix.length);
        if (text.startsWith('42')) {
          const [name, payload] = JSON.parse(body) as [string, Record<string, unknown>];
          this.onEvent(name, payload, at);
        } else if (text.startsWith('43')) {
          const id = Number(/^\d+/.exec(body)![0]);
          this.acks.get(id)?.();
          this.acks.delete(id);
        }
      });
    });
  }

  emitWithAck(name: string, payload: unknown): Promise<void> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.ws!.send(`42${this.prefix}${id}${JSON.stringify([name, payload])}`);
    });
  }

  close(): void {
    this.ws?.terminate();
  }
}

async function connectAll(
  base: string,
  namespace: string,
  n: number,
  subscribe?: { kind: string; id: string },
): Promise<LightSocket[]> {
  const sockets: LightSocket[] = [];
  for (let i = 0; i < n; i += 250) {
    const batch = Array.from({ length: Math.min(250, n - i) }, () => new LightSocket(base, namespace));
    await Promise.all(
      batch.map(async (s) => {
        await s.connect();
        if (subscribe) await s.emitWithAck('subscribe', subscribe);
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

interface Measured {
  /** From the HTTP response to the socket's receipt (negative when the push beats the response). */
  p50: number;
  p99: number;
  max: number;
  /** From sending the request to the socket's receipt: always positive, what a spectator waits. */
  e2eP50: number;
  e2eP99: number;
  missed: number;
  events: number;
  /** Cores busy on average during the run: the server under test, and this load generator. */
  serverCores: number;
  generatorCores: number;
}

/** Sends at RATE/s for SECONDS; `send` returns the key the sockets will see and when the HTTP response came. */
async function measure(
  serverPid: number,
  sockets: LightSocket[],
  keyOf: (payload: Record<string, unknown>) => string,
  send: (i: number) => Promise<{ key: string; at: number; sentAt: number }>,
): Promise<Measured> {
  const receipts = new Map<string, number[]>();
  for (const s of sockets) {
    s.onEvent = (name, payload, at) => {
      if (name !== 'score') return;
      const key = keyOf(payload);
      let list = receipts.get(key);
      if (!list) receipts.set(key, (list = []));
      list.push(at);
    };
  }
  const sent: { key: string; at: number; sentAt: number }[] = [];
  const total = SECONDS * RATE;
  const started = performance.now();
  const serverCpu = cpuSeconds(serverPid);
  const generatorCpu = process.cpuUsage();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(i).then((s) => void sent.push(s)));
  }
  await Promise.all(pending);
  await new Promise((r) => setTimeout(r, 2000));
  const elapsed = (performance.now() - started) / 1000;
  const generatorUsed = process.cpuUsage(generatorCpu);
  const serverCores = (cpuSeconds(serverPid) - serverCpu) / elapsed;
  const generatorCores = (generatorUsed.user + generatorUsed.system) / 1e6 / elapsed;
  const latencies: number[] = [];
  const endToEnd: number[] = [];
  let missed = 0;
  for (const { key, at, sentAt } of sent) {
    const list = receipts.get(key) ?? [];
    missed += sockets.length - list.length;
    for (const t of list) {
      latencies.push(t - at);
      endToEnd.push(t - sentAt);
    }
  }
  for (const s of sockets) s.onEvent = () => undefined;
  latencies.sort((a, b) => a - b);
  endToEnd.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    e2eP50: percentile(endToEnd, 50),
    e2eP99: percentile(endToEnd, 99),
    missed,
    events: sent.length,
    serverCores,
    generatorCores,
  };
}

const BARE_SERVER = `
const http = require('node:http');
const { Server } = require('socket.io');
let n = 0;
const server = http.createServer((req, res) => {
  if (req.method === 'POST') { const id = ++n; io.emit('score', { id }); res.end(JSON.stringify({ id })); return; }
  res.end('ok');
});
const io = new Server(server, { transports: ['websocket'] });
server.listen(0, '127.0.0.1', () => console.log('bare listening on ' + server.address().port));
`;

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'orleu-bench-live-'));
  const env: Record<string, string> = {
    PORT: '0',
    ADMIN_USERNAME: 'bench',
    ADMIN_PASSWORD: 'bench-password',
    JWT_SECRET: 'bench-secret-0123456789abcdef',
    LOG_LEVEL: 'warn',
    // Every bench socket comes from one address: lift the per-address cap above the largest size.
    LIVE_MAX_CONNECTIONS_PER_ADDRESS: String(Math.max(...SIZES) + 100),
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATA_DIR: dataDir }),
  };
  const app = await startChild([join(process.cwd(), 'dist/src/main.js')], env, /listening on http:\/\/localhost:(\d+)/);
  const bare = await startChild(
    ['-e', BARE_SERVER],
    { NODE_PATH: join(process.cwd(), 'node_modules') },
    /bare listening on (\d+)/,
  );
  const base = `http://127.0.0.1:${app.match[1]}`;
  const bareBase = `http://127.0.0.1:${bare.match[1]}`;
  try {
    const { accessToken: org } = (await ok(base, 'POST', '/api/auth/login', {
      username: 'bench',
      password: 'bench-password',
    })) as { accessToken: string };
    const championship = await ok(
      base,
      'POST',
      '/api/case-championships',
      { title: 'bench:live', regionCode: 'south', qualifierSlots: 1 },
      org,
    );
    const id = championship.id as string;
    const teams: string[] = [];
    // Unique names, so runs against a long-lived PostgreSQL database don't collide.
    const run = Date.now().toString(36);
    for (let t = 0; t < 30; t++) {
      const team = await ok(
        base,
        'POST',
        '/api/teams',
        {
          name: `Bench ${t} ${run}`,
          regionCode: 'south',
          oblastCode: 'shymkent',
          institution: `School ${t}`,
          members: [{ fullName: 'A', birthDate: '2005-01-01' }],
        },
        org,
      );
      await ok(base, 'POST', `/api/case-championships/${id}/entries`, { teamId: team.id }, org);
      teams.push(team.id as string);
    }
    const jurors: string[] = [];
    const jurorIds: string[] = [];
    for (let j = 0; j < 20; j++) {
      const judge = await ok(
        base,
        'POST',
        '/api/judges',
        { fullName: `Juror ${j}`, regionCode: 'south', institution: `Jury ${j}` },
        org,
      );
      const login = await ok(base, 'POST', '/api/auth/judge', { accessCode: judge.accessCode });
      jurors.push(login.accessToken as string);
      jurorIds.push(judge.id as string);
    }
    await ok(base, 'POST', `/api/case-championships/${id}/jury`, { judgeIds: jurorIds }, org);
    await ok(base, 'POST', `/api/case-championships/${id}/start-scoring`, undefined, org);
    const scores = (x: number) => ({ relevance: x, analysis: x, feasibility: x, innovation: x, presentation: x });

    for (const n of SIZES) {
      const before = rssKb(app.child.pid!);
      const sockets = await connectAll(base, '/live', n, { kind: 'championship', id });
      const perSocketKb = (rssKb(app.child.pid!) - before) / n;
      const orleu = await measure(
        app.child.pid!,
        sockets,
        (p) => `${p.teamId}|${p.judgeId}|${p.version}`,
        async (i) => {
          const team = teams[i % teams.length];
          const juror = Math.floor(i / teams.length) % jurors.length;
          const res = await call(
            base,
            'PUT',
            `/api/case-championships/${id}/scoresheets/${team}`,
            { scores: scores(i % 11) },
            jurors[juror],
          );
          const body = res.body as { version: number };
          return { key: `${team}|${jurorIds[juror]}|${body.version}`, at: res.at, sentAt: res.sentAt };
        },
      );
      for (const s of sockets) s.close();

      const bareSockets = await connectAll(bareBase, '/', n);
      const baseline = await measure(
        bare.child.pid!,
        bareSockets,
        (p) => String(p.id),
        async () => {
          const res = await call(bareBase, 'POST', '/');
          return { key: String((res.body as { id: number }).id), at: res.at, sentAt: res.sentAt };
        },
      );
      for (const s of bareSockets) s.close();

      console.log(
        `live, ${n} sockets, ${orleu.events} scoresheets at ${RATE}/s: response→receipt p50 ${round2(orleu.p50)} ms, p99 ${round2(orleu.p99)} ms, max ${round2(orleu.max)} ms; ` +
          `request→receipt p50 ${round2(orleu.e2eP50)} ms, p99 ${round2(orleu.e2eP99)} ms; missed ${orleu.missed}; ` +
          `bare Socket.IO request→receipt p50 ${round2(baseline.e2eP50)} ms, p99 ${round2(baseline.e2eP99)} ms, missed ${baseline.missed}; server memory ${round2(perSocketKb)} KB per socket; ` +
          `cores busy: Orleu ${round2(orleu.serverCores)} (generator ${round2(orleu.generatorCores)}), bare ${round2(baseline.serverCores)} (generator ${round2(baseline.generatorCores)})`,
      );
      // The ratio compares request→receipt (both positive); the response→receipt figures are reported as measured.
      for (const metric of ['p50', 'p99'] as const) {
        const e2e = metric === 'p50' ? 'e2eP50' : 'e2eP99';
        figures.push(
          emit({
            bench: 'live',
            size: n,
            metric: `request→receipt ${metric}`,
            unit: 'ms',
            value: round2(orleu[e2e]),
            baseline: 'bare socket.io broadcast',
            baselineValue: round2(baseline[e2e]),
            ratio: round2(orleu[e2e] / baseline[e2e]),
            responseToReceipt: round2(orleu[metric]),
            missed: orleu.missed,
            baselineMissed: baseline.missed,
            rssPerSocketKB: round2(perSocketKb),
            serverCores: round2(orleu.serverCores),
            baselineServerCores: round2(baseline.serverCores),
            generatorCores: round2(orleu.generatorCores),
          }),
        );
      }
    }
  } finally {
    app.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
    agent.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run();
  process.exit(0);
}
