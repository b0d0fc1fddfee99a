import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { TournamentWorld } from '../../test/support/services.js';
import type { ScoresheetDto } from './case-championship.dto.js';
import type { ScoresheetView } from './case-championships.service.js';

const code = (error: unknown) => (error instanceof DomainError ? error.code : String(error));
const KEYS = ['relevance', 'analysis', 'feasibility', 'innovation', 'presentation'];
const sheet = (base: number, extra: Partial<ScoresheetDto> = {}): ScoresheetDto => ({
  scores: Object.fromEntries(KEYS.map((k, i) => [k, (base + i) % 10])),
  ...extra,
});

describe('scoresheets that arrive together (group commit, real database)', () => {
  let world: TournamentWorld;
  beforeAll(async () => {
    world = await TournamentWorld.open();
  });
  afterAll(() => world.close());

  it('writes them in one transaction, and answers each as it would have answered it alone', async () => {
    const { id, teams, judges } = await scoring('Together', { judges: 5, jury: 4 });
    const submit = (judge: number, team: number, dto: ScoresheetDto, key?: string) =>
      world.championships.submitScoresheet(id, teams[team], world.judge(judges[judge]), dto, key);
    const earlier = await submit(0, 0, sheet(1), 'pre');
    const eventsBefore = await scoreSeqs(id);

    world.announced.length = 0;
    const settled = await Promise.all(
      [
        submit(0, 0, sheet(1), 'pre'), // 0: a replay
        submit(0, 0, sheet(2, { version: 1 }), 's1'), // 1: the same juror and team again: version 2
        submit(1, 0, sheet(3, { comment: 'clear and brave' }), 's2'), // 2
        submit(1, 1, sheet(4), 's3'), // 3
        submit(2, 2, sheet(5), 's4'), // 4
        submit(4, 2, sheet(6), 's5'), // 5: not on the jury
        submit(2, 3, { scores: { relevance: 99 } }, 's6'), // 6: off the rubric
        submit(3, 3, sheet(7), 's7'), // 7
        submit(3, 3, sheet(7), 's7'), // 8: sent twice at once
        submit(2, 1, sheet(8)), // 9: no key
      ].map((p) => p.catch(code)),
    );
    const view = (i: number) => settled[i] as ScoresheetView;
    expect(settled[0]).toEqual(earlier);
    expect(view(1)).toMatchObject({ version: 2, scores: sheet(2).scores });
    expect(view(2)).toMatchObject({ version: 1, judgeId: judges[1], teamId: teams[0], comment: 'clear and brave' });
    expect(settled[5]).toBe(DomainErrorCode.Forbidden);
    expect(settled[6]).toBe(DomainErrorCode.InvalidInput);
    expect(settled[8]).toEqual(settled[7]);
    expect(view(9)).toMatchObject({ version: 1, judgeId: judges[2], teamId: teams[1], comment: null });

    const together = [2, 3, 4, 7, 9].map((i) => view(i).id);
    const [{ writers }] = (await world.dataSource.query(
      `SELECT count(DISTINCT xmin::text)::int AS writers FROM case_scoresheets WHERE id = ANY($1)`,
      [together],
    )) as { writers: number }[];
    expect(writers).toBe(1);
    // Each answer is the sheet as the organiser's list reads it back, whichever way it was written.
    const stored = new Map((await world.championships.scoresheets(id)).map((s) => [s.id, s]));
    for (const i of [1, 2, 3, 4, 7, 9]) {
      const { id: sheetId, scores, comment, version, submittedAt, judgeId, teamId } = stored.get(view(i).id)!;
      expect(view(i)).toEqual({
        id: sheetId,
        championshipId: id,
        teamId,
        judgeId,
        scores,
        comment,
        version,
        submittedAt,
      });
    }
    const audit = (await world.dataSource.query(
      `SELECT scoresheet_id AS "sheetId", version FROM case_scoresheet_audit WHERE championship_id = $1`,
      [id],
    )) as { sheetId: string; version: number }[];
    expect(audit).toHaveLength(7);
    expect(
      audit
        .filter((a) => a.sheetId === view(1).id)
        .map((a) => a.version)
        .sort(),
    ).toEqual([1, 2]);
    // One live event per sheet written, numbered without gaps, and the room announced with fresh standings.
    const seqs = (await scoreSeqs(id)).slice(eventsBefore.length);
    expect(seqs).toEqual([0, 1, 2, 3, 4, 5].map((i) => seqs[0] + i));
    expect(world.announced).toContain(`championship:${id}`);
    const keys = (await world.dataSource.query(
      `SELECT key FROM idempotency_keys WHERE key IN ('s5', 's6') AND scope LIKE '%:scoresheet:%'`,
    )) as unknown[];
    expect(keys).toEqual([]);
    expect(await submit(1, 0, sheet(3, { comment: 'clear and brave' }), 's2')).toEqual(view(2));
    expect(await submit(3, 3, sheet(7), 's7')).toEqual(view(7));
  });

  it('in a qualifying room (sheets taken one at a time), two first sheets of one juror at once: both kept, in turn', async () => {
    const { id, teams, judges } = await scoring('One room', { judges: 3, jury: 3, oneRoom: true });
    const eventsBefore = await scoreSeqs(id);
    const juror = world.judge(judges[0]);
    // Two different first sheets for each team, all eight at once and without keys: on PostgreSQL the two of a
    // pair meet at the insert, and the later runs again as a replacement of the earlier.
    const answers = await Promise.all(
      teams.flatMap((teamId, t) => [
        world.championships.submitScoresheet(id, teamId, juror, sheet(t), undefined),
        world.championships.submitScoresheet(id, teamId, juror, sheet(t + 5), undefined),
      ]),
    );
    for (const [t, teamId] of teams.entries()) {
      const pair = answers.slice(2 * t, 2 * t + 2);
      expect(pair.map((a) => a.teamId)).toEqual([teamId, teamId]);
      expect(pair.map((a) => a.version).sort()).toEqual([1, 2]);
      expect(pair[0].id).toBe(pair[1].id);
    }
    const stored = (await world.championships.scoresheets(id)).filter((s) => s.judgeId === judges[0]);
    expect(stored.map((s) => s.version)).toEqual([2, 2, 2, 2]);
    // Each sheet's last answer is what stays; its audit has both, the second replacing the first.
    for (const sheetNow of stored) {
      const t = teams.indexOf(sheetNow.teamId);
      const last = answers.slice(2 * t, 2 * t + 2).find((a) => a.version === 2)!;
      expect(sheetNow.scores).toEqual(last.scores);
    }
    const audit = (await world.championships.audit(id)).filter((a) => a.judgeId === judges[0]);
    expect(audit).toHaveLength(8);
    for (const second of audit.filter((a) => a.version === 2)) {
      const first = audit.find((a) => a.version === 1 && a.teamId === second.teamId)!;
      expect(second.before).toEqual(first.after);
    }
    const seqs = (await scoreSeqs(id)).slice(eventsBefore.length);
    expect(seqs).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => seqs[0] + i));
  });

  /** Four teams entered, the first `jury` judges seated, scoring started (in one qualifying room if `oneRoom`). */
  async function scoring(
    title: string,
    { judges, jury, oneRoom = false }: { judges: number; jury: number; oneRoom?: boolean },
  ) {
    const { teamIds: teams, judgeIds } = await world.tournament({ teams: 4, judges, prelimRounds: 1, breakSize: 2 });
    const { id } = await world.championships.create({ title, regionCode: 'east', qualifierSlots: 1 });
    for (const teamId of teams) await world.championships.addEntry(id, { teamId });
    await world.championships.seatJury(id, { judgeIds: judgeIds.slice(0, jury) });
    if (oneRoom) await world.caseRooms.plan(id, { roomSize: 4, panelSize: jury, seed: title });
    await world.championships.startScoring(id);
    return { id, teams, judges: judgeIds };
  }

  const scoreSeqs = async (championshipId: string) =>
    (
      (await world.dataSource.query(`SELECT seq FROM live_events WHERE room = $1 AND type = 'score' ORDER BY seq`, [
        `championship:${championshipId}`,
      ])) as { seq: number }[]
    ).map((r) => r.seq);
});
