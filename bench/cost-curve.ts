// `npm run bench:cost`: how the cost grows with the season — 1,000 → 5,000 → 20,000 participants (teams of five:
// 200 → 1,000 → 4,000 teams). Engine timings call src/engine directly: drawing round 6 after five, allocating its
// panels (three judges a room, each judge conflicted with one team), recomputing team and speaker tabs after one more ballot.
// Against the running app (PostgreSQL): the HTTP time to draw and release a round of that size, server memory with
// the season loaded, and the live fan-out to 1,000 audience sockets (a `score` event's HTTP response → receipt).
// The baseline of each figure is the same figure at the smallest size; the ratio is how many times it grew
// (participants grow ×5 and ×20). Knobs: BENCH_SIZES (1000,5000,20000), BENCH_SERVER=0 skips the app part,
// BENCH_SERVER_MAX (no limit) skips the app part above that many participants, BENCH_SOCKETS (1000); the app part
// runs on PostgreSQL only.
import { ApiError, OrleuApi } from '../src/demo/api-client.js';
import { drawPowerPaired, seededRandom, type DrawTeam } from '../src/engine/draw/power-pairing.js';
import { allocatePanels, type AllocationRequest } from '../src/engine/panels/panel-allocation.js';
import type { ConfirmedDebateResult, ConfirmedTeamResult } from '../src/engine/standings/confirmed-result.js';
import { computeSpeakerTab, type TabSpeaker } from '../src/engine/standings/speaker-tab.js';
import { computeTeamTab, type TabTeam } from '../src/engine/standings/team-tab.js';
import { emit, medianCpuMs, round2 } from './bench-util.js';
import { freshDatabase, loadAverage, ORGANISER, rssMb, startApp, stopChild } from './bench-app.js';
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

async function serverFigures(participants: number) {
  const n = participants / MEMBERS;
  const db = await freshDatabase('postgres', `cost${participants}`);
  const app = await startApp(db.env);
  try {
    const api = new OrleuApi(app.url);
    const token = await api.login(ORGANISER.username, ORGANISER.password);
    const rssIdle = rssMb(app.child.pid!);
    const chunked = async (count: number, fn: (i: number) => Promise<unknown>) => {
      const out: unknown[] = [];
      for (let i = 0; i < count; i += 20)
        out.push(...(await Promise.all(Array.from({ length: Math.min(20, count - i) }, (_, k) => fn(i + k)))));
      return out;
    };
    const teams = (await chunked(n, (i) =>
      api.post(
        '/teams',
        {
          name: `Cost team ${i}`,
          regionCode: 'south',
          oblastCode: 'shymkent',
          institution: `Cost school ${i}`,
          members: Array.from({ length: 3 }, (_, m) => ({
            fullName: `Speaker ${i}.${m}`,
            birthDate: `2005-0${m + 1}-1${m}`,
          })),
        },
        token,
      ),
    )) as { id: string; members: { id: string }[] }[];
    // A retry on 409: the server draws a judge's 4-letter access prefix at random and answers a collision with a
    // 409 instead of drawing again — at 2,000 judges one collision or more is likely (a server issue, reported).
    const createJudge = async (j: number, attempt = 0): Promise<unknown> =>
      api
        .post(
          '/judges',
          { fullName: `Cost judge ${j}`, regionCode: 'south', institution: `Cost university ${j}` },
          token,
        )
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 409 && attempt < 3) return createJudge(j, attempt + 1);
          throw error;
        });
    const judges = (await chunked(n / 2, (j) => createJudge(j))) as { id: string; link: string }[];
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
    await chunked(n, (i) => api.post(`/tournaments/${tournament.id}/teams`, { teamId: teams[i].id }, token));
    await api.post(
      `/tournaments/${tournament.id}/adjudicators`,
      { judgeIds: judges.slice(0, 500).map((j) => j.id) },
      token,
    );
    for (let i = 500; i < judges.length; i += 500)
      await api.post(
        `/tournaments/${tournament.id}/adjudicators`,
        { judgeIds: judges.slice(i, i + 500).map((j) => j.id) },
        token,
      );
    const t0 = performance.now();
    const drawn = await api.post<{ seq: number }>(`/tournaments/${tournament.id}/rounds`, {}, token);
    const drawHttpMs = performance.now() - t0;
    const t1 = performance.now();
    const released = await api.post<{
      debates: { id: string; teams: { teamId: string }[]; panel: { judgeId: string }[] }[];
    }>(`/tournaments/${tournament.id}/rounds/${drawn.seq}/release`, {}, token);
    const releaseHttpMs = performance.now() - t1;
    const members = new Map(teams.map((t) => [t.id, t.members.map((m) => m.id)]));
    const t2 = performance.now();
    await api.get(`/tournaments/${tournament.id}/standings`);
    const standingsHttpMs = performance.now() - t2;
    const rssLoaded = rssMb(app.child.pid!);

    // Fan-out: audience sockets on the tournament; chairs of distinct debates submit at FANOUT_RATE a second.
    const sockets = await connectAll(app.url, SOCKETS, { kind: 'tournament', id: tournament.id });
    const rssSockets = rssMb(app.child.pid!);
    const receipts = new Map<string, number[]>();
    for (const socket of sockets) {
      socket.onScore = (payload, at) => {
        const key = String(payload.debateId);
        receipts.set(key, [...(receipts.get(key) ?? []), at]);
      };
    }
    const judgeLink = new Map(judges.map((j) => [j.id, j.link.split('/').pop()!]));
    const chosen = released.debates.slice(0, FANOUT_BALLOTS);
    const tokens = await Promise.all(
      chosen.map((d) => api.post<{ accessToken: string }>('/auth/judge', { token: judgeLink.get(d.panel[0].judgeId) })),
    );
    const answered: { key: string; at: number }[] = [];
    const started = performance.now();
    await Promise.all(
      chosen.map(async (d, i) => {
        const due = started + (i * 1000) / FANOUT_RATE;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
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
        await api.post(`/debates/${d.id}/ballots`, body, tokens[i].accessToken, `cost:${d.id}`);
        answered.push({ key: d.id, at: performance.now() });
      }),
    );
    // Drain: wait until every socket has every event, or nothing more arrives for 5 s (then the rest is missed).
    const expected = answered.length * sockets.length;
    let seen = -1;
    for (let quiet = 0; quiet < 10; quiet++) {
      await new Promise((r) => setTimeout(r, 500));
      const now = [...receipts.values()].reduce((n, l) => n + l.length, 0);
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
    const rssEnd = rssMb(app.child.pid!);
    for (const s of sockets) s.close();
    return {
      drawHttpMs,
      releaseHttpMs,
      standingsHttpMs,
      rssIdle,
      rssLoaded,
      rssSockets,
      rssEnd,
      fanoutP50: p(0.5),
      fanoutP99: p(0.99),
      missed,
      events: answered.length * sockets.length,
    };
  } finally {
    await stopChild(app.child);
    await db.drop();
  }
}

const SERVER_MAX = Number(process.env.BENCH_SERVER_MAX ?? Infinity);
const figures: [string, string, string][] = [
  ['cost: draw a round (engine, CPU)', 'drawMs', 'ms'],
  ['cost: allocate its panels of three (engine, CPU)', 'allocateMs', 'ms'],
  ['cost: team + speaker tabs after one ballot (engine, CPU)', 'standingsMs', 'ms'],
  ['cost: POST round 1 (draw + panels of one + persist, HTTP)', 'drawHttpMs', 'ms'],
  ['cost: release the round (HTTP)', 'releaseHttpMs', 'ms'],
  ['cost: GET standings after round 1 (HTTP)', 'standingsHttpMs', 'ms'],
  ['cost: server RSS, season loaded', 'rssLoaded', 'MB'],
  ['cost: server RSS with the audience sockets', 'rssSockets', 'MB'],
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
      ...(row[key.replace(/Ms$/, 'WallMs')] !== undefined ? { wallMs: round2(row[key.replace(/Ms$/, 'WallMs')]) } : {}),
      loadAverage: round2(row.loadAverage),
    });
  }
}
