// `npm run bench:engine`: every engine benchmark in one run. Each prints human-readable lines and one JSON line
// per figure; this runner collects the figures and ends with a summary table.
import type { BenchFigure } from './bench-util.js';

const SUITES = [
  './engine-draw.js',
  './engine-allocation.js',
  './engine-bracket.js',
  './engine-standings.js',
  './case-heats.js',
];

const figures: BenchFigure[] = [];
for (const suite of SUITES) {
  console.log(`\n## ${suite.slice(2, -3)}`);
  const module = (await import(suite)) as { run(): Promise<BenchFigure[]> };
  figures.push(...(await module.run()));
}

console.log('\n## summary');
for (const f of figures) {
  const size = f.size === undefined ? '' : ` size=${f.size}`;
  const against =
    f.baselineValue !== undefined
      ? ` vs ${f.baseline} ${f.baselineValue.toFixed(2)} ${f.unit} (ratio ${f.ratio?.toFixed(1)}×)`
      : f.baseline
        ? ` (${f.baseline}: ${String(f.baselineSkipped ?? 'not measured')})`
        : '';
  console.log(`${f.bench}${size}: ${f.value.toFixed(2)} ${f.unit}${against}`);
}
