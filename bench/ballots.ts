// `npm run bench:ballots`: ballot and scoresheet throughput, 50 concurrent keep-alive connections for 20 s, on the
// embedded engine and on PostgreSQL, each request a valid write with its own Idempotency-Key; baseline in the same
// run: bench/baseline-server.ts (bare node:http + pg doing the same writes in one transaction). Afterwards the
// rows are counted: every accepted ballot is a ballots row (a re-submission retires the old one), every accepted
// scoresheet an audit row.
// Knobs: BENCH_SECONDS (20), BENCH_CONNECTIONS (50), BENCH_ENGINES (embedded,postgres), BENCH_KINDS
// (ballots,sheets), BENCH_CPU_PROF=<dir> (a --cpu-prof of the server under test), BENCH_NODE_ARGS (more node flags
// for the server under test, to compare V8 settings in the same way).
import { PGlite } from '@electric-sql/pglite';
import { join } from 'node:path';
import { OrleuApi } from '../src/demo/api-client.js';
import { emit, round2 } from './bench-util.js';
import {
  adminQuery,
  cpuSeconds,
  machineBusySeconds,
  freshDatabase,
  loadAverage,
  loadLoop,
  ORGANISER,
  startApp,
  startChild,
  stopChild,
  type Engine,
  type LoadRequest,
  type LoadResult,
} from './bench-app.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ENGINES = (process.env.BENCH_ENGINES ?? 'embedded,postgres').split(',') as Engine[];
const KINDS = (process.env.BENCH_KINDS ?? 'ballots,sheets').split(',') as ('ballots' | 'sheets')[];
const CASE_TEAMS = 10;
const KEYS = ['relevance', 'analysis', 'feasibility', 'innovation', 'presentation'];

interface Fixture {
  tournamentId: string;
  championshipId: string;
  /** Per connection: a debate whose chair submits again and again (the wings never do, so it stays open). */
  debates: { id: string; judgeId: string; token: string; body: string }[];
  jurors: { id: string; token: string }[];
  teams: string[];
}

async function inChunks<T, R>(items: T[], size: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map((x, j) => fn(x, i + j)))));
  return out;
}

/** A tournament with one released round of CONNECTIONS debates (panels of three) and a championship of 50 jurors. */
async function setUp(url: string): Promise<Fixture> {
  const api = new OrleuApi(url);
  const token = await api.login(ORGANISER.username, ORGANISER.password);
  const teams = await inChunks(
    Array.from({ length: 2 * CONNECTIONS }, (_, i) => i),
    10,
    (i) =>
      api.post<{ id: string; members: { id: string }[] }>(
        '/teams',
        {
          name: `Bench team ${i}`,
          regionCode: 'south',
          oblastCode: 'shymkent',
          institution: `Bench school ${i}`,
          members: [1, 2, 3].map((m) => ({ fullName: `Speaker ${i}.${m}`, birthDate: `2005-0${m}-1${m}` })),
        },
        token,
      ),
  );
  // Four at a time: each creation hashes a secret (argon2) in libuv's pool of four threads, which the database
  // driver's new connections also need; ten at once on a loaded machine made connections time out (503).
  const judges = await inChunks(
    Array.from({ length: 3 * CONNECTIONS }, (_, j) => j),
    4,
    async (j) => {
      const created = await api.post<{ id: string; link: string }>(
        '/judges',
        { fullName: `Bench judge ${j}`, regionCode: 'south', institution: `Bench university ${j}` },
        token,
      );
      const login = await api.post<{ accessToken: string }>('/auth/judge', { token: created.link.split('/').pop() });
      return { id: created.id, token: login.accessToken };
    },
  );
  const tournament = await api.post<{ id: string }>(
    '/tournaments',
    { name: 'Bench cup', level: 'regional', regionCode: 'south', format: 'wsdc', prelimRounds: 1, breakSize: 2 },
    token,
  );
  await inChunks(teams, 10, (t) => api.post(`/tournaments/${tournament.id}/teams`, { teamId: t.id }, token));
  await api.post(`/tournaments/${tournament.id}/adjudicators`, { judgeIds: judges.map((j) => j.id) }, token);
  const drawn = await api.post<{ seq: number }>(`/tournaments/${tournament.id}/rounds`, {}, token);
  const released = await api.post<{
    debates: { id: string; teams: { teamId: string }[]; panel: { judgeId: string; role: string }[] }[];
  }>(`/tournaments/${tournament.id}/rounds/${drawn.seq}/release`, {}, token);
  const members = new Map(teams.map((t) => [t.id, t.members.map((m) => m.id)]));
  const debates = released.debates.map((d) => {
    const chair = judges.find((j) => j.id === d.panel.find((p) => p.role === 'chair')!.judgeId)!;
    const body = {
      teams: d.teams.map(({ teamId }, side) => {
        const speakers = members.get(teamId)!;
        return {
          teamId,
          speeches: [
            ...speakers.map((speakerId) => ({ speakerId, score: 72 - side })),
            { speakerId: speakers[0], score: 36, reply: true },
          ],
        };
      }),
    };
    return { id: d.id, judgeId: chair.id, token: chair.token, body: JSON.stringify(body) };
  });
  if (debates.length !== CONNECTIONS || released.debates.some((d) => d.panel.length !== 3))
    throw new Error(`expected ${CONNECTIONS} debates with panels of 3`);
  const championship = await api.post<{ id: string }>(
    '/case-championships',
    { title: 'Bench championship', regionCode: 'south', qualifierSlots: 1 },
    token,
  );
  const caseTeams = teams.slice(0, CASE_TEAMS).map((t) => t.id);
  for (const teamId of caseTeams) await api.post(`/case-championships/${championship.id}/entries`, { teamId }, token);
  const jurors = judges.slice(0, CONNECTIONS);
  await api.post(`/case-championships/${championship.id}/jury`, { judgeIds: jurors.map((j) => j.id) }, token);
  await api.post(`/case-championships/${championship.id}/start-scoring`, {}, token);
  return { tournamentId: tournament.id, championshipId: championship.id, debates, jurors, teams: caseTeams };
}

const sheetBody = (i: number) =>
  JSON.stringify({ scores: Object.fromEntries(KEYS.map((k, n) => [k, ((i + n) % 11) as number])) });

function ballotRequests(f: Fixture, baseline: boolean, run: string) {
  return (w: number, i: number): LoadRequest => {
    const d = f.debates[w];
    return baseline
      ? {
          method: 'POST',
          path: `/ballots/${f.tournamentId}/${d.id}`,
          headers: { 'idempotency-key': `${run}:b:${w}:${i}`, 'x-judge': d.judgeId },
          body: d.body,
        }
      : {
          method: 'POST',
          path: `/api/debates/${d.id}/ballots`,
          headers: { 'idempotency-key': `${run}:b:${w}:${i}`, authorization: `Bearer ${d.token}` },
          body: d.body,
        };
  };
}

function sheetRequests(f: Fixture, baseline: boolean, run: string) {
  return (w: number, i: number): LoadRequest => {
    const juror = f.jurors[w];
    const teamId = f.teams[i % f.teams.length];
    return baseline
      ? {
          method: 'PUT',
          path: `/sheets/${f.championshipId}/${teamId}`,
          headers: { 'idempotency-key': `${run}:s:${w}:${i}`, 'x-judge': juror.id },
          body: sheetBody(i),
        }
      : {
          method: 'PUT',
          path: `/api/case-championships/${f.championshipId}/scoresheets/${teamId}`,
          headers: { 'idempotency-key': `${run}:s:${w}:${i}`, authorization: `Bearer ${juror.token}` },
          body: sheetBody(i),
        };
  };
}

async function measure(pid: number, fn: () => Promise<LoadResult>) {
  const cpu0 = cpuSeconds(pid);
  const client0 = process.cpuUsage();
  const machine0 = machineBusySeconds();
  const load0 = loadAverage();
  const result = await fn();
  const client = process.cpuUsage(client0);
  return {
    ...result,
    cores: (cpuSeconds(pid) - cpu0) / result.seconds,
    // The load generator runs on the same two cores: its share and the machine's show what is left for the server.
    clientCores: (client.user + client.system) / 1e6 / result.seconds,
    machineCores: (machineBusySeconds() - machine0) / result.seconds,
    loadAverage: Math.max(load0, loadAverage()),
  };
}

async function countAppRows(engine: Engine, db: { databaseUrl?: string; dataDir?: string }) {
  const sql = `SELECT (SELECT count(*) FROM ballots)::int AS ballots,
                      (SELECT count(*) FROM case_scoresheet_audit)::int AS sheets`;
  if (engine === 'postgres') return (await adminQuery<{ ballots: number; sheets: number }>(db.databaseUrl!, sql))[0];
  const pglite = await PGlite.create(join(db.dataDir!, 'pg'));
  try {
    return (await pglite.query<{ ballots: number; sheets: number }>(sql)).rows[0];
  } finally {
    await pglite.close();
  }
}

for (const engine of ENGINES) {
  const db = await freshDatabase(engine, 'ballots');
  const profDir = process.env.BENCH_CPU_PROF;
  const app = await startApp(db.env, [
    ...(profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []),
    ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ]);
  const fixture = await setUp(app.url);
  const requests = { ballots: ballotRequests, sheets: sheetRequests };
  const ours: Partial<Record<(typeof KINDS)[number], Awaited<ReturnType<typeof measure>>>> = {};
  for (const kind of KINDS)
    ours[kind] = await measure(app.child.pid!, () =>
      loadLoop(app.url, CONNECTIONS, SECONDS, requests[kind](fixture, false, 'app')),
    );
  await stopChild(app.child);
  const appRows = await countAppRows(engine, db);
  await db.drop();

  const baseDb = await freshDatabase(engine, 'baseline');
  const { child, match } = await startChild(['dist/bench/baseline-server.js'], baseDb.env, /listening on (http:\S+)/);
  const baseUrl = match[1];
  const base: typeof ours = {};
  for (const kind of KINDS)
    base[kind] = await measure(child.pid!, () =>
      loadLoop(baseUrl, CONNECTIONS, SECONDS, requests[kind](fixture, true, 'base')),
    );
  const baseRows = (await (await fetch(baseUrl)).json()) as { ballots: number; sheets: number };
  await stopChild(child);
  await baseDb.drop();

  for (const kind of KINDS) {
    const o = ours[kind]!;
    const b = base[kind]!;
    emit({
      bench: kind === 'ballots' ? 'ballot throughput' : 'scoresheet throughput',
      engine,
      size: CONNECTIONS,
      unit: 'req/s',
      value: round2(o.perSecond),
      baseline: `bare node:http + pg, same writes in one transaction (${engine})`,
      baselineValue: round2(b.perSecond),
      ratio: round2(o.perSecond / b.perSecond),
      seconds: SECONDS,
      p50Ms: round2(o.p50),
      p99Ms: round2(o.p99),
      errors: o.errors,
      firstError: o.firstError,
      accepted: o.accepted,
      rows: appRows[kind],
      rowsMatch: appRows[kind] === o.accepted,
      serverCores: round2(o.cores),
      // CPU the server spent per accepted request: steadier than req/s on a shared machine.
      serverCpuMsPerRequest: round2((o.cores * 1000) / o.perSecond),
      clientCores: round2(o.clientCores),
      machineCores: round2(o.machineCores),
      baselineP50Ms: round2(b.p50),
      baselineP99Ms: round2(b.p99),
      baselineErrors: b.errors,
      baselineFirstError: b.firstError,
      baselineAccepted: b.accepted,
      baselineRowsMatch: baseRows[kind] === b.accepted,
      baselineCores: round2(b.cores),
      baselineCpuMsPerRequest: round2((b.cores * 1000) / b.perSecond),
      baselineClientCores: round2(b.clientCores),
      baselineMachineCores: round2(b.machineCores),
      loadAverage: round2(Math.max(o.loadAverage, b.loadAverage)),
    });
  }
}
