import { writeFileSync } from 'node:fs';
import { ConfigError, validateEnv } from '../config/env.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate, pendingSchemaChanges } from './migrate.js';

/**
 * `run`: apply pending migrations. `generate <Name>`: write a migration with the SQL that brings the schema in
 * line with the entities. `check`: exit 1 when entities and migrations disagree (CI's drift check).
 */
async function main(): Promise<number> {
  const [command = 'run', name = 'Change'] = process.argv.slice(2);
  const env = validateEnv(process.env);
  const embedded = env.databaseUrl ? undefined : await startEmbeddedPostgres(env.dataDir);
  const target = { url: env.databaseUrl ?? embedded!.url, embedded: !!embedded };
  try {
    const ran = await migrate(target);
    console.log(ran.length ? `applied: ${ran.join(', ')}` : 'no pending migrations');
    if (command === 'run') return 0;
    const { up, down } = await pendingSchemaChanges(target);
    if (command === 'check') {
      if (up.length === 0) {
        console.log('schema matches the entities: no migration to generate');
        return 0;
      }
      console.error(`entities and migrations disagree; a generated migration would run:\n${up.join(';\n')};`);
      return 1;
    }
    if (up.length === 0) {
      console.log('no changes: nothing generated');
      return 0;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const file = `migrations/${stamp}-${name}.ts`;
    const q = (sql: string) => `    await queryRunner.query(\`${sql.replace(/[`\\]|\$\{/g, (c) => `\\${c}`)}\`);`;
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${className} implements MigrationInterface {\n` +
        `  name = '${className}';\n\n` +
        `  async up(queryRunner: QueryRunner): Promise<void> {\n${up.map(q).join('\n')}\n  }\n\n` +
        `  async down(queryRunner: QueryRunner): Promise<void> {\n${down.reverse().map(q).join('\n')}\n  }\n}\n`,
    );
    console.log(`wrote ${file}: add ${className} to migrations/index.ts`);
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
    process.exit(1);
  },
);
