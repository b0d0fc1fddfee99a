import { readFileSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { ConfigError, validateEnv } from '../config/env.js';
import { BackupError, exportCup, importCup, type CupBackup } from './backup.js';
import { dataSourceOptions } from './data-source-options.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrateWith } from './migrate.js';

const USAGE = 'usage: npm run export -- --cup <id> [--out <file>]  |  npm run import -- <file>';

/**
 * `export --cup <id> [--out file]`: the whole cup (tournaments, teams, judges, case championships, results) as
 * JSON. `import <file>`: restores it in one transaction. Same configuration as the app (DATABASE_URL, or the
 * embedded database in DATA_DIR, which must not be in use by a running instance).
 */
async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'export' && command !== 'import') throw new BackupError(USAGE);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const env = validateEnv(process.env);
  const embedded = env.databaseUrl ? undefined : await startEmbeddedPostgres(env.dataDir);
  const target = { url: env.databaseUrl ?? embedded!.url, embedded: !!embedded };
  try {
    // One DataSource for migrations and the work: the embedded engine serves a single connection.
    const dataSource = await new DataSource(dataSourceOptions(target)).initialize();
    try {
      await migrateWith(dataSource);
      if (command === 'export') {
        const cupId = option('--cup');
        if (!cupId) throw new BackupError(USAGE);
        const out = option('--out') ?? `cup-${cupId}.json`;
        const backup = await dataSource.transaction('REPEATABLE READ', (em) => exportCup(em, cupId));
        writeFileSync(out, JSON.stringify(backup, null, 1));
        const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
        console.log(`exported cup ${cupId}: ${rows} rows to ${out}`);
      } else {
        const file = args.find((a) => !a.startsWith('--'));
        if (!file) throw new BackupError(USAGE);
        const backup = JSON.parse(readFileSync(file, 'utf8')) as CupBackup;
        const written = await dataSource.transaction((em) => importCup(em, backup));
        console.log(
          `imported cup ${backup.cupId}: ${Object.entries(written)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}`,
        );
      }
      return 0;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof BackupError;
    console.error(known ? `Orleu backup: ${(error as Error).message}` : error);
    process.exit(1);
  },
);
