import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { OrleuApi } from '../src/demo/api-client.js';
import { KAZAKH_LEAGUE } from '../src/demo/names.js';
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

  beforeAll(async () => {
    t = await startTestApp();
    result = await new SeasonBuilder(new OrleuApi(t.url), {
      league: KAZAKH_LEAGUE,
      season: '2026',
      caseTeamsPerRegion: 5,
      qualifiersPerRegion: 4,
      jurorsPerChampionship: 3,
      adjudicatorsPerRegion: 3,
      format: 'wsdc',
      prelimRounds: 2,
      breakSize: 2,
      slotsPerRegion: 1,
      seed: 7,
    }).run(ORGANISER);
  });
  afterAll(() => t.close());

  it('crowns a case winner and a tournament champion in every region, each from its own region', async () => {
    const org = { Authorization: `Bearer ${await t.organiserToken()}` };
    expect(result.regions.map((r) => r.region)).toEqual([...REGIONS]);
    for (const region of result.regions) {
      const championship = (await api().get(`/api/case-championships/${region.championshipId}`).expect(200)).body;
      expect(championship.status).toBe('finalised');
      const standings = (await api().get(`/api/case-championships/${region.championshipId}/standings`).expect(200))
        .body;
      expect(standings.rows.slice(0, 4).map((r: { teamId: string }) => r.teamId)).toEqual(championship.qualifiers);
      const sheets = (
        await api().get(`/api/case-championships/${region.championshipId}/scoresheets`).set(org).expect(200)
      ).body;
      expect(sheets.items).toHaveLength(5 * 3);
      expect(sheets.total).toBe(5 * 3);

      const tournament = (await api().get(`/api/tournaments/${region.tournamentId}`).expect(200)).body;
      expect(tournament.status).toBe('finished');
      expect(championship.qualifiers).toContain(tournament.championTeamId);
      const champion = (await api().get(`/api/teams/${tournament.championTeamId}`).expect(200)).body;
      expect(champion.regionCode).toBe(region.region);
      expect(region.champion).toBe(champion.name);
      expect(region.qualifiers).toEqual([tournament.championTeamId]);
    }
  });

  it('plays the national round to a champion who won every match it played', async () => {
    const cups = (await api().get('/api/cups').expect(200)).body;
    const cup = cups.items.find((c: { id: string }) => c.id === result.cupId);
    expect(cup).toBeDefined();
    const view = (await api().get(`/api/cups/${result.cupId}`).expect(200)).body;
    expect(view.regions.every((r: { status: string }) => r.status === 'finished')).toBe(true);
    expect(view.national.status).toBe('finished');
    const regionalChampions = view.regions.flatMap((r: { qualifiers: string[] }) => r.qualifiers);
    expect(regionalChampions).toHaveLength(5);
    expect(regionalChampions).toContain(view.national.champion);
    expect(result.national.champion).toBe(view.national.champion);

    const bracket = (await api().get(`/api/tournaments/${result.national.tournamentId}/bracket`).expect(200))
      .body as BracketView;
    expect(bracket.champion).toBe(view.national.champion);
    const played = bracket.rounds
      .flatMap((r) => r.debates)
      .filter((d) => d.teamIds.includes(bracket.champion) && d.teamIds.every(Boolean));
    expect(played.length).toBeGreaterThanOrEqual(2);
    for (const match of played) expect(match.winnerTeamId).toBe(bracket.champion);
    expect(result.counts.scoresheets).toBe(5 * 5 * 3);
  });
});
