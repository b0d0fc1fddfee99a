/**
 * Case championships at the programme's size: qualifying rooms and their juries, then standings across rooms.
 * Sizes 100 → 800 teams, rooms of 20, a jury of 4 per room from a pool of 4 jurors per room, 3 % of juror–team pairs
 * conflicted (declared, mentors, same institution), oblasts skewed (a few large ones).
 *
 * Baseline (written here, the same inputs): what an organiser's spreadsheet does — shuffle the teams and cut them into
 * rooms of the size, then give each room the first free jurors in the list that have no conflict there. Quality
 * figures beside the times: rooms holding more than their share + 1 of an oblast, jury seats left empty.
 */
import { planHeats, type HeatEntry, type HeatJuror } from '../src/engine/case-scoring/heats.js';
import { computeCaseStandings, type CaseScoresheet } from '../src/engine/case-scoring/case-standings.js';
import { DEFAULT_CASE_RUBRIC } from '../src/engine/case-scoring/rubric.js';
import { emit, medianMs, mulberry32, round2, type BenchFigure } from './bench-util.js';

const ROOM_SIZE = 20;
const PANEL = 4;

function makeChampionship(teams: number, seed: number) {
  const random = mulberry32(seed);
  const rooms = Math.ceil(teams / ROOM_SIZE);
  const entries: HeatEntry[] = Array.from({ length: teams }, (_, i) => ({
    teamId: `t${i}`,
    // Skewed: oblast k takes a share ∝ 1/(k+1) of the 17 oblasts and 3 cities.
    oblastCode: `o${Math.floor(20 * random() ** 2)}`,
    institution: `i${Math.floor((random() * teams) / 3)}`,
  }));
  const jurors: HeatJuror[] = Array.from({ length: rooms * PANEL }, (_, j) => ({
    judgeId: `j${j}`,
    regionCode: `r${j % 5}`,
    strength: Math.floor(random() * 11),
  }));
  const conflicts: { judgeId: string; teamId: string }[] = [];
  for (const juror of jurors)
    for (const entry of entries) if (random() < 0.03) conflicts.push({ judgeId: juror.judgeId, teamId: entry.teamId });
  return { entries, jurors, conflicts, roomSize: ROOM_SIZE, panelSize: PANEL, seed: `bench-${seed}` };
}

type Request = ReturnType<typeof makeChampionship>;

function spreadsheetPlan(request: Request) {
  const random = mulberry32(7);
  const teams = [...request.entries];
  for (let i = teams.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [teams[i], teams[j]] = [teams[j], teams[i]];
  }
  const count = Math.ceil(teams.length / request.roomSize);
  const rooms = Array.from({ length: count }, (_, r) => ({
    room: r + 1,
    teamIds: teams.slice(r * request.roomSize, (r + 1) * request.roomSize).map((t) => t.teamId),
    judgeIds: [] as string[],
  }));
  const conflicted = new Set(request.conflicts.map((c) => `${c.judgeId}/${c.teamId}`));
  const free = [...request.jurors];
  for (const room of rooms) {
    for (let k = 0; k < free.length && room.judgeIds.length < request.panelSize;) {
      if (room.teamIds.every((t) => !conflicted.has(`${free[k].judgeId}/${t}`)))
        room.judgeIds.push(free.splice(k, 1)[0].judgeId);
      else k++;
    }
  }
  return { rooms };
}

function quality(request: Request, rooms: { teamIds: string[]; judgeIds: string[] }[]) {
  const oblastOf = new Map(request.entries.map((e) => [e.teamId, e.oblastCode]));
  const total = new Map<string, number>();
  for (const e of request.entries) total.set(e.oblastCode, (total.get(e.oblastCode) ?? 0) + 1);
  let overShare = 0;
  for (const room of rooms) {
    const here = new Map<string, number>();
    for (const id of room.teamIds) here.set(oblastOf.get(id)!, (here.get(oblastOf.get(id)!) ?? 0) + 1);
    for (const [oblast, n] of here) if (n > Math.floor(total.get(oblast)! / rooms.length) + 1) overShare++;
  }
  const emptySeats = rooms.reduce((sum, r) => sum + request.panelSize - r.judgeIds.length, 0);
  return { overShare, emptySeats };
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const teams of [100, 200, 400, 800]) {
    const request = makeChampionship(teams, teams);
    const ours = medianMs(() => planHeats(request), 5);
    const theirs = medianMs(() => spreadsheetPlan(request), 5);
    const q = quality(request, planHeats(request).rooms);
    const qb = quality(request, spreadsheetPlan(request).rooms);
    console.log(
      `rooms for ${teams} teams (${Math.ceil(teams / ROOM_SIZE)} rooms, ${request.jurors.length} jurors): ${round2(ours)} ms ` +
        `(over-share rooms ${q.overShare}, empty seats ${q.emptySeats}) vs spreadsheet ${round2(theirs)} ms (over-share ${qb.overShare}, empty seats ${qb.emptySeats})`,
    );
    figures.push(
      emit({
        bench: 'case.heats',
        size: teams,
        unit: 'ms',
        value: round2(ours),
        baseline: 'shuffle-and-cut + first free juror',
        baselineValue: round2(theirs),
        ratio: round2(theirs / ours),
        overShareRooms: q.overShare,
        emptySeats: q.emptySeats,
        baselineOverShareRooms: qb.overShare,
        baselineEmptySeats: qb.emptySeats,
      }),
    );

    // Standings across rooms after one more sheet: each room's jury scores its own teams.
    const plan = planHeats(request);
    const random = mulberry32(teams + 1);
    const sheets: CaseScoresheet[] = [];
    for (const room of plan.rooms) {
      const harshness = Math.floor(random() * 3) - 1;
      for (const teamId of room.teamIds) {
        const quality = 3 + random() * 5;
        for (const judgeId of room.judgeIds) {
          const scores: Record<string, number> = {};
          for (const c of DEFAULT_CASE_RUBRIC)
            scores[c.key] = Math.min(10, Math.max(0, Math.round(quality + harshness + random() * 2 - 1)));
          sheets.push({ teamId, judgeId, scores });
        }
      }
    }
    const z = medianMs(() => computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, { normalisation: 'z-scores' }), 7);
    const ranks = medianMs(() => computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, { normalisation: 'ranks' }), 7);
    const raw = medianMs(() => computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets), 7);
    console.log(
      `standings across rooms, ${sheets.length} sheets: z-scores ${round2(z)} ms, ranks ${round2(ranks)} ms, raw (no normalisation) ${round2(raw)} ms`,
    );
    figures.push(
      emit({
        bench: 'case.standings-across-rooms',
        size: teams,
        unit: 'ms',
        value: round2(z),
        baseline: 'raw totals, no normalisation',
        baselineValue: round2(raw),
        ratio: round2(raw / z),
        ranksMs: round2(ranks),
        sheets: sheets.length,
      }),
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
