import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { TournamentWorld } from '../../test/support/services.js';

const code = (error: unknown) => (error instanceof DomainError ? error.code : String(error));

describe('RoundsService (real database)', () => {
  let world: TournamentWorld;
  beforeAll(async () => {
    world = await TournamentWorld.open();
  });
  afterAll(() => world.close());

  it('draws the next round only once the last one is released and decided', async () => {
    const { id } = await world.tournament({ teams: 4, judges: 2, prelimRounds: 2, breakSize: 2 });
    const first = await world.rounds.generate(id, {});
    expect(first).toMatchObject({ seq: 1, kind: 'prelim', status: 'draft' });
    await expect(world.rounds.generate(id, {}).catch(code)).resolves.toBe(DomainErrorCode.WrongState);
    const released = await world.rounds.release(id, 1);
    await expect(world.rounds.release(id, 1).catch(code)).resolves.toBe(DomainErrorCode.WrongState);
    await expect(world.rounds.generate(id, {}).catch(code)).resolves.toBe(DomainErrorCode.WrongState);
    await world.judgeAll(released);
    expect((await world.queries.round(id, 1, true)).status).toBe('closed');
    expect((await world.rounds.generate(id, {})).seq).toBe(2);
  });

  it('regenerates a draft with a new seed, but not a round with a ballot in', async () => {
    const { id } = await world.tournament({ teams: 4, judges: 2, prelimRounds: 2, breakSize: 2 });
    const draft = await world.rounds.generate(id, { seed: 'one', motion: 'THW' });
    const again = await world.rounds.regenerate(id, 1, { seed: 'two' });
    expect(again).toMatchObject({ seq: 1, seed: 'two', motion: 'THW' });
    expect(again.debates.map((d) => d.id)).not.toEqual(expect.arrayContaining(draft.debates.map((d) => d.id)));
    const released = await world.rounds.release(id, 1);
    const [debate] = released.debates;
    await world.ballots.submit(debate.id, world.judge(debate.panel[0].judgeId), world.ballot(debate), undefined);
    await expect(world.rounds.regenerate(id, 1, {}).catch(code)).resolves.toBe(DomainErrorCode.WrongState);
  });

  it('breaks after the preliminary rounds into a bracket, and draws nothing once the tournament is finished', async () => {
    const { id, teamIds } = await world.tournament({ teams: 4, judges: 2, prelimRounds: 1, breakSize: 2 });
    await world.judgeAll(await world.draw(id));
    const final = await world.draw(id);
    expect(final).toMatchObject({ kind: 'elim', name: 'Final' });
    const tournament = await world.queries.tournament(id);
    expect(tournament.status).toBe('elims');
    expect(tournament.breakReport).toMatchObject({ breakSize: 2 });
    await world.judgeAll(final);
    const finished = await world.queries.tournament(id);
    // The strongest team won round 1, so it breaks, and wins the final.
    expect(finished).toMatchObject({ status: 'finished', championTeamId: teamIds[0] });
    await expect(world.rounds.generate(id, {}).catch(code)).resolves.toBe(DomainErrorCode.WrongState);
  });

  it('refuses to draw without adjudicators, and to reveal a round that is not silent', async () => {
    const created = await world.tournaments.create({
      name: 'No judges',
      level: 'regional',
      regionCode: 'east',
      format: 'wsdc',
      prelimRounds: 1,
      breakSize: 2,
    });
    await expect(world.rounds.generate(created.id, {}).catch(code)).resolves.toBe(DomainErrorCode.RuleViolation);
    const { id } = await world.tournament({ teams: 2, judges: 1, prelimRounds: 1, breakSize: 2 });
    await world.draw(id);
    await expect(world.rounds.reveal(id, 1).catch(code)).resolves.toBe(DomainErrorCode.WrongState);
  });

  it("tells every judge of a released round their seats, one event in each judge's room", async () => {
    const { id, judgeIds } = await world.tournament({ teams: 8, judges: 13, prelimRounds: 1, breakSize: 2 });
    // A judge who already has an event in their room: the release continues that room's numbering.
    await world.dataSource.query(`INSERT INTO live_rooms (room, seq) VALUES ($1, 7)`, [`judge:${judgeIds[0]}`]);
    const released = await world.draw(id);
    const expected = new Map<string, { debateId: string; role: string }[]>();
    for (const debate of released.debates)
      for (const seat of debate.panel)
        expected.set(seat.judgeId, [...(expected.get(seat.judgeId) ?? []), { debateId: debate.id, role: seat.role }]);
    expect(expected.size).toBe(12);
    const rows = (await world.dataSource.query(
      `SELECT room, seq, payload FROM live_events WHERE type = 'assignment' AND room = ANY($1) ORDER BY room`,
      [judgeIds.map((j) => `judge:${j}`)],
    )) as { room: string; seq: number; payload: { tournamentId: string; roundSeq: number; debates: unknown[] } }[];
    expect(rows.map((r) => r.room)).toEqual([...expected.keys()].map((j) => `judge:${j}`).sort());
    for (const row of rows) {
      const judgeId = row.room.slice('judge:'.length);
      expect(row.payload).toEqual({ tournamentId: id, roundSeq: released.seq, debates: expected.get(judgeId) });
      expect(row.seq).toBe(judgeId === judgeIds[0] ? 8 : 1);
    }
    expect(world.announced).toEqual(expect.arrayContaining(rows.map((r) => r.room)));
  });
});
