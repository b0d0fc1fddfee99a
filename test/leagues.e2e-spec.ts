import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Fixtures } from './support/fixtures.js';
import { startWithKit, TournamentKit } from './support/tournaments.js';
import type { TestApp } from './support/test-app.js';

/**
 * One AMANAT Cup, two leagues: a Kazakh league (the best team of each macro-region goes on) and a Russian league (the
 * best team of each oblast goes on). Each league plays its own regional tournaments and its own national round, to
 * two champions.
 */
describe('leagues of a cup (e2e)', () => {
  let t: TestApp, fx: Fixtures, kit: TournamentKit;
  const api = () => request(t.url);

  beforeAll(async () => ({ t, fx, kit } = await startWithKit()));
  afterAll(() => t.close());

  /** Plays a tournament's remaining rounds until it is finished: the stronger team (by the kit) wins every debate. */
  async function playOut(id: string) {
    for (let i = 0; i < 6; i++) {
      const view = (await api().get(`/api/tournaments/${id}`).expect(200)).body;
      if (view.status === 'finished') return view;
      const round = await kit.draw(id);
      await kit.judgeAll(round.debates);
    }
    throw new Error(`tournament ${id} did not finish`);
  }

  it('plays a Kazakh and a Russian league to their own champions, and keeps a team in one league', async () => {
    const cup = (
      await api()
        .post('/api/cups')
        .set(fx.auth())
        .send({ name: 'AMANAT Cup', season: '2026', slotsPerRegion: 1 })
        .expect(201)
    ).body;
    const kk = (
      await api()
        .post(`/api/cups/${cup.id}/leagues`)
        .set(fx.auth())
        .send({ key: 'kk', name: 'Қазақ лигасы', language: 'kk' })
        .expect(201)
    ).body;
    const ru = (
      await api()
        .post(`/api/cups/${cup.id}/leagues`)
        .set(fx.auth())
        .send({ key: 'ru', name: 'Русская лига', language: 'ru', qualificationUnit: 'oblast', placesPerUnit: 1 })
        .expect(201)
    ).body;
    await api().post(`/api/cups/${cup.id}/leagues`).set(fx.auth()).send({ key: 'kk', name: 'again' }).expect(409);
    const kkLeague = kk.leagues.find((l: { key: string }) => l.key === 'kk');
    const ruLeague = ru.leagues.find((l: { key: string }) => l.key === 'ru');
    expect(ruLeague).toMatchObject({ language: 'ru', qualificationUnit: 'oblast', placesPerUnit: 1 });
    expect(kkLeague).toMatchObject({ qualificationUnit: 'region', placesPerUnit: 1 });

    // Kazakh league: south and north, the best of each region goes to the national round.
    const kkSouth = await kit.tournament({
      teams: 4,
      prelimRounds: 1,
      breakSize: 2,
      judges: 2,
      regionCode: 'south',
      cupId: cup.id,
      leagueId: kkLeague.id,
    });
    const kkNorth = await kit.tournament({
      teams: 4,
      prelimRounds: 1,
      breakSize: 2,
      judges: 2,
      regionCode: 'north',
      cupId: cup.id,
      leagueId: kkLeague.id,
    });
    // The north is weaker throughout, so the national final's winner is known in advance.
    for (const id of kkNorth.teamIds) kit.strength.set(id, kit.strength.get(id)! - 10);

    // Russian league: one southern tournament of two oblasts, the best of each oblast goes on. Same region as the
    // Kazakh one: allowed, it is another league.
    const ruSouth = (
      await api()
        .post('/api/tournaments')
        .set(fx.auth())
        .send({
          name: 'AMANAT Cup — Юг (рус.)',
          level: 'regional',
          regionCode: 'south',
          cupId: cup.id,
          leagueId: ruLeague.id,
          format: 'wsdc',
          prelimRounds: 1,
          breakSize: 2,
        })
        .expect(201)
    ).body;
    await api()
      .post('/api/tournaments')
      .set(fx.auth())
      .send({
        name: 'twice',
        level: 'regional',
        regionCode: 'south',
        cupId: cup.id,
        leagueId: ruLeague.id,
        format: 'wsdc',
        prelimRounds: 1,
        breakSize: 2,
      })
      .expect(409);
    const ruTeams: { id: string; oblast: string }[] = [];
    for (const [i, oblast] of ['shymkent', 'shymkent', 'turkistan', 'turkistan'].entries()) {
      const members = [1, 2, 3].map((m) => ({ fullName: `Студент ${i}-${m}`, birthDate: '2006-02-0' + m }));
      const team = (
        await api()
          .post('/api/teams')
          .set(fx.auth())
          .send({
            name: `Команда ${i + 1}`,
            regionCode: 'south',
            oblastCode: oblast,
            institution: `Лицей ${i + 1}`,
            eventDate: '2026-11-24',
            members,
          })
          .expect(201)
      ).body;
      kit.strength.set(team.id, 10 - i); // Shymkent's first is the strongest, then its second, then Turkistan's two
      kit.speakers.set(
        team.id,
        team.members.map((m: { id: string }) => m.id),
      );
      await api().post(`/api/tournaments/${ruSouth.id}/teams`).set(fx.auth()).send({ teamId: team.id }).expect(201);
      ruTeams.push({ id: team.id, oblast });
    }
    const ruJudges = [await fx.judge('south'), await fx.judge('south')];
    for (const j of ruJudges) kit.judges.set(j.id, j);
    await api()
      .post(`/api/tournaments/${ruSouth.id}/adjudicators`)
      .set(fx.auth())
      .send({ judgeIds: ruJudges.map((j) => j.id) })
      .expect(201);

    // A team of the Kazakh league cannot also play in the Russian one.
    const kkTeam = kkSouth.teamIds[0];
    const refused = await api()
      .post(`/api/tournaments/${ruSouth.id}/teams`)
      .set(fx.auth())
      .send({ teamId: kkTeam })
      .expect(409);
    expect(JSON.stringify(refused.body.message)).toContain('plays in another league of this cup');

    // Each league's national round.
    const national = async (leagueId: string, name: string) =>
      (
        await api()
          .post('/api/tournaments')
          .set(fx.auth())
          .send({ name, level: 'national', cupId: cup.id, leagueId, format: 'wsdc', prelimRounds: 0, breakSize: 2 })
          .expect(201)
      ).body.id as string;
    const kkNational = await national(kkLeague.id, 'AMANAT Cup — Ұлттық кезең');
    const ruNational = await national(ruLeague.id, 'AMANAT Cup — Национальный этап');
    await api()
      .post('/api/tournaments')
      .set(fx.auth())
      .send({
        name: 'x',
        level: 'national',
        cupId: cup.id,
        leagueId: kkLeague.id,
        format: 'wsdc',
        prelimRounds: 0,
        breakSize: 2,
      })
      .expect(409);
    const nationalJudges = [...kkSouth.judgeIds, ...kkNorth.judgeIds];
    for (const id of [kkNational, ruNational]) {
      await api()
        .post(`/api/tournaments/${id}/adjudicators`)
        .set(fx.auth())
        .send({ judgeIds: nationalJudges })
        .expect(201);
    }

    await playOut(kkSouth.id);
    await playOut(kkNorth.id);
    const ruDone = await playOut(ruSouth.id);
    // By oblast: the best-placed team of Shymkent and the best-placed of Turkistan, in finishing order — two places
    // from one region, where the macro-region rule with one place would send one.
    const shymkentBest = ruTeams[0].id;
    const oblastOf = new Map(ruTeams.map((x) => [x.id, x.oblast]));
    const places: string[] = ruDone.finalPlaces;
    const firstOf = (oblast: string) => places.find((id) => oblastOf.get(id) === oblast)!;
    expect(places[0]).toBe(shymkentBest);
    const ruView = (await api().get(`/api/cups/${cup.id}`).query({ league: 'ru' }).expect(200)).body;
    expect(ruView.leagues.map((l: { key: string }) => l.key)).toEqual(['ru']);
    const ruSouthRow = ruView.leagues[0].regions.find((r: { code: string }) => r.code === 'south');
    expect(ruSouthRow.qualifiers).toEqual([shymkentBest, firstOf('turkistan')]);
    // Next in line: the second of each oblast, in finishing order (who would take a withdrawn qualifier's place).
    const secondOf = (oblast: string) => places.filter((id) => oblastOf.get(id) === oblast)[1];
    expect(ruSouthRow.reserves.map((x: { teamId: string }) => x.teamId)).toEqual(
      places.filter((id) => id === secondOf('shymkent') || id === secondOf('turkistan')),
    );
    // The same in the CSV: the league's key in the first column, the qualifiers with their place, then the reserves.
    const sheet = await api().get(`/api/cups/${cup.id}`).query({ league: 'ru', format: 'csv' }).expect(200);
    const ruSouthLines = sheet.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .filter((l) => l.includes(',south,'))
      .map((l) => l.split(',').slice(0, 6));
    expect(ruSouthLines).toEqual([
      ['ru', 'south', 'finished', 'qualifier', '1', shymkentBest],
      ['ru', 'south', 'finished', 'qualifier', '2', firstOf('turkistan')],
      ...places
        .filter((id) => id === secondOf('shymkent') || id === secondOf('turkistan'))
        .map((id) => ['ru', 'south', 'finished', 'reserve', '', id]),
    ]);

    const kkChampion = (await playOut(kkNational)).championTeamId;
    const ruChampion = (await playOut(ruNational)).championTeamId;
    expect(kkChampion).toBe(kkSouth.teamIds[0]);
    expect(ruChampion).toBe(shymkentBest);

    const whole = (await api().get(`/api/cups/${cup.id}`).expect(200)).body;
    const champions = Object.fromEntries(
      whole.leagues.map((l: { key: string; national: { champion: string } }) => [l.key, l.national.champion]),
    );
    expect(champions).toEqual({ kk: kkChampion, ru: ruChampion });
    const ruTournaments = (
      await api().get('/api/tournaments').query({ cupId: cup.id, leagueId: ruLeague.id }).expect(200)
    ).body;
    expect(ruTournaments.items.map((x: { id: string }) => x.id).sort()).toEqual([ruSouth.id, ruNational].sort());
  });
});
