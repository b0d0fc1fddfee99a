// `npm run bench`: every benchmark, one after another (never two at once: they would measure each other), then a
// Markdown table per suite written into BENCHMARKS.md between that suite's `bench:<suite>` markers. Each script's own
// output passes through; its JSON lines are the figures. Not part of `npm test`.
// `npm run bench -- --quick`: 5 s load runs, a 10 s live run, the two smaller cost-curve sizes (the full run's
// 20,000-participant season imports 4,000 teams and 6,000 judges and is the longest part), 5 draw-quality seeds and
// 500 token checks. `--only ballots,cost` runs some of: ballots, cost, engine, draw-quality, auth, live.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { BenchFigure } from './bench-util.js';
import { adminQuery, loadAverage, PG_SERVER } from './bench-app.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    from: { type: 'string' },
  },
});
const quick = values.quick;

const SUITES: { name: string; script: string; env: Record<string, string> }[] = [
  { name: 'ballots', script: 'dist/bench/ballots.js', env: quick ? { BENCH_SECONDS: '5' } : {} },
  { name: 'cost', script: 'dist/bench/cost-curve.js', env: quick ? { BENCH_SIZES: '1000,5000' } : {} },
  { name: 'engine', script: 'dist/bench/engine.js', env: {} },
  { name: 'draw-quality', script: 'dist/bench/draw-quality.js', env: quick ? { BENCH_SEEDS: '5' } : {} },
  // The token check on the embedded engine, or on the server named by DATABASE_URL.
  { name: 'auth', script: 'dist/bench/auth.js', env: quick ? { BENCH_REQUESTS: '500' } : {} },
  // 1,000 sockets: the 5,000-socket run saturates one core (see the live section above); BENCH_SOCKETS overrides.
  {
    name: 'live',
    script: 'dist/bench/live.js',
    env: { BENCH_SOCKETS: process.env.BENCH_SOCKETS ?? '1000', BENCH_SECONDS: quick ? '10' : '30' },
  },
];
const only = values.only?.split(',');
const chosen = SUITES.filter((s) => !only || only.includes(s.name));

function runSuite(script: string, env: Record<string, string>): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{"bench"')) continue;
        try {
          figures.push(JSON.parse(line) as BenchFigure);
        } catch {
          // a human-readable line that happens to start like JSON
        }
      }
    });
    child.once('exit', (code) => (code === 0 ? resolve(figures) : reject(new Error(`${script} exited with ${code}`))));
  });
}

const fmt = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) ? '' : x.toLocaleString('en', { maximumFractionDigits: x >= 100 ? 0 : 2 });
const NOTE_KEYS = [
  'engine',
  'database',
  'requests',
  'rematches',
  'institutionClashes',
  'atOrBelowReference',
  'meanDrawMs',
  'conflictsMs',
  'standingsRows',
  'wallMs',
  'metric',
  'responseToReceipt',
  'p50Ms',
  'p99Ms',
  'errors',
  'accepted',
  'rowsMatch',
  'serverCores',
  'baselineP50Ms',
  'baselineP99Ms',
  'baselineErrors',
  'baselineRowsMatch',
  'baselineMissed',
  'baselineServerCores',
  'generatorCores',
  'teams',
  'rooms',
  'judges',
  'missed',
  'events',
  'loadAverage',
];

function notes(f: BenchFigure): string {
  return NOTE_KEYS.filter((k) => f[k] !== undefined && f[k] !== null)
    .map((k) => `${k} ${typeof f[k] === 'number' ? fmt(f[k] as number) : String(f[k])}`)
    .join('; ');
}

const started = new Date();
const loadBefore = loadAverage();
const all: { suite: string; figures: BenchFigure[]; seconds: number }[] = [];
if (values.from) {
  // `--from <log>`: rebuild the tables from a saved log of an earlier run (its `# suite:` headers and JSON lines).
  for (const part of readFileSync(values.from, 'utf8').split(/^# /m).slice(1)) {
    const name = part.slice(0, part.indexOf(':'));
    const figures = part
      .split('\n')
      .filter((l) => l.startsWith('{"bench"'))
      .map((l) => JSON.parse(l) as BenchFigure);
    if (chosen.some((s) => s.name === name) && figures.length) all.push({ suite: name, figures, seconds: NaN });
  }
}
for (const suite of values.from ? [] : chosen) {
  process.stdout.write(`\n# ${suite.name}: node ${suite.script}\n`);
  const t0 = performance.now();
  // A suite that fails is reported and the others still run: the table says which one is missing.
  const figures = await runSuite(suite.script, suite.env).catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    return [{ bench: `${suite.name}: FAILED (${error.message})`, unit: '', value: NaN }] as BenchFigure[];
  });
  all.push({ suite: suite.name, figures, seconds: (performance.now() - t0) / 1000 });
}

const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
const pgVersion = await adminQuery<{ server_version: string }>(PG_SERVER, 'SHOW server_version')
  .then((r) => `PostgreSQL ${r[0].server_version}`)
  .catch(() => 'PostgreSQL not reachable');
const pglite = (
  JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as { version: string }
).version;
const command = `npm run bench${quick || values.only ? ' --' : ''}${quick ? ' --quick' : ''}${values.only ? ` --only ${values.only}` : ''}`;
const loadAfter = loadAverage();

// One block per suite, between its own markers: `--only cost` replaces the cost table and keeps the others.
let document = readFileSync('BENCHMARKS.md', 'utf8');
for (const s of all) {
  const lines = [
    `<!-- bench:${s.suite}:start -->`,
    `### \`${s.suite}\` — from \`npm run bench\``,
    '',
    `Run of ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC: \`${command}\`, ${Number.isNaN(s.seconds) ? 'table rebuilt from its log' : `this suite ${Math.round(s.seconds)} s`}. Machine: ${cpuModel}, ${cpus().length} cores; Node ${process.versions.node}; ${pgVersion}; embedded PGlite ${pglite}. Load average (1 min) ${fmt(loadBefore)} at the start of the run, ${fmt(loadAfter)} at the end (other work on the machine: figures taken under load are slower than a quiet machine's).`,
    '',
    '| figure | size | ours | baseline (same run) | ratio | notes |',
    '|---|---|---|---|---|---|',
    ...s.figures.map(
      (f) =>
        `| ${f.bench} | ${fmt(f.size)} | ${fmt(f.value)} ${f.unit} | ${f.baseline ?? ''}${f.baselineValue !== undefined ? `: ${fmt(f.baselineValue)} ${f.unit}` : f.baselineSkipped ? ` (${String(f.baselineSkipped)})` : ''} | ${f.ratio !== undefined ? `×${fmt(f.ratio)}` : ''} | ${notes(f)} |`,
    ),
    `<!-- bench:${s.suite}:end -->`,
  ];
  const block = lines.join('\n');
  process.stdout.write(`\n${block}\n`);
  const marked = new RegExp(`<!-- bench:${s.suite}:start -->[\\s\\S]*<!-- bench:${s.suite}:end -->`);
  document = marked.test(document) ? document.replace(marked, block) : `${document.trimEnd()}\n\n${block}\n`;
}
if (!values['no-write']) {
  writeFileSync('BENCHMARKS.md', document);
  process.stdout.write('\nBENCHMARKS.md updated.\n');
}
