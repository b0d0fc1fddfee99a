/**
 * Standings for a 20,000-participant season: 4,000 teams of 5.
 *  - case championship: 5 jurors × 5 criteria per team (20,000 sheets from a pool of 200 jurors),
 *    drop-high/low and juror normalisation on;
 *  - debate: team tab and speaker tab over 4,000 teams × 5 rounds of WSDC results (10,000 debates).
 *
 * Baseline (written here, same rules): the straightforward implementation — one Array.sort whose
 * comparator recomputes every aggregate of both compared teams (speakers) on each comparison, from
 * per-team lists built once. Jury-wide figures (overall and per-juror mean/SD, each juror's best
 * total) are computed once up front; nothing per team is cached.
 * ratio = baseline ms / ours ms, both measured in this run (warm-up, then the median of repetitions).
 */
import { computeCaseStandings, type CaseScoresheet } from '../src/engine/case-scoring/case-standings.js';
import { DEFAULT_CASE_RUBRIC, sheetTotal } from '../src/engine/case-scoring/rubric.js';
import type { ConfirmedDebateResult, ConfirmedTeamResult } from '../src/engine/standings/confirmed-result.js';
import { computeSpeakerTab, type TabSpeaker } from '../src/engine/standings/speaker-tab.js';
import { computeTeamTab, type TabTeam } from '../src/engine/standings/team-tab.js';
import { mulberry32, type BenchFigure } from './bench-util.js';

const TEAMS = 4000;
const MEMBERS = 5;
const JURORS_PER_TEAM = 5;
const JUROR_POOL = 200;
const ROUNDS = 5;
const TARGET_MS = 100;

function makeSeason(seed: number) {
  const random = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const teams: TabTeam[] = Array.from({ length: TEAMS }, (_, t) => ({
    id: `team-${t}`,
    name: `Team ${t}`,
    regionCode: ['south', 'north', 'west', 'central', 'east'][t % 5],
  }));
  const speakers: TabSpeaker[] = teams.flatMap((team) =>
    Array.from({ length: MEMBERS }, (_, m) => ({
      id: `${team.id}-s${m}`,
      name: `Speaker ${m} of ${team.name}`,
      teamId: team.id,
    })),
  );

  // Each juror's leniency shifts all their scores, which is what normalisation has to undo.
  const leniency = Array.from({ length: JUROR_POOL }, () => int(-2, 2) / 2);
  const sheets: CaseScoresheet[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const quality = random() * 6 + 2;
    const first = int(0, JUROR_POOL - 1);
    for (let j = 0; j < JURORS_PER_TEAM; j++) {
      const juror = (first + j * 37) % JUROR_POOL; // 5 distinct jurors per team
      const scores: Record<string, number> = {};
      for (const c of DEFAULT_CASE_RUBRIC)
        scores[c.key] = Math.min(10, Math.max(0, Math.round((quality + leniency[juror] + random() * 2 - 1) * 2) / 2));
      sheets.push({ teamId: teams[t].id, judgeId: `juror-${juror}`, scores });
    }
  }

  const results: ConfirmedDebateResult[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const order = teams.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = int(0, i);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let k = 0; k < order.length; k += 2) {
      const sides = [order[k], order[k + 1]].map((t) => {
        const members = Array.from({ length: MEMBERS }, (_, m) => `${teams[t].id}-s${m}`).sort(() => random() - 0.5);
        const speeches = [0, 1, 2].map((p) => ({ speakerId: members[p], score: int(65, 78), reply: false }));
        speeches.push({ speakerId: speeches[int(0, 1)].speakerId, score: int(64, 78) / 2, reply: true });
        return { teamId: teams[t].id, speeches, total: speeches.reduce((a, x) => a + x.score, 0) };
      });
      if (sides[0].total === sides[1].total) {
        sides[0].speeches[0].score += 1;
        sides[0].total += 1;
      }
      const [a, b] = sides;
      const aWins = a.total > b.total;
      // Plain literals of one shape, as rows loaded from the database are (spread copies would each get
      // their own hidden class and measure V8's megamorphic property access instead of the tab).
      const entry = (x: typeof a, side: string, won: boolean, margin: number): ConfirmedTeamResult => ({
        teamId: x.teamId,
        side,
        points: won ? 1 : 0,
        won,
        rank: won ? 1 : 2,
        total: x.total,
        margin,
        speeches: x.speeches,
      });
      results.push({
        debateId: `r${round}-d${k / 2}`,
        round,
        teams: [entry(a, 'gov', aWins, a.total - b.total), entry(b, 'opp', !aWins, b.total - a.total)],
      });
    }
  }
  return { teams, speakers, sheets, results };
}

// ---------- naive reference implementations (the baseline) ----------

function naiveCaseOrder(sheets: readonly CaseScoresheet[]): string[] {
  const byTeam = new Map<string, CaseScoresheet[]>();
  const byJuror = new Map<string, CaseScoresheet[]>();
  for (const s of sheets) {
    byTeam.set(s.teamId, [...(byTeam.get(s.teamId) ?? []), s]);
    byJuror.set(s.judgeId, [...(byJuror.get(s.judgeId) ?? []), s]);
  }
  // Jury-wide statistics once, like any sane first version; only the per-team work is naive.
  const all = sheets.map((s) => sheetTotal(DEFAULT_CASE_RUBRIC, s.scores));
  const mu = all.reduce((a, b) => a + b, 0) / all.length;
  const sigma = Math.sqrt(all.reduce((a, b) => a + (b - mu) ** 2, 0) / all.length);
  const juror = new Map(
    [...byJuror].map(([id, own]) => {
      const totals = own.map((x) => sheetTotal(DEFAULT_CASE_RUBRIC, x.scores));
      const m = totals.reduce((a, b) => a + b, 0) / totals.length;
      const sd = Math.sqrt(totals.reduce((a, b) => a + (b - m) ** 2, 0) / totals.length);
      return [id, { m, sd, best: Math.max(...totals.map((t) => Math.round(t * 1e6))) }];
    }),
  );
  const tieBreaks = [...DEFAULT_CASE_RUBRIC].sort((a, b) => b.weight - a.weight);
  const score = (teamId: string) => {
    const own = (byTeam.get(teamId) as CaseScoresheet[]).map((s) => {
      const { m, sd } = juror.get(s.judgeId) as { m: number; sd: number };
      const z = sd > 1e-9 ? (sheetTotal(DEFAULT_CASE_RUBRIC, s.scores) - m) / sd : 0;
      return { s, n: Math.min(100, Math.max(0, mu + sigma * z)) };
    });
    const counted =
      own.length >= 5 ? [...own].sort((a, b) => a.n - b.n || (a.s.judgeId < b.s.judgeId ? -1 : 1)).slice(1, -1) : own;
    const keys = [Math.round((counted.reduce((a, x) => a + x.n, 0) / counted.length) * 1e6)];
    for (const c of tieBreaks)
      keys.push(Math.round((counted.reduce((a, x) => a + x.s.scores[c.key], 0) / counted.length) * 1e6));
    keys.push(
      own.filter(({ s }) => Math.round(sheetTotal(DEFAULT_CASE_RUBRIC, s.scores) * 1e6) === juror.get(s.judgeId)?.best)
        .length,
    );
    return keys;
  };
  return [...byTeam.keys()].sort((a, b) => {
    const [x, y] = [score(a), score(b)];
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return y[k] - x[k];
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

function naiveTeamOrder(teams: readonly TabTeam[], results: readonly ConfirmedDebateResult[]) {
  const debatesOf = new Map<string, ConfirmedDebateResult[]>();
  for (const d of results) for (const t of d.teams) debatesOf.set(t.teamId, [...(debatesOf.get(t.teamId) ?? []), d]);
  const own = (d: ConfirmedDebateResult, id: string) => d.teams.find((t) => t.teamId === id) as ConfirmedTeamResult;
  const pointsOf = (id: string) => (debatesOf.get(id) ?? []).reduce((a, d) => a + own(d, id).points, 0);
  const stats = (id: string) => {
    const ds = debatesOf.get(id) ?? [];
    return [
      pointsOf(id),
      ds.reduce((a, d) => a + own(d, id).total, 0),
      ds.reduce((a, d) => a + d.teams.filter((t) => t.teamId !== id).reduce((b, t) => b + pointsOf(t.teamId), 0), 0),
      ds.reduce((a, d) => a + own(d, id).margin, 0),
    ].map((v) => Math.round(v * 1e6));
  };
  const headToHead = (a: string, b: string) =>
    (debatesOf.get(a) ?? []).reduce((n, d) => {
      const them = d.teams.find((t) => t.teamId === b);
      return them ? n + ((own(d, a).rank as number) < (them.rank as number) ? 1 : -1) : n;
    }, 0);
  return [...teams]
    .sort((p, q) => {
      const [x, y] = [stats(p.id), stats(q.id)];
      for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return y[k] - x[k];
      const h = headToHead(p.id, q.id);
      if (h !== 0) return -h;
      return p.name < q.name ? -1 : p.name > q.name ? 1 : p.id < q.id ? -1 : 1;
    })
    .map((t) => ({ teamId: t.id, keys: stats(t.id) }));
}

function naiveSpeakerOrder(speakers: readonly TabSpeaker[], results: readonly ConfirmedDebateResult[]) {
  const debatesOf = new Map<string, ConfirmedDebateResult[]>();
  for (const d of results) for (const t of d.teams) debatesOf.set(t.teamId, [...(debatesOf.get(t.teamId) ?? []), d]);
  const stats = (s: TabSpeaker) => {
    let total = 0;
    let count = 0;
    for (const d of debatesOf.get(s.teamId) ?? []) {
      for (const t of d.teams) {
        for (const x of t.speeches) {
          if (x.speakerId === s.id && !x.reply) {
            total += x.score;
            count++;
          }
        }
      }
    }
    return [Math.round(total * 1e6), count ? Math.round((total / count) * 1e6) : -Infinity];
  };
  return [...speakers].sort((p, q) => {
    const [x, y] = [stats(p), stats(q)];
    if (x[0] !== y[0]) return y[0] - x[0];
    if (x[1] !== y[1]) return y[1] - x[1];
    return p.name < q.name ? -1 : p.name > q.name ? 1 : p.id < q.id ? -1 : 1;
  });
}

// ---------- timing ----------

function medianMs(repetitions: number, fn: () => unknown): number {
  fn(); // warm-up: let the JIT settle before timing
  fn();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

export async function run(): Promise<BenchFigure[]> {
  const { teams, speakers, sheets, results } = makeSeason(20260);
  const caseOptions = { dropHighLow: true, normaliseJudges: true, qualifierSlots: 100 };

  // Both sides must agree before their speed means anything.
  const ours = computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, caseOptions).rows.map((r) => r.teamId);
  if (ours.join() !== naiveCaseOrder(sheets).join()) throw new Error('case standings: baseline and engine disagree');
  const tab = computeTeamTab(teams, results);
  const naiveTab = naiveTeamOrder(teams, results);
  tab.forEach((row, i) => {
    const keys = [row.points, row.speakerTotal, row.drawStrength, row.margin].map((v) => Math.round(v * 1e6));
    if (keys.join() !== naiveTab[i].keys.join()) throw new Error(`team tab: baseline and engine disagree at row ${i}`);
  });
  if (
    computeSpeakerTab(speakers, results)
      .map((r) => r.speakerId)
      .join() !==
    naiveSpeakerOrder(speakers, results)
      .map((s) => s.id)
      .join()
  ) {
    throw new Error('speaker tab: baseline and engine disagree');
  }

  const measured = [
    {
      bench: 'engine-standings/case-standings',
      what: `case standings: ${TEAMS} teams, ${sheets.length} sheets × ${DEFAULT_CASE_RUBRIC.length} criteria, drop high/low + normalisation`,
      ours: medianMs(9, () => computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, caseOptions)),
      naive: medianMs(3, () => naiveCaseOrder(sheets)),
    },
    {
      bench: 'engine-standings/team-tab',
      what: `team tab: ${TEAMS} teams × ${ROUNDS} rounds (${results.length} debates), default tie-breaks`,
      ours: medianMs(9, () => computeTeamTab(teams, results)),
      naive: medianMs(3, () => naiveTeamOrder(teams, results)),
    },
    {
      bench: 'engine-standings/speaker-tab',
      what: `speaker tab: ${speakers.length} speakers over ${results.length} debates`,
      ours: medianMs(9, () => computeSpeakerTab(speakers, results)),
      naive: medianMs(3, () => naiveSpeakerOrder(speakers, results)),
    },
  ];

  const baseline = 'naive comparator recomputing aggregates per comparison (bench/engine-standings.ts)';
  const figures: BenchFigure[] = measured.map((m) => ({
    bench: m.bench,
    size: TEAMS,
    unit: 'ms',
    value: round(m.ours),
    baseline,
    baselineValue: round(m.naive),
    ratio: round(m.naive / m.ours, 1),
    targetMs: TARGET_MS,
  }));
  const season = measured[0].ours + measured[1].ours + measured[2].ours;
  const seasonNaive = measured[0].naive + measured[1].naive + measured[2].naive;
  figures.push({
    bench: 'engine-standings/season',
    size: TEAMS * MEMBERS,
    unit: 'ms',
    value: round(season),
    baseline,
    baselineValue: round(seasonNaive),
    ratio: round(seasonNaive / season, 1),
    targetMs: TARGET_MS,
  });

  for (const m of measured) {
    console.log(
      `${m.what}: ${m.ours.toFixed(1)} ms (naive ${m.naive.toFixed(1)} ms, ×${(m.naive / m.ours).toFixed(1)}) ${m.ours < TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target`,
    );
  }
  console.log(
    `season total (${TEAMS * MEMBERS} participants): ${season.toFixed(1)} ms (naive ${seasonNaive.toFixed(1)} ms)`,
  );
  for (const figure of figures) console.log(JSON.stringify(figure));
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
