import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * JWT_SECRET when set; otherwise a generated secret kept in the database so tokens survive a restart of a
 * development instance without anyone having to configure one.
 */
export async function resolveJwtSecret(dataSource: DataSource, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await dataSource.query(
    `INSERT INTO server_settings (key, value) VALUES ('jwt_secret', $1) ON CONFLICT (key) DO NOTHING`,
    [randomBytes(48).toString('base64url')],
  );
  const [row] = (await dataSource.query(`SELECT value FROM server_settings WHERE key = 'jwt_secret'`)) as {
    value: string;
  }[];
  return row.value;
}
