/** What every benchmark prints: one JSON line per figure, comparable across runs by a script. */
export interface BenchFigure {
  bench: string;
  size?: number;
  unit: string;
  value: number;
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
  [extra: string]: unknown;
}

/** Median wall time in ms of `runs` calls after `warmup` untimed ones. */
export function medianMs(fn: () => unknown, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Median CPU time (user + system, ms) and median wall time of `runs` calls: on a shared machine the CPU time moves
 * far less than the wall time, so targets are read against it.
 */
export function medianCpuMs(fn: () => unknown, runs: number, warmup = 1): { cpu: number; wall: number } {
  for (let i = 0; i < warmup; i++) fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const used = process.cpuUsage();
    const start = process.hrtime.bigint();
    fn();
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    const after = process.cpuUsage(used);
    cpu.push((after.user + after.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { cpu: median(cpu), wall: median(wall) };
}

export function emit(figure: BenchFigure): BenchFigure {
  console.log(JSON.stringify(figure));
  return figure;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** A small seeded generator, so every benchmark input is the same in every run. */
export const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
