import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Fixtures } from './support/fixtures.js';
import { RecordingSocket } from './support/live-client.js';
import { season, sheet } from './support/season.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { adminQuery, startTestApp, type TestApp } from './support/test-app.js';

const serverUrl = process.env.DATABASE_URL;
/** Needs a real server to put a proxy in front of; the embedded engine lives inside the app's process. */
const onServer = serverUrl ? it : it.skip;

const teamBody = (name: string) => ({
  name,
  regionCode: 'south',
  oblastCode: 'shymkent',
  institution: `${name} School`,
  eventDate: '2026-11-24',
  members: [{ fullName: `${name} speaker`, birthDate: '2005-03-01' }],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function allTeamNames(app: TestApp, auth: Record<string, string>): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await request(app.url).get(`/api/teams?limit=500&offset=${offset}`).set(auth).expect(200);
    names.push(...page.body.items.map((t: { name: string }) => t.name));
    if (page.body.items.length < 500) return names;
  }
}

describe('resilience (e2e)', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  });

  onServer('rides out a database outage: writes answer 503, health says why, and it recovers by itself', async () => {
    const target = new URL(serverUrl!);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    cleanup.push(() => proxy.stop());
    const database = `orleu_t_outage_${Date.now().toString(36)}`;
    await adminQuery(serverUrl!, `CREATE DATABASE ${database}`);
    cleanup.push(() => adminQuery(serverUrl!, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    const url = new URL(serverUrl!);
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${database}`;
    // No REDIS_URL: live events go through the PostgreSQL adapter, whose LISTEN client the outage breaks.
    const app: TestApp = await startTestApp({ databaseUrl: url.toString() });
    cleanup.push(() => app.close({ keepData: true }));
    const auth = { Authorization: `Bearer ${await app.organiserToken()}` };
    await request(app.url).get('/api/health').expect(200);

    const statuses: number[] = [];
    const acknowledged: string[] = [];
    let writing = true;
    let n = 0;
    const writer = async () => {
      while (writing) {
        const name = `Outage ${++n}`;
        const res = await request(app.url).post('/api/teams').set(auth).send(teamBody(name));
        statuses.push(res.status);
        if (res.status === 201) acknowledged.push(name);
        await sleep(20);
      }
    };
    const writers = [writer(), writer()];
    await sleep(500);

    await proxy.cut();
    await sleep(1500);
    const health = await request(app.url).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.message).toMatch(/database is not reachable: \S+/);
    const down = await request(app.url).post('/api/teams').set(auth).send(teamBody('During the outage'));
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBeDefined();
    await sleep(2500); // the adapter's LISTEN client notices and retries in the meantime
    expect(app.process.exitCode).toBeNull();

    await proxy.restore();
    await until('health to recover', async () =>
      (await request(app.url).get('/api/health')).status === 200 ? true : undefined,
    );
    const after = statuses.length;
    await until('writes to succeed again', async () => (statuses.slice(after).includes(201) ? true : undefined));
    writing = false;
    await Promise.all(writers);

    expect(app.process.exitCode).toBeNull();
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(statuses).toContain(503);
    // Every write acknowledged with 201 is in the database once.
    const names = await allTeamNames(app, auth);
    for (const name of acknowledged) expect([name, names.filter((x) => x === name).length]).toEqual([name, 1]);
  });

  it("refuses a second instance on the same DATA_DIR with a one-line reason, and takes over a killed one's lock", async () => {
    const first = await startTestApp({ embedded: true });
    cleanup.push(() => first.close());
    const auth = { Authorization: `Bearer ${await first.organiserToken()}` };
    await request(first.url).post('/api/teams').set(auth).send(teamBody('Before the second start')).expect(201);

    const second = await startTestApp({ embedded: true, dataDir: first.dataDir }).then(
      (app) => app.close({ keepData: true }).then(() => 'started'),
      (error: Error) => error.message,
    );
    expect(second).toMatch(/exited with 1 before listening/);
    const reasons = second.split('\n').filter((line) => line.startsWith('Orleu cannot start'));
    expect(reasons).toEqual([
      `Orleu cannot start: DATA_DIR ${first.dataDir} is in use by another Orleu instance (pid ${first.process.pid}); stop it or choose another DATA_DIR`,
    ]);
    // The first instance is untouched and still takes writes.
    await request(first.url).post('/api/teams').set(auth).send(teamBody('After the second start')).expect(201);

    // A killed instance leaves its pid file behind; the next start sees the pid is gone and takes over.
    await first.close({ keepData: true, signal: 'SIGKILL' });
    const third = await startTestApp({ embedded: true, dataDir: first.dataDir });
    cleanup.push(() => third.close());
    const names = await allTeamNames(third, { Authorization: `Bearer ${await third.organiserToken()}` });
    expect(names.filter((n) => n.endsWith('the second start')).sort()).toEqual([
      'After the second start',
      'Before the second start',
    ]);
  });

  it.each([['embedded'], ['server']])(
    'keeps every acknowledged write exactly once through a SIGKILL mid-stream (%s)',
    async (kind) => {
      if (kind === 'server' && !serverUrl) return; // the PostgreSQL pass runs this one
      const first = await startTestApp({ embedded: kind === 'embedded' });
      if (first.databaseUrl)
        cleanup.push(() =>
          adminQuery(
            serverUrl!,
            `DROP DATABASE IF EXISTS ${new URL(first.databaseUrl!).pathname.slice(1)} WITH (FORCE)`,
          ),
        );
      const auth = { Authorization: `Bearer ${await first.organiserToken()}` };
      const acknowledged: string[] = [];
      let n = 0;
      let killed = false;
      const writer = async () => {
        while (!killed) {
          const name = `Crash ${++n}`;
          const res = await request(first.url)
            .post('/api/teams')
            .set(auth)
            .set('Idempotency-Key', `crash-${n}`)
            .send(teamBody(name))
            .catch(() => undefined);
          if (res?.status === 201) acknowledged.push(name);
        }
      };
      const writers = [writer(), writer(), writer(), writer()];
      await sleep(1500);
      killed = true;
      await first.close({ keepData: true, signal: 'SIGKILL' });
      await Promise.all(writers);
      expect(acknowledged.length).toBeGreaterThan(5);

      const again = await startTestApp({
        embedded: kind === 'embedded',
        dataDir: first.dataDir,
        databaseUrl: first.databaseUrl,
      });
      cleanup.push(() => again.close());
      const names = await allTeamNames(again, { Authorization: `Bearer ${await again.organiserToken()}` });
      for (const name of acknowledged) expect([name, names.filter((x) => x === name).length]).toEqual([name, 1]);
      // Nothing was written twice, acknowledged or not.
      const crashNames = names.filter((x) => x.startsWith('Crash '));
      expect(new Set(crashNames).size).toBe(crashNames.length);
    },
  );

  it.each([['embedded'], ['server']])(
    'delivers current standings to a client resuming after the process died right after a score (%s)',
    async (kind) => {
      if (kind === 'server' && !serverUrl) return; // the PostgreSQL pass runs this one
      const first = await startTestApp({ embedded: kind === 'embedded' });
      if (first.databaseUrl)
        cleanup.push(() =>
          adminQuery(
            serverUrl!,
            `DROP DATABASE IF EXISTS ${new URL(first.databaseUrl!).pathname.slice(1)} WITH (FORCE)`,
          ),
        );
      const s = await season(first, new Fixtures(first, await first.organiserToken()), 2, 1);
      const watcher = new RecordingSocket(first.url);
      await watcher.connected();
      const { seq: before } = await watcher.subscribe({ kind: 'championship', id: s.id });
      watcher.close();
      // Killed within the 100 ms standings window: the score is committed and logged, its push never ran.
      await sheet(first.url, s, 1, 0, 7).expect(200);
      first.process.kill('SIGKILL');
      await first.close({ keepData: true });

      const again = await startTestApp({
        embedded: kind === 'embedded',
        dataDir: first.dataDir,
        databaseUrl: first.databaseUrl,
      });
      cleanup.push(() => again.close());
      const resumed = new RecordingSocket(again.url);
      await resumed.connected();
      expect((await resumed.subscribe({ kind: 'championship', id: s.id, sinceSeq: before })).ok).toBe(true);
      await resumed.waitFor((m) => m.event === 'score');
      const pushed = await resumed.waitFor((m) => m.event === 'standings', 5_000);
      const rows = (pushed.standings as { rows: { teamId: string; total: number | null }[] }).rows;
      expect(rows[0].teamId).toBe(s.teams[1].id);
      expect(rows[0].total).not.toBeNull();
      resumed.close();
    },
  );
});
