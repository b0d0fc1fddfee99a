import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Fixtures, type CreatedJudge } from './support/fixtures.js';
import { RecordingSocket } from './support/live-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { startWithKit } from './support/tournaments.js';

const KEYS = ['relevance', 'analysis', 'feasibility', 'innovation', 'presentation'];
const uniform = (x: number) => Object.fromEntries(KEYS.map((k) => [k, x]));

interface Season {
  id: string;
  teams: { id: string }[];
  jurors: CreatedJudge[];
}

async function season(t: TestApp, fx: Fixtures, teamCount: number, jurorCount: number): Promise<Season> {
  const org = fx.auth();
  const c = await request(t.url)
    .post('/api/case-championships')
    .set(org)
    .send({ title: 'Live season', regionCode: 'south', qualifierSlots: 1 })
    .expect(201);
  const teams = [];
  for (let i = 0; i < teamCount; i++) {
    const team = await fx.team('south');
    await request(t.url)
      .post(`/api/case-championships/${c.body.id}/entries`)
      .set(org)
      .send({ teamId: team.id })
      .expect(201);
    teams.push(team);
  }
  const jurors = [];
  for (let j = 0; j < jurorCount; j++) jurors.push(await fx.judge('south'));
  await request(t.url)
    .post(`/api/case-championships/${c.body.id}/jury`)
    .set(org)
    .send({ judgeIds: jurors.map((j) => j.id) })
    .expect(201);
  await request(t.url).post(`/api/case-championships/${c.body.id}/start-scoring`).set(org).expect(200);
  return { id: c.body.id, teams, jurors };
}

const sheet = (url: string, s: Season, team: number, juror: number, x: number) =>
  request(url)
    .put(`/api/case-championships/${s.id}/scoresheets/${s.teams[team].id}`)
    .set('Authorization', `Bearer ${s.jurors[juror].token}`)
    .send({ scores: uniform(x) });

function expectContiguous(seqs: number[], from: number) {
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => from + i));
}

describe('live channel (e2e)', () => {
  let t: TestApp, fx: Fixtures;

  beforeAll(async () => ({ t, fx } = await startWithKit()));
  afterAll(() => t.close());

  it('sends a snapshot, then every event in order after a scoresheet over HTTP', async () => {
    const s = await season(t, fx, 2, 2);
    const audience = new RecordingSocket(t.url);
    await audience.connected();
    const ack = await audience.subscribe({ kind: 'championship', id: s.id });
    expect(ack).toMatchObject({ ok: true, resumed: false });
    const snapshot = await audience.waitFor((m) => m.event === 'snapshot');
    expect(snapshot).toMatchObject({ kind: 'championship', id: s.id, seq: ack.seq });
    expect(snapshot.standings).toBeDefined();
    const response = await sheet(t.url, s, 0, 0, 7).expect(200);
    const score = await audience.waitFor((m) => m.event === 'score');
    expect(score).toMatchObject({ seq: ack.seq! + 1, teamId: s.teams[0].id, version: response.body.version });
    const standings = await audience.waitFor((m) => m.event === 'standings');
    expect(standings.seq).toBe(ack.seq! + 2);
    audience.close();
  });

  it('resumes after a forced disconnect with no gap and no duplicate', async () => {
    const s = await season(t, fx, 3, 2);
    const first = new RecordingSocket(t.url);
    await first.connected();
    const ack = await first.subscribe({ kind: 'championship', id: s.id });
    await sheet(t.url, s, 0, 0, 5).expect(200);
    await first.waitFor((m) => m.event === 'standings');
    const seen = first.events().map((m) => m.seq as number);
    first.socket.disconnect();

    // Missed while offline: three sheets (three scores plus coalesced standings).
    await sheet(t.url, s, 1, 0, 6).expect(200);
    await sheet(t.url, s, 2, 0, 7).expect(200);
    await sheet(t.url, s, 0, 1, 8).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const second = new RecordingSocket(t.url);
    await second.connected();
    const resumed = await second.subscribe({ kind: 'championship', id: s.id, sinceSeq: seen.at(-1)! });
    expect(resumed.ok).toBe(true);
    expect((resumed as { resumed?: boolean }).resumed).toBe(true);
    await sheet(t.url, s, 1, 1, 9).expect(200);
    await second.waitFor((m) => m.event === 'score' && m.teamId === s.teams[1].id && m.judgeId === s.jurors[1].id);
    const all = [...seen, ...second.events().map((m) => m.seq as number)];
    expectContiguous(all, ack.seq! + 1);
    expect(second.messages.some((m) => m.event === 'snapshot')).toBe(false);

    // Too far behind (or from the future): a fresh snapshot instead.
    const third = new RecordingSocket(t.url);
    await third.connected();
    const fresh = await third.subscribe({ kind: 'championship', id: s.id, sinceSeq: 10_000 });
    expect((fresh as { resumed?: boolean }).resumed).toBe(false);
    await third.waitFor((m) => m.event === 'snapshot');
    second.close();
    third.close();
  });

  it('coalesces standings in a burst while delivering every score', async () => {
    const s = await season(t, fx, 6, 5);
    const audience = new RecordingSocket(t.url);
    await audience.connected();
    const ack = await audience.subscribe({ kind: 'championship', id: s.id });
    const started = Date.now();
    await Promise.all(
      s.teams.flatMap((_, team) => s.jurors.map((__, juror) => sheet(t.url, s, team, juror, 3 + juror).expect(200))),
    );
    const elapsed = Date.now() - started;
    await audience.waitFor(() => audience.events().filter((m) => m.event === 'score').length === 30, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const events = audience.events();
    expect(events.filter((m) => m.event === 'score')).toHaveLength(30);
    const standings = events.filter((m) => m.event === 'standings').length;
    expect(standings).toBeGreaterThanOrEqual(1);
    expect(standings).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(standings).toBeLessThan(30);
    expectContiguous(
      events.map((m) => m.seq as number),
      ack.seq! + 1,
    );
    audience.close();
  });

  it('refuses audience writes, bad subscriptions and bad judge tokens', async () => {
    const audience = new RecordingSocket(t.url);
    await audience.connected();
    audience.socket.emit('score', { teamId: 'x' });
    const refused = await audience.waitFor((m) => m.event === 'refused');
    expect(refused.message).toMatch(/only subscribe and unsubscribe/);
    const bad = await audience.subscribe({ kind: 'galaxy', id: 'x' });
    expect(bad).toEqual({ ok: false, message: 'kind must be one of tournament, championship, cup' });
    const unknown = await audience.subscribe({ kind: 'championship', id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.ok).toBe(false);
    expect(unknown.message).toMatch(/not found/);
    audience.close();

    const intruder = new RecordingSocket(t.url, { token: 'forged.token.value' });
    await expect(intruder.connected()).rejects.toThrow(/unauthorized/);
    intruder.close();

    const judge = await fx.judge('south');
    const tablet = new RecordingSocket(t.url, { token: judge.token });
    await tablet.connected();
    const own = await tablet.waitFor((m) => m.event === 'snapshot');
    expect(own.room).toBe(`judge:${judge.id}`);
    tablet.close();
  });
});

describe('live channel across instances (e2e, real PostgreSQL)', () => {
  const shared = process.env.DATABASE_URL;
  // The embedded engine has no cross-connection NOTIFY, so it runs a single instance.
  const maybe = shared ? it : it.skip;

  async function acrossInstances(env: Record<string, string> = {}, whileUp?: () => void) {
    const a = await startTestApp({ env });
    const b = await startTestApp({ databaseUrl: a.databaseUrl, env });
    try {
      const fx = new Fixtures(a, await a.organiserToken());
      const s = await season(a, fx, 2, 1);
      const audience = new RecordingSocket(b.url);
      await audience.connected();
      const ack = await audience.subscribe({ kind: 'championship', id: s.id });
      const before = Date.now();
      await sheet(a.url, s, 0, 0, 6).expect(200);
      const score = await audience.waitFor((m) => m.event === 'score');
      expect(score.seq).toBe(ack.seq! + 1);
      expect(Date.now() - before).toBeLessThan(5_000);
      whileUp?.();
      audience.close();
    } finally {
      await b.close({ keepData: true });
      await a.close();
    }
  }

  maybe('delivers a scoresheet accepted by instance A to an audience on instance B (PostgreSQL adapter)', () =>
    acrossInstances(),
  );

  // CI's PostgreSQL pass also starts a Redis server and sets REDIS_URL.
  const redisUrl = process.env.REDIS_URL;
  (shared && redisUrl ? it : it.skip)('does the same through Redis when REDIS_URL is set', () =>
    acrossInstances({ REDIS_URL: redisUrl! }, () => {
      const channels = execFileSync('redis-cli', ['-u', redisUrl!, 'PUBSUB', 'CHANNELS', 'socket.io*'], {
        encoding: 'utf8',
      });
      // Both instances listen on the /live namespace's request channel and each on its own response channel.
      expect(channels).toMatch(/^socket\.io-request#\/live#$/m);
      expect(channels.match(/^socket\.io-response#\/live#[\w-]+#$/gm)).toHaveLength(2);
    }),
  );

  it('tells clients to reconnect and resume when the server shuts down', async () => {
    const app = await startTestApp();
    const audience = new RecordingSocket(app.url);
    await audience.connected();
    const closing = app.close();
    const notice = await audience.waitFor((m) => m.event === 'shutdown');
    expect(notice.message).toMatch(/sinceSeq/);
    await closing;
    audience.close();
  });
});
