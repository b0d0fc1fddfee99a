// Panel allocation for a 400-team BP round: 100 rooms, 300 judges (panels of 3), 5% judge–team conflicts and a few
// judge–judge conflicts. Target < 1 s. Baseline in the same run: the same rules written the obvious way, with
// conflicts looked up by scanning lists instead of hashed sets.
import { allocatePanels, type AllocationRequest } from '../src/engine/panels/panel-allocation.js';
import { seededRandom } from '../src/engine/draw/power-pairing.js';
import { emit, medianMs, round2, type BenchFigure } from './bench-util.js';

function instance(): AllocationRequest {
  const random = seededRandom('allocation');
  const rooms = Array.from({ length: 100 }, (_, r) => ({ id: `room${r}`, importance: Math.floor(random() * 7), teamIds: [0, 1, 2, 3].map((k) => `team${4 * r + k}`) }));
  const judges = Array.from({ length: 300 }, (_, j) => ({ id: `judge${j}`, strength: Math.round(random() * 100) / 10 }));
  const teamConflicts: [string, string][] = [];
  for (const judge of judges) for (let t = 0; t < 400; t++) if (random() < 0.05) teamConflicts.push([judge.id, `team${t}`]);
  const judgeConflicts: [string, string][] = [];
  for (let k = 0; k < 60; k++) judgeConflicts.push([`judge${Math.floor(random() * 300)}`, `judge${Math.floor(random() * 300)}`]);
  return { debates: rooms, judges, teamConflicts, judgeConflicts, panelSize: 3 };
}

/** The same greedy rules with list scans: what a first implementation usually looks like. */
function naive(request: AllocationRequest) {
  const free = [...request.judges].sort((a, b) => b.strength - a.strength);
  const rooms = [...request.debates].sort((a, b) => b.importance - a.importance);
  const seated = new Map<string, string[]>();
  for (let place = 0; place < 3; place++) {
    for (const room of rooms) {
      const panel = seated.get(room.id) ?? [];
      const pick = free.findIndex(
        (j) =>
          !request.teamConflicts.some(([cj, ct]) => cj === j.id && room.teamIds.includes(ct)) &&
          !(request.judgeConflicts ?? []).some(([a, b]) => (a === j.id && panel.includes(b)) || (b === j.id && panel.includes(a))),
      );
      if (pick >= 0) seated.set(room.id, [...panel, free.splice(pick, 1)[0].id]);
    }
  }
  return seated;
}

export async function run(): Promise<BenchFigure[]> {
  const request = instance();
  const result = allocatePanels(request);
  const conflicts = new Set(request.teamConflicts.map(([j, t]) => `${j}|${t}`));
  const seatedConflicts = result.panels.filter((p) => request.debates.find((d) => d.id === p.debateId)!.teamIds.some((t) => conflicts.has(`${p.judgeId}|${t}`))).length;
  const ourMs = medianMs(() => allocatePanels(request), 15, 3);
  const naiveMs = medianMs(() => naive(request), 5, 1);
  console.log(
    `allocation, 100 BP rooms × panels of 3 from 300 judges (${request.teamConflicts.length} team conflicts): ours ${round2(ourMs)} ms vs naive ${round2(naiveMs)} ms (×${round2(naiveMs / ourMs)}); ${result.panels.length} seats filled, ${seatedConflicts} conflicts seated, ${result.brokenConstraints.length} rooms short`,
  );
  return [
    emit({
      bench: 'allocation',
      size: 100,
      unit: 'ms',
      value: round2(ourMs),
      baseline: 'same greedy rules with list scans',
      baselineValue: round2(naiveMs),
      ratio: round2(naiveMs / ourMs),
      seats: result.panels.length,
      conflictsSeated: seatedConflicts,
      targetMs: 1000,
    }),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
