import type { EntityManager } from 'typeorm';

/** One cup as JSON: every row it needs, table by table, in an order that satisfies the foreign keys. */
export interface CupBackup {
  format: 'orleu-cup-backup';
  version: 1;
  cupId: string;
  exportedAt: string;
  /** The last migration of the exporting database: an import needs the same schema. */
  schema: string;
  tables: Record<string, Record<string, unknown>[]>;
}

const TOURNAMENTS = `(SELECT id FROM tournaments WHERE cup_id = $1)`;
const CHAMPIONSHIPS = `(SELECT championship_id FROM case_entries WHERE team_id IN (SELECT team_id FROM tournament_teams WHERE tournament_id IN ${TOURNAMENTS}))`;
const DEBATES = `(SELECT id FROM debates WHERE tournament_id IN ${TOURNAMENTS})`;
const TEAMS = `(SELECT team_id FROM tournament_teams WHERE tournament_id IN ${TOURNAMENTS}
  UNION SELECT team_id FROM debate_teams WHERE debate_id IN ${DEBATES}
  UNION SELECT team_id FROM case_entries WHERE championship_id IN ${CHAMPIONSHIPS}
  UNION SELECT team_id FROM case_scoresheets WHERE championship_id IN ${CHAMPIONSHIPS})`;
const JUDGES = `(SELECT judge_id FROM tournament_adjudicators WHERE tournament_id IN ${TOURNAMENTS}
  UNION SELECT judge_id FROM debate_adjudicators WHERE debate_id IN ${DEBATES}
  UNION SELECT judge_id FROM ballots WHERE debate_id IN ${DEBATES}
  UNION SELECT judge_id FROM case_jurors WHERE championship_id IN ${CHAMPIONSHIPS}
  UNION SELECT judge_id FROM case_scoresheets WHERE championship_id IN ${CHAMPIONSHIPS})`;

/**
 * The cup's rows, table by table, in insertion order (parents first). Teams and judges are those its tournaments
 * and the related case championships (those that entered its teams) use. Rows are copied column for column
 * (`to_jsonb` / `jsonb_populate_recordset`), so the backup follows the schema without naming entity fields.
 * Shared rows (teams, judges, members, conflicts) may already be in the target and are then kept; the cup's
 * own rows must not be.
 */
const TABLES: { table: string; shared?: boolean; where: string }[] = [
  { table: 'teams', shared: true, where: `id IN ${TEAMS}` },
  { table: 'team_members', shared: true, where: `team_id IN ${TEAMS}` },
  { table: 'judges', shared: true, where: `id IN ${JUDGES}` },
  { table: 'judge_team_conflicts', shared: true, where: `judge_id IN ${JUDGES} AND team_id IN ${TEAMS}` },
  { table: 'judge_judge_conflicts', shared: true, where: `judge_a IN ${JUDGES} AND judge_b IN ${JUDGES}` },
  { table: 'cups', where: `id = $1` },
  { table: 'case_championships', where: `id IN ${CHAMPIONSHIPS}` },
  { table: 'case_entries', where: `championship_id IN ${CHAMPIONSHIPS}` },
  { table: 'case_jurors', where: `championship_id IN ${CHAMPIONSHIPS}` },
  { table: 'case_scoresheets', where: `championship_id IN ${CHAMPIONSHIPS}` },
  { table: 'case_scoresheet_audit', where: `championship_id IN ${CHAMPIONSHIPS}` },
  { table: 'case_championship_audit', where: `championship_id IN ${CHAMPIONSHIPS}` },
  { table: 'tournaments', where: `cup_id = $1` },
  { table: 'tournament_teams', where: `tournament_id IN ${TOURNAMENTS}` },
  { table: 'tournament_adjudicators', where: `tournament_id IN ${TOURNAMENTS}` },
  { table: 'venues', where: `tournament_id IN ${TOURNAMENTS}` },
  { table: 'round_availability', where: `tournament_id IN ${TOURNAMENTS}` },
  { table: 'rounds', where: `tournament_id IN ${TOURNAMENTS}` },
  { table: 'debates', where: `tournament_id IN ${TOURNAMENTS}` },
  { table: 'debate_teams', where: `debate_id IN ${DEBATES}` },
  { table: 'debate_adjudicators', where: `debate_id IN ${DEBATES}` },
  { table: 'ballots', where: `debate_id IN ${DEBATES}` },
  { table: 'tournament_audit', where: `tournament_id IN ${TOURNAMENTS}` },
];

async function lastMigration(em: EntityManager): Promise<string> {
  const [row] = (await em.query(`SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1`)) as { name: string }[];
  return row?.name ?? '';
}

export class BackupError extends Error {}

export async function exportCup(em: EntityManager, cupId: string): Promise<CupBackup> {
  const [cup] = (await em.query(`SELECT id FROM cups WHERE id::text = $1`, [cupId])) as unknown[];
  if (!cup) throw new BackupError(`no cup with id ${cupId}`);
  const tables: CupBackup['tables'] = {};
  for (const { table, where } of TABLES) {
    const rows = (await em.query(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${where}`, [cupId])) as {
      row: Record<string, unknown>;
    }[];
    tables[table] = rows.map((r) => r.row);
  }
  return {
    format: 'orleu-cup-backup',
    version: 1,
    cupId,
    exportedAt: new Date().toISOString(),
    schema: await lastMigration(em),
    tables,
  };
}

/** Restores a backup in the caller's transaction; returns the number of rows written per table. */
export async function importCup(em: EntityManager, backup: CupBackup): Promise<Record<string, number>> {
  if (backup?.format !== 'orleu-cup-backup' || backup.version !== 1 || typeof backup.tables !== 'object') {
    throw new BackupError('not an Orleu cup backup (format orleu-cup-backup, version 1)');
  }
  const schema = await lastMigration(em);
  if (backup.schema !== schema) {
    throw new BackupError(
      `the backup was made on schema ${backup.schema}; this database is on ${schema}: migrate both to one version`,
    );
  }
  const [existing] = (await em.query(`SELECT id FROM cups WHERE id::text = $1`, [backup.cupId])) as unknown[];
  if (existing) throw new BackupError(`cup ${backup.cupId} already exists in this database`);
  const written: Record<string, number> = {};
  for (const { table, shared } of TABLES) {
    const rows = backup.tables[table] ?? [];
    if (!rows.length) continue;
    const inserted = (await em.query(
      `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) ${shared ? 'ON CONFLICT DO NOTHING' : ''} RETURNING 1`,
      [JSON.stringify(rows)],
    )) as unknown[];
    written[table] = inserted.length;
  }
  return written;
}
