import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Fixtures } from './support/fixtures.js';
import { startWithKit, TournamentKit, type DrawnDebate } from './support/tournaments.js';
import type { TestApp } from './support/test-app.js';

describe('formats a tournament copies and changes, iron speeches, tab rules (e2e)', () => {
  let t: TestApp, fx: Fixtures, kit: TournamentKit;
  const api = () => request(t.url);

  beforeAll(async () => ({ t, fx, kit } = await startWithKit()));
  afterAll(() => t.close());

  const apf = (overrides: Record<string, unknown>) => ({
    name: `АПФ ${Math.random()}`,
    level: 'regional',
    regionCode: 'west',
    format: 'apf',
    prelimRounds: 2,
    breakSize: 2,
    ...overrides,
  });

  it('refuses overrides that break the format, naming the field', async () => {
    const twoSlots = await api()
      .post('/api/tournaments')
      .set(fx.auth())
      .send(
        apf({
          formatOverrides: {
            speechSlots: [
              { min: 20, max: 30, step: 1 },
              { min: 20, max: 30, step: 1 },
            ],
          },
        }),
      )
      .expect(400);
    expect(JSON.stringify(twoSlots.body.message)).toContain('formatOverrides.speechSlots must give 3 slots');
    const unreachable = await api()
      .post('/api/tournaments')
      .set(fx.auth())
      .send(
        apf({
          formatOverrides: {
            speechSlots: [
              { min: 20, max: 30, step: 3 },
              { min: 20, max: 30, step: 1 },
              { min: 10, max: 15, step: 0.5 },
            ],
          },
        }),
      )
      .expect(400);
    expect(JSON.stringify(unreachable.body.message)).toContain(
      'formatOverrides.speechSlots[0] max must be reachable from min in steps of 3',
    );
    const ld = await api()
      .post('/api/tournaments')
      .set(fx.auth())
      .send(apf({ format: 'ld', formatOverrides: { slotNames: { gov: [] } } }))
      .expect(400);
    expect(JSON.stringify(ld.body.message)).toContain('formatOverrides.slotNames: unknown side gov (aff, neg)');
  });

  it('an APF tournament on its own 20–30 scale: ballots keep its ranges, an iron speaker counts for the team only', async () => {
    const created = await api()
      .post('/api/tournaments')
      .set(fx.auth())
      .send(
        apf({
          formatOverrides: {
            name: 'АПФ — мектеп лигасы',
            speechSlots: [
              { min: 20, max: 30, step: 1 },
              { min: 20, max: 30, step: 1 },
              { min: 10, max: 15, step: 0.5 },
            ],
            tab: { speakerRankBy: 'average', minSpeeches: 1 },
          },
          byeCounts: 'win',
        }),
      )
      .expect(201);
    const id = created.body.id as string;
    expect(created.body.formatSpec.speechSlots.map((s: { min: number; max: number }) => [s.min, s.max])).toEqual([
      [20, 30],
      [20, 30],
      [10, 15],
    ]);
    expect(created.body.tabRules).toEqual({
      teamTieBreaks: ['wins', 'ballots', 'speakerTotal'],
      speakerRankBy: 'average',
      minSpeeches: 1,
    });
    expect(created.body.rules).toEqual({ byeCounts: 'win', marginsIncludeDissent: false });

    // Five teams of two: every round one team has a bye, which counts as a win without speaker scores.
    const teams = [];
    for (let i = 0; i < 5; i++) {
      const team = await fx.team('west', `Фракция ${i + 1} ${id.slice(0, 4)}`, { members: 2 });
      await api().post(`/api/tournaments/${id}/teams`).set(fx.auth()).send({ teamId: team.id }).expect(201);
      teams.push(team);
    }
    const judges = [await fx.judge('west'), await fx.judge('west')];
    await api()
      .post(`/api/tournaments/${id}/adjudicators`)
      .set(fx.auth())
      .send({ judgeIds: judges.map((j) => j.id) })
      .expect(201);
    const drawn = await api().post(`/api/tournaments/${id}/rounds`).set(fx.auth()).send({}).expect(201);
    const round = (
      await api().post(`/api/tournaments/${id}/rounds/${drawn.body.seq}/release`).set(fx.auth()).expect(200)
    ).body;
    const membersOf = new Map(teams.map((team) => [team.id, team.members.map((m) => m.id)]));
    const byed = teams.find(
      (team) => !round.debates.some((d: DrawnDebate) => d.teams.some((x) => x.teamId === team.id)),
    )!;

    const ballot = (debate: DrawnDebate, iron: string | null) => ({
      teams: debate.teams.map(({ teamId, side }) => {
        const [first, second] = membersOf.get(teamId)!;
        const win = side === 'gov';
        return {
          teamId,
          speeches: [
            { speakerId: first, score: win ? 27 : 25 },
            { speakerId: iron === teamId ? first : second, score: win ? 26 : 24 },
            { speakerId: first, score: win ? 13.5 : 12, reply: true },
          ],
        };
      }),
    });
    const judgeOf = (debate: DrawnDebate) => judges.find((j) => j.id === debate.panel[0].judgeId)!;
    const [ironDebate, plainDebate] = round.debates as DrawnDebate[];
    const ironTeam = ironDebate.teams.find((x) => x.side === 'gov')!.teamId;
    const post = (debate: DrawnDebate, body: unknown) =>
      api()
        .post(`/api/debates/${debate.id}/ballots`)
        .set('Authorization', `Bearer ${judgeOf(debate).token}`)
        .send(body as object);

    // The preset's 60–80 scale is not this tournament's: a 70 is out of range for the 20–30 slot.
    const wrongScale = await post(plainDebate, {
      teams: ballot(plainDebate, null).teams.map((x) => ({
        ...x,
        speeches: x.speeches.map((s) => ({ ...s, score: s.reply ? 35 : 70 })),
      })),
    }).expect(400);
    expect(JSON.stringify(wrongScale.body.message)).toContain('speeches[0].score must not be greater than 30');
    // Without the organiser's mark, one member speaking twice is refused; with it, accepted.
    await post(ironDebate, ballot(ironDebate, ironTeam)).expect(400);
    const marked = await api()
      .post(`/api/debates/${ironDebate.id}/iron`)
      .set(fx.auth())
      .send({ teamId: ironTeam, speakerIds: [membersOf.get(ironTeam)![0]] })
      .expect(200);
    expect(marked.body.ironSpeakerIds).toEqual([membersOf.get(ironTeam)![0]]);
    await post(ironDebate, ballot(ironDebate, ironTeam)).expect(201);
    await post(plainDebate, ballot(plainDebate, null)).expect(201);

    const speakers = (await api().get(`/api/tournaments/${id}/speakers`).expect(200)).body;
    const rows = speakers.items;
    const ironRow = rows.find((r: { speakerId: string }) => r.speakerId === membersOf.get(ironTeam)![0]);
    // One constructive counted (27), the repeated one (26) left out; the reply is kept apart.
    expect(ironRow).toMatchObject({ total: 27, speeches: 1, replyTotal: 13.5 });
    const silent = rows.find((r: { speakerId: string }) => r.speakerId === membersOf.get(ironTeam)![1]);
    expect(silent).toMatchObject({ speeches: 0, rank: null });

    const standingsBody = (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body;
    const tab = standingsBody.items;
    const byeRow = tab.find((r: { teamId: string }) => r.teamId === byed.id);
    expect(byeRow).toMatchObject({ wins: 1, points: 1, byes: 1, speakerTotal: 0, speakerAverage: null });
    const ironRowTab = tab.find((r: { teamId: string }) => r.teamId === ironTeam);
    // The iron team's total keeps both constructives: 27 + 26 + 13.5.
    expect(ironRowTab).toMatchObject({ wins: 1, speakerTotal: 66.5, byes: 0 });
  });

  it('takes the draw and panel rules per tournament, and names a bad one', async () => {
    const created = await api()
      .post('/api/tournaments')
      .set(fx.auth())
      .send(
        apf({
          pairing: { method: 'slide', oddBracket: 'intermediate-bubble', avoidInstitution: false },
          bp: { entropyExponent: 2 },
          panels: { maxPanelSize: 3, evenPanels: true },
        }),
      )
      .expect(201);
    expect(created.body.rules).toEqual({
      byeCounts: 'absent',
      marginsIncludeDissent: false,
      pairing: { method: 'slide', oddBracket: 'intermediate-bubble', avoidInstitution: false },
      bp: { entropyExponent: 2 },
      panels: { maxPanelSize: 3, evenPanels: true },
    });
    const bad = await api()
      .post('/api/tournaments')
      .set(fx.auth())
      .send(apf({ pairing: { method: 'zigzag' } }))
      .expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('pairing.method');
  });

  it("keeps the organiser's iron mark to members of a team in the debate, and to formats that allow it", async () => {
    const { id, teamIds } = await kit.tournament({
      teams: 4,
      prelimRounds: 1,
      breakSize: 2,
      judges: 2,
      regionCode: 'north',
      format: 'ld',
    });
    const round = await kit.draw(id);
    const debate = round.debates[0];
    const team = debate.teams[0].teamId;
    const refused = await api()
      .post(`/api/debates/${debate.id}/iron`)
      .set(fx.auth())
      .send({ teamId: team, speakerIds: [kit.speakers.get(team)![0]] })
      .expect(422);
    expect(JSON.stringify(refused.body.message)).toContain('has no iron speeches');
    const outsider = teamIds.find((x) => !debate.teams.some((d) => d.teamId === x))!;
    await api()
      .post(`/api/debates/${debate.id}/iron`)
      .set(fx.auth())
      .send({ teamId: outsider, speakerIds: [] })
      .expect(400);
  });
});
