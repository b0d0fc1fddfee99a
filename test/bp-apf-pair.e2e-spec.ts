import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { CreatedJudge, Fixtures } from './support/fixtures.js';
import { startWithKit, type DrawnDebate, type DrawnRound } from './support/tournaments.js';
import type { TestApp } from './support/test-app.js';

/**
 * One league of a cup runs a BP and an APF tournament side by side (as the AMANAT Cup does): each drawn, each balloted
 * over HTTP by the judges the server allocated, each tabulated by its own format's rules. The sheets depend only on
 * which team speaks, so the tabs are worked out by hand below, whatever the draw.
 */
describe('a BP and an APF tournament side by side in one league (e2e)', () => {
  let t: TestApp, fx: Fixtures;
  const api = () => request(t.url);

  beforeAll(async () => ({ t, fx } = await startWithKit()));
  afterAll(() => t.close());

  interface Entered {
    id: string;
    members: string[];
  }

  async function tournament(format: 'bp' | 'apf', cupId: string, leagueId: string, regionCode: string, prelim: number) {
    const created = await api()
      .post('/api/tournaments')
      .set(fx.auth())
      .send({
        name: `${format.toUpperCase()} ${regionCode}`,
        level: 'regional',
        regionCode,
        cupId,
        leagueId,
        format,
        prelimRounds: prelim,
        // BP breaks to one final room of four.
        breakSize: format === 'bp' ? 4 : 2,
        panels: { maxPanelSize: 3 },
      });
    expect(created.body.message ?? created.status).toBe(201);
    return created.body as { id: string; tabRules: { teamTieBreaks: string[] } };
  }

  async function enter(id: string, regionCode: string, names: string[]): Promise<Record<string, Entered>> {
    const teams: Record<string, Entered> = {};
    for (const name of names) {
      const team = await fx.team(regionCode, `${name} ${id.slice(0, 6)}`, { members: 2 });
      await api().post(`/api/tournaments/${id}/teams`).set(fx.auth()).send({ teamId: team.id }).expect(201);
      teams[name] = { id: team.id, members: team.members.map((m) => m.id) };
    }
    return teams;
  }

  async function judges(id: string, regionCode: string, count: number): Promise<Map<string, CreatedJudge>> {
    const pool = new Map<string, CreatedJudge>();
    for (let i = 0; i < count; i++) {
      const judge = await fx.judge(regionCode);
      pool.set(judge.id, judge);
    }
    await api()
      .post(`/api/tournaments/${id}/adjudicators`)
      .set(fx.auth())
      .send({ judgeIds: [...pool.keys()] })
      .expect(201);
    return pool;
  }

  async function draw(id: string): Promise<DrawnRound> {
    const drawn = await api().post(`/api/tournaments/${id}/rounds`).set(fx.auth()).send({}).expect(201);
    return (await api().post(`/api/tournaments/${id}/rounds/${drawn.body.seq}/release`).set(fx.auth()).expect(200))
      .body;
  }

  const submit = (judge: CreatedJudge, debate: DrawnDebate, body: object) =>
    api()
      .post(`/api/debates/${debate.id}/ballots`)
      .set('Authorization', `Bearer ${judge.token}`)
      .send(body)
      .expect(201);

  const tab = async (id: string) =>
    (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body.items as {
      rank: number;
      teamId: string;
      points: number;
      wins: number;
      ballots: number;
      speakerTotal: number;
      decidedBy: string | null;
    }[];

  it('draws, ballots and tabulates each by its own format: BP by points then speaker total, APF by wins, ballots, speaker total', async () => {
    const cup = (
      await api().post('/api/cups').set(fx.auth()).send({ name: 'AMANAT Cup', season: '2026', slotsPerRegion: 1 })
    ).body;
    const league = (
      await api()
        .post(`/api/cups/${cup.id}/leagues`)
        .set(fx.auth())
        .send({ key: 'kk', name: 'Қазақ лигасы', language: 'kk' })
        .expect(201)
    ).body.leagues[0];

    const bp = await tournament('bp', cup.id, league.id, 'south', 2);
    const apf = await tournament('apf', cup.id, league.id, 'north', 3);
    // Each shows its own tab header.
    expect(bp.tabRules.teamTieBreaks).toEqual(['points', 'speakerTotal']);
    expect(apf.tabRules.teamTieBreaks).toEqual(['wins', 'ballots', 'speakerTotal']);
    const bpTeams = await enter(bp.id, 'south', ['A', 'B', 'C', 'D']);
    const apfTeams = await enter(apf.id, 'north', ['A', 'B', 'C', 'D']);
    const bpJudges = await judges(bp.id, 'south', 3);
    const apfJudges = await judges(apf.id, 'north', 6);
    const nameOf = (teams: Record<string, Entered>, teamId: string) =>
      Object.keys(teams).find((name) => teams[name].id === teamId)!;

    // BP: each team's two speakers score alike; totals by round (the room's order follows from them):
    //   round 1: A 170, B 168, C 166, D 100 → A 3, B 2, C 1, D 0
    //   round 2: D 190, C 188, A 120, B 110 → D 3, C 2, A 1, B 0
    const bpSpeaker: Record<number, Record<string, number>> = {
      1: { A: 85, B: 84, C: 83, D: 50 },
      2: { A: 60, B: 55, C: 94, D: 95 },
    };
    // APF: four teams in three rounds without rematches meet each once, whatever the draw. Every debate's winner,
    // its split, and the sheets the majority gives (speech, speech, rebuttal by the first speaker):
    const apfWinner: Record<string, { winner: string; split: 3 | 2 }> = {
      AB: { winner: 'A', split: 3 },
      AC: { winner: 'A', split: 3 },
      AD: { winner: 'D', split: 2 },
      BC: { winner: 'B', split: 2 },
      BD: { winner: 'B', split: 3 },
      CD: { winner: 'C', split: 2 },
    };
    const winSheet: Record<string, number[]> = {
      A: [74, 74, 37],
      B: [76, 76, 38],
      C: [72, 72, 36],
      D: [77, 77, 38.5],
    };
    const loseSheet: Record<string, number[]> = {
      A: [70, 70, 35],
      B: [71, 71, 35.5],
      C: [66, 66, 33],
      D: [68, 68, 34],
    };
    const dissentSheet = [60, 60, 30];

    const apfBallot = (debate: DrawnDebate, dissent: boolean) => {
      const names = debate.teams.map((x) => nameOf(apfTeams, x.teamId));
      const { winner } = apfWinner[[...names].sort().join('')];
      return {
        teams: debate.teams.map(({ teamId }) => {
          const name = nameOf(apfTeams, teamId);
          const won = name === winner;
          // A dissenting judge puts the loser first: the majority's winner gets the lowest sheet.
          const sheet = dissent ? (won ? dissentSheet : winSheet[name]) : won ? winSheet[name] : loseSheet[name];
          const [first, second] = apfTeams[name].members;
          return {
            teamId,
            speeches: [
              { speakerId: first, score: sheet[0] },
              { speakerId: second, score: sheet[1] },
              { speakerId: first, score: sheet[2], reply: true },
            ],
          };
        }),
      };
    };
    const bpBallot = (debate: DrawnDebate, round: number) => ({
      teams: debate.teams.map(({ teamId }) => {
        const name = nameOf(bpTeams, teamId);
        const score = bpSpeaker[round][name];
        return { teamId, speeches: bpTeams[name].members.map((speakerId) => ({ speakerId, score })) };
      }),
    });

    const met = new Set<string>();
    for (let round = 1; round <= 3; round++) {
      // The two tournaments draw and score in the same round slot, one ballot of each in turn.
      const bpRound = round <= 2 ? await draw(bp.id) : null;
      const apfRound = await draw(apf.id);
      expect(apfRound.debates).toHaveLength(2);
      const sends: (() => Promise<unknown>)[] = [];
      for (const debate of bpRound?.debates ?? []) {
        expect(debate.teams.map((x) => x.side).sort()).toEqual(['CG', 'CO', 'OG', 'OO']);
        for (const p of debate.panel)
          sends.push(() => submit(bpJudges.get(p.judgeId)!, debate, bpBallot(debate, round)));
      }
      for (const debate of apfRound.debates) {
        expect(debate.panel).toHaveLength(3);
        const pair = debate.teams
          .map((x) => nameOf(apfTeams, x.teamId))
          .sort()
          .join('');
        expect(met.has(pair)).toBe(false);
        met.add(pair);
        // The last `3 - split` panellists dissent; with a 2–1 the chair is always in the majority.
        const ordered = [...debate.panel].sort((a, b) => (a.role === 'chair' ? -1 : b.role === 'chair' ? 1 : 0));
        ordered.forEach((p, i) =>
          sends.push(() => submit(apfJudges.get(p.judgeId)!, debate, apfBallot(debate, i >= apfWinner[pair].split))),
        );
      }
      for (let i = 0; i < sends.length; i++) await sends[i % 2 === 0 ? i / 2 : sends.length - 1 - (i - 1) / 2]();
    }
    expect([...met].sort()).toEqual(['AB', 'AC', 'AD', 'BC', 'BD', 'CD']);

    // BP by hand: points A 3+1 = 4, B 2+0 = 2, C 1+2 = 3, D 0+3 = 3; speaker totals A 170+120 = 290,
    // B 168+110 = 278, C 166+188 = 354, D 100+190 = 290. Points first: A leads with less than C's total;
    // C and D share 3 points and C's 354 beats D's 290.
    const bpTab = await tab(bp.id);
    expect(bpTab.map((r) => [r.rank, nameOf(bpTeams, r.teamId), r.points, r.speakerTotal, r.decidedBy])).toEqual([
      [1, 'A', 4, 290, null],
      [2, 'C', 3, 354, 'points'],
      [3, 'D', 3, 290, 'speakerTotal'],
      [4, 'B', 2, 278, 'points'],
    ]);

    // APF by hand: wins A 2 (B, C), B 2 (C, D), C 1 (D), D 1 (A). Ballots A 3+3+1 = 7, B 0+2+3 = 5, C 0+1+2 = 3,
    // D 2+0+1 = 3. Speaker totals (the majority's sheets): A 185+185+175 = 545, B 190+190+177.5 = 557.5,
    // C 180+165+165 = 510, D 192.5+170+170 = 532.5. A is above B on ballots though B spoke better; D and C
    // share wins and ballots, and D's speaker total puts it third.
    const apfTab = await tab(apf.id);
    expect(
      apfTab.map((r) => [r.rank, nameOf(apfTeams, r.teamId), r.wins, r.ballots, r.speakerTotal, r.decidedBy]),
    ).toEqual([
      [1, 'A', 2, 7, 545, null],
      [2, 'B', 2, 5, 557.5, 'ballots'],
      [3, 'D', 1, 3, 532.5, 'wins'],
      [4, 'C', 1, 3, 510, 'speakerTotal'],
    ]);
    // The speaker tab keeps rebuttals apart: D's first speaker spoke 77 + 68 + 68 = 213, rebutted 38.5 + 34 + 34.
    const speakers = (await api().get(`/api/tournaments/${apf.id}/speakers`).expect(200)).body.items as {
      speakerId: string;
      total: number;
      replyTotal: number;
    }[];
    expect(speakers.find((s) => s.speakerId === apfTeams.D.members[0])).toMatchObject({
      total: 213,
      replyTotal: 106.5,
    });
    // Neither tab holds the other's teams.
    expect(bpTab.map((r) => r.teamId).sort()).toEqual(
      Object.values(bpTeams)
        .map((x) => x.id)
        .sort(),
    );
  });
});
