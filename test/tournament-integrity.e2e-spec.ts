import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import type { Fixtures } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { startWithKit, TournamentKit, type DrawnDebate } from './support/tournaments.js';

// PGlite serves one connection, so two transactions never overlap there and a lost update cannot happen (nor be
// caught): the race test runs in the PostgreSQL pass (DATABASE_URL set).
const onPostgres = !!process.env.DATABASE_URL;

describe('tournament integrity: concurrent results, conflicts, withdrawals (e2e)', () => {
  let t: TestApp, fx: Fixtures, kit: TournamentKit;
  const api = () => request(t.url);

  beforeAll(async () => ({ t, fx, kit } = await startWithKit()));
  afterAll(() => t.close());

  const stronger = (d: DrawnDebate) =>
    [...d.teams].sort((a, b) => kit.strength.get(b.teamId)! - kit.strength.get(a.teamId)!)[0].teamId;

  (onPostgres ? it : it.skip)(
    'keeps both semifinal results when their last ballots commit at the same moment',
    async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const { id } = await kit.tournament({ teams: 4, prelimRounds: 1, breakSize: 4, judges: 2 });
        await kit.judgeAll((await kit.draw(id)).debates);
        const semis = await kit.draw(id);
        expect(semis.debates.map((d) => d.panel.length)).toEqual([1, 1]);
        const responses = await Promise.all(semis.debates.map((d) => kit.submit(d, d.panel[0].judgeId)));
        expect(responses.map((r) => [r.status, r.body.debateStatus])).toEqual([
          [201, 'confirmed'],
          [201, 'confirmed'],
        ]);
        const bracket = (await api().get(`/api/tournaments/${id}/bracket`).expect(200)).body;
        const winners = semis.debates.map(stronger);
        expect(bracket.rounds[0].debates.map((m: { winnerTeamId: string }) => m.winnerTeamId).sort()).toEqual(
          [...winners].sort(),
        );
        expect([...bracket.rounds[1].debates[0].teamIds].sort()).toEqual([...winners].sort());
        const final = await kit.draw(id);
        expect(final.debates.map((d) => d.teams.map((x) => x.teamId).sort())).toEqual([[...winners].sort()]);
      }
    },
  );

  (onPostgres ? it : it.skip)(
    'counts every ballot and confirms every debate when whole panels submit at the same moment',
    async () => {
      // Ballots that leave their panel incomplete hold the tournament shared, so they run side by side; the one
      // that completes a panel must hold it for update. Here every judge of every room submits at once, so which
      // ballot completes its panel is decided by the race, not by the order of the requests.
      for (let attempt = 0; attempt < 5; attempt++) {
        const { id } = await kit.tournament({ teams: 4, prelimRounds: 2, breakSize: 2, judges: 6 });
        const { debates } = await kit.draw(id);
        expect(debates.map((d) => d.panel.length)).toEqual([3, 3]);
        const responses = await Promise.all(debates.flatMap((d) => d.panel.map((p) => kit.submit(d, p.judgeId))));
        expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
        // Exactly one ballot of each room saw its panel complete.
        const completing = responses.filter((r) => r.body.debateStatus === 'confirmed').map((r) => r.body.debateId);
        expect([...completing].sort()).toEqual(debates.map((d) => d.id).sort());
        for (const debate of debates) {
          const view = (await api().get(`/api/debates/${debate.id}`).expect(200)).body;
          expect(view.status).toBe('confirmed');
          expect(view.result.winnerTeamId).toBe(stronger(debate));
          expect([...view.result.counted].sort()).toEqual(debate.panel.map((p) => p.judgeId).sort());
        }
        const rounds = (await api().get(`/api/tournaments/${id}/rounds`).expect(200)).body.items;
        expect(rounds.map((r: { status: string }) => r.status)).toEqual(['closed']);
        const standings = (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body.items as {
          teamId: string;
          wins: number;
        }[];
        expect(standings.reduce((n, r) => n + r.wins, 0)).toBe(2);
      }
    },
  );

  (onPostgres ? it : it.skip)(
    'counts each ballot once across two instances when every ballot is also retried on the other instance',
    async () => {
      // Each instance gathers its own batches (group commit): two batches, and the ballots each leaves to the
      // one-at-a-time path, meet on the same debates and keys.
      const other = await startTestApp({ databaseUrl: t.databaseUrl });
      const db = new pg.Client({ connectionString: t.databaseUrl });
      await db.connect();
      try {
        const { id } = await kit.tournament({ teams: 8, prelimRounds: 2, breakSize: 2, judges: 12 });
        const { debates } = await kit.draw(id);
        expect(debates.map((d) => d.panel.length)).toEqual([3, 3, 3, 3]);
        const send = (url: string, debate: DrawnDebate, judgeId: string) =>
          request(url)
            .post(`/api/debates/${debate.id}/ballots`)
            .set('Authorization', `Bearer ${kit.judges.get(judgeId)!.token}`)
            .set('Idempotency-Key', `both-${judgeId}`)
            .send(kit.ballot(debate));
        const pairs = debates.flatMap((d, i) =>
          d.panel.map((p, j) =>
            ((i + j) % 2 ? [t.url, other.url] : [other.url, t.url]).map((url) => send(url, d, p.judgeId)),
          ),
        );
        const responses = await Promise.all(pairs.flat());
        expect(responses.map((r) => r.status)).toEqual(Array(24).fill(201));
        // A ballot and its retry answer alike: one ballot, version 1, whichever instance took it.
        for (let k = 0; k < responses.length; k += 2) expect(responses[k + 1].body).toEqual(responses[k].body);
        expect(new Set(responses.map((r) => r.body.ballotId)).size).toBe(12);
        expect(responses.every((r) => r.body.version === 1)).toBe(true);
        const confirmedBy = responses.filter((r, k) => k % 2 === 0 && r.body.debateStatus === 'confirmed');
        expect(confirmedBy.map((r) => r.body.debateId).sort()).toEqual(debates.map((d) => d.id).sort());
        const rows = await db.query<{ n: number; current: number; versions: number[] }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE current)::int AS current, array_agg(DISTINCT version) AS versions
           FROM ballots WHERE debate_id = ANY($1)`,
          [debates.map((d) => d.id)],
        );
        expect(rows.rows).toEqual([{ n: 12, current: 12, versions: [1] }]);
        const events = await db.query<{ seq: number }>(
          `SELECT seq FROM live_events WHERE room = $1 AND type = 'score' ORDER BY seq`,
          [`tournament:${id}`],
        );
        expect(events.rows).toHaveLength(12);
        for (const debate of debates) {
          const view = (await api().get(`/api/debates/${debate.id}`).expect(200)).body;
          expect(view.status).toBe('confirmed');
          expect([...view.result.counted].sort()).toEqual(debate.panel.map((p) => p.judgeId).sort());
        }
      } finally {
        await db.end();
        await other.close({ keepData: true });
      }
    },
  );

  it('refuses to reveal a silent round that is still a draft, changing nothing (found by the fuzz test)', async () => {
    const { id } = await kit.tournament({ teams: 4, prelimRounds: 2, breakSize: 2, judges: 2 });
    await api().post(`/api/tournaments/${id}/rounds`).set(fx.auth()).send({ silent: true }).expect(201);
    const refused = await api().post(`/api/tournaments/${id}/rounds/1/reveal`).set(fx.auth()).expect(409);
    expect(JSON.stringify(refused.body.message)).toContain('round 1 is a draft: release it first');
    const round = (await api().get(`/api/tournaments/${id}/rounds/1`).set(fx.auth()).expect(200)).body;
    expect(round).toMatchObject({ status: 'draft', silent: true });
  });

  it('keeps two judges declared in conflict off one panel', async () => {
    const { id, judgeIds } = await kit.tournament({ teams: 2, prelimRounds: 1, breakSize: 2, judges: 3 });
    await api()
      .post(`/api/judges/${judgeIds[0]}/judge-conflicts`)
      .set(fx.auth())
      .send({ judgeId: judgeIds[1] })
      .expect(201);
    const round = await kit.draw(id);
    const panel = round.debates[0].panel.map((p) => p.judgeId);
    expect(panel).toContain(judgeIds[2]);
    expect(panel.includes(judgeIds[0]) && panel.includes(judgeIds[1])).toBe(false);
  });

  it('refuses a ballot from a judge who declared a conflict with a team after the draw, changing nothing', async () => {
    const { id, teamIds, judgeIds } = await kit.tournament({ teams: 2, prelimRounds: 1, breakSize: 2, judges: 1 });
    const [debate] = (await kit.draw(id)).debates;
    await api().post(`/api/judges/${judgeIds[0]}/conflicts`).set(fx.auth()).send({ teamId: teamIds[1] }).expect(201);
    const refused = await kit.submit(debate, judgeIds[0]).expect(422);
    expect(String(refused.body.message)).toContain(teamIds[1]);
    const after = (await api().get(`/api/debates/${debate.id}`).expect(200)).body;
    expect(after.status).toBe('pending');
    expect(
      (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body.items.every(
        (r: { debates: number }) => r.debates === 0,
      ),
    ).toBe(true);
  });

  it('does not send a team that withdrew to the national round through the finishing order', async () => {
    const cup = await api()
      .post('/api/cups')
      .set(fx.auth())
      .send({ name: 'Withdrawal cup', season: '2026', slotsPerRegion: 4 })
      .expect(201);
    const { id, teamIds } = await kit.tournament({
      teams: 4,
      prelimRounds: 2,
      breakSize: 2,
      judges: 2,
      cupId: cup.body.id,
    });
    await kit.judgeAll((await kit.draw(id)).debates);
    const leaving = teamIds[0];
    await api().post(`/api/tournaments/${id}/withdrawals`).set(fx.auth()).send({ teamId: leaving }).expect(201);
    await kit.judgeAll((await kit.draw(id)).debates);
    await kit.judgeAll((await kit.draw(id)).debates);
    const tournament = (await api().get(`/api/tournaments/${id}`).expect(200)).body;
    expect(tournament.status).toBe('finished');
    const region = (await api().get(`/api/cups/${cup.body.id}`).expect(200)).body.regions.find(
      (r: { code: string }) => r.code === 'east',
    );
    expect([...region.qualifiers].sort()).toEqual(teamIds.slice(1).sort());
  });
});
