// `npm run bench:cost`: how the cost grows with the season — 1,000 → 5,000 → 20,000 participants (teams of five:
// 200 → 1,000 → 4,000 teams). Engine timings call src/engine directly: drawing round 6 after five, allocating its
// panels (three judges a room, each judge conflicted with one team), recomputing team and speaker tabs after one more ballot.
// Against the running app (PostgreSQL), with its own data: teams and 1.5 judges a team (three a room, each from one
// team's school) through the CSV import routes; 1,000 audience sockets on the tournament; round 1 drawn with panels
// of three — the `POST` timed, and inside it the draw and the allocation by the app's own V8 profiler (over the
// inspector); its release; 60 chairs' ballots at 10/s, each a `score` event to every socket (the fan-out: each
// event's HTTP response → each socket's receipt); a first subscribe's snapshot; the standings read after one more
// confirmed debate; server RSS.
// The baseline of each figure is the same figure at the smallest size; the ratio is how many times it grew
// (participants grow ×5 and ×20). Knobs: BENCH_SIZES (1000,5000,20000), BENCH_SERVER=0 skips the app part,
// BENCH_SERVER_MAX (no limit) skips the app part above that many participants, BENCH_SOCKETS (1000); the app part
// runs on PostgreSQL only.
import { createServer, type AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { ApiError, OrleuApi } from '../src/demo/api-client.js';
import { drawPowerPaired, seededRandom, type DrawTeam } from '../src/engine/draw/power-pairing.js';
import { allocatePanels, type AllocationRequest } from '../src/engine/panels/panel-allocation.js';
import type { ConfirmedDebateResult, ConfirmedTeamResult } from '../src/engine/standings/confirmed-result.js';
import { computeSpeakerTab, type TabSpeaker } from '../src/engine/standings/speaker-tab.js';
import { computeTeamTab, type TabTeam } from '../src/engine/standings/team-tab.js';
import { emit, medianCpuMs, round2 } from './bench-util.js';
import { adminQuery, freshDatabase, loadAverage, ORGANISER, rssMb, startApp, stopChild } from './bench-app.js';
import { connectAll } from './light-socket.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,20000').split(',').map(Number);
const SERVER = process.env.BENCH_SERVER !== '0';
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);
const MEMBERS = 5;
const ROUNDS = 5;
const FANOUT_BALLOTS = 60;
const FANOUT_RATE = 10;

/** Five rounds of results for `n` teams, drawn by our own pairing so histories are realistic. */
function season(n: number) {
  const random = seededRandom(`cost:${n}`);
  const strength = Array.from({ length: n }, () => random());
  const draw: DrawTeam[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    points: 0,
    speakerTotal: 0,
    sideCounts: {},
    opponents: [],
    hadBye: false,
  }));
  const teams: TabTeam[] = draw.map((t, i) => ({
    id: t.id,
    name: `Team ${i}`,
    regionCode: ['south', 'north', 'west', 'central', 'east'][i % 5],
  }));
  const speakers: TabSpeaker[] = teams.flatMap((t) =>
    Array.from({ length: MEMBERS }, (_, m) => ({ id: `${t.id}s${m}`, name: `Speaker ${m}`, teamId: t.id })),
  );
  const byId = new Map(draw.map((t, i) => [t.id, i]));
  const results: ConfirmedDebateResult[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const made = drawPowerPaired({ sides: ['gov', 'opp'], roundNumber: round, seed: `cost:${n}`, teams: draw });
    for (const [d, debate] of made.debates.entries()) {
      const sides = debate.teams.map((x) => byId.get(x.teamId)!);
      const totals = sides.map((i) => 210 + Math.round(strength[i] * 30 + random() * 6));
      if (totals[0] === totals[1]) totals[0] += 1;
      const entries: ConfirmedTeamResult[] = sides.map((i, k) => {
        const won = totals[k] > totals[1 - k];
        const speeches = [0, 1, 2].map((p) => ({
          speakerId: `t${i}s${(round + p) % MEMBERS}`,
          score: totals[k] / 3 - 12,
          reply: false,
        }));
        speeches.push({ speakerId: speeches[0].speakerId, score: 36, reply: true });
        return {
          teamId: `t${i}`,
          side: k ? 'opp' : 'gov',
          points: won ? 1 : 0,
          won,
          rank: won ? 1 : 2,
          total: totals[k],
          margin: totals[k] - totals[1 - k],
          speeches,
        };
      });
      results.push({ debateId: `r${round}d${d}`, round, teams: entries });
      for (const [k, i] of sides.entries()) {
        draw[i].points += entries[k].points;
        draw[i].speakerTotal += totals[k];
        draw[i].sideCounts[entries[k].side] = (draw[i].sideCounts[entries[k].side] ?? 0) + 1;
        draw[i].opponents.push(`t${sides[1 - k]}`);
      }
    }
  }
  return { draw, teams, speakers, results, random };
}

function engineFigures(participants: number) {
  const n = participants / MEMBERS;
  const s = season(n);
  const drawRound = () =>
    drawPowerPaired({ sides: ['gov', 'opp'], roundNumber: ROUNDS + 1, seed: 'cost', teams: s.draw });
  // CPU time (user + system) of the call: on this shared machine wall time was 2–25× it (see BENCHMARKS.md).
  const draw = medianCpuMs(drawRound, n >= 4000 ? 3 : 7, 1);
  const debates = drawRound().debates;
  const judges = Array.from({ length: debates.length * 3 }, (_, j) => ({
    id: `j${j}`,
    strength: Math.round(s.random() * 100) / 10,
  }));
  const teamConflicts: [string, string][] = [];
  // Every judge has one conflict: a team of their own school.
  for (const judge of judges) teamConflicts.push([judge.id, `t${Math.floor(s.random() * n)}`]);
  const allocation: AllocationRequest = {
    debates: debates.map((d, r) => ({
      id: `room${r}`,
      importance: Math.floor((6 * r) / debates.length),
      teamIds: d.teams.map((t) => t.teamId),
    })),
    judges,
    teamConflicts,
    panelSize: 3,
  };
  const allocate = medianCpuMs(() => allocatePanels(allocation), n >= 4000 ? 1 : 3, n >= 4000 ? 0 : 1);
  // One more ballot in: both tabs are recomputed from every confirmed result (what the server does after a ballot).
  const standings = medianCpuMs(
    () => {
      computeTeamTab(s.teams, s.results);
      computeSpeakerTab(s.speakers, s.results);
    },
    7,
    1,
  );
  return {
    teams: n,
    rooms: debates.length,
    judges: judges.length,
    drawMs: draw.cpu,
    drawWallMs: draw.wall,
    allocateMs: allocate.cpu,
    allocateWallMs: allocate.wall,
    standingsMs: standings.cpu,
    standingsWallMs: standings.wall,
  };
}

/** A free loopback port for the app's inspector. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The app's own V8 profiler over the inspector protocol, switched on around one request: how much of it was the
 * draw and how much the panel allocation, measured inside the running server (sampling every 0.2 ms).
 */
class AppProfiler {
  private next = 0;
  private readonly waiting = new Map<number, (result: Record<string, unknown>) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> };
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.result ?? {});
    });
  }

  static async attach(port: number): Promise<AppProfiler> {
    const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const ws = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const profiler = new AppProfiler(ws);
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    return profiler;
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Runs `work` with the profiler on; ms of samples under each named function (nested calls counted once). */
  async measure(work: () => Promise<unknown>, names: string[]): Promise<Record<string, number>> {
    await this.send('Profiler.start');
    await work();
    const { profile } = (await this.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const under = (id: number, name: string) => {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
        if (byId.get(at)!.callFrame.functionName === name) return true;
      return false;
    };
    const out = Object.fromEntries(names.map((n) => [n, 0]));
    profile.samples.forEach((id, i) => {
      for (const name of names) if (under(id, name)) out[name] += (profile.timeDeltas[i] ?? 0) / 1000;
    });
    return out;
  }

  close(): void {
    this.ws.close();
  }
}

/**
 * `POST` a CSV body to an import route (organiser token); the parsed answer. An import is one transaction, so a 503
 * (no database connection in time) wrote nothing and is sent again after the server's Retry-After.
 */
async function postCsv<T>(api: OrleuApi, path: string, csv: string, token: string, attempt = 0): Promise<T> {
  const res = await fetch(`${api.baseUrl}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: csv,
  });
  const body = (await res.json()) as T;
  if (res.status === 503 && attempt < 5) {
    await new Promise((r) => setTimeout(r, (Number(res.headers.get('retry-after')) || 2) * 1000));
    return postCsv(api, path, csv, token, attempt + 1);
  }
  if (!res.ok) throw new ApiError(res.status, body, `POST ${path}`);
  return body;
}

/** `count` jobs, `width` at a time. */
async function pooled<T>(count: number, width: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await job(i);
      }
    }),
  );
  return out;
}

/**
 * A 503 means the server got no database connection in time and did nothing: at 2,000 rooms under load the
 * release met one. Sent again after a pause, up to five times.
 */
async function again503<T>(fn: () => Promise<T>, attempt = 0): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 503 && attempt < 5)) throw error;
    process.stderr.write(`cost: 503, sent again (${attempt + 1})\n`);
    await new Promise((r) => setTimeout(r, 2000));
    return again503(fn, attempt + 1);
  }
}

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
};

interface DebateOut {
  id: string;
  teams: { teamId: string }[];
  panel: { judgeId: string; role: string }[];
}

async function serverFigures(participants: number) {
  const n = participants / MEMBERS;
  const t00 = performance.now();
  // Progress on stderr (stdout carries only the figures' JSON lines).
  const step = (what: string) =>
    process.stderr.write(`cost ${participants}: ${what} (${((performance.now() - t00) / 1000).toFixed(1)} s)\n`);
  const db = await freshDatabase('postgres', `cost${participants}`);
  const inspectPort = await freePort();
  const app = await startApp(db.env, [`--inspect=127.0.0.1:${inspectPort}`]);
  const profiler = await AppProfiler.attach(inspectPort);
  try {
    const api = new OrleuApi(app.url);
    step('app started');
    const token = await api.login(ORGANISER.username, ORGANISER.password);
    const setupStarted = performance.now();
    // Set-up through the import routes, 500 rows a request, two requests at a time (each is one transaction).
    const teams: { id: string; members: { id: string }[] }[] = [];
    const chunks = Math.ceil(n / 500);
    const teamBatches = await pooled(chunks, 2, (c) => {
      const rows = Array.from({ length: Math.min(500, n - c * 500) }, (_, k) => {
        const i = c * 500 + k;
        const members = Array.from({ length: MEMBERS }, (_, m) => `Speaker ${i}.${m};1${m}.0${m + 1}.2006`);
        return `Cost team ${i};shymkent;Cost school ${i};${members.join(';')}`;
      });
      const header = [
        'name;oblastCode;institution',
        ...Array.from({ length: MEMBERS }, (_, m) => `member${m + 1}Name;member${m + 1}BirthDate`),
      ].join(';');
      return postCsv<{ items: { id: string; name: string; members: { id: string }[] }[] }>(
        api,
        '/teams/import',
        [header, ...rows].join('\n'),
        token,
      );
    });
    // The import answers in its own order: back to the file's order by name.
    const byName = new Map(teamBatches.flatMap((b) => b.items).map((t) => [t.name, t]));
    for (let i = 0; i < n; i++) teams.push(byName.get(`Cost team ${i}`)!);
    // Panels of three for every room: three judges a room, each from one team's school (a conflict the allocation
    // must respect, as in the engine figures).
    const judgeCount = (n / 2) * 3;
    // Judges 250 a request, one request at a time: each row's secret is hashed in libuv's four threads, where
    // the database driver's SCRAM sign-in also runs — a longer queue there left the server without a connection
    // in time (503).
    const judgeBatches = await pooled(Math.ceil(judgeCount / 250), 1, (c) => {
      const rows = Array.from(
        { length: Math.min(250, judgeCount - c * 250) },
        (_, k) => `Cost judge ${c * 250 + k};south;Cost school ${(c * 250 + k) % n};${1 + ((c * 250 + k) % 9)}`,
      );
      return postCsv<{ items: { id: string; link: string }[] }>(
        api,
        '/judges/import',
        ['fullName;regionCode;institution;strength', ...rows].join('\n'),
        token,
      );
    });
    const judges = judgeBatches.flatMap((b) => b.items);
    step(`${n} teams and ${judgeCount} judges imported`);
    const tournament = await api.post<{ id: string }>(
      '/tournaments',
      {
        name: `Cost cup ${participants}`,
        level: 'regional',
        regionCode: 'south',
        format: 'wsdc',
        prelimRounds: 5,
        breakSize: 2,
      },
      token,
    );
    // Entering 4,000 teams one `POST /tournaments/:id/teams` at a time costs O(n²) (each answer lists every team
    // entered so far) and the route takes one team: the entries are written directly, as that route writes them.
    await adminQuery(
      db.databaseUrl!,
      `INSERT INTO tournament_teams (tournament_id, team_id, position, source)
       SELECT $1, id, ord, 'registered' FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)`,
      [tournament.id, teams.map((t) => t.id)],
    );
    for (let i = 0; i < judges.length; i += 500)
      await api.post(
        `/tournaments/${tournament.id}/adjudicators`,
        { judgeIds: judges.slice(i, i + 500).map((j) => j.id) },
        token,
      );
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    step('entered');
    const members = new Map(teams.map((t) => [t.id, t.members.map((m) => m.id)]));
    const judgeLink = new Map(judges.map((j) => [j.id, j.link.split('/').pop()!]));
    const judgeToken = async (judgeId: string) =>
      (await api.post<{ accessToken: string }>('/auth/judge', { token: judgeLink.get(judgeId) })).accessToken;
    const ballot = (d: DebateOut, winner = 0) => ({
      teams: d.teams.map(({ teamId }, side) => {
        const speakers = members.get(teamId)!.slice(0, 3);
        return {
          teamId,
          speeches: [
            ...speakers.map((speakerId) => ({ speakerId, score: side === winner ? 73 : 71 })),
            { speakerId: speakers[0], score: 36, reply: true },
          ],
        };
      }),
    });

    const rssLoaded = rssMb(app.child.pid!);

    // The audience joins before the draw: 1,000 sockets subscribe to the tournament as a reconnecting board does
    // (`sinceSeq: 0`: the few events so far are replayed). A first subscribe without it gets the room's snapshot
    // (standings, rounds): that cost is timed on a few sockets after the draw instead.
    const audience = { kind: 'tournament', id: tournament.id, sinceSeq: 0 };
    const sockets = await connectAll(app.url, SOCKETS, audience);
    const rssSockets = rssMb(app.child.pid!);
    step(`${SOCKETS} sockets connected`);

    // Round 1, panels of three: the request timed, and inside the server the draw and the allocation (with
    // loading the judges' conflicts) by the profiler.
    await api.put(`/tournaments/${tournament.id}/panel-rules`, { panelSize: 3 }, token);
    let drawn = { seq: 0 };
    let drawHttpMs = 0;
    const inside = await profiler.measure(async () => {
      [drawn, drawHttpMs] = await timed(() =>
        again503(() => api.post<{ seq: number }>(`/tournaments/${tournament.id}/rounds`, {}, token)),
      );
    }, ['drawPrelimRound', 'allocatePanels', 'conflicts']);
    // Release: the answer to the organiser, then the draw pushed to every audience socket.
    const drawReached: number[] = [];
    for (const socket of sockets) socket.onDraw = (at) => drawReached.push(at);
    const releaseStarted = performance.now();
    const [round, releaseHttpMs] = await timed(() =>
      again503(() =>
        api.post<{ debates: DebateOut[] }>(`/tournaments/${tournament.id}/rounds/${drawn.seq}/release`, {}, token),
      ),
    );
    for (let waited = 0; drawReached.length < sockets.length && waited < 60_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    drawReached.sort((a, b) => a - b);
    const releaseToLastSocketMs = drawReached.length ? drawReached[drawReached.length - 1] - releaseStarted : NaN;
    const drawMissed = sockets.length - drawReached.length;
    for (const socket of sockets) socket.onDraw = () => undefined;
    step(`round 1 drawn and released (the draw on ${drawReached.length} of ${sockets.length} sockets)`);

    // Fan-out: chairs of distinct debates submit at FANOUT_RATE a second; each ballot is a `score` event to every
    // socket (a panel of three is not decided by one ballot).
    const receipts = new Map<string, number[]>();
    for (const socket of sockets) {
      socket.onScore = (payload, at) => {
        const key = String(payload.debateId);
        receipts.set(key, [...(receipts.get(key) ?? []), at]);
      };
    }
    const chosen = round.debates.slice(0, FANOUT_BALLOTS);
    const tokens = await Promise.all(chosen.map((d) => judgeToken(d.panel[0].judgeId)));
    const answered: { key: string; at: number }[] = [];
    const started = performance.now();
    await Promise.all(
      chosen.map(async (d, i) => {
        const due = started + (i * 1000) / FANOUT_RATE;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        await api.post(`/debates/${d.id}/ballots`, ballot(d), tokens[i], `cost:${d.id}:${d.panel[0].judgeId}`);
        answered.push({ key: d.id, at: performance.now() });
      }),
    );
    // Drain: wait until every socket has every event, or nothing more arrives for 5 s (then the rest is missed).
    const expected = answered.length * sockets.length;
    let seen = -1;
    for (let quiet = 0; quiet < 10; quiet++) {
      await new Promise((r) => setTimeout(r, 500));
      const now = [...receipts.values()].reduce((k, l) => k + l.length, 0);
      if (now >= expected) break;
      if (now !== seen) quiet = 0;
      seen = now;
    }
    const latencies: number[] = [];
    let missed = 0;
    for (const { key, at } of answered) {
      const list = receipts.get(key) ?? [];
      missed += sockets.length - list.length;
      for (const t of list) latencies.push(t - at);
    }
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    const rssFanout = rssMb(app.child.pid!);
    for (const s of sockets) s.close();
    step('fan-out measured');

    // A first subscribe (no sinceSeq) is answered with the room's snapshot: five sockets one after another.
    const snapshots: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [[socket], ms] = await timed(() => connectAll(app.url, 1, { kind: 'tournament', id: tournament.id }));
      socket.close();
      snapshots.push(ms);
    }
    snapshots.sort((a, b) => a - b);

    // One more result: the other two ballots of the first debate confirm it; then the standings are read
    // (recomputed from every confirmed result), three times, the median kept.
    const debate = round.debates[0];
    for (const seat of debate.panel.slice(1))
      await api.post(
        `/debates/${debate.id}/ballots`,
        ballot(debate),
        await judgeToken(seat.judgeId),
        `cost:${debate.id}:${seat.judgeId}`,
      );
    const reads: number[] = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const [standings, ms] = await timed(() =>
        api.get<{ items: unknown[] }>(`/tournaments/${tournament.id}/standings`),
      );
      rows = standings.items.length;
      reads.push(ms);
    }
    reads.sort((a, b) => a - b);
    const rssEnd = rssMb(app.child.pid!);
    return {
      setupSeconds,
      appDrawMs: inside.drawPrelimRound,
      appAllocateMs: inside.allocatePanels,
      appConflictsMs: inside.conflicts,
      drawHttpMs,
      releaseHttpMs,
      releaseToLastSocketMs,
      drawMissed,
      standingsHttpMs: reads[1],
      standingsRows: rows,
      subscribeSnapshotMs: snapshots[2],
      rssLoaded,
      rssSockets,
      rssFanout,
      rssEnd,
      fanoutP50: p(0.5),
      fanoutP99: p(0.99),
      missed,
      events: answered.length * sockets.length,
    };
  } finally {
    profiler.close();
    await stopChild(app.child);
    await db.drop();
  }
}

const SERVER_MAX = Number(process.env.BENCH_SERVER_MAX ?? Infinity);
const figures: [string, string, string][] = [
  ['cost: draw a round (engine, CPU)', 'drawMs', 'ms'],
  ['cost: allocate its panels of three (engine, CPU)', 'allocateMs', 'ms'],
  ['cost: team + speaker tabs after one ballot (engine, CPU)', 'standingsMs', 'ms'],
  ['cost: app set-up (import teams and judges, enter them)', 'setupSeconds', 's'],
  ['cost: app draws round 1 (inside POST /rounds, profiled)', 'appDrawMs', 'ms'],
  ['cost: app allocates its panels of three (inside POST /rounds, profiled)', 'appAllocateMs', 'ms'],
  ['cost: POST round 1 (draw + panels of three + persist, HTTP)', 'drawHttpMs', 'ms'],
  ['cost: release round 1 (HTTP)', 'releaseHttpMs', 'ms'],
  [`cost: release round 1 → the draw on the last of ${SOCKETS} sockets`, 'releaseToLastSocketMs', 'ms'],
  ['cost: GET standings after one more ballot (HTTP)', 'standingsHttpMs', 'ms'],
  ['cost: first subscribe of a socket, with the snapshot (median of 5)', 'subscribeSnapshotMs', 'ms'],
  ['cost: server RSS, season loaded', 'rssLoaded', 'MB'],
  ['cost: server RSS with the audience sockets', 'rssSockets', 'MB'],
  ['cost: server RSS at the end', 'rssEnd', 'MB'],
  [`cost: fan-out p50 to ${SOCKETS} sockets (response → receipt)`, 'fanoutP50', 'ms'],
  [`cost: fan-out p99 to ${SOCKETS} sockets (response → receipt)`, 'fanoutP99', 'ms'],
];
const rows: Record<number, Record<string, number>> = {};
const first = SIZES[0];
// Each size's figures are printed as soon as it is measured, so a long run that is stopped keeps what it has.
for (const participants of SIZES) {
  const engine = engineFigures(participants);
  const server = SERVER && participants <= SERVER_MAX ? await serverFigures(participants) : undefined;
  const row: Record<string, number> = { ...engine, ...(server ?? {}), loadAverage: loadAverage() };
  rows[participants] = row;
  for (const [bench, key, unit] of figures) {
    if (row[key] === undefined || rows[first][key] === undefined) continue;
    emit({
      bench,
      size: participants,
      unit,
      value: round2(row[key]),
      baseline: `the same at ${first.toLocaleString('en')} participants`,
      baselineValue: round2(rows[first][key]),
      ratio: round2(row[key] / rows[first][key]),
      teams: row.teams,
      rooms: row.rooms,
      judges: row.judges,
      ...(key.startsWith('fanout') ? { missed: row.missed, events: row.events } : {}),
      ...(key === 'releaseToLastSocketMs' ? { missed: row.drawMissed } : {}),
      ...(key === 'appAllocateMs' ? { conflictsMs: round2(row.appConflictsMs) } : {}),
      ...(key === 'standingsHttpMs' ? { standingsRows: row.standingsRows } : {}),
      ...(key.endsWith('Ms') && row[key.replace(/Ms$/, 'WallMs')] !== undefined
        ? { wallMs: round2(row[key.replace(/Ms$/, 'WallMs')]) }
        : {}),
      loadAverage: round2(row.loadAverage),
    });
  }
}
