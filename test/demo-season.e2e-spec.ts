import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { OrleuApi } from '../src/demo/api-client.js';
import { KAZAKH_LEAGUE, RUSSIAN_LEAGUE } from '../src/demo/names.js';
import { REGIONS, SeasonBuilder, type SeasonResult } from '../src/demo/season.js';
import { ORGANISER, startTestApp, type TestApp } from './support/test-app.js';

interface BracketView {
  champion: string | null;
  rounds: { debates: { teamIds: (string | null)[]; winnerTeamId: string | null }[] }[];
}

describe('npm run demo: the season builder at small size (e2e)', () => {
  let t: TestApp;
  let result: SeasonResult;
  const api = () => request(t.url);
  const leagues = { kk: KAZAKH_LEAGUE, ru: RUSSIAN_LEAGUE };

  beforeAll(async () => {
    t = await startTestApp();
    result = await new SeasonBuilder(new OrleuApi(t.url), {
      leagues: [KAZAKH_LEAGUE, RUSSIAN_LEAGUE],
      season: '2026',
      caseTeamsPerLeague: 3,
      qualifiersPerLeague: 2,
      jurorsPerChampionship: 3,
      adjudicatorsPerRegion: 4,
      format: 'wsdc',
      prelimRounds: 1,
      breakSize: 2,
      slotsPerRegion: 1,
      bp: { region: 'central', teams: 4, prelimRounds: 1, breakSize: 4 },
      seed: 7,
    }).run(ORGANISER);
  });
  afterAll(() => t.close());

  /** A team's league, told by its name alone: each league names its teams from its own list. */
  async function leagueOf(teamId: string): Promise<string> {
    const team = (await api().get(`/api/teams/${teamId}`).expect(200)).body as { name: string };
    const found = Object.entries(leagues).filter(([, l]) => l.teamNames.some((n) => team.name.startsWith(n)));
    expect(found).toHaveLength(1);
    return found[0][0];
  }

  it('plays a Kazakh and a Russian league in one cup: a regional tournament per region each, from its own teams', async () => {
    expect(result.leagues.map((l) => l.key)).toEqual(['kk', 'ru']);
    const cup = (await api().get(`/api/cups/${result.cupId}`).expect(200)).body;
    expect(cup.leagues.map((l: { key: string }) => l.key).sort()).toEqual(['kk', 'ru']);
    for (const league of result.leagues) {
      expect(league.regions.map((r) => r.region)).toEqual([...REGIONS]);
      for (const region of league.regions) {
        const tournament = (await api().get(`/api/tournaments/${region.tournamentId}`).expect(200)).body;
        expect(tournament).toMatchObject({ status: 'finished', regionCode: region.region, format: 'wsdc' });
        const standings = (await api().get(`/api/tournaments/${region.tournamentId}/standings`).expect(200)).body
          .items as { teamId: string }[];
        expect(standings).toHaveLength(2);
        for (const row of standings) expect(await leagueOf(row.teamId)).toBe(league.key);
        // The league's two best of the region's case championship, by that championship's own standing.
        const caseRows = (await api().get(`/api/case-championships/${region.championshipId}/standings`).expect(200))
          .body.rows as { teamId: string }[];
        const ownBest: string[] = [];
        for (const row of caseRows) if ((await leagueOf(row.teamId)) === league.key) ownBest.push(row.teamId);
        expect(new Set(standings.map((r) => r.teamId))).toEqual(new Set(ownBest.slice(0, 2)));
        const champion = (await api().get(`/api/teams/${tournament.championTeamId}`).expect(200)).body;
        expect(champion.regionCode).toBe(region.region);
        expect(region.champion).toBe(champion.name);
        expect(region.qualifiers).toEqual([tournament.championTeamId]);
      }
    }
    expect(result.counts.scoresheets).toBe(REGIONS.length * 2 * 3 * 3);
  });

  it("plays each league's national round to its own champion, who won every match it played", async () => {
    const champions = [];
    for (const league of result.leagues) {
      const view = (await api().get(`/api/cups/${result.cupId}?league=${league.key}`).expect(200)).body;
      const own = view.leagues.find((l: { key: string }) => l.key === league.key);
      expect(own.regions.every((r: { status: string }) => r.status === 'finished')).toBe(true);
      expect(own.national.status).toBe('finished');
      const regionalChampions = own.regions.flatMap((r: { qualifiers: string[] }) => r.qualifiers);
      expect(regionalChampions).toHaveLength(REGIONS.length);
      expect(regionalChampions).toContain(own.national.champion);
      expect(league.national.champion).toBe(own.national.champion);
      expect(await leagueOf(own.national.champion)).toBe(league.key);
      const bracket = (await api().get(`/api/tournaments/${league.national.tournamentId}/bracket`).expect(200))
        .body as BracketView;
      expect(bracket.champion).toBe(own.national.champion);
      const played = bracket.rounds
        .flatMap((r) => r.debates)
        .filter((d) => d.teamIds.includes(bracket.champion) && d.teamIds.every(Boolean));
      expect(played.length).toBeGreaterThanOrEqual(2);
      for (const match of played) expect(match.winnerTeamId).toBe(bracket.champion);
      champions.push(own.national.champion);
    }
    expect(new Set(champions).size).toBe(2);
  });

  it('plays a British Parliamentary open in rooms of four to a champion who topped the final room', async () => {
    const tournament = (await api().get(`/api/tournaments/${result.bp.tournamentId}`).expect(200)).body;
    expect(tournament).toMatchObject({ format: 'bp', status: 'finished', regionCode: 'central' });
    expect(tournament.championTeamId).toBe(result.bp.champion);
    const standings = (await api().get(`/api/tournaments/${result.bp.tournamentId}/standings`).expect(200)).body
      .items as { teamId: string; points: number }[];
    // One prelim room of four: ranks worth 3, 2, 1 and 0.
    expect(standings.map((r) => r.points).sort()).toEqual([0, 1, 2, 3]);
    const bracket = (await api().get(`/api/tournaments/${result.bp.tournamentId}/bracket`).expect(200))
      .body as BracketView;
    const final = bracket.rounds.at(-1)!.debates;
    expect(final).toHaveLength(1);
    expect(final[0].teamIds).toHaveLength(4);
    expect(final[0].teamIds).toContain(result.bp.champion);
    expect(final[0].winnerTeamId).toBe(result.bp.champion);
    expect(bracket.champion).toBe(result.bp.champion);
    const champion = (await api().get(`/api/teams/${result.bp.champion}`).expect(200)).body;
    expect(result.bp.championName).toBe(champion.name);
    expect(champion.regionCode).toBe('central');
  });
});
