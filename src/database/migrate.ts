import { DataSource, MigrationExecutor } from 'typeorm';
import { DatabaseTarget, dataSourceOptions } from './data-source-options.js';

// Any constant: every Orleu instance takes the same lock, so two starting together migrate one after the other.
const MIGRATION_LOCK = 7_031_990;

/**
 * Runs pending migrations under a session advisory lock. The lock and the migrations share one query runner:
 * PGlite has a single connection, and a second one would wait forever.
 */
export async function migrate(target: DatabaseTarget): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(target)).initialize();
  try {
    return await migrateWith(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** The same on an open DataSource (a CLI that goes on using its one embedded connection). */
export async function migrateWith(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const ran = await executor.executePendingMigrations();
      return ran.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/** SQL that would bring the schema in line with the entities; empty when migrations and entities agree. */
export async function pendingSchemaChanges(target: DatabaseTarget): Promise<{ up: string[]; down: string[] }> {
  const dataSource = await new DataSource(dataSourceOptions(target)).initialize();
  try {
    const log = await dataSource.driver.createSchemaBuilder().log();
    return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
  } finally {
    await dataSource.destroy();
  }
}
