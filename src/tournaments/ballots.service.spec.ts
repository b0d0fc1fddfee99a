import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { TournamentWorld } from '../../test/support/services.js';
import type { DebateView } from './tournament-views.js';
import type { BallotDto, BallotReceipt } from './tournament.dto.js';

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

  describe('ballots that arrive together (group commit)', () => {
    const setUp = async () => {
      const { id } = await world.tournament({ teams: 8, judges: 12, prelimRounds: 1, breakSize: 2 });
      const round = await world.draw(id);
      expect(round.debates.map((d) => d.panel.length)).toEqual([3, 3, 3, 3]);
      const chair = (d: DebateView) => d.panel.find((p) => p.role === 'chair')!.judgeId;
      const wing = (d: DebateView, n: number) => d.panel.filter((p) => p.role === 'wing')[n].judgeId;
      const submit = (d: DebateView, judgeId: string, body: BallotDto, key?: string) =>
        world.ballots.submit(d.id, world.judge(judgeId), body, key);
      return { id, debates: round.debates, chair, wing, submit };
    };
    /** The transactions that wrote these ballots: rows inserted by one transaction share its xmin. */
    const writers = async (ballotIds: string[]) =>
      (
        (await world.dataSource.query(`SELECT count(DISTINCT xmin::text)::int AS n FROM ballots WHERE id = ANY($1)`, [
          ballotIds,
        ])) as { n: number }[]
      )[0].n;
    const scoreEvents = async (tournamentId: string) =>
      (await world.dataSource.query(
        `SELECT seq, payload FROM live_events WHERE room = $1 AND type = 'score' ORDER BY seq`,
        [`tournament:${tournamentId}`],
      )) as { seq: number; payload: { debateId: string; judgeId: string; ballotsIn: number } }[];

    it('writes them in one transaction, and answers each as it would have answered it alone', async () => {
      const { id, debates, chair, wing, submit } = await setUp();
      const [a, b, c, d] = debates;
      const earlier = await submit(a, chair(a), world.ballot(a), 'k-a');
      const before = (await scoreEvents(id)).length;
      world.announced.length = 0;
      const settled = await Promise.all(
        [
          submit(a, chair(a), world.ballot(a), 'k-a'), // 0: a replay
          submit(a, chair(a), { ...world.ballot(a), version: 1 }, 'k-a2'), // 1: the same judge again: version 2
          submit(a, wing(a, 0), world.ballot(a), 'k-a3'), // 2
          submit(b, wing(b, 0), world.ballot(b), 'k-b1'), // 3
          submit(b, wing(b, 1), world.ballot(b), 'k-b2'), // 4
          submit(b, chair(b), world.ballot(b), 'k-b3'), // 5: completes b's panel with 3 and 4
          submit(c, chair(a), world.ballot(c), 'k-c1'), // 6: not on c's panel
          submit(c, wing(c, 0), { teams: [] }, 'k-c2'), // 7: no scores
          submit(c, wing(c, 1), world.ballot(c), 'k-a'), // 8: another judge's key of the same text
          submit(d, chair(d), world.ballot(d), 'k-d1'), // 9
          submit(d, chair(d), world.ballot(d), 'k-d1'), // 10: sent twice at once
          submit(c, chair(c), world.ballot(c)), // 11: no key
        ].map((p) => p.catch(code)),
      );
      const receipt = (i: number) => settled[i] as BallotReceipt;
      expect(settled[0]).toEqual(earlier);
      expect(receipt(1)).toMatchObject({ version: 2, debateStatus: 'pending' });
      expect(receipt(2)).toMatchObject({ version: 1, judgeId: wing(a, 0), debateStatus: 'pending' });
      expect(receipt(5)).toMatchObject({ judgeId: chair(b), debateStatus: 'confirmed' });
      expect(settled[6]).toBe(DomainErrorCode.Forbidden);
      expect(settled[7]).toBe(DomainErrorCode.InvalidInput);
      expect(receipt(8)).toMatchObject({ version: 1, judgeId: wing(c, 1) });
      expect(settled[10]).toEqual(settled[9]);
      expect(receipt(11)).toMatchObject({ version: 1, judgeId: chair(c) });

      // The plain ones (open panels, first of their debate and judge) went in one transaction.
      const together = [2, 3, 4, 8, 9, 11].map((i) => receipt(i).ballotId);
      expect(await writers(together)).toBe(1);
      const current = (await world.dataSource.query(
        `SELECT debate_id AS "debateId", judge_id AS "judgeId", version FROM ballots
         WHERE current AND debate_id = ANY($1) ORDER BY debate_id, judge_id`,
        [debates.map((x) => x.id)],
      )) as { debateId: string; judgeId: string; version: number }[];
      const expected = [
        [a, chair(a), 2],
        [a, wing(a, 0), 1],
        [b, wing(b, 0), 1],
        [b, wing(b, 1), 1],
        [b, chair(b), 1],
        [c, wing(c, 1), 1],
        [c, chair(c), 1],
        [d, chair(d), 1],
      ] as const;
      expect(current).toEqual(
        expected
          .map(([x, judgeId, version]) => ({ debateId: x.id, judgeId, version }))
          .sort((p, q) => (p.debateId + p.judgeId < q.debateId + q.judgeId ? -1 : 1)),
      );
      // One live event per ballot written, numbered without gaps; b's count up to its panel.
      const events = (await scoreEvents(id)).slice(before);
      expect(events).toHaveLength(expected.length);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => events[0].seq + i));
      expect(
        events
          .filter((e) => e.payload.debateId === b.id)
          .map((e) => e.payload.ballotsIn)
          .sort(),
      ).toEqual([1, 2, 3]);
      expect(world.announced).toContain(`tournament:${id}`);
      // Refused ballots leave no key behind; every written one replays its answer.
      const keys = (await world.dataSource.query(
        `SELECT key FROM idempotency_keys WHERE key IN ('k-c1', 'k-c2') AND scope LIKE '%:ballot:%'`,
      )) as unknown[];
      expect(keys).toEqual([]);
      expect(await submit(a, wing(a, 0), world.ballot(a), 'k-a3')).toEqual(receipt(2));
      expect(await submit(c, wing(c, 1), world.ballot(c), 'k-a')).toEqual(receipt(8));
      expect(await submit(d, chair(d), world.ballot(d), 'k-d1')).toEqual(receipt(9));
    });

    it('takes every ballot alone when the batch fails as a whole, so one bad write loses no other', async () => {
      const { debates, chair, submit } = await setUp();
      const doomed = chair(debates[0]);
      await world.dataSource.query(`CREATE FUNCTION refuse_doomed_ballot() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.judge_id = '${doomed}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
      await world.dataSource.query(
        `CREATE TRIGGER refuse_doomed_ballot BEFORE INSERT ON ballots FOR EACH ROW EXECUTE FUNCTION refuse_doomed_ballot()`,
      );
      try {
        const settled = await Promise.all(
          debates.map((x, i) => submit(x, chair(x), world.ballot(x), `fail-${i}`).catch((e: unknown) => e)),
        );
        expect(settled[0]).toBeInstanceOf(Error);
        const written = settled.slice(1) as BallotReceipt[];
        expect(written.map((r) => r.version)).toEqual([1, 1, 1]);
        // Each alone: three transactions, not one.
        expect(await writers(written.map((r) => r.ballotId))).toBe(3);
        const doomedRows = (await world.dataSource.query(
          `SELECT (SELECT count(*) FROM ballots WHERE judge_id = $1)::int AS ballots,
                  (SELECT count(*) FROM idempotency_keys WHERE key = 'fail-0')::int AS keys`,
          [doomed],
        )) as { ballots: number; keys: number }[];
        expect(doomedRows).toEqual([{ ballots: 0, keys: 0 }]);
      } finally {
        await world.dataSource.query(`DROP TRIGGER refuse_doomed_ballot ON ballots`);
        await world.dataSource.query(`DROP FUNCTION refuse_doomed_ballot()`);
      }
    });
  });
});
