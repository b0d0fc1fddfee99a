import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { TournamentWorld } from '../../test/support/services.js';

const code = (error: unknown) => (error instanceof DomainError ? error.code : String(error));

describe('BallotsService (real database)', () => {
  let world: TournamentWorld;
  beforeAll(async () => {
    world = await TournamentWorld.open();
  });
  afterAll(() => world.close());

  it('takes ballots only from the panel, only on a released round, and never after the result is confirmed', async () => {
    const { id, judgeIds } = await world.tournament({ teams: 2, judges: 2, prelimRounds: 1, breakSize: 2 });
    const draft = await world.rounds.generate(id, {});
    const [debate] = draft.debates;
    const [onPanel] = debate.panel.map((p) => p.judgeId);
    const offPanel = judgeIds.find((j) => !debate.panel.some((p) => p.judgeId === j));
    await expect(
      world.ballots.submit(debate.id, world.judge(onPanel), world.ballot(debate), undefined).catch(code),
    ).resolves.toBe(DomainErrorCode.WrongState);
    await world.rounds.release(id, draft.seq);
    if (offPanel) {
      await expect(
        world.ballots.submit(debate.id, world.judge(offPanel), world.ballot(debate), undefined).catch(code),
      ).resolves.toBe(DomainErrorCode.Forbidden);
    }
    const receipts = [];
    for (const p of debate.panel)
      receipts.push(await world.ballots.submit(debate.id, world.judge(p.judgeId), world.ballot(debate), undefined));
    expect(receipts.at(-1)).toMatchObject({ debateStatus: 'confirmed', needsConfirmation: false, version: 1 });
    await expect(
      world.ballots.submit(debate.id, world.judge(onPanel), world.ballot(debate), undefined).catch(code),
    ).resolves.toBe(DomainErrorCode.WrongState);
    await expect(world.ballots.confirm(debate.id, world.organiser).catch(code)).resolves.toBe(
      DomainErrorCode.WrongState,
    );
  });

  it('leaves a debate the panel has not settled to the organiser, whose confirmation follows the chair, once', async () => {
    const { id } = await world.tournament({ teams: 2, judges: 3, prelimRounds: 1, breakSize: 2 });
    const [debate] = (await world.draw(id)).debates;
    expect(debate.panel).toHaveLength(3);
    const [a, b] = debate.teams.map((t) => t.teamId);
    const chair = debate.panel.find((p) => p.role === 'chair')!.judgeId;
    const wing = debate.panel.find((p) => p.role === 'wing')!.judgeId;
    await world.ballots.submit(debate.id, world.judge(wing), world.ballot(debate, a), undefined);
    const second = await world.ballots.submit(debate.id, world.judge(chair), world.ballot(debate, b), undefined);
    expect(second).toMatchObject({ debateStatus: 'pending', needsConfirmation: false });
    const confirmed = await world.ballots.confirm(debate.id, world.organiser);
    expect(confirmed.result).toMatchObject({ winnerTeamId: b, evenSplit: true });
    await expect(world.ballots.confirm(debate.id, world.organiser).catch(code)).resolves.toBe(
      DomainErrorCode.WrongState,
    );
    const audit = await world.queries.audit(id);
    expect(audit.map((e) => [e.action, e.after?.result?.winnerTeamId])).toEqual([['confirm', b]]);
  });

  it('refuses to confirm a debate with no ballot', async () => {
    const { id } = await world.tournament({ teams: 2, judges: 1, prelimRounds: 1, breakSize: 2 });
    const [debate] = (await world.draw(id)).debates;
    await expect(world.ballots.confirm(debate.id, world.organiser).catch(code)).resolves.toBe(
      DomainErrorCode.RuleViolation,
    );
    expect((await world.queries.debate(debate.id, true)).status).toBe('pending');
  });

  it('announces the tournament room after a ballot commits, and nothing for a refused one', async () => {
    const { id } = await world.tournament({ teams: 2, judges: 1, prelimRounds: 1, breakSize: 2 });
    const [debate] = (await world.draw(id)).debates;
    const judge = world.judge(debate.panel[0].judgeId);
    world.announced.length = 0;
    await world.ballots.submit(debate.id, judge, { teams: [] }, undefined).catch(code);
    expect(world.announced).toEqual([]);
    await world.ballots.submit(debate.id, judge, world.ballot(debate), undefined);
    expect(world.announced).toEqual([`tournament:${id}`]);
  });

  it("keeps an open panel's ballot, its live event and its key's answer together: a replay returns the first answer", async () => {
    const { id } = await world.tournament({ teams: 2, judges: 3, prelimRounds: 1, breakSize: 2 });
    const [debate] = (await world.draw(id)).debates;
    const judge = world.judge(debate.panel.find((p) => p.role === 'wing')!.judgeId);
    const rows = async () =>
      (await world.dataSource.query(
        `SELECT version, current FROM ballots WHERE debate_id = $1 AND judge_id = $2 ORDER BY version`,
        [debate.id, judge.id],
      )) as { version: number; current: boolean }[];
    const events = async () =>
      (
        (await world.dataSource.query(`SELECT count(*)::int AS n FROM live_events WHERE room = $1 AND type = 'score'`, [
          `tournament:${id}`,
        ])) as { n: number }[]
      )[0].n;

    const first = await world.ballots.submit(debate.id, judge, world.ballot(debate), 'wing-1');
    expect(first).toEqual({
      ballotId: expect.any(String),
      debateId: debate.id,
      judgeId: judge.id,
      version: 1,
      debateStatus: 'pending',
      needsConfirmation: false,
    });
    expect(await world.ballots.submit(debate.id, judge, world.ballot(debate), 'wing-1')).toEqual(first);
    expect(await rows()).toEqual([{ version: 1, current: true }]);
    expect(await events()).toBe(1);

    const second = await world.ballots.submit(debate.id, judge, { ...world.ballot(debate), version: 1 }, 'wing-2');
    expect(second).toMatchObject({ version: 2, debateStatus: 'pending' });
    expect(second.ballotId).not.toBe(first.ballotId);
    expect(await rows()).toEqual([
      { version: 1, current: false },
      { version: 2, current: true },
    ]);
    // Sent against version 1, now replaced: refused, and nothing of it stays (not its key either).
    await expect(
      world.ballots.submit(debate.id, judge, { ...world.ballot(debate), version: 1 }, 'wing-3').catch(code),
    ).resolves.toBe(DomainErrorCode.StaleVersion);
    expect(await rows()).toHaveLength(2);
    expect(await events()).toBe(2);
    expect(await world.ballots.submit(debate.id, judge, world.ballot(debate), 'wing-1')).toEqual(first);
    expect(await world.ballots.submit(debate.id, judge, { ...world.ballot(debate), version: 1 }, 'wing-2')).toEqual(
      second,
    );
  });
});
