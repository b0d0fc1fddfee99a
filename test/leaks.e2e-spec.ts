import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Fixtures } from './support/fixtures.js';
import { RecordingSocket } from './support/live-client.js';
import { season, sheet } from './support/season.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Row {
  teamId: string | null;
  hidden?: boolean;
}

describe('nothing leaks (e2e)', () => {
  let t: TestApp;
  let fx: Fixtures;
  const api = () => request(t.url);

  beforeAll(async () => {
    t = await startTestApp();
    fx = new Fixtures(t, await t.organiserToken());
  });
  afterAll(() => t.close());

  it('keeps a frozen case leaderboard frozen through finalise: sockets, the replay log and the public view', async () => {
    const org = fx.auth();
    const s = await season(t, fx, 3, 1, 2);
    for (const [i] of s.teams.entries()) await sheet(t.url, s, i, 0, 4 + 2 * i).expect(200);
    let view = (await api().get(`/api/case-championships/${s.id}`).set(org).expect(200)).body;
    view = (await api().post(`/api/case-championships/${s.id}/freeze?version=${view.version}`).set(org).expect(200)).body;

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
    const listed = (await api().get('/api/case-championships?limit=100').expect(200)).body.items.find((c: { id: string }) => c.id === s.id);
    expect(listed.qualifiers).toEqual([]);
    expect((await api().get(`/api/case-championships/${s.id}`).set(org).expect(200)).body.qualifiers).toEqual(finalised.qualifiers);

    // Once the last row is revealed the board thaws and everyone sees the qualifiers.
    view = finalised;
    for (let step = 0; step < 3; step++) {
      view = (await api().post(`/api/case-championships/${s.id}/reveal?version=${view.version}`).set(org).expect(200)).body;
    }
    expect((await api().get(`/api/case-championships/${s.id}`).expect(200)).body.qualifiers).toEqual(finalised.qualifiers);
    for (const socket of [audience, late, fresh]) socket.close();
  });
});
