// The ballot-throughput baseline: a bare node:http + pg handler doing the writes Orleu's ballot and scoresheet
// requests do, each in one transaction — idempotency key row, the parent row's lock, the versioned ballot (or
// the sheet and its audit row), the live room's sequence and event row, the key's stored response — with no
// framework, no validation beyond JSON.parse and no auth. Same pool size as the app (10; 1 on PGlite).
import { createServer } from 'node:http';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

const embedded = !process.env.DATABASE_URL;
const url = embedded ? (await startEmbeddedPostgres(process.env.DATA_DIR!)).url : process.env.DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: embedded ? 1 : 10 });

await pool.query(`
  CREATE TABLE IF NOT EXISTS bench_keys (scope text, key text, request_hash text, response jsonb, PRIMARY KEY (scope, key));
  CREATE TABLE IF NOT EXISTS bench_parents (id text PRIMARY KEY);
  CREATE TABLE IF NOT EXISTS bench_ballots (id bigserial PRIMARY KEY, debate_id text, judge_id text, version int, current boolean, sheet jsonb);
  CREATE INDEX IF NOT EXISTS bench_ballots_debate ON bench_ballots (debate_id, judge_id) WHERE current;
  CREATE TABLE IF NOT EXISTS bench_sheets (id bigserial PRIMARY KEY, parent_id text, team_id text, judge_id text, scores jsonb, version int, UNIQUE (parent_id, team_id, judge_id));
  CREATE TABLE IF NOT EXISTS bench_sheet_audit (id bigserial PRIMARY KEY, sheet_id bigint, version int, after jsonb);
  CREATE TABLE IF NOT EXISTS bench_rooms (room text PRIMARY KEY, seq int);
  CREATE TABLE IF NOT EXISTS bench_events (room text, seq int, type text, payload jsonb, PRIMARY KEY (room, seq));
`);

async function inTransaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const value = await work(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Parent rows this process has created: as in the app, the debate or championship row exists before a write. */
const parents = new Set<string>();

/** Before the write's transaction (its own statement: PGlite's pool has one connection, held by that transaction). */
async function ensureParent(id: string) {
  if (parents.has(id)) return;
  await pool.query(`INSERT INTO bench_parents (id) VALUES ($1) ON CONFLICT DO NOTHING`, [id]);
  parents.add(id);
}

async function lockParent(c: pg.PoolClient, id: string, mode: 'UPDATE' | 'SHARE') {
  await c.query(`SELECT id FROM bench_parents WHERE id = $1 FOR ${mode}`, [id]);
}

async function event(c: pg.PoolClient, room: string, payload: unknown) {
  const { rows } = await c.query(
    `INSERT INTO bench_rooms (room, seq) VALUES ($1, 1) ON CONFLICT (room) DO UPDATE SET seq = bench_rooms.seq + 1 RETURNING seq`,
    [room],
  );
  await c.query(`INSERT INTO bench_events (room, seq, type, payload) VALUES ($1, $2, 'score', $3)`, [
    room,
    rows[0].seq,
    JSON.stringify(payload),
  ]);
}

async function ballot(room: string, debateId: string, judgeId: string, key: string, body: unknown) {
  await ensureParent(debateId);
  return inTransaction(async (c) => {
    await c.query(`INSERT INTO bench_keys (scope, key, request_hash) VALUES ($1, $2, 'h') ON CONFLICT DO NOTHING`, [
      `ballot:${judgeId}:${debateId}`,
      key,
    ]);
    await lockParent(c, debateId, 'UPDATE');
    const retired = await c.query(
      `UPDATE bench_ballots SET current = false WHERE debate_id = $1 AND judge_id = $2 AND current RETURNING version`,
      [debateId, judgeId],
    );
    const version = (retired.rows[0]?.version ?? 0) + 1;
    const { rows } = await c.query(
      `INSERT INTO bench_ballots (debate_id, judge_id, version, current, sheet) VALUES ($1, $2, $3, true, $4) RETURNING id`,
      [debateId, judgeId, version, JSON.stringify(body)],
    );
    await event(c, room, { debateId, judgeId });
    const response = { ballotId: rows[0].id, version };
    await c.query(`UPDATE bench_keys SET response = $3 WHERE scope = $1 AND key = $2`, [
      `ballot:${judgeId}:${debateId}`,
      key,
      JSON.stringify(response),
    ]);
    return response;
  });
}

async function sheet(
  room: string,
  championshipId: string,
  teamId: string,
  judgeId: string,
  key: string,
  body: unknown,
) {
  await ensureParent(championshipId);
  return inTransaction(async (c) => {
    const scope = `sheet:${judgeId}:${championshipId}:${teamId}`;
    await c.query(`INSERT INTO bench_keys (scope, key, request_hash) VALUES ($1, $2, 'h') ON CONFLICT DO NOTHING`, [
      scope,
      key,
    ]);
    await lockParent(c, championshipId, 'SHARE');
    const scores = JSON.stringify((body as { scores: unknown }).scores);
    const { rows } = await c.query(
      `INSERT INTO bench_sheets (parent_id, team_id, judge_id, scores, version) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (parent_id, team_id, judge_id) DO UPDATE SET scores = EXCLUDED.scores, version = bench_sheets.version + 1 RETURNING id, version`,
      [championshipId, teamId, judgeId, scores],
    );
    await c.query(`INSERT INTO bench_sheet_audit (sheet_id, version, after) VALUES ($1, $2, $3)`, [
      rows[0].id,
      rows[0].version,
      scores,
    ]);
    await event(c, room, { teamId, judgeId });
    const response = { id: rows[0].id, version: rows[0].version };
    await c.query(`UPDATE bench_keys SET response = $3 WHERE scope = $1 AND key = $2`, [
      scope,
      key,
      JSON.stringify(response),
    ]);
    return response;
  });
}

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    // Rows written, for the check that every accepted request left exactly its rows.
    void pool
      .query(
        `SELECT (SELECT count(*) FROM bench_ballots)::int AS ballots, (SELECT count(*) FROM bench_sheet_audit)::int AS sheets`,
      )
      .then(({ rows }) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows[0])));
    return;
  }
  let text = '';
  req.on('data', (c: Buffer) => (text += c.toString()));
  req.on('end', async () => {
    try {
      const body = JSON.parse(text) as unknown;
      const key = String(req.headers['idempotency-key']);
      const judgeId = String(req.headers['x-judge']);
      // /ballots/<tournament>/<debate> or /sheets/<championship>/<team>
      const [, kind, parent, child] = (req.url ?? '').split('/');
      const value =
        kind === 'ballots'
          ? await ballot(`tournament:${parent}`, child, judgeId, key, body)
          : await sheet(`championship:${parent}`, parent, child, judgeId, key, body);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`baseline listening on http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
