import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Fixtures } from './support/fixtures.js';
import type { TestApp } from './support/test-app.js';
import { startWithKit, TournamentKit, type DrawnRound } from './support/tournaments.js';

const pairsOf = (round: DrawnRound) =>
  round.debates.map((d) =>
    d.teams
      .map((t) => t.teamId)
      .sort()
      .join('|'),
  );

describe('what the draw remembers: declared team–team conflicts, judges who saw a team (e2e)', () => {
  let t: TestApp, fx: Fixtures, org: Record<string, string>, kit: TournamentKit;
  const api = () => request(t.url);

  beforeAll(async () => ({ t, fx, org, kit } = await startWithKit()));
  afterAll(() => t.close());

  it('keeps declared pairs apart, lists and removes them, and refuses bad declarations changing nothing', async () => {
    const { id, teamIds } = await kit.tournament({ teams: 4, prelimRounds: 2, breakSize: 2, judges: 2 });
    const seed = 'conflict-seed';
    const first = (await api().post(`/api/tournaments/${id}/rounds`).set(org).send({ seed }).expect(201))
      .body as DrawnRound;
    // Declare exactly the pairs this seed drew: the same seed must now draw something else.
    const drawn = first.debates.map((d) => d.teams.map((x) => x.teamId));
    const declared = [];
    for (const [a, b] of drawn) {
      const made = await api()
        .post(`/api/tournaments/${id}/team-conflicts`)
        .set(org)
        .send({ teamId: b, otherTeamId: a })
        .expect(201);
      expect(made.body).toMatchObject({ teamId: [a, b].sort()[0], otherTeamId: [a, b].sort()[1] });
      declared.push(made.body);
    }
    const list = (await api().get(`/api/tournaments/${id}/team-conflicts`).set(org).expect(200)).body;
    expect(list).toEqual({ items: declared, total: 2 });

    // Bad input: 4xx naming the field, nothing stored.
    const same = await api()
      .post(`/api/tournaments/${id}/team-conflicts`)
      .set(org)
      .send({ teamId: teamIds[0], otherTeamId: teamIds[0] })
      .expect(400);
    expect(same.body.problems[0].field).toBe('otherTeamId');
    const outsider = await fx.team('east');
    const notEntered = await api()
      .post(`/api/tournaments/${id}/team-conflicts`)
      .set(org)
      .send({ teamId: outsider.id, otherTeamId: teamIds[0] })
      .expect(400);
    expect(notEntered.body.problems[0].field).toBe('teamId');
    const again = await api()
      .post(`/api/tournaments/${id}/team-conflicts`)
      .set(org)
      .send({ teamId: drawn[0][0], otherTeamId: drawn[0][1] })
      .expect(409);
    expect(again.body.problems[0].field).toBe('otherTeamId');
    await api()
      .post(`/api/tournaments/${id}/team-conflicts`)
      .set(org)
      .send({ teamId: 'nope', otherTeamId: teamIds[1] })
      .expect(400);
    await api().delete(`/api/tournaments/${id}/team-conflicts/${outsider.id}`).set(org).expect(404);
    await api().get(`/api/tournaments/${id}/team-conflicts`).expect(401);
    await api().get(`/api/tournaments/${outsider.id}/team-conflicts`).set(org).expect(404);
    expect((await api().get(`/api/tournaments/${id}/team-conflicts`).set(org).expect(200)).body).toEqual(list);

    const redrawn = (await api().post(`/api/tournaments/${id}/rounds/1/regenerate`).set(org).send({ seed }).expect(200))
      .body as DrawnRound & { debates: { explanation: string[] }[] };
    for (const pair of pairsOf(redrawn)) expect(pairsOf(first)).not.toContain(pair);
    for (const debate of redrawn.debates)
      expect(debate.explanation.some((l) => l.endsWith('that pairing would be a declared conflict'))).toBe(true);

    // Both removed: the same seed draws the first pairing again.
    for (const c of declared) {
      const removed = await api().delete(`/api/tournaments/${id}/team-conflicts/${c.id}`).set(org).expect(200);
      expect(removed.body).toEqual(c);
    }
    expect((await api().get(`/api/tournaments/${id}/team-conflicts`).set(org).expect(200)).body).toEqual({
      items: [],
      total: 0,
    });
    const back = (await api().post(`/api/tournaments/${id}/rounds/1/regenerate`).set(org).send({ seed }).expect(200))
      .body as DrawnRound;
    expect(pairsOf(back).sort()).toEqual(pairsOf(first).sort());
    const audit = (await api().get(`/api/tournaments/${id}/audit`).set(org).expect(200)).body.items as {
      action: string;
    }[];
    expect(audit.filter((a) => a.action === 'add-team-conflict')).toHaveLength(2);
    expect(audit.filter((a) => a.action === 'remove-team-conflict')).toHaveLength(2);
  });

  it('seats a judge who has not seen the teams before one who has, at the price the rules give', async () => {
    // Judges of strength 5, 6 and 7, two rooms: round 1 seats 7 and 6 (a lone spare judge sits out). In round 2 each
    // of them has seen one team of every room; 2 strength points off for that (seenPenalty 20 tenths) puts 6 below
    // the unseen 5, so 7 and 5 chair. Without the history, 7 and 6 would chair again.
    const { id, judgeIds } = await kit.tournament({ teams: 4, prelimRounds: 2, breakSize: 2, judges: 3 });
    const [five, six, seven] = judgeIds;
    const one = await kit.draw(id);
    const seated = (round: DrawnRound) => round.debates.flatMap((d) => d.panel.map((p) => p.judgeId)).sort();
    expect(seated(one)).toEqual([six, seven].sort());
    await kit.judgeAll(one.debates);
    const two = await kit.draw(id);
    expect(seated(two)).toEqual([five, seven].sort());
  });
});
