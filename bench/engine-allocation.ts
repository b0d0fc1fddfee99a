// Panel allocation for BP rounds of 100 and 1,000 rooms, 3 judges a room (panels of 3), 5% judge–team conflicts and
// a few judge–judge conflicts. Target < 1 s at 1,000 rooms. Baseline in the same run: a greedy allocator (strongest free judge to the
// most important room, skipping conflicts), compared on time and on quality (Σ strength × (importance + 1)).
import { allocatePanels, type AllocationRequest } from '../src/engine/panels/panel-allocation.js';
import { seededRandom } from '../src/engine/draw/power-pairing.js';
import { emit, medianCpuMs, round2, type BenchFigure } from './bench-util.js';

function instance(size: number): AllocationRequest {
  const random = seededRandom('allocation');
  const rooms = Array.from({ length: size }, (_, r) => ({
    id: `room${r}`,
    importance: Math.floor(random() * 7),
    teamIds: [0, 1, 2, 3].map((k) => `team${4 * r + k}`),
  }));
  const judges = Array.from({ length: 3 * size }, (_, j) => ({
    id: `judge${j}`,
    strength: Math.round(random() * 100) / 10,
  }));
  const teamConflicts: [string, string][] = [];
  for (const judge of judges)
    for (let t = 0; t < 4 * size; t++) if (random() < 0.05) teamConflicts.push([judge.id, `team${t}`]);
  const judgeConflicts: [string, string][] = [];
  for (let k = 0; k < 0.6 * size; k++)
    judgeConflicts.push([`judge${Math.floor(random() * 3 * size)}`, `judge${Math.floor(random() * 3 * size)}`]);
  return { debates: rooms, judges, teamConflicts, judgeConflicts, panelSize: 3 };
}

/** Greedy: rooms by importance take the strongest free judge without a conflict, seat by seat. */
function greedy(request: AllocationRequest): Map<string, string[]> {
  const teamConflict = new Set(request.teamConflicts.map(([j, t]) => `${j}|${t}`));
  const judgeConflict = new Set((request.judgeConflicts ?? []).flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  const free = [...request.judges].sort((a, b) => b.strength - a.strength);
  const rooms = [...request.debates].sort((a, b) => b.importance - a.importance);
  const seated = new Map<string, string[]>();
  for (let place = 0; place < 3; place++) {
    for (const room of rooms) {
      const panel = seated.get(room.id) ?? [];
      const pick = free.findIndex(
        (j) =>
          room.teamIds.every((t) => !teamConflict.has(`${j.id}|${t}`)) &&
          panel.every((p) => !judgeConflict.has(`${j.id}|${p}`)),
      );
      if (pick >= 0) seated.set(room.id, [...panel, free.splice(pick, 1)[0].id]);
    }
  }
  return seated;
}

function score(request: AllocationRequest, panels: Map<string, string[]>): number {
  const strength = new Map(request.judges.map((j) => [j.id, j.strength]));
  return request.debates.reduce(
    (sum, d) => sum + (panels.get(d.id) ?? []).reduce((s, j) => s + strength.get(j)! * (d.importance + 1), 0),
    0,
  );
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const size of [100, 1000]) {
    const request = instance(size);
    const result = allocatePanels(request);
    const conflicts = new Set(request.teamConflicts.map(([j, t]) => `${j}|${t}`));
    const teamsOf = new Map(request.debates.map((d) => [d.id, d.teamIds]));
    const seatedConflicts = result.panels.filter((p) =>
      teamsOf.get(p.debateId)!.some((t) => conflicts.has(`${p.judgeId}|${t}`)),
    ).length;
    const ours = medianCpuMs(() => allocatePanels(request), size >= 1000 ? 5 : 7, 1);
    const peer = medianCpuMs(() => greedy(request), size >= 1000 ? 5 : 7, 1);
    const [ourMs, greedyMs] = [ours.cpu, peer.cpu];
    const ourPanels = new Map<string, string[]>();
    for (const p of result.panels) ourPanels.set(p.debateId, [...(ourPanels.get(p.debateId) ?? []), p.judgeId]);
    const [ourScore, greedyScore] = [score(request, ourPanels), score(request, greedy(request))];
    console.log(
      `allocation, ${size} BP rooms × panels of 3 from ${3 * size} judges (${request.teamConflicts.length} team conflicts): min-cost ${round2(ourMs)} ms CPU (${round2(ours.wall)} ms wall) vs greedy ${round2(greedyMs)} ms CPU; quality Σ strength×(importance+1) ${round2(ourScore)} vs ${round2(greedyScore)}; ${result.panels.length} seats, ${seatedConflicts} conflicts seated, ${result.brokenConstraints.length} rooms short`,
    );
    figures.push(
      emit({
        bench: 'allocation',
        size,
        unit: 'ms CPU',
        value: round2(ourMs),
        wallMs: round2(ours.wall),
        baseline: 'greedy allocator',
        baselineValue: round2(greedyMs),
        ratio: round2(greedyMs / ourMs),
        quality: round2(ourScore),
        baselineQuality: round2(greedyScore),
        seats: result.panels.length,
        conflictsSeated: seatedConflicts,
        targetMs: 1000,
      }),
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
