// Creating and playing out a 1,024-team single elimination: our bracket vs brackets-manager with its in-memory
// storage, same seeds, same results (the lower seed number always wins), median of several runs.
import { BracketsManager } from 'brackets-manager';
import { InMemoryDatabase } from 'brackets-memory-db';
import {
  champion,
  createEliminationBracket,
  readyMatches,
  recordResult,
} from '../src/engine/elimination/single-elimination.js';
import { emit, round2, type BenchFigure } from './bench-util.js';

const SIZE = 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const seeds = Array.from({ length: SIZE }, (_, i) => `Team ${i + 1}`);

function ours(): string {
  let bracket = createEliminationBracket(seeds);
  for (let ready = readyMatches(bracket); ready.length; ready = readyMatches(bracket)) {
    for (const m of ready)
      bracket = recordResult(bracket, m.id, [m.seeds[0]! < m.seeds[1]! ? m.teamIds[0]! : m.teamIds[1]!]);
  }
  return champion(bracket)!;
}

async function peer(): Promise<string> {
  const storage = new InMemoryDatabase();
  const manager = new BracketsManager(storage);
  await manager.create.stage({ tournamentId: 0, name: 'Elimination', type: 'single_elimination', seeding: seeds });
  const participants = await manager.storage.select('participant');
  const names = new Map((participants ?? []).map((p) => [p.id, p.name]));
  for (;;) {
    const matches = ((await manager.storage.select('match')) ?? []).filter(
      (m) =>
        m.opponent1?.id != null &&
        m.opponent2?.id != null &&
        m.opponent1.result === undefined &&
        m.opponent2.result === undefined,
    );
    if (matches.length === 0) break;
    for (const m of matches) {
      // Participants are created in seed order, so the smaller id is the better seed.
      const firstWins = Number(m.opponent1!.id) < Number(m.opponent2!.id);
      await manager.update.match({
        id: m.id,
        opponent1: { result: firstWins ? 'win' : 'loss' },
        opponent2: { result: firstWins ? 'loss' : 'win' },
      });
    }
  }
  const final = ((await manager.storage.select('match')) ?? []).sort(
    (a, b) => Number(b.round_id) - Number(a.round_id),
  )[0];
  const winner = final.opponent1?.result === 'win' ? final.opponent1.id : final.opponent2!.id;
  return names.get(winner!) as string;
}

async function medianAsync(fn: () => Promise<unknown> | unknown, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export async function run(): Promise<BenchFigure[]> {
  const [a, b] = [ours(), await peer()];
  if (a !== b) throw new Error(`the two brackets disagree on the champion: ${a} vs ${b}`);
  const ourMs = await medianAsync(ours, RUNS);
  const peerMs = await medianAsync(peer, RUNS);
  console.log(
    `bracket of ${SIZE}: create and play out — ours ${round2(ourMs)} ms vs brackets-manager (in-memory) ${round2(peerMs)} ms (×${round2(peerMs / ourMs)}); champion ${a} in both`,
  );
  return [
    emit({
      bench: 'bracket',
      size: SIZE,
      unit: 'ms',
      value: round2(ourMs),
      baseline: 'brackets-manager + brackets-memory-db',
      baselineValue: round2(peerMs),
      ratio: round2(peerMs / ourMs),
    }),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
