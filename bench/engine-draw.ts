// Draw for 64, 400 and 2,000 teams after 5 rounds: our power pairing vs tournament-pairings' Swiss (weighted
// blossom), on the same standings and history, with rematches and side imbalances counted for both.
import { Swiss } from 'tournament-pairings';
import { drawPowerPaired, seededRandom, type DrawTeam } from '../src/engine/draw/power-pairing.js';
import { emit, medianMs, round2, type BenchFigure } from './bench-util.js';

const SIDES = ['gov', 'opp'] as const;
// The peer's blossom grows roughly with the cube of the field; past this size one call takes minutes.
const PEER_LIMIT = Number(process.env.BENCH_PEER_LIMIT ?? 400);

function season(n: number, rounds: number): DrawTeam[] {
  const random = seededRandom(`bench:${n}`);
  const strength = Array.from({ length: n }, () => random());
  const teams: DrawTeam[] = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, points: 0, speakerTotal: 0, sideCounts: {}, opponents: [], hadBye: false }));
  const byId = new Map(teams.map((t, i) => [t.id, i]));
  for (let round = 1; round <= rounds; round++) {
    const draw = drawPowerPaired({ sides: SIDES, roundNumber: round, seed: `bench:${n}`, teams });
    for (const debate of draw.debates) {
      const [a, b] = debate.teams.map((x) => byId.get(x.teamId)!);
      const aWins = strength[a] + random() * 0.4 > strength[b] + random() * 0.4;
      for (const [i, j, side, won] of [
        [a, b, 'gov', aWins],
        [b, a, 'opp', !aWins],
      ] as const) {
        teams[i].points += won ? 1 : 0;
        teams[i].speakerTotal += 210 + Math.round(strength[i] * 30);
        teams[i].sideCounts[side] = (teams[i].sideCounts[side] ?? 0) + 1;
        teams[i].opponents.push(teams[j].id);
      }
    }
  }
  return teams;
}

function quality(teams: DrawTeam[], pairs: { gov: string; opp: string }[]) {
  const byId = new Map(teams.map((t) => [t.id, t]));
  let rematches = 0;
  let imbalanced = 0;
  for (const { gov, opp } of pairs) {
    if (byId.get(gov)!.opponents.includes(opp)) rematches++;
    for (const [id, delta] of [
      [gov, 1],
      [opp, -1],
    ] as const) {
      const t = byId.get(id)!;
      if (Math.abs((t.sideCounts.gov ?? 0) - (t.sideCounts.opp ?? 0) + delta) > 1) imbalanced++;
    }
  }
  return { rematches, imbalanced };
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const n of [64, 400, 2000]) {
    const teams = season(n, 5);
    const ours = () => drawPowerPaired({ sides: SIDES, roundNumber: 6, seed: 'bench', teams });
    const ourMs = medianMs(ours, n >= 2000 ? 5 : 15, 2);
    const ourDraw = ours();
    const ourQuality = quality(teams, ourDraw.debates.map((d) => ({ gov: d.teams[0].teamId, opp: d.teams[1].teamId })));
    const players = teams.map((t) => ({
      id: t.id,
      score: t.points,
      avoid: t.opponents,
      seating: [...Array<1>(t.sideCounts.gov ?? 0).fill(1), ...Array<-1>(t.sideCounts.opp ?? 0).fill(-1)] as (1 | -1)[],
      receivedBye: false,
    }));
    let peerMs: number | undefined;
    let peerQuality: ReturnType<typeof quality> | undefined;
    if (n <= PEER_LIMIT) {
      const peer = () => Swiss(players, 6, false, true);
      peerMs = medianMs(peer, n >= 400 ? 3 : 7, 1);
      const matches = peer().filter((m) => m.player1 !== null && m.player2 !== null);
      // Which of its two players takes the first seat is the peer's convention: score it both ways, keep the better.
      const asIs = quality(teams, matches.map((m) => ({ gov: String(m.player1), opp: String(m.player2) })));
      const swapped = quality(teams, matches.map((m) => ({ gov: String(m.player2), opp: String(m.player1) })));
      peerQuality = asIs.imbalanced <= swapped.imbalanced ? asIs : swapped;
    }
    const line = peerMs === undefined
      ? `draw ${n} teams after 5 rounds: ours ${round2(ourMs)} ms (rematches ${ourQuality.rematches}, side-imbalanced ${ourQuality.imbalanced}); tournament-pairings skipped above ${PEER_LIMIT} teams (set BENCH_PEER_LIMIT to run it)`
      : `draw ${n} teams after 5 rounds: ours ${round2(ourMs)} ms vs tournament-pairings ${round2(peerMs)} ms (×${round2(peerMs / ourMs)}); rematches ${ourQuality.rematches} vs ${peerQuality!.rematches}, side-imbalanced ${ourQuality.imbalanced} vs ${peerQuality!.imbalanced}`;
    console.log(line);
    figures.push(
      emit({
        bench: 'draw',
        size: n,
        unit: 'ms',
        value: round2(ourMs),
        baseline: 'tournament-pairings Swiss',
        ...(peerMs === undefined ? { baselineSkipped: `above BENCH_PEER_LIMIT=${PEER_LIMIT}` } : { baselineValue: round2(peerMs), ratio: round2(peerMs / ourMs) }),
        rematches: ourQuality.rematches,
        sideImbalanced: ourQuality.imbalanced,
        ...(peerQuality ? { baselineRematches: peerQuality.rematches, baselineSideImbalanced: peerQuality.imbalanced } : {}),
      }),
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
