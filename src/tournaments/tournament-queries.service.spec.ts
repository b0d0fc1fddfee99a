import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { TournamentWorld } from '../../test/support/services.js';

const code = (error: unknown) => (error instanceof DomainError ? error.code : String(error));

describe('TournamentQueries (real database)', () => {
  let world: TournamentWorld;
  beforeAll(async () => {
    world = await TournamentWorld.open();
  });
  afterAll(() => world.close());

  it('shows a draft round to organisers only, and a judge only their released debates', async () => {
    const { id } = await world.tournament({ teams: 2, judges: 1, prelimRounds: 1, breakSize: 2 });
    const draft = await world.rounds.generate(id, {});
    const judge = world.judge(draft.debates[0].panel[0].judgeId);
    await expect(world.queries.round(id, 1, false).catch(code)).resolves.toBe(DomainErrorCode.NotFound);
    await expect(world.queries.debate(draft.debates[0].id, false).catch(code)).resolves.toBe(DomainErrorCode.NotFound);
    expect((await world.queries.rounds(id, false)).length).toBe(0);
    expect((await world.queries.round(id, 1, true)).status).toBe('draft');
    expect(await world.queries.judgeDebates(judge)).toEqual({ items: [], total: 0 });
    await world.rounds.release(id, 1);
    expect((await world.queries.judgeDebates(judge)).items.map((d) => [d.debateId, d.role])).toEqual([
      [draft.debates[0].id, 'chair'],
    ]);
  });

  it("keeps a silent round's results off the public tab and round until it is revealed", async () => {
    const { id } = await world.tournament({ teams: 2, judges: 1, prelimRounds: 2, breakSize: 2 });
    await world.judgeAll(await world.draw(id));
    const afterOne = await world.queries.standings(id, false);
    expect(afterOne.map((r) => r.debates)).toEqual([1, 1]);
    await world.judgeAll(await world.draw(id, { silent: true }));
    expect(await world.queries.standings(id, false)).toEqual(afterOne);
    expect((await world.queries.standings(id, true)).map((r) => r.debates)).toEqual([2, 2]);
    expect((await world.queries.round(id, 2, false)).debates.map((d) => [d.status, d.result])).toEqual([
      ['pending', undefined],
    ]);
    await world.rounds.reveal(id, 2);
    expect(await world.queries.standings(id, false)).toEqual(await world.queries.standings(id, true));
  });

  it('lists the speakers of every team, and answers 404 for a tournament that does not exist', async () => {
    const { id, teamIds } = await world.tournament({ teams: 2, judges: 1, prelimRounds: 1, breakSize: 2 });
    expect(new Set((await world.queries.speakers(id, true)).map((s) => s.teamId))).toEqual(new Set(teamIds));
    await expect(world.queries.standings(teamIds[0], false).catch(code)).resolves.toBe(DomainErrorCode.NotFound);
  });
});
