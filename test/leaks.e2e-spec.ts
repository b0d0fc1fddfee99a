import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Fixtures } from './support/fixtures.js';
import { RecordingSocket } from './support/live-client.js';
import { season, sheet } from './support/season.js';
import { adminQuery, ORGANISER, startTestApp, type TestApp } from './support/test-app.js';
import { startWithKit } from './support/tournaments.js';

const serverUrl = process.env.DATABASE_URL;
/** Writes a row beside the running app: the embedded engine serves one connection, to the app. */
const onServer = serverUrl ? it : it.skip;

/** Every file under `dir` as one latin1 string: a byte-level search of the embedded database's files. */
function filesText(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? filesText(path) : readFileSync(path).toString('latin1')))
    .join('\n');
}

const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;

interface Row {
  teamId: string | null;
  hidden?: boolean;
}

describe('nothing leaks (e2e)', () => {
  let t: TestApp, fx: Fixtures;
  const api = () => request(t.url);

  beforeAll(async () => ({ t, fx } = await startWithKit()));
  /** Apps a test starts itself: closed even when the test fails midway. */
  const opened: TestApp[] = [];
  afterAll(async () => {
    for (const app of [t, ...opened]) await app.close();
  });

  it('keeps a frozen case leaderboard frozen through finalise: sockets, the replay log and the public view', async () => {
    const org = fx.auth();
    const s = await season(t, fx, 3, 1, 2);
    for (const [i] of s.teams.entries()) await sheet(t.url, s, i, 0, 4 + 2 * i).expect(200);
    let view = (await api().get(`/api/case-championships/${s.id}`).set(org).expect(200)).body;
    await api().post(`/api/case-championships/${s.id}/freeze?version=${view.version}`).set(org).expect(200);

    const audience = new RecordingSocket(t.url);
    await audience.connected();
    const { seq: before } = await audience.subscribe({ kind: 'championship', id: s.id });
    const finalised = (await api().post(`/api/case-championships/${s.id}/finalise`).set(org).expect(200)).body;
    // The organiser's answer names the qualifiers, best first.
    expect(finalised.qualifiers).toEqual([s.teams[2].id, s.teams[1].id]);

    const pushed = await audience.waitFor((m) => m.event === 'standings' && m.finalised === true);
    const rows = (pushed.standings as { rows: Row[]; frozen: boolean }).rows;
    expect((pushed.standings as { frozen: boolean }).frozen).toBe(true);
    expect(rows.every((r) => r.hidden && r.teamId === null)).toBe(true);

    // A client resuming from before the finalise replays the log: the same hidden board.
    const late = new RecordingSocket(t.url);
    await late.connected();
    expect((await late.subscribe({ kind: 'championship', id: s.id, sinceSeq: before })).ok).toBe(true);
    const replayed = await late.waitFor((m) => m.event === 'standings' && m.finalised === true);
    expect(JSON.stringify(replayed)).not.toContain(s.teams[2].id);

    // A fresh snapshot and the public view list no qualifiers while frozen; the organiser still sees them.
    const fresh = new RecordingSocket(t.url);
    await fresh.connected();
    await fresh.subscribe({ kind: 'championship', id: s.id });
    const snapshot = await fresh.waitFor((m) => m.event === 'snapshot');
    expect((snapshot.championship as { qualifiers: string[] }).qualifiers).toEqual([]);
    expect((await api().get(`/api/case-championships/${s.id}`).expect(200)).body.qualifiers).toEqual([]);
    const listed = (await api().get('/api/case-championships?limit=100').expect(200)).body.items.find(
      (c: { id: string }) => c.id === s.id,
    );
    expect(listed.qualifiers).toEqual([]);
    expect((await api().get(`/api/case-championships/${s.id}`).set(org).expect(200)).body.qualifiers).toEqual(
      finalised.qualifiers,
    );

    // Once the last row is revealed the board thaws and everyone sees the qualifiers.
    view = finalised;
    for (let step = 0; step < 3; step++) {
      view = (await api().post(`/api/case-championships/${s.id}/reveal?version=${view.version}`).set(org).expect(200))
        .body;
    }
    expect((await api().get(`/api/case-championships/${s.id}`).expect(200)).body.qualifiers).toEqual(
      finalised.qualifiers,
    );
    for (const socket of [audience, late, fresh]) socket.close();
  });

  it('keeps no credential in idempotency keys: a keyed judge creation replays as a 409, logins are not keyed', async () => {
    const app = await startTestApp();
    opened.push(app);
    const org = { Authorization: `Bearer ${await app.organiserToken()}` };
    const body = { fullName: 'Keyed Judge', regionCode: 'south', institution: 'Keyed Institute' };
    const created = await request(app.url)
      .post('/api/judges')
      .set(org)
      .set('Idempotency-Key', 'judge-once')
      .send(body)
      .expect(201);
    const { accessCode, link } = created.body as { accessCode: string; link: string };
    expect(accessCode).toBeTruthy();
    const replay = await request(app.url)
      .post('/api/judges')
      .set(org)
      .set('Idempotency-Key', 'judge-once')
      .send(body)
      .expect(409);
    expect(replay.body.message).toMatch(/already succeeded \(id [0-9a-f-]{36}\).*credential.*re-issue/);
    expect(JSON.stringify(replay.body)).not.toContain(accessCode);
    // Still one judge: the replay did not create another.
    const judges = (await request(app.url).get('/api/judges?limit=500').set(org).expect(200)).body.items;
    expect(judges.filter((j: { fullName: string }) => j.fullName === 'Keyed Judge')).toHaveLength(1);

    const logins = [];
    for (let i = 0; i < 2; i++) {
      logins.push(
        (
          await request(app.url)
            .post('/api/auth/judge')
            .set('Idempotency-Key', 'login-once')
            .send({ accessCode })
            .expect(200)
        ).body.accessToken,
      );
      logins.push(
        (
          await request(app.url)
            .post('/api/auth/login')
            .set('Idempotency-Key', 'login-twice')
            .send(ORGANISER)
            .expect(200)
        ).body.accessToken,
      );
    }
    const secrets = [accessCode, link.split('/').pop()!, ORGANISER.password, ...logins];
    const loginHash = createHash('sha256')
      .update(JSON.stringify(sorted(ORGANISER)))
      .digest('hex');

    if (app.databaseUrl) {
      const rows = await adminQuery<{ row: string }>(app.databaseUrl, `SELECT k::text AS row FROM idempotency_keys k`);
      const stored = rows.map((r) => r.row).join('\n');
      expect(rows.length).toBeGreaterThan(0);
      for (const secret of [...secrets, loginHash]) expect(stored).not.toContain(secret);
      await app.close();
    } else {
      await app.close({ keepData: true });
      const files = filesText(app.dataDir!);
      expect(files).toContain('Keyed Institute'); // the search does see the database's rows
      for (const secret of [...secrets, loginHash]) expect(files).not.toContain(secret);
    }
  });

  onServer('takes over a pending key left by a crash, and keeps a fresh one pending', async () => {
    const org = fx.auth();
    const organiserId = JSON.parse(Buffer.from(org.Authorization.split('.')[1], 'base64url').toString()).sub as string;
    const body = {
      name: 'Stuck key team',
      regionCode: 'south',
      oblastCode: 'shymkent',
      institution: 'Stuck School',
      eventDate: '2026-11-24',
      members: [{ fullName: 'Stuck speaker', birthDate: '2005-03-01' }],
    };
    const hash = createHash('sha256')
      .update(JSON.stringify(sorted(body)))
      .digest('hex');
    const scope = `organiser:${organiserId} POST /api/teams`;
    // As a killed process leaves them: claimed, no answer stored. One two minutes old, one just now.
    await adminQuery(
      t.databaseUrl!,
      `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, 'crashed', $2, now() - interval '2 minutes')`,
      [scope, hash],
    );
    await adminQuery(
      t.databaseUrl!,
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, 'running', $2)`,
      [scope, hash],
    );
    await adminQuery(
      t.databaseUrl!,
      `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, created_at) VALUES ($1, 'ancient', $2, 201, now() - interval '25 hours')`,
      [scope, hash],
    );

    const retried = await api().post('/api/teams').set(org).set('Idempotency-Key', 'crashed').send(body).expect(201);
    const again = await api().post('/api/teams').set(org).set('Idempotency-Key', 'crashed').send(body).expect(201);
    expect(again.body.id).toBe(retried.body.id);
    const running = await api().post('/api/teams').set(org).set('Idempotency-Key', 'running').send(body).expect(409);
    expect(running.body.message).toMatch(/still being processed/);
    // This instance's first keyed request also ran the cleanup: the day-old key is gone.
    const remaining = async () =>
      (
        await adminQuery<{ n: number }>(
          t.databaseUrl!,
          `SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'ancient'`,
        )
      )[0].n;
    for (let i = 0; i < 50 && (await remaining()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await remaining()).toBe(0);

    // Keys expire after a day: an expired one is not replayed, the request runs again (and meets its own team).
    await adminQuery(
      t.databaseUrl!,
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'crashed'`,
    );
    const expired = await api().post('/api/teams').set(org).set('Idempotency-Key', 'crashed').send(body).expect(409);
    expect(expired.body.message).toMatch(/already registered/);
  });

  it("writes no secret to a full run's logs at LOG_LEVEL=trace", async () => {
    const app = await startTestApp({ env: { LOG_LEVEL: 'trace' } });
    opened.push(app);
    const organiserToken = await app.organiserToken();
    const appFx = new Fixtures(app, organiserToken);
    const s = await season(app, appFx, 2, 2);
    const created = await request(app.url)
      .post('/api/judges')
      .set(appFx.auth())
      .send({ fullName: 'Linked Judge', regionCode: 'south', institution: 'Link Institute' })
      .expect(201);
    const linkToken = (created.body.link as string).split('/').pop()!;
    const byLink = await request(app.url).post('/api/auth/judge').send({ token: linkToken }).expect(200);
    await request(app.url).get(`/api/judge/${linkToken}`); // a judge opening the private link
    await request(app.url).get(`/j/${linkToken}`); // the short link under the QR code, a page of the judge app
    await sheet(app.url, s, 0, 0, 6).expect(200);
    const tablet = new RecordingSocket(app.url, { token: s.jurors[1].token });
    await tablet.connected();
    await tablet.subscribe({ kind: 'championship', id: s.id });
    tablet.close();
    await request(app.url)
      .post('/api/auth/login')
      .send({ username: ORGANISER.username, password: 'a-wrong-password' })
      .expect(401);
    await app.close({ keepData: true });

    const log = app.output();
    const secrets = {
      'organiser password': ORGANISER.password,
      'wrong password': 'a-wrong-password',
      'organiser token': organiserToken,
      'JWT secret': 'orleu-test-secret-0123456789',
      'link token': linkToken,
      'token from a link': byLink.body.accessToken,
      'new judge access code': created.body.accessCode,
      ...Object.fromEntries(
        s.jurors.flatMap((j, i) => [
          [`juror ${i} access code`, j.accessCode],
          [`juror ${i} token`, j.token],
        ]),
      ),
    };
    const found = Object.entries(secrets)
      .filter(([, secret]) => log.includes(secret))
      .map(([name]) => name);
    expect(found).toEqual([]);
    // Every request was logged (the search does see them).
    expect(log).toContain('request completed');
    expect(log).toContain('/api/auth/judge');
    expect(log).toContain('/judge/[redacted]');
    expect(log).toContain('/j/[redacted]');
  });
});
