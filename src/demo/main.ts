// `npm run demo`: starts the built app as a child process and plays a whole season against it over HTTP.
// Options: --port 3000, --data-dir ./data (embedded database; DATABASE_URL is honoured), --speed 20 (ballots and
// scoresheets a second), --fast (full speed), --seed 2026, --exit (stop the app at the end). The season has both
// language leagues (Kazakh and Russian) and a British Parliamentary open.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OrleuApi } from './api-client.js';
import { KAZAKH_LEAGUE, RUSSIAN_LEAGUE } from './names.js';
import { progressBars } from './progress.js';
import { DEMO_SEASON, SeasonBuilder, type SeasonResult } from './season.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    'data-dir': { type: 'string', default: './data' },
    speed: { type: 'string', default: '20' },
    fast: { type: 'boolean', default: false },
    seed: { type: 'string', default: '2026' },
    exit: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(1);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`--port must be an integer 1–65535, got "${values.port}"`);
const speed = Number(values.speed);
if (!values.fast && !(speed > 0)) fail(`--speed must be a positive number of ballots a second, got "${values.speed}"`);
const organiser = {
  username: process.env.ADMIN_USERNAME ?? 'admin',
  password: process.env.ADMIN_PASSWORD ?? 'orleu-demo-2026',
};

function startApp(): Promise<{ child: ChildProcess; url: string }> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    ADMIN_USERNAME: organiser.username,
    ADMIN_PASSWORD: organiser.password,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  if (!process.env.DATABASE_URL) env.DATA_DIR = resolve(values['data-dir']!);
  const main = new URL('../main.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start in 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done({ child, url: match[1] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code} before listening:\n${output}`));
    });
  });
}

function report(result: SeasonResult, url: string, seconds: number) {
  const lines = [
    '',
    `Season played in ${seconds.toFixed(1)} s: ${result.counts.teams} teams, ${result.counts.judges} judges, ${result.counts.scoresheets} scoresheets, ${result.counts.ballots} ballots.`,
    '',
    'Champions',
    '  Case championships (one per region, both leagues)',
    ...result.leagues[0].regions.map((r) => `    ${r.regionTitle.padEnd(12)} ${r.caseWinner}`),
    ...result.leagues.flatMap((league) => [
      `  ${league.title}: AMANAT Cup`,
      ...league.regions.map((r) => `    ${r.regionTitle.padEnd(12)} ${r.champion}`),
      `    National round: ${league.national.championName} (${league.national.championRegion})`,
    ]),
    `  British Parliamentary open: ${result.bp.championName}`,
    '',
    'Open',
    `  audience          ${url}/`,
    `  audience board    ${url}/board`,
    `  organiser console ${url}/console`,
    `  a judge's link    ${url}/j/${result.judgeLink.split('/').pop()}`,
    `  API docs          ${url}/api/docs`,
    ...result.leagues.map(
      (league) =>
        `  national bracket  ${url}/api/tournaments/${league.national.tournamentId}/bracket (${league.title})`,
    ),
    '',
    `Organiser: ${organiser.username} / ${organiser.password}`,
    process.env.DATABASE_URL
      ? 'Data kept in the database named by DATABASE_URL.'
      : `Data kept in ${resolve(values['data-dir']!)} (\`DATA_DIR=${values['data-dir']} npm start\` serves it again).`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const { child, url } = await startApp().catch((error: Error) => fail(error.message));
const stop = () => {
  if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});
const api = new OrleuApi(url.replace('localhost', '127.0.0.1'));
try {
  process.stdout.write(
    `Orleu is up at ${url} (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded database'}); playing a season (Kazakh and Russian leagues, a BP open) at ${values.fast ? 'full speed' : `${speed} ballots/s`}\n`,
  );
  const cups = await api.get<{ total: number }>('/cups');
  const started = performance.now();
  const result = await new SeasonBuilder(api, {
    ...DEMO_SEASON,
    leagues: [KAZAKH_LEAGUE, RUSSIAN_LEAGUE],
    seed: Number(values.seed) || 2026,
    season: String(new Date().getUTCFullYear()),
    nameSuffix: cups.total ? ` ${cups.total + 1}` : '',
    ballotsPerSecond: values.fast ? undefined : speed,
    progress: progressBars(),
  }).run(organiser);
  report(result, url, (performance.now() - started) / 1000);
} catch (error) {
  stop();
  fail(error instanceof Error ? error.message : String(error));
}
if (values.exit) stop();
else process.stdout.write('\nThe app keeps serving until Ctrl+C.\n');
