// Two-team draw speed after 5 rounds, 100 to 2,000 teams, and quality beside it: our power pairing vs
// tournament-pairings' Swiss (weighted blossom) on the same standings and history. Like for like: the peer gets each
// team's points, its opponents to avoid, and its side history in round order (as its `seating` expects); both are
// scored on rematches, bracket crossings beyond those the bracket sizes force (a debate two brackets apart counts
// twice), institution clashes (the peer
// has no notion of institutions, so it cannot avoid them) and teams two sides off balance.
import { Swiss } from 'tournament-pairings';
import { drawPowerPaired, type DrawTeam } from '../src/engine/draw/power-pairing.js';
import { emit, medianCpuMs, round2, type BenchFigure } from './bench-util.js';
import { field } from './draw-quality.js';

const SIDES = ['gov', 'opp'] as const;
// The peer's blossom grows roughly with the cube of the field; past this size one call takes minutes.
const PEER_LIMIT = Number(process.env.BENCH_PEER_LIMIT ?? 400);

/** Five rounds drawn by our engine, results by hidden strength and a hash of the room; seating kept in round order. */
function season(n: number, rounds: number): { teams: DrawTeam[]; seating: Map<string, (1 | -1)[]> } {
  const { teams, strength } = field(n, `bench:${n}`);
  const byId = new Map(teams.map((t) => [t.id, t]));
  const seating = new Map(teams.map((t) => [t.id, [] as (1 | -1)[]]));
  for (let round = 1; round <= rounds; round++) {
    const draw = drawPowerPaired({
      sides: SIDES,
      roundNumber: round,
      seed: `bench:${n}:${round}`,
      teams: teams.map((t) => ({ ...t, sideCounts: { ...t.sideCounts }, opponents: [...t.opponents] })),
    });
    for (const debate of draw.debates) {
      const [gov, opp] = debate.teams.map((x) => byId.get(x.teamId)!);
      const govWins =
        strength.get(gov.id)! > strength.get(opp.id)! + (((round * 7919 + Number(gov.id.slice(1))) % 11) - 5) / 20;
      for (const [team, other, side, won] of [
        [gov, opp, 'gov', govWins],
        [opp, gov, 'opp', !govWins],
      ] as const) {
        team.points += won ? 1 : 0;
        team.speakerTotal += 210 + Math.round(strength.get(team.id)! * 30);
        team.sideCounts[side] = (team.sideCounts[side] ?? 0) + 1;
        team.opponents.push(other.id);
        seating.get(team.id)!.push(side === 'gov' ? 1 : -1);
      }
    }
  }
  return { teams, seating };
}

function forcedCrossings(teams: DrawTeam[]): number {
  const levels = [...new Set(teams.map((t) => t.points))].sort((a, b) => b - a);
  let above = 0;
  let forced = 0;
  for (const level of levels.slice(0, -1)) {
    above += teams.filter((t) => t.points === level).length;
    forced += above % 2;
  }
  return forced;
}

function quality(teams: DrawTeam[], pairs: { gov: string; opp: string }[]) {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const levels = [...new Set(teams.map((t) => t.points))].sort((a, b) => b - a);
  let rematches = 0;
  let sideOffByTwo = 0;
  let crossBracket = 0;
  let institutionClashes = 0;
  for (const { gov, opp } of pairs) {
    const [g, o] = [byId.get(gov)!, byId.get(opp)!];
    if (g.opponents.includes(opp)) rematches++;
    // A debate two brackets apart crosses two boundaries, each of which parity may force.
    crossBracket += Math.abs(levels.indexOf(g.points) - levels.indexOf(o.points));
    if (g.institution && g.institution === o.institution) institutionClashes++;
    for (const [t, delta] of [
      [g, 1],
      [o, -1],
    ] as const) {
      if (Math.abs((t.sideCounts.gov ?? 0) - (t.sideCounts.opp ?? 0) + delta) > 1) sideOffByTwo++;
    }
  }
  return {
    rematches,
    crossBracketBeyondForced: crossBracket - forcedCrossings(teams),
    institutionClashes,
    sideOffByTwo,
  };
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const n of [100, 250, 400, 500, 1000, 2000]) {
    const { teams, seating } = season(n, 5);
    const ours = () => drawPowerPaired({ sides: SIDES, roundNumber: 6, seed: 'bench', teams });
    const ourTime = medianCpuMs(ours, n >= 1000 ? 7 : 15, 2);
    const ourQuality = quality(
      teams,
      ours().debates.map((d) => ({ gov: d.teams[0].teamId, opp: d.teams[1].teamId })),
    );
    const players = teams.map((t) => ({
      id: t.id,
      score: t.points,
      avoid: t.opponents,
      seating: seating.get(t.id)!,
      receivedBye: false,
    }));
    let peerTime: { cpu: number; wall: number } | undefined;
    let peerQuality: ReturnType<typeof quality> | undefined;
    if (n <= PEER_LIMIT) {
      const peer = () => Swiss(players, 6, false, true);
      peerTime = medianCpuMs(peer, 3, 1);
      const matches = peer().filter((m) => m.player1 !== null && m.player2 !== null);
      // The peer seats player1 first when seating is on (it balances `seating` that way).
      peerQuality = quality(
        teams,
        matches.map((m) => ({ gov: String(m.player1), opp: String(m.player2) })),
      );
    }
    const q = (x: ReturnType<typeof quality>) =>
      `rematches ${x.rematches}, cross-bracket beyond forced ${x.crossBracketBeyondForced}, institution clashes ${x.institutionClashes}, two sides off ${x.sideOffByTwo}`;
    console.log(
      peerTime === undefined
        ? `draw ${n} teams after 5 rounds: ours ${round2(ourTime.cpu)} ms CPU (${round2(ourTime.wall)} ms wall; ${q(ourQuality)}); tournament-pairings skipped above ${PEER_LIMIT} teams (set BENCH_PEER_LIMIT to run it)`
        : `draw ${n} teams after 5 rounds: ours ${round2(ourTime.cpu)} ms CPU (${q(ourQuality)}) vs tournament-pairings ${round2(peerTime.cpu)} ms CPU (${q(peerQuality!)})`,
    );
    figures.push(
      emit({
        bench: 'draw',
        size: n,
        unit: 'ms CPU',
        value: round2(ourTime.cpu),
        wallMs: round2(ourTime.wall),
        targetMs: n === 2000 ? 100 : undefined,
        baseline: 'tournament-pairings Swiss',
        ...(peerTime === undefined
          ? { baselineSkipped: `above BENCH_PEER_LIMIT=${PEER_LIMIT}` }
          : { baselineValue: round2(peerTime.cpu), ratio: round2(peerTime.cpu / ourTime.cpu) }),
        ...ourQuality,
        ...(peerQuality ? { baselineQuality: peerQuality } : {}),
      }),
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
