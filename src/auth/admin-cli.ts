import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hashSecret } from './secret-hashing.js';
import pg from 'pg';
import { ConfigError, validateEnv } from '../config/env.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { generatePassword } from './auth.service.js';

const USAGE = `usage: npm run admin -- reset-password <username> [--stdin]

Sets a new password for an organiser account, on the database the app uses (same DATABASE_URL / DATA_DIR).
The new password is generated and printed, or read from ORLEU_NEW_PASSWORD, or from the first line of stdin
with --stdin. Every token of the account stops working; the account's role and active flag are unchanged.`;

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
}

async function main(argv: string[]): Promise<number> {
  const [command, username, ...flags] = argv;
  if (command !== 'reset-password' || !username || flags.some((f) => f !== '--stdin')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const env = validateEnv(process.env);
  const chosen = flags.includes('--stdin') ? await readStdinLine() : process.env.ORLEU_NEW_PASSWORD || undefined;
  if (chosen !== undefined && chosen.length < 8) {
    process.stderr.write('the new password must be at least 8 characters long\n');
    return 2;
  }
  const password = chosen ?? generatePassword();
  if (!env.databaseUrl && existsSync(resolve(env.dataDir, 'pg', 'postmaster.pid'))) {
    // PGlite is single-process: opening its files while the app runs would corrupt them.
    process.stderr.write(
      `the embedded database in ${env.dataDir} is in use: stop the app first (after a crash, start and stop it once)\n`,
    );
    return 1;
  }
  const embedded = env.databaseUrl ? undefined : await startEmbeddedPostgres(env.dataDir);
  const client = new pg.Client({ connectionString: env.databaseUrl ?? embedded!.url });
  try {
    await client.connect();
    const result = await client.query<{ active: boolean; role: string }>(
      'UPDATE organisers SET password_hash = $2, token_generation = token_generation + 1 WHERE username = $1 RETURNING active, role',
      [username, await hashSecret(password)],
    );
    if (result.rowCount !== 1) {
      process.stderr.write(`no organiser called "${username}"\n`);
      return 1;
    }
    const [account] = result.rows;
    process.stdout.write(
      chosen === undefined
        ? `Orleu: new password for organiser "${username}" (role ${account.role}): ${password}\n`
        : `Orleu: password of organiser "${username}" (role ${account.role}) changed\n`,
    );
    if (!account.active)
      process.stdout.write(
        'note: this account is deactivated; an admin must reactivate it (POST /api/organisers/:id/activate) to sign in\n',
      );
    return 0;
  } finally {
    await client.end().catch(() => undefined);
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? `configuration error: ${error.message}` : String(error)}\n`);
    process.exit(1);
  },
);
