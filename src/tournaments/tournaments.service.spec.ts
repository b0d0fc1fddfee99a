import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { TournamentWorld } from '../../test/support/services.js';

const code = (error: unknown) => (error instanceof DomainError ? error.code : String(error));

describe('TournamentsService (real database)', () => {
  let world: TournamentWorld;
  beforeAll(async () => {
    world = await TournamentWorld.open();
  });
  afterAll(() => world.close());

  it('creates a tournament only from a known format, and a national round only for a cup without one', async () => {
    const base = { name: 'T', level: 'regional' as const, regionCode: 'east', prelimRounds: 1, breakSize: 2 };
    await expect(world.tournaments.create({ ...base, format: 'chess' }).catch(code)).resolves.toBe(
      DomainErrorCode.InvalidInput,
    );
    await expect(world.tournaments.create({ ...base, level: 'national', format: 'wsdc' }).catch(code)).resolves.toBe(
      DomainErrorCode.InvalidInput,
    );
    const cup = await world.cups.create({ name: 'Cup', season: '2026', slotsPerRegion: 2 });
    const national = await world.tournaments.create({
      ...base,
      level: 'national',
      format: 'wsdc',
      cupId: cup.id,
      prelimRounds: 0,
    });
    expect(national).toMatchObject({ level: 'national', cupId: cup.id, status: 'setup', teams: [] });
    await expect(
      world.tournaments.create({ ...base, level: 'national', format: 'wsdc', cupId: cup.id }).catch(code),
    ).resolves.toBe(DomainErrorCode.Conflict);
  });

  it('fixes the teams once the first round is drawn', async () => {
    const { id, teamIds } = await world.tournament({ teams: 2, judges: 1, prelimRounds: 1, breakSize: 2 });
    await world.rounds.generate(id, {});
    await expect(world.tournaments.addTeams(id, { teamId: teamIds[0] }).catch(code)).resolves.toBe(
      DomainErrorCode.WrongState,
    );
  });

  it("forfeits a withdrawn team's open debate to its opponent, once", async () => {
    const { id } = await world.tournament({ teams: 2, judges: 1, prelimRounds: 2, breakSize: 2 });
    const [debate] = (await world.draw(id)).debates;
    const [leaving, staying] = debate.teams.map((t) => t.teamId);
    expect(await world.tournaments.withdraw(id, { teamId: leaving }, world.organiser)).toEqual({
      teamId: leaving,
      withdrawn: true,
      replacement: null,
    });
    const forfeited = await world.queries.debate(debate.id, true);
    expect(forfeited).toMatchObject({ status: 'confirmed', result: { winnerTeamId: staying, forfeitedBy: leaving } });
    expect((await world.queries.standings(id, true)).map((r) => r.teamId)).toEqual([staying]);
    await expect(world.tournaments.withdraw(id, { teamId: leaving }, world.organiser).catch(code)).resolves.toBe(
      DomainErrorCode.WrongState,
    );
    await expect(world.tournaments.withdraw(id, { teamId: debate.id }, world.organiser).catch(code)).resolves.toBe(
      DomainErrorCode.NotFound,
    );
  });
});
