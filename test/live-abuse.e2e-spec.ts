import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { Fixtures } from './support/fixtures.js';
import { RecordingSocket } from './support/live-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function connect(url: string): Promise<Socket> {
  const socket = io(`${url}/live`, { transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function championship(
  t: TestApp,
  org: Record<string, string>,
  title = 'Abuse season',
): Promise<{ id: string; version: number }> {
  return (
    await request(t.url)
      .post('/api/case-championships')
      .set(org)
      .send({ title, regionCode: 'south', qualifierSlots: 1 })
      .expect(201)
  ).body;
}

describe('live channel limits (e2e)', () => {
  let t: TestApp;
  let org: Record<string, string>;
  const opened: { close(): unknown }[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        LIVE_MAX_CONNECTIONS_PER_ADDRESS: '5',
        LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET: '2',
        LIVE_SUBSCRIBES_PER_MINUTE: '4',
        LIVE_MAX_REPLAY: '3',
      },
    });
    org = { Authorization: `Bearer ${await t.organiserToken()}` };
  });
  afterAll(async () => {
    for (const socket of opened) socket.close();
    await t.close();
  });

  it('caps connections per address, subscriptions per socket and subscribe requests per minute', async () => {
    const sockets = [];
    for (let i = 0; i < 5; i++) sockets.push(await connect(t.url));
    opened.push(...sockets);
    await expect(connect(t.url)).rejects.toThrow(/too many live connections from this address \(at most 5\)/);
    sockets.pop()!.close();
    await sleep(200);
    const replacement = await connect(t.url);
    opened.push(replacement);

    const [a, b, c] = [await championship(t, org), await championship(t, org), await championship(t, org)];
    const subscribe = (socket: Socket, id: string) =>
      socket.timeout(10_000).emitWithAck('subscribe', { kind: 'championship', id });
    expect((await subscribe(sockets[0], a.id)).ok).toBe(true);
    expect((await subscribe(sockets[0], b.id)).ok).toBe(true);
    expect(await subscribe(sockets[0], c.id)).toEqual({
      ok: false,
      message: 'too many subscriptions on one connection: at most 2',
    });
    // Re-subscribing to a room it is in is not a new subscription, but it counts against the rate.
    expect((await subscribe(sockets[0], a.id)).ok).toBe(true);
    expect(await subscribe(sockets[0], a.id)).toEqual({
      ok: false,
      message: 'too many subscribe requests: at most 4 a minute',
    });
    // Other sockets have their own budget.
    expect((await subscribe(sockets[1], c.id)).ok).toBe(true);
    for (const socket of [...sockets, replacement]) socket.close();
    await sleep(200);
  });

  it('answers a resume from far back with a snapshot, not the whole log', async () => {
    let c = await championship(t, org, 'Replay season');
    const client = new RecordingSocket(t.url);
    opened.push(client);
    await client.connected();
    const { seq: start } = await client.subscribe({ kind: 'championship', id: c.id });
    for (let i = 0; i < 3; i++) {
      c = (
        await request(t.url).post(`/api/case-championships/${c.id}/freeze?version=${c.version}`).set(org).expect(200)
      ).body;
      c = (
        await request(t.url).post(`/api/case-championships/${c.id}/unfreeze?version=${c.version}`).set(org).expect(200)
      ).body;
    }
    await client.waitFor((m) => m.seq === start! + 6);
    client.close();

    const near = new RecordingSocket(t.url);
    const far = new RecordingSocket(t.url);
    opened.push(near, far);
    await Promise.all([near.connected(), far.connected()]);
    const resumedNear = await near.subscribe({ kind: 'championship', id: c.id, sinceSeq: start! + 3 });
    expect(resumedNear).toMatchObject({ ok: true, resumed: true });
    expect(near.events().map((m) => m.seq)).toEqual([start! + 4, start! + 5, start! + 6]);
    const resumedFar = await far.subscribe({ kind: 'championship', id: c.id, sinceSeq: start });
    expect(resumedFar).toMatchObject({ ok: true, resumed: false, seq: start! + 6 });
    expect(far.messages.map((m) => m.event)).toEqual(['snapshot']);
  });
});

describe('a live client that stops reading (e2e)', () => {
  it('is dropped once its backlog passes LIVE_MAX_BUFFERED_BYTES, while others carry on', async () => {
    const t = await startTestApp({ env: { LIVE_MAX_BUFFERED_BYTES: '65536', LIVE_SUBSCRIBES_PER_MINUTE: '100000' } });
    try {
      const fx = new Fixtures(t, await t.organiserToken());
      const c = await championship(t, fx.auth(), 'Slow reader season');
      // A snapshot of tens of kilobytes: forty entries with long names.
      for (let i = 0; i < 40; i++) {
        const team = await fx.team('south', `${'Slow reader team with a long name '.repeat(5)}${i}`.slice(0, 200));
        await request(t.url)
          .post(`/api/case-championships/${c.id}/entries`)
          .set(fx.auth())
          .send({ teamId: team.id })
          .expect(201);
      }
      const healthy = new RecordingSocket(t.url);
      await healthy.connected();
      const slow = await connect(t.url);
      // Stop reading from the TCP socket: what the server sends piles up in the kernel, then in the server.
      const tcp = (slow.io.engine.transport as unknown as { ws: { _socket: { pause(): void; destroy(): void } } }).ws
        ._socket;
      tcp.pause();
      const before = t.output().length;
      const dropped = () => t.output().slice(before).includes('dropped a live socket');
      // Each subscribe sends it a fresh snapshot; paced so the server's queue stays short.
      const deadline = Date.now() + 30_000;
      while (!dropped() && Date.now() < deadline) {
        for (let i = 0; i < 10; i++) slow.emit('subscribe', { kind: 'championship', id: c.id });
        await sleep(250);
      }
      expect(t.output().slice(before)).toMatch(
        /dropped a live socket that stopped reading: over \d+ bytes waiting \(limit 65536\)/,
      );
      // The reading client is unaffected.
      expect(
        (await healthy.socket.timeout(30_000).emitWithAck('subscribe', { kind: 'championship', id: c.id })).ok,
      ).toBe(true);
      healthy.close();
      tcp.destroy();
      slow.close();
    } finally {
      await t.close();
    }
  });

  it('is judged by what waited before its snapshot: a snapshot bigger than the limit reaches a reading client', async () => {
    // A 4,000-team tournament's snapshot is megabytes: counting the reply itself as backlog dropped every first
    // subscriber of a big room before it could read a byte.
    const t = await startTestApp({ env: { LIVE_MAX_BUFFERED_BYTES: '1024' } });
    try {
      const fx = new Fixtures(t, await t.organiserToken());
      const c = await championship(t, fx.auth(), 'Big room season');
      for (let i = 0; i < 60; i++) {
        const team = await fx.team('south', `${'Big room team with a long name '.repeat(6)}${i}`.slice(0, 200));
        await request(t.url)
          .post(`/api/case-championships/${c.id}/entries`)
          .set(fx.auth())
          .send({ teamId: team.id })
          .expect(201);
      }
      const before = t.output().length;
      const reader = new RecordingSocket(t.url);
      await reader.connected();
      expect(await reader.subscribe({ kind: 'championship', id: c.id })).toMatchObject({ ok: true, resumed: false });
      await reader.waitFor((m) => m.event === 'snapshot');
      const snapshot = reader.messages.find((m) => m.event === 'snapshot')!;
      expect(JSON.stringify(snapshot).length).toBeGreaterThan(8 * 1024);
      expect(t.output().slice(before)).not.toMatch(/dropped a live socket/);
      reader.close();
    } finally {
      await t.close();
    }
  });
});
