import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { CreatedJudge, Fixtures } from './support/fixtures.js';
import { ORGANISER, type TestApp } from './support/test-app.js';
import { startWithKit, TournamentKit } from './support/tournaments.js';

/**
 * What a client shows a person: names beside the ids (bracket, final places, qualifiers, audits, scoresheets,
 * the speaker tab), criterion names in kk/ru/en, and problems with a code it can translate (issue 11.7).
 */
describe('an API a client can be built on (e2e)', () => {
  let t: TestApp, fx: Fixtures, kit: TournamentKit, org: Record<string, string>;
  const api = () => request(t.url);
  const as = (judge: CreatedJudge) => ({ Authorization: `Bearer ${judge.token}` });
  /** A team's name as the team route has it: the oracle the views' names are compared with. */
  const teamName = async (id: string) => (await api().get(`/api/teams/${id}`).expect(200)).body.name as string;

  beforeAll(async () => ({ t, fx, org, kit } = await startWithKit()));
  afterAll(() => t.close());

  it('refuses a WSDC speech of 70.25 (steps of 0.5) with a STEP problem on that field, and stores nothing', async () => {
    const { id } = await kit.tournament({ teams: 2, prelimRounds: 1, breakSize: 2, judges: 1 });
    const [debate] = (await kit.draw(id)).debates;
    const judge = kit.judges.get(debate.panel[0].judgeId)!;
    const ballot = kit.ballot(debate);
    ballot.teams[1].speeches[2].score = 70.25;
    const refused = await api().post(`/api/debates/${debate.id}/ballots`).set(as(judge)).send(ballot).expect(400);
    expect(refused.body.problems).toEqual([
      {
        field: 'teams[1].speeches[2].score',
        code: 'STEP',
        message: 'teams[1].speeches[2].score must be in steps of 0.5 from 60 (60, 60.5, …)',
      },
    ]);
    expect(refused.body.message).toEqual([refused.body.problems[0].message]);
    expect((await api().get(`/api/debates/${debate.id}`).set(org).expect(200)).body.status).toBe('pending');
    ballot.teams[1].speeches[2].score = 70.5;
    await api().post(`/api/debates/${debate.id}/ballots`).set(as(judge)).send(ballot).expect(201);
  });

  it('names the teams beside their ids: bracket, final places, champion, qualifiers, speaker tab, audit', async () => {
    const cup = await api()
      .post('/api/cups')
      .set(org)
      .send({ name: 'Names cup', season: '2026', slotsPerRegion: 1 })
      .expect(201);
    const { id, teamIds } = await kit.tournament({
      teams: 4,
      prelimRounds: 1,
      breakSize: 2,
      judges: 2,
      cupId: cup.body.id,
    });
    const names = new Map<string, string>();
    for (const teamId of teamIds) names.set(teamId, await teamName(teamId));
    expect(new Set(names.values()).size).toBe(4);

    const round = await kit.draw(id);
    await kit.judgeAll(round.debates);
    // An organiser's correction (the same result) puts an entry in the audit.
    const corrected = round.debates[0];
    const judgeId = corrected.panel[0].judgeId;
    await api()
      .post(`/api/debates/${corrected.id}/corrections?dryRun=false`)
      .set(org)
      .send({ judgeId, ...kit.ballot(corrected) })
      .expect(200);
    const final = await kit.draw(id);
    await kit.judgeAll(final.debates);

    const tournament = (await api().get(`/api/tournaments/${id}`).expect(200)).body;
    expect(tournament.status).toBe('finished');
    expect(tournament.finalPlaces).toHaveLength(4);
    expect(tournament.finalPlaceTeams).toEqual(
      tournament.finalPlaces.map((teamId: string) => ({ teamId, teamName: names.get(teamId) })),
    );
    expect(tournament.championTeamName).toBe(names.get(tournament.championTeamId));

    const bracket = (await api().get(`/api/tournaments/${id}/bracket`).expect(200)).body;
    const [match] = bracket.rounds[0].debates;
    expect(match.teamIds).toHaveLength(2);
    expect(match.teamNames).toEqual(match.teamIds.map((teamId: string) => names.get(teamId)));
    expect(match.winnerTeamName).toBe(names.get(match.winnerTeamId));
    expect(bracket.championName).toBe(names.get(tournament.championTeamId));

    const speakers = (await api().get(`/api/tournaments/${id}/speakers`).expect(200)).body;
    expect(speakers.total).toBe(12);
    for (const row of speakers.items) expect(row.teamName).toBe(names.get(row.teamId));

    const east = (await api().get(`/api/cups/${cup.body.id}`).expect(200)).body.regions.find(
      (r: { code: string }) => r.code === 'east',
    );
    expect(east.qualifiers).toEqual([tournament.championTeamId]);
    expect(east.qualifierTeams).toEqual([
      { teamId: tournament.championTeamId, teamName: names.get(tournament.championTeamId) },
    ]);

    const audit = (await api().get(`/api/tournaments/${id}/audit`).set(org).expect(200)).body;
    const entry = audit.items.find((a: { action: string }) => a.action === 'correct-ballot');
    expect(entry).toMatchObject({ subjectId: corrected.id, actorName: ORGANISER.username });
    expect(entry.actor).toMatch(/^organiser:/);
  });

  it('gives criteria kk/ru/en names and names teams and jurors in sheets, audit, diagnostics and qualifiers', async () => {
    const given = { kk: 'Талдаудың тереңдігі', ru: 'Глубина анализа', en: 'Depth of analysis' };
    const bad = await api()
      .post('/api/case-championships')
      .set(org)
      .send({
        title: 'Names',
        regionCode: 'west',
        qualifierSlots: 1,
        criteria: [{ key: 'analysis', name: 'Analysis', weight: 1, maxScore: 10, names: { kk: '', ru: 'Р', en: 'E' } }],
      })
      .expect(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field)).toEqual(['criteria.0.names.kk']);

    const created = await api()
      .post('/api/case-championships')
      .set(org)
      .send({
        title: 'Жастар мәселесі жастар көзімен — names',
        regionCode: 'west',
        qualifierSlots: 1,
        criteria: [
          { key: 'analysis', name: 'Analysis', weight: 60, maxScore: 10, names: given },
          { key: 'impact', name: 'Impact', weight: 40, maxScore: 10 },
        ],
      })
      .expect(201);
    const c = created.body;
    expect(c.criteria.map((x: { names: unknown }) => x.names)).toEqual([
      given,
      { kk: 'Impact', ru: 'Impact', en: 'Impact' },
    ]);
    // The default rubric carries the programme's own names.
    const plain = await api()
      .post('/api/case-championships')
      .set(org)
      .send({ title: 'Default rubric', regionCode: 'west', qualifierSlots: 1 })
      .expect(201);
    expect(plain.body.criteria[0].names).toEqual({
      kk: 'Мәселенің өзектілігі',
      ru: 'Актуальность проблемы',
      en: 'Problem relevance',
    });

    const teams = [await fx.team('west', 'Қыран'), await fx.team('west', 'Сұңқар')];
    for (const team of teams)
      await api().post(`/api/case-championships/${c.id}/entries`).set(org).send({ teamId: team.id }).expect(201);
    const jurors = [
      await fx.judge('west', { name: 'Айгүл Нұрланқызы' }),
      await fx.judge('west', { name: 'Ерлан Серікұлы' }),
    ];
    await api()
      .post(`/api/case-championships/${c.id}/jury`)
      .set(org)
      .send({ judgeIds: jurors.map((j) => j.id) })
      .expect(201);
    await api().post(`/api/case-championships/${c.id}/start-scoring`).set(org).expect(200);
    const score = (judge: CreatedJudge, teamId: string, x: number) =>
      api()
        .put(`/api/case-championships/${c.id}/scoresheets/${teamId}`)
        .set(as(judge))
        .send({ scores: { analysis: x, impact: x } })
        .expect(200);
    for (const judge of jurors) {
      await score(judge, teams[0].id, 9);
      await score(judge, teams[1].id, 6);
    }
    await score(jurors[1], teams[1].id, 5);

    const work = (await api().get('/api/me/work').set(as(jurors[0])).expect(200)).body;
    expect(work.championships[0].criteria[0].names).toEqual(given);
    const standings = (await api().get(`/api/case-championships/${c.id}/standings`).expect(200)).body;
    expect(standings.criteria.map((x: { names: unknown }) => x.names)).toEqual([
      given,
      { kk: 'Impact', ru: 'Impact', en: 'Impact' },
    ]);

    const teamOf = new Map(teams.map((x) => [x.id, x.name]));
    const jurorOf = new Map(jurors.map((x) => [x.id, x.fullName]));
    const sheets = (await api().get(`/api/case-championships/${c.id}/scoresheets`).set(org).expect(200)).body;
    expect(sheets.total).toBe(4);
    for (const sheet of sheets.items) {
      expect(sheet.teamName).toBe(teamOf.get(sheet.teamId));
      expect(sheet.judgeName).toBe(jurorOf.get(sheet.judgeId));
    }
    const audit = (await api().get(`/api/case-championships/${c.id}/audit`).set(org).expect(200)).body;
    expect(audit.total).toBe(5);
    const rescored = audit.items.find((a: { version: number }) => a.version === 2);
    expect(rescored).toMatchObject({
      teamName: 'Сұңқар',
      judgeName: 'Ерлан Серікұлы',
      actor: `judge:${jurors[1].id}`,
      actorName: 'Ерлан Серікұлы',
    });
    const diagnostics = (await api().get(`/api/case-championships/${c.id}/diagnostics`).set(org).expect(200)).body;
    expect(diagnostics.total).toBe(2);
    for (const d of diagnostics.items) expect(d.fullName).toBe(jurorOf.get(d.judgeId));

    const finalised = (await api().post(`/api/case-championships/${c.id}/finalise`).set(org).expect(200)).body;
    expect(finalised.qualifiers).toEqual([teams[0].id]);
    expect(finalised.qualifierTeams).toEqual([{ teamId: teams[0].id, teamName: 'Қыран' }]);
    expect(finalised.qualifierPlacements).toEqual([{ teamId: teams[0].id, teamName: 'Қыран', placedBy: 'overall' }]);
  });
});
