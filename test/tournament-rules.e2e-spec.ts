import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Fixtures } from './support/fixtures.js';
import { RecordingSocket } from './support/live-client.js';
import type { TestApp } from './support/test-app.js';
import { startWithKit, TournamentKit, type DrawnDebate } from './support/tournaments.js';

describe('tournament rules: silent rounds, corrections with a preview, withdrawals (e2e)', () => {
  let t: TestApp, fx: Fixtures, org: Record<string, string>, kit: TournamentKit;
  const api = () => request(t.url);

  beforeAll(async () => ({ t, fx, org, kit } = await startWithKit()));
  afterAll(() => t.close());

  it('keeps a silent round out of the public tab until it is revealed', async () => {
    const id = (await kit.tournament({ teams: 4, prelimRounds: 2, breakSize: 2, judges: 2 })).id;
    await kit.judgeAll((await kit.draw(id)).debates);
    const afterOne = (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body;
    const silent = await kit.draw(id, { silent: true });
    await kit.judgeAll(silent.debates);
    const publicTab = (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body;
    expect(publicTab).toEqual(afterOne);
    const organiserTab = (await api().get(`/api/tournaments/${id}/standings`).set(org).expect(200)).body;
    expect(organiserTab.total).toBe(4);
    expect(organiserTab.items.reduce((sum: number, r: { debates: number }) => sum + r.debates, 0)).toBe(8);
    const publicRound = (await api().get(`/api/tournaments/${id}/rounds/${silent.seq}`).expect(200)).body;
    expect(publicRound.debates.every((d: { result?: unknown }) => d.result === undefined)).toBe(true);
    await api().post(`/api/tournaments/${id}/rounds/${silent.seq}/reveal`).set(org).expect(200);
    expect((await api().get(`/api/tournaments/${id}/standings`).expect(200)).body).toEqual(organiserTab);
  });

  it('previews a corrected semifinal, then resets the final atomically and audits it', async () => {
    // Two judges for two semifinals: one judge per room, so one corrected ballot changes the result.
    const id = (await kit.tournament({ teams: 4, prelimRounds: 1, breakSize: 4, judges: 2 })).id;
    await kit.judgeAll((await kit.draw(id)).debates);
    const semis = await kit.draw(id);
    expect(semis.debates).toHaveLength(2);
    await kit.judgeAll(semis.debates);
    const final = await kit.draw(id);
    expect(final.debates).toHaveLength(1);
    const semi = semis.debates[0];
    expect(semi.panel).toHaveLength(1);
    const loser = [...semi.teams].sort((a, b) => kit.strength.get(a.teamId)! - kit.strength.get(b.teamId)!)[0].teamId;
    const correction = { judgeId: semi.panel[0].judgeId, ...kit.ballot(semi, loser) };
    const bracketBefore = (await api().get(`/api/tournaments/${id}/bracket`).expect(200)).body;

    const preview = (
      await api().post(`/api/debates/${semi.id}/corrections?dryRun=true`).set(org).send(correction).expect(200)
    ).body;
    expect(preview).toMatchObject({ dryRun: true, winnerChanged: true });
    expect(preview.after.winnerTeamId).toBe(loser);
    expect(preview.resets).toEqual([{ matchId: final.debates[0].bracketMatchId, debateId: final.debates[0].id }]);
    expect((await api().get(`/api/tournaments/${id}/bracket`).expect(200)).body).toEqual(bracketBefore);
    await api().get(`/api/debates/${final.debates[0].id}`).expect(200);

    const applied = (await api().post(`/api/debates/${semi.id}/corrections`).set(org).send(correction).expect(200))
      .body;
    expect(applied.resets).toEqual(preview.resets);
    const bracket = (await api().get(`/api/tournaments/${id}/bracket`).expect(200)).body;
    expect(bracket.rounds[0].debates.find((m: { debateId: string }) => m.debateId === semi.id).winnerTeamId).toBe(
      loser,
    );
    expect(bracket.rounds[1].debates[0].teamIds).toContain(loser);
    expect(bracket.rounds[1].debates[0].debateId).toBeNull();
    await api().get(`/api/debates/${final.debates[0].id}`).expect(404);
    const audit = (await api().get(`/api/tournaments/${id}/audit`).set(org).expect(200)).body.items;
    const entry = audit.find((a: { action: string }) => a.action === 'correct-ballot');
    expect(entry.after.resets).toEqual(preview.resets);
    expect(entry.before.result.winnerTeamId).not.toBe(loser);
    const refinal = await kit.draw(id);
    expect(refinal.debates[0].teams.map((x) => x.teamId)).toContain(loser);
  });

  it('plays British Parliamentary: rooms of four, ranks tabbed 3/2/1/0, a break into semifinal rooms, the top two going on', async () => {
    // Rooms of four can't take byes, so a BP break must fill them; a national BP round must break from its own prelims.
    const bad = await api()
      .post('/api/tournaments')
      .set(org)
      .send({
        name: 'BP odd break',
        level: 'regional',
        regionCode: 'east',
        format: 'bp',
        prelimRounds: 2,
        breakSize: 6,
      })
      .expect(400);
    expect(bad.body.message).toEqual([expect.stringMatching(/^breakSize: .*4, 8, 16/)]);
    const national = await api()
      .post('/api/tournaments')
      .set(org)
      .send({
        name: 'BP national',
        level: 'national',
        cupId: '00000000-0000-4000-8000-000000000000',
        format: 'bp',
        prelimRounds: 0,
        breakSize: 8,
      })
      .expect(400);
    expect(national.body.message).toEqual([expect.stringMatching(/^prelimRounds: /)]);

    const created = await api()
      .post('/api/tournaments')
      .set(org)
      .send({ name: 'BP open', level: 'regional', regionCode: 'east', format: 'bp', prelimRounds: 2, breakSize: 8 })
      .expect(201);
    const id = created.body.id as string;
    const entered: string[] = [];
    for (let i = 0; i < 8; i++) {
      const team = await fx.team('east');
      kit.speakers.set(
        team.id,
        team.members.map((m) => m.id),
      );
      kit.strength.set(team.id, 8 - i);
      entered.push(team.id);
      await api().post(`/api/tournaments/${id}/teams`).set(org).send({ teamId: team.id }).expect(201);
    }
    const pool = [];
    for (let j = 0; j < 2; j++) {
      const judge = await fx.judge('east');
      kit.judges.set(judge.id, judge);
      pool.push(judge.id);
    }
    await api().post(`/api/tournaments/${id}/adjudicators`).set(org).send({ judgeIds: pool }).expect(201);
    /** Speaker scores by team strength, with `boost` added to one team's kit.speakers. */
    const bpBallot = (debate: DrawnDebate, boost?: { teamId: string; by: number }) => ({
      teams: debate.teams.map(({ teamId }) => ({
        teamId,
        speeches: kit.speakers
          .get(teamId)!
          .slice(0, 2)
          .map((speakerId) => ({
            speakerId,
            score: 60 + kit.strength.get(teamId)! + (boost?.teamId === teamId ? boost.by : 0),
          })),
      })),
    });
    const submit = async (debate: DrawnDebate) => {
      const judge = kit.judges.get(debate.panel[0].judgeId)!;
      await api()
        .post(`/api/debates/${debate.id}/ballots`)
        .set('Authorization', `Bearer ${judge.token}`)
        .send(bpBallot(debate))
        .expect(201);
    };
    const byStrength = (ids: string[]) => [...ids].sort((a, b) => kit.strength.get(b)! - kit.strength.get(a)!);
    for (let round = 1; round <= 2; round++) {
      const { debates } = await kit.draw(id);
      expect(debates).toHaveLength(2);
      for (const debate of debates) {
        expect(debate.teams.map((x) => x.side)).toEqual(['OG', 'OO', 'CG', 'CO']);
        const judge = kit.judges.get(debate.panel[0].judgeId)!;
        const tied = bpBallot(debate);
        tied.teams[1].speeches = tied.teams[0].speeches.map((x, k) => ({
          ...x,
          speakerId: kit.speakers.get(debate.teams[1].teamId)![k],
        }));
        await api()
          .post(`/api/debates/${debate.id}/ballots`)
          .set('Authorization', `Bearer ${judge.token}`)
          .send(tied)
          .expect(400);
        await submit(debate);
      }
    }
    const tab = (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body.items as {
      teamId: string;
      points: number;
    }[];
    expect(tab.reduce((sum, r) => sum + r.points, 0)).toBe(2 * 2 * (3 + 2 + 1 + 0));
    expect(tab[0].teamId).toBe(entered[0]);
    expect(tab[0].points).toBe(6);

    // The break: seeds 1-4-5-8 and 2-3-6-7, positions by seed.
    const semis = await kit.draw(id);
    const seeds = tab.map((r) => r.teamId);
    expect(semis.debates.map((d) => d.teams.map((x) => x.teamId))).toEqual([
      [seeds[0], seeds[3], seeds[4], seeds[7]],
      [seeds[1], seeds[2], seeds[5], seeds[6]],
    ]);
    for (const debate of semis.debates) await submit(debate);
    const final = await kit.draw(id);
    expect(final.debates).toHaveLength(1);
    const goingOn = semis.debates.flatMap((d) => byStrength(d.teams.map((x) => x.teamId)).slice(0, 2));
    expect(new Set(final.debates[0].teams.map((x) => x.teamId))).toEqual(new Set(goingOn));

    // A semifinal correction that lifts its third-placed team into the top two resets the final; a preview first.
    const semi = semis.debates[0];
    const third = byStrength(semi.teams.map((x) => x.teamId))[2];
    const correction = { judgeId: semi.panel[0].judgeId, ...bpBallot(semi, { teamId: third, by: 30 }) };
    const preview = (
      await api().post(`/api/debates/${semi.id}/corrections?dryRun=true`).set(org).send(correction).expect(200)
    ).body;
    expect(preview.resets).toEqual([{ matchId: final.debates[0].bracketMatchId, debateId: final.debates[0].id }]);
    await api().post(`/api/debates/${semi.id}/corrections`).set(org).send(correction).expect(200);
    await api().get(`/api/debates/${final.debates[0].id}`).expect(404);
    const refinal = await kit.draw(id);
    expect(refinal.debates[0].teams.map((x) => x.teamId)).toContain(third);
    await submit(refinal.debates[0]);
    const bracket = (await api().get(`/api/tournaments/${id}/bracket`).expect(200)).body;
    expect(bracket.rounds.map((r: { name: string }) => r.name)).toEqual(['Semifinals', 'Final']);
    const champion = byStrength(refinal.debates[0].teams.map((x) => x.teamId))[0];
    expect(bracket.champion).toBe(champion);
    expect(bracket.rounds[1].debates[0].ranking).toEqual(byStrength(refinal.debates[0].teams.map((x) => x.teamId)));

    // Correcting the final re-crowns: no later debate to reset, the champion and finishing order follow.
    const underdog = byStrength(refinal.debates[0].teams.map((x) => x.teamId))[3];
    const recrown = {
      judgeId: refinal.debates[0].panel[0].judgeId,
      ...bpBallot(refinal.debates[0], { teamId: underdog, by: 30 }),
    };
    const finalPreview = (
      await api()
        .post(`/api/debates/${refinal.debates[0].id}/corrections?dryRun=true`)
        .set(org)
        .send(recrown)
        .expect(200)
    ).body;
    expect(finalPreview).toMatchObject({ winnerChanged: true, resets: [] });
    await api().post(`/api/debates/${refinal.debates[0].id}/corrections`).set(org).send(recrown).expect(200);
    const after = (await api().get(`/api/tournaments/${id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'finished', championTeamId: underdog });
    expect(after.finalPlaces.slice(0, 2)).toEqual([underdog, champion]);
    const csv = (await api().get(`/api/tournaments/${id}/bracket?format=csv`).expect(200)).text.slice(1).split('\r\n');
    expect(csv[0]).toBe('round,match,seedA,teamA,seedB,teamB,seedC,teamC,seedD,teamD,winner,ranking');
    expect(csv.find((line) => line.startsWith('Final,'))).toContain(`${underdog},${[underdog, champion].join(' > ')}`);
  });

  it("pushes a released draw to the audience and each judge's assignment to their tablet", async () => {
    const id = (await kit.tournament({ teams: 2, prelimRounds: 1, breakSize: 2, judges: 1 })).id;
    const judge = [...kit.judges.values()].at(-1)!;
    const tablet = new RecordingSocket(t.url, { token: judge.token });
    await tablet.connected();
    await tablet.waitFor((m) => m.event === 'snapshot');
    const audience = new RecordingSocket(t.url);
    await audience.connected();
    await audience.subscribe({ kind: 'tournament', id });
    const snapshot = await audience.waitFor((m) => m.event === 'snapshot');
    expect(snapshot.currentRound).toBeNull();
    const released = await kit.draw(id);
    const pushed = await audience.waitFor((m) => m.event === 'draw');
    expect((pushed.round as { seq: number }).seq).toBe(released.seq);
    const assignment = await tablet.waitFor((m) => m.event === 'assignment');
    expect(assignment).toMatchObject({
      tournamentId: id,
      roundSeq: released.seq,
      debates: [{ debateId: released.debates[0].id, role: 'chair' }],
    });
    await kit.judgeAll(released.debates);
    await audience.waitFor((m) => m.event === 'score');
    await audience.waitFor((m) => m.event === 'standings');
    tablet.close();
    audience.close();
  });

  it('decides a debate once when the whole panel submits at the same moment', async () => {
    const id = (await kit.tournament({ teams: 2, prelimRounds: 1, breakSize: 2, judges: 3 })).id;
    const { debates } = await kit.draw(id);
    const debate = debates[0];
    expect(debate.panel).toHaveLength(3);
    const responses = await Promise.all(
      debate.panel.flatMap((p) =>
        // Each judge's tablet also retries once with the same key.
        [0, 1].map(() =>
          api()
            .post(`/api/debates/${debate.id}/ballots`)
            .set('Authorization', `Bearer ${kit.judges.get(p.judgeId)!.token}`)
            .set('Idempotency-Key', `ballot-${p.judgeId}`)
            .send(kit.ballot(debate)),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.ballotId)).size).toBe(3);
    const result = (await api().get(`/api/debates/${debate.id}`).expect(200)).body;
    expect(result.status).toBe('confirmed');
    expect([...result.result.counted].sort()).toEqual(debate.panel.map((p) => p.judgeId).sort());
    const tab = (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body.items as {
      points: number;
      debates: number;
    }[];
    expect(tab.map((r) => r.debates)).toEqual([1, 1]);
    expect(tab.reduce((sum, r) => sum + r.points, 0)).toBe(1);
  });

  it("forfeits a withdrawn team's open debate and leaves it out of later draws", async () => {
    const id = (await kit.tournament({ teams: 6, prelimRounds: 3, breakSize: 2, judges: 3 })).id;
    const first = await kit.draw(id);
    const leaving = first.debates[0].teams[0].teamId;
    const opponent = first.debates[0].teams[1].teamId;
    const res = await api().post(`/api/tournaments/${id}/withdrawals`).set(org).send({ teamId: leaving }).expect(201);
    expect(res.body).toEqual({ teamId: leaving, withdrawn: true, replacement: null });
    const forfeited = (await api().get(`/api/debates/${first.debates[0].id}`).expect(200)).body;
    expect(forfeited.status).toBe('confirmed');
    expect(forfeited.result.winnerTeamId).toBe(opponent);
    await kit.judgeAll(first.debates.slice(1));
    const second = await kit.draw(id);
    const playing = second.debates.flatMap((d) => d.teams.map((x) => x.teamId));
    expect(playing).not.toContain(leaving);
    expect(playing).toHaveLength(4);
    await api().post(`/api/tournaments/${id}/withdrawals`).set(org).send({ teamId: leaving }).expect(409);
  });
});
