import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { TournamentWorld } from '../../test/support/services.js';
import { Round } from './round.entity.js';

const code = (error: unknown) => (error instanceof DomainError ? error.code : String(error));

describe('CupsService (real database)', () => {
  let world: TournamentWorld;
  beforeAll(async () => {
    world = await TournamentWorld.open();
  });
  afterAll(() => world.close());

  /** A regional tournament of the cup played to its champion: 4 teams, one round, a final of the top two. */
  async function playRegion(cupId: string) {
    const region = await world.tournament({ teams: 4, judges: 2, prelimRounds: 1, breakSize: 2, cupId });
    await world.judgeAll(await world.draw(region.id));
    const final = await world.draw(region.id);
    await world.judgeAll(final);
    return { ...region, final: final.debates[0] };
  }

  it("sends a finished region's top finishers to the national round, in order", async () => {
    const cup = await world.cups.create({ name: 'Cup A', season: '2026', slotsPerRegion: 2 });
    expect(cup.regions.map((r) => r.status)).toEqual([
      'not-created',
      'not-created',
      'not-created',
      'not-created',
      'not-created',
    ]);
    const national = await world.tournaments.create({
      name: 'National A',
      level: 'national',
      cupId: cup.id,
      format: 'wsdc',
      prelimRounds: 0,
      breakSize: 8,
    });
    const region = await playRegion(cup.id);
    const view = await world.queries.cup(cup.id);
    const east = view.regions.find((r) => r.code === 'east')!;
    expect(east).toMatchObject({ tournamentId: region.id, status: 'finished' });
    // The strongest team won round 1 and the final; the runner-up is the other finalist.
    const runnerUp = region.final.teams.map((t) => t.teamId).find((t) => t !== region.teamIds[0]);
    expect(east.qualifiers).toEqual([region.teamIds[0], runnerUp]);
    expect((await world.queries.tournament(national.id)).teams.map((e) => e.position)).toEqual([1, 2]);
    const entries = (await world.queries.tournament(national.id)).teams;
    expect(entries.map((e) => [e.teamId, e.source])).toEqual(east.qualifiers.map((t) => [t, `region:${region.id}`]));
  });

  it('takes a corrected regional final back out of the national round and sends the new order', async () => {
    const cup = await world.cups.create({ name: 'Cup B', season: '2026', slotsPerRegion: 1 });
    const national = await world.tournaments.create({
      name: 'National B',
      level: 'national',
      cupId: cup.id,
      format: 'wsdc',
      prelimRounds: 0,
      breakSize: 8,
    });
    const region = await playRegion(cup.id);
    expect((await world.queries.tournament(national.id)).teams.map((e) => e.teamId)).toEqual([region.teamIds[0]]);
    const underdog = region.final.teams.map((t) => t.teamId).find((t) => t !== region.teamIds[0])!;
    const judgeId = region.final.panel[0].judgeId;
    await world.ballots.correct(
      region.final.id,
      world.organiser,
      { judgeId, ...world.ballot(region.final, underdog) },
      false,
    );
    expect((await world.queries.tournament(region.id)).championTeamId).toBe(underdog);
    expect((await world.queries.tournament(national.id)).teams.map((e) => e.teamId)).toEqual([underdog]);
  });

  it('refuses to change a finished region once the national round has started', async () => {
    const cup = await world.cups.create({ name: 'Cup C', season: '2026', slotsPerRegion: 1 });
    const national = await world.tournaments.create({
      name: 'National C',
      level: 'national',
      cupId: cup.id,
      format: 'wsdc',
      prelimRounds: 0,
      breakSize: 8,
    });
    const region = await playRegion(cup.id);
    await world.dataSource.manager.insert(Round, { tournamentId: national.id, seq: 1, kind: 'elim', seed: 's' });
    const underdog = region.final.teams.map((t) => t.teamId).find((t) => t !== region.teamIds[0])!;
    const correction = { judgeId: region.final.panel[0].judgeId, ...world.ballot(region.final, underdog) };
    await expect(world.ballots.correct(region.final.id, world.organiser, correction, false).catch(code)).resolves.toBe(
      DomainErrorCode.WrongState,
    );
    expect((await world.queries.tournament(region.id)).championTeamId).toBe(region.teamIds[0]);
  });
});
